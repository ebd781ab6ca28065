"""The chat widget in a real browser: Debian's Chromium driven by Playwright, against the
running service with BOT_TODAY fixed. Screenshots go to tests/artifacts/ (and the README's
timeline screenshot to docs/)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from bot.messages import NOT_PROCESSED
from tests.live_server import ROOT, LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
README_SCREENSHOT = ROOT / "docs" / "widget-timeline.png"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Chromium is missing: `make test` installs it (Debian package)."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="nl-NL")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def ask(page: Page, text: str) -> None:
    page.locator(".pw-input").fill(text)
    page.locator(".pw-input").press("Enter")


def last_bot(page: Page) -> Any:
    return page.locator(".pw-bot").last


def wait_answer(page: Page, count_before: int) -> None:
    expect(page.locator(".pw-bot")).to_have_count(count_before + 1, timeout=30_000)


def test_ask_a_question_and_get_an_answer_with_its_source(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/")
    expect(page.locator(".pw-bot")).to_have_count(1)  # the greeting
    expect(page.locator(".pw-choice")).to_have_count(4)  # with suggested questions
    ask(page, "wat is spoor 2?")
    expect(page.locator(".pw-user").last).to_have_text("Jij: wat is spoor 2?")
    wait_answer(page, 1)
    expect(last_bot(page)).to_contain_text("hangt af van je rol")
    page.get_by_role("button", name="Ik ben werknemer").click()
    wait_answer(page, 2)
    answer = last_bot(page)
    expect(answer).to_contain_text("spoor 2")
    expect(answer.locator(".pw-source")).to_contain_text("Bron:")
    assert answer.locator(".pw-source a").count() >= 1
    assert "Bron: " not in answer.locator(".pw-text").inner_text()  # shown once, as links


def test_clicking_a_button_sends_its_question(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Wat is passend werk?").click()
    expect(page.locator(".pw-user").last).to_contain_text("Wat is passend werk?")
    wait_answer(page, 1)
    expect(last_bot(page)).to_contain_text("passend")


def test_personal_deadlines_show_a_timeline_and_survive_a_reload(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/")
    ask(page, "3 maart 2026")
    wait_answer(page, 1)
    expect(last_bot(page)).to_contain_text("Je eerste ziektedag is dinsdag 3 maart 2026")
    page.get_by_role("button", name="Ja", exact=True).click()
    wait_answer(page, 2)
    page.get_by_role("button", name="Ik ben werkgever of HR").click()
    wait_answer(page, 3)
    timeline = last_bot(page).locator(".pw-timeline")
    # The words come from the service (issue 14, point 5): what is known, not "Geweest".
    expect(timeline.locator(".pw-spoor2")).to_have_text("Spoor 2 is nog niet te laat")
    expect(timeline.locator(".pw-milestone")).to_have_count(12)
    # A past date is not shown as done (green): nobody said the step happened.
    expect(timeline.locator(".pw-done")).to_have_count(0)
    expect(timeline.locator(".pw-past .pw-badge").first).to_have_text("Datum voorbij")
    expect(timeline.locator(".pw-past .pw-badge").nth(1)).to_have_text("Termijn voorbij")
    # The next step is the most urgent late one (issue 19, point 3): the plan van aanpak,
    # not a routine voortgangsgesprek.
    expect(timeline.locator(".pw-next")).to_have_count(1)
    expect(timeline.locator(".pw-next .pw-badge")).to_have_text("Volgende stap, termijn voorbij")
    expect(timeline.locator(".pw-next .pw-date")).to_contain_text("maandag 27 april 2026")
    expect(timeline.locator(".pw-later .pw-date").filter(has_text="rond")).not_to_have_count(0)
    link = timeline.get_by_role("link", name="Zet in mijn agenda")
    href = link.get_attribute("href") or ""
    assert "/api/timeline.ics?sick_periods=2026-03-03.." in href
    calendar = page.request.get(href)
    assert calendar.status == 200 and "BEGIN:VCALENDAR" in calendar.text()
    README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 720, "height": 1250})
    last_bot(page).scroll_into_view_if_needed()
    page.screenshot(path=str(README_SCREENSHOT))

    page.reload()
    expect(page.locator(".pw-timeline")).to_have_count(1)
    expect(page.locator(".pw-user").first).to_contain_text("3 maart 2026")
    expect(page.locator(".pw-user").nth(1)).to_contain_text("Ja")
    # A button click is shown with its button's title, also for a payload with an argument.
    expect(page.locator(".pw-user").nth(2)).to_contain_text("Ik ben werkgever of HR")


def test_server_unreachable_gives_a_message_and_retry(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    page.route("**/webhooks/rest/webhook", lambda route: route.abort("connectionrefused"))
    ask(page, "wat doet een casemanager?")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("niet bereikbaar")
    expect(page.locator(".pw-typing")).to_be_hidden()
    page.unroute("**/webhooks/rest/webhook")
    alert.get_by_role("button", name="Opnieuw versturen").click()
    wait_answer(page, 1)
    expect(last_bot(page)).to_contain_text("casemanager")
    expect(alert).to_be_hidden()


def test_a_message_not_processed_is_marked_and_sent_again(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/")
    busy = {"detail": NOT_PROCESSED}
    page.route(
        "**/webhooks/rest/webhook",
        lambda route: route.fulfill(
            status=503,
            headers={"Retry-After": "2"},
            content_type="application/json",
            body=json.dumps(busy),
        ),
    )
    ask(page, "wat is passend werk?")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(NOT_PROCESSED)
    question = page.locator(".pw-user").last
    expect(question).to_contain_text("Niet verzonden")
    page.unroute("**/webhooks/rest/webhook")
    alert.get_by_role("button", name="Opnieuw versturen").click()
    wait_answer(page, 1)
    expect(last_bot(page)).to_contain_text("passend werk")
    expect(question).not_to_contain_text("Niet verzonden")
    expect(page.locator(".pw-user")).to_have_count(1)  # sent again, not typed twice


def test_launcher_keyboard_only_and_focus(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/static/embed-demo.html")
    launcher = page.get_by_role("button", name="Open de Poortwachter-assistent")
    expect(page.get_by_role("dialog")).to_be_hidden()
    launcher.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator(".pw-input")).to_be_focused()
    page.keyboard.type("wat is de eerstejaarsevaluatie?")
    page.keyboard.press("Enter")
    wait_answer(page, 1)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")


def test_phone_sized_screen(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/static/embed-demo.html")
    page.get_by_role("button", name="Open de Poortwachter-assistent").click()
    box = page.get_by_role("dialog").bounding_box()
    assert box is not None and box["width"] == 375 and box["height"] == 667
    ask(page, "wat is passend werk?")
    wait_answer(page, 1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "phone.png"))
    context.close()


def stored_conversation(page: Page) -> tuple[str, str]:
    """The widget's conversation id and the token the service gave it."""
    ids: tuple[str, str] = page.evaluate(
        "[sessionStorage.getItem('poortwachter-sender'), sessionStorage.getItem('poortwachter-token')]"
    )
    return ids


def history(live_server: LiveServer, conversation: tuple[str, str]) -> list[dict[str, Any]]:
    sender, token = conversation
    response = httpx.get(
        f"{live_server.url}/api/conversations/{sender}", headers={"X-Conversation-Token": token}
    )
    assert response.status_code == 200
    messages: list[dict[str, Any]] = response.json()["messages"]
    return messages


def test_new_conversation_and_delete(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    ask(page, "wat is passend werk?")
    wait_answer(page, 1)
    first = stored_conversation(page)
    page.get_by_role("button", name="Nieuw gesprek").click()
    expect(page.locator(".pw-user")).to_have_count(0)
    expect(page.locator(".pw-bot")).to_have_count(1)  # a fresh greeting
    assert page.evaluate("sessionStorage.getItem('poortwachter-token')") is None
    second_id = page.evaluate("sessionStorage.getItem('poortwachter-sender')")
    assert second_id != first[0] and history(live_server, first)

    ask(page, "wat is spoor 1?")
    wait_answer(page, 1)
    second = stored_conversation(page)
    assert second[0] == second_id and history(live_server, second)
    page.get_by_role("button", name="Verwijder mijn gesprek").click()
    expect(page.get_by_role("alert")).to_contain_text("Je gesprek is verwijderd.")
    assert page.dialogs == ["Weet je zeker dat je dit gesprek wilt verwijderen?"]  # type: ignore[attr-defined]
    assert history(live_server, second) == []
    expect(page.locator(".pw-user")).to_have_count(0)


def test_a_conversation_whose_token_is_lost_is_not_shown_and_a_new_one_starts(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/")
    ask(page, "wat is passend werk?")
    wait_answer(page, 1)
    first = stored_conversation(page)
    page.evaluate("sessionStorage.removeItem('poortwachter-token')")
    page.reload()
    expect(page.locator(".pw-user")).to_have_count(0)  # not shown without its token
    ask(page, "wat is spoor 1?")
    wait_answer(page, 1)
    expect(page.get_by_role("alert")).to_be_hidden()  # no refusal: a new conversation
    second = stored_conversation(page)
    assert second[0] != first[0] and second[1]
    assert [m["text"] for m in history(live_server, second) if m["role"] == "user"] == [
        "wat is spoor 1?"
    ]


def test_untrusted_text_never_runs(page: Page, live_server: LiveServer) -> None:
    payloads = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(2)">',
        "[klik](javascript:alert(3))",
    ]

    def evil_bot(route: Route) -> None:
        text = "\n".join(payloads) + "\n**vet** en [veilig](https://www.uwv.nl/)"
        buttons = [{"title": '<img src=x onerror="alert(4)">', "payload": "/greet"}]
        body = [{"recipient_id": "x", "text": text, "buttons": buttons}]
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.goto(live_server.url + "/")
    page.route("**/webhooks/rest/webhook", evil_bot)
    for text in payloads:
        count = page.locator(".pw-bot").count()
        ask(page, text)
        wait_answer(page, count)
    log = page.locator(".pw-log")
    assert log.locator("img, script").count() == 0
    assert log.locator("a[href^='javascript']").count() == 0
    expect(log.locator("strong").first).to_have_text("vet")
    expect(log.locator("a[href='https://www.uwv.nl/']").first).to_have_text("veilig")
    expect(page.locator(".pw-user").first).to_contain_text("<script>alert(1)</script>")
    assert page.dialogs == []  # type: ignore[attr-defined]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    assert AXE.exists(), "axe-core is missing: `make test` runs npm ci in tests/browser."
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    return [{"id": v["id"], "nodes": [n["html"] for n in v["nodes"]]} for v in serious]


def test_accessibility_scan(browser: Browser, live_server: LiveServer) -> None:
    # The service's CSP forbids inline scripts; only this test's injected axe-core may run.
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    ask(page, "ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?")
    wait_answer(page, 1)
    expect(page.locator(".pw-timeline")).to_have_count(1)
    assert axe_violations(page) == []
    page.goto(live_server.url + "/static/embed-demo.html")
    page.get_by_role("button", name="Open de Poortwachter-assistent").click()
    assert axe_violations(page) == []
    context.close()


def test_the_content_security_policy_holds_in_the_browser(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/")
    expect(page.locator(".pw-bot")).to_have_count(1)  # the widget itself runs under the CSP
    with pytest.raises(Exception, match="Content Security Policy"):
        page.add_script_tag(content="window.injected = true")
    assert page.evaluate("window.injected === undefined")


WORDS_SPLIT_ACROSS_LINES = """(root) => {
  const broken = [];
  for (const el of root.querySelectorAll('.pw-spoor2, .pw-label, .pw-date')) {
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (const m of node.data.matchAll(/[^\\s\\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


def test_the_400_px_panel_keeps_words_whole_and_the_close_button_by_the_title(
    page: Page, live_server: LiveServer
) -> None:
    page.goto(live_server.url + "/static/embed-demo.html")
    page.get_by_role("button", name="Open de Poortwachter-assistent").click()
    panel = page.get_by_role("dialog")
    panel_box = panel.bounding_box()
    assert panel_box is not None and panel_box["width"] == 400
    title = panel.locator(".pw-title").bounding_box()
    close = panel.get_by_role("button", name="Sluit de chat").bounding_box()
    assert title is not None and close is not None
    # The close button sits on the title's line, at the right, not on a line of its own.
    assert title["y"] <= close["y"] + close["height"] / 2 <= title["y"] + title["height"] + 8
    assert close["x"] > title["x"] + title["width"] - 1

    ask(page, "ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?")
    wait_answer(page, 1)
    timeline = last_bot(page).locator(".pw-timeline")
    expect(timeline.locator(".pw-milestone")).to_have_count(12)
    expect(timeline).to_contain_text("loondoorbetaling")
    assert timeline.evaluate(WORDS_SPLIT_ACROSS_LINES) == []
    assert page.evaluate(
        "(() => { const log = document.querySelector('.pw-log');"
        " return log.scrollWidth <= log.clientWidth; })()"
    )  # nothing sticks out sideways
    last_bot(page).locator(".pw-calendar").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    panel.screenshot(path=str(ARTIFACTS / "panel-400.png"))
