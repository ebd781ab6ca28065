"""Soak test (`make soak`, part of `make test`): 10 concurrent users for 5 minutes on
loopback against the real service. Passes with zero errors and no memory growth; writes
reports/soak.md.

Rate limits are switched off for this run: ten users typing without pause from one address
would otherwise be (rightly) throttled.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from scripts.live_server import ROOT, LiveServer
from scripts.scripted_users import Turns, percentile, scripted_user

REPORT = ROOT / "reports" / "soak.md"
WARM_UP_S = 60.0
SAMPLE_EVERY_S = 5.0
MAX_GROWTH_BYTES = 64 * 1024 * 1024


@dataclass
class Tally(Turns):
    rss: list[tuple[float, int]] = field(default_factory=list)


async def user(number: int, server: LiveServer, until: float, tally: Tally) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        await scripted_user(client, "soak", number, until, tally)


async def sample_memory(server: LiveServer, until: float, tally: Tally, start: float) -> None:
    while time.monotonic() < until:
        tally.rss.append((time.monotonic() - start, server.rss_bytes()))
        await asyncio.sleep(SAMPLE_EVERY_S)


def growth(samples: list[tuple[float, int]], duration: float) -> int:
    """Mean RSS of the last minute minus that of the first minute after warm-up."""
    early = [r for t, r in samples if WARM_UP_S <= t < WARM_UP_S + 60]
    late = [r for t, r in samples if t >= duration - 60]
    if not early or not late:
        return 0
    return int(statistics.mean(late) - statistics.mean(early))


async def soak(seconds: float, users: int) -> tuple[Tally, int]:
    data = Path(tempfile.mkdtemp(prefix="soak-"))
    env = {"RATE_LIMIT_CLIENT": "0/1", "RATE_LIMIT_SENDER": "0/1"}
    server = LiveServer(data_dir=data / "var", log_path=data / "service.log", env_extra=env)
    server.start()
    try:
        tally = Tally()
        start = time.monotonic()
        until = start + seconds
        await asyncio.gather(
            sample_memory(server, until, tally, start),
            *(user(n, server, until, tally) for n in range(users)),
        )
        return tally, growth(tally.rss, seconds)
    finally:
        server.stop()


def report(tally: Tally, grew: int, seconds: float, users: int) -> str:
    p95 = percentile(tally.latencies, 0.95)
    peak = max((r for _, r in tally.rss), default=0)
    passed = not tally.errors and grew <= MAX_GROWTH_BYTES
    return "\n".join(
        [
            "# Soak test",
            "",
            f"Written by `make soak` (python -m scripts.soak): {users} concurrent users for "
            f"{seconds:.0f} s on loopback, scripted conversations from scripts/conversations.py, "
            "rate limits off. Memory growth is the mean RSS of the last minute minus that of the "
            f"first minute after a {WARM_UP_S:.0f} s warm-up.",
            "",
            "| measure | value | bound |",
            "|---|---|---|",
            f"| turns | {tally.count} | |",
            f"| turns per second | {tally.count / seconds:.1f} | |",
            f"| errors | {len(tally.errors)} | 0 |",
            f"| p95 latency | {p95 * 1000:.0f} ms | |",
            f"| peak RSS | {peak / 2**20:.0f} MiB | |",
            f"| memory growth | {grew / 2**20:+.1f} MiB | ≤ {MAX_GROWTH_BYTES / 2**20:.0f} MiB |",
            f"| result | {'pass' if passed else 'FAIL'} | |",
            "",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--users", type=int, default=10)
    args = parser.parse_args()
    tally, grew = asyncio.run(soak(args.seconds, args.users))
    text = report(tally, grew, args.seconds, args.users)
    REPORT.write_text(text, encoding="utf-8")
    print(text)
    if tally.errors:
        print("errors:", tally.errors[:10], file=sys.stderr)
    return 0 if not tally.errors and grew <= MAX_GROWTH_BYTES else 1


if __name__ == "__main__":
    raise SystemExit(main())
