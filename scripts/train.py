"""`make train`: Rasa's training with short progress lines instead of minutes of silence.

Rasa runs at log level INFO; its output is read here and reduced to one line per component it
starts to train, a "still training" line when nothing new happened for a while, and its
result. Warnings and progress bars are dropped. When training fails, the last lines of Rasa's
full output are printed, so the cause is not lost.

    python -m scripts.train --fixed-model-name poortwachter --out models
"""

from __future__ import annotations

import collections
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

HEARTBEAT_SECONDS = 30.0
TAIL_LINES = 80

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_PROGRESS_BAR = re.compile(r"\d+%\|")  # tqdm's epoch bars, one "line" per update
_COMPONENT = re.compile(r"Starting to train component '(\w+)'")
_RESULT = re.compile(
    r"(Your Rasa model is trained and saved at .*"
    r"|No training of components required.*"
    r"|Nothing changed\..*)"
)


def component_started(line: str) -> str | None:
    """The component Rasa starts to train on this output line, if any."""
    match = _COMPONENT.search(_ANSI.sub("", line))
    return match.group(1) if match else None


def result_line(line: str) -> str | None:
    """Rasa's closing message (model saved, or nothing to train), if this is it."""
    match = _RESULT.search(_ANSI.sub("", line))
    return match.group(1).strip() if match else None


def progress(
    lines: Iterable[str | None], clock: Iterator[float], heartbeat: float = HEARTBEAT_SECONDS
) -> Iterator[str]:
    """The progress lines to print for Rasa's output.

    `lines` yields Rasa's output lines, and None whenever no output came for a short while;
    `clock` yields the seconds since the start, one value per item of `lines`.
    """
    component = "(reading the data)"
    last_shown = 0.0
    for line, elapsed in zip(lines, clock, strict=False):
        if line is not None:
            started = component_started(line)
            if started:
                component = started
                last_shown = elapsed
                yield f"  {elapsed:4.0f} s  training {started}"
                continue
            result = result_line(line)
            if result:
                last_shown = elapsed
                yield f"  {elapsed:4.0f} s  {result}"
                continue
        if elapsed - last_shown >= heartbeat:
            last_shown = elapsed
            yield f"  {elapsed:4.0f} s  still training {component}..."


def _read(stream: Iterable[str], into: queue.Queue[str | None]) -> None:
    for line in stream:
        into.put(line.rstrip("\n"))
    into.put(None)  # end of output


def run(command: list[str], heartbeat: float = HEARTBEAT_SECONDS) -> int:
    """Runs the training command, printing progress lines; returns its exit code."""
    env = {**os.environ, "LOG_LEVEL": "INFO"}  # Rasa names each component it trains at INFO
    start = time.monotonic()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        env=env,
    )
    assert process.stdout is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_read, args=(process.stdout, lines), daemon=True).start()
    tail: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)

    def output() -> Iterator[str | None]:
        while True:
            try:
                line = lines.get(timeout=min(1.0, heartbeat / 4))
            except queue.Empty:
                yield None
                continue
            if line is None:
                return
            if not _PROGRESS_BAR.search(line):
                tail.append(line)
            yield line

    def clock() -> Iterator[float]:
        while True:
            yield time.monotonic() - start

    try:
        for shown in progress(output(), clock(), heartbeat):
            print(shown, flush=True)
        code = process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 130
    if code != 0:
        print(f"Training failed (exit code {code}). The last lines of Rasa's output:", flush=True)
        print("\n".join(tail), flush=True)
    else:
        print(f"Training finished in {time.monotonic() - start:.0f} s.", flush=True)
    return code


def main(argv: list[str]) -> int:
    rasa = Path(sys.executable).with_name("rasa")
    return run([str(rasa), "train", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
