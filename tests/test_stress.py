"""The scale-out stress test, shorter (`make stress` runs the full one): three replicas, many
senders sending several messages at once, one replica killed with SIGKILL in the middle.
Nothing may be lost or interleaved, and every message is answered in the end."""

from __future__ import annotations

import os

import pytest

from scripts.scaleout_env import HOW_TO, servers_reachable
from scripts.stress import failures, stress

pytestmark = [pytest.mark.scaleout, pytest.mark.model]


def test_three_replicas_one_killed_lose_nothing() -> None:
    if not servers_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"scale-out servers unreachable in CI: {HOW_TO}")
        pytest.skip(HOW_TO)
    # A short lock wait, so that messages also get 503 and are sent again under load.
    result = stress(senders=12, messages=8, replicas=3, kill_after=4.0, lock_wait=2.0)
    assert failures(result) == [], result
    assert result["lost"] == 0 and result["interleaved"] == 0
