"""Role detection, FAQ replies with sources, and the ranked keyword suggestions."""

from __future__ import annotations

import pytest

from bot.faq.answers import (
    faq_reply,
    not_understood_reply,
    out_of_scope_reply,
    role_question_reply,
    suggestion_buttons,
)
from bot.faq.search import out_of_scope_category, suggest_faq
from bot.intents import Button, Intent
from bot.knowledge.base import knowledge
from bot.messages import NOT_UNDERSTOOD, OUT_OF_SCOPE_GENERAL, SUGGESTIONS_INTRO
from bot.roles import detect_role
from bot.turn import THRESHOLDS


def suggest(text: str) -> list[str]:
    return suggest_faq(text, THRESHOLDS.max_suggestions, THRESHOLDS.keyword_suggestion)


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

    from bot.knowledge.base import Source, format_day_nl

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
    assert role_question_reply()["buttons"] == [
        Button("Ik ben werknemer", Intent.INFORM_ROLE, "werknemer"),
        Button("Ik ben werkgever of HR", Intent.INFORM_ROLE, "werkgever"),
        Button("Sla over", Intent.INFORM_ROLE, "overslaan"),
    ]


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
    assert expected in suggest(text)


def test_no_suggestions_for_gibberish() -> None:
    assert suggest("qwerty zxcvb") == []


def test_suggestion_buttons_choose_the_entry_directly() -> None:
    buttons = suggestion_buttons(knowledge(), ["spoor2", "bestaat_niet"])
    assert buttons == [Button(knowledge().entry("spoor2").title, Intent.FAQ, "spoor2")]


def test_not_understood_reply_with_and_without_suggestions() -> None:
    assert not_understood_reply(knowledge(), []) == {"text": NOT_UNDERSTOOD}
    assert not_understood_reply(knowledge(), ["bestaat_niet"]) == {"text": NOT_UNDERSTOOD}
    reply = not_understood_reply(knowledge(), ["spoor2"])
    assert reply["text"] == f"{NOT_UNDERSTOOD}\n{SUGGESTIONS_INTRO}"
    assert [b.argument for b in reply["buttons"]] == ["spoor2"]


def test_out_of_scope_category_for_holidays() -> None:
    text = "hoeveel vakantiedagen heb ik nog"
    assert out_of_scope_category(text, THRESHOLDS.keyword_category) == "vakantie_verlof"
    category = next(c for c in knowledge().out_of_scope if c.id == "vakantie_verlof")
    assert out_of_scope_reply(knowledge(), "vakantie_verlof")["text"] == category.reply
    assert out_of_scope_reply(knowledge(), None) == {
        "text": OUT_OF_SCOPE_GENERAL,
        "custom": {"type": "out_of_scope"},
    }
