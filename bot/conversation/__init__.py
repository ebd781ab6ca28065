"""The personal-deadline conversation, in plain Python (no Rasa imports)."""

from bot.conversation.dialogue import Message, TurnResult, claims_turn, faq_hint, handle_turn
from bot.conversation.state import CaseState

__all__ = ["CaseState", "Message", "TurnResult", "claims_turn", "faq_hint", "handle_turn"]
