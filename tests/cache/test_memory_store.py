"""The in-process store: its per-tenant bookkeeping is bounded by ``entitlement_cache_size``."""

from __future__ import annotations

from crovver_ext import CrovverClient
from crovver_ext._cache import MemoryStore
from tests.cache.conftest import FakeClock

TENANTS = 50_000


def test_bookkeeping_stays_bounded_with_50k_tenants() -> None:
    clock = FakeClock()
    store = MemoryStore(max_entries=10_000, clock=clock)
    for n in range(TENANTS):
        tenant = f"tenant_{n}"
        token = store.generation(tenant)
        assert store.set((tenant, "sso", None), True, 30, token)
        store.invalidate(tenant)
    assert len(store) == 0
    assert store.bookkeeping() <= 10_000  # was 50,000 records kept for a cache holding 10,000

    for n in range(TENANTS):  # cached, never invalidated: the entries bound holds too
        store.set((f"tenant_{n}", "sso", None), True, 30, store.generation(f"tenant_{n}"))
    assert len(store) == 10_000
    assert store.bookkeeping() <= 20_000


def test_the_generation_rule_survives_pruned_bookkeeping() -> None:
    store = MemoryStore(max_entries=10)
    early = store.generation("tenant_0")  # a fetch starts for tenant_0...
    for n in range(TENANTS):  # ...then tenant_0 and 49,999 others are invalidated
        store.invalidate(f"tenant_{n}")
    assert store.bookkeeping() <= 10
    assert (
        store.set(("tenant_0", "sso", None), True, 30, early) is False
    )  # its record was pruned: still refused
    assert store.get(("tenant_0", "sso", None)) is None
    late = store.generation("tenant_0")  # a fetch started after the invalidations lands
    assert store.set(("tenant_0", "sso", None), True, 30, late) is True
    assert store.get(("tenant_0", "sso", None)) is True


def test_a_fetch_across_an_invalidation_is_not_stored_but_others_are() -> None:
    store = MemoryStore()
    token = store.generation("a")
    store.invalidate("a")
    assert store.set(("a", "f", None), True, 30, token) is False
    assert store.set(("b", "f", None), True, 30, token) is True  # b was not invalidated
    store.invalidate()  # everyone
    assert store.set(("b", "g", None), True, 30, token) is False
    assert store.get(("b", "f", None)) is None


def test_the_client_bound_with_50k_invalidated_tenants() -> None:
    with CrovverClient(
        "sk_test_x", base_url="http://127.0.0.1:9", entitlement_cache_ttl=30, entitlement_cache_size=100
    ) as client:
        for n in range(TENANTS):
            client.invalidate(f"tenant_{n}")
        assert client._cache is not None
        assert client._cache.store.bookkeeping() <= 100
