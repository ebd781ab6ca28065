"""Finding the date expressions in a message and reading what each one says.

Every finder scans the normalised text with its own pattern. Overlapping finds are settled
by length (the longest reading wins: "3 maart vorig jaar" over "vorig jaar"), then the
words around each find are checked: "ongeveer …" makes it vague, "sinds …" marks a start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

from . import absolute, questions, relative, vague
from . import patterns as pat
from .context import Context
from .specs import Ask, Mention, Ongoing
from .vocabulary import normalize

MAX_TEXT = 2000  # chat messages are short; this bounds the work on pasted documents

_FINDERS: tuple[Callable[[Context], Iterator[Mention]], ...] = (
    absolute.textual,
    absolute.day_ranges,
    absolute.numeric,
    absolute.holidays,
    absolute.day_of_relative_month,
    relative.relative_words,
    relative.weekday_relatives,
    relative.durations,
    vague.vague_expressions,
    vague.ongoing_ends,
    absolute.loose_dates,
)


def find_mentions(text: str, today: date, allow_future: bool) -> list[Mention]:
    """All date expressions in ``text``, without overlaps, in reading order."""
    text = text[:MAX_TEXT]
    norm = normalize(text)
    ctx = Context(text, norm, today, allow_future, bool(pat.month_present().search(norm)))
    candidates = [found for finder in _FINDERS for found in finder(ctx)]
    return [_in_context(ctx, found) for found in _without_overlaps(candidates)]


def _without_overlaps(candidates: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for found in sorted(candidates, key=lambda m: (m.start - m.end, m.rank, m.start)):
        if all(found.end <= other.start or found.start >= other.end for other in chosen):
            chosen.append(found)
    return sorted(chosen, key=lambda m: m.start)


def _in_context(ctx: Context, found: Mention) -> Mention:
    """Apply the words around a mention: approximations make it vague, cues mark a start."""
    window_start = max(0, found.start - 40)
    before = ctx.norm[window_start : found.start]
    after = ctx.norm[found.end : found.end + 40]
    spec = found.spec
    if not isinstance(spec, Ask | Ongoing):
        approx_before = pat.approximate_before().search(before)
        approx_after = pat.approximate_after().search(after)
        if approx_before or approx_after:
            start = window_start + approx_before.start() if approx_before else found.start
            end = found.end + approx_after.end() if approx_after else found.end
            spec = Ask(questions.approximate(ctx.text[start:end].strip(" ,"), ctx.today))
    return replace(found, spec=spec, start_cue=_start_cue(found, before, after))


def _start_cue(found: Mention, before: str, after: str) -> int:
    if found.start_cue or pat.start_cue_before().search(before):
        return 2
    if pat.start_cue_after().search(after):
        return 2
    weak = pat.weak_start_cue()
    return 1 if weak.search(before) or weak.search(after) else 0
