"""Remove what could identify someone from a question before it is kept (with consent):
dates, e-mail addresses, phone numbers, other numbers and the names the assistant can detect.

Names are detected two ways: a word after a cue ("ik heet …", "mijn collega …", "meneer …")
and a capitalised word inside a sentence that the assistant never learned (its FAQ
vocabulary): "Mag Jansen terugkomen?" loses "Jansen", "Moet UWV dat weten?" keeps "UWV".
"""

from __future__ import annotations

import re

from bot.clock import today
from bot.dutch.dates.mentions import find_mentions
from bot.faq.classifier import knows_a_word

DATE = "[datum]"
EMAIL = "[e-mail]"
PHONE = "[telefoon]"
NUMBER = "[getal]"
NAME = "[naam]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Dutch phone numbers: 06-12345678, 020 123 4567, +31 6 1234 5678, 0031...
_PHONE = re.compile(r"(\+|00)\d{2}[\s-]?\(?0?\)?\d([\s-]?\d){7,9}|\b0\d([\s-]?\d){8}\b")
_NUMBER = re.compile(r"\d+([.,:/-]\d+)*")
_NAME_CUE = re.compile(
    r"\b(ik heet|mijn naam is|naam is|genaamd|heet|meneer|mevrouw|dhr\.?|mevr\.?|mw\.?|"
    r"collega|werknemer|medewerker|medewerkster|leidinggevende|manager|baas|"
    r"bedrijfsarts|dokter|dr\.?)\s+(?P<name>[A-Z][\w'-]+(\s+(van|de|der|den|ter|ten)?\s*"
    r"[A-Z][\w'-]+)*)"
)
_WORD = re.compile(r"[A-Z][a-zà-ÿ'-]+")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n)\s*$")


def scrub(text: str) -> str:
    """The question without dates, e-mail addresses, phone numbers, numbers and names."""
    text = _replace_dates(text)
    text = _EMAIL.sub(EMAIL, text)
    text = _PHONE.sub(PHONE, text)
    text = _NUMBER.sub(NUMBER, text)
    text = _NAME_CUE.sub(lambda m: m.group(0)[: m.start("name") - m.start()] + NAME, text)
    text = _replace_unknown_capitalised(text)
    return re.sub(r"\s+", " ", text).strip()


def _replace_dates(text: str) -> str:
    """Every date expression the assistant reads ("3 maart", "vorige week maandag")."""
    mentions = find_mentions(text, today(), allow_future=True)
    for mention in reversed(mentions):
        text = text[: mention.start] + DATE + text[mention.end :]
    return text


def _replace_unknown_capitalised(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        at_start = _SENTENCE_START.search(text[: match.start()]) is not None
        if at_start or knows_a_word(word):
            return word
        return NAME

    return _WORD.sub(replace, text)
