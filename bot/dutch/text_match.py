"""Small keyword rules on Dutch text: lower-case, single spaces, first rule that matches."""

from __future__ import annotations

import re
from collections.abc import Sequence


def flatten(text: str) -> str:
    """Lower case with single spaces, so that patterns need not care about either."""
    return " ".join(text.lower().split())


def first_match(text: str, rules: Sequence[tuple[str, re.Pattern[str]]]) -> str | None:
    """The label of the first rule whose pattern occurs in the flattened text."""
    flat = flatten(text)
    return next((label for label, pattern in rules if pattern.search(flat)), None)
