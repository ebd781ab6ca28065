"""The numbers of the law (knowledge/rules.yml) and the milestone texts
(knowledge/milestones.yml), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.knowledge import KNOWLEDGE_DIR, fill_facts, load_facts, read_yaml


@dataclass(frozen=True)
class MilestoneText:
    label: str
    responsible: str
    explanation: str
    source_ids: tuple[str, ...]


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
        )
        for milestone_id, item in raw.items()
    }


@cache
def sources() -> dict[str, dict[str, str]]:
    raw = read_yaml(KNOWLEDGE_DIR / "sources.yml")["sources"]
    return {key: {"name": value["name"], "url": value["url"]} for key, value in raw.items()}
