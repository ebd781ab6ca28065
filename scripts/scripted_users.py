"""Simulated users for the soak test and the benchmark: each plays the scripted conversations
over the REST channel, one after the other, and records every turn's latency and errors."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import httpx

from bot.messages import APOLOGY
from scripts.conversations import CONVERSATIONS


@dataclass
class Turns:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.latencies)


async def scripted_user(
    client: httpx.AsyncClient, name: str, number: int, until: float, turns: Turns
) -> None:
    """Conversations until `until` (monotonic). An error is a non-200 status, an empty
    answer, or the apology the service gives when something failed inside."""
    round_ = 0
    while time.monotonic() < until:
        conversation = CONVERSATIONS[(number + round_) % len(CONVERSATIONS)]
        sender = f"{name}-{number}-{round_}-{time.monotonic_ns()}"
        for message in conversation:
            began = time.monotonic()
            try:
                response = await client.post(
                    "/webhooks/rest/webhook", json={"sender": sender, "message": message}
                )
                body = response.json()
                if response.status_code != 200 or not body or APOLOGY in str(body):
                    turns.errors.append(f"{response.status_code} on turn {turns.count}")
            except (httpx.HTTPError, ValueError) as exc:
                turns.errors.append(type(exc).__name__)
            turns.latencies.append(time.monotonic() - began)
        round_ += 1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0
