"""Issue 17 in a real browser: voting under an answer, the consent question after an
unanswered question, and the admin page with and without the token, each with an axe-core
scan, under the service's CSP (no inline script)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_widget import ARTIFACTS, ask, axe_violations, browser, last_bot, wait_answer
from tests.conftest import INSIGHTS_ADMIN_TOKEN
from tests.live_server import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.model]

__all__ = ["browser"]  # the module fixture, shared with the widget tests

ADMIN = {"Authorization": f"Bearer {INSIGHTS_ADMIN_TOKEN}"}


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    # bypass_csp only lets this test inject axe-core; the page's own code runs under the CSP
    # (tests/browser/test_widget.py proves an inline script is refused).
    context = browser.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def thumbs_down(server: LiveServer, title: str) -> list[str]:
    response = httpx.get(f"{server.url}/admin/csv/duim_omlaag", headers=ADMIN, timeout=30)
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(response.text))}
    return rows.get(title, ["0"] * 6)


def test_voting_under_an_answer_with_the_keyboard(page: Page, insights_server: LiveServer) -> None:
    before = thumbs_down(insights_server, "Wat is passend werk?")
    page.goto(insights_server.url + "/")
    ask(page, "wat is passend werk?")
    wait_answer(page, 1)
    answer = last_bot(page)
    votes = answer.get_by_role("group", name="Was dit antwoord nuttig?")
    up = votes.get_by_role("button", name="Duim omhoog: dit antwoord helpt")
    down = votes.get_by_role("button", name="Duim omlaag: dit antwoord helpt niet")
    expect(up).to_have_attribute("aria-pressed", "false")
    down.focus()
    page.keyboard.press("Enter")
    expect(down).to_have_attribute("aria-pressed", "true")
    reasons = answer.get_by_role("group", name="Wat is er mis met dit antwoord?", exact=False)
    expect(reasons.get_by_role("button")).to_have_text(
        ["Klopt niet", "Onduidelijk", "Niet mijn vraag", "Geen reden"]
    )
    expect(reasons.get_by_role("button", name="Klopt niet")).to_be_focused()
    assert axe_violations(page) == []
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Onduidelijk"
    expect(answer.get_by_role("status")).to_have_text("Bedankt voor je reactie.")
    expect(reasons).to_have_count(0)
    expect(up).to_be_disabled()  # aria-disabled: one vote per answer
    up.click(force=True)  # nothing more is sent
    expect(up).to_have_attribute("aria-pressed", "false")
    after = thumbs_down(insights_server, "Wat is passend werk?")
    # Columns: omlaag, omhoog, Klopt niet, Onduidelijk, Niet mijn vraag, geen reden, id.
    assert int(after[0]) == int(before[0]) + 1  # thumbs down
    assert int(after[3]) == int(before[3]) + 1  # "Onduidelijk"
    assert int(after[1]) == int(before[1])  # no thumbs up


def test_no_votes_and_no_consent_question_under_small_talk(
    page: Page, insights_server: LiveServer
) -> None:
    page.goto(insights_server.url + "/")
    ask(page, "hallo")
    wait_answer(page, 1)
    expect(page.locator(".pw-feedback")).to_have_count(0)
    expect(page.locator(".pw-consent")).to_have_count(0)


def test_the_consent_question_after_an_unanswered_question(
    page: Page, insights_server: LiveServer
) -> None:
    page.goto(insights_server.url + "/")
    ask(page, "wat is passend werk?")
    wait_answer(page, 1)
    expect(page.locator(".pw-consent")).to_have_count(0)  # answered: no question
    ask(page, "hoeveel vakantiedagen heb ik nog bij Zwaluwstaart sinds 3 maart?")
    consent = page.get_by_role(
        "group", name="Mag HR deze vraag zonder je naam gebruiken om de assistent te verbeteren?"
    )
    expect(consent).to_be_visible(timeout=30_000)
    expect(last_bot(page)).to_contain_text("Mag HR deze vraag zonder je naam gebruiken")
    assert axe_violations(page) == []
    consent.get_by_role("button", name="Ja").click()
    expect(consent.get_by_role("status")).to_have_text(
        "Dank je. Je vraag is bewaard zonder namen, data en getallen."
    )
    expect(page.locator(".pw-input")).to_be_focused()
    admin = httpx.get(f"{insights_server.url}/admin", headers=ADMIN, timeout=30).text
    assert "hoeveel vakantiedagen heb ik nog bij [naam] sinds [datum]?" in admin
    # "Nee" keeps nothing.
    ask(page, "hoe vraag ik ouderschapsverlof aan voor Merelzang?")
    expect(page.locator(".pw-consent")).to_have_count(2, timeout=30_000)
    page.locator(".pw-consent").last.get_by_role("button", name="Nee").click()
    expect(page.locator(".pw-consent").last.get_by_role("status")).to_have_text(
        "Je vraag wordt niet bewaard."
    )
    assert "ouderschapsverlof" not in httpx.get(f"{insights_server.url}/admin", headers=ADMIN).text


def test_the_admin_page_without_and_with_the_token(page: Page, insights_server: LiveServer) -> None:
    page.goto(insights_server.url + "/admin")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inzichten: inloggen")
    expect(page.locator("svg")).to_have_count(0)  # no figures without the token
    assert axe_violations(page) == []
    page.get_by_label("Beheercode").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_have_text("Deze code klopt niet. Probeer het opnieuw.")
    page.get_by_label("Beheercode").fill(INSIGHTS_ADMIN_TOKEN)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(insights_server.url + "/admin")  # no token in the address
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inzichten voor de beheerders van de antwoorden"
    )
    for title in (
        "Antwoorden per onderwerp",
        "Vragen buiten de wet, per onderwerp",
        "Niet begrepen, per week",
        "Duim omlaag per antwoord, met redenen",
        "Antwoorden die niet zijn gebruikt",
        "Antwoorden die langer dan een jaar niet zijn gecontroleerd",
        "Onbeantwoorde vragen (met toestemming)",
    ):
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    expect(page.get_by_role("img", name="Antwoorden per onderwerp")).to_be_visible()
    assert page.locator("script").count() == 0
    assert axe_violations(page) == []
    # The period chooser.
    page.get_by_label("Van").fill("2020-01-01")
    page.get_by_label("Tot en met").fill("2020-01-31")
    page.get_by_role("button", name="Toon").click()
    expect(page).to_have_url(insights_server.url + "/admin?van=2020-01-01&tot=2020-01-31")
    expect(page.locator(".totaal")).to_contain_text("0 berichten van 2020-01-01")
    # A chart as CSV.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als CSV: Antwoorden per onderwerp").click()
    assert download.value.suggested_filename == "antwoorden_2020-01-01_2020-01-31.csv"
    # Logged out: the form again.
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inzichten: inloggen")
