"""The Redis store against a real redis-server: sharing, generations, TTL, garbage, outages."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crovver_ext import CrovverClient
from crovver_ext._cache import namespace
from crovver_ext.redis_store import AsyncRedisEntitlementStore, RedisEntitlementStore
from crovver_ext.testing import ControlPlane, LocalCrovver
from tests.cache.conftest import CAN_ACCESS, FakeClock, checks
from tests.cache.redis_server import RedisServer

redis = pytest.importorskip("redis")

TTL = 3600.0
FEATURE = "advanced_analytics"
TENANTS = ["ws_active", "ws_trial", "ws_past_due", "ws_canceled", "ws_manual", "ws_none"]
ROOT = Path(__file__).resolve().parents[2]


def admin(server: RedisServer) -> redis.Redis:
    return redis.Redis.from_url(server.url, socket_timeout=5)


@pytest.fixture
def store(redis_server: RedisServer) -> Iterator[RedisEntitlementStore]:
    store = RedisEntitlementStore.from_url(redis_server.url)
    yield store
    store.close()


def client_on(local: LocalCrovver, store: RedisEntitlementStore, **options: object) -> CrovverClient:
    return CrovverClient(
        local.secret_key,
        base_url=local.base_url,
        max_retries=0,
        entitlement_cache_ttl=TTL,
        entitlement_cache_store=store,
        **options,  # type: ignore[arg-type]
    )


def test_two_clients_on_one_redis_share_answers_and_redis_sets_the_ttl(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    first, second = (RedisEntitlementStore.from_url(redis_server.url) for _ in range(2))
    with client_on(local, first) as one, client_on(local, second) as two:
        control.clear_requests()
        assert one.can_access("ws_active", FEATURE) is True
        assert one.can_access("ws_active", "sso") is False  # False is an answer too
        assert two.can_access("ws_active", FEATURE) is True
        assert two.can_access("ws_active", "sso") is False
        assert checks(control) == 2
    first.close()
    second.close()
    with admin(redis_server) as r:
        answers = [k for k in r.scan_iter(match="crovver:*:a:*")]
        assert len(answers) == 2
        ttls = [r.pttl(k) for k in answers]
        assert all(TTL * 1000 - 60_000 < t <= TTL * 1000 for t in ttls)  # Redis expires them
        values = sorted(r.get(k) for k in answers)
        assert all(v.startswith(b"1|") and v[-2:] in (b"|0", b"|1") and len(v) < 48 for v in values)


def test_keys_are_namespaced_by_a_hash_never_the_key(
    local: LocalCrovver, control: ControlPlane, store: RedisEntitlementStore, redis_server: RedisServer
) -> None:
    with client_on(local, store) as client:
        client.can_access("ws_active", FEATURE)
        other = client.with_options(api_key="sk_test_local_d2c_secret_key")  # another organization
        with pytest.raises(Exception, match="not found"):
            other.can_access("ws_active", FEATURE)  # not answered from the first org's entries
    with admin(redis_server) as r:
        keys = [k.decode() for k in r.scan_iter()]
    assert keys and not any(local.secret_key in k or "sk_test" in k for k in keys)
    ours = namespace(local.secret_key, local.base_url)
    theirs = namespace("sk_test_local_d2c_secret_key", local.base_url)
    assert {k.split("{")[1].split("}")[0] for k in keys} == {ours, theirs}
    assert any(f"{{{ours}}}:a:" in k for k in keys) and not any(f"{{{theirs}}}:a:" in k for k in keys)
    assert namespace(local.secret_key, "http://elsewhere") != ours
    with pytest.raises(TypeError, match="the API key itself"):
        namespace(object(), local.base_url)  # type: ignore[arg-type]
    assert local.secret_key not in repr(store.namespaced(ours))


def test_an_answer_fetched_across_an_invalidation_loses(
    redis_server: RedisServer, store: RedisEntitlementStore
) -> None:
    one = store.namespaced("n")
    two = RedisEntitlementStore.from_url(redis_server.url).namespaced("n")  # another process
    key = ("ws_active", FEATURE, None)
    before = one.generation("ws_active")
    two.invalidate("ws_active")  # lands while one's fetch is in flight
    assert one.set(key, True, TTL, before) is False
    assert one.get(key) is None and two.get(key) is None
    after = one.generation("ws_active")
    assert one.set(key, True, TTL, after) is True
    assert two.get(key) is True
    # "everyone" bumps the namespace generation: every tenant's answers go.
    two.invalidate(None)
    assert one.get(key) is None
    stale = one.generation("ws_trial")
    two.invalidate(None)
    assert one.set(("ws_trial", FEATURE, None), True, TTL, stale) is False
    two._shared.client.close()


def test_the_generation_rule_through_the_client(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    """A check in flight while another process invalidates: its answer is not stored."""
    first, second = (RedisEntitlementStore.from_url(redis_server.url) for _ in range(2))
    with client_on(local, first) as slow, client_on(local, second) as other:
        control.clear_requests()
        control.inject_fault(CAN_ACCESS, action="delay", delay=0.3, times=1)
        thread = threading.Thread(target=slow.can_access, args=("ws_active", FEATURE))
        thread.start()
        while not control.requests(path=CAN_ACCESS):  # the check has reached Crovver
            pass
        other.invalidate("ws_active")
        thread.join()
        assert other.can_access("ws_active", FEATURE) is True
        assert checks(control) == 2  # the in-flight answer was not kept
        assert slow.can_access("ws_active", FEATURE) is True
        assert checks(control) == 2  # the second one was
    first.close()
    second.close()


@pytest.mark.parametrize(
    "garbage",
    ["value", "wrong version", "wrong type", "generation text", "generation wrong type"],
)
def test_garbage_in_redis_is_ignored_and_fetched_from_crovver(
    local: LocalCrovver,
    control: ControlPlane,
    redis_server: RedisServer,
    store: RedisEntitlementStore,
    garbage: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with client_on(local, store) as client, admin(redis_server) as r:
        control.clear_requests()
        assert client.can_access("ws_active", "sso") is False
        [answer_key] = r.scan_iter(match="crovver:*:a:*")
        [tenant_generation] = r.scan_iter(match="crovver:*:t:*")
        if garbage == "value":
            r.set(answer_key, b"\xff\x00not an answer")
        elif garbage == "wrong version":
            r.set(answer_key, r.get(answer_key).replace(b"1|", b"9|", 1)[:-1] + b"1")
        elif garbage == "wrong type":
            r.delete(answer_key)
            r.rpush(answer_key, "1")
        elif garbage == "generation text":
            r.set(tenant_generation, "not a number")
        else:
            r.delete(tenant_generation)
            r.hset(tenant_generation, "x", "1")
        with caplog.at_level(logging.WARNING, logger="crovver"):
            assert client.can_access("ws_active", "sso") is False  # Crovver's answer, not the garbage
            assert checks(control) == 2
            assert client.can_access("ws_active", "sso") is False  # stored again, readable
            assert checks(control) == 2
            client.invalidate("ws_active")  # also over garbage generations
            assert client.can_access("ws_active", "sso") is False
            assert checks(control) == 3
        assert not store.breaker.open and caplog.records == []  # garbage is a miss, not an outage


def test_redis_killed_mid_run_then_restarted(
    local: LocalCrovver,
    control: ControlPlane,
    make_redis: object,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server: RedisServer = make_redis()  # type: ignore[operator]
    clock = FakeClock()
    store = RedisEntitlementStore.from_url(server.url, cooldown=5, _clock=clock)
    with client_on(local, store) as client, caplog.at_level(logging.INFO, logger="crovver"):
        control.clear_requests()
        assert client.can_access("ws_active", FEATURE) is True
        assert client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 1

        server.kill()
        answers = [client.can_access(t, FEATURE) for t in ("ws_active", "ws_canceled", "ws_active")]
        assert answers == [True, False, True]  # right answers, from Crovver
        assert checks(control) == 4
        assert store.breaker.open
        clock.now += 4  # still cooling down: Redis is not even tried
        assert client.can_access("ws_canceled", FEATURE) is False
        assert checks(control) == 5
        client.invalidate("ws_active")  # cannot reach Redis: redone as "everyone" later

        server.start()  # same port, empty (no persistence)
        clock.now += 2  # the cooldown is over: Redis is tried again
        assert client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 6
        assert not store.breaker.open
        assert client.can_access("ws_active", FEATURE) is True
        assert checks(control) == 6  # cached in Redis again

    warnings = [r for r in caplog.records if r.name == "crovver"]
    assert [r.levelno for r in warnings] == [logging.WARNING, logging.WARNING]  # one per transition
    assert "Redis failed (ConnectionError)" in warnings[0].getMessage()
    assert "answers again" in warnings[1].getMessage()
    for record in warnings:
        assert local.secret_key not in record.getMessage() and "ws_" not in record.getMessage()
    store.close()


def test_a_slow_redis_costs_one_socket_timeout_then_crovver_answers(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    store = RedisEntitlementStore.from_url(redis_server.url, socket_timeout=0.05)
    with client_on(local, store) as client, admin(redis_server) as r:
        assert client.can_access("ws_active", FEATURE) is True  # connected and cached
        control.clear_requests()
        r.execute_command("CLIENT", "PAUSE", "3000", "WRITE")  # our scripts hang for 3 s
        try:
            start = time.monotonic()
            assert client.can_access("ws_active", FEATURE) is True
            assert client.can_access("ws_canceled", FEATURE) is False
            elapsed = time.monotonic() - start
        finally:
            r.execute_command("CLIENT", "UNPAUSE")
        assert elapsed < 1.5  # one 0.05 s timeout, then the breaker: not the 3 s pause
        assert store.breaker.open
        assert checks(control) == 2
    store.close()


def test_a_lost_invalidation_is_made_up_for_when_redis_answers_again(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer
) -> None:
    clock = FakeClock()
    paused = RedisEntitlementStore.from_url(redis_server.url, socket_timeout=0.05, _clock=clock)
    healthy = RedisEntitlementStore.from_url(redis_server.url)
    with client_on(local, paused) as one, client_on(local, healthy) as two, admin(redis_server) as r:
        control.clear_requests()
        assert two.can_access("ws_active", FEATURE) is True
        assert two.can_access("ws_trial", FEATURE) is True
        r.execute_command("CLIENT", "PAUSE", "300", "WRITE")  # Redis stops answering scripts
        one.invalidate("ws_active")  # times out: a slow Redis is a failed Redis
        assert paused.breaker.open
        r.execute_command("CLIENT", "UNPAUSE")
        clock.now += 10
        assert one.can_access("ws_trial", FEATURE) is True  # first call back: redoes it for everyone
        assert two.can_access("ws_active", FEATURE) is True
        assert checks(control, "ws_active") == 2  # the lost invalidation did reach the other process
        assert checks(control, "ws_trial") == 2
    paused.close()
    healthy.close()


def test_unbounded_or_wrong_clients_are_refused() -> None:
    with pytest.raises(ValueError, match="socket_timeout"):
        RedisEntitlementStore(redis.Redis(socket_timeout=None))
    with pytest.raises(TypeError, match=r"redis\.Redis"):
        RedisEntitlementStore("redis://x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="socket_timeout"):
        RedisEntitlementStore.from_url("redis://127.0.0.1:1", socket_timeout=float("inf"))
    async_store = AsyncRedisEntitlementStore.from_url("redis://127.0.0.1:1")
    with pytest.raises(TypeError, match="AsyncCrovverClient"):
        CrovverClient("sk_test_x", entitlement_cache_ttl=1, entitlement_cache_store=async_store)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="entitlement_cache_ttl"):
        CrovverClient(
            "sk_test_x", entitlement_cache_store=RedisEntitlementStore.from_url("redis://127.0.0.1:1")
        )


class Worker:
    def __init__(self, redis_url: str, local: LocalCrovver) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.cache.worker", redis_url, local.base_url, local.secret_key],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            text=True,
        )

    def send(self, *command: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def read(self) -> object:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the worker exited"
        return json.loads(line)

    def ask(self, *command: object) -> object:
        self.send(*command)
        return self.read()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
        self.process.communicate(timeout=30)  # waits, and closes the pipes


@pytest.fixture
def workers(local: LocalCrovver, redis_server: RedisServer) -> Iterator[list[Worker]]:
    started = [Worker(redis_server.url, local) for _ in range(4)]
    try:
        for worker in started:
            assert worker.read() == "ready"
        yield started
    finally:
        for worker in started:
            worker.stop()


def test_four_processes_share_one_cache(
    local: LocalCrovver, control: ControlPlane, workers: list[Worker]
) -> None:
    control.clear_requests()
    # Each process first serves its own share of the tenants (all four at once) ...
    for n, worker in enumerate(workers):
        for tenant in TENANTS[n::4]:
            worker.send("check", tenant, FEATURE)
    first = {t: workers[n].read() for n in range(4) for t in TENANTS[n::4]}
    # ... then every process asks about every tenant, many times, all at once.
    for worker in workers:
        for _ in range(5):
            for tenant in TENANTS:
                worker.send("check", tenant, FEATURE)
    seen = [[worker.read() for _ in range(5 * len(TENANTS))] for worker in workers]
    expected = [first[t] for t in TENANTS] * 5
    assert seen == [expected] * 4  # one answer everywhere
    assert expected[:2] == [True, True] and first["ws_canceled"] is False
    assert all(checks(control, t) == 1 for t in TENANTS)  # one Crovver request per tenant, not 4 x 6
    assert checks(control) == len(TENANTS)

    # A cancellation elsewhere, and one process invalidates: every process sees it.
    with CrovverClient(local.secret_key, base_url=local.base_url) as elsewhere:
        manual = elsewhere.get_subscriptions("ws_manual").subscriptions[0]
        assert workers[0].ask("check", "ws_manual", FEATURE) is True
        elsewhere.cancel_subscription(manual.id, "ws_manual", "moving on")  # manual billing: at once
    assert workers[3].ask("invalidate", "ws_manual") is None
    assert [w.ask("check", "ws_manual", FEATURE) for w in workers] == [False] * 4
    assert checks(control, "ws_manual") == 2  # the first process fetched; the rest read Redis
