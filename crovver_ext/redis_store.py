"""Entitlement cache stores on Redis: one cache for every process of a fleet (``pip install crovver[redis]``).

.. code-block:: python

    from crovver_ext import CrovverClient
    from crovver_ext.redis_store import RedisEntitlementStore

    store = RedisEntitlementStore.from_url("redis://cache:6379/0", near_cache_ttl=1.0)
    crovver = CrovverClient(entitlement_cache_ttl=300, entitlement_cache_store=store)

``AsyncRedisEntitlementStore`` is the same for ``AsyncCrovverClient`` (redis.asyncio).

How answers are kept (the logic both stores share lives in :class:`RedisLayout`):

* Keys live under ``crovver:{<namespace>}:``, where the namespace is a hash of the API key and
  base URL (never the key). The braces are a Redis Cluster hash tag: one namespace, one slot, so
  the scripts below may touch several keys.
* Each tenant has a generation key (and the namespace one for "everyone"). Invalidation bumps it
  with ``INCR`` and publishes the tenant on a channel. A missing generation key is created from the
  server clock in microseconds, so a key that expired or was evicted never comes back with a value
  an old answer was stored under.
* An answer is stored as ``1|<namespace generation>|<tenant generation>|<0 or 1>`` (versioned,
  tiny) by a Lua script that first checks both generations are still the ones read before the
  fetch: an answer fetched across an invalidation never lands. Redis sets the TTL (``PX``); the
  read script returns the answer only if it was stored under the current generations.
* Failure is never an outage: every Redis error, timeout or unreadable value reads as "not cached"
  and the client asks Crovver. Socket and connect timeouts are bounded (``from_url`` sets 0.25 s,
  no retries). After a failure a circuit breaker skips Redis for ``cooldown`` seconds, then tries
  again; each transition (down, back) logs one warning on the ``crovver`` logger, naming only the
  error's type. An invalidation that could not reach Redis is made up for when Redis is back: the
  whole namespace is invalidated then.
* Optional near-cache (``near_cache_ttl=``): a small copy of answers in this process's memory,
  kept coherent by the invalidation channel (a background thread subscribes). It is used only
  while the subscription is live, and is emptied whenever it (re)connects; an entry lives at most
  ``near_cache_ttl`` seconds, and never past its Redis TTL.

Single flight stays per process (the client's). Stores are yours: create one per process (after a
fork) and ``close()`` it when done; clients never close a store passed to them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Hashable
from typing import Any, Self

import redis
import redis.asyncio
from redis.backoff import NoBackoff
from redis.retry import Retry

from crovver_ext._cache import Key, MemoryStore

__all__ = ["AsyncRedisEntitlementStore", "CircuitBreaker", "RedisEntitlementStore", "RedisLayout"]

logger = logging.getLogger("crovver")

DEFAULT_SOCKET_TIMEOUT = 0.25
DEFAULT_COOLDOWN = 5.0
DEFAULT_PREFIX = "crovver"
FORMAT = "1"  # the first field of every stored answer; bump it when the encoding changes
NEAR_CACHE_SIZE = 10_000
# A generation key outlives every answer stored under it by at least this much (milliseconds).
GENERATION_MARGIN_MS = 60_000
# A new generation key no answer was stored under yet: kept long enough for a slow fetch.
GENERATION_TTL_MS = str(GENERATION_MARGIN_MS)

# Errors that mean "Redis cannot answer now". Unreadable values are not errors: they are misses.
REDIS_ERRORS: tuple[type[BaseException], ...] = (redis.RedisError, OSError)

_GENERATION_LUA = """
local function generation(key)
  local value = redis.pcall('GET', key)
  if type(value) ~= 'string' then  -- missing, or not a string key
    local now = redis.call('TIME')
    value = now[1] .. string.format('%06d', now[2])
    redis.call('SET', key, value, 'PX', ARGV[1])
  end
  return value
end
return {generation(KEYS[1]), generation(KEYS[2])}
"""

_GET_LUA = """
local function text(key)
  local value = redis.pcall('GET', key)
  if type(value) == 'string' then return value end
  return nil
end
local value = text(KEYS[1])
local all, tenant = text(KEYS[2]), text(KEYS[3])
if not (value and all and tenant) then return false end
local prefix = ARGV[1] .. '|' .. all .. '|' .. tenant .. '|'
if string.sub(value, 1, #prefix) ~= prefix then return false end
return {string.sub(value, #prefix + 1), redis.call('PTTL', KEYS[1])}
"""

_SET_LUA = """
if redis.pcall('GET', KEYS[2]) ~= ARGV[2] or redis.pcall('GET', KEYS[3]) ~= ARGV[3] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2] .. '|' .. ARGV[3] .. '|' .. ARGV[4], 'PX', ARGV[5])
local keep = tonumber(ARGV[5]) + tonumber(ARGV[6])
for i = 2, 3 do
  local left = redis.call('PTTL', KEYS[i])
  if left >= 0 and left < keep then redis.call('PEXPIRE', KEYS[i], keep) end
end
return 1
"""

_INVALIDATE_LUA = """
local value = redis.pcall('GET', KEYS[1])
if type(value) == 'string' and string.match(value, '^%d+$') and #value < 18 then
  redis.call('INCR', KEYS[1])
elseif value then
  redis.call('DEL', KEYS[1])  -- unreadable: the next fetch starts a fresh generation
end
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1
"""


class CircuitBreaker:
    """After a failure, skip Redis for ``cooldown`` seconds; then let calls try again.

    One warning when Redis is given up on, one when it answers again; nothing in between.
    """

    def __init__(
        self, cooldown: float = DEFAULT_COOLDOWN, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if isinstance(cooldown, bool) or not isinstance(cooldown, (int, float)) or not 0 <= cooldown < 1e9:
            raise ValueError(f"cooldown must be a non-negative number of seconds, got {cooldown!r}")
        self.cooldown = float(cooldown)
        self._clock = clock
        self._retry_at: float | None = None  # None: closed (Redis in use)
        self._lock = threading.Lock()

    @property
    def open(self) -> bool:
        return self._retry_at is not None

    def allow(self) -> bool:
        retry_at = self._retry_at
        return retry_at is None or self._clock() >= retry_at

    def succeeded(self) -> bool:
        """Record an answer from Redis; True if that ends an outage."""
        retry_at = self._retry_at
        if retry_at is None:
            return False
        with self._lock:
            if self._retry_at is None:  # another thread saw it first
                return False
            self._retry_at = None
        logger.warning("Redis answers again: the entitlement cache uses it again")
        return True

    def failed(self, error: BaseException) -> None:
        with self._lock:
            was_closed = self._retry_at is None
            self._retry_at = self._clock() + self.cooldown
        if was_closed:
            logger.warning(
                "Redis failed (%s): can_access asks Crovver directly; retrying Redis every %g s",
                type(error).__name__,
                self.cooldown,
            )


def _text(value: object) -> str | None:
    """A reply as text (clients may decode replies or not); None for anything else."""
    if isinstance(value, bytes):
        return value.decode("ascii", "replace")
    return value if isinstance(value, str) else None


def _part(value: object) -> bool:
    return value is None or type(value) is str


class RedisLayout:
    """Key names, encodings and scripts: the pure logic the sync and async stores share."""

    def __init__(self, prefix: str, namespace: str) -> None:
        self.prefix = prefix
        self.namespace = namespace
        self.base = f"{prefix}:{{{namespace}}}:"
        self.all_generation = self.base + "g"
        self.channel = f"{prefix}:invalidations"

    @staticmethod
    def _json(value: object) -> str:
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))

    def answer_key(self, key: Key) -> str | None:
        """The Redis key of an answer; None when the question cannot be cached (not strings)."""
        if len(key) != 3 or not all(_part(p) for p in key) or key[0] is None:
            return None
        return self.base + "a:" + self._json(list(key))

    def generation_key(self, tenant_id: Hashable) -> str | None:
        return None if type(tenant_id) is not str else self.base + "t:" + self._json(tenant_id)

    def keys(self, key: Key) -> list[str] | None:
        answer, tenant = self.answer_key(key), self.generation_key(key[0] if key else None)
        return None if answer is None or tenant is None else [answer, self.all_generation, tenant]

    def message(self, tenant_id: Hashable | None) -> str:
        return self._json([self.namespace, tenant_id])

    @staticmethod
    def read_message(data: object) -> tuple[str, str | None] | None:
        """(namespace, tenant or None for everyone) from an invalidation message; None if unreadable."""
        try:
            namespace, tenant = json.loads(data)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        if type(namespace) is not str or not _part(tenant):
            return None
        return namespace, tenant

    @staticmethod
    def read_generation(reply: object) -> tuple[str, str] | None:
        if isinstance(reply, list) and len(reply) == 2:
            everyone, tenant = _text(reply[0]), _text(reply[1])
            if everyone and tenant:
                return everyone, tenant
        return None

    @staticmethod
    def read_answer(reply: object) -> tuple[bool, float] | None:
        """(answer, seconds left) from the read script; None for a miss or anything unreadable."""
        if not isinstance(reply, list) or len(reply) != 2:
            return None
        value, left_ms = _text(reply[0]), reply[1]
        if value not in ("0", "1") or type(left_ms) is not int or left_ms <= 0:
            return None
        return value == "1", left_ms / 1000

    @staticmethod
    def set_args(value: bool, ttl: float, generation: tuple[str, str]) -> list[str]:
        ttl_ms = max(1, round(ttl * 1000))
        return [
            FORMAT,
            generation[0],
            generation[1],
            "1" if value else "0",
            str(ttl_ms),
            str(GENERATION_MARGIN_MS),
        ]


def _check_timeouts(connection_kwargs: dict[str, Any]) -> None:
    if connection_kwargs.get("socket_timeout") is None:
        raise ValueError(
            "the Redis client needs a socket_timeout (seconds): an unbounded Redis call would stall "
            "can_access; use from_url() or pass socket_timeout= and socket_connect_timeout="
        )


_NEAR_CACHES: weakref.WeakSet[_NearCache] = weakref.WeakSet()


def _after_fork() -> None:
    # The listener thread does not survive a fork: a child must not trust memory it cannot keep
    # coherent. It subscribes again on its next miss.
    for near in list(_NEAR_CACHES):
        near.live = False
        near.memory.invalidate(None)
        near._thread = None
        near._start_lock = threading.Lock()  # another thread may have held it at the fork


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class _NearCache:
    """This process's copy of answers read from Redis, dropped by invalidation messages.

    Its tenants are ``(namespace, tenant_id)`` pairs, so one listener serves every namespace.
    """

    def __init__(self, ttl: float, subscriber: redis.Redis, channel: str, clock: Callable[[], float]) -> None:
        if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not 0 < ttl < 1e9:
            raise ValueError(f"near_cache_ttl must be a positive number of seconds, got {ttl!r}")
        self.ttl = float(ttl)
        self.memory = MemoryStore(NEAR_CACHE_SIZE, clock)
        self.live = False  # subscribed: only then may answers come from here
        self._subscriber = subscriber
        self._channel = channel
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        _NEAR_CACHES.add(self)

    def start(self) -> None:
        if self._thread is None:
            with self._start_lock:
                if self._thread is None and not self._closed.is_set():
                    self._thread = threading.Thread(
                        target=self._listen, name="crovver-cache-invalidations", daemon=True
                    )
                    self._thread.start()

    def drop(self, namespace: str, tenant_id: Hashable | None) -> None:
        self.memory.invalidate(None if tenant_id is None else (namespace, tenant_id))

    def _listen(self) -> None:
        while not self._closed.is_set():
            pubsub = self._subscriber.pubsub()  # type: ignore[no-untyped-call]
            try:
                pubsub.subscribe(self._channel)
                while not self._closed.is_set():
                    message = pubsub.get_message(timeout=0.2)
                    if message is None:
                        continue
                    if message["type"] == "subscribe":
                        # Messages may have been missed while unsubscribed: start empty.
                        self.memory.invalidate(None)
                        self.live = True
                    elif message["type"] == "message":
                        parsed = RedisLayout.read_message(message["data"])
                        if parsed is None:
                            self.memory.invalidate(None)
                        else:
                            self.drop(*parsed)
            except REDIS_ERRORS:
                pass
            finally:
                self.live = False
                self.memory.invalidate(None)
                with contextlib.suppress(*REDIS_ERRORS):
                    pubsub.close()
            self._closed.wait(0.2)  # then subscribe again

    def close(self) -> None:
        self._closed.set()
        self.live = False
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)


class _Shared:
    """What every namespace view of one store shares: the connection, breaker and near-cache."""

    def __init__(self, client: Any, prefix: str, breaker: CircuitBreaker, near: _NearCache | None) -> None:
        self.client = client
        self.prefix = prefix
        self.breaker = breaker
        self.near = near
        self.generation = client.register_script(_GENERATION_LUA)
        self.get = client.register_script(_GET_LUA)
        self.set = client.register_script(_SET_LUA)
        self.invalidate = client.register_script(_INVALIDATE_LUA)
        # Namespaces where an invalidation failed while Redis was down: redone as "everyone" once
        # Redis answers, since other processes may hold answers it should have dropped.
        self.lost: dict[str, RedisLayout] = {}
        self.loop: asyncio.AbstractEventLoop | None = None  # an async client's connections live in one loop
        self.warned_about_loop = False


class _StoreBase:
    """The parts of a Redis store that do no I/O."""

    _shared: _Shared

    def __init__(self, shared: _Shared, namespace: str) -> None:
        self._shared = shared
        self._layout = RedisLayout(shared.prefix, namespace)
        if shared.near is not None:
            shared.near.start()

    def namespaced(self, namespace: str) -> Self:
        return type(self)._view(self._shared, namespace)

    @classmethod
    def _view(cls, shared: _Shared, namespace: str) -> Self:
        view = cls.__new__(cls)
        _StoreBase.__init__(view, shared, namespace)
        return view

    @property
    def breaker(self) -> CircuitBreaker:
        return self._shared.breaker

    def _near_key(self, key: Key) -> Key:
        return ((self._layout.namespace, key[0]), *key[1:])

    def _near_generation(self) -> int | None:
        near = self._shared.near
        if near is None:
            return None
        near.start()  # a no-op unless the listener is gone (after a fork)
        return near.memory.generation(None) if near.live else None

    def _near_put(self, key: Key, value: bool, ttl: float, generation: int | None) -> None:
        near = self._shared.near
        if near is not None and generation is not None and near.live:
            near.memory.set(self._near_key(key), value, min(ttl, near.ttl), generation)

    # Each store method is "plan" (no I/O), one script call, then "land" (no I/O); the sync and
    # async stores differ only in how they make that call.

    def _plan_get(self, key: Key) -> tuple[bool | None, list[str] | None, int | None]:
        """(an answer from the near-cache, or the keys to ask Redis with, and the near generation)."""
        near = self._shared.near
        if near is not None and near.live:
            hit = near.memory.get(self._near_key(key))
            if hit is not None:
                return hit, None, None
        keys = self._layout.keys(key)
        return None, keys, None if keys is None else self._near_generation()

    def _land_get(self, key: Key, reply: object, near_generation: int | None) -> bool | None:
        answer = RedisLayout.read_answer(reply)
        if answer is None:
            return None
        self._near_put(key, answer[0], answer[1], near_generation)
        return answer[0]

    def _plan_generation(self, tenant_id: Hashable) -> list[str] | None:
        tenant_key = self._layout.generation_key(tenant_id)
        return None if tenant_key is None else [self._layout.all_generation, tenant_key]

    def _land_generation(self, reply: object) -> Hashable:
        return RedisLayout.read_generation(reply), self._near_generation()

    def _plan_set(
        self, key: Key, value: bool, ttl: float, generation: Hashable
    ) -> tuple[list[str], list[str]] | None:
        keys = self._layout.keys(key)
        if keys is None or not isinstance(generation, tuple) or len(generation) != 2 or generation[0] is None:
            return None
        return keys, RedisLayout.set_args(value, ttl, generation[0])

    def _land_set(self, key: Key, value: bool, ttl: float, generation: Hashable, reply: object) -> bool:
        stored = reply == 1
        if stored:
            assert isinstance(generation, tuple)
            self._near_put(key, value, ttl, generation[1])
        return stored

    def _plan_invalidate(self, tenant_id: Hashable | None) -> tuple[list[str], list[str]] | None:
        near = self._shared.near
        if near is not None:  # this process's memory at once; the others' by the message
            near.drop(self._layout.namespace, tenant_id)
        key = self._layout.all_generation if tenant_id is None else self._layout.generation_key(tenant_id)
        return None if key is None else ([key], [self._layout.channel, self._layout.message(tenant_id)])

    def _land_invalidate(self, reply: object) -> None:
        if reply is None:  # Redis did not get it: drop this namespace's answers once it is back
            self._shared.lost[self._layout.namespace] = self._layout

    def _lost_invalidations(self) -> list[tuple[str, list[str], list[str]]]:
        return [
            (namespace, [layout.all_generation], [layout.channel, layout.message(None)])
            for namespace, layout in list(self._shared.lost.items())
        ]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(namespace={self._layout.namespace!r})"


def _client_kwargs(socket_timeout: float, connect_timeout: float) -> dict[str, Any]:
    for name, value in (("socket_timeout", socket_timeout), ("connect_timeout", connect_timeout)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 60:
            raise ValueError(f"{name} must be a number of seconds in (0, 60], got {value!r}")
    return {"socket_timeout": socket_timeout, "socket_connect_timeout": connect_timeout}


class RedisEntitlementStore(_StoreBase):
    """The entitlement cache on Redis, for ``CrovverClient`` (redis-py, blocking)."""

    def __init__(
        self,
        client: redis.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        cooldown: float = DEFAULT_COOLDOWN,
        near_cache_ttl: float | None = None,
        _clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(client, redis.Redis):
            raise TypeError(f"client must be a redis.Redis, not {type(client).__name__}")
        _check_timeouts(client.connection_pool.connection_kwargs)
        near = (
            None
            if near_cache_ttl is None
            else _NearCache(near_cache_ttl, client, f"{prefix}:invalidations", _clock)
        )
        super().__init__(_Shared(client, prefix, CircuitBreaker(cooldown, _clock), near), "")

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        connect_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        **options: Any,
    ) -> RedisEntitlementStore:
        """A store on a new redis-py client with bounded timeouts and no retries (the breaker
        decides when to try again). ``options`` go to the store (``prefix``, ``cooldown``,
        ``near_cache_ttl``)."""
        client = redis.Redis.from_url(
            url, retry=Retry(NoBackoff(), 0), **_client_kwargs(socket_timeout, connect_timeout)
        )
        return cls(client, **options)

    def _call(self, script: Any, keys: list[str], args: list[str]) -> Any:
        """The script's reply, or None if Redis failed (or the breaker says not to try)."""
        shared = self._shared
        if not shared.breaker.allow():
            return None
        try:
            for namespace, lost_keys, lost_args in self._lost_invalidations():
                shared.invalidate(lost_keys, lost_args)
                shared.lost.pop(namespace, None)
            reply = script(keys, args)
        except REDIS_ERRORS as error:
            shared.breaker.failed(error)
            return None
        shared.breaker.succeeded()
        return reply

    def get(self, key: Key) -> bool | None:
        hit, keys, near_generation = self._plan_get(key)
        if keys is None:
            return hit
        return self._land_get(key, self._call(self._shared.get, keys, [FORMAT]), near_generation)

    def generation(self, tenant_id: Hashable) -> Hashable:
        keys = self._plan_generation(tenant_id)
        if keys is None:
            return None
        return self._land_generation(self._call(self._shared.generation, keys, [GENERATION_TTL_MS]))

    def set(self, key: Key, value: bool, ttl: float, generation: Hashable) -> bool:
        plan = self._plan_set(key, value, ttl, generation)
        if plan is None:
            return False
        return self._land_set(key, value, ttl, generation, self._call(self._shared.set, *plan))

    def invalidate(self, tenant_id: Hashable | None = None) -> None:
        plan = self._plan_invalidate(tenant_id)
        if plan is not None:
            self._land_invalidate(self._call(self._shared.invalidate, *plan))

    def close(self) -> None:
        """Stop the near-cache's listener and close the Redis connections."""
        if self._shared.near is not None:
            self._shared.near.close()
        self._shared.client.close()


class AsyncRedisEntitlementStore(_StoreBase):
    """The entitlement cache on Redis, for ``AsyncCrovverClient`` (redis.asyncio).

    Its near-cache listener is a thread on a blocking connection (``subscriber``, which
    ``from_url`` makes), so it serves every event loop alike.
    """

    def __init__(
        self,
        client: redis.asyncio.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        cooldown: float = DEFAULT_COOLDOWN,
        near_cache_ttl: float | None = None,
        subscriber: redis.Redis | None = None,
        _clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(client, redis.asyncio.Redis):
            raise TypeError(f"client must be a redis.asyncio.Redis, not {type(client).__name__}")
        _check_timeouts(client.connection_pool.connection_kwargs)
        if near_cache_ttl is not None and not isinstance(subscriber, redis.Redis):
            raise TypeError("near_cache_ttl needs subscriber= (a redis.Redis for the invalidation channel)")
        near = (
            None
            if near_cache_ttl is None or subscriber is None
            else _NearCache(near_cache_ttl, subscriber, f"{prefix}:invalidations", _clock)
        )
        super().__init__(_Shared(client, prefix, CircuitBreaker(cooldown, _clock), near), "")
        self._subscriber = subscriber

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        connect_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        **options: Any,
    ) -> AsyncRedisEntitlementStore:
        """As ``RedisEntitlementStore.from_url``, on redis.asyncio."""
        from redis.asyncio.retry import Retry as AsyncRetry

        kwargs = _client_kwargs(socket_timeout, connect_timeout)
        client = redis.asyncio.Redis.from_url(url, retry=AsyncRetry(NoBackoff(), 0), **kwargs)
        if options.get("near_cache_ttl") is not None:
            options.setdefault("subscriber", redis.Redis.from_url(url, retry=Retry(NoBackoff(), 0), **kwargs))
        return cls(client, **options)

    async def _call(self, script: Any, keys: list[str], args: list[str]) -> Any:
        """The script's reply, or None if Redis failed (or the breaker says not to try)."""
        shared = self._shared
        if not shared.breaker.allow() or not self._in_its_loop():
            return None
        try:
            for namespace, lost_keys, lost_args in self._lost_invalidations():
                await shared.invalidate(lost_keys, lost_args)
                shared.lost.pop(namespace, None)
            reply = await script(keys, args)
        except REDIS_ERRORS as error:
            shared.breaker.failed(error)
            return None
        shared.breaker.succeeded()
        return reply

    async def get(self, key: Key) -> bool | None:
        hit, keys, near_generation = self._plan_get(key)
        if keys is None:
            return hit
        return self._land_get(key, await self._call(self._shared.get, keys, [FORMAT]), near_generation)

    async def generation(self, tenant_id: Hashable) -> Hashable:
        keys = self._plan_generation(tenant_id)
        if keys is None:
            return None
        return self._land_generation(await self._call(self._shared.generation, keys, [GENERATION_TTL_MS]))

    async def set(self, key: Key, value: bool, ttl: float, generation: Hashable) -> bool:
        plan = self._plan_set(key, value, ttl, generation)
        if plan is None:
            return False
        return self._land_set(key, value, ttl, generation, await self._call(self._shared.set, *plan))

    async def invalidate(self, tenant_id: Hashable | None = None) -> None:
        plan = self._plan_invalidate(tenant_id)
        if plan is not None:
            self._land_invalidate(await self._call(self._shared.invalidate, *plan))

    def _in_its_loop(self) -> bool:
        """Whether this is the event loop the store's connections belong to (the first it ran in)."""
        shared, loop = self._shared, asyncio.get_running_loop()
        if shared.loop is None:
            shared.loop = loop
        if shared.loop is loop:
            return True
        if not shared.warned_about_loop:
            shared.warned_about_loop = True
            logger.warning(
                "an AsyncRedisEntitlementStore serves one event loop (the first it ran in); in this "
                "one can_access asks Crovver directly: create a store per loop (per asyncio.run)"
            )
        return False

    async def aclose(self) -> None:
        """Stop the near-cache's listener and close the Redis connections."""
        if self._shared.near is not None:
            self._shared.near.close()
        if self._subscriber is not None:
            self._subscriber.close()
        await self._shared.client.aclose()
