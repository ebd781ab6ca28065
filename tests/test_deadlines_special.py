"""Planned dates (spec 6.1), the AOW age (spec 5 and 7, art. 7:629 lid 2 BW), honest status
words (issue 14, point 5) and the late WIA-aanvraag warning (issue 14, item 3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.deadlines import CaseFacts, SickPeriod, compute_timeline
from bot.deadlines.model import Timeline

D = date(2026, 1, 5)  # spec example 1
REF = date(2026, 12, 2)


def timeline(ref: date = REF, **facts: Any) -> Timeline:
    return compute_timeline([SickPeriod(D)], ref, CaseFacts(**facts))


def milestone_ids(t: Timeline) -> list[str]:
    return [m.id for m in t.milestones]


# --- planned dates ------------------------------------------------------------------


def test_planned_eerstejaarsevaluatie_sets_the_spoor2_deadline_and_is_called_planned() -> None:
    t = timeline(eerstejaarsevaluatie_date=date(2027, 1, 2))
    assert t.spoor2.deadline == date(2027, 2, 13)  # six weeks after the planned date
    eje = t.milestone("eerstejaarsevaluatie")
    assert eje is not None and eje.planned and not eje.happened
    assert eje.status_label == "gepland op 2 januari 2027"
    assert not any("week 52" in w for w in t.warnings)  # inside the window


def test_planned_eerstejaarsevaluatie_after_week_52_is_flagged() -> None:
    t = timeline(eerstejaarsevaluatie_date=date(2027, 1, 15))
    assert t.spoor2.deadline == date(2027, 2, 26)
    assert any(
        "staat gepland op vrijdag 15 januari 2027: na het einde van week 52" in w
        for w in t.warnings
    )


def test_eerstejaarsevaluatie_held_is_done_not_next() -> None:
    t = timeline(eerstejaarsevaluatie_date=date(2026, 11, 20))
    eje = t.milestone("eerstejaarsevaluatie")
    assert eje is not None and eje.happened
    assert eje.status_label == "gehouden op 20 november 2026"
    upcoming = t.next_step()
    assert upcoming is not None and upcoming.id != "eerstejaarsevaluatie"
    body = t.to_dict()
    badge = next(m for m in body["milestones"] if m["id"] == "eerstejaarsevaluatie")["badge"]
    assert badge == {"kind": "done", "label": "gehouden op 20 november 2026"}


def test_planned_spoor2_start_on_time() -> None:
    t = timeline(spoor2_start_date=date(2027, 1, 10))
    assert t.spoor2.status == "nog_niet_nodig"  # not started yet: computed as not started
    assert t.spoor2.planned_start == date(2027, 1, 10)
    assert t.spoor2.status_label == "Spoor 2 is nog niet te laat"
    assert "Spoor 2 staat gepland op zondag 10 januari 2027. Dat is op tijd" in t.spoor2.advice
    assert t.spoor2.to_dict()["planned_start_late"] is False
    started = timeline(ref=date(2027, 1, 10), spoor2_start_date=date(2027, 1, 10)).spoor2
    assert started.status == "gestart" and started.planned_start is None


def test_planned_spoor2_start_after_the_deadline_is_late() -> None:
    t = timeline(spoor2_start_date=date(2027, 3, 1))
    assert t.spoor2.status == "nog_niet_nodig"
    assert t.spoor2.planned_days_late == 15
    assert t.spoor2.status_label == "De geplande start van spoor 2 is te laat"
    assert "15 dagen na de uiterste startdatum (zondag 14 februari 2027): te laat" in (
        t.spoor2.advice
    )
    assert "nog niet te laat" not in t.spoor2.advice
    body = t.spoor2.to_dict()
    assert body["planned_start"] == "2027-03-01" and body["planned_days_late"] == 15
    # Within six weeks of the deadline the status says "start now", beside the late plan.
    soon = timeline(ref=date(2027, 1, 20), spoor2_start_date=date(2027, 3, 1)).spoor2
    assert soon.status == "starten" and soon.planned_days_late == 15


def test_planned_wia_aanvraag_after_week_93_warns_and_extends() -> None:
    t = timeline(wia_aanvraag_date=date(2027, 11, 7))  # spec example 7, planned
    end = t.milestone("einde_loondoorbetaling")
    assert end is not None and end.date == date(2028, 1, 23)
    assert any("staat gepland op zondag 7 november 2027: 21 dagen" in w for w in t.warnings)


# --- late WIA-aanvraag: whose matter is the lost pay? (item 3) ----------------------------


def test_late_wia_warning_points_to_employer_and_kantonrechter_not_uwv() -> None:
    t = timeline(ref=date(2027, 12, 1), wia_aanvraag_date=date(2027, 11, 7))
    warning = next(w for w in t.warnings if "WIA-aanvraag" in w)
    assert "21 dagen te laat ingediend" in warning
    assert "art. 7:629 lid 11 BW" in warning and "art. 7:629 lid 3 onder f BW" in warning
    assert "zaak tussen werknemer en werkgever, niet van UWV" in warning
    assert "kantonrechter" in warning
    assert "bespreek dit met UWV" not in warning
    assert {s["name"] for s in t.warning_sources} == {
        "Art. 7:629 BW (loondoorbetaling bij ziekte, samentellen)"
    }


# --- the AOW age (item 4) ---------------------------------------------------------------


def test_aow_during_sickness_ends_pay_six_weeks_later_and_drops_the_wia_steps() -> None:
    t = timeline(aow_date=date(2027, 6, 1))
    end = t.milestone("einde_loondoorbetaling")
    # Art. 7:629 lid 2 BW: six weeks from the AOW date, 1 June + 41 days.
    assert end is not None and end.date == date(2027, 7, 12)
    assert "AOW-leeftijd" in end.explanation
    ids = milestone_ids(t)
    assert "wia_aanvraag" not in ids and "wia_ingang" not in ids and "wia_brief_uwv" not in ids
    assert "spoor2_uiterlijk" in ids  # 14 February 2027 lies before the AOW date
    # AOW within a year of the spoor 2 deadline: spoor 2 is not required (spec section 5).
    assert t.spoor2.status == "niet_vereist" and "AOW-datum" in t.spoor2.advice
    assert any("art. 7:629 lid 2 BW" in w and "maandag 12 juli 2027" in w for w in t.warnings)


def test_aow_shortly_before_the_104_weeks_does_not_extend_pay() -> None:
    t = timeline(aow_date=date(2027, 12, 20))  # six weeks later is past the normal end
    end = t.milestone("einde_loondoorbetaling")
    assert end is not None and end.date == date(2028, 1, 2)  # never beyond the 104 weeks
    assert "wia_ingang" not in milestone_ids(t)  # 3 January 2028 is after the AOW date


def test_aow_more_than_a_year_after_the_spoor2_deadline_keeps_spoor2() -> None:
    t = timeline(aow_date=date(2028, 2, 15))
    assert t.spoor2.status == "nog_niet_nodig"
    assert not any("AOW" in w for w in t.warnings)  # after the end of pay: nothing changes
    assert timeline(aow_date=date(2028, 2, 14)).spoor2.status == "niet_vereist"


def test_aow_before_the_first_sick_day_gives_six_weeks_of_pay() -> None:
    t = timeline(aow_date=date(2025, 12, 1))
    assert milestone_ids(t) == ["einde_loondoorbetaling"]
    end = t.milestone("einde_loondoorbetaling")
    assert end is not None and end.date == date(2026, 2, 15)  # sick day 42
    assert any("had de AOW-leeftijd al bereikt" in w for w in t.warnings)


# --- honest status words (point 5) --------------------------------------------------------


def test_status_words_say_what_is_known() -> None:
    t = timeline()
    labels = {m.id: m.status_label for m in t.milestones}
    assert labels["probleemanalyse"] == "termijn voorbij"  # not "geweest": we do not know
    assert labels["ziekmelding_arbodienst"] == "datum voorbij"  # practice, no legal term
    assert labels["eerstejaarsevaluatie"] == "periode loopt nu"
    assert labels["wia_aanvraag"] == "later"
    kinds = {m.id: m.kind for m in t.milestones}
    assert kinds["wia_brief_uwv"] == "rond" and kinds["ziekmelding_arbodienst"] == "praktijk"
    assert kinds["wia_ingang"] == "datum" and kinds["wia_aanvraag"] == "termijn"


def test_payload_carries_display_words_for_the_widget() -> None:
    body = compute_timeline([SickPeriod(date(2025, 6, 2))], REF).to_dict()
    assert body["spoor2"]["status"] == "achterstallig"
    assert body["spoor2"]["status_label"].startswith("Spoor 2 is te laat: ")
    badges = {m["id"]: m["badge"] for m in body["milestones"]}
    # Issue 19: the late spoor 2 is the most urgent step, so it is the next step, marked late.
    assert body["next_step"] == "spoor2_uiterlijk"
    assert badges["spoor2_uiterlijk"] == {"kind": "next", "label": "volgende stap, te laat"}
    assert badges["probleemanalyse"] == {"kind": "past", "label": "termijn voorbij"}
    # Spoor 2 started: the next step is the most recent other passed deadline, not known done.
    body = compute_timeline(
        [SickPeriod(date(2025, 6, 2))], REF, CaseFacts(spoor2_start_date=date(2026, 7, 1))
    ).to_dict()
    badges = {m["id"]: m["badge"] for m in body["milestones"]}
    assert body["next_step"] == "eerstejaarsevaluatie"
    assert badges["eerstejaarsevaluatie"] == {
        "kind": "next",
        "label": "volgende stap, termijn voorbij",
    }
    # Without any passed step, the next step is the first date ahead.
    body = compute_timeline([SickPeriod(date(2026, 11, 2))], REF).to_dict()
    assert body["next_step"] == "probleemanalyse"
    assert {m["id"]: m["badge"] for m in body["milestones"]}["probleemanalyse"] == {
        "kind": "next",
        "label": "volgende stap",
    }
    for milestone in body["milestones"]:
        assert milestone["status_label"] and milestone["kind"]
