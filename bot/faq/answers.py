"""A FAQ entry as the assistant's reply: text, sources and widget payload; the role question
and the buttons that ask a FAQ question directly. Which entry answers a question is decided in
bot.turn."""

from __future__ import annotations

from typing import Any

from bot.intents import Button, Intent
from bot.knowledge.base import FaqEntry, KnowledgeBase
from bot.messages import ALTERNATIVE_INTRO, NOT_UNDERSTOOD, OUT_OF_SCOPE_GENERAL, SUGGESTIONS_INTRO
from bot.roles import WERKGEVER, WERKNEMER

# A reply: "text", optional "buttons" (list[Button]) and "custom" (the widget payload).
Reply = dict[str, Any]

ROLE_QUESTION = (
    "Het antwoord hangt af van je rol. Ben je zelf ziek (werknemer), "
    "of vraag je het als werkgever of HR?"
)
SKIP_ROLE = "overslaan"
ROLE_LABELS = {WERKNEMER: "Voor de werknemer", WERKGEVER: "Voor de werkgever"}


def sources_line(entry: FaqEntry) -> str:
    """ "Bron: <naam> (gecontroleerd 2 december 2026); ...": every source with its check."""
    return "Bron: " + "; ".join(f"{s.name} ({s.checked_label})" for s in entry.sources)


def faq_payload(entry: FaqEntry, role: str | None) -> dict[str, Any]:
    return {
        "type": "faq",
        "id": entry.id,
        "title": entry.title,
        "role": role,
        "reviewed": entry.reviewed.isoformat(),
        "sources": [
            {
                "name": s.name,
                "url": s.url,
                "checked": s.checked.isoformat(),
                "confirmed": s.confirmed,
                "checked_label": s.checked_label,
            }
            for s in entry.sources
        ],
    }


def answer_text(entry: FaqEntry, role: str | None) -> str:
    """The answer for the role; both variants, labelled, when the user skipped the question."""
    if entry.has_role_variants and role not in (WERKNEMER, WERKGEVER):
        return "\n\n".join(
            f"**{ROLE_LABELS[r]}:** {entry.answers[r]}" for r in (WERKNEMER, WERKGEVER)
        )
    return entry.answer_for(role)


def single_message(text: str) -> str:
    """Rasa's REST channel splits a text at blank lines into separate chat bubbles; one
    answer should stay one bubble, so paragraphs are joined by a single line break."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "\n".join(paragraphs)


def faq_reply(entry: FaqEntry, role: str | None) -> Reply:
    text = single_message(f"{answer_text(entry, role)}\n\n{sources_line(entry)}")
    return {"text": text, "custom": faq_payload(entry, role)}


def role_buttons() -> list[Button]:
    return [
        Button("Ik ben werknemer", Intent.INFORM_ROLE, WERKNEMER),
        Button("Ik ben werkgever of HR", Intent.INFORM_ROLE, WERKGEVER),
        Button("Sla over", Intent.INFORM_ROLE, SKIP_ROLE),
    ]


def role_question_reply() -> Reply:
    return {"text": ROLE_QUESTION, "buttons": role_buttons()}


def suggestion_buttons(base: KnowledgeBase, entry_ids: list[str]) -> list[Button]:
    """Buttons that ask a suggested FAQ question directly (no second guess by the model)."""
    buttons = []
    for entry_id in entry_ids:
        entry = base.entry(entry_id)
        if entry is not None:
            buttons.append(Button(entry.title, Intent.FAQ, entry.id))
    return buttons


def alternative_reply(base: KnowledgeBase, entry_id: str) -> Reply:
    """Under an answer: the other model's pick as a button ("Bedoelde je iets anders?")."""
    return {"text": ALTERNATIVE_INTRO, "buttons": suggestion_buttons(base, [entry_id])}


def not_understood_reply(base: KnowledgeBase, entry_ids: list[str]) -> Reply:
    """ "Sorry, dat begreep ik niet goed", with the suggested questions as buttons if any."""
    buttons = suggestion_buttons(base, entry_ids)
    if not buttons:
        return {"text": NOT_UNDERSTOOD}
    return {"text": f"{NOT_UNDERSTOOD}\n{SUGGESTIONS_INTRO}", "buttons": buttons}


def out_of_scope_reply(base: KnowledgeBase, category_id: str | None) -> Reply:
    """ "Daar kan ik je niet mee helpen", with where to go for this kind of question."""
    category = next((c for c in base.out_of_scope if c.id == category_id), None)
    text = category.reply if category else OUT_OF_SCOPE_GENERAL
    return {"text": text, "custom": {"type": "out_of_scope"}}
