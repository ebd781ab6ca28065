"""Scripted Dutch conversations for the soak test and the benchmark: FAQ questions and
personal-deadline flows that call the custom actions."""

from __future__ import annotations

CONVERSATIONS: tuple[tuple[str, ...], ...] = (
    ("hallo", "wat is spoor 2?", '/inform_role{"role": "werknemer"}', "bedankt"),
    ("wat is passend werk?", "wat doet een casemanager?", "hoe lang krijg ik loon doorbetaald?"),
    ("3 maart 2026", "ja", "ik ben werkgever", "en de eerstejaarsevaluatie?"),
    (
        "mijn werknemer is sinds 1 september 2025 ziek. is spoor 2 te laat?",
        "/skip",
        "nee, nog niet",
    ),
    ("ik ben sinds 5 januari 2026 ziek, wanneer moet de probleemanalyse klaar zijn?",),
    ("wat is een deskundigenoordeel?", "hoeveel vakantiedagen heb ik nog?", "begin opnieuw"),
)

FAQ_MESSAGES: tuple[str, ...] = (
    "wat is spoor 2?",
    "wat is passend werk?",
    "wat doet een casemanager?",
    "hoe lang krijg ik loon doorbetaald?",
    "wat is een deskundigenoordeel?",
    "wanneer moet de WIA-aanvraag de deur uit?",
    "mag mijn werkgever vragen wat ik heb?",
    "hoeveel vakantiedagen heb ik nog?",
)
