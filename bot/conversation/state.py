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
AWAIT_STEP_DONE = "step_done"  # "Is de WIA-aanvraag al ingediend?" about CaseState.step
AWAITING = (
    AWAIT_SICK_DAY,
    AWAIT_CONFIRM,
    AWAIT_ROLE,
    AWAIT_EJE,
    AWAIT_SPOOR2,
    AWAIT_GEEN_TERUGKEER,
    AWAIT_STEP_DONE,
)
# Keys in CaseState.facts (API names, see bot.deadlines.validation): the steps the user said
# were done without a date, and those not done yet.
STEPS_DONE = "steps_done"
STEPS_NOT_DONE = "steps_not_done"


@dataclass(frozen=True)
class CaseState:
    periods: tuple[tuple[str, str | None], ...] = ()  # confirmed (start, end) ISO dates
    candidate: tuple[tuple[str, str | None], ...] = ()  # waiting for "klopt dat?"
    awaiting: str | None = None
    focus: str | None = None  # the question to answer once the facts are in
    facts: dict[str, Any] = field(default_factory=dict)  # CaseFacts fields, API names
    asked: tuple[str, ...] = ()  # follow-up questions already asked (answered or skipped)
    answered_yes: bool = False  # "ja" to a date question: now waiting for the date itself
    step: str | None = None  # the milestone a done-question (AWAIT_STEP_DONE) asks about
    # The periods the last message with dates gave, as read: what "nee, 2025" corrects.
    given: tuple[tuple[str, str | None], ...] = ()
    answered: str | None = None  # the focus of the last answer: a correction answers it again
    month_hint: str | None = None  # "2025-01" after "in januari 2025": the month of "de 15e"

    @property
    def known(self) -> bool:
        return bool(self.periods)

    def with_fact(self, name: str, value: Any) -> CaseState:
        return replace(self, facts={**self.facts, name: value})

    def asked_about(self, question: str) -> CaseState:
        asked = self.asked if question in self.asked else (*self.asked, question)
        return replace(self, asked=asked, awaiting=None, answered_yes=False, step=None)

    def steps(self, key: str) -> tuple[str, ...]:
        """The milestone ids under STEPS_DONE or STEPS_NOT_DONE."""
        value = self.facts.get(key) or ()
        return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()

    def with_step(self, milestone_id: str, done: bool) -> CaseState:
        """Remember that a step was done (or not): a fact, used in every later answer."""
        add, drop = (STEPS_DONE, STEPS_NOT_DONE) if done else (STEPS_NOT_DONE, STEPS_DONE)
        facts = dict(self.facts)
        facts[add] = [*(s for s in self.steps(add) if s != milestone_id), milestone_id]
        facts[drop] = [s for s in self.steps(drop) if s != milestone_id]
        return replace(self, facts={k: v for k, v in facts.items() if v != []})

    def to_slot(self) -> dict[str, Any]:
        data = asdict(self)
        data["periods"] = [list(p) for p in self.periods]
        data["candidate"] = [list(p) for p in self.candidate]
        data["asked"] = list(self.asked)
        data["given"] = [list(p) for p in self.given]
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
                step=_optional_str(value.get("step")),
                given=_periods(value.get("given")),
                answered=_optional_str(value.get("answered")),
                month_hint=_optional_str(value.get("month_hint")),
            )
        except (TypeError, ValueError):
            return cls()


def _optional_str(value: Any) -> str | None:
    return str(value) if value else None


def _periods(value: Any) -> tuple[tuple[str, str | None], ...]:
    if not value:
        return ()
    return tuple((str(start), str(end) if end else None) for start, end in value)
