"""api/rasa_runtime/: the version guard, and one test per patch that it still does what its
docstring says. The larger patches have their own modules too: tests/test_inference_load.py
(RasaModel.load), tests/test_action_results.py (every action's results through Rasa's schema)
and tests/test_conversation_store_cas.py (the compare-and-swap tracker store)."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import DomainDict, Events, SafeAction
from api import rasa_runtime
from api.rasa_runtime import action_results, inference_load, versions
from api.rasa_runtime.fail_safe_store import innermost_store, without_silent_fallback
from api.rasa_runtime.versions import PINNED, UnsupportedRasaVersionError
from bot.messages import NOT_UNDERSTOOD

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "api"


# --- the version guard --------------------------------------------------------------------


def fake_versions(monkeypatch: pytest.MonkeyPatch, **fake: str | None) -> None:
    """Pretend other versions are installed (None: not installed), e.g. rasa="3.7.0"."""
    real = metadata.version

    def version(distribution: str) -> str:
        key = distribution.replace("-", "_")
        if key not in fake:
            return str(real(distribution))
        found = fake[key]
        if found is None:
            raise metadata.PackageNotFoundError(distribution)
        return found

    monkeypatch.setattr(metadata, "version", version)


def test_the_pins_are_the_locked_versions() -> None:
    for requirements in ("requirements.in", "requirements.lock"):
        text = (ROOT / requirements).read_text(encoding="utf-8")
        for name, version in PINNED.items():
            assert re.search(rf"^{re.escape(name)}=={re.escape(version)}$", text, re.M), (
                requirements,
                name,
            )


def test_the_installed_versions_pass() -> None:
    assert versions.version_mismatches() == {}
    versions.require_pinned_versions()  # raises otherwise


def test_another_rasa_version_is_refused_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    fake_versions(monkeypatch, rasa="3.7.0")
    with pytest.raises(UnsupportedRasaVersionError) as refused:
        versions.require_pinned_versions()
    message = str(refused.value)
    assert message.startswith("Refusing to start: this service patches Rasa internals")
    assert "rasa==3.6.21, rasa-sdk==3.6.2" in message
    assert "installed: rasa 3.7.0 (needs 3.6.21)" in message
    assert "make install" in message
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [message]


def test_a_missing_or_other_rasa_sdk_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_versions(monkeypatch, rasa_sdk=None)
    with pytest.raises(UnsupportedRasaVersionError, match=r"rasa-sdk not installed \(needs"):
        versions.require_pinned_versions()
    fake_versions(monkeypatch, rasa_sdk="3.6.1", rasa="3.6.20")
    with pytest.raises(
        UnsupportedRasaVersionError,
        match=r"installed: rasa 3\.6\.20 \(needs 3\.6\.21\), rasa-sdk 3\.6\.1 \(needs 3\.6\.2\)\.",
    ):
        versions.require_pinned_versions()


@pytest.fixture
def unpatched() -> Iterator[None]:
    """Rasa as it comes; the service's patches back afterwards (other tests expect them)."""
    inference_load.uninstall()
    action_results.distrust_in_process_results()
    yield
    action_results.trust_in_process_results()


def test_no_patch_is_applied_on_another_version(
    monkeypatch: pytest.MonkeyPatch, unpatched: None
) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.tensorflow.models import RasaModel

    from api.core.settings import Settings
    from api.main import create_app

    fake_versions(monkeypatch, rasa="3.7.0")
    with pytest.raises(UnsupportedRasaVersionError):
        create_app(Settings.from_env())
    with pytest.raises(UnsupportedRasaVersionError):
        rasa_runtime.install()
    assert not getattr(RasaModel.load.__func__, "inference_only", False)
    assert not getattr(RemoteAction._validate_action_result, "trusts_in_process", False)


def test_the_service_does_not_start_on_another_rasa_version(tmp_path: Path) -> None:
    """`uvicorn api.main:app` (as `make run` starts it) exits non-zero with the message."""
    script = textwrap.dedent(
        """
        import importlib.metadata as metadata, sys, uvicorn
        real = metadata.version
        metadata.version = lambda name: "3.7.0" if name == "rasa" else real(name)
        uvicorn.run("api.main:app", port=0)
        """
    )
    env = {"PATH": "/usr/bin:/bin", "BOT_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "ERROR api.rasa_runtime.versions: Refusing to start" in done.stderr
    assert "installed: rasa 3.7.0 (needs 3.6.21)" in done.stderr
    assert "Model loaded" not in done.stderr + done.stdout


# --- one test per patch -------------------------------------------------------------------


def test_no_rasa_patch_outside_the_runtime_package() -> None:
    """Assignments to Rasa classes, Rasa's private attributes and sys.modules tricks live
    only in api/rasa_runtime/ (the grep of issue 15, as a test)."""
    patterns = {
        "assigns to a Rasa class attribute": re.compile(
            r"^\s*(RasaModel|RemoteAction|Agent|MessageProcessor|\w*TrackerStore)\.\w+\s*="
        ),
        "reads Rasa's private attributes": re.compile(
            r"\._tracker_store\b|[\"']_tracker_store[\"']|_validate_action_result|\.__func__"
        ),
        "changes sys.modules": re.compile(r"sys\.modules\.(setdefault|__setitem__)|sys\.modules\["),
        "imports a patch module of the old layout": re.compile(r"api\.inference_load"),
    }
    found = [
        f"{path.relative_to(ROOT)}:{number}: {what}"
        for path in sorted(API.rglob("*.py"))
        if "rasa_runtime" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for what, pattern in patterns.items()
        if pattern.search(line)
    ]
    assert found == [], found


def test_jax_is_kept_out_of_the_process() -> None:
    """JAX is installed and TensorFlow would import it; after block_jax it does not."""
    script = textwrap.dedent(
        """
        import importlib.util, sys
        assert importlib.util.find_spec("jax") is not None, "jax is not installed"
        from api.rasa_runtime.jax_import import block_jax
        block_jax()
        import tensorflow  # what the service imports through Rasa
        loaded = sorted(name for name in sys.modules if name == "jax" or name.startswith("jax."))
        assert loaded == ["jax"] and sys.modules["jax"] is None, loaded
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_without_silent_fallback_lets_a_store_failure_through() -> None:
    from rasa.core.tracker_store import (
        AwaitableTrackerStore,
        FailSafeTrackerStore,
        InMemoryTrackerStore,
    )
    from rasa.shared.core.domain import Domain

    class BrokenStore(InMemoryTrackerStore):  # type: ignore[misc]
        """A tracker store whose database is down."""

        async def retrieve(self, sender_id: str) -> Any:
            raise ConnectionError("database down")

    broken = BrokenStore(Domain.empty())
    wrapped = FailSafeTrackerStore(broken)
    # Rasa's wrapper hides the outage: the conversation silently starts again, empty.
    assert asyncio.run(wrapped.retrieve("s")) is None
    agent = SimpleNamespace(tracker_store=wrapped, processor=SimpleNamespace(tracker_store=wrapped))
    without_silent_fallback(agent)
    assert agent.tracker_store is broken and agent.processor.tracker_store is broken
    with pytest.raises(ConnectionError):
        asyncio.run(agent.tracker_store.retrieve("s"))
    without_silent_fallback(agent)  # nothing left to unwrap
    assert agent.tracker_store is broken
    # Deleting and purging find the real store under any of Rasa's wrappers.
    assert innermost_store(AwaitableTrackerStore(FailSafeTrackerStore(broken))) is broken
    assert innermost_store(broken) is broken


class WrongEventAction(SafeAction):
    """The bug of issue 15: an event name that Rasa does not know."""

    def name(self) -> str:
        return "action_test_wrong_event"

    async def execute(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Events:
        dispatcher.utter_message(text=NOT_UNDERSTOOD)
        return [{"event": "user_utterance_reverted", "timestamp": None}]


def test_in_process_results_skip_rasas_schema_check_but_not_the_event_names(
    unpatched: None,
) -> None:
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    from api.action_webhook import action_executor

    malformed = {"events": [{"event": "slot", "name": 3}], "responses": "not a list"}
    in_process = RemoteAction(
        "action_turn", action_results.InProcessActionEndpoint(action_executor())
    )
    with pytest.raises(ValidationError):  # Rasa's own check, before the patch
        in_process._validate_action_result(malformed)
    action_results.trust_in_process_results()
    action_results.trust_in_process_results()  # idempotent: Rasa's check is wrapped once
    assert in_process._validate_action_result(malformed) is True
    remote = RemoteAction("action_turn", EndpointConfig(url="http://127.0.0.1:5055/webhook"))
    with pytest.raises(ValidationError):
        remote._validate_action_result(malformed)
    assert remote._validate_action_result({"events": [], "responses": []}) is True
    # An event name Rasa does not know is refused on both paths.
    unknown = {"events": [{"event": "user_utterance_reverted"}], "responses": []}
    expected = "Action 'action_turn' returned the event 'user_utterance_reverted'"
    with pytest.raises(action_results.UnknownEventError, match=expected):
        in_process._validate_action_result(unknown)
    with pytest.raises(ValidationError):
        remote._validate_action_result(unknown)
    for not_an_event in ([{"name": "x"}], ["rewind"], [{"event": 3}]):
        with pytest.raises(action_results.UnknownEventError):
            in_process._validate_action_result({"events": not_an_event, "responses": []})


def test_known_event_names_come_from_rasa_and_match_its_schema() -> None:
    from rasa.shared.utils.schemas.events import EVENT_SCHEMA

    names = action_results.rasa_event_names()
    assert names == {s["properties"]["event"]["const"] for s in EVENT_SCHEMA["oneOf"]}
    assert "rewind" in names and "user_utterance_reverted" not in names


def test_an_action_with_an_unknown_event_fails_loudly_in_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Rasa's path as the service runs it: the error names the action and the event (in the
    log too: Rasa logs only its own first line), instead of failing later in Rasa."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa_sdk.executor import ActionExecutor

    action_results.trust_in_process_results()
    # Its own executor: the service's cached one may have been built (by another test module)
    # before this module defined its test actions.
    executor = ActionExecutor()
    executor.register_action(WrongEventAction)
    endpoint = action_results.InProcessActionEndpoint(executor)
    action = RemoteAction("action_test_wrong_event", endpoint)
    tracker = DialogueStateTracker("webhook-test", [])
    run = action.run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, Domain.empty()
    )
    with pytest.raises(
        action_results.UnknownEventError,
        match=r"'action_test_wrong_event'.*'user_utterance_reverted'",
    ):
        asyncio.run(run)
    assert (
        "action_test_wrong_event returned an event Rasa does not know: 'user_utterance_reverted'"
        in caplog.text
    )
