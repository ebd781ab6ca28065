"""The conversation lock: one turn at a time per conversation, in one process and, with Redis,
across replicas (two ConversationLocks objects on one Redis act as two replicas here)."""

from __future__ import annotations

import asyncio
import os
import socket
import uuid

import pytest

from api.conversations.lock import (
    ConversationLocks,
    LockLostError,
    LockUnavailableError,
    RedisLockFactory,
)

REDIS_PORT = int(os.environ.get("TEST_REDIS_PORT", "6379"))


def redis_locks(wait: float = 5.0, lifetime: float = 1.5) -> ConversationLocks:
    factory = RedisLockFactory(
        host="127.0.0.1",
        port=REDIS_PORT,
        db=3,
        password=None,
        key_prefix=f"test-{uuid.uuid4().hex[:6]}",
        lifetime_seconds=lifetime,
    )
    return ConversationLocks(wait, lifetime, factory)


def shared_prefix(a: ConversationLocks, b: ConversationLocks) -> None:
    assert a.distributed is not None and b.distributed is not None
    b.distributed.key_prefix = a.distributed.key_prefix


@pytest.fixture
def redis_up() -> None:
    with socket.socket() as probe:
        probe.settimeout(1)
        if probe.connect_ex(("127.0.0.1", REDIS_PORT)) != 0:
            if os.environ.get("CI"):
                pytest.fail(f"Redis unreachable on 127.0.0.1:{REDIS_PORT} in CI")
            pytest.skip(f"needs Redis on 127.0.0.1:{REDIS_PORT}")


async def record_turns(locks: list[ConversationLocks], conversation: str, n: int) -> list[str]:
    """n turns spread over the lock objects; each logs its start and end."""
    log: list[str] = []

    async def one(i: int) -> None:
        async with locks[i % len(locks)].hold(conversation):
            log.append(f"start {i}")
            await asyncio.sleep(0.02)
            log.append(f"end {i}")

    await asyncio.gather(*(one(i) for i in range(n)))
    return log


def assert_not_interleaved(log: list[str], n: int) -> None:
    assert len(log) == 2 * n
    for start, end in zip(log[::2], log[1::2], strict=True):
        assert start.startswith("start") and end == start.replace("start", "end"), log


def test_turns_of_one_conversation_never_overlap_in_one_process() -> None:
    log = asyncio.run(record_turns([ConversationLocks(5, 10)], "c", 8))
    assert_not_interleaved(log, 8)
    assert log[::2] == [f"start {i}" for i in range(8)]  # first come, first served


def test_other_conversations_do_not_wait() -> None:
    async def run() -> float:
        locks = ConversationLocks(5, 10)
        loop = asyncio.get_running_loop()
        began = loop.time()

        async def hold(conversation: str) -> None:
            async with locks.hold(conversation):
                await asyncio.sleep(0.2)

        await asyncio.gather(*(hold(f"c{i}") for i in range(5)))
        return loop.time() - began

    assert asyncio.run(run()) < 0.8  # five 0.2 s turns in parallel, not 1 s in a row


def test_a_busy_conversation_gives_up_after_the_wait() -> None:
    async def run() -> None:
        locks = ConversationLocks(0.1, 10)
        async with locks.hold("c"):
            with pytest.raises(LockUnavailableError):
                async with locks.hold("c"):
                    pass
        async with locks.hold("c"):  # free again afterwards
            pass
        assert locks._local == {}  # nothing kept for idle conversations

    asyncio.run(run())


@pytest.mark.scaleout
def test_two_replicas_never_hold_one_conversation_at_once(redis_up: None) -> None:
    a, b = redis_locks(), redis_locks()
    shared_prefix(a, b)
    log = asyncio.run(record_turns([a, b], "c", 12))
    assert_not_interleaved(log, 12)


@pytest.mark.scaleout
def test_a_slow_turn_keeps_its_lock_past_the_lifetime(redis_up: None) -> None:
    async def run() -> None:
        a, b = redis_locks(wait=0.5, lifetime=0.6), redis_locks(wait=0.5, lifetime=0.6)
        shared_prefix(a, b)
        async with a.hold("c") as held:
            await asyncio.sleep(1.5)  # 2.5 lifetimes: renewed meanwhile
            with pytest.raises(LockUnavailableError):
                async with b.hold("c"):
                    pass
            await held.ensure_owned()

    asyncio.run(run())


@pytest.mark.scaleout
def test_a_dead_replicas_lock_expires_and_its_late_save_is_refused(redis_up: None) -> None:
    async def run() -> None:
        a, b = redis_locks(wait=3, lifetime=0.5), redis_locks(wait=3, lifetime=0.5)
        shared_prefix(a, b)
        assert a.distributed is not None
        dead = a.distributed("c")  # acquired and never renewed: a killed replica
        assert await dead.acquire(1)
        loop = asyncio.get_running_loop()
        began = loop.time()
        async with b.hold("c") as held:
            assert loop.time() - began < 1.5  # free within about one lifetime
            await held.ensure_owned()
        assert not await dead.owned()

    asyncio.run(run())


@pytest.mark.scaleout
def test_a_lock_taken_over_is_noticed_before_saving(redis_up: None) -> None:
    async def run() -> None:
        locks = redis_locks(lifetime=5)
        assert locks.distributed is not None
        async with locks.hold("c") as held:
            await locks.distributed._client.delete(f"{locks.distributed.key_prefix}:conversation:c")
            with pytest.raises(LockLostError):
                await held.ensure_owned()

    asyncio.run(run())
