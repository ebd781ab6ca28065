"""Personal deadline answers in Dutch, built from the engine's Timeline.

Every personal answer ends with the disclaimer, and carries the engine's JSON for the widget
(`custom` payload with type "timeline"). Words say what is known: a past deadline is "termijn
voorbij" (the step may or may not have been done), a date the user gave is "gehouden op …"
or "gepland op …", and dates that are no deadline are "rond" a day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from bot.deadlines.engine import SOON_DAYS
from bot.deadlines.model import Milestone, Timeline
from bot.deadlines.rules import Repair, fact, milestone_texts, sources
from bot.deadlines.spoor2 import overdue_situation
from bot.dutch.format import format_date_nl
from bot.roles import WERKGEVER, WERKNEMER

DISCLAIMER = (
    "Let op: dit is een berekening volgens de wet. De bedrijfsarts, HR of UWV beslist "
    "uiteindelijk wat er in jouw situatie geldt."
)
# How a date is introduced, by the kind of milestone (knowledge/milestones.yml).
_DATE_PREFIX = {
    "termijn": "Uiterlijk: ",
    "rond": "Rond: ",
    "praktijk": "In de praktijk rond: ",
    "datum": "Datum: ",
}
_SPOOR2_SOURCES = ("bw_7_658a", "uwv_werkwijzer_poortwachter")
NOW = "nu"  # the focus of "wat moet ik nu (deze week) doen?"
PAY_END = "einde_loondoorbetaling"


def spoor2_reason() -> str:
    weeks = fact("weeks_spoor2_na_eerstejaarsevaluatie")
    return (
        "Spoor 2 moet starten zodra terugkeer in de eigen organisatie niet meer waarschijnlijk "
        f"is, en uiterlijk {weeks} weken na de eerstejaarsevaluatie."
    )


def when(milestone: Milestone) -> str:
    return milestone.when_label


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def next_step(timeline: Timeline) -> Milestone | None:
    """The earliest milestone that is not behind us and not done (a running window counts
    as now)."""
    return timeline.next_step()


def timeline_payload(timeline: Timeline, focus: str | None = None) -> dict[str, Any]:
    return {"type": "timeline", "focus": focus, "timeline": timeline.to_dict()}


# --- late steps: what to do now (knowledge/milestones.yml, `repair`) --------------------


def repair_for(milestone: Milestone, role: str | None) -> Repair | None:
    """The repair of a milestone for a role. An employee gets their own text (what they can
    do); an employer, HR, and a user whose role is unknown get the text that names every
    actor ("de werkgever", "de werknemer")."""
    repairs = milestone_texts()[milestone.id].repair
    return repairs.get(WERKNEMER if role == WERKNEMER else WERKGEVER)


def repair_sentences(milestone: Milestone, role: str | None, *, with_risk: bool = True) -> str:
    """ "Wat nu: … Risico: …" for a milestone."""
    repair = repair_for(milestone, role)
    if repair is None:
        return ""
    risk = f" Risico: {repair.risk}" if repair.risk and with_risk else ""
    return f"Wat nu: {repair.now}{risk}"


def late_words(timeline: Timeline, milestone: Milestone) -> str:
    """How a passed deadline is described: late when known, else a question."""
    day = format_date_nl(milestone.date)
    if timeline.known_late(milestone):
        return f"te laat: de termijn was {day}."
    return f"de termijn was {day}. Nog niet gedaan? Dan is het te laat."


# Overdue steps whose risk a list spells out; older ones get what to do and who does it (their
# risk is the same loonsanctie, and the answer stays readable).
FULL_REPAIRS = 2


def late_line(
    timeline: Timeline, milestone: Milestone, role: str | None, *, with_risk: bool = True
) -> str:
    """One overdue step: that its term is over, who acts, what to do now and the risk."""
    return (
        f"- **{milestone.label}**: {late_words(timeline, milestone)} "
        f"Wie: {milestone.responsible}. {repair_sentences(milestone, role, with_risk=with_risk)}"
    ).rstrip()


def repair_source_ids(milestones: Iterable[Milestone], role: str | None) -> list[str]:
    found: list[str] = []
    for milestone in milestones:
        repair = repair_for(milestone, role)
        if repair is not None:
            found += [s for s in repair.source_ids if s not in found]
    return found


def late_section(timeline: Timeline, role: str | None) -> list[str]:
    overdue = timeline.overdue_steps()
    if not overdue:
        return []
    return [
        "**Termijnen die voorbij zijn, met wat je nu kunt doen:**",
        *(
            late_line(
                timeline,
                m,
                role,
                with_risk=index < FULL_REPAIRS or timeline.known_late(m),
            )
            for index, m in enumerate(overdue)
        ),
    ]


def overview_text(timeline: Timeline, role: str | None = None) -> list[str]:
    upcoming = next_step(timeline)
    lines = [f"Je termijnen bij eerste ziektedag {format_date_nl(timeline.first_sick_day)}:"]
    for milestone in timeline.milestones:
        line = f"- {milestone.label}: {when(milestone)} ({milestone.status_label})"
        lines.append(f"**{line[2:]}** ← volgende stap" if milestone is upcoming else line)
    return [
        *lines,
        f"Spoor 2: {spoor2_advice(timeline, role)}",
        *late_section(timeline, role),
        *timeline.warnings,
    ]


# --- "wat moet ik nu doen?" ------------------------------------------------------------


def due_soon(timeline: Timeline) -> list[Milestone]:
    """What is due within 14 days (or runs now, like the eerstejaarsevaluatie window) and is
    not known to be done nor excused (spoor 2 when not required), by date."""
    until = timeline.reference_date + timedelta(days=SOON_DAYS)
    soon = [
        m
        for m in timeline.milestones
        if not m.happened
        and not timeline.excused(m)
        and (m.status in ("vandaag", "binnenkort", "lopend") or (m.planned and m.date <= until))
    ]
    return sorted(soon, key=lambda m: m.window_start or m.date)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def now_summary(timeline: Timeline, overdue: list[Milestone], soon: list[Milestone]) -> str:
    """The one line that answers "wat moet ik nu doen?"."""
    soon_words = (
        f"in de komende {SOON_DAYS} dagen: {_count(len(soon), 'stap', 'stappen')}"
        if soon
        else f"in de komende {SOON_DAYS} dagen geen andere termijn"
    )
    if overdue:
        first = overdue[0]
        state = "te laat" if timeline.known_late(first) else "termijn voorbij"
        others = len(overdue) - 1
        if others:
            rest = f"Nog {_count(others, 'termijn', 'termijnen')} voorbij; {soon_words}."
        else:
            rest = capitalised(soon_words) + "."
        return f"**Nu eerst: {first.label} ({state}).** {rest}"
    if soon:
        first = soon[0]
        return (
            f"**In de komende {SOON_DAYS} dagen: {_count(len(soon), 'stap', 'stappen')}. "
            f"Als eerste: {first.label}, {when(first)}.**"
        )
    upcoming = next_step(timeline)
    if upcoming is None:
        return "**Er staan geen termijnen meer open.**"
    return (
        f"**In de komende {SOON_DAYS} dagen hoeft er volgens de wet niets. De volgende stap is "
        f"{upcoming.label}: {when(upcoming)} (wie: {upcoming.responsible}).**"
    )


def soon_line(milestone: Milestone) -> str:
    if milestone.kind == "termijn" and milestone.window_start is None:
        day = f"uiterlijk {format_date_nl(milestone.date)}"
    else:
        day = when(milestone)  # "tussen … en …", "rond …", "in de praktijk rond …"
    planned = f" ({milestone.status_label})" if milestone.planned else ""
    return f"- **{milestone.label}**: {day}{planned}. Wie: {milestone.responsible}."


def now_text(timeline: Timeline, role: str | None) -> tuple[str, list[str]]:
    """(summary line, body): late items first, each with its repair; then what is due within
    14 days, each with who acts and by when."""
    overdue = timeline.overdue_steps()
    soon = [m for m in due_soon(timeline) if m not in overdue]
    body = late_section(timeline, role)
    if soon:
        body += [f"**In de komende {SOON_DAYS} dagen:**", *(soon_line(m) for m in soon)]
    if not overdue and not soon and timeline.spoor2.status in ("achterstallig", "starten"):
        body.append(f"Spoor 2: {spoor2_advice(timeline, role)}")
    body += [*timeline.warnings, SEE_ALL]
    return now_summary(timeline, overdue, soon), body


SEE_ALL = "Wil je alle termijnen op een rij? Kies ‘Alle termijnen’."


# --- "hoe lang krijg ik nog loon?" --------------------------------------------------------


def pay_summary(timeline: Timeline, role: str | None) -> str | None:
    """The first sentence of an answer about the end of pay: the date, for the role."""
    milestone = timeline.milestone(PAY_END)
    if milestone is None:
        return None
    day = format_date_nl(milestone.date)
    if milestone.status == "verstreken":
        return f"**De loondoorbetaling bij ziekte liep tot en met {day}.**"
    who = {
        WERKNEMER: "Je werkgever betaalt je loon bij ziekte door",
        WERKGEVER: "Je betaalt het loon bij ziekte door",
    }.get(role or "", "De werkgever betaalt het loon bij ziekte door")
    return f"**{who} tot en met {day}.**"


def milestone_text(timeline: Timeline, milestone_id: str, role: str | None = None) -> list[str]:
    milestone = timeline.milestone(milestone_id)
    if milestone is None:  # e.g. after the AOW age
        return list(timeline.warnings)
    if milestone_id == "spoor2_uiterlijk" and timeline.spoor2.status == "niet_vereist":
        # An exception applies (spec section 5): a deadline alone would read as "start by".
        return spoor2_text(timeline, role)
    if milestone.window_start is not None:
        day = f"Dat is {when(milestone)}"
    else:
        day = _DATE_PREFIX.get(milestone.kind, "") + format_date_nl(milestone.date)
    lines = [f"**{milestone.label}**: {day}."]
    if milestone.actual_date is not None or milestone.happened:  # what the user told us
        lines.append(f"{capitalised(milestone.status_label)}.")
    if milestone_id == "spoor2_uiterlijk":  # the rule, then how this case's date follows
        lines += [spoor2_reason(), spoor2_reasoning(timeline)]
        if timeline.spoor2.planned_start is not None or timeline.spoor2.status == "gestart":
            lines.append(spoor2_advice(timeline, role))  # planned, or started: on time or late
    else:
        lines.append(milestone.explanation)
    if milestone.status == "verstreken" and not milestone.happened and not milestone.planned:
        lines.append(passed_text(timeline, milestone, role))
    return [*lines, *timeline.warnings]


def passed_text(timeline: Timeline, milestone: Milestone, role: str | None) -> str:
    """A passed date never stands alone: it comes with what to do now."""
    if milestone.overdue:
        said = late_words(timeline, milestone)
        opening = f"Deze termijn is {said}" if said.startswith("te laat") else f"Let op: {said}"
    else:
        opening = (
            "Deze termijn is voorbij." if milestone.kind == "termijn" else "Deze datum is voorbij."
        )
    return f"{opening} {repair_sentences(milestone, role)}".rstrip()


def spoor2_reasoning(timeline: Timeline) -> str:
    """How the spoor 2 deadline follows from the eerstejaarsevaluatie of this case."""
    weeks = fact("weeks_spoor2_na_eerstejaarsevaluatie")
    deadline = format_date_nl(timeline.spoor2.deadline)
    eje = timeline.milestone("eerstejaarsevaluatie")
    if eje is None:
        return spoor2_reason()
    if eje.actual_date is not None and eje.planned:
        basis = f"de eerstejaarsevaluatie staat gepland op {format_date_nl(eje.actual_date)}."
    elif eje.actual_date is not None:
        basis = f"de eerstejaarsevaluatie was op {format_date_nl(eje.actual_date)}."
    else:
        basis = f"de eerstejaarsevaluatie moet uiterlijk op {format_date_nl(eje.date)} zijn."
    return f"Zo reken ik: {basis} {weeks} weken daarna is {deadline}."


def spoor2_text(timeline: Timeline, role: str | None = None) -> list[str]:
    """The spoor 2 check: its status, the advice, and the rule (not when an exception makes
    spoor 2 not required: the rule would then tell the employer to start it)."""
    spoor2 = timeline.spoor2
    rule = [] if spoor2.status == "niet_vereist" else [spoor2_reason()]
    return [
        f"**{spoor2_label(timeline, role)}.**",
        spoor2_advice(timeline, role, with_actor=False),
        *employee_spoor2(timeline, role),
        *rule,
        *timeline.warnings,
    ]


# Spoor 2 statuses in which the employer must act now: the engine's advice then tells the
# employer what to do ("Wat nu: de werkgever start spoor 2 direct …").
_SPOOR2_ACT_NOW = ("achterstallig", "starten")
_EMPLOYEE_SPOOR2_LABELS = {"starten": "Spoor 2 moet nu starten"}


def _employee_must_hear_spoor2(timeline: Timeline, role: str | None) -> bool:
    return role == WERKNEMER and timeline.spoor2.status in _SPOOR2_ACT_NOW


def spoor2_label(timeline: Timeline, role: str | None) -> str:
    """The headline of the spoor 2 check; "Start spoor 2 nu" is an order for the employer,
    so an employee reads what must happen instead."""
    if role == WERKNEMER:
        return _EMPLOYEE_SPOOR2_LABELS.get(timeline.spoor2.status, timeline.spoor2.status_label)
    return timeline.spoor2.status_label


def spoor2_advice(timeline: Timeline, role: str | None, *, with_actor: bool = True) -> str:
    """The engine's spoor 2 advice, which tells the employer what to do. An employee whose
    spoor 2 must start now or is late gets the situation and that the employer does it; what
    the employee can do follows (employee_spoor2, the late-steps list), issue 19 point 6.
    with_actor=False leaves out who starts it, when employee_spoor2 follows and says so."""
    spoor2 = timeline.spoor2
    if not _employee_must_hear_spoor2(timeline, role):
        return spoor2.advice
    planned = (
        f"Spoor 2 staat gepland op {format_date_nl(spoor2.planned_start)}. "
        if spoor2.planned_start is not None
        else ""
    )
    if spoor2.status == "achterstallig" and spoor2.days_late is not None:
        situation = overdue_situation(spoor2.deadline, spoor2.days_late)
    else:
        situation = f"Spoor 2 moet nu starten, en uiterlijk op {format_date_nl(spoor2.deadline)}."
    actor = " Spoor 2 starten is de taak van je werkgever." if with_actor else ""
    return f"{planned}{situation}{actor}"


def employee_spoor2(timeline: Timeline, role: str | None) -> list[str]:
    """Spoor 2 is the employer's task: an employee who hears it must start gets what they can
    do themselves, and what the delay risks."""
    milestone = timeline.milestone("spoor2_uiterlijk")
    if milestone is None or not _employee_must_hear_spoor2(timeline, role):
        return []
    repair = repair_for(milestone, role)
    if repair is None:
        return []
    return [f"Wat jij kunt doen: {repair.now} Risico: {repair.risk}"]


def sources_line(found: Iterable[dict[str, str]]) -> str | None:
    """ "Bron: Art. 7:629 BW (…) (gecontroleerd 2 december 2026); …", each source once."""
    names: list[str] = []
    for source in found:
        name = source["name"]
        if source.get("checked_label"):
            name += f" ({source['checked_label']})"
        if name not in names:
            names.append(name)
    return "Bron: " + "; ".join(names) if names else None


def answer_sources(
    timeline: Timeline, focus: str | None, source_ids: Sequence[str] = ()
) -> list[dict[str, str]]:
    """The sources of what an answer states: the asked milestone, the warnings it shows and
    the notes (by id in knowledge/sources.yml)."""
    found: list[dict[str, str]] = []
    if focus == "spoor2":
        catalogue = sources()
        found += [catalogue[s] for s in _SPOOR2_SOURCES]
    elif focus == NOW:
        for soon in due_soon(timeline):
            found += list(soon.sources)
    elif focus:
        milestone = timeline.milestone(focus)
        found += list(milestone.sources) if milestone is not None else []
    found += list(timeline.warning_sources)
    catalogue = sources()
    found += [catalogue[s] for s in source_ids if s in catalogue]
    return found


def shown_milestones(timeline: Timeline, focus: str | None, role: str | None) -> list[Milestone]:
    """The milestones whose repair an answer shows (for its sources)."""
    if focus in (None, NOW):
        return timeline.overdue_steps()
    if focus == "spoor2":
        milestone = timeline.milestone("spoor2_uiterlijk")
        return [milestone] if milestone is not None and employee_spoor2(timeline, role) else []
    milestone = timeline.milestone(focus)
    if milestone is None or milestone.happened or milestone.planned:
        return []
    return [milestone] if milestone.status == "verstreken" else []


def personal_reply(
    timeline: Timeline,
    focus: str | None,
    intro: Sequence[str] = (),
    notes: Sequence[str] = (),
    *,
    cautions: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    role: str | None = None,
) -> dict[str, Any]:
    """focus: a milestone id, "spoor2" for the spoor 2 check, NOW for "wat moet ik nu doen?",
    or None for the overview. A question with a one-line answer (NOW, the end of pay) gets
    that line first; then the intro lines; cautions (cases these rules do not cover) before
    the dates, so that nobody reads the dates as if they applied unchanged; notes and the
    sources line just before the disclaimer, which always ends the text. source_ids: the
    sources of the notes and cautions. role: werknemer, werkgever or None: who gets which
    repair of a late step."""
    lead: list[str] = []
    if focus == "spoor2":
        body = spoor2_text(timeline, role)
    elif focus == NOW:
        summary, body = now_text(timeline, role)
        lead.append(summary)
    elif focus:
        body = milestone_text(timeline, focus, role)
        summary_line = pay_summary(timeline, role) if focus == PAY_END else None
        if summary_line and not cautions:  # a caution (contract end) answers it differently
            lead.append(summary_line)
    else:
        body = overview_text(timeline, role)
    repair_ids = repair_source_ids(shown_milestones(timeline, focus, role), role)
    bron = sources_line(answer_sources(timeline, focus, [*source_ids, *repair_ids]))
    lines = [*lead, *intro, *cautions, *body, *notes, *([bron] if bron else []), DISCLAIMER]
    return {"text": "\n".join(lines), "custom": timeline_payload(timeline, focus)}
