"""A message in English (issue 19, point 7). The assistant answers in Dutch: the NLU is
Dutch and there is no translator. An English message gets a short English note; a few
English keywords ("sick", "since", "when", "salary", month names) are mapped to Dutch so that
a personal question ("I am sick since 3 March 2025, when does my salary stop?") can still be
answered, in Dutch."""

from __future__ import annotations

import re

# Words that are English and not Dutch ("is", "in", "was", "we", "of", "me" are both).
_ENGLISH = frozenset(
    {
        *("i", "am", "my", "you", "your", "the", "a", "an", "and", "to", "for", "with", "it"),
        *("this", "that", "when", "what", "how", "long", "does", "did", "will", "can", "do"),
        *("which", "where", "who", "why", "would", "should", "could", "has", "were", "are"),
        *("sick", "ill", "illness", "since", "until", "pay", "paid", "salary", "wages"),
        *("employer", "employee", "deadline", "deadlines", "please", "help", "hello"),
        *("thanks", "get", "stop", "stops", "work", "working", "need", "must"),
        *("from", "about", "tell", "know", "english", "speak", "track", "leave", "now"),
    }
)
_DUTCH = frozenset(
    {
        *("ik", "ben", "de", "het", "een", "wat", "hoe", "wanneer", "mijn", "jij", "je"),
        *("van", "en", "op", "ziek", "sinds", "tot", "loon", "moet", "kan", "niet", "wel"),
        *("dat", "die", "er", "zijn", "heb", "hebben", "werkgever", "werknemer", "nog"),
        *("al", "ook", "maar", "naar", "voor", "met", "bij", "welke", "wie", "waarom"),
        *("dan", "nu", "deze", "dit", "moeten", "krijg", "word", "wordt"),
    }
)
# A few keywords, longest first; not a translation.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"until when", "tot wanneer"),
    (r"how long", "hoe lang"),
    (r"what (should|do|must) (i|we) do( now)?", "wat moet ik nu doen"),
    (r"sick leave", "ziekte"),
    # "when do I need to report this to UWV?": the 42e-weeksmelding
    (
        r"(report|notify|inform)( (this|it|him|her|the (illness|sickness|absence)))?"
        r"( to)? (the )?uwv",
        "ziek melden bij het uwv",
    ),
    (r"track (2|two)", "spoor 2"),
    (r"i am|i'm", "ik ben"),
    (r"sick|ill", "ziek"),
    (r"since", "sinds"),
    (r"when", "wanneer"),
    (r"get paid|be paid|paid|salary|wages|pay", "loon"),
    (r"stops?", "stopt"),
    (r"deadlines?", "termijnen"),
    (r"my", "mijn"),
    (r"employer", "werkgever"),
    (r"employee", "werknemer"),
    (r"january", "januari"),
    (r"february", "februari"),
    (r"march", "maart"),
    (r"may", "mei"),
    (r"june", "juni"),
    (r"july", "juli"),
    (r"august", "augustus"),
    (r"october", "oktober"),
)
_WORD = re.compile(r"[a-z']+")


def is_english(text: str) -> bool:
    """At least two English words and more than twice as many as Dutch ones."""
    words = _WORD.findall(text.lower())
    english = sum(word in _ENGLISH for word in words)
    dutch = sum(word in _DUTCH for word in words)
    return english >= 2 and english > 2 * dutch


def dutch_keywords(text: str) -> str:
    """The English keywords of the text in Dutch; the rest stays as it is."""
    result = text.lower()
    for pattern, dutch in _KEYWORDS:
        result = re.sub(rf"\b(?:{pattern})\b", dutch, result)
    return result
