"""The message being read, shared by all finders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import DateUnclear
from .specs import Ask, Mention, Spec

RANK_VAGUE = 1  # a vague reading loses a tie against a concrete one
RANK_LOOSE = 2  # dateparser is the last resort


@dataclass(frozen=True, slots=True)
class Context:
    """The text as typed, its normalised form (same length) and the reference day."""

    text: str
    norm: str
    today: date
    allow_future: bool
    has_month: bool

    def mention(
        self, span: tuple[int, int], spec: Spec, rank: int = 0, start_cue: int = 0
    ) -> Mention:
        start, end = span
        return Mention(start, end, self.text[start:end], spec, rank, start_cue)

    def text_at(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    def ask(self, span: tuple[int, int], unclear: DateUnclear) -> Mention:
        return self.mention(span, Ask(unclear), rank=RANK_VAGUE)
