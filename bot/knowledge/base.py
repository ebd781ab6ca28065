"""Load and validate knowledge/: FAQ entries, sources, facts and out-of-scope topics.

knowledge/ is the single source of truth for what the assistant says. Answers refer to the
numbers of the law by name ("{week_wia_aanvraag}") and are filled in here, so a number
lives only in rules.yml or facts.yml.

`python -m bot.knowledge.base check` validates everything and exits non-zero on a problem.
"""

from __future__ import annotations

import string
import sys
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.dutch.format import MONTHS

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"
ROLES = ("werknemer", "werkgever")
GENERAL = "algemeen"
MIN_EXAMPLES = 15
MAX_ANSWER_WORDS = 130  # the guideline is "about 120"


class KnowledgeError(ValueError):
    """knowledge/ is inconsistent; the message lists every problem."""


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    url: str
    checked: date  # the day the source was last checked
    confirmed: bool = True  # False: that check could not confirm the address or content
    note: str = ""

    @property
    def checked_label(self) -> str:
        """How the answer shows the check: "gecontroleerd 2 december 2026"."""
        if not self.confirmed:
            return "nog niet bevestigd"
        return f"gecontroleerd {format_day_nl(self.checked)}"


def format_day_nl(day: date) -> str:
    """ "2 december 2026" (without the weekday)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class FaqEntry:
    id: str
    title: str
    reviewed: date
    sources: tuple[Source, ...]
    examples: tuple[str, ...]
    answers: dict[str, str]  # role (or GENERAL) -> answer with facts filled in
    personal: str | None = None

    @property
    def has_role_variants(self) -> bool:
        return GENERAL not in self.answers

    def answer_for(self, role: str | None) -> str:
        """The answer for a role; the employee text when the role is unknown."""
        if GENERAL in self.answers:
            return self.answers[GENERAL]
        return self.answers.get(role or "", self.answers["werknemer"])


@dataclass(frozen=True)
class OutOfScopeCategory:
    id: str
    reply: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[FaqEntry, ...]
    out_of_scope: tuple[OutOfScopeCategory, ...]
    facts: dict[str, Any]
    sources: dict[str, Source]

    def entry(self, entry_id: str) -> FaqEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def load_facts(root: Path = KNOWLEDGE_DIR) -> dict[str, Any]:
    """Facts from rules.yml and facts.yml; a name defined twice is an error."""
    facts: dict[str, Any] = {}
    for name in ("rules.yml", "facts.yml"):
        path = root / name
        if not path.exists():
            continue
        for key, value in (read_yaml(path).get("facts") or {}).items():
            if key in facts:
                raise KnowledgeError(f"fact {key!r} is defined twice ({name})")
            facts[key] = value
    return facts


def milestone_ids(root: Path = KNOWLEDGE_DIR) -> set[str]:
    path = root / "milestones.yml"
    return set(read_yaml(path).get("milestones") or {}) if path.exists() else set()


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def fill_facts(text: str, facts: dict[str, Any]) -> str:
    return text.format_map(facts).strip()


def _source_problems(key: str, value: Any) -> list[str]:
    if not isinstance(value, dict):
        return [f"source {key}: not a mapping"]
    problems = []
    if not str(value.get("name") or "").strip():
        problems.append(f"source {key}: no name")
    if not str(value.get("url") or "").startswith("https://"):
        problems.append(f"source {key}: no https url")
    if not isinstance(value.get("checked"), date):
        problems.append(f"source {key}: checked must be a date (YYYY-MM-DD)")
    if value.get("confirmed", True) is False and not str(value.get("note") or "").strip():
        problems.append(f"source {key}: confirmed: false needs a note saying what is unconfirmed")
    return problems


def _load_sources(root: Path) -> dict[str, Source]:
    """The source catalogue; every source needs a name, an https URL and a checked date."""
    raw = read_yaml(root / "sources.yml").get("sources") or {}
    problems = [p for key, value in raw.items() for p in _source_problems(key, value)]
    if problems:
        raise KnowledgeError("\n".join(problems))
    return {
        key: Source(
            id=key,
            name=str(value["name"]),
            url=str(value["url"]),
            checked=value["checked"],
            confirmed=value.get("confirmed", True) is not False,
            note=str(value.get("note") or ""),
        )
        for key, value in raw.items()
    }


def _raw_answers(raw: dict[str, Any]) -> dict[str, str]:
    if "answers" in raw:
        return {role: str(text) for role, text in (raw["answers"] or {}).items()}
    return {GENERAL: str(raw.get("answer", ""))}


def _entry_problems(
    raw: dict[str, Any], facts: dict[str, Any], sources: dict[str, Source], milestones: set[str]
) -> list[str]:
    entry_id = raw.get("id", "?")
    problems: list[str] = []
    if len(raw.get("examples") or []) < MIN_EXAMPLES:
        problems.append(f"{entry_id}: fewer than {MIN_EXAMPLES} examples")
    answers = _raw_answers(raw)
    if "answers" in raw and set(answers) != set(ROLES):
        problems.append(f"{entry_id}: answers must have exactly {', '.join(ROLES)}")
    for role, text in answers.items():
        if not text.strip():
            problems.append(f"{entry_id}: empty answer ({role})")
        unknown = placeholders(text) - set(facts)
        if unknown:
            problems.append(f"{entry_id}: unknown placeholder(s) {sorted(unknown)} ({role})")
        if len(text.split()) > MAX_ANSWER_WORDS:
            problems.append(f"{entry_id}: answer longer than {MAX_ANSWER_WORDS} words ({role})")
    if not raw.get("sources"):
        problems.append(f"{entry_id}: no sources")
    for source_id in raw.get("sources") or []:
        if source_id not in sources:
            problems.append(f"{entry_id}: unknown source {source_id!r}")
    if not isinstance(raw.get("reviewed"), date):
        problems.append(f"{entry_id}: reviewed must be a date (YYYY-MM-DD)")
    personal = raw.get("personal")
    if personal and milestones and personal not in milestones:
        problems.append(f"{entry_id}: personal {personal!r} is not a milestone id")
    if not raw.get("title"):
        problems.append(f"{entry_id}: no title")
    return problems


def _build_entry(
    raw: dict[str, Any], facts: dict[str, Any], sources: dict[str, Source]
) -> FaqEntry:
    return FaqEntry(
        id=raw["id"],
        title=str(raw["title"]),
        reviewed=raw["reviewed"],
        sources=tuple(sources[s] for s in raw["sources"]),
        examples=tuple(str(e).strip() for e in raw["examples"]),
        answers={role: fill_facts(text, facts) for role, text in _raw_answers(raw).items()},
        personal=raw.get("personal"),
    )


def _duplicate_problems(entries: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    seen_ids: set[str] = set()
    seen_examples: dict[str, str] = {}
    for raw in entries:
        entry_id = raw.get("id", "?")
        if entry_id in seen_ids:
            problems.append(f"{entry_id}: duplicate id")
        seen_ids.add(entry_id)
        for example in raw.get("examples") or []:
            key = str(example).strip().lower()
            if key in seen_examples and seen_examples[key] != entry_id:
                problems.append(f"{entry_id}: example {example!r} also in {seen_examples[key]}")
            seen_examples[key] = entry_id
    return problems


def load_knowledge(root: Path = KNOWLEDGE_DIR) -> KnowledgeBase:
    """Load and validate everything; raises KnowledgeError listing all problems."""
    facts = load_facts(root)
    sources = _load_sources(root)
    milestones = milestone_ids(root)
    raw_entries: list[dict[str, Any]] = []
    for path in sorted((root / "faq").glob("*.yml")):
        raw_entries.extend(read_yaml(path).get("entries") or [])
    problems = _duplicate_problems(raw_entries)
    for raw in raw_entries:
        problems.extend(_entry_problems(raw, facts, sources, milestones))
    if problems:
        raise KnowledgeError("\n".join(problems))
    out_of_scope_path = root / "out_of_scope.yml"
    categories = (
        read_yaml(out_of_scope_path).get("categories") if out_of_scope_path.exists() else []
    )
    return KnowledgeBase(
        entries=tuple(_build_entry(raw, facts, sources) for raw in raw_entries),
        out_of_scope=tuple(
            OutOfScopeCategory(c["id"], fill_facts(c["reply"], facts), tuple(c["examples"]))
            for c in categories or []
        ),
        facts=facts,
        sources=sources,
    )


@cache
def knowledge() -> KnowledgeBase:
    """The knowledge base of this checkout, loaded once per process."""
    return load_knowledge()


def main(argv: list[str]) -> int:
    if argv[1:] != ["check"]:
        print("usage: python -m bot.knowledge.base check", file=sys.stderr)
        return 2
    try:
        base = load_knowledge()
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 1
    examples = sum(len(e.examples) for e in base.entries)
    print(
        f"ok: {len(base.entries)} entries, {examples} examples, "
        f"{len(base.out_of_scope)} out-of-scope categories"
    )
    for source in base.sources.values():
        if not source.confirmed:
            print(f"not confirmed at the check of {source.checked}: {source.id}: {source.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
