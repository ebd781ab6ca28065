"""What a message does, as the plain-Python core sees it, and the buttons that say it for
the user.

`Intent` is the intent model's verdict on a message, as a typed value. A `Button` is a
ready-made message: clicking it says its intent, with an argument (a role, a FAQ entry). The
names Rasa uses for these intents, and the payload syntax of a button, live in
actions/intents.py only: bot/ never spells a Rasa intent name or payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto


class Intent(Enum):
    """What the intent model says a message does."""

    GREET = auto()
    THANK = auto()
    GOODBYE = auto()
    CAPABILITIES = auto()  # "wat kun je?"
    FAQ = auto()  # a general question about the law
    INFORM_ROLE = auto()  # "ik ben werkgever"
    OUT_OF_SCOPE = auto()  # a question outside this law
    NOT_UNDERSTOOD = auto()  # the intent model is not sure (Rasa's fallback)
    INFORM_SICK_DAY = auto()  # a first sick day or sick periods
    ASK_OVERVIEW = auto()  # "wat moet ik wanneer doen?"
    AFFIRM = auto()  # "ja"
    DENY = auto()  # "nee"
    SKIP = auto()  # "sla over"
    RESTART = auto()  # "begin opnieuw"


@dataclass(frozen=True)
class Button:
    """A choice under a reply: its Dutch title, the intent a click says, and its argument
    (the role for INFORM_ROLE, the FAQ entry id for FAQ; none for the others)."""

    title: str
    intent: Intent
    argument: str | None = None
