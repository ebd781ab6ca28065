"""Which FAQ entry answers a question, and that entry as the assistant's reply: text, sources
and widget payload."""

from __future__ import annotations

from typing import Any

from bot.faq_classifier import OUT_OF_SCOPE, rank
from bot.faq_search import leans_out_of_scope
from bot.knowledge import FaqEntry, KnowledgeBase
from bot.roles import WERKGEVER, WERKNEMER

Reply = dict[str, Any]

ROLE_QUESTION = (
    "Het antwoord hangt af van je rol. Ben je zelf ziek (werknemer), "
    "of vraag je het als werkgever of HR?"
)
SKIP_ROLE = "overslaan"

# Intents that DIET gives a message it does not take for a FAQ question, though it may be one:
# such a message is answered from the FAQ only when both FAQ models agree (reports/nlu_tuning.md).
UNSURE_INTENTS = frozenset({"out_of_scope", "nlu_fallback"})
# When the two FAQ models disagree, the response selector wins above this confidence.
SELECTOR_SURE = 0.7
# The least response-selector confidence and classifier score at which the two FAQ models,
# agreeing, overrule DIET's "out of scope" or "not understood".
MIN_AGREED_CONFIDENCE = 0.1
MIN_AGREED_SCORE = 0.0
# Below this confidence a response-selector pick is noise: not offered as a button, neither as
# an alternative under an answer nor as a suggestion.
MIN_SELECTOR_PICK = 0.1
ROLE_LABELS = {WERKNEMER: "Voor de werknemer", WERKGEVER: "Voor de werkgever"}


def is_out_of_scope(text: str) -> bool:
    """The classifier's best class is "out of scope", or the keywords say so clearly."""
    return rank(text, limit=1)[0].id == OUT_OF_SCOPE or leans_out_of_scope(text)


def chosen_entry(
    text: str, intent: str | None, selector_entry: str | None, selector_confidence: float
) -> str | None:
    """The FAQ entry to answer with, or None when the assistant should not answer from the FAQ
    (suggestions or the out-of-scope reply instead). The classifier (bot.faq_classifier) is
    the main opinion, the response selector the second."""
    best = rank(text, limit=1)[0]
    if best.id == OUT_OF_SCOPE or leans_out_of_scope(text):
        return None
    agreed = best.id == selector_entry
    if intent in UNSURE_INTENTS:
        sure = selector_confidence >= MIN_AGREED_CONFIDENCE and best.score >= MIN_AGREED_SCORE
        return best.id if agreed and sure else None
    if not agreed and selector_entry is not None and selector_confidence >= SELECTOR_SURE:
        return selector_entry
    return best.id


def alternative_entry(
    answered: str, selector_entry: str | None, selector_confidence: float
) -> str | None:
    """The response selector's pick when it differs from the answered entry and is not noise.
    It is offered as a button under the answer, so that a wrong pick costs one click."""
    if selector_entry in (None, answered) or selector_confidence < MIN_SELECTOR_PICK:
        return None
    return selector_entry


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
