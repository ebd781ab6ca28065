"""A base class that turns any error inside an action into a Dutch apology.

Rasa drops an action's events and says nothing when an action raises, which a user
experiences as silence. Here the user gets an apology instead and the conversation state is
kept, because no events are returned. The exception is logged without user text.
"""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.messages import APOLOGY

logger = logging.getLogger(__name__)

DomainDict = dict[str, Any]
Events = list[dict[str, Any]]


class SafeAction(Action, metaclass=ABCMeta):
    """An action whose failures reach the user as an apology, never as silence."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        try:
            return await self.execute(dispatcher, tracker, domain)
        except Exception as exc:
            # Only the type: exception messages can contain user input.
            logger.error("action %s failed: %s", self.name(), type(exc).__name__)
            dispatcher.messages.clear()
            dispatcher.utter_message(text=APOLOGY)
            return []

    @abstractmethod
    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        """The action's work; may raise."""
