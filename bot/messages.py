"""Fixed Dutch texts that several layers share (API, actions, widget fallbacks)."""

from __future__ import annotations

APOLOGY = (
    "Sorry, er ging bij mij iets mis. Je gesprek is bewaard. "
    "Probeer je vraag nog een keer, of stel hem op een andere manier."
)

NOT_UNDERSTOOD = (
    "Sorry, dat begreep ik niet goed. Ik beantwoord vragen over ziekte en re-integratie "
    "volgens de Wet verbetering Poortwachter. Kun je je vraag anders stellen?"
)

MODEL_LOADING = "De assistent wordt nog opgestart. Probeer het over een paar seconden opnieuw."

OUT_OF_SCOPE_GENERAL = (
    "Daar kan ik je helaas niet mee helpen. Ik beantwoord alleen vragen over ziekte en "
    "re-integratie volgens de Wet verbetering Poortwachter. Voor andere vragen kun je terecht "
    "bij HR of je leidinggevende."
)

SUGGESTIONS_INTRO = "Bedoel je misschien een van deze vragen?"

ALTERNATIVE_INTRO = "Bedoelde je iets anders? Misschien deze vraag:"

NOT_PROCESSED = (
    "Je bericht is nog niet verwerkt, omdat het nu erg druk is. "
    "Probeer het over een paar seconden opnieuw."
)

DELETE_BUSY = (
    "Je gesprek kon nu niet worden verwijderd, omdat er nog een bericht wordt verwerkt. "
    "Probeer het over een paar seconden opnieuw."
)

STORE_UNAVAILABLE = (
    "Je gesprek kan nu even niet worden opgeslagen. Probeer het over een minuut opnieuw."
)

# For a message in English (bot/dutch/english.py); the note itself is in English on purpose.
ENGLISH_ANSWERED = "Note: I answer in Dutch only. My reply to your message is below."
ENGLISH_NOT_UNDERSTOOD = (
    "Sorry, I only understand Dutch. Please ask your question in Dutch, for example: "
    "‘Tot wanneer krijg ik loon?’ or ‘Ik ben sinds 3 maart 2025 ziek, wat moet ik nu doen?’."
)

NO_CONVERSATION_ACCESS = (
    "Je hebt geen toegang tot dit gesprek. Alleen wie het gesprek begon, kan het lezen, "
    "voortzetten of verwijderen. Begin een nieuw gesprek."
)

CONVERSATION_ACCESS_EXPIRED = (
    "De toegang tot dit gesprek is verlopen, omdat het te oud is. Begin een nieuw gesprek."
)

SHARED_SENDER = (
    'Het gespreks-id "default" is niet toegestaan, omdat iedereen het zou delen. Laat het '
    "veld sender weg (je krijgt dan een eigen gesprek) of kies een eigen, willekeurig id."
)
