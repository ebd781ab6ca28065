"""``extract_weeks``: "een loonsanctie van 12 weken" → 12."""

from __future__ import annotations

import re
from functools import cache

from .patterns import quantity_number
from .vocabulary import normalize, read_quantity

WINDOW = 60  # characters between the keyword and "N weken"
_SENTENCE_END = re.compile(r"[!?;\n]|(?<!\bart)(?<!\bbijv)(?<!\bca)(?<!\bnr)\.(?:\s|$)")


@cache
def _weeks() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.,])(?P<n>{quantity_number()})\s*(?:weken|week|wkn|wk)\b"
        r"(?!\s+(?:geleden|terug)\b)"
    )


def extract_weeks(text: str, keyword: str) -> int | None:
    """The number of weeks said about ``keyword`` in the same sentence, nearest first and
    after the keyword before before it; None when there is none or it is not whole."""
    norm, key = normalize(text), normalize(keyword).split()
    if not key:
        return None
    key_pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in key))
    best: tuple[int, int, str] | None = None
    for found_key in key_pattern.finditer(norm):
        for found in _weeks().finditer(norm):
            after = found.start() >= found_key.end()
            if not after and found.end() > found_key.start():
                continue  # overlaps the keyword
            gap = (
                norm[found_key.end() : found.start()]
                if after
                else norm[found.end() : found_key.start()]
            )
            if len(gap) > WINDOW or _SENTENCE_END.search(gap):
                continue
            candidate = (len(gap), 0 if after else 1, found["n"])
            best = candidate if best is None or candidate < best else best
    if best is None:
        return None
    weeks = read_quantity(best[2])
    return int(weeks) if weeks is not None and weeks.denominator == 1 else None
