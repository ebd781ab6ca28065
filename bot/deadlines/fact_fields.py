"""How a case fact is given: the description that `CaseFacts` carries for each of its fields.

`CaseFacts` (bot/deadlines/model.py) is the one definition of the case facts. Each of its
fields is declared with `fact_field`, which records the fact's kind, its Dutch description
and, for a date, whether it may lie after the reference date and whether it is a step of the
case. Everything else derives from that: the engine's validation
(bot/deadlines/validation.py), `POST /api/timeline` and the query parameters of
`GET /api/timeline.ics` (api/routes/timeline.py), the calendar link of the conversation, and
the README's table (tests/test_case_facts.py checks it).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

# date: YYYY-MM-DD; weeks: a whole number of weeks; choice: one of the field's choices;
# steps: milestone ids of steps (knowledge/milestones.yml).
FactKind = Literal["date", "weeks", "choice", "steps"]
# When a date may lie after the reference date: never (it must have happened), as a planned
# step ("gepland op ..."), or always (a date that UWV or the law sets).
Later = Literal["refused", "planned", "allowed"]

_SPEC = "case_fact"  # the key of a field's FactField in its dataclass metadata


@dataclass(frozen=True)
class FactField:
    """One case fact as the API takes it (its name is the CaseFacts field's)."""

    name: str
    kind: FactKind
    description: str  # Dutch: shown in the API documentation
    later: Later = "refused"
    case_step: bool = False  # a step of this case: it cannot lie before the first sick day
    choices: tuple[str, ...] = ()  # the values of a "choice" fact


def fact_spec(
    kind: FactKind,
    description: str,
    *,
    later: Later = "refused",
    case_step: bool = False,
    choices: tuple[str, ...] = (),
) -> dict[str, FactField]:
    """The metadata of a CaseFacts field: `field(default=None, metadata=fact_spec(...))`."""
    return {_SPEC: FactField("", kind, description, later, case_step, choices)}


def fact_fields_of(facts_class: type) -> tuple[FactField, ...]:
    """The FactFields of a dataclass declared with fact_field, in declaration order."""
    return tuple(
        dataclasses.replace(field.metadata[_SPEC], name=field.name)
        for field in dataclasses.fields(facts_class)
    )
