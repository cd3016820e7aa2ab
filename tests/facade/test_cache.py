"""The opt-in entitlement cache: hits, TTL, invalidation, single flight, bounds (over loopback)."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator

import anyio
import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient, NotFoundError
from crovver_ext._cache import EntitlementCache
from crovver_ext.testing import ControlPlane, LocalCrovver, with_test_hooks
from tests.facade.conftest import no_async_sleep, no_sleep

CAN_ACCESS = "/api/public/can-access"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cached(local: LocalCrovver, control: ControlPlane, clock: FakeClock) -> Iterator[CrovverClient]:
    with with_test_hooks(
        CrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=30),
        sleep=no_sleep,
        clock=clock,
    ) as client:
        control.clear_requests()
        yield client


def checks(control: ControlPlane) -> int:
    return len(control.requests(path=CAN_ACCESS))


def consume(client: CrovverClient, tenant: str = "ws_active") -> None:
    client.credits.consume(
        tenant_id=tenant, pool_key="api_calls", amount=1, idempotency_key=str(uuid.uuid4())
    )


def test_off_by_default(local: LocalCrovver, control: ControlPlane) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url) as client:
        client.can_access("ws_active", "advanced_analytics")
        client.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 2


def test_repeat_checks_are_answered_from_memory_until_the_ttl(
    cached: CrovverClient, control: ControlPlane, clock: FakeClock
) -> None:
    assert cached.can_access("ws_active", "advanced_analytics") is True
    assert cached.can_access("ws_active", "sso") is False  # a False answer is cached too
    for _ in range(5):
        assert cached.can_access("ws_active", "advanced_analytics") is True
        assert cached.can_access("ws_active", "sso") is False
    assert checks(control) == 2
    clock.now += 29.9
    cached.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 2
    clock.now += 0.2  # past the 30 s TTL
    cached.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 3


def test_keys_distinguish_feature_and_product(cached: CrovverClient, control: ControlPlane) -> None:
    assert cached.can_access("ws_active", "advanced_analytics") is True
    assert cached.can_access("ws_active", "advanced_analytics", "reports") is False
    assert cached.can_access("ws_active", product_slug="app") is True
    assert cached.can_access("ws_trial", "advanced_analytics") is True
    assert checks(control) == 4


def test_checks_with_amount_are_never_cached(cached: CrovverClient, control: ControlPlane) -> None:
    for _ in range(3):
        assert cached.can_access("ws_active", "ai_generations", amount=5) is True
    assert checks(control) == 3


def test_errors_are_not_cached(cached: CrovverClient, control: ControlPlane) -> None:
    for _ in range(2):
        with pytest.raises(NotFoundError):
            cached.can_access("no_such_tenant", "advanced_analytics")
    assert checks(control) == 2


@pytest.mark.parametrize("change", ["consume", "purchase", "checkout", "cancel", "failed consume"])
def test_changes_through_the_same_client_drop_that_tenants_entries(
    cached: CrovverClient, control: ControlPlane, change: str
) -> None:
    tenant = "ws_none" if change == "checkout" else "ws_active"
    cached.can_access(tenant, "advanced_analytics")
    cached.can_access("ws_trial", "advanced_analytics")
    if change == "consume":
        consume(cached)
    elif change == "purchase":
        cached.addons.purchase(
            tenant, addon_id="addon_api_free", currency="USD", idempotency_key=str(uuid.uuid4())
        )
    elif change == "checkout":
        cached.create_checkout_session(plan_id="plan_pro", external_tenant_id=tenant)
    elif change == "cancel":
        sub = cached.get_subscriptions(tenant).subscriptions[0]
        cached.cancel_subscription(sub.id, tenant, "testing")
    else:
        with pytest.raises(NotFoundError):
            cached.credits.consume(tenant_id=tenant, pool_key="nope", amount=1, idempotency_key="k")
    cached.can_access(tenant, "advanced_analytics")
    cached.can_access("ws_trial", "advanced_analytics")
    # The changed tenant was asked again; the other tenant's answer stayed cached.
    assert [r["body"]["requestingEntityId"] for r in control.requests(path=CAN_ACCESS)] == [
        tenant,
        "ws_trial",
        tenant,
    ]


def test_explicit_invalidate(cached: CrovverClient, control: ControlPlane) -> None:
    cached.can_access("ws_active", "advanced_analytics")
    cached.can_access("ws_trial", "advanced_analytics")
    cached.invalidate("ws_active")
    cached.can_access("ws_active", "advanced_analytics")
    cached.can_access("ws_trial", "advanced_analytics")
    assert checks(control) == 3
    cached.invalidate()
    cached.can_access("ws_active", "advanced_analytics")
    cached.can_access("ws_trial", "advanced_analytics")
    assert checks(control) == 5


def test_a_copy_from_with_options_shares_the_cache(cached: CrovverClient, control: ControlPlane) -> None:
    fast = cached.with_options(timeout=5)
    cached.can_access("ws_active", "advanced_analytics")
    fast.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 1
    consume(fast)  # a change through the copy invalidates for both
    cached.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 2


def test_a_copy_with_another_key_or_url_gets_its_own_cache(
    cached: CrovverClient, control: ControlPlane
) -> None:
    cached.can_access("ws_active", "advanced_analytics")
    other_org = cached.with_options(api_key="sk_test_local_d2c_secret_key")
    with pytest.raises(NotFoundError):  # not this org's tenant: asked, not answered from memory
        other_org.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 2
    assert other_org._cache is not cached._cache
    assert cached.with_options(timeout=3)._cache is cached._cache


def test_entries_are_bounded(local: LocalCrovver, control: ControlPlane) -> None:
    with CrovverClient(
        local.secret_key, base_url=local.base_url, entitlement_cache_ttl=30, entitlement_cache_size=2
    ) as client:
        control.clear_requests()
        client.can_access("ws_active", "advanced_analytics")
        client.can_access("ws_active", "sso")
        client.can_access("ws_active", "api_access")  # evicts the oldest entry
        assert client._cache is not None and len(client._cache) == 2
        client.can_access("ws_active", "api_access")
        client.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 4


def test_concurrent_misses_make_one_request(cached: CrovverClient, control: ControlPlane) -> None:
    # The server holds the first check for 0.3 s, so all threads miss while it is in flight.
    control.inject_fault(CAN_ACCESS, action="delay", delay=0.3, times=1)
    barrier = threading.Barrier(20)
    answers: list[bool] = []

    def ask() -> None:
        barrier.wait()
        answers.append(cached.can_access("ws_active", "advanced_analytics"))

    threads = [threading.Thread(target=ask) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [True] * 20
    assert checks(control) == 1


def test_an_answer_fetched_across_an_invalidation_is_not_stored(
    cached: CrovverClient, control: ControlPlane
) -> None:
    control.inject_fault(CAN_ACCESS, action="delay", delay=0.3, times=1)
    started = threading.Event()

    def slow_check() -> None:
        started.set()
        cached.can_access("ws_active", "advanced_analytics")

    thread = threading.Thread(target=slow_check)
    thread.start()
    started.wait()
    while not control.requests(path=CAN_ACCESS):  # the check has reached the server
        pass
    consume(cached)  # invalidates ws_active while the check is in flight
    thread.join()
    cached.can_access("ws_active", "advanced_analytics")
    assert checks(control) == 2  # the in-flight answer was not kept


@pytest.mark.anyio
async def test_async_cache_single_flight_and_invalidation(local: LocalCrovver, control: ControlPlane) -> None:
    async with with_test_hooks(
        AsyncCrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=30),
        sleep=no_async_sleep,
    ) as client:
        control.clear_requests()
        control.inject_fault(CAN_ACCESS, action="delay", delay=0.3, times=1)
        answers: list[bool] = []

        async def ask() -> None:
            answers.append(await client.can_access("ws_active", "advanced_analytics"))

        async with anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(ask)
        assert answers == [True] * 20
        assert checks(control) == 1
        assert await client.can_access("ws_active", "advanced_analytics")
        assert checks(control) == 1
        await client.credits.consume(
            tenant_id="ws_active", pool_key="api_calls", amount=1, idempotency_key="k-async"
        )
        await client.can_access("ws_active", "advanced_analytics")
        assert checks(control) == 2


@pytest.mark.anyio
async def test_async_waiters_survive_a_cancelled_leader(local: LocalCrovver, control: ControlPlane) -> None:
    async with AsyncCrovverClient(
        local.secret_key, base_url=local.base_url, entitlement_cache_ttl=30
    ) as client:
        control.clear_requests()
        control.inject_fault(CAN_ACCESS, action="delay", delay=0.3, times=1)
        assert client._cache is not None
        leader = asyncio.create_task(client.can_access("ws_active", "advanced_analytics"))
        while not control.requests(path=CAN_ACCESS):  # the leader's request is at the server
            await asyncio.sleep(0)
        assert client._cache.flights
        waiter = asyncio.create_task(client.can_access("ws_active", "advanced_analytics"))
        for _ in range(3):  # the waiter reaches the shared flight without any I/O of its own
            await asyncio.sleep(0)
        assert not waiter.done()
        leader.cancel()
        assert await waiter is True  # the waiter asked again instead of failing
        with pytest.raises(asyncio.CancelledError):
            await leader
        assert checks(control) == 2


def test_cache_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="entitlement_cache_ttl"):
        EntitlementCache(0)
    with pytest.raises(ValueError, match="entitlement_cache_size"):
        EntitlementCache(1, max_entries=0)
    cache = EntitlementCache(1)
    assert cache.get((["unhashable"], None, None)) is None
