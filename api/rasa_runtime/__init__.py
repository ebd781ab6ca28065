"""Where the service meets Rasa's internals: the only place that patches or reaches into them.

Rasa Open Source 3.6 is in maintenance, so these patches are kept few and small, each in its
own module with a docstring saying what it changes and why, and each with a test in
tests/test_rasa_runtime.py (plus tests/test_inference_load.py, tests/test_action_results.py
and tests/test_conversation_store_cas.py for the larger ones):

- `versions.py`: the guard, refusing to start on any Rasa or rasa-sdk but the pinned ones;
- `jax_import.py`: keeps TensorFlow from importing JAX (memory, start-up time);
- `inference_load.py`: replaces `RasaModel.load`, so DIET and the response selector load
  for inference only;
- `action_results.py`: in-process action calls, and a replacement of
  `RemoteAction._validate_action_result` for them;
- `fail_safe_store.py`: unwraps Rasa's `FailSafeTrackerStore` (private `_tracker_store`);
- `tracker_store.py`: an `SQLTrackerStore` subclass with a compare-and-swap save.

The service checks the versions when it is created (api/main.py) and again in `install`,
before any patch is applied.
"""

from __future__ import annotations

from api.rasa_runtime.versions import require_pinned_versions


def install() -> None:
    """Check Rasa's version, then import Rasa and apply the process-wide patches (idempotent).

    Takes seconds of CPU (TensorFlow): call it off the event loop.
    """
    require_pinned_versions()
    from api.rasa_runtime.jax_import import block_jax

    block_jax()  # before TensorFlow is imported
    import rasa.core.agent  # noqa: F401  (pulls in TensorFlow: seconds of CPU)

    from api.rasa_runtime import action_results, inference_load

    inference_load.install()
    action_results.trust_in_process_results()


__all__ = ["install", "require_pinned_versions"]
