"""Personal deadline answers in Dutch, built from the engine's Timeline.

Every personal answer ends with the disclaimer, and carries the engine's JSON for the widget
(`custom` payload with type "timeline").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.deadlines.model import Milestone, Timeline
from bot.deadlines.rules import fact
from bot.dutch_format import format_date_nl

DISCLAIMER = (
    "Let op: dit is een berekening volgens de wet. De bedrijfsarts, HR of UWV beslist "
    "uiteindelijk wat er in jouw situatie geldt."
)
STATUS_WORDS = {
    "verstreken": "geweest",
    "vandaag": "vandaag",
    "binnenkort": "binnenkort",
    "gepland": "gepland",
    "lopend": "nu bezig",
}


def spoor2_reason() -> str:
    weeks = fact("weeks_spoor2_na_eerstejaarsevaluatie")
    return (
        "Spoor 2 moet starten zodra terugkeer in de eigen organisatie niet meer waarschijnlijk "
        f"is, en uiterlijk {weeks} weken na de eerstejaarsevaluatie."
    )


def when(milestone: Milestone) -> str:
    if milestone.window_start is not None:
        return (
            f"tussen {format_date_nl(milestone.window_start)} en {format_date_nl(milestone.date)}"
        )
    return format_date_nl(milestone.date)


def next_step(timeline: Timeline) -> Milestone | None:
    """The earliest milestone that is not behind us (a running window counts as now)."""
    open_steps = [m for m in timeline.milestones if m.status != "verstreken"]
    return min(open_steps, key=lambda m: m.window_start or m.date, default=None)


def timeline_payload(timeline: Timeline, focus: str | None = None) -> dict[str, Any]:
    return {"type": "timeline", "focus": focus, "timeline": timeline.to_dict()}


def overview_text(timeline: Timeline) -> list[str]:
    upcoming = next_step(timeline)
    lines = [f"Je termijnen bij eerste ziektedag {format_date_nl(timeline.first_sick_day)}:"]
    for milestone in timeline.milestones:
        line = f"- {milestone.label}: {when(milestone)} ({STATUS_WORDS[milestone.status]})"
        lines.append(f"**{line[2:]}** ← volgende stap" if milestone is upcoming else line)
    return [*lines, f"Spoor 2: {timeline.spoor2.advice}", *timeline.warnings]


def milestone_text(timeline: Timeline, milestone_id: str) -> list[str]:
    milestone = timeline.milestone(milestone_id)
    if milestone is None:  # e.g. after the AOW age
        return list(timeline.warnings)
    deadline = "Dat is " if milestone.window_start is not None else "Uiterlijk: "
    lines = [f"**{milestone.label}**: {deadline}{when(milestone)}."]
    if milestone_id == "spoor2_uiterlijk":  # the rule, then how this case's date follows
        lines += [spoor2_reason(), spoor2_reasoning(timeline)]
    else:
        lines.append(milestone.explanation)
    if milestone.status == "verstreken":
        lines.append("Deze datum is al voorbij.")
    return lines


def spoor2_reasoning(timeline: Timeline) -> str:
    """How the spoor 2 deadline follows from the eerstejaarsevaluatie of this case."""
    weeks = fact("weeks_spoor2_na_eerstejaarsevaluatie")
    deadline = format_date_nl(timeline.spoor2.deadline)
    eje = timeline.milestone("eerstejaarsevaluatie")
    if eje is None:
        return spoor2_reason()
    if eje.actual_date is not None:
        basis = f"de eerstejaarsevaluatie was op {format_date_nl(eje.actual_date)}."
    else:
        basis = f"de eerstejaarsevaluatie moet uiterlijk op {format_date_nl(eje.date)} zijn."
    return f"Zo reken ik: {basis} {weeks} weken daarna is {deadline}."


def spoor2_text(timeline: Timeline) -> list[str]:
    spoor2 = timeline.spoor2
    headline = {
        "gestart": "Spoor 2 is gestart.",
        "niet_vereist": "Spoor 2 is nu niet nodig.",
        "achterstallig": f"Spoor 2 is te laat: {spoor2.days_late} dagen over de uiterste datum.",
        "starten": "Start spoor 2 nu.",
        "nog_niet_nodig": "Spoor 2 is nog niet te laat.",
    }[spoor2.status]
    return [f"**{headline}**", spoor2.advice, spoor2_reason()]


def personal_reply(
    timeline: Timeline,
    focus: str | None,
    intro: Sequence[str] = (),
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """focus: a milestone id, "spoor2" for the spoor 2 check, or None for the overview.
    intro lines come first, notes just before the disclaimer, which always ends the text."""
    if focus == "spoor2":
        body = spoor2_text(timeline)
    elif focus:
        body = milestone_text(timeline, focus)
    else:
        body = overview_text(timeline)
    text = "\n".join([*intro, *body, *notes, DISCLAIMER])
    return {"text": text, "custom": timeline_payload(timeline, focus)}
