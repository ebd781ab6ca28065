"""Issue 19, points 3-6, in the dialogue (a pure function, no Rasa): "wat moet ik nu (vandaag,
deze week) doen?" answered for the role, "vandaag" in such a question is no sick day, the
end of pay is said first, a passed step is asked about after the answer (Ja/Nee, kept as a
fact), and an employee is never given the employer's task. Over HTTP:
tests/test_case_help_http.py."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.conversation import CaseState, Message, claims_turn, handle_turn
from bot.conversation.case_facts import mentioned_facts
from bot.conversation.focus import NOW, OVERVIEW, asks_what_now, requested_focus
from bot.conversation.personal_answers import DISCLAIMER
from bot.conversation.personal_answers import NOW as ANSWER_NOW
from bot.conversation.state import AWAIT_STEP_DONE, STEPS_DONE, STEPS_NOT_DONE
from bot.dutch.dates import without_task_time
from bot.intents import Intent
from bot.messages import APOLOGY

TODAY = date(2026, 11, 23)
# Week 99 of sickness: the WIA-aanvraag (week 93) was due on 11 October 2026.
WIA_LATE = CaseState(periods=(("2024-12-30", None),))


class Chat:
    """A conversation: keeps the state between turns like the Rasa slot does."""

    def __init__(self, role: str | None = None, state: CaseState | None = None) -> None:
        self.state = state or CaseState()
        self.role = role
        self.last: list[dict[str, Any]] = []

    def say(self, text: str, intent: Intent | None = Intent.FAQ) -> list[str]:
        result = handle_turn(self.state, Message(text, intent, self.role, TODAY))
        self.state = CaseState.from_slot(result.state.to_slot())
        self.role = result.role
        self.last = result.replies
        return [str(r["text"]) for r in result.replies]

    def buttons(self, index: int = -1) -> list[str]:
        return [b.title for b in self.last[index].get("buttons", [])]

    def custom(self) -> dict[str, Any]:
        found = [r["custom"] for r in self.last if r.get("custom")]
        assert len(found) == 1
        return dict(found[0])


# --- reading the question ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wat moet ik nu doen?",
        "Wat moet ik vandaag doen?",
        "wat moeten we deze week regelen?",
        "wat moet ik doen?",
        "en wat nu?",
        "wat is de volgende stap?",
        "wat kan ik nu het beste doen",
        "wat moet ik als werkgever nu doen?",
        "ik ben sinds 3 maart ziek, wat moet ik doen?",
    ],
)
def test_what_now_questions(text: str) -> None:
    assert asks_what_now(text) and requested_focus(text) == NOW


@pytest.mark.parametrize(
    "text",
    [
        "mijn werknemer werkt niet mee, wat kan ik doen?",  # a FAQ question
        "wat moet ik nu doen als mijn werknemer niet meewerkt?",
        "medewerker meldt zich steeds kort ziek, wat kan ik doen",
        "wat moet ik wanneer doen?",  # the overview
    ],
)
def test_not_what_now(text: str) -> None:
    assert not asks_what_now(text)


def test_the_focus_word_is_the_answer_word() -> None:
    assert NOW == ANSWER_NOW


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("wat moet ik vandaag doen?", False),
        ("wat moeten we deze week regelen?", False),
        ("wat staat er deze week op de planning?", False),
        ("ik ben vandaag ziek geworden, wat moet ik doen?", True),
        ("sinds vandaag ziek", True),
        ("vandaag", True),
    ],
)
def test_time_words_of_a_task_question_are_no_date(text: str, kept: bool) -> None:
    blanked = without_task_time(text)
    assert len(blanked) == len(text)
    assert ("vandaag" in blanked or "deze week" in blanked) == kept


# --- "wat moet ik nu doen?" ---------------------------------------------------------------


def test_vandaag_in_a_question_is_today_not_a_new_sick_day() -> None:
    chat = Chat(role="werknemer", state=WIA_LATE)
    assert claims_turn(chat.state, "wat moet ik vandaag doen?", Intent.ASK_OVERVIEW, TODAY)
    texts = chat.say("wat moet ik vandaag doen?", Intent.ASK_OVERVIEW)
    assert chat.state.periods == (("2024-12-30", None),)  # not 23 November 2026
    assert "klopt dat?" not in texts[0] and APOLOGY not in "\n".join(texts)
    assert texts[0].startswith(
        "**Nu eerst: WIA-aanvraag met re-integratieverslag (termijn voorbij).**"
    )
    assert chat.custom()["focus"] == NOW


def test_vandaag_while_a_date_question_is_open_is_not_its_answer() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 1 september 2025 ziek, is spoor 2 te laat?")  # asks the eerstejaarsevaluatie
    texts = chat.say("wat moet ik vandaag doen?", Intent.ASK_OVERVIEW)
    assert "eerstejaarsevaluatie_date" not in chat.state.facts
    assert texts[0].startswith("**Nu eerst: Uiterste start tweede spoor (te laat).**")


def test_today_as_a_sick_day_still_works() -> None:
    chat = Chat()
    texts = chat.say("ik ben vandaag ziek geworden", Intent.INFORM_SICK_DAY)
    assert texts == ["Je eerste ziektedag is maandag 23 november 2026, klopt dat?"]


def test_what_now_asks_the_role_first_then_answers_with_late_items_first() -> None:
    chat = Chat(state=WIA_LATE)
    texts = chat.say("wat moet ik deze week doen?")
    assert "Ben je zelf ziek (werknemer)" in texts[0]
    chat.role = "werknemer"  # the role button; the service reads it from the button
    texts = chat.say('/inform_role{"role": "werknemer"}', Intent.INFORM_ROLE)
    answer = texts[0]
    lines = answer.split("\n")
    assert lines[0].startswith("**Nu eerst: WIA-aanvraag met re-integratieverslag")
    assert lines[1] == "**Termijnen die voorbij zijn, met wat je nu kunt doen:**"
    assert lines[2].startswith("- **WIA-aanvraag met re-integratieverslag**: de termijn was")
    assert "Vraag de WIA-uitkering nu aan bij UWV: dat doe je zelf" in lines[2]
    assert answer.endswith(DISCLAIMER)
    assert chat.buttons(0) == ["Alle termijnen"]
    # Then, after the answer, the question that would change it.
    assert texts[1].startswith("Is de WIA-aanvraag al ingediend bij UWV?")
    assert chat.buttons() == ["Ja", "Nee"]
    assert chat.state.awaiting == AWAIT_STEP_DONE and chat.state.step == "wia_aanvraag"


def test_no_then_the_late_step_is_a_fact_and_the_answer_is_refined() -> None:
    chat = Chat(role="werknemer", state=WIA_LATE)
    chat.say("wat moet ik nu doen?")
    texts = chat.say("nee", Intent.DENY)
    assert texts[0] == "Genoteerd: WIA-aanvraag met re-integratieverslag: nog niet ingediend."
    assert texts[1].startswith("**Nu eerst: WIA-aanvraag met re-integratieverslag (te laat).**")
    assert chat.state.facts[STEPS_NOT_DONE] == ["wia_aanvraag"]
    # Never asked again: the next question (if any) is about another step.
    assert "WIA-aanvraag al ingediend" not in "\n".join(texts)
    later = chat.say("wat moet ik nu doen?")
    assert "WIA-aanvraag al ingediend" not in "\n".join(later)
    timeline = chat.custom()["timeline"]
    badge = next(m for m in timeline["milestones"] if m["id"] == "wia_aanvraag")["badge"]
    assert badge == {"kind": "next", "label": "volgende stap, te laat"}


def test_yes_with_a_date_moves_the_end_of_pay() -> None:
    chat = Chat(role="werknemer", state=WIA_LATE)
    chat.say("wat moet ik nu doen?")
    assert chat.say("ja", Intent.AFFIRM) == [
        "Op welke datum was dat? Schrijf bijvoorbeeld ‘3 maart 2026’."
    ]
    texts = chat.say("op 20 november 2026", Intent.INFORM_SICK_DAY)
    assert texts[0].startswith("Genoteerd: WIA-aanvraag met re-integratieverslag: ingediend op")
    assert chat.state.facts["wia_aanvraag_date"] == "2026-11-20"
    assert chat.state.periods == (("2024-12-30", None),)
    assert "WIA-aanvraag met re-integratieverslag**" not in texts[1].split("\n")[0]


def test_yes_then_skip_keeps_done_without_a_date() -> None:
    chat = Chat(role="werkgever", state=WIA_LATE)
    chat.say("wat moeten we nu doen?")
    chat.say("ja", Intent.AFFIRM)
    texts = chat.say("sla over", Intent.SKIP)
    assert texts[0] == "Genoteerd: WIA-aanvraag met re-integratieverslag: ingediend."
    assert chat.state.facts[STEPS_DONE] == ["wia_aanvraag"]
    assert not texts[1].startswith("**Nu eerst: WIA-aanvraag")


def test_a_new_question_instead_of_yes_or_no_is_answered() -> None:
    chat = Chat(role="werknemer", state=WIA_LATE)
    chat.say("wat moet ik nu doen?")
    texts = chat.say("tot wanneer krijg ik loon?")
    assert texts[0].startswith("**Je werkgever betaalt je loon bij ziekte door tot en met")
    chat.say("ik weet het niet", Intent.NOT_UNDERSTOOD)  # the WIA question again: skipped
    assert chat.state.awaiting is None


def test_all_deadlines_button_gives_the_overview() -> None:
    chat = Chat(role="werknemer", state=WIA_LATE)
    chat.say("wat moet ik nu doen?")
    texts = chat.say("/ask_overview", Intent.ASK_OVERVIEW)
    assert texts[0].startswith("Je termijnen bij eerste ziektedag maandag 30 december 2024:")
    assert chat.custom()["focus"] is None and chat.state.focus is None
    assert OVERVIEW != NOW


def test_nothing_late_and_nothing_due() -> None:
    state = CaseState(
        periods=(("2026-05-04", None),),
        facts={STEPS_DONE: ["probleemanalyse", "plan_van_aanpak"]},
    )
    chat = Chat(role="werknemer", state=state)
    texts = chat.say("wat moet ik nu doen?")
    assert texts[0].startswith("**In de komende 14 dagen hoeft er volgens de wet niets.")
    assert len(texts) == 1  # nothing to ask


# --- answer first, then refine ----------------------------------------------------------


def test_until_when_pay_is_answered_in_the_first_sentence_without_questions_first() -> None:
    chat = Chat(role="werknemer")
    texts = chat.say("ik ben sinds 3 maart 2025 ziek. Hoe lang krijg ik nog salaris?")
    assert len(texts) == 1
    first = texts[0].split("\n")[0]
    assert (
        first
        == "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 28 februari 2027.**"
    )
    assert "eerstejaarsevaluatie" not in texts[0].lower() and "Is spoor 2" not in texts[0]
    assert texts[0].count("\n") < 7  # no table


def test_until_when_pay_with_a_late_wia_aanvraag_asks_after_answering() -> None:
    chat = Chat(role="werknemer", state=WIA_LATE)
    texts = chat.say("hoe lang krijg ik nog salaris?")
    assert texts[0].startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 27 december 2026.**"
    )
    assert texts[1].startswith("Is de WIA-aanvraag al ingediend bij UWV?")
    chat.say("ja", Intent.AFFIRM)
    texts = chat.say("op 20 november 2026", Intent.INFORM_SICK_DAY)
    # 40 days late: the end of pay moves by 40 days (art. 7:629 lid 11 BW).
    assert texts[1].startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met vrijdag 5 februari 2027.**"
    )


def test_no_to_spoor2_started_is_kept_and_never_asked_again() -> None:
    chat = Chat(role="werkgever")
    chat.say("sinds 1 september 2025 ziek, is spoor 2 te laat?")
    chat.say("sla over", Intent.SKIP)  # the eerstejaarsevaluatie
    chat.say("nee, nog niet", Intent.DENY)  # spoor 2 not started
    assert chat.state.facts[STEPS_NOT_DONE] == ["spoor2_uiterlijk"]
    texts = chat.say("is spoor 2 te laat?")
    assert "Is spoor 2 al gestart?" not in "\n".join(texts)
    texts = chat.say("wat moeten we nu doen?")
    assert "Is spoor 2 al gestart?" not in "\n".join(texts)


# --- who acts -----------------------------------------------------------------------------


def test_an_employee_is_never_told_to_start_spoor2() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben sinds 1 september 2025 ziek, is spoor 2 te laat?")
    chat.say("sla over", Intent.SKIP)
    texts = chat.say("nee", Intent.DENY)
    answer = texts[0]
    assert "start spoor 2 direct" not in answer  # the employer's "Wat nu" is for HR (issue 19)
    assert "Wat jij kunt doen: Spoor 2 starten is de taak van je werkgever" in answer
    assert "deskundigenoordeel" in answer
    assert "Wat nu: start spoor 2" not in answer


def test_hr_gets_the_employer_actions() -> None:
    chat = Chat(role="werkgever", state=WIA_LATE)
    answer = chat.say("wat moeten we nu doen?")[0]
    assert "De werknemer vraagt de WIA-uitkering nu aan bij UWV" in answer
    assert "De werkgever geeft het re-integratieverslag meteen aan de werknemer" in answer
    assert "Wat jij kunt doen" not in answer


# --- facts said in passing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "steps"),
    [
        ("Spoor 2 is nog niet gestart", {"spoor2_uiterlijk": False}),
        ("we hebben de 42e-weeksmelding gedaan", {"melding_uwv_42": True}),
        ("het plan van aanpak is er nog niet", {"plan_van_aanpak": False}),
        ("ik heb de WIA nog niet aangevraagd, wat moet ik nu doen?", {"wia_aanvraag": False}),
        (
            "de eerstejaarsevaluatie is geweest en spoor 2 is nog niet gestart",
            {"eerstejaarsevaluatie": True, "spoor2_uiterlijk": False},
        ),
        ("is spoor 2 al gestart?", {}),  # a question says nothing
        ("spoor 2 is gestart op 3 maart 2026", {}),  # a date: the date is the fact
        ("de WIA-aanvraag was te laat", {}),
    ],
)
def test_steps_said_in_passing(text: str, steps: dict[str, bool]) -> None:
    assert mentioned_facts(text, TODAY).steps == steps


def test_spoor2_not_started_said_in_passing_is_never_asked() -> None:
    chat = Chat(role="werkgever")
    texts = chat.say(
        "mijn werknemer is sinds 1 september 2025 ziek en spoor 2 is nog niet gestart. "
        "is spoor 2 te laat?"
    )
    assert "eerstejaarsevaluatie al geweest" in texts[-1]
    texts = chat.say("sla over", Intent.SKIP)
    joined = "\n".join(texts)
    assert "Is spoor 2 al gestart?" not in joined
    assert "**Spoor 2 is te laat: 43 dagen over de uiterste datum.**" in joined
    assert chat.state.facts[STEPS_NOT_DONE] == ["spoor2_uiterlijk"]
