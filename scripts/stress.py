"""Stress test of scale-out (`make stress`; a shorter run is part of `make test`).

Three replicas share PostgreSQL and Redis. Many senders each send several messages at once,
spread over the replicas, and one replica is killed with SIGKILL in the middle. A client acts
as a reverse proxy would: a request whose replica is gone goes to another one; a 503 is sent
again after its Retry-After. Afterwards every conversation is read back and checked:

- lost: a message that got 200 but is not in its stored conversation (must be 0);
- duplicated: a message stored more than once (only possible for a request whose replica was
  killed after saving and before answering; reported);
- interleaved: a message followed by another message before its answers (must be 0);
- bad answers: a 200 that carries the apology, or any status other than 200 or 503 with
  Retry-After (must be 0); and every message gets its 200 in the end.

Writes reports/scaleout.md with --report.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.messages import APOLOGY
from scripts.live_server import ROOT, LiveServer
from scripts.scaleout_env import HOW_TO, scaleout_env, scratch_database, servers_reachable

REPORT = ROOT / "reports" / "scaleout.md"
# Each sender asks these (in a shuffled order); each gets a normal answer in a fresh chat.
QUESTIONS = (
    "wat is spoor 1?",
    "wat is passend werk?",
    "wat doet een casemanager?",
    "wat is een deskundigenoordeel?",
    "wat is een plan van aanpak?",
    "wat is de eerstejaarsevaluatie?",
    "wat is een loonsanctie?",
    "wat is spoor 2?",
    "wat doet de bedrijfsarts?",
    "wat is een probleemanalyse?",
    "hallo",
    "bedankt",
)
GIVE_UP_S = 180.0


@dataclass
class Tally:
    requests: int = 0
    ok_first_try: int = 0
    status_503: int = 0
    connection_failures: int = 0
    other_status: Counter[int] = field(default_factory=Counter)
    apologies: int = 0
    unanswered: int = 0  # never got a 200 before GIVE_UP_S
    possibly_duplicated: set[tuple[str, str]] = field(default_factory=set)
    answered: set[tuple[str, str]] = field(default_factory=set)
    latencies: list[float] = field(default_factory=list)


@dataclass
class Cluster:
    replicas: list[LiveServer]
    alive: list[bool]

    def pick(self, preferred: int) -> LiveServer | None:
        for offset in range(len(self.replicas)):
            index = (preferred + offset) % len(self.replicas)
            if self.alive[index]:
                return self.replicas[index]
        return None


async def send(
    client: httpx.AsyncClient, cluster: Cluster, sender: str, text: str, slot: int, tally: Tally
) -> None:
    """One message until it got its 200 (or GIVE_UP_S), as a reverse proxy would retry it."""
    began = time.monotonic()
    first = True
    while time.monotonic() - began < GIVE_UP_S:
        server = cluster.pick(slot)
        if server is None:
            break
        tally.requests += 1
        try:
            response = await client.post(
                f"{server.url}/webhooks/rest/webhook", json={"sender": sender, "message": text}
            )
        except httpx.TransportError:
            # The replica died: the turn may or may not have been saved before it did.
            tally.connection_failures += 1
            tally.possibly_duplicated.add((sender, text))
            slot += 1
            first = False
            continue
        if response.status_code == 200:
            tally.ok_first_try += first
            if APOLOGY in str(response.json()):
                tally.apologies += 1
            tally.latencies.append(time.monotonic() - began)
            tally.answered.add((sender, text))
            return
        if response.status_code == 503 and response.headers.get("Retry-After"):
            tally.status_503 += 1
            first = False
            await asyncio.sleep(float(response.headers["Retry-After"]) * random.uniform(0.5, 1.0))
            continue
        tally.other_status[response.status_code] += 1
        return
    tally.unanswered += 1


def check_history(
    messages: list[dict[str, Any]], sent: list[str], tally: Tally, sender: str
) -> dict[str, int]:
    users = [m["text"] for m in messages if m["role"] == "user"]
    stored = Counter(users)
    lost = sum(1 for text in sent if stored[text] == 0 and (sender, text) in tally.answered)
    duplicated = sum(
        count - 1
        for text, count in stored.items()
        if count > 1 and (sender, text) in tally.possibly_duplicated
    )
    unexplained = sum(
        count - 1
        for text, count in stored.items()
        if count > 1 and (sender, text) not in tally.possibly_duplicated
    )
    roles = "".join("u" if m["role"] == "user" else "b" for m in messages)
    interleaved = roles.count("uu") + (0 if roles.endswith("b") else 1)
    return {
        "lost": lost,
        "duplicated_after_kill": duplicated,
        "duplicated_unexplained": unexplained,
        "interleaved": interleaved,
    }


async def run(
    senders: int,
    messages: int,
    replicas: int,
    kill_after: float,
    lock_wait: float,
    base: Path,
    database: str,
) -> dict[str, Any]:
    env = {
        **scaleout_env(database),
        "RATE_LIMIT_CLIENT": "0/1",
        "RATE_LIMIT_SENDER": "0/1",
        "LOCK_WAIT_SECONDS": str(lock_wait),
    }
    cluster = Cluster(
        [LiveServer(base / f"r{i}", base / f"r{i}.log", env_extra=env) for i in range(replicas)],
        [True] * replicas,
    )
    try:
        return await stressed(cluster, senders, messages, kill_after, lock_wait)
    finally:
        for server in cluster.replicas:
            server.stop()


# The replica is killed once this share of all messages is answered.
KILL_AT_SHARE = 1 / 3


async def answered_share(jobs: list[asyncio.Task[None]], share: float, latest: float) -> None:
    """Wait until `share` of the jobs are done, or at most `latest` seconds."""
    deadline = time.monotonic() + latest
    needed = max(1, round(len(jobs) * share))
    while sum(job.done() for job in jobs) < needed and time.monotonic() < deadline:
        await asyncio.sleep(0.02)


async def stressed(
    cluster: Cluster, senders: int, messages: int, kill_after: float, lock_wait: float
) -> dict[str, Any]:
    for server in cluster.replicas:  # one after the other: loading a model takes both cores
        server.start()
    tally = Tally()
    conversations = {
        f"stress-{n}-{random.randrange(10**6)}": random.sample(QUESTIONS, messages)
        for n in range(senders)
    }
    limits = httpx.Limits(max_connections=senders * messages + 10)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        began = time.monotonic()
        jobs = [
            asyncio.create_task(send(client, cluster, sender, text, slot, tally))
            for sender, texts in conversations.items()
            for slot, text in enumerate(texts)
        ]
        # Kill in the middle of the run, whatever the machine's speed: once a share of the
        # messages is answered (a fixed delay let a fast run finish before the kill).
        await answered_share(jobs, KILL_AT_SHARE, latest=kill_after)
        killed_after = time.monotonic() - began
        victim = cluster.replicas[-1]
        assert victim.process is not None
        done_at_kill = sum(job.done() for job in jobs)
        cluster.alive[-1] = False
        victim.process.kill()  # SIGKILL: no graceful shutdown
        await asyncio.gather(*jobs)
        elapsed = time.monotonic() - began
        checks: Counter[str] = Counter()
        reader = cluster.replicas[0]
        for sender, sent in conversations.items():
            # As the operator: each token went to whichever request started its conversation.
            stored = await asyncio.to_thread(reader.history_as_operator, sender)
            checks.update(check_history(stored, sent, tally, sender))
    latencies = sorted(tally.latencies)
    return {
        "replicas": len(cluster.replicas),
        "senders": senders,
        "messages_per_sender": messages,
        "messages": senders * messages,
        "answered_200": len(latencies),
        "done_before_kill": done_at_kill,
        "killed_after_s": round(killed_after, 1),
        "lock_wait_s": lock_wait,
        "elapsed_s": round(elapsed, 1),
        "requests": tally.requests,
        "ok_first_try": tally.ok_first_try,
        "status_503_retried": tally.status_503,
        "connection_failures_killed_replica": tally.connection_failures,
        "other_status": dict(tally.other_status),
        "apologies": tally.apologies,
        "unanswered": tally.unanswered,
        "p50_s": round(latencies[len(latencies) // 2], 2) if latencies else None,
        "max_s": round(latencies[-1], 2) if latencies else None,
        **checks,
    }


def failures(result: dict[str, Any]) -> list[str]:
    """What makes the run fail; empty when nothing was lost, mixed up or refused wrongly."""
    problems = [
        f"{name}: {result[name]}"
        for name in ("lost", "interleaved", "duplicated_unexplained", "apologies", "unanswered")
        if result.get(name)
    ]
    if result["other_status"]:
        problems.append(f"other status codes: {result['other_status']}")
    if result["answered_200"] != result["messages"]:
        problems.append(f"only {result['answered_200']} of {result['messages']} answered")
    if not 0 < result["done_before_kill"] < result["messages"]:
        problems.append("the replica was not killed in the middle of the run")
    return problems


def stress(
    senders: int,
    messages: int,
    replicas: int = 3,
    kill_after: float = 120.0,
    lock_wait: float = 20.0,
) -> dict[str, Any]:
    base = Path(tempfile.mkdtemp(prefix="stress-"))
    with scratch_database("poortwachter_stress") as database:
        return asyncio.run(run(senders, messages, replicas, kill_after, lock_wait, base, database))


def report(results: list[dict[str, Any]]) -> str:
    first = results[0]
    header = "| measure | " + " | ".join(f"run {i + 1}" for i in range(len(results))) + " |"
    rule = "|---|" + "---|" * len(results)
    rows = "\n".join(
        f"| {key} | " + " | ".join(str(r[key]) for r in results) + " |" for key in first
    )
    return f"""# Scale-out under stress

`make stress` ({time.strftime("%Y-%m-%d")}, this 2-core machine): {first["replicas"]} replicas
of the service on one PostgreSQL (tracker store) and one Redis (conversation locks),
{first["senders"]} senders each sending {first["messages_per_sender"]} messages at once,
spread over the replicas; the last replica killed with SIGKILL once a third of the messages
was answered (killed_after_s). A client retries like a reverse proxy: another replica when one is
gone, and after `Retry-After` on a 503. Rate limits off. Run 1 uses the default lock wait
(`LOCK_WAIT_SECONDS`); run 2 a short one, so that many messages get 503 and are sent again.
See `scripts/stress.py` for the checks.

{header}
{rule}
{rows}

- **lost**: answered with 200 but missing from the stored conversation. **interleaved**: a
  message stored before the previous one's answers (a turn whose action failed, answered
  with the apology, also shows here: it stores no answer). Both must be 0.
- **duplicated_after_kill**: a message whose request died with the killed replica after its
  turn was saved, sent again by the client. The user saw no answer the first time, so the
  second answer is the one they get; the conversation holds the question twice.
- **p50_s / max_s**: from sending a message until its 200, including the wait for the other
  messages of the same sender, which were all sent at the same moment.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--senders", type=int, default=30)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--replicas", type=int, default=3)
    parser.add_argument(
        "--kill-after",
        type=float,
        default=120.0,
        help="kill at the latest after this many seconds (normally once a third is answered)",
    )
    parser.add_argument(
        "--lock-waits",
        default="20,2",
        help="LOCK_WAIT_SECONDS per run, comma-separated (one run each)",
    )
    parser.add_argument("--report", action="store_true", help="write reports/scaleout.md")
    args = parser.parse_args()
    if not servers_reachable():
        print(f"stress: {HOW_TO}", file=sys.stderr)
        return 2
    results = []
    problems = []
    for wait in (float(w) for w in args.lock_waits.split(",")):
        result = stress(args.senders, args.messages, args.replicas, args.kill_after, wait)
        for key, value in result.items():
            print(f"{key:38} {value}")
        problems += failures(result)
        results.append(result)
    if args.report:
        REPORT.write_text(report(results), encoding="utf-8")
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
