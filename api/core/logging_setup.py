"""Logging that never carries user text.

Rasa logs user messages at DEBUG, and its REST channel even logs them on errors, so Rasa's
loggers are held at WARNING whatever LOG_LEVEL says. Access logs lose their query strings,
because the calendar export takes dates as query parameters.

Importing this module also quiets third-party deprecation warnings (see
`quiet_third_party_warnings`): `api.main` imports it before anything that imports Rasa.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import MutableMapping
from typing import Any

import structlog

# Loggers of libraries whose lower levels print user text or floods of noise.
QUIET_LOGGERS = (
    "rasa",
    "rasa_sdk",
    "tensorflow",
    "absl",
    "sanic",
    "aiohttp",
    "apscheduler",
    "sqlalchemy",
    "asyncio",
    "spacy",
)
# Our own loggers never get user text (reviewed); everything else is redacted.
OWN_LOGGERS = ("api", "bot", "actions", "scripts")
_SQL_DETAIL = re.compile(r"\[SQL:|\[parameters:|\(Background on this error")
_OWN_MODULES = r"(" + "|".join(OWN_LOGGERS) + r")(\.|$)"


class StripQueryFilter(logging.Filter):
    """Removes the query string from uvicorn access-log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (*args[:2], path, *args[3:])
        return True


class RedactFilter(logging.Filter):
    """Third-party error records can carry user text: SQLAlchemy puts query parameters (the
    events, with the messages) into exception texts, Rasa logs action responses. Keep only
    the first line of the message, without SQL details, and drop tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.split(".")[0] in OWN_LOGGERS or record.name == "uvicorn.access":
            return True
        first_line = record.getMessage().split("\n", 1)[0]
        record.msg = _SQL_DETAIL.split(first_line, 1)[0][:300]
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def quiet_third_party_warnings() -> None:
    """Hide deprecation warnings raised in third-party code; keep those of our own modules.

    Sanic, imported by Rasa, turns every DeprecationWarning on ("once") when it is imported,
    so a start printed dozens of lines from pkg_resources, pyparsing, SQLAlchemy and JAX that
    nobody here can fix. Sanic is imported first so that these filters come after its own.
    Rasa 3.6 also warns "Slot auto-fill has been removed" for every domain that has slots at
    all (rasa/shared/core/domain.py), whatever the slots look like: that one goes too.
    """
    import sanic  # noqa: F401  (for its import-time filter, see above)

    for category in (DeprecationWarning, PendingDeprecationWarning):
        warnings.filterwarnings("ignore", category=category)
        warnings.filterwarnings("default", category=category, module=_OWN_MODULES)
    warnings.filterwarnings(
        "ignore", message="Slot auto-fill has been removed", category=UserWarning
    )


quiet_third_party_warnings()


def _event_name_only(_logger: Any, method: str, event_dict: MutableMapping[str, Any]) -> str:
    """Rasa's structured events carry message texts as key-values: keep only the name."""
    return f"{method}: {event_dict.get('event', '')}"


def configure_structlog() -> None:
    """Send Rasa's structlog events through stdlib logging, levels applied, names only."""
    structlog.configure(
        processors=[structlog.stdlib.filter_by_level, _event_name_only],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    # On the handlers: a logger's own filters do not apply to its children's records.
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactFilter())
    logging.getLogger("uvicorn.access").addFilter(StripQueryFilter())
    configure_structlog()
