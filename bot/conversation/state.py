"""What the assistant remembers about one sickness case within a conversation.

Stored as plain JSON in the Rasa slot `case`, so it survives restarts of the service and
is deleted with the conversation. Unknown or damaged slot data gives an empty state rather
than an error: the user is then simply asked again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

# What the assistant is waiting for from the user.
AWAIT_SICK_DAY = "first_sick_day"
AWAIT_CONFIRM = "confirm"
AWAIT_ROLE = "role"
AWAIT_EJE = "eerstejaarsevaluatie_date"
AWAIT_SPOOR2 = "spoor2_start_date"
AWAIT_GEEN_TERUGKEER = "geen_terugkeer_date"
AWAITING = (
    AWAIT_SICK_DAY,
    AWAIT_CONFIRM,
    AWAIT_ROLE,
    AWAIT_EJE,
    AWAIT_SPOOR2,
    AWAIT_GEEN_TERUGKEER,
)


@dataclass(frozen=True)
class CaseState:
    periods: tuple[tuple[str, str | None], ...] = ()  # confirmed (start, end) ISO dates
    candidate: tuple[tuple[str, str | None], ...] = ()  # waiting for "klopt dat?"
    awaiting: str | None = None
    focus: str | None = None  # the question to answer once the facts are in
    facts: dict[str, Any] = field(default_factory=dict)  # CaseFacts fields, API names
    asked: tuple[str, ...] = ()  # follow-up questions already asked (answered or skipped)
    answered_yes: bool = False  # "ja" to a date question: now waiting for the date itself

    @property
    def known(self) -> bool:
        return bool(self.periods)

    def with_fact(self, name: str, value: Any) -> CaseState:
        return replace(self, facts={**self.facts, name: value})

    def asked_about(self, question: str) -> CaseState:
        asked = self.asked if question in self.asked else (*self.asked, question)
        return replace(self, asked=asked, awaiting=None, answered_yes=False)

    def to_slot(self) -> dict[str, Any]:
        data = asdict(self)
        data["periods"] = [list(p) for p in self.periods]
        data["candidate"] = [list(p) for p in self.candidate]
        data["asked"] = list(self.asked)
        return data

    @classmethod
    def from_slot(cls, value: Any) -> CaseState:
        if not isinstance(value, dict):
            return cls()
        try:
            awaiting = value.get("awaiting")
            return cls(
                periods=_periods(value.get("periods")),
                candidate=_periods(value.get("candidate")),
                awaiting=awaiting if awaiting in AWAITING else None,
                focus=_optional_str(value.get("focus")),
                facts=dict(value.get("facts") or {}),
                asked=tuple(str(q) for q in value.get("asked") or ()),
                answered_yes=bool(value.get("answered_yes")),
            )
        except (TypeError, ValueError):
            return cls()


def _optional_str(value: Any) -> str | None:
    return str(value) if value else None


def _periods(value: Any) -> tuple[tuple[str, str | None], ...]:
    if not value:
        return ()
    return tuple((str(start), str(end) if end else None) for start, end in value)
