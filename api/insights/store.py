"""The insights tables, in the same database as the conversations (SQLite by default,
PostgreSQL in scale-out): turn counts and vote counts per day, and unanswered questions kept
with consent. No user text (the unanswered questions excepted, scrubbed), no sender id, no
address, no time of day.

Counting is one atomic statement per turn, INSERT ... ON CONFLICT DO UPDATE count = count + 1,
so several replicas writing at once never lose a count (tests/test_insights_postgres.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from api.core.settings import Settings
from bot.insights.figures import CountRow, VoteRow

metadata = sa.MetaData()

turn_counts = sa.Table(
    "insight_turn_counts",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("key", sa.String(120), primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)

vote_counts = sa.Table(
    "insight_vote_counts",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("kind", sa.String(40), primary_key=True),
    sa.Column("key", sa.String(120), primary_key=True),
    sa.Column("vote", sa.String(8), primary_key=True),
    sa.Column("reason", sa.String(40), primary_key=True),  # "" when none was given
    sa.Column("count", sa.Integer, nullable=False),
)

unanswered = sa.Table(
    "insight_unanswered",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("day", sa.Date, nullable=False, index=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("question", sa.Text, nullable=False),
)


@dataclass(frozen=True)
class UnansweredRow:
    id: int
    day: date
    kind: str
    question: str


def database_url(settings: Settings) -> str:
    """The conversations' database (endpoints.yml's tracker store); SQLite in BOT_DATA_DIR
    when the tracker store is not SQL (in memory)."""
    from rasa.core.tracker_store import SQLTrackerStore

    from api.assistant import endpoints_config

    config = endpoints_config(settings).tracker_store
    if config is None or (config.type or "").lower() != "sql":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{Path(settings.data_dir) / 'insights.db'}"
    kwargs = config.kwargs
    url = SQLTrackerStore.get_db_url(
        kwargs.get("dialect", "sqlite"),
        config.url,
        kwargs.get("port"),
        kwargs.get("db", "rasa.db"),
        kwargs.get("username"),
        kwargs.get("password"),
        query=kwargs.get("query"),
    )
    return str(url) if isinstance(url, str) else url.render_as_string(hide_password=False)


class InsightsStore:
    """The insights tables of one database. Methods are blocking: call them in a thread."""

    def __init__(self, url: str) -> None:
        options: dict[str, Any] = {"future": True}
        if not url.startswith("sqlite"):
            options.update(pool_size=5, max_overflow=5, pool_pre_ping=True)
        self.engine = sa.create_engine(url, **options)
        self._ready = False

    @classmethod
    def from_settings(cls, settings: Settings) -> InsightsStore:
        return cls(database_url(settings))

    def ensure_tables(self) -> None:
        """Create the tables once. Replicas starting at once race to create them: a loser
        gets an error for a table the other just made, and tries again (checkfirst)."""
        if self._ready:
            return
        for attempt in range(3):
            try:
                metadata.create_all(self.engine, checkfirst=True)
                break
            except (sa.exc.IntegrityError, sa.exc.ProgrammingError):
                if attempt == 2:
                    raise
        self._ready = True

    def _upsert(self, table: sa.Table, values: dict[str, Any]) -> None:
        self.ensure_tables()
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        keys = [c.name for c in table.primary_key.columns]
        statement = (
            dialect.insert(table)
            .values(**values, count=1)
            .on_conflict_do_update(index_elements=keys, set_={"count": table.c["count"] + 1})
        )
        with self.engine.begin() as connection:
            connection.execute(statement)

    def count_turn(self, day: date, kind: str, key: str) -> None:
        self._upsert(turn_counts, {"day": day, "kind": kind, "key": key})

    def count_vote(self, day: date, kind: str, key: str, vote: str, reason: str | None) -> None:
        values = {"day": day, "kind": kind, "key": key, "vote": vote, "reason": reason or ""}
        self._upsert(vote_counts, values)

    def add_unanswered(self, day: date, kind: str, question: str) -> None:
        self.ensure_tables()
        with self.engine.begin() as connection:
            connection.execute(unanswered.insert().values(day=day, kind=kind, question=question))

    def turn_rows(self, start: date, end: date) -> list[CountRow]:
        self.ensure_tables()
        query = sa.select(turn_counts).where(turn_counts.c.day.between(start, end))
        with self.engine.connect() as connection:
            return [CountRow(r.day, r.kind, r.key, r.count) for r in connection.execute(query)]

    def vote_rows(self, start: date, end: date) -> list[VoteRow]:
        self.ensure_tables()
        query = sa.select(vote_counts).where(vote_counts.c.day.between(start, end))
        with self.engine.connect() as connection:
            return [
                VoteRow(r.day, r.kind, r.key, r.vote, r.reason, r.count)
                for r in connection.execute(query)
            ]

    def unanswered_rows(self, start: date, end: date) -> list[UnansweredRow]:
        self.ensure_tables()
        query = (
            sa.select(unanswered)
            .where(unanswered.c.day.between(start, end))
            .order_by(unanswered.c.day.desc(), unanswered.c.id.desc())
        )
        with self.engine.connect() as connection:
            return [
                UnansweredRow(r.id, r.day, r.kind, r.question) for r in connection.execute(query)
            ]

    def delete_unanswered(self, question_id: int) -> bool:
        self.ensure_tables()
        with self.engine.begin() as connection:
            deleted = connection.execute(unanswered.delete().where(unanswered.c.id == question_id))
        return bool(deleted.rowcount)

    def purge_unanswered_before(self, day: date) -> int:
        """Delete the unanswered questions kept since before `day` (RETENTION_DAYS)."""
        self.ensure_tables()
        with self.engine.begin() as connection:
            deleted = connection.execute(unanswered.delete().where(unanswered.c.day < day))
        return int(deleted.rowcount or 0)

    def dispose(self) -> None:
        self.engine.dispose()
