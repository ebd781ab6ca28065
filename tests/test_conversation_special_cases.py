"""Special cases (spec section 7), planned dates (spec 6.1) and honest tips in the personal
conversation, as a pure function of (state, message, today). Today is 2026-12-02."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.conversation import CaseState, claims_turn
from bot.conversation.case_facts import mentioned_facts, read_fact_date
from bot.conversation.personal_answers import DISCLAIMER
from bot.conversation.special_cases import CASES, mentioned_cases, past_aow_age
from bot.deadlines.rules import sources
from bot.dutch.dates import DateFound
from bot.knowledge.base import knowledge
from tests.test_conversation_dialogue import Chat as DialogueChat

TODAY = date(2026, 12, 2)


class Chat(DialogueChat):
    """The dialogue tests' conversation, on this module's today."""

    def __init__(self, role: str | None = None) -> None:
        super().__init__(role, TODAY)

    def timeline(self) -> dict[str, Any]:
        timeline: dict[str, Any] = self.custom()["timeline"]  # type: ignore[assignment]
        return timeline


# --- item 3: whose step is what -----------------------------------------------------------


def test_employee_tip_says_the_wia_aanvraag_is_their_own_step() -> None:
    chat = Chat(role="werknemer")
    text = chat.say("ik ben sinds 2 maart 2026 ziek, wat moet ik wanneer doen?")
    assert "Jouw werkgever moet deze stappen op tijd zetten" not in text
    assert "de WIA-aanvraag doe je zelf bij UWV, uiterlijk in week 93 (art. 64 WIA)" in text
    assert "Art. 64 WIA" in text and "Art. 7:660a BW" in text  # the sources line
    assert text.endswith(DISCLAIMER)


def test_employer_tip_says_who_applies_for_the_wia() -> None:
    chat = Chat(role="werkgever")
    text = chat.say("mijn werknemer is sinds 2 maart 2026 ziek, wat moet ik wanneer doen?")
    assert "De WIA-aanvraag doet je werknemer zelf (art. 64 WIA)" in text


# --- item 5: "tot wanneer doorbetalen" after a late 42e-weeksmelding ------------------------


def test_late_melding_question_gets_the_end_of_pay_and_no_extension() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "mijn werknemer is sinds 2 september 2024 ziek en de 42e-weeksmelding was te laat. "
        "tot wanneer moeten we doorbetalen?"
    )
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: zondag 30 augustus 2026." in text
    assert "Ziekmelding bij UWV (42e-weeksmelding)**" not in text  # not the melding deadline
    assert "Dat verlengt de loondoorbetaling niet" in text and "sinds 2008" in text
    assert "€455" in text and "art. 38 Ziektewet" in text
    assert "Art. 38 Ziektewet" in text  # sources line
    assert chat.timeline()["milestones"][-2]["date"] == "2026-08-30"


# --- point 4: special cases ---------------------------------------------------------------


def test_temporary_contract_end_is_flagged_and_the_sick_day_still_read() -> None:
    chat = Chat(role="werknemer")
    text = chat.say(
        "Ik heb een tijdelijk contract tot 1 maart 2027 en ben sinds 3 juni ziek. "
        "Tot wanneer krijg ik loon?"
    )
    assert text.startswith("Je eerste ziektedag is woensdag 3 juni 2026: daar reken ik mee.")
    assert "**Let op: tijdelijk contract tot 1 maart 2027.**" in text
    assert "stopt de loondoorbetaling door de werkgever op 1 maart 2027" in text
    assert "Ziektewet-uitkering" in text and "art. 29 Ziektewet" in text
    # The caution comes before the standard date, which it qualifies.
    assert text.index("tijdelijk contract") < text.index("**Laatste dag loondoorbetaling**")
    assert chat.state.periods == (("2026-06-03", None),)
    assert "Wat als je contract afloopt terwijl je ziek bent?" in chat.buttons()


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("ik ben uitzendkracht en sinds 3 juni ziek, wat moet ik wanneer doen?",
         ["**Let op: uitzendkracht.**", "uitzendbureau", "art. 29 Ziektewet"]),
        ("we zijn eigenrisicodrager en onze werknemer is sinds 3 juni ziek. wat moeten we wanneer doen?",
         ["**Let op: eigenrisicodrager.**", "Vraag HR of UWV"]),
        ("sinds 3 juni ziek, kan ik een vervroegde IVA aanvragen? wat moet ik wanneer doen?",
         ["**Let op: IVA.**", "UWV beslist", "bedrijfsarts"]),
        ("ik ben sinds 3 juni ziek en zit in de WW, wat moet ik wanneer doen?",
         ["**Let op: geen werkgever meer.**", "Ziektewet-uitkering van UWV"]),
        ("ik ben zwanger en sinds 2 november ziek, wat moet ik wanneer doen?",
         ["**Let op: zwangerschap.**", "dezelfde oorzaak", "vraag HR of UWV"]),
        ("mijn werknemer is sinds 3 juni ziek en krijgt volgend jaar AOW. wat moet ik wanneer doen?",
         ["**Let op: AOW-leeftijd.**", "art. 7:629 lid 2 BW", "Noem de AOW-datum"]),
    ],
)  # fmt: skip
def test_special_cases_say_what_differs_and_where_to_go(message: str, words: list[str]) -> None:
    chat = Chat(role="werknemer")
    text = chat.say(message)
    for word in words:
        assert word in text, (word, text)
    assert "Je termijnen bij eerste ziektedag" in text  # the date reader's result is kept
    assert text.index("**Let op:") < text.index("Je termijnen bij eerste ziektedag")
    assert text.endswith(DISCLAIMER)


def test_special_case_is_remembered_for_the_next_question() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben uitzendkracht en sinds 3 juni ziek, wat moet ik wanneer doen?")
    assert "**Let op: uitzendkracht.**" in chat.say("tot wanneer krijg ik loon?")
    chat.say("begin opnieuw", "restart_case")
    assert chat.state.facts == {}


def test_aow_date_in_the_message_is_used_by_the_engine() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "mijn werknemer is sinds 5 januari 2026 ziek en bereikt op 1 juni 2027 de "
        "AOW-leeftijd. tot wanneer moeten we doorbetalen?"
    )
    # Issue 19, point 5: the first sentence answers the question; then the date it used.
    assert text.startswith(
        "**Je betaalt het loon bij ziekte door tot en met maandag 12 juli 2027.**\n"
        "Je eerste ziektedag is maandag 5 januari 2026"
    )
    assert "**Laatste dag loondoorbetaling**: Uiterlijk: maandag 12 juli 2027." in text
    assert "art. 7:629 lid 2 BW" in text
    assert "Noem de AOW-datum" not in text  # it was given
    assert chat.state.facts["aow_date"] == "2027-06-01"
    assert chat.timeline()["spoor2"]["status"] == "niet_vereist"


def test_old_slot_with_pregnancy_flag_still_gets_the_caution() -> None:
    chat = Chat(role="werknemer")
    chat.state = CaseState(periods=(("2026-11-02", None),), facts={"zwanger": True})
    assert "**Let op: zwangerschap.**" in chat.say("wat moet ik wanneer doen?", "ask_overview")


def test_every_special_case_cites_known_sources_and_faq_entries() -> None:
    catalogue = sources()
    base = knowledge()
    for case in CASES:
        assert case.source_ids and set(case.source_ids) <= set(catalogue), case.id
        assert case.faq_id is None or base.entry(case.faq_id) is not None, case.id


def test_detection_is_not_fooled_by_neighbouring_words() -> None:
    assert mentioned_cases("is spoor 2 te laat?") == []
    assert mentioned_cases("wordt de loondoorbetaling niet verlengd?") == []
    assert mentioned_cases("wanneer moet de 42e-weeksmelding?") == []


# --- point 8: planned dates ---------------------------------------------------------------


def test_planned_eerstejaarsevaluatie_gives_the_spoor2_deadline() -> None:
    chat = Chat(role="werkgever")
    text = chat.say(
        "de eerstejaarsevaluatie staat gepland op 15 januari, wanneer moet spoor 2 dan starten?"
    )
    assert "eerste ziektedag" in text
    assert chat.state.facts["eerstejaarsevaluatie_date"] == "2027-01-15"
    chat.say("sinds 3 maart 2026", "inform_sick_day")
    chat.say("ja", "affirm")  # then: has an arbeidsdeskundige concluded …?
    text = chat.say("nee", "deny")
    assert "**Uiterste start tweede spoor**: Uiterlijk: vrijdag 26 februari 2027." in text
    assert "de eerstejaarsevaluatie staat gepland op vrijdag 15 januari 2027." in text
    assert "Deze datum ligt in de toekomst" not in text


def test_planned_date_as_answer_to_the_follow_up_question() -> None:
    chat = Chat(role="werkgever")
    text = chat.say("mijn werknemer is sinds 1 december 2025 ziek. is spoor 2 te laat?")
    assert "Staat hij gepland?" in text
    text = chat.say("nee, die staat gepland op 15 december", "deny")
    assert chat.state.facts["eerstejaarsevaluatie_date"] == "2026-12-15"
    assert "arbeidsdeskundige" in text
    text = chat.say("nee", "deny")
    assert "**Spoor 2 is nog niet te laat.**" in text
    assert "De uiterste startdatum is dinsdag 26 januari 2027" in text
    text = chat.say("spoor 2 staat gepland op 1 februari 2027, is dat op tijd?")
    assert chat.state.facts["spoor2_start_date"] == "2027-02-01"
    timeline = chat.timeline()
    spoor2 = timeline["spoor2"]
    assert spoor2["deadline"] == "2027-01-26"  # 15 December + 6 weeks
    assert spoor2["planned_start"] == "2027-02-01" and spoor2["planned_days_late"] == 6
    assert "**De geplande start van spoor 2 is te laat.**" in text
    assert "6 dagen na de uiterste startdatum" in text


def test_a_bare_day_month_answer_is_not_read_before_the_first_sick_day() -> None:
    """ "15 januari" on 2 December is last January by default, but an evaluation of a case
    that started in March 2026 can only be the next one."""
    found = read_fact_date("15 januari", TODAY, "eerstejaarsevaluatie_date", date(2026, 3, 3))
    assert isinstance(found, DateFound) and found.value == date(2027, 1, 15)
    past = read_fact_date("15 januari", TODAY, "eerstejaarsevaluatie_date", date(2025, 3, 3))
    assert isinstance(past, DateFound) and past.value == date(2026, 1, 15)
    # A finding of an arbeidsdeskundige cannot be planned: no future reading.
    finding = read_fact_date("15 januari 2027", TODAY, "geen_terugkeer_date")
    assert not isinstance(finding, DateFound)


def test_mentioned_facts_keep_contract_and_aow_dates_out_of_the_sick_days() -> None:
    facts = mentioned_facts("tijdelijk contract tot 1 maart 2027, sinds 3 juni ziek", TODAY)
    assert facts.facts["contract_end"] == "2027-03-01" and not facts.date_used
    assert "1 maart" not in facts.sick_text and "sinds 3 juni ziek" in facts.sick_text
    only_aow = mentioned_facts("de AOW-datum is 1 juni 2027", TODAY)
    assert only_aow.facts["aow_date"] == "2027-06-01" and only_aow.date_used


# --- the AOW age: lapsed steps are no tasks; already past it: six weeks (spec section 7) ---


def test_steps_that_lapse_at_the_aow_age_are_not_given_as_tasks() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben ziek sinds 5 januari", "inform_sick_day")
    before = chat.say("ja", "affirm")
    assert "de WIA-aanvraag doe je zelf bij UWV, uiterlijk in week 93" in before
    text = chat.say("o wacht, ik word op 1 juni 2027 al aow'er")
    assert "Deze vervallen: " in text and "WIA-aanvraag met re-integratieverslag" in text
    assert "maandag 12 juli 2027" in text
    assert "WIA-aanvraag doe je zelf" not in text
    assert "De meeste stappen zet je werkgever, en jij werkt eraan mee" in text  # the tip stays
    assert "Art. 64 WIA" not in text  # its source went with it
    now = chat.say("wat moet ik nu doen?")
    assert "Deze vervallen: " in now  # said to have lapsed, and no task:
    assert "WIA-aanvraag doe je zelf" not in now and "Vraag de WIA-uitkering" not in now
    assert chat.state.facts["aow_date"] == "2027-06-01"
    assert "aow_reached" not in chat.state.facts  # "word … aow'er" is still to come
    employer = Chat(role="werkgever")
    text = employer.say(
        "mijn werknemer is sinds 5 januari 2026 ziek en bereikt op 1 juni 2027 de AOW-leeftijd. "
        "wat moet ik wanneer doen?"
    )
    assert "Als werkgever bewaak jij deze termijnen." in text
    assert "De WIA-aanvraag doet je werknemer zelf" not in text


def test_already_past_the_aow_age_gets_six_weeks_of_pay() -> None:
    chat = Chat(role="werknemer")
    chat.say("ik ben 68 en heb al aow, werk nog 2 dagen per week. sinds 2 november ziek")
    overview = chat.say("ja", "affirm")
    assert chat.state.facts["aow_reached"] is True
    assert "Noem de AOW-datum" not in overview  # the fact was given: no question for a date
    assert "zondag 29 oktober 2028" not in overview  # not the 104-week date
    text = chat.say("hoeveel weken krijg ik loon?")
    # Sick from 2 November 2026: six weeks are sick days 1-42, the last one 13 December 2026.
    assert text.startswith(
        "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 13 december 2026.**"
    )
    assert (
        "De werknemer had de AOW-leeftijd al bereikt toen de ziekte begon op maandag 2 november "
        "2026. Dan betaalt de werkgever het loon bij ziekte hoogstens 6 weken door, tot en met "
        "zondag 13 december 2026 (art. 7:629 lid 2 BW)." in text
    )
    assert "Vraag HR of UWV" in text
    assert "zondag 29 oktober 2028" not in text and "WIA-aanvraag doe je zelf" not in text
    timeline = chat.timeline()
    assert timeline["spoor2"]["status"] == "niet_vereist"
    assert "maandag 2 november 2026" not in timeline["spoor2"]["advice"]  # no made-up AOW date
    assert chat.custom()["calendar_query"]["aow_date"] == "2026-11-02"  # type: ignore[index]
    # A named AOW date wins over "already past it".
    chat.say("mijn aow-datum was 1 maart 2026")
    assert chat.state.facts["aow_date"] == "2026-03-01"


@pytest.mark.parametrize(
    ("message", "past"),
    [
        ("ik ben 68 en heb al aow, werk nog 2 dagen per week", True),
        ("ik ben al AOW-er", True),
        ("ik krijg AOW sinds vorig jaar", True),
        ("ik heb de AOW-leeftijd al bereikt", True),
        ("ik ben aow-gerechtigd en sinds maandag ziek", True),
        ("o wacht, ik word op 1 juni 2027 al aow'er", False),
        ("ik bereik 15 april 2027 de aow leeftijd", False),
        ("wat als ik al aow heb?", False),
        ("ik heb een vraag over aow", False),
        ("ik heb nog geen aow", False),
    ],
)
def test_past_aow_age_is_read_only_when_it_was_reached(message: str, past: bool) -> None:
    assert past_aow_age(message) is past
    assert ("aow_reached" in mentioned_facts(message, TODAY).facts) is past


def test_how_many_weeks_of_pay_is_a_personal_question() -> None:
    state = CaseState(periods=(("2026-11-02", None),))
    assert claims_turn(state, "hoeveel weken krijg ik loon?", None, TODAY)
    assert claims_turn(state, "hoeveel maanden krijg ik nog salaris?", None, TODAY)
    assert not claims_turn(CaseState(), "hoeveel weken krijg ik loon?", None, TODAY)
