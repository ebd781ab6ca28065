"""Dutch words for days, months, weekdays and numbers, and text normalisation.

Everything heavy is built lazily (``functools.cache``) so importing stays cheap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from fractions import Fraction
from functools import cache

from bot.dutch.format import MONTHS, WEEKDAYS

MONTH_WORDS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTHS, start=1)},
    "febuari": 2,  # the most common misspelling
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Bare month names ("in maart") are vague; abbreviations are left out because "jan" is a name.
FULL_MONTH_WORDS: dict[str, int] = {
    name: number for name, number in MONTH_WORDS.items() if len(name) > 4 or name == "mei"
}
WEEKDAY_WORDS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAYS)}
# Only used right before a date and only with a dot or comma: "zo" and "ma" are common words.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "ma": 0,
    "di": 1,
    "wo": 2,
    "do": 3,
    "vr": 4,
    "vrij": 4,
    "za": 5,
    "zo": 6,
}

_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEENS = (
    "tien", "elf", "twaalf", "dertien", "veertien",
    "vijftien", "zestien", "zeventien", "achttien", "negentien",
)  # fmt: skip
_TENS = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
_SMALL_ORDINALS = (
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
    "negende", "tiende", "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende",
    "zestiende", "zeventiende", "achttiende", "negentiende",
)  # fmt: skip

_CHAR_MAP = {
    "’": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "′": "'",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "\u00a0": " ",
}


def normalize(text: str) -> str:
    """Lower-case, strip accents, unify quotes and dashes; keeps every index where it was.

    Keeping the length lets a match in the normalised text point back at the user's own words.
    """
    return "".join(_normalize_char(char) for char in text)


@cache
def _normalize_char(char: str) -> str:
    char = _CHAR_MAP.get(char, char)
    lower = char.lower()
    if len(lower) != 1:
        return char
    base = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.combining(c))
    return base if len(base) == 1 else lower


@cache
def cardinal_words() -> dict[str, int]:
    """ "een".."honderdnegenennegentig"; accents are already stripped ("tweeentwintig")."""
    words: dict[str, int] = {}
    for number, word in enumerate(_UNITS, start=1):
        words[word] = number
    for number, word in enumerate(_TEENS, start=10):
        words[word] = number
    for tens, tens_word in enumerate(_TENS, start=2):
        words[tens_word] = tens * 10
        for unit, unit_word in enumerate(_UNITS, start=1):
            words[f"{unit_word}en{tens_word}"] = tens * 10 + unit
    words["honderd"] = 100
    for word, number in list(words.items()):
        if number < 100:
            words[f"honderd{word}"] = 100 + number
    return words


@cache
def ordinal_words() -> dict[str, int]:
    """ "eerste".."negenennegentigste"."""
    words = {word: number for number, word in enumerate(_SMALL_ORDINALS, start=1)}
    for word, number in cardinal_words().items():
        if 20 <= number < 100:
            words[f"{word}ste"] = number
    return words


# The patterns below are built from parts: one alternation of all 199 number words takes
# tens of milliseconds to compile, and it is embedded in several patterns.
_UNIT_PATTERN = "|".join(_UNITS)
_TENS_PATTERN = "|".join(_TENS)


def number_word_pattern() -> str:
    """Regex for the cardinal words 1–199 ("een", "twaalf", "honderdvier")."""
    core = (
        rf"(?:(?:{_UNIT_PATTERN})en(?:{_TENS_PATTERN})|{_TENS_PATTERN}"
        rf"|{'|'.join(_TEENS)}|{_UNIT_PATTERN})"
    )
    return rf"(?:honderd{core}?|{core})"


def day_word_pattern() -> str:
    """Words for a day of the month, 2–31 and "eerste".."eenendertigste" ("een maart" is
    not Dutch for 1 maart)."""
    cardinal = (
        rf"(?:(?:{_UNIT_PATTERN})entwintig|eenendertig|twintig|dertig|{'|'.join(_TEENS)}"
        rf"|{'|'.join(_UNITS[1:])})"
    )
    return rf"(?:{ordinal_word_pattern()}|{cardinal})"


def ordinal_word_pattern() -> str:
    """ "eerste".."eenendertigste"."""
    small = alternation(_SMALL_ORDINALS)
    return rf"(?:(?:(?:{_UNIT_PATTERN})en)?twintigste|(?:eenen)?dertigste|{small})"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_DAY_SUFFIX = re.compile(r"(\d{1,2})(?:ste|de|e)?")


def read_day(token: str) -> int | None:
    """A day of the month from "3", "03", "3e", "1ste", "drie" or "derde"."""
    token = token.strip()
    if token.startswith("de "):
        token = token[3:].strip()
    digits = _DAY_SUFFIX.fullmatch(token)
    if digits:
        return int(digits.group(1))
    return ordinal_words().get(token) or cardinal_words().get(token)


_HALF = re.compile(r"(?:een\s+)?(?:half|halve)")
_AND_A_HALF = re.compile(r"(.+?)\s+en\s+een\s+(?:half|halve)")


def read_quantity(token: str) -> Fraction | None:
    """A quantity like "3", "2,5", "twee", "een", "anderhalve" or "twee en een halve"."""
    token = " ".join(token.split())
    if token in ("anderhalf", "anderhalve"):
        return Fraction(3, 2)
    if _HALF.fullmatch(token):
        return Fraction(1, 2)
    composite = _AND_A_HALF.fullmatch(token)
    if composite:
        whole = read_quantity(composite.group(1))
        return None if whole is None else whole + Fraction(1, 2)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d)?", token):
        return Fraction(token.replace(",", "."))
    number = cardinal_words().get(token)
    return None if number is None else Fraction(number)
