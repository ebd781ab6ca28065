"""Role detection, FAQ replies with sources, and the ranked keyword suggestions."""

from __future__ import annotations

import pytest

from bot.faq_answers import (
    MIN_AGREED_CONFIDENCE,
    MIN_SELECTOR_PICK,
    SELECTOR_SURE,
    UNSURE_INTENTS,
    alternative_entry,
    chosen_entry,
    faq_reply,
    role_question_reply,
    suggestion_buttons,
)
from bot.faq_classifier import OUT_OF_SCOPE, rank
from bot.faq_search import out_of_scope_category, suggest_faq
from bot.knowledge import knowledge
from bot.roles import detect_role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("ik ben ziek, wat moet ik doen", "werknemer"),
        ("ik ben sinds maart ziek", "werknemer"),
        ("mijn werkgever wil dat ik ander werk doe", "werknemer"),
        ("ik ben de zieke werknemer", "werknemer"),
        ("mijn werknemer is al lang ziek", "werkgever"),
        ("onze medewerker weigert passend werk", "werkgever"),
        ("ik werk bij HR", "werkgever"),
        ("ik ben hr-adviseur", "werkgever"),
        ("als werkgever wil ik weten", "werkgever"),
        ("wat is spoor 2?", None),
        ("wanneer moet de probleemanalyse klaar zijn", None),
    ],
)
def test_detect_role(text: str, role: str | None) -> None:
    assert detect_role(text) == role


def test_faq_reply_carries_answer_and_sources() -> None:
    entry = knowledge().entry("wia_aanvraag")
    reply = faq_reply(entry, "werknemer")
    assert reply["text"].startswith(entry.answers["werknemer"].split("\n")[0])
    assert "Bron: Art. 64 WIA" in reply["text"] or "Bron:" in reply["text"]
    assert "\n\n" not in reply["text"]  # one chat bubble
    custom = reply["custom"]
    assert custom["type"] == "faq" and custom["id"] == "wia_aanvraag"
    assert all(s["url"].startswith("https://") for s in custom["sources"])


def test_faq_reply_shows_when_each_source_was_checked() -> None:
    entry = knowledge().entry("wia_aanvraag")
    reply = faq_reply(entry, "werknemer")
    source_line = reply["text"].splitlines()[-1]
    for source in entry.sources:
        assert f"{source.name} ({source.checked_label})" in source_line
        if source.confirmed:
            assert source.checked_label.startswith("gecontroleerd ")
            assert source.checked_label.endswith(str(source.checked.year))
    for shown, source in zip(reply["custom"]["sources"], entry.sources, strict=True):
        assert shown["checked"] == source.checked.isoformat()
        assert shown["checked_label"] == source.checked_label
        assert shown["confirmed"] is source.confirmed


def test_check_date_is_written_in_dutch() -> None:
    from datetime import date

    from bot.knowledge import Source, format_day_nl

    assert format_day_nl(date(2026, 12, 2)) == "2 december 2026"
    source = Source("x", "X", "https://x", date(2026, 3, 1))
    assert source.checked_label == "gecontroleerd 1 maart 2026"
    unconfirmed = Source("y", "Y", "https://y", date(2026, 3, 1), confirmed=False, note="n")
    assert unconfirmed.checked_label == "nog niet bevestigd"


def test_skipped_role_shows_both_variants() -> None:
    entry = next(e for e in knowledge().entries if e.has_role_variants)
    text = faq_reply(entry, None)["text"]
    assert "Voor de werknemer" in text and "Voor de werkgever" in text


def test_role_question_offers_buttons_including_skip() -> None:
    titles = [b["title"] for b in role_question_reply()["buttons"]]
    assert titles == ["Ik ben werknemer", "Ik ben werkgever of HR", "Sla over"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wanneer spoor twee beginnen", "spoor2_wanneer_starten"),
        ("reintegratieverslag inleveren", "reintegratieverslag"),
        ("werknemers weigeren passend werk", "passend_werk_weigeren"),
        ("deskundigenoordeel aanvragen kosten", "deskundigenoordeel"),
    ],
)
def test_suggestions_rank_the_matching_entry_in_the_top_three(text: str, expected: str) -> None:
    assert expected in suggest_faq(text)


def test_no_suggestions_for_gibberish() -> None:
    assert suggest_faq("qwerty zxcvb") == []


def test_suggestion_buttons_choose_the_entry_directly() -> None:
    buttons = suggestion_buttons(knowledge(), ["spoor2", "bestaat_niet"])
    assert buttons == [
        {"title": knowledge().entry("spoor2").title, "payload": '/faq{"faq_id": "spoor2"}'}
    ]


def test_out_of_scope_category_for_holidays() -> None:
    assert out_of_scope_category("hoeveel vakantiedagen heb ik nog") == "vakantie_verlof"


QUESTION = "wat is passend werk precies"


def test_the_classifier_picks_the_entry_of_a_faq_question() -> None:
    assert rank(QUESTION)[0].id == "passend_werk"
    assert chosen_entry(QUESTION, "faq", "passend_werk", 0.9) == "passend_werk"
    assert chosen_entry(QUESTION, "faq", "spoor2", 0.2) == "passend_werk"
    assert chosen_entry(QUESTION, "faq", None, 0.0) == "passend_werk"


def test_a_sure_selector_wins_when_the_models_disagree() -> None:
    assert chosen_entry(QUESTION, "faq", "spoor2", SELECTOR_SURE) == "spoor2"
    assert chosen_entry(QUESTION, "faq", "spoor2", SELECTOR_SURE - 0.01) == "passend_werk"


def test_the_out_of_scope_class_vetoes_an_answer() -> None:
    question = "hoeveel vakantiedagen heb ik nog dit jaar"
    assert rank(question)[0].id == OUT_OF_SCOPE
    assert chosen_entry(question, "faq", "wachtdagen", 0.99) is None


def test_out_of_scope_or_not_understood_is_overruled_only_when_both_models_agree() -> None:
    for intent in UNSURE_INTENTS:
        assert chosen_entry(QUESTION, intent, "passend_werk", 0.5) == "passend_werk"
        assert chosen_entry(QUESTION, intent, "spoor2", 0.99) is None
        assert chosen_entry(QUESTION, intent, "passend_werk", MIN_AGREED_CONFIDENCE / 2) is None


def test_alternative_is_the_selector_pick_only_when_it_differs_and_is_not_noise() -> None:
    assert alternative_entry("passend_werk", "spoor2", 0.3) == "spoor2"
    assert alternative_entry("passend_werk", "passend_werk", 0.9) is None
    assert alternative_entry("passend_werk", None, 0.9) is None
    assert alternative_entry("passend_werk", "spoor2", MIN_SELECTOR_PICK / 2) is None
