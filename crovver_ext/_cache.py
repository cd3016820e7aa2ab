"""The opt-in entitlement cache behind ``can_access`` (``entitlement_cache_ttl=``).

Answers repeat checks from memory for ``ttl`` seconds. The trade-off is staleness: a change made
elsewhere (a plan change in the dashboard, a cancellation by another service, a renewal that
failed) is seen only after the entry expires. Changes made through the same client (consume,
purchase, checkout, cancel) drop that tenant's entries at once, and ``invalidate()`` drops them on
demand. Checks that carry ``amount`` are never cached: they depend on a balance.

Thread-safe and async-safe; concurrent misses for the same key make one request (single flight).
Reads take no lock: a dict lookup of an immutable entry is atomic.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

Key = tuple[Any, ...]  # (tenant_id, feature_key, product_slug)


class EntitlementCache:
    """A TTL map from an access question to its answer, bounded by ``max_entries``."""

    def __init__(
        self, ttl: float, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or ttl <= 0:
            raise ValueError(f"entitlement_cache_ttl must be a positive number of seconds, got {ttl!r}")
        if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
            raise ValueError(f"entitlement_cache_size must be a positive int, got {max_entries!r}")
        self.ttl = float(ttl)
        self.max_entries = max_entries
        self._clock = clock
        self._entries: dict[Key, tuple[float, bool]] = {}  # insertion-ordered: oldest first
        self._by_tenant: dict[Hashable, set[Key]] = {}
        # Bumped by invalidate(); a fetch that started before an invalidation must not store.
        self._epoch = 0
        self._tenant_epochs: dict[Hashable, int] = {}
        self.lock = threading.Lock()
        self.flights: dict[Key, Any] = {}  # key -> the in-flight fetch others wait for

    def empty_copy(self) -> EntitlementCache:
        """A new, empty cache with the same TTL, bound and clock."""
        return EntitlementCache(self.ttl, self.max_entries, self._clock)

    def get(self, key: Key) -> bool | None:
        """The cached answer, or None (absent or expired)."""
        try:
            entry = self._entries.get(key)
        except TypeError:  # an unhashable argument: never cached; validation will reject it
            return None
        if entry is not None and entry[0] > self._clock():
            return entry[1]
        return None

    def generation(self, tenant_id: Hashable) -> tuple[int, int]:
        return self._epoch, self._tenant_epochs.get(tenant_id, 0)

    def put(self, key: Key, value: bool, generation: tuple[int, int]) -> None:
        """Store an answer, unless its tenant was invalidated while it was being fetched."""
        tenant_id = key[0]
        with self.lock:
            if self.generation(tenant_id) != generation:
                return
            self._entries.pop(key, None)
            while len(self._entries) >= self.max_entries:
                self._drop(next(iter(self._entries)))
            self._entries[key] = (self._clock() + self.ttl, value)
            self._by_tenant.setdefault(tenant_id, set()).add(key)

    def invalidate(self, tenant_id: Hashable | None = None) -> None:
        """Forget one tenant's answers, or everyone's."""
        with self.lock:
            if tenant_id is None:
                self._entries.clear()
                self._by_tenant.clear()
                self._epoch += 1
                return
            for key in self._by_tenant.pop(tenant_id, ()):
                self._entries.pop(key, None)
            self._tenant_epochs[tenant_id] = self._tenant_epochs.get(tenant_id, 0) + 1

    def _drop(self, key: Key) -> None:
        self._entries.pop(key, None)
        keys = self._by_tenant.get(key[0])
        if keys is not None:
            keys.discard(key)
            if not keys:
                del self._by_tenant[key[0]]

    def __len__(self) -> int:
        return len(self._entries)


class _Flight:
    """A fetch in progress that other threads wait for."""

    __slots__ = ("done", "error", "result")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: bool | None = None
        self.error: BaseException | None = None


def cached_sync(cache: EntitlementCache, key: Key, fetch: Callable[[], bool]) -> bool:
    """The cached answer, or fetch it once however many threads ask at the same time."""
    with cache.lock:
        hit = cache.get(key)
        if hit is not None:
            return hit
        flight = cache.flights.get(key)
        leader = flight is None
        if flight is None:
            flight = cache.flights[key] = _Flight()
        generation = cache.generation(key[0])
    if not leader:
        flight.done.wait()
        if flight.error is not None:
            raise flight.error
        assert flight.result is not None
        return flight.result
    try:
        flight.result = result = fetch()
    except BaseException as exc:
        flight.error = exc
        raise
    else:
        cache.put(key, result, generation)
        return result
    finally:
        with cache.lock:
            cache.flights.pop(key, None)
        flight.done.set()


async def cached_async(cache: EntitlementCache, key: Key, fetch: Callable[[], Awaitable[bool]]) -> bool:
    """The cached answer, or fetch it once however many tasks ask at the same time."""
    import asyncio

    while True:
        with cache.lock:
            hit = cache.get(key)
            if hit is not None:
                return hit
            flight: asyncio.Future[bool] | None = cache.flights.get(key)
            leader = flight is None
            if flight is None:
                flight = cache.flights[key] = asyncio.get_running_loop().create_future()
            generation = cache.generation(key[0])
        if leader:
            break
        try:
            # shield: one waiter being cancelled must not cancel the shared fetch.
            return await asyncio.shield(flight)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if flight.cancelled() and task is not None and not task.cancelling():
                continue  # the leader was cancelled, not us: ask again
            raise
    try:
        result = await fetch()
    except asyncio.CancelledError:
        flight.cancel()
        raise
    except BaseException as exc:
        flight.set_exception(exc)
        flight.exception()  # mark it retrieved: no "exception was never retrieved" without waiters
        raise
    else:
        flight.set_result(result)
        cache.put(key, result, generation)
        return result
    finally:
        with cache.lock:
            cache.flights.pop(key, None)
