"""PostgreSQL and Redis for scale-out runs (tests, `make stress`): a scratch database and the
environment that points replicas of the service at it (endpoints.scaleout.yml)."""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from scripts.live_server import ROOT

PG_HOST = os.environ.get("TEST_POSTGRES_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("TEST_POSTGRES_PORT", "5432"))
PG_USER = os.environ.get("TEST_POSTGRES_USER", "postgres")
REDIS_PORT = int(os.environ.get("TEST_REDIS_PORT", "6379"))
REDIS_DB = "3"
HOW_TO = (
    "needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and Redis on "
    "127.0.0.1:6379; set TEST_POSTGRES_HOST/PORT/USER and TEST_REDIS_PORT to use others"
)


def reachable(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, port)) == 0


def servers_reachable() -> bool:
    return reachable(PG_PORT, PG_HOST) and reachable(REDIS_PORT)


@contextmanager
def scratch_database(prefix: str = "poortwachter_test") -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped afterwards."""
    import psycopg2

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def scaleout_env(database: str, pg_port: int = PG_PORT) -> dict[str, str]:
    """The environment of every replica of one cluster: one database, one Redis, and one
    conversation secret (replicas that do not share it refuse each other's tokens). The
    secret follows from the scratch database's random name, so every call for one cluster
    agrees; a production cluster sets its own CONVERSATION_SECRET."""
    secret = hashlib.sha256(f"conversation-secret:{database}".encode()).hexdigest()
    return {
        "CONVERSATION_SECRET": secret,
        "ENDPOINTS_PATH": str(ROOT / "endpoints.scaleout.yml"),
        "POSTGRES_HOST": PG_HOST,
        "POSTGRES_PORT": str(pg_port),
        "POSTGRES_DB": database,
        "POSTGRES_USER": PG_USER,
        "POSTGRES_PASSWORD": "",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": str(REDIS_PORT),
        "REDIS_DB": REDIS_DB,
    }
