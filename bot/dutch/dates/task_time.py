"""Time words that say when to act, not a date: "wat moet ik vandaag doen?", "wat moeten we
deze week regelen?". Read as a date, "vandaag" would become a new first sick day.

`without_task_time` blanks such words inside a question about tasks (a clause that starts
with "wat"/"welke" and asks what to do), and keeps them everywhere else: "ik ben vandaag
ziek geworden, wat moet ik doen?" still has today as its first sick day. Blanking keeps the
length of the text, so positions in it stay valid.
"""

from __future__ import annotations

import re

_TIME_WORDS = re.compile(
    r"\b(vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|morgen|nu|direct|meteen|"
    r"(deze|komende|volgende) (week|weken|dagen|maand)|de komende (dagen|weken|twee weken|2 weken)|"
    r"op dit moment|op korte termijn)\b",
    re.IGNORECASE,
)
# A clause that asks what to do (up to the next punctuation): "wat moet ik vandaag doen",
# "welke stappen moeten we deze week zetten", "wat staat er deze week op de planning".
_TASK_CLAUSE = re.compile(
    r"\b(wat|welke)\b[^.?!,;]*?\b(doen|regelen|gebeuren|ondernemen|zetten|oppakken|"
    r"te doen|op de planning|op de agenda|volgende stap|to-?do)\b[^.?!,;]*",
    re.IGNORECASE,
)


def without_task_time(text: str) -> str:
    """The text with the time words of a task question replaced by spaces."""

    def blank(clause: re.Match[str]) -> str:
        return _TIME_WORDS.sub(lambda word: " " * len(word.group()), clause.group())

    return _TASK_CLAUSE.sub(blank, text)
