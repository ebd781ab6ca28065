"""Issue 19, points 3-6: a passed deadline gets a next step (the repair in
knowledge/milestones.yml), "wat moet ik nu doen?" is answered for the role, the end of pay is
said first, and every action names who does it. Unit tests of the engine and the answers;
tests/test_case_help_http.py checks the same over HTTP."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from bot.conversation.personal_answers import DISCLAIMER, NOW, personal_reply
from bot.deadlines import (
    CaseFacts,
    SickPeriod,
    TimelineInputError,
    compute_timeline,
    parse_timeline_request,
)
from bot.deadlines.model import Timeline
from bot.deadlines.rules import milestone_texts, sources
from bot.roles import WERKGEVER, WERKNEMER

REF = date(2026, 11, 23)
# Sick since 30 December 2024: week 93 ended on 11 October 2026, the WIA-aanvraag is late.
WIA_LATE = date(2024, 12, 30)
ACTORS = re.compile(r"\b(werkgever|werknemer|bedrijfsarts|UWV|je|jij)\b", re.IGNORECASE)


def timeline(first: date, ref: date = REF, **facts: Any) -> Timeline:
    return compute_timeline([SickPeriod(first)], ref, CaseFacts(**facts))


# --- the repair data ---------------------------------------------------------------------


@pytest.mark.parametrize("milestone_id", sorted(milestone_texts()))
def test_every_milestone_has_a_repair_per_role_with_sources(milestone_id: str) -> None:
    text = milestone_texts()[milestone_id]
    assert set(text.repair) == {WERKGEVER, WERKNEMER}
    catalogue = sources()
    for role, repair in text.repair.items():
        assert repair.now and ACTORS.search(repair.now), (milestone_id, role)
        assert repair.source_ids and all(s in catalogue for s in repair.source_ids)
        assert "{" not in repair.now + repair.risk  # every fact filled in from rules.yml
    if text.step and text.kind == "termijn":
        assert text.done_question and text.done_question.endswith("?")


def test_the_employer_text_names_every_actor_and_the_employee_text_keeps_to_their_part() -> None:
    for milestone_id, text in milestone_texts().items():
        employer = text.repair[WERKGEVER].now
        # Shown to HR and when the role is unknown: says who acts, never "you" alone.
        assert re.search(r"\b(werkgever|werknemer|bedrijfsarts|UWV)\b", employer), milestone_id
        employee = text.repair[WERKNEMER].now
        # Never the employer's task as an order to the employee.
        assert not re.match(r"^(Start|Meld|Plan|Schakel|Kies)\b", employee), milestone_id
    spoor2 = milestone_texts()["spoor2_uiterlijk"].repair[WERKNEMER].now
    assert "taak van je werkgever" in spoor2 and "deskundigenoordeel" in spoor2


def test_week_numbers_come_from_rules_yml() -> None:
    raw = (milestone_texts()["wia_brief_uwv"].repair[WERKNEMER]).now
    assert "uiterlijk in week 93" in raw  # {week_wia_aanvraag}


# --- the engine: overdue steps and the next step -------------------------------------------


def test_a_late_wia_aanvraag_is_the_next_step_not_a_routine_meeting() -> None:
    t = timeline(WIA_LATE)
    overdue = [m.id for m in t.overdue_steps()]
    assert overdue[0] == "wia_aanvraag"
    assert "bijstelling_evaluatie" not in overdue and "wia_brief_uwv" not in overdue
    step = t.next_step()
    assert step is not None and step.id == "wia_aanvraag"
    badge = {m["id"]: m["badge"] for m in t.to_dict()["milestones"]}["wia_aanvraag"]
    assert badge == {"kind": "next", "label": "volgende stap, termijn voorbij"}


def test_steps_said_done_or_not_done() -> None:
    t = timeline(WIA_LATE, steps_done=("wia_aanvraag",), steps_not_done=("plan_van_aanpak",))
    wia = t.milestone("wia_aanvraag")
    assert wia is not None and wia.happened and wia.status_label == "ingediend"
    # A step said not done comes first, and is late, not merely "termijn voorbij".
    assert t.overdue_steps()[0].id == "plan_van_aanpak"
    badges = {m["id"]: m["badge"] for m in t.to_dict()["milestones"]}
    assert badges["plan_van_aanpak"] == {"kind": "next", "label": "volgende stap, te laat"}
    assert badges["wia_aanvraag"] == {"kind": "done", "label": "ingediend"}
    pva = t.milestone("plan_van_aanpak")
    assert pva is not None and pva.status_label == "te laat"


def test_spoor2_said_started_without_a_date() -> None:
    t = timeline(date(2025, 6, 2), steps_done=("spoor2_uiterlijk",))
    assert t.spoor2.status == "gestart" and t.spoor2.start_date is None
    assert "startdatum weet ik niet" in t.spoor2.advice
    assert "spoor2_uiterlijk" not in [m.id for m in t.overdue_steps()]


def test_spoor2_not_required_is_never_late() -> None:
    t = timeline(date(2025, 6, 2), uitzondering="geen_benutbare_mogelijkheden")
    assert "spoor2_uiterlijk" not in [m.id for m in t.overdue_steps()]


def test_steps_are_validated_in_dutch() -> None:
    request = parse_timeline_request(
        {"first_sick_day": "2024-12-30", "steps_done": ["wia_aanvraag"]}, REF
    )
    assert request.facts.steps_done == ("wia_aanvraag",)
    for raw, words in [
        ({"steps_done": ["onzin"]}, "Onbekende stap: onzin"),
        ({"steps_done": "wia_aanvraag"}, "als lijst"),
        ({"steps_done": ["wia_ingang"]}, "Onbekende stap"),  # no step: nobody does it
        (
            {"steps_done": ["wia_aanvraag"], "steps_not_done": ["wia_aanvraag"]},
            "niet tegelijk",
        ),
    ]:
        with pytest.raises(TimelineInputError) as error:
            parse_timeline_request({"first_sick_day": "2024-12-30", **raw}, REF)
        assert words in str(error.value)


# --- the answers ---------------------------------------------------------------------------


def test_a_passed_deadline_never_stands_alone() -> None:
    for role in (WERKNEMER, WERKGEVER, None):
        text = personal_reply(timeline(WIA_LATE), "wia_aanvraag", role=role)["text"]
        assert "Deze datum is al voorbij." not in text and "Deze termijn is voorbij." not in text
        assert "Nog niet gedaan? Dan is het te laat. Wat nu:" in text
        assert "art. 7:629 lid 11 BW" in text and "Risico:" in text
        assert "Art. 64 WIA" in text and "gecontroleerd" in text  # the source line
    employee = personal_reply(timeline(WIA_LATE), "wia_aanvraag", role=WERKNEMER)["text"]
    assert "Vraag de WIA-uitkering nu aan bij UWV: dat doe je zelf" in employee
    employer = personal_reply(timeline(WIA_LATE), "wia_aanvraag", role=WERKGEVER)["text"]
    assert "De werknemer vraagt de WIA-uitkering nu aan bij UWV" in employer
    assert "De werkgever geeft het re-integratieverslag meteen" in employer
    # Said not done: "te laat", with the repair.
    late = timeline(WIA_LATE, steps_not_done=("wia_aanvraag",))
    text = personal_reply(late, "wia_aanvraag", role=WERKNEMER)["text"]
    assert "Deze termijn is te laat: de termijn was zondag 11 oktober 2026. Wie" not in text
    assert "Deze termijn is te laat: de termijn was zondag 11 oktober 2026. Wat nu:" in text


def test_a_passed_date_that_is_no_step_also_says_what_now() -> None:
    t = timeline(date(2024, 6, 3))  # the 104 weeks ended on 31 May 2026
    text = personal_reply(t, "einde_loondoorbetaling", role=WERKNEMER)["text"]
    assert text.startswith("**De loondoorbetaling bij ziekte liep tot en met zondag 31 mei 2026.**")
    assert "Deze termijn is voorbij. Wat nu: Na deze dag hoeft je werkgever" in text
    assert "Neem contact op met UWV" in text


def test_what_now_for_the_employee_puts_the_late_wia_aanvraag_first() -> None:
    reply = personal_reply(timeline(WIA_LATE), NOW, role=WERKNEMER)
    text = reply["text"]
    first = text.split("\n")[0]
    assert first.startswith(
        "**Nu eerst: WIA-aanvraag met re-integratieverslag (termijn voorbij).**"
    )
    lines = text.split("\n")
    late = [line for line in lines if line.startswith("- **")]
    assert late[0].startswith("- **WIA-aanvraag met re-integratieverslag**")
    assert "Wie: werknemer (het verslag: werkgever)" in late[0]
    spoor2 = next(line for line in late if "tweede spoor" in line)
    assert "te laat" in spoor2 and "Spoor 2 starten is de taak van je werkgever" in spoor2
    # Never the employer's task as an order to the employee.
    assert "start spoor 2 direct" not in text.lower().replace("werkgever start spoor 2 direct", "")
    assert "Alle termijnen" in text and text.endswith(DISCLAIMER)
    assert reply["custom"]["focus"] == NOW


def test_what_now_lists_what_is_due_within_14_days_with_who_and_when() -> None:
    # Sick since 2 November 2026: the probleemanalyse is due on 13 December (20 days), the
    # ziekmelding at the arbodienst was in week 1.
    t = timeline(date(2026, 10, 12))  # week 6 ends 22 November, week 8 ends 6 December
    text = personal_reply(t, NOW, role=WERKGEVER)["text"]
    assert text.startswith("**Nu eerst: Probleemanalyse door de bedrijfsarts (termijn voorbij).**")
    assert "**In de komende 14 dagen:**" in text
    assert (
        "- **Plan van aanpak**: uiterlijk zondag 6 december 2026. "
        "Wie: werkgever en werknemer samen." in text
    )
    assert "Wat nu: De werkgever vraagt de bedrijfsarts de probleemanalyse nu te maken." in text


def test_what_now_with_nothing_due_names_the_next_step() -> None:
    t = timeline(date(2026, 5, 4), steps_done=("probleemanalyse", "plan_van_aanpak"))
    text = personal_reply(t, NOW, role=WERKNEMER)["text"]
    assert text.startswith("**In de komende 14 dagen hoeft er volgens de wet niets.")
    assert "De volgende stap is" in text and "(wie: " in text


def test_until_when_pay_answers_in_the_first_sentence() -> None:
    t = timeline(date(2025, 3, 3))
    for role, start in [
        (
            WERKNEMER,
            "**Je werkgever betaalt je loon bij ziekte door tot en met zondag 28 februari 2027.**",
        ),
        (WERKGEVER, "**Je betaalt het loon bij ziekte door tot en met zondag 28 februari 2027.**"),
        (
            None,
            "**De werkgever betaalt het loon bij ziekte door tot en met zondag 28 februari 2027.**",
        ),
    ]:
        text = personal_reply(t, "einde_loondoorbetaling", ["Intro."], role=role)["text"]
        assert text.startswith(start + "\nIntro.")
        assert "Eerstejaarsevaluatie" not in text  # no table
        assert len(text.split("\n")) <= 6


def test_employee_spoor2_check_says_what_they_can_do() -> None:
    t = timeline(date(2025, 6, 2))
    employee = personal_reply(t, "spoor2", role=WERKNEMER)["text"]
    # The situation, then what the employee can do; never the employer's "Wat nu" (issue 19).
    assert "Spoor 2 had uiterlijk op zondag 12 juli 2026 moeten starten: 134 dagen" in employee
    assert "start spoor 2 direct" not in employee
    assert "Wat jij kunt doen: Spoor 2 starten is de taak van je werkgever" in employee
    assert "Art. 32 Wet SUWI" in employee
    employer = personal_reply(t, "spoor2", role=WERKGEVER)["text"]
    assert "Wat nu: de werkgever start spoor 2 direct" in employer
    assert "Wat jij kunt doen" not in employer


def test_overview_gives_the_repair_of_every_passed_step() -> None:
    t = timeline(WIA_LATE)
    text = personal_reply(t, None, role=WERKGEVER)["text"]
    assert "**Termijnen die voorbij zijn, met wat je nu kunt doen:**" in text
    for milestone in t.overdue_steps():
        line = next(x for x in text.split("\n") if x.startswith(f"- **{milestone.label}**: "))
        assert "Wie: " in line and "Wat nu: " in line
