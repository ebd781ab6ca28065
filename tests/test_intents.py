"""Intent names are spelled once (actions/intents.py) and match the Rasa project; bot/ holds
no Rasa intent names and no payload syntax, only typed intents and buttons."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from actions.intents import INTENT_NAMES, intent_of, payload, rest_button
from bot.conversation.replies import NO, SKIP, YES
from bot.faq.answers import role_buttons, suggestion_buttons
from bot.intents import Button, Intent
from bot.knowledge.base import knowledge

ROOT = Path(__file__).resolve().parent.parent
# The Rasa training-data generator writes Rasa's intent names by nature.
GENERATOR = ROOT / "bot" / "knowledge" / "rasa_data.py"


def domain() -> dict[str, object]:
    return dict(yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8")))


def rule_intents() -> set[str]:
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    names = set()
    for rule in rules:
        for step in rule["steps"]:
            names |= {alt["intent"] for alt in step.get("or", [])}
            if "intent" in step:
                names.add(step["intent"])
    return names


def test_every_intent_has_one_rasa_name_and_the_domain_has_exactly_these() -> None:
    assert set(INTENT_NAMES) == set(Intent)
    assert len(set(INTENT_NAMES.values())) == len(INTENT_NAMES)
    assert set(INTENT_NAMES.values()) == set(domain()["intents"])  # type: ignore[arg-type]


def test_every_intent_goes_to_the_one_action() -> None:
    assert domain()["actions"] == ["action_turn"]
    assert rule_intents() == set(INTENT_NAMES.values())
    rules = yaml.safe_load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    actions = {step["action"] for rule in rules for step in rule["steps"] if "action" in step}
    assert actions == {"action_turn"}


def test_names_translate_both_ways() -> None:
    for intent, name in INTENT_NAMES.items():
        assert intent_of(name) is intent
    assert intent_of(None) is None and intent_of("faq/passend_werk") is None


def test_buttons_become_rasa_payloads() -> None:
    assert [payload(b) for b in (YES, NO, SKIP)] == ["/affirm", "/deny", "/skip"]
    assert [payload(b) for b in role_buttons()] == [
        '/inform_role{"role": "werknemer"}',
        '/inform_role{"role": "werkgever"}',
        '/inform_role{"role": "overslaan"}',
    ]
    button = suggestion_buttons(knowledge(), ["spoor2"])[0]
    assert rest_button(button) == {
        "title": knowledge().entry("spoor2").title,  # type: ignore[union-attr]
        "payload": '/faq{"faq_id": "spoor2"}',
    }
    assert payload(Button("Ja", Intent.AFFIRM)) == "/affirm"


def string_constants(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module, without the widget payload types ({"type": "faq"})."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    payload_types = {
        id(value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Dict)
        for key, value in zip(node.keys, node.values, strict=True)
        if isinstance(key, ast.Constant) and key.value == "type"
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in payload_types
    ]


def test_bot_has_no_rasa_intent_names_or_payloads() -> None:
    # "faq" is also the knowledge folder's name; its payload form "/faq" is still caught.
    names = set(INTENT_NAMES.values()) - {"faq"}
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        if path == GENERATOR:
            continue
        for line, value in string_constants(path):
            stripped = value.strip()
            if stripped in names or any(
                stripped.startswith(f"/{n}") for n in INTENT_NAMES.values()
            ):
                found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    assert found == []
