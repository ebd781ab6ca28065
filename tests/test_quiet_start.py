"""A start of the service prints the service's own lines, not pages of third-party
warnings (pkg_resources, pyparsing, SQLAlchemy, JAX: DeprecationWarnings that Sanic turns on
when Rasa imports it)."""

from __future__ import annotations

import re

import pytest

from tests.live_server import LiveServer

pytestmark = pytest.mark.model

WARNING_LINE = re.compile(r"\w*(Deprecation|User|Future)Warning\b")


def test_the_service_log_has_no_third_party_warnings(live_server: LiveServer) -> None:
    live_server.chat("quiet-1", "hallo")
    log = live_server.log_text()
    assert "Model loaded" in log
    assert not WARNING_LINE.findall(log), [
        line for line in log.splitlines() if WARNING_LINE.search(line)
    ]
