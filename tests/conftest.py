from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.action_webhook import create_action_router
from scripts.scaleout_env import HOW_TO, scratch_database, servers_reachable
from tests.live_server import LiveServer

# Markers applied here by module name, for modules that cannot carry their own `pytestmark`
# line (tests/test_scaleout.py is edited by the lead). tests/test_markers.py reads this too.
MODULE_MARKERS: dict[str, tuple[str, ...]] = {
    "test_scaleout": ("scaleout", "model"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for marker in MODULE_MARKERS.get(item.path.stem, ()):
            item.add_marker(getattr(pytest.mark, marker))
        # Safety net for `make test-fast`: a test that uses the live service but forgot its
        # marker is still deselected there (tests/test_markers.py fails until it is marked).
        if "live_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)


def require_scaleout_servers() -> None:
    """PostgreSQL and Redis on their local ports: skip without them, but fail in CI."""
    if not servers_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"scale-out servers unreachable in CI: {HOW_TO}")
        pytest.skip(HOW_TO)


@pytest.fixture(scope="module")
def scaleout_database() -> Iterator[str]:
    """A scratch PostgreSQL database for one test module (PostgreSQL and Redis required)."""
    require_scaleout_servers()
    with scratch_database() as name:
        yield name


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One real service for the whole session, with BOT_TODAY fixed and its own data dir."""
    base: Path = tmp_path_factory.mktemp("live")
    server = LiveServer(data_dir=base / "var", log_path=base / "service.log").start()
    yield server
    server.stop()


# The admin token of `insights_server` (tests only).
INSIGHTS_ADMIN_TOKEN = "test-beheercode-17"


@pytest.fixture(scope="session")
def insights_server() -> Iterator[LiveServer]:
    """A real service with the admin page (ADMIN_TOKEN) and the collection of unanswered
    questions (COLLECT_UNANSWERED=1) switched on, for the insights tests (issue 17).

    Its data lives in its own temporary directory, not under pytest's basetemp: pytest
    removes old basetemp directories when other sessions start on the same machine, which
    took the database away under a running service here."""
    with tempfile.TemporaryDirectory(prefix="poortwachter-insights-") as name:
        base = Path(name)
        env = {"ADMIN_TOKEN": INSIGHTS_ADMIN_TOKEN, "COLLECT_UNANSWERED": "1"}
        server = LiveServer(data_dir=base / "var", log_path=base / "service.log", env_extra=env)
        yield server.start()
        server.stop()


@pytest.fixture(scope="session")
def client() -> TestClient:
    """The action webhook alone, as Rasa calls it."""
    app = FastAPI()
    app.include_router(create_action_router())
    return TestClient(app)
