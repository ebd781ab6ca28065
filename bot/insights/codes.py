"""What the assistant records for content owners: codes, never what people typed.

Each turn is counted per day by its outcome: a kind (the `Kind` of bot/turn.py, or "error")
and a key (the FAQ entry, the out-of-scope category, the case dialogue step, ...). Users may
vote on FAQ answers and personal answers, with a reason from a fixed list. The action's reply
carries both in its `custom` payload: `outcome` on the first message of a turn (the service
counts it and takes it off the reply, api/insights/recorder.py), `feedback` on each message that can
be voted on (the widget shows the thumbs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.conversation import TurnResult
from bot.conversation.focus import NOW, OVERVIEW, SPOOR2_CHECK
from bot.deadlines.rules import milestone_texts
from bot.knowledge.base import knowledge
from bot.turn import Kind, Outcome

ERROR = "error"  # the kind of a turn that failed (the user got an apology or a 503)
NO_KEY = "-"  # the key of a kind that has no finer key (suggestions, not understood)
GENERAL = "algemeen"  # the key of the general out-of-scope reply (no category fitted)


def kind_name(kind: Kind) -> str:
    """The code of a kind in counts and logs: "faq_answer", "out_of_scope", ..."""
    return kind.name.lower()


FAQ_ANSWER = kind_name(Kind.FAQ_ANSWER)
CASE_STEP = kind_name(Kind.CASE_STEP)
OUT_OF_SCOPE = kind_name(Kind.OUT_OF_SCOPE)
# Not understood, with or without suggested questions.
NOT_UNDERSTOOD_KINDS = (kind_name(Kind.NOT_UNDERSTOOD), kind_name(Kind.SUGGESTIONS))
# Kinds of turn whose question the assistant could not answer: after these, the widget may
# ask for consent to keep the question (COLLECT_UNANSWERED=1).
UNANSWERED_KINDS = (*NOT_UNDERSTOOD_KINDS, OUT_OF_SCOPE)

# The kinds of answer users can vote on, and the reasons they may give after a thumbs down
# (code -> the Dutch label the widget shows).
VOTABLE_KINDS = (FAQ_ANSWER, CASE_STEP)
VOTES = ("up", "down")
VOTE_REASONS = {
    "klopt_niet": "Klopt niet",
    "onduidelijk": "Onduidelijk",
    "niet_mijn_vraag": "Niet mijn vraag",
}


@dataclass(frozen=True)
class TurnMarker:
    """What one turn is counted as."""

    kind: str
    key: str

    def as_payload(self) -> dict[str, str]:
        return {"kind": self.kind, "key": self.key}

    @classmethod
    def from_payload(cls, payload: Any) -> TurnMarker | None:
        """The marker in a reply's `custom["outcome"]`, or None when it is not one."""
        if not isinstance(payload, dict):
            return None
        kind, key = payload.get("kind"), payload.get("key")
        if not isinstance(kind, str) or not isinstance(key, str) or not kind or not key:
            return None
        return cls(kind, key)


def turn_marker(outcome: Outcome, case: TurnResult | None = None) -> TurnMarker:
    """The kind and key a turn is counted under; `case` is the case dialogue's result."""
    kind = kind_name(outcome.kind)
    if outcome.kind is Kind.CASE_STEP:
        return TurnMarker(kind, case_step_key(case))
    if outcome.kind is Kind.OUT_OF_SCOPE:
        return TurnMarker(kind, outcome.category or GENERAL)
    if outcome.kind is Kind.SMALL_TALK and outcome.small_talk is not None:
        return TurnMarker(kind, outcome.small_talk.name.lower())
    return TurnMarker(kind, outcome.entry or NO_KEY)


def case_step_key(case: TurnResult | None) -> str:
    """The step of the case dialogue: "answer:<focus>" when it gave a personal answer, else
    what it asks next (first_sick_day, confirm, ...)."""
    if case is None:
        return NO_KEY
    for reply in case.replies:
        target = vote_target(reply.get("custom"))
        if target is not None:
            return f"answer:{target.key}"
    return case.state.awaiting or NO_KEY


@dataclass(frozen=True)
class VoteTarget:
    """What a vote is about: a FAQ entry, or a personal answer (by its focus)."""

    kind: str
    key: str

    def as_payload(self) -> dict[str, Any]:
        reasons = [{"id": code, "label": label} for code, label in VOTE_REASONS.items()]
        return {"kind": self.kind, "key": self.key, "reasons": reasons}


def vote_target(custom: Any) -> VoteTarget | None:
    """The answer a reply's widget payload can be voted on as, or None."""
    if not isinstance(custom, dict):
        return None
    if custom.get("type") == "faq" and isinstance(custom.get("id"), str):
        return VoteTarget(FAQ_ANSWER, custom["id"])
    if custom.get("type") == "timeline":
        # No focus: the whole timeline (the overview).
        return VoteTarget(CASE_STEP, str(custom.get("focus") or OVERVIEW))
    return None


def valid_vote_target(kind: str, key: str) -> bool:
    """Only known answers can be voted on: a FAQ entry, or a personal answer's focus."""
    if kind == FAQ_ANSWER:
        return knowledge().entry(key) is not None
    if kind == CASE_STEP:
        return key in (OVERVIEW, NOW, SPOOR2_CHECK) or key in milestone_texts()
    return False


def mark_replies(messages: Iterable[dict[str, Any]], marker: TurnMarker) -> None:
    """Add the turn's outcome to its first message and the vote target to every message that
    can be voted on (in place: the messages of rasa-sdk's dispatcher)."""
    for index, message in enumerate(messages):
        custom = message.get("custom")
        target = vote_target(custom)
        if index == 0 or target is not None:
            custom = dict(custom) if isinstance(custom, dict) else {}
            if index == 0:
                custom["outcome"] = marker.as_payload()
            if target is not None:
                custom["feedback"] = target.as_payload()
            message["custom"] = custom
