"""The service's inference-only model load gives exactly the parses of Rasa's own load."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.rasa_runtime import inference_load
from scripts.conversations import CONVERSATIONS, FAQ_MESSAGES

MODEL = Path(__file__).resolve().parent.parent / "models" / "poortwachter.tar.gz"
EXTRA = (
    "wat is een loonsanctie?",
    "mag ik ontslagen worden als ik ziek ben?",
    "ik werk bij HR",
    "hoe wordt het weer morgen?",
    "nee",
)
MESSAGES = sorted(
    {*FAQ_MESSAGES, *EXTRA, *(m for c in CONVERSATIONS for m in c if not m.startswith("/"))}
)


def summary(parse: dict[str, Any]) -> tuple[Any, ...]:
    """What the assistant takes from Rasa: the intent ranking with its confidences (the FAQ
    entry is the service's own classifier's choice, bot/faq/classifier.py)."""
    return tuple((r["name"], round(r["confidence"], 6)) for r in parse["intent_ranking"])


def parses(inference_only: bool) -> list[tuple[Any, ...]]:
    from rasa.core.agent import Agent

    if inference_only:
        inference_load.install()
    else:
        inference_load.uninstall()
    agent = Agent.load(str(MODEL))

    async def run() -> list[tuple[Any, ...]]:
        return [summary(await agent.parse_message(m)) for m in MESSAGES]

    return asyncio.run(run())


@pytest.fixture
def restore_rasa_load() -> Iterator[None]:
    yield
    inference_load.uninstall()


@pytest.mark.model
def test_same_parses_as_rasas_own_load(restore_rasa_load: None) -> None:
    assert len(MESSAGES) >= 20
    ours = parses(inference_only=True)
    rasas = parses(inference_only=False)
    assert ours == rasas
    # The messages reach different intents, so the comparison has teeth.
    assert len({p[0][0] for p in ours}) >= 4


def test_install_is_idempotent_and_reversible(restore_rasa_load: None) -> None:
    from rasa.utils.tensorflow.models import RasaModel

    inference_load.install()
    installed = RasaModel.load.__func__  # type: ignore[attr-defined]
    inference_load.install()
    assert RasaModel.load.__func__ is installed  # type: ignore[attr-defined]
    inference_load.uninstall()
    assert not getattr(RasaModel.load.__func__, "inference_only", False)  # type: ignore[attr-defined]
