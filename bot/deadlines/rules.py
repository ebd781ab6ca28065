"""The numbers of the law (knowledge/rules.yml) and the milestone texts
(knowledge/milestones.yml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from bot.dutch.format import MONTHS
from bot.knowledge.base import KNOWLEDGE_DIR, fill_facts, load_facts, read_yaml


@dataclass(frozen=True)
class Repair:
    """What to do when a date has passed and the step is not known to be done (for one
    role): `now` names who does what, `risk` what a delay can cost; `source_ids` back both."""

    now: str
    risk: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class MilestoneText:
    label: str
    responsible: str
    explanation: str
    source_ids: tuple[str, ...]
    kind: str = "termijn"  # termijn, rond, praktijk or datum (see milestones.yml)
    done: str = "gedaan"  # the word for "it happened" ("gehouden", "gestart")
    explanation_aow: str | None = None  # einde_loondoorbetaling when the AOW age cuts it
    step: bool = True  # False: a date nobody acts on (a letter, the end of pay)
    done_question: str | None = None  # "Is de WIA-aanvraag al ingediend bij UWV?"
    repair: dict[str, Repair] = field(default_factory=dict)  # by role: werkgever, werknemer


@cache
def facts() -> dict[str, int]:
    return {k: v for k, v in load_facts().items() if isinstance(v, int)}


def fact(name: str) -> int:
    return facts()[name]


def days_in_weeks(weeks: int) -> int:
    return 7 * weeks


def last_day_of_week(week: int) -> int:
    """Sick day number of the last day of sick week `week` ("uiterlijk in week N")."""
    return 7 * week


def first_day_after_weeks(weeks: int) -> int:
    """Sick day number of the first day after `weeks` weeks ("na N weken")."""
    return 7 * weeks + 1


def first_day_of_week(week: int) -> int:
    return 7 * (week - 1) + 1


@cache
def milestone_texts() -> dict[str, MilestoneText]:
    all_facts = load_facts()
    raw = read_yaml(KNOWLEDGE_DIR / "milestones.yml")["milestones"]
    return {
        milestone_id: MilestoneText(
            label=item["label"],
            responsible=item["responsible"],
            explanation=fill_facts(item["explanation"], all_facts),
            source_ids=tuple(item["sources"]),
            kind=item.get("kind", "termijn"),
            done=item.get("done", "gedaan"),
            explanation_aow=(
                fill_facts(item["explanation_aow"], all_facts)
                if "explanation_aow" in item
                else None
            ),
            step=bool(item.get("step", True)),
            done_question=(
                fill_facts(item["done_question"], all_facts) if "done_question" in item else None
            ),
            repair={
                role: _repair(value, all_facts)
                for role, value in (item.get("repair") or {}).items()
            },
        )
        for milestone_id, item in raw.items()
    }


def _repair(raw: dict[str, Any], all_facts: dict[str, Any]) -> Repair:
    return Repair(
        now=fill_facts(raw["now"], all_facts),
        risk=fill_facts(raw.get("risk") or "", all_facts),
        source_ids=tuple(raw.get("sources") or ()),
    )


@cache
def status_labels() -> dict[str, str]:
    """The words shown beside a date (knowledge/milestones.yml, `status_labels`)."""
    raw: dict[str, str] = read_yaml(KNOWLEDGE_DIR / "milestones.yml")["status_labels"]
    return dict(raw)


@cache
def sources() -> dict[str, dict[str, str]]:
    """name and url of every source; when sources.yml dates it, also `checked` (ISO date)
    and `checked_label`, the words answers show ("gecontroleerd 2 december 2026", or "nog
    niet bevestigd" when that check could not confirm the source)."""
    raw = read_yaml(KNOWLEDGE_DIR / "sources.yml")["sources"]
    result: dict[str, dict[str, str]] = {}
    for key, value in raw.items():
        source = {"name": value["name"], "url": value["url"]}
        checked = value.get("checked")
        if isinstance(checked, date):
            source["checked"] = checked.isoformat()
            source["checked_label"] = (
                "nog niet bevestigd"
                if value.get("confirmed", True) is False
                else f"gecontroleerd {checked.day} {MONTHS[checked.month - 1]} {checked.year}"
            )
        result[key] = source
    return result
