"""Turn a knowledge entry into the assistant's reply: text, sources and widget payload."""

from __future__ import annotations

from typing import Any

from bot.faq_search import suggest_faq
from bot.knowledge import FaqEntry, KnowledgeBase
from bot.roles import WERKGEVER, WERKNEMER

Reply = dict[str, Any]

ROLE_QUESTION = (
    "Het antwoord hangt af van je rol. Ben je zelf ziek (werknemer), "
    "of vraag je het als werkgever of HR?"
)
SKIP_ROLE = "overslaan"

# Below this response-selector confidence the assistant does not answer but offers
# suggestions: on the held-out set most wrong answers and misrouted out-of-scope questions
# fall below it, and few right ones (reports/nlu_eval.md).
MIN_SELECTOR_CONFIDENCE = 0.3
# Between this and MIN_SELECTOR_CONFIDENCE the model's pick is answered only when the keyword
# search (an independent signal) ranks the same entry first (reports/nlu_tuning.md).
MIN_AGREED_CONFIDENCE = 0.1
ROLE_LABELS = {WERKNEMER: "Voor de werknemer", WERKGEVER: "Voor de werkgever"}


def chosen_entry(text: str, entry_id: str | None, confidence: float) -> str | None:
    """The FAQ entry to answer with, or None when the assistant should offer suggestions."""
    if entry_id is None or confidence < MIN_AGREED_CONFIDENCE:
        return None
    if confidence >= MIN_SELECTOR_CONFIDENCE:
        return entry_id
    return entry_id if suggest_faq(text, limit=1) == [entry_id] else None


def sources_line(entry: FaqEntry) -> str:
    return "Bron: " + "; ".join(source.name for source in entry.sources)


def faq_payload(entry: FaqEntry, role: str | None) -> dict[str, Any]:
    return {
        "type": "faq",
        "id": entry.id,
        "title": entry.title,
        "role": role,
        "reviewed": entry.reviewed.isoformat(),
        "sources": [{"name": s.name, "url": s.url} for s in entry.sources],
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


def role_buttons() -> list[dict[str, str]]:
    return [
        {"title": "Ik ben werknemer", "payload": f'/inform_role{{"role": "{WERKNEMER}"}}'},
        {"title": "Ik ben werkgever of HR", "payload": f'/inform_role{{"role": "{WERKGEVER}"}}'},
        {"title": "Sla over", "payload": f'/inform_role{{"role": "{SKIP_ROLE}"}}'},
    ]


def role_question_reply() -> Reply:
    return {"text": ROLE_QUESTION, "buttons": role_buttons()}


def suggestion_buttons(base: KnowledgeBase, entry_ids: list[str]) -> list[dict[str, str]]:
    """Buttons that ask a suggested FAQ question directly (no second guess by the model)."""
    buttons = []
    for entry_id in entry_ids:
        entry = base.entry(entry_id)
        if entry is not None:
            buttons.append({"title": entry.title, "payload": f'/faq{{"faq_id": "{entry.id}"}}'})
    return buttons
