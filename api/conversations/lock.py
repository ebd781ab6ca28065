"""One turn at a time per conversation, in this process and across replicas.

Rasa 3.6's RedisLockStore issues "tickets" with separate GET and SET calls on one JSON value,
so two replicas can both believe they hold a conversation (RasaHQ/rasa#11256); the service
therefore takes its own lock around each turn and each delete instead:

- in this process an asyncio.Lock per conversation (first come, first served);
- across replicas, when Redis is configured, a Redis lock (SET NX PX with a random token,
  released and extended by Lua scripts that check the token: redis-py's `Lock`). Its lifetime
  is short and renewed while the turn runs, so a killed replica frees its conversations
  within one lifetime, while a slow turn never loses its lock by expiry.

A turn checks that it still owns the lock just before it saves (`HeldLock.ensure_owned`);
the store's compare-and-swap save (api/rasa_runtime/tracker_store.py) catches what slips
between that check and the commit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol

logger = logging.getLogger(__name__)


class LockUnavailableError(RuntimeError):
    """The conversation stayed busy for longer than the wait allows: answer 503."""


class LockLostError(RuntimeError):
    """The lock expired or was taken over before the turn could save: do not save."""


class DistributedLock(Protocol):
    async def acquire(self, blocking_timeout: float) -> bool: ...
    async def extend_lifetime(self) -> bool: ...
    async def owned(self) -> bool: ...
    async def release(self) -> None: ...


@dataclass
class HeldLock:
    """What a turn holds; `ensure_owned` is the last check before its save."""

    conversation_id: str
    distributed: DistributedLock | None = None
    lost: bool = False

    async def ensure_owned(self) -> None:
        if self.lost or (self.distributed is not None and not await self.distributed.owned()):
            self.lost = True
            raise LockLostError("the conversation lock was lost before saving")


# The lock of the turn running in this task; the tracker store checks it before it saves.
CURRENT_LOCK: ContextVar[HeldLock | None] = ContextVar("current_conversation_lock", default=None)


class RedisLock:
    """One conversation's lock in Redis (redis-py's asyncio `Lock`)."""

    def __init__(self, client: Any, name: str, lifetime_seconds: float) -> None:
        from redis.asyncio.lock import Lock

        self.lifetime_seconds = lifetime_seconds
        # thread_local=False: all coroutines share one thread; each Lock keeps its own token.
        self._lock = Lock(client, name, timeout=lifetime_seconds, sleep=0.05, thread_local=False)

    async def acquire(self, blocking_timeout: float) -> bool:
        return bool(await self._lock.acquire(blocking_timeout=max(blocking_timeout, 0.0)))

    async def extend_lifetime(self) -> bool:
        from redis.exceptions import LockError

        try:
            return bool(await self._lock.extend(self.lifetime_seconds, replace_ttl=True))
        except LockError:
            return False

    async def owned(self) -> bool:
        return bool(await self._lock.owned())

    async def release(self) -> None:
        from redis.exceptions import LockError

        try:
            await self._lock.release()
        except LockError:
            logger.warning("a conversation lock had expired before it was released")


@dataclass
class RedisLockFactory:
    """Creates RedisLock objects on one shared connection pool."""

    host: str
    port: int
    db: int
    password: str | None
    key_prefix: str
    lifetime_seconds: float
    _client: Any = None

    def __call__(self, conversation_id: str) -> DistributedLock:
        if self._client is None:
            import redis.asyncio

            self._client = redis.asyncio.Redis(
                host=self.host,
                port=self.port,
                db=self.db,
                password=self.password,
                socket_connect_timeout=3,
                socket_timeout=5,
            )
        return RedisLock(
            self._client, f"{self.key_prefix}:conversation:{conversation_id}", self.lifetime_seconds
        )


@dataclass
class _Local:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class ConversationLocks:
    """`async with locks.hold(conversation_id) as held:` one turn or delete at a time."""

    def __init__(
        self,
        wait_seconds: float,
        lifetime_seconds: float,
        distributed: RedisLockFactory | None = None,
    ) -> None:
        self.wait_seconds = wait_seconds
        self.lifetime_seconds = lifetime_seconds
        self.distributed = distributed
        self._local: dict[str, _Local] = {}

    @contextlib.asynccontextmanager
    async def hold(self, conversation_id: str) -> AsyncIterator[HeldLock]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.wait_seconds
        # Waiters of this process queue here in order, so at most one of them polls Redis.
        local = self._local.setdefault(conversation_id, _Local())
        local.users += 1
        try:
            try:
                await asyncio.wait_for(local.lock.acquire(), self.wait_seconds)
            except asyncio.TimeoutError:
                raise LockUnavailableError("conversation busy in this process") from None
            try:
                async with self._hold_distributed(conversation_id, deadline - loop.time()) as held:
                    token = CURRENT_LOCK.set(held)
                    try:
                        yield held
                    finally:
                        CURRENT_LOCK.reset(token)
            finally:
                local.lock.release()
        finally:
            local.users -= 1
            if local.users == 0:
                self._local.pop(conversation_id, None)

    @contextlib.asynccontextmanager
    async def _hold_distributed(
        self, conversation_id: str, wait_seconds: float
    ) -> AsyncIterator[HeldLock]:
        if self.distributed is None:
            yield HeldLock(conversation_id)
            return
        lock = self.distributed(conversation_id)
        if not await lock.acquire(wait_seconds):
            raise LockUnavailableError("conversation busy on another replica")
        held = HeldLock(conversation_id, lock)
        renewer = asyncio.create_task(self._renew(held, lock))
        try:
            yield held
        finally:
            renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewer
            await lock.release()

    async def _renew(self, held: HeldLock, lock: DistributedLock) -> None:
        """Extend the lock every third of its lifetime while the turn runs."""
        while True:
            await asyncio.sleep(self.lifetime_seconds / 3)
            try:
                extended = await lock.extend_lifetime()
            except Exception as exc:  # Redis unreachable: the lock may expire under us
                logger.warning("renewing a conversation lock failed: %s", type(exc).__name__)
                extended = False
            if not extended:
                held.lost = True
                return


def locks_from_endpoints(
    lock_store: Any, wait_seconds: float, lifetime_seconds: float
) -> ConversationLocks:
    """Redis across replicas when endpoints configure a redis lock store, else in-process."""
    if lock_store is None or (lock_store.type or "").lower() != "redis":
        return ConversationLocks(wait_seconds, lifetime_seconds)
    kwargs = lock_store.kwargs
    factory = RedisLockFactory(
        host=lock_store.url or "localhost",
        port=int(kwargs.get("port") or 6379),
        db=int(kwargs.get("db") or 0),
        password=kwargs.get("password") or None,
        key_prefix=str(kwargs.get("key_prefix") or "poortwachter"),
        lifetime_seconds=lifetime_seconds,
    )
    return ConversationLocks(wait_seconds, lifetime_seconds, factory)
