"""`make bench`: our service and stock Rasa, side by side, on the same trained model and the
same scripted Dutch conversations. Writes reports/bench.md and reports/bench-latency.svg.

Stock Rasa is `rasa run` with the REST channel plus `rasa run actions`, as the Rasa docs
deploy it. Both get BOT_TODAY and their own SQLite tracker store. The harness measures, per
server: cold start (process start to the first answered message), per-turn latency p50/p95/p99
at 1, 10 and 25 concurrent users, throughput at saturation, and peak resident memory. Once:
NLU-only parse time (the floor that serving cannot beat) and, with --train, training time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from scripts.conversations import FAQ_MESSAGES
from scripts.live_server import FIXED_TODAY, ROOT, free_port, peak_rss_bytes, rss_bytes
from scripts.scripted_users import Turns, percentile, scripted_user

MODEL = ROOT / "models" / "poortwachter.tar.gz"
REPORT = ROOT / "reports" / "bench.md"
CHART = ROOT / "reports" / "bench-latency.svg"
LEVELS = (1, 10, 25)
TARGETS = {
    "throughput": "≥ 2× stock Rasa",
    "p95_10": "≤ 0.5× stock Rasa",
    "sequential_p50": "≤ 1.5× NLU-only parse",
    "cold_start": "≤ 15 s",
    "rss": "≤ 1 GB",
    "training": "≤ 3 min",
}


@dataclass
class Server:
    name: str
    url: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    cold_start_s: float = 0.0

    def peak_rss(self) -> int:
        """The largest peak RSS of one serving process (stock Rasa: the rasa server)."""
        return max(peak_rss_bytes(p.pid) for p in self.processes)

    def rss_total(self) -> int:
        return sum(rss_bytes(p.pid) for p in self.processes)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def base_env(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "BOT_TODAY": FIXED_TODAY,
        "BOT_DATA_DIR": str(data_dir),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        # Ten users without pause from one address would be throttled.
        "RATE_LIMIT_CLIENT": "0/1",
        "RATE_LIMIT_SENDER": "0/1",
    }


def first_answer(url: str, began: float, processes: Sequence[subprocess.Popen[bytes]]) -> float:
    """Seconds from `began` until the server answers a real message."""
    while True:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"a server process exited ({process.args!r})")
        try:
            response = httpx.post(
                f"{url}/webhooks/rest/webhook",
                json={"sender": "cold-start", "message": "wat is spoor 2?"},
                timeout=30,
            )
            if response.status_code == 200 and response.json():
                return time.monotonic() - began
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.1)


def start_ours(work: Path, extra_env: dict[str, str] | None = None) -> Server:
    port = free_port()
    log = (work / "ours.log").open("ab")
    env = {**base_env(work / "ours"), "PORT": str(port)}
    # "{port}" in a value stands for this server's port (e.g. ACTION_ENDPOINT_URL to itself).
    env.update({k: v.replace("{port}", str(port)) for k, v in (extra_env or {}).items()})
    began = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1",
         "--port", str(port), "--ws", "none", "--no-access-log"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    server = Server("ours", f"http://127.0.0.1:{port}", [process])
    server.cold_start_s = first_answer(server.url, began, server.processes)
    return server


def start_stock(work: Path) -> Server:
    port, action_port = free_port(), free_port()
    endpoints = work / "stock-endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {work / 'stock.db'}\n"
        "lock_store:\n  type: in_memory\n",
        encoding="utf-8",
    )
    rasa = str(Path(sys.executable).parent / "rasa")
    env = base_env(work / "stock")
    log = (work / "stock.log").open("ab")
    began = time.monotonic()
    actions = subprocess.Popen(
        [rasa, "run", "actions", "--port", str(action_port), "--actions", "actions"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    server_process = subprocess.Popen(
        [rasa, "run", "--model", str(MODEL), "--port", str(port), "--endpoints", str(endpoints),
         "--credentials", str(ROOT / "credentials.yml"), "--interface", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    server = Server("stock Rasa", f"http://127.0.0.1:{port}", [server_process, actions])
    server.cold_start_s = first_answer(server.url, began, server.processes)
    return server


async def load(server: Server, users: int, seconds: float) -> dict[str, float]:
    turns = Turns()
    limits = httpx.Limits(max_connections=users + 5)
    async with httpx.AsyncClient(base_url=server.url, timeout=120, limits=limits) as client:
        began = time.monotonic()
        until = began + seconds
        await asyncio.gather(
            *(scripted_user(client, "bench", u, until, turns) for u in range(users))
        )
        elapsed = time.monotonic() - began
    return {
        "users": users,
        "turns": turns.count,
        "errors": len(turns.errors),
        "throughput": turns.count / elapsed,
        "p50": percentile(turns.latencies, 0.50),
        "p95": percentile(turns.latencies, 0.95),
        "p99": percentile(turns.latencies, 0.99),
    }


def nlu_parse_time(repeats: int = 5) -> float:
    """Median seconds per message of agent.parse_message alone, in this process."""
    from rasa.core.agent import Agent

    from api.core.logging_setup import configure_logging

    configure_logging("WARNING")  # Rasa's debug events would print every message
    agent = Agent.load(str(MODEL))

    async def timed() -> list[float]:
        for message in FAQ_MESSAGES:  # warm up
            await agent.parse_message(message)
        times = []
        for _ in range(repeats):
            for message in FAQ_MESSAGES:
                began = time.perf_counter()
                await agent.parse_message(message)
                times.append(time.perf_counter() - began)
        return times

    return statistics.median(asyncio.run(timed()))


def training_time(work: Path) -> float:
    """A full training without Rasa's cache, into a scratch folder."""
    began = time.monotonic()
    subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "train", "--force", "--out", str(work),
         "--fixed-model-name", "bench", "--quiet"],
        cwd=ROOT, check=True, capture_output=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_DETERMINISTIC_OPS": "1"},
    )  # fmt: skip
    return time.monotonic() - began


LONG_TURNS = 100


def turn_growth(url: str, turns: int = LONG_TURNS) -> dict[str, float]:
    """One conversation of `turns` sequential FAQ questions: the median latency of its first
    and of its last ten turns (a turn's cost must not grow with the conversation)."""
    sender = f"long-{time.monotonic_ns()}"
    latencies = []
    with httpx.Client(timeout=60) as client:
        for i in range(turns):
            message = FAQ_MESSAGES[i % len(FAQ_MESSAGES)]
            began = time.perf_counter()
            response = client.post(
                f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}
            )
            response.raise_for_status()
            latencies.append(time.perf_counter() - began)
    first, last = statistics.median(latencies[:10]), statistics.median(latencies[-10:])
    return {"turns": turns, "first_10_p50": first, "last_10_p50": last, "ratio": last / first}


def growth_per_store(work: Path) -> dict[str, dict[str, float]]:
    """turn_growth on SQLite, and on PostgreSQL when it runs here (scale-out endpoints)."""
    from scripts.scaleout_env import scaleout_env, scratch_database, servers_reachable

    stores: dict[str, dict[str, float]] = {}
    server = start_ours(work)
    try:
        stores["SQLite"] = turn_growth(server.url)
    finally:
        server.stop()
    if servers_reachable():
        with scratch_database("poortwachter_bench") as database:
            server = start_ours(work, scaleout_env(database))
            try:
                stores["PostgreSQL"] = turn_growth(server.url)
            finally:
                server.stop()
    return stores


def measure(server: Server, seconds: float) -> dict[str, Any]:
    levels = [asyncio.run(load(server, users, seconds)) for users in LEVELS]
    return {
        "cold_start_s": server.cold_start_s,
        "peak_rss_bytes": server.peak_rss(),
        "levels": levels,
        "saturation_throughput": max(level["throughput"] for level in levels),
    }


def ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.2f}×" if stock else "–"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def markdown(result: dict[str, Any]) -> str:
    ours, stock = result["ours"], result["stock"]
    o10 = next(level for level in ours["levels"] if level["users"] == 10)
    s10 = next(level for level in stock["levels"] if level["users"] == 10)
    o1 = next(level for level in ours["levels"] if level["users"] == 1)
    parse = result["nlu_parse_s"]
    rows = [
        "# Benchmark: our service and stock Rasa, side by side",
        "",
        f"Written by `make bench` (python -m scripts.bench) on {result['machine']}, "
        f"{result['seconds']:.0f} s per concurrency level, scripted conversations from "
        "scripts/conversations.py (FAQ questions and personal-deadline flows with custom "
        "actions). Stock Rasa: `rasa run` (REST channel) plus `rasa run actions`, same model.",
        "",
        "## Targets",
        "",
        "| measure | ours | stock Rasa | ratio | target | |",
        "|---|---|---|---|---|---|",
        f"| throughput at saturation (turns/s) | {ours['saturation_throughput']:.1f} | "
        f"{stock['saturation_throughput']:.1f} | "
        f"{ratio(ours['saturation_throughput'], stock['saturation_throughput'])} | "
        f"{TARGETS['throughput']} | "
        f"{verdict(ours['saturation_throughput'] >= 2 * stock['saturation_throughput'])} |",
        f"| p95 at 10 users (ms) | {o10['p95'] * 1000:.0f} | {s10['p95'] * 1000:.0f} | "
        f"{ratio(o10['p95'], s10['p95'])} | {TARGETS['p95_10']} | "
        f"{verdict(o10['p95'] <= 0.5 * s10['p95'])} |",
        f"| sequential p50 (ms) vs NLU-only parse {parse * 1000:.0f} ms | "
        f"{o1['p50'] * 1000:.0f} | – | {ratio(o1['p50'], parse)} of parse | "
        f"{TARGETS['sequential_p50']} | {verdict(o1['p50'] <= 1.5 * parse)} |",
        f"| cold start to first answer (s) | {ours['cold_start_s']:.1f} | "
        f"{stock['cold_start_s']:.1f} | {ratio(ours['cold_start_s'], stock['cold_start_s'])} | "
        f"{TARGETS['cold_start']} | {verdict(ours['cold_start_s'] <= 15)} |",
        f"| peak RSS per serving process (MiB) | {ours['peak_rss_bytes'] / 2**20:.0f} | "
        f"{stock['peak_rss_bytes'] / 2**20:.0f} | "
        f"{ratio(ours['peak_rss_bytes'], stock['peak_rss_bytes'])} | {TARGETS['rss']} | "
        f"{verdict(ours['peak_rss_bytes'] <= 1e9)} |",
    ]
    if result.get("training_s"):
        rows.append(
            f"| training from scratch (s) | {result['training_s']:.0f} | same model | – | "
            f"{TARGETS['training']} | {verdict(result['training_s'] <= 180)} |"
        )
    growth = result.get("turn_growth") or {}
    if growth:
        rows += ["", f"## A long conversation ({LONG_TURNS} sequential turns, one sender)", "",
                 "| store | p50 of turns 1-10 (ms) | p50 of turns 91-100 (ms) | ratio | target | |",
                 "|---|---|---|---|---|---|"]  # fmt: skip
        for store, g in growth.items():
            rows.append(
                f"| {store} | {g['first_10_p50'] * 1000:.0f} | {g['last_10_p50'] * 1000:.0f} | "
                f"{g['ratio']:.2f}× | ≤ 1.2× | {verdict(g['ratio'] <= 1.2)} |"
            )
    rows += ["", "## Latency per concurrency level", "",
             "| server | users | turns | errors | turns/s | p50 ms | p95 ms | p99 ms |",
             "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for name in ("ours", "stock"):
        for level in result[name]["levels"]:
            rows.append(
                f"| {'ours' if name == 'ours' else 'stock Rasa'} | {level['users']} | "
                f"{level['turns']} | {level['errors']} | {level['throughput']:.1f} | "
                f"{level['p50'] * 1000:.0f} | {level['p95'] * 1000:.0f} | "
                f"{level['p99'] * 1000:.0f} |"
            )
    rows += ["", "![p95 latency against concurrency](bench-latency.svg)", ""]
    return "\n".join(rows)


CHANGE_LOG = "## Changes and their measured effect"


def change_log() -> str:
    """The hand-written log of tuning changes at the end of the report survives a rerun."""
    old = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    return "\n" + old[old.index(CHANGE_LOG) :] if CHANGE_LOG in old else ""


def chart(result: dict[str, Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6, 3.6))
    for name, label in (("ours", "ours"), ("stock", "stock Rasa")):
        levels = result[name]["levels"]
        axis.plot([lv["users"] for lv in levels], [lv["p95"] * 1000 for lv in levels],
                  marker="o", label=f"{label} p95")  # fmt: skip
        axis.plot([lv["users"] for lv in levels], [lv["p50"] * 1000 for lv in levels],
                  marker=".", linestyle="--", label=f"{label} p50")  # fmt: skip
    axis.set_xlabel("concurrent users")
    axis.set_ylabel("latency per turn (ms)")
    axis.set_xticks(list(LEVELS))
    axis.grid(alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(CHART, format="svg")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0, help="per concurrency level")
    parser.add_argument("--train", action="store_true", help="also time a full training")
    parser.add_argument(
        "--ours-only",
        metavar="KEY=VALUE",
        nargs="*",
        help="measure only our service, with these environment settings, and print the "
        "figures without writing the report (to measure one change)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    if args.ours_only is not None:
        variant = dict(item.split("=", 1) for item in args.ours_only)
        server = start_ours(work, variant)
        try:
            print(json.dumps({"env": variant, **measure(server, args.seconds)}, indent=2))
        finally:
            server.stop()
        return 0
    result: dict[str, Any] = {
        "seconds": args.seconds,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}",
    }
    for key, start in (("ours", start_ours), ("stock", start_stock)):
        server = start(work)
        try:
            result[key] = measure(server, args.seconds)
        finally:
            server.stop()
    result["turn_growth"] = growth_per_store(work)
    result["nlu_parse_s"] = nlu_parse_time()
    if args.train:
        result["training_s"] = training_time(work)
    REPORT.write_text(markdown(result) + change_log(), encoding="utf-8")
    (ROOT / "reports" / "bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    chart(result)
    print(markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
