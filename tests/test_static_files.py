"""The pages' static files: the favicon is served (no 404 on every page load) and linked from
both pages, as a file that the Content-Security-Policy allows."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.core.settings import Settings
from api.main import create_app
from tests.live_server import LiveServer
from tests.test_security import EchoAssistant

STATIC = Path(__file__).resolve().parent.parent / "api" / "static"
PAGES = ("/", "/static/embed-demo.html")
ICON_LINK = re.compile(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">')


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    settings = Settings.from_env().copy(update={"data_dir": tmp_path})
    assistant = EchoAssistant(settings)
    assistant.agent = object()  # "loaded": no model needed for static files
    return TestClient(create_app(settings, assistant))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_links_the_favicon_and_it_is_served(client: TestClient, page: str) -> None:
    html = client.get(page)
    assert html.status_code == 200
    match = ICON_LINK.search(html.text)
    assert match, f"{page} has no favicon link"
    icon = client.get(match.group(1))
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.text.lstrip().startswith("<svg") and "<script" not in icon.text
    # A file from this origin, not a data: URL: the CSP's img-src 'self' covers it.
    assert match.group(1).startswith("/static/")
    assert "img-src 'self'" in html.headers["content-security-policy"]


def test_browsers_asking_for_favicon_ico_get_the_icon(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")


@pytest.mark.model
def test_the_running_service_serves_the_favicon(live_server: LiveServer) -> None:
    page = httpx.get(f"{live_server.url}/")
    match = ICON_LINK.search(page.text)
    assert match
    for path in (match.group(1), "/favicon.ico"):
        icon = httpx.get(f"{live_server.url}{path}")
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg")


@pytest.mark.parametrize("name", ["widget.css", "page.css", "admin.css"])
def test_stylesheets_are_well_formed(name: str) -> None:
    """A comment left open silently swallows the rules after it (browsers report nothing)."""
    css = (STATIC / name).read_text(encoding="utf-8")
    comments = re.findall(r"/\*.*?\*/", css, flags=re.DOTALL)
    assert not [c for c in comments if "/*" in c[2:]], "a comment is not closed"
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    assert "/*" not in rules and "*/" not in rules
    depth = 0
    for char in rules:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, "a } without its {"
    assert depth == 0, "a { without its }"
