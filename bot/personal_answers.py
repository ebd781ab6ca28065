"""Personal deadline answers in Dutch, built from the engine's Timeline.

Every personal answer ends with the disclaimer, and carries the engine's JSON for the widget
(`custom` payload with type "timeline"). Words say what is known: a past deadline is "termijn
voorbij" (the step may or may not have been done), a date the user gave is "gehouden op …"
or "gepland op …", and dates that are no deadline are "rond" a day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bot.deadlines.model import Milestone, Timeline
from bot.deadlines.rules import fact, sources
from bot.dutch_format import format_date_nl

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


def overview_text(timeline: Timeline) -> list[str]:
    upcoming = next_step(timeline)
    lines = [f"Je termijnen bij eerste ziektedag {format_date_nl(timeline.first_sick_day)}:"]
    for milestone in timeline.milestones:
        line = f"- {milestone.label}: {when(milestone)} ({milestone.status_label})"
        lines.append(f"**{line[2:]}** ← volgende stap" if milestone is upcoming else line)
    return [*lines, f"Spoor 2: {timeline.spoor2.advice}", *timeline.warnings]


def milestone_text(timeline: Timeline, milestone_id: str) -> list[str]:
    milestone = timeline.milestone(milestone_id)
    if milestone is None:  # e.g. after the AOW age
        return list(timeline.warnings)
    if milestone.window_start is not None:
        day = f"Dat is {when(milestone)}"
    else:
        day = _DATE_PREFIX.get(milestone.kind, "") + format_date_nl(milestone.date)
    lines = [f"**{milestone.label}**: {day}."]
    if milestone.actual_date is not None:  # what the user told us: done or planned
        lines.append(f"{capitalised(milestone.status_label)}.")
    if milestone_id == "spoor2_uiterlijk":  # the rule, then how this case's date follows
        lines += [spoor2_reason(), spoor2_reasoning(timeline)]
        if timeline.spoor2.planned_start is not None:
            lines.append(timeline.spoor2.advice)
    else:
        lines.append(milestone.explanation)
    if milestone.status == "verstreken" and not milestone.happened:
        lines.append(
            "Deze termijn is voorbij." if milestone.kind == "termijn" else "Deze datum is voorbij."
        )
    return [*lines, *timeline.warnings]


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


def spoor2_text(timeline: Timeline) -> list[str]:
    spoor2 = timeline.spoor2
    return [
        f"**{spoor2.status_label}.**",
        spoor2.advice,
        spoor2_reason(),
        *timeline.warnings,
    ]


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
    elif focus:
        milestone = timeline.milestone(focus)
        found += list(milestone.sources) if milestone is not None else []
    found += list(timeline.warning_sources)
    catalogue = sources()
    found += [catalogue[s] for s in source_ids if s in catalogue]
    return found


def personal_reply(
    timeline: Timeline,
    focus: str | None,
    intro: Sequence[str] = (),
    notes: Sequence[str] = (),
    *,
    cautions: Sequence[str] = (),
    source_ids: Sequence[str] = (),
) -> dict[str, Any]:
    """focus: a milestone id, "spoor2" for the spoor 2 check, or None for the overview.
    intro lines come first; cautions (cases these rules do not cover) before the dates, so
    that nobody reads the dates as if they applied unchanged; notes and the sources line just
    before the disclaimer, which always ends the text. source_ids: the sources of the notes
    and cautions."""
    if focus == "spoor2":
        body = spoor2_text(timeline)
    elif focus:
        body = milestone_text(timeline, focus)
    else:
        body = overview_text(timeline)
    bron = sources_line(answer_sources(timeline, focus, source_ids))
    lines = [*intro, *cautions, *body, *notes, *([bron] if bron else []), DISCLAIMER]
    return {"text": "\n".join(lines), "custom": timeline_payload(timeline, focus)}
