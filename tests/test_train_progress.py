"""`make train` prints progress (scripts/train.py): a line per component Rasa starts to
train, a "still training" line when nothing new came for a while, the result, and on failure
the end of Rasa's own output. Checked with stand-in commands: no training here."""

from __future__ import annotations

import sys
from itertools import count

import pytest

from scripts.train import component_started, progress, result_line, run

STARTED = "2026-12-02 02:00:01 INFO     rasa.engine.training.hooks  - Starting to train component 'DIETClassifier'."
SAVED = "\x1b[92mYour Rasa model is trained and saved at 'models/poortwachter.tar.gz'.\x1b[0m"


def test_component_and_result_lines_are_recognised() -> None:
    assert component_started(STARTED) == "DIETClassifier"
    assert component_started("Epochs:  40%|████      | 16/40 [00:10<00:15]") is None
    assert (
        result_line(SAVED)
        == "Your Rasa model is trained and saved at 'models/poortwachter.tar.gz'."
    )
    assert result_line("UserWarning: something") is None


def test_progress_names_components_and_says_it_is_still_busy() -> None:
    lines = [None, STARTED, "noise", None, None, None, "Epochs: 1%|", None, SAVED]
    clock = iter(float(s) for s in (5, 10, 11, 20, 41, 45, 60, 80, 95))
    shown = list(progress(lines, clock, heartbeat=30))
    assert shown == [
        "    10 s  training DIETClassifier",
        "    41 s  still training DIETClassifier...",
        "    80 s  still training DIETClassifier...",
        "    95 s  Your Rasa model is trained and saved at 'models/poortwachter.tar.gz'.",
    ]


def test_no_component_yet_still_gives_a_heartbeat() -> None:
    shown = list(progress([None] * 4, (float(s) for s in count(0, 20)), heartbeat=30))
    assert shown == ["    40 s  still training (reading the data)..."]


STAND_IN = """
import sys, time
print("UserWarning: noise that is not shown", flush=True)
print({started!r}, flush=True)
for i in range(5):
    sys.stderr.write(f"\\rEpochs: {{i * 20}}%|##| {{i}}/5"); sys.stderr.flush()
    time.sleep(0.15)
print()
print({last!r}, flush=True)
sys.exit({code})
"""


def stand_in(last: str, code: int) -> list[str]:
    return [sys.executable, "-c", STAND_IN.format(started=STARTED, last=last, code=code)]


def test_run_prints_progress_and_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(stand_in(SAVED, 0), heartbeat=0.3) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.endswith("  training DIETClassifier") for line in out)
    assert any(line.endswith("still training DIETClassifier...") for line in out)
    assert any("Your Rasa model is trained and saved at" in line for line in out)
    assert out[-1].startswith("Training finished in ")
    assert not any("noise" in line or "Epochs" in line for line in out)


def test_a_failed_training_shows_the_end_of_rasas_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(stand_in("ValueError: the domain is broken", 3), heartbeat=30) == 3
    out = capsys.readouterr().out
    assert "Training failed (exit code 3)" in out
    assert "ValueError: the domain is broken" in out
    assert "Epochs" not in out  # progress bars are not part of the tail
