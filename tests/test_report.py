"""`make report` prints the admin page's figures as Markdown, from the same counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from api.core.settings import Settings
from api.insights.store import InsightsStore
from bot.clock import BOT_TODAY_VAR
from scripts import report


def test_the_report_prints_every_figure_as_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(BOT_TODAY_VAR, "2026-11-23")
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))
    store = InsightsStore.from_settings(Settings.from_env())
    for _ in range(3):
        store.count_turn(date(2026, 11, 20), "faq_answer", "wachtdagen")
    store.count_turn(date(2026, 11, 20), "not_understood", "-")
    store.count_turn(date(2026, 11, 21), "out_of_scope", "salaris")
    store.count_turn(date(2026, 9, 1), "faq_answer", "spoor1")  # outside the period
    store.count_vote(date(2026, 11, 21), "faq_answer", "wachtdagen", "down", "klopt_niet")
    store.dispose()
    assert report.main(["--van", "2026-11-01", "--tot", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Inzichten Poortwachter-assistent\n")
    assert "Periode: 2026-11-01 tot en met 2026-11-30. 5 berichten." in out
    for title in (
        "## Antwoorden per onderwerp",
        "## Vragen buiten de wet, per onderwerp",
        "## Niet begrepen, per week",
        "## Duim omlaag per antwoord, met redenen",
        "## Antwoorden die niet zijn gebruikt",
        "## Antwoorden die langer dan een jaar niet zijn gecontroleerd",
    ):
        assert title in out
    assert "| Wat zijn wachtdagen? | 3 | wachtdagen |" in out
    assert "| salaris | 1 |" in out
    assert "| 2026-W47 | 20.0 | 1 | 5 |" in out
    assert "| Wat zijn wachtdagen? | 1 | 0 | 1 | 0 | 0 | 0 | wachtdagen |" in out
    assert "spoor1 |" in out.split("## Antwoorden die niet zijn gebruikt")[1]
