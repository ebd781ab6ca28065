"""A question kept with consent loses dates, e-mail addresses, phone numbers, numbers and the
names the assistant can detect; the words of the question stay."""

from __future__ import annotations

import pytest

from bot.clock import BOT_TODAY_VAR
from bot.insights.scrub import scrub


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BOT_TODAY_VAR, "2026-11-23")


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        (
            "Mag Jansen op 3 maart 2025 terugkomen? Bel 06-12345678 of mail p.jansen@firma.nl",
            "Mag [naam] op [datum] terugkomen? Bel [telefoon] of mail [e-mail]",
        ),
        (
            "Mijn collega Piet de Vries is sinds vorige week maandag ziek, moet UWV dat weten?",
            "Mijn collega [naam] is sinds [datum] ziek, moet UWV dat weten?",
        ),
        ("ik heet Sanne en mijn loon is 3.200 euro", "ik heet [naam] en mijn loon is [getal] euro"),
        ("Kan ik op 12-03-2026 met verlof?", "Kan ik op [datum] met verlof?"),
        ("bel +31 6 1234 5678 svp", "bel [telefoon] svp"),
        (
            "Hoeveel vakantiedagen krijg ik bij 32 uur?",
            "Hoeveel vakantiedagen krijg ik bij [getal] uur?",
        ),
        (
            "Wat zegt de bedrijfsarts over mevrouw Bakker?",
            "Wat zegt de bedrijfsarts over mevrouw [naam]?",
        ),
    ],
)
def test_scrub(question: str, kept: str) -> None:
    assert scrub(question) == kept
