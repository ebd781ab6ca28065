"""The version guard: the service runs only on the Rasa versions its patches were written for.

Every module in this package changes or subclasses Rasa internals (private methods,
private attributes, the exact behaviour of one release). Another Rasa version may keep
the names and change what they do, so the service refuses to start on any version other
than the pinned one instead of misbehaving quietly. To upgrade Rasa: re-read each patch
against the new source, run its test, then change PINNED here and in requirements.in
(tests/test_rasa_runtime.py checks that the two agree).

The versions are read from the installed packages' metadata, without importing Rasa, so
the check is cheap and runs before anything of Rasa is loaded or patched.
"""

from __future__ import annotations

import logging
from importlib import metadata

logger = logging.getLogger(__name__)

# Distribution name -> the exact version the patches in this package are written against.
PINNED: dict[str, str] = {"rasa": "3.6.21", "rasa-sdk": "3.6.2"}


class UnsupportedRasaVersionError(RuntimeError):
    """An installed Rasa package is not the version this service's patches were written for."""


def installed_version(distribution: str) -> str | None:
    """The installed version of a distribution, or None when it is not installed."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def version_mismatches() -> dict[str, str | None]:
    """Distribution -> installed version, for each one that differs from its pin."""
    installed = {name: installed_version(name) for name in PINNED}
    return {name: version for name, version in installed.items() if version != PINNED[name]}


def require_pinned_versions() -> None:
    """Log an error and raise UnsupportedRasaVersionError unless the pinned versions are
    installed. Called before any patch is applied (see api/rasa_runtime/__init__.py)."""
    mismatches = version_mismatches()
    if not mismatches:
        return
    found = ", ".join(
        f"{name} {version or 'not installed'} (needs {PINNED[name]})"
        for name, version in sorted(mismatches.items())
    )
    message = (
        f"Refusing to start: this service patches Rasa internals and supports only "
        f"{', '.join(f'{n}=={v}' for n, v in PINNED.items())}; installed: {found}. "
        "Install the locked versions with `make install` (requirements.lock)."
    )
    logger.error("%s", message)
    raise UnsupportedRasaVersionError(message)
