"""The near-cache (memory in front of Redis, kept coherent by pub/sub) and the async Redis store."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator

import anyio
import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.redis_store import AsyncRedisEntitlementStore, RedisEntitlementStore
from crovver_ext.testing import ControlPlane, LocalCrovver
from tests.cache.conftest import CAN_ACCESS, FakeClock, checks, signed_event
from tests.cache.redis_server import RedisServer

redis = pytest.importorskip("redis")

TTL = 3600.0
FEATURE = "advanced_analytics"


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a pub/sub message or a reconnection: Redis round trips, nothing else."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.002)


def redis_scripts_run(server: RedisServer) -> int:
    with redis.Redis.from_url(server.url, socket_timeout=5) as r:
        stats = r.info("commandstats")
    return sum(int(v["calls"]) for k, v in stats.items() if k in ("cmdstat_evalsha", "cmdstat_eval"))


def near_live(*stores: RedisEntitlementStore | AsyncRedisEntitlementStore) -> bool:
    return all(s._shared.near is not None and s._shared.near.live for s in stores)


@pytest.fixture
def near_stores(redis_server: RedisServer) -> Iterator[tuple[RedisEntitlementStore, RedisEntitlementStore]]:
    clock = FakeClock()
    pair = tuple(
        RedisEntitlementStore.from_url(redis_server.url, near_cache_ttl=60, _clock=clock) for _ in range(2)
    )
    wait_until(lambda: near_live(*pair))
    yield pair  # type: ignore[misc]
    for store in pair:
        store.close()


def client_on(local: LocalCrovver, store: object) -> CrovverClient:
    return CrovverClient(
        local.secret_key,
        base_url=local.base_url,
        max_retries=0,
        entitlement_cache_ttl=TTL,
        entitlement_cache_store=store,  # type: ignore[arg-type]
    )


def test_the_near_cache_answers_from_memory_and_follows_other_processes_invalidations(
    local: LocalCrovver,
    control: ControlPlane,
    redis_server: RedisServer,
    near_stores: tuple[RedisEntitlementStore, RedisEntitlementStore],
) -> None:
    a, b = near_stores
    with client_on(local, a) as one, client_on(local, b) as two:
        control.clear_requests()
        assert one.can_access("ws_active", FEATURE) is True  # Crovver, then Redis and a's memory
        assert two.can_access("ws_active", FEATURE) is True  # Redis, then b's memory
        before = redis_scripts_run(redis_server)
        for _ in range(100):
            assert one.can_access("ws_active", FEATURE) is True
            assert two.can_access("ws_active", FEATURE) is True
        assert redis_scripts_run(redis_server) == before  # 200 answers without touching Redis
        assert checks(control) == 1

        one.invalidate("ws_active")  # a's memory at once; b's when the message arrives
        wait_until(lambda: b._shared.near is not None and len(b._shared.near.memory) == 0)
        assert two.can_access("ws_active", FEATURE) is True
        assert checks(control) == 2


def test_the_near_cache_is_bypassed_and_emptied_while_the_channel_is_down(
    local: LocalCrovver, control: ControlPlane, make_redis: Callable[[], RedisServer]
) -> None:
    server = make_redis()
    clock = FakeClock()
    store = RedisEntitlementStore.from_url(server.url, near_cache_ttl=60, cooldown=1, _clock=clock)
    wait_until(lambda: near_live(store))
    with client_on(local, store) as client:
        control.clear_requests()
        assert client.can_access("ws_active", FEATURE) is True
        assert client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 1
        server.kill()
        wait_until(lambda: not near_live(store))
        assert store._shared.near is not None and len(store._shared.near.memory) == 0
        # Invalidations could be missed now, so memory is not trusted: Crovver answers.
        assert client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 2
        server.start()
        wait_until(lambda: near_live(store))
        clock.now += 2  # past the breaker's cooldown
        assert client.can_access("ws_active", FEATURE) is True
        assert client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 3
    store.close()


def test_a_near_cache_entry_never_outlives_its_redis_ttl(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    clock = FakeClock()
    store = RedisEntitlementStore.from_url(redis_server.url, near_cache_ttl=60, _clock=clock)
    wait_until(lambda: near_live(store))
    view = store.namespaced("n")
    key = ("ws_active", FEATURE, None)
    assert view.set(key, True, 5.0, view.generation("ws_active"))
    assert view.get(key) is True
    before = redis_scripts_run(redis_server)
    clock.now += 4.9
    assert view.get(key) is True
    assert redis_scripts_run(redis_server) == before  # from memory
    clock.now += 0.2  # past the 5 s Redis TTL (Redis's own clock has not moved: it is asked)
    assert view.get(key) is True
    assert redis_scripts_run(redis_server) == before + 1
    store.close()


@pytest.mark.anyio
async def test_the_async_store_shares_answers_with_blocking_processes(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    store = AsyncRedisEntitlementStore.from_url(redis_server.url)
    blocking = RedisEntitlementStore.from_url(redis_server.url)
    async with AsyncCrovverClient(
        local.secret_key, base_url=local.base_url, entitlement_cache_ttl=TTL, entitlement_cache_store=store
    ) as client:
        control.clear_requests()
        control.inject_fault(CAN_ACCESS, action="delay", delay=0.3, times=1)
        answers: list[bool] = []

        async def ask() -> None:
            answers.append(await client.can_access("ws_active", FEATURE))

        async with anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(ask)
        assert answers == [True] * 20
        assert checks(control) == 1  # single flight across tasks
        with client_on(local, blocking) as other:
            assert other.can_access("ws_active", FEATURE) is True
            assert checks(control) == 1  # the blocking process read the async one's answer

            await client.apply_event(signed_event("subscription.updated", "ws_active"))
            assert other.can_access("ws_active", FEATURE) is True
            assert checks(control) == 2  # the event reached every process through Redis
            assert await client.can_access("ws_active", FEATURE) is True
            assert checks(control) == 2
    await store.aclose()
    blocking.close()


@pytest.mark.anyio
async def test_the_async_store_survives_redis_dying(
    local: LocalCrovver, control: ControlPlane, make_redis: Callable[[], RedisServer]
) -> None:
    server = make_redis()
    clock = FakeClock()
    store = AsyncRedisEntitlementStore.from_url(server.url, near_cache_ttl=30, cooldown=5, _clock=clock)
    async with AsyncCrovverClient(
        local.secret_key, base_url=local.base_url, entitlement_cache_ttl=TTL, entitlement_cache_store=store
    ) as client:
        control.clear_requests()
        assert await client.can_access("ws_active", FEATURE) is True
        assert await client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 1
        server.kill()
        # Until its listener sees the channel drop, memory may still answer (nothing could have
        # been invalidated through a dead Redis); after that, Crovver does.
        wait_until(lambda: not near_live(store))
        assert [await client.can_access(t, FEATURE) for t in ("ws_active", "ws_canceled")] == [True, False]
        assert checks(control) == 3
        assert store.breaker.open
        await client.invalidate("ws_active")  # no Redis: remembered, redone when it is back
        server.start()
        clock.now += 6
        assert await client.can_access("ws_active", FEATURE) is True
        assert await client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 4
        assert not store.breaker.open
    await store.aclose()


def test_after_a_fork_the_child_distrusts_memory_until_it_subscribes_again(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    from crovver_ext import redis_store

    store = RedisEntitlementStore.from_url(redis_server.url, near_cache_ttl=60)
    wait_until(lambda: near_live(store))
    with client_on(local, store) as client:
        control.clear_requests()
        client.can_access("ws_active", FEATURE)
        near = store._shared.near
        assert near is not None and len(near.memory) == 1
        old_listener = near._thread
        redis_store._after_fork()  # what os.register_at_fork runs in a child process
        assert not near.live and len(near.memory) == 0
        assert client.can_access("ws_active", FEATURE) is True  # from Redis, not memory
        assert checks(control) == 1
        wait_until(lambda: near_live(store))  # the miss started a new listener
        assert near._thread is not None and near._thread is not old_listener
    assert old_listener is not None
    store.close()
    old_listener.join(timeout=5)  # the parent's old thread, in this test process, stops too


def test_an_async_store_in_a_second_event_loop_falls_back_to_crovver_and_says_why(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    store = AsyncRedisEntitlementStore.from_url(redis_server.url)

    async def checks_in_a_fresh_loop(close_the_store: bool = False) -> list[bool]:
        async with AsyncCrovverClient(
            local.secret_key,
            base_url=local.base_url,
            entitlement_cache_ttl=TTL,
            entitlement_cache_store=store,
        ) as client:
            answers = [await client.can_access(t, FEATURE) for t in ("ws_active", "ws_canceled", "ws_active")]
        if close_the_store:  # its connections belong to this loop: closed in it
            await store.aclose()
        return answers

    control.clear_requests()
    assert asyncio.run(checks_in_a_fresh_loop(close_the_store=True)) == [True, False, True]
    assert checks(control) == 2
    with caplog.at_level(logging.WARNING, logger="crovver"):
        assert asyncio.run(checks_in_a_fresh_loop()) == [True, False, True]  # right, not raised
        assert asyncio.run(checks_in_a_fresh_loop()) == [True, False, True]
    assert checks(control) == 8  # Redis unused outside its loop
    [warning] = [r.getMessage() for r in caplog.records]  # once, not per call
    assert "serves one event loop" in warning
