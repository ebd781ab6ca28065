"""The scale-out stress test, shorter (`make stress` runs the full one): three replicas, many
senders sending several messages at once, one replica killed with SIGKILL in the middle.
Nothing may be lost or interleaved, and every message is answered in the end."""

from __future__ import annotations

import pytest

from scripts.stress import failures, stress
from tests.conftest import require_scaleout_servers

pytestmark = [pytest.mark.scaleout, pytest.mark.model]


def test_three_replicas_one_killed_lose_nothing() -> None:
    require_scaleout_servers()
    # A short lock wait, so that messages also get 503 and are sent again under load.
    result = stress(senders=12, messages=8, replicas=3, lock_wait=2.0)
    assert failures(result) == [], result
    assert result["lost"] == 0 and result["interleaved"] == 0
