"""The personal-deadline conversation, in plain Python (no Rasa imports)."""

from bot.conversation.dialogue import (
    Message,
    TurnResult,
    claims_message,
    claims_turn,
    faq_hint,
    handle_turn,
    read_message,
)
from bot.conversation.reading import MessageReading
from bot.conversation.state import CaseState

__all__ = [
    "CaseState",
    "Message",
    "MessageReading",
    "TurnResult",
    "claims_message",
    "claims_turn",
    "faq_hint",
    "handle_turn",
    "read_message",
]
