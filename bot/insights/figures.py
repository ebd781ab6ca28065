"""The figures content owners see (/admin, `make report`), computed from the day counts.

Plain Python over rows the service stored (api/insights/store.py): no text of users, only
codes. Each figure is a `Chart`: a title, columns and rows, and which column the bars show;
the admin page draws it as SVG bars, exports it as CSV, and `make report` prints it as
Markdown, all from this one structure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from bot.insights.codes import (
    CASE_STEP,
    FAQ_ANSWER,
    NOT_UNDERSTOOD_KINDS,
    OUT_OF_SCOPE,
    VOTE_REASONS,
)
from bot.knowledge.base import FaqEntry, KnowledgeBase

# An entry whose `reviewed` date is older than this is due for a check.
REVIEW_AFTER = timedelta(days=365)

Cell = str | int | float


@dataclass(frozen=True)
class CountRow:
    day: date
    kind: str
    key: str
    count: int


@dataclass(frozen=True)
class VoteRow:
    day: date
    kind: str
    key: str
    vote: str
    reason: str  # "" when none was given
    count: int


@dataclass(frozen=True)
class Chart:
    id: str  # also the CSV file name
    title: str
    explanation: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    bar_column: int | None = 1  # the column drawn as bars; None: a list, no bars
    unit: str = ""  # after a bar's value: "%"


@dataclass(frozen=True)
class Figures:
    start: date
    end: date
    turns: int
    charts: tuple[Chart, ...]

    def chart(self, chart_id: str) -> Chart | None:
        return next((c for c in self.charts if c.id == chart_id), None)


def figures(
    base: KnowledgeBase,
    counts: list[CountRow],
    votes: list[VoteRow],
    start: date,
    end: date,
    today: date,
) -> Figures:
    """Every figure for the period from `start` to `end` (both included)."""
    return Figures(
        start=start,
        end=end,
        turns=sum(r.count for r in counts),
        charts=(
            answers_per_entry(base, counts),
            out_of_scope_categories(base, counts),
            not_understood_per_week(counts),
            thumbs_down(base, votes),
            never_used(base, counts),
            review_due(base, today),
        ),
    )


def _title(base: KnowledgeBase, kind: str, key: str) -> str:
    entry = base.entry(key) if kind == FAQ_ANSWER else None
    if entry is not None:
        return entry.title
    return f"Persoonlijk antwoord: {key}" if kind == CASE_STEP else key


def _sorted(totals: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


def answers_per_entry(base: KnowledgeBase, counts: list[CountRow]) -> Chart:
    totals: dict[str, int] = defaultdict(int)
    for row in counts:
        if row.kind == FAQ_ANSWER:
            totals[row.key] += row.count
    return Chart(
        "antwoorden",
        "Antwoorden per onderwerp",
        "Hoe vaak de assistent elk antwoord gaf.",
        ("antwoord", "aantal", "id"),
        tuple((_title(base, FAQ_ANSWER, key), n, key) for key, n in _sorted(totals)),
    )


def out_of_scope_categories(base: KnowledgeBase, counts: list[CountRow]) -> Chart:
    names = {c.id: c.id.replace("_", " ") for c in base.out_of_scope}
    totals: dict[str, int] = defaultdict(int)
    for row in counts:
        if row.kind == OUT_OF_SCOPE:
            totals[row.key] += row.count
    return Chart(
        "buiten_de_wet",
        "Vragen buiten de wet, per onderwerp",
        "Vragen waarop de assistent zei: daar kan ik je niet mee helpen.",
        ("onderwerp", "aantal"),
        tuple((names.get(key, key), n) for key, n in _sorted(totals)),
    )


def not_understood_per_week(counts: list[CountRow]) -> Chart:
    """Per ISO week: the share of messages the assistant did not understand (with or
    without suggested questions)."""
    turns: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    for row in counts:
        year, week, _ = row.day.isocalendar()
        label = f"{year}-W{week:02d}"
        turns[label] += row.count
        if row.kind in NOT_UNDERSTOOD_KINDS:
            missed[label] += row.count
    rows = tuple(
        (label, round(100 * missed[label] / turns[label], 1), missed[label], turns[label])
        for label in sorted(turns)
    )
    return Chart(
        "niet_begrepen",
        "Niet begrepen, per week",
        "Het deel van de berichten dat de assistent niet begreep (in procenten).",
        ("week", "procent", "niet begrepen", "berichten"),
        rows,
        unit="%",
    )


def thumbs_down(base: KnowledgeBase, votes: list[VoteRow]) -> Chart:
    down: dict[tuple[str, str], int] = defaultdict(int)
    up: dict[tuple[str, str], int] = defaultdict(int)
    reasons: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in votes:
        target = (row.kind, row.key)
        if row.vote == "down":
            down[target] += row.count
            reasons[target][row.reason] += row.count
        else:
            up[target] += row.count
    order = sorted(down, key=lambda t: (-down[t], t))
    rows: list[tuple[Cell, ...]] = []
    for target in order:
        by_reason: list[Cell] = [reasons[target][code] for code in VOTE_REASONS]
        title = _title(base, *target)
        rows.append((title, down[target], up[target], *by_reason, reasons[target][""], target[1]))
    return Chart(
        "duim_omlaag",
        "Duim omlaag per antwoord, met redenen",
        "Antwoorden die gebruikers niet goed vonden, en waarom.",
        ("antwoord", "omlaag", "omhoog", *VOTE_REASONS.values(), "geen reden", "id"),
        tuple(rows),
    )


def never_used(base: KnowledgeBase, counts: list[CountRow]) -> Chart:
    used = {row.key for row in counts if row.kind == FAQ_ANSWER}
    rows = tuple((e.title, e.id) for e in base.entries if e.id not in used)
    return Chart(
        "nooit_gebruikt",
        "Antwoorden die niet zijn gebruikt",
        "Antwoorden die de assistent in deze periode geen enkele keer gaf.",
        ("antwoord", "id"),
        rows,
        bar_column=None,
    )


def review_due(base: KnowledgeBase, today: date) -> Chart:
    due = sorted((e for e in base.entries if today - e.reviewed > REVIEW_AFTER), key=_reviewed)
    return Chart(
        "controle_nodig",
        "Antwoorden die langer dan een jaar niet zijn gecontroleerd",
        "De datum van de laatste inhoudelijke controle (reviewed) is ouder dan een jaar.",
        ("antwoord", "gecontroleerd", "id"),
        tuple((e.title, e.reviewed.isoformat(), e.id) for e in due),
        bar_column=None,
    )


def _reviewed(entry: FaqEntry) -> date:
    return entry.reviewed


def period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The chosen period: ISO dates from the period chooser, by default the last 30 days."""
    last = _parse(end) or today
    first = _parse(start) or last - timedelta(days=29)
    return (first, last) if first <= last else (last, first)


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
