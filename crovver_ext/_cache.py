"""The opt-in entitlement cache behind ``can_access`` (``entitlement_cache_ttl=``).

Answers repeat checks for ``ttl`` seconds. The trade-off is staleness: a change made elsewhere (a
plan change in the dashboard, a cancellation by another service, a renewal that failed) is seen
only after the entry expires, unless a webhook handler passes the event to ``apply_event``.
Changes made through the same client (consume, purchase, checkout, cancel) drop that tenant's
entries at once, and ``invalidate()`` drops them on demand. Checks that carry ``amount`` are never
cached: they depend on a balance.

Where answers live is a *store*: :class:`MemoryStore` (in-process, the default) or any object
with the :class:`EntitlementStore` / :class:`AsyncEntitlementStore` methods, such as the Redis
stores in ``crovver_ext.redis_store``. Every store keeps one rule: each tenant has a generation
that invalidation bumps, a fetch reads it before asking Crovver, and ``set`` stores the answer
only if the generation is still the one read, so an answer fetched across an invalidation is never
stored.

Single flight is per process, in :class:`EntitlementCache`: concurrent misses for the same key
make one request (threads and tasks alike). Reads of the memory store take no lock: a dict lookup
of an immutable entry is atomic.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Protocol

Key = tuple[Any, ...]  # (tenant_id, feature_key, product_slug)


class EntitlementStore(Protocol):
    """Where a blocking client's cache keeps answers. Implementations never raise on a store
    failure: they answer "not cached" (``get`` -> None, ``set`` -> False) and the client asks
    Crovver."""

    def get(self, key: Key) -> bool | None:
        """The stored answer, or None (absent, expired, stored under an older generation)."""

    def generation(self, tenant_id: Hashable) -> Hashable:
        """An opaque token for the tenant's current generation; read it before fetching."""

    def set(self, key: Key, value: bool, ttl: float, generation: Hashable) -> bool:
        """Store for ``ttl`` seconds, only if the tenant's generation is still ``generation``."""

    def invalidate(self, tenant_id: Hashable | None = None) -> None:
        """Bump one tenant's generation (or everyone's): their stored answers are gone."""

    def namespaced(self, namespace: str) -> EntitlementStore:
        """A view whose keys are apart from every other namespace's (one per API key and URL)."""


class AsyncEntitlementStore(Protocol):
    """The same as :class:`EntitlementStore`, for ``AsyncCrovverClient``: every method is awaited."""

    async def get(self, key: Key) -> bool | None:
        """The stored answer, or None (absent, expired, stored under an older generation)."""

    async def generation(self, tenant_id: Hashable) -> Hashable:
        """An opaque token for the tenant's current generation; read it before fetching."""

    async def set(self, key: Key, value: bool, ttl: float, generation: Hashable) -> bool:
        """Store for ``ttl`` seconds, only if the tenant's generation is still ``generation``."""

    async def invalidate(self, tenant_id: Hashable | None = None) -> None:
        """Bump one tenant's generation (or everyone's): their stored answers are gone."""

    def namespaced(self, namespace: str) -> AsyncEntitlementStore:
        """A view whose keys are apart from every other namespace's (one per API key and URL)."""


def check_ttl(ttl: object) -> float:
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not 0 < ttl < float("inf"):
        raise ValueError(f"entitlement_cache_ttl must be a positive number of seconds, got {ttl!r}")
    return float(ttl)


def check_size(max_entries: object) -> int:
    if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1:
        raise ValueError(f"entitlement_cache_size must be a positive int, got {max_entries!r}")
    return max_entries


def namespace(api_key: str, base_url: str) -> str:
    """The name a shared store files one organization's answers under: a hash, never the key."""
    if type(api_key) is not str:  # e.g. a redacting wrapper: its str() would give every key one name
        raise TypeError("namespace() needs the API key itself, as a str")
    digest = hashlib.sha256(f"crovver-entitlements\n{base_url}\n{api_key}".encode()).hexdigest()
    return digest[:24]


class MemoryStore:
    """Answers in this process's memory: a TTL map bounded by ``max_entries``.

    Generations: a counter ``_tick`` advances on every invalidation, and ``_invalidated`` keeps the
    tick of each tenant's latest invalidation. A fetch's token is the tick it started at; its
    answer is stored only if its tenant was not invalidated after that. ``_invalidated`` is bounded
    by ``max_entries`` too: a tenant dropped from it counts as invalidated at ``_floor`` (the
    newest tick dropped), which can only refuse an answer, never keep a stale one.
    """

    def __init__(self, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_entries: int = check_size(max_entries)
        self._clock = clock
        self._entries: dict[Key, tuple[float, bool]] = {}  # insertion-ordered: oldest first
        self._by_tenant: dict[Hashable, set[Key]] = {}
        self._tick = 0
        self._floor = 0
        self._invalidated: dict[Hashable, int] = {}  # insertion-ordered: oldest invalidation first
        self._lock = threading.Lock()

    def get(self, key: Key) -> bool | None:
        """The cached answer, or None (absent, expired, or an unhashable question)."""
        try:
            entry = self._entries.get(key)
        except TypeError:  # an unhashable argument: never cached; validation will reject it
            return None
        if entry is not None and entry[0] > self._clock():
            return entry[1]
        return None

    def generation(self, tenant_id: Hashable) -> int:
        """The current tick: an answer fetched after reading it may be stored under it."""
        return self._tick

    def set(self, key: Key, value: bool, ttl: float, generation: Hashable) -> bool:
        """Store for ``ttl`` seconds unless the tenant was invalidated since ``generation``."""
        tenant_id = key[0]
        with self._lock:
            if not isinstance(generation, int) or self._invalidated.get(tenant_id, self._floor) > generation:
                return False
            self._entries.pop(key, None)
            while len(self._entries) >= self.max_entries:
                self._drop(next(iter(self._entries)))
            self._entries[key] = (self._clock() + ttl, value)
            self._by_tenant.setdefault(tenant_id, set()).add(key)
            return True

    def invalidate(self, tenant_id: Hashable | None = None) -> None:
        """Drop one tenant's answers (or everyone's), and refuse answers fetched before now."""
        with self._lock:
            self._tick += 1
            if tenant_id is None:
                self._entries.clear()
                self._by_tenant.clear()
                self._invalidated.clear()
                self._floor = self._tick
                return
            for key in self._by_tenant.pop(tenant_id, ()):
                self._entries.pop(key, None)
            self._invalidated.pop(tenant_id, None)  # re-inserted last: the newest
            self._invalidated[tenant_id] = self._tick
            while len(self._invalidated) > self.max_entries:
                oldest = next(iter(self._invalidated))
                self._floor = max(self._floor, self._invalidated.pop(oldest))

    def namespaced(self, namespace: str) -> MemoryStore:
        """A new, empty store with the same bound and clock (memory is never shared)."""
        return MemoryStore(self.max_entries, self._clock)

    def _drop(self, key: Key) -> None:
        self._entries.pop(key, None)
        keys = self._by_tenant.get(key[0])
        if keys is not None:
            keys.discard(key)
            if not keys:
                del self._by_tenant[key[0]]

    def bookkeeping(self) -> int:
        """How many per-tenant records the store holds (bounded: the tests check it)."""
        return len(self._by_tenant) + len(self._invalidated)

    def __len__(self) -> int:
        return len(self._entries)


class EntitlementCache:
    """One client's cache: the TTL, the store, and this process's fetches in flight."""

    def __init__(
        self,
        ttl: float,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
        store: EntitlementStore | AsyncEntitlementStore | None = None,
        namespace: str = "",
    ) -> None:
        self.ttl = check_ttl(ttl)
        self.max_entries: int = check_size(max_entries)
        self._clock = clock
        self._shared = store  # the store as passed; each namespace gets its own view of it
        self._namespace = namespace
        view: Any = MemoryStore(max_entries, clock) if store is None else store.namespaced(namespace)
        self.store = view
        # Whether the store's methods are plain calls (memory, or a blocking store in a blocking
        # client) rather than coroutines.
        self.blocking = not _is_async_store(self.store)
        # The blocking read (only meaningful when ``blocking``); bound once, it is the hot path.
        self.get: Callable[[Key], bool | None] = view.get
        self.lock = threading.Lock()
        self.flights: dict[Key, Any] = {}  # key -> the in-flight fetch others wait for

    def with_clock(self, clock: Callable[[], float]) -> EntitlementCache:
        """The same cache (empty, for tests) read against another clock."""
        return EntitlementCache(self.ttl, self.max_entries, clock, self._shared, self._namespace)

    def for_namespace(self, namespace: str) -> EntitlementCache:
        """A cache with the same settings whose answers are apart from this one's."""
        return EntitlementCache(self.ttl, self.max_entries, self._clock, self._shared, namespace)

    def _forget_flights(self, tenant_id: Hashable | None) -> None:
        # Later askers start a fresh fetch instead of joining one that began before the change.
        with self.lock:
            for key in [k for k in self.flights if tenant_id is None or k[0] == tenant_id]:
                del self.flights[key]

    def invalidate(self, tenant_id: Hashable | None = None) -> None:
        self.store.invalidate(tenant_id)
        self._forget_flights(tenant_id)

    async def ainvalidate(self, tenant_id: Hashable | None = None) -> None:
        if self.blocking:
            self.store.invalidate(tenant_id)
        else:
            await self.store.invalidate(tenant_id)
        self._forget_flights(tenant_id)

    def __len__(self) -> int:
        """How many answers the memory store holds (shared stores do not count theirs)."""
        return len(self.store)


def _is_async_store(store: object) -> bool:
    import inspect

    return inspect.iscoroutinefunction(getattr(store, "get", None))


class _Flight:
    """A fetch in progress that other threads wait for."""

    __slots__ = ("done", "error", "result")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: bool | None = None
        self.error: BaseException | None = None


def _land(cache: EntitlementCache, key: Key, flight: object) -> None:
    """The flight is over: stop offering it (unless an invalidation already replaced it)."""
    with cache.lock:
        if cache.flights.get(key) is flight:
            del cache.flights[key]


def cached_sync(cache: EntitlementCache, key: Key, fetch: Callable[[], bool]) -> bool:
    """The stored answer, or fetch it once however many threads ask at the same time."""
    store = cache.store
    with cache.lock:
        flight = cache.flights.get(key)
        leader = flight is None
        if flight is None:
            flight = cache.flights[key] = _Flight()
    if not leader:
        flight.done.wait()
        if flight.error is not None:
            raise flight.error
        assert flight.result is not None
        return flight.result
    try:
        generation = store.generation(key[0])  # before the fetch: see the module docstring
        hit: bool | None = store.get(key)  # a leader that just landed may have stored it
        if hit is not None:
            flight.result = hit
            return hit
        flight.result = result = fetch()
    except BaseException as exc:
        flight.error = exc
        raise
    else:
        store.set(key, result, cache.ttl, generation)
        return result
    finally:
        _land(cache, key, flight)
        flight.done.set()


async def cached_async(cache: EntitlementCache, key: Key, fetch: Callable[[], Awaitable[bool]]) -> bool:
    """The stored answer, or fetch it once however many tasks ask at the same time."""
    import asyncio

    store = cache.store
    while True:
        with cache.lock:
            flight: asyncio.Future[bool] | None = cache.flights.get(key)
            leader = flight is None
            if flight is None:
                flight = cache.flights[key] = asyncio.get_running_loop().create_future()
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
        if cache.blocking:
            generation = store.generation(key[0])
            hit = store.get(key)
        else:
            generation = await store.generation(key[0])
            hit = await store.get(key)
        result = hit if hit is not None else await fetch()
    except asyncio.CancelledError:
        flight.cancel()
        raise
    except BaseException as exc:
        flight.set_exception(exc)
        flight.exception()  # mark it retrieved: no "exception was never retrieved" without waiters
        raise
    else:
        flight.set_result(result)
        if hit is None:
            if cache.blocking:
                store.set(key, result, cache.ttl, generation)
            else:
                await store.set(key, result, cache.ttl, generation)
        return result
    finally:
        _land(cache, key, flight)
