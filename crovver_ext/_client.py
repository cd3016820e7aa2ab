"""``CrovverClient`` and ``AsyncCrovverClient``: configuration, the connection pool, every call.

Both clients share ``_BaseClient`` (configuration, headers, request building) and the adapter
(validation, request and response mapping) and the policy (the attempt loop); each public method
is one line that hands an adapter ``Call`` to ``_run``. Only ``_run`` differs: blocking or awaited.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, Unpack, cast

import httpx

from crovver_ext import _deprecation
from crovver_ext import _validation as check
from crovver_ext._cache import (
    AsyncEntitlementStore,
    EntitlementCache,
    EntitlementStore,
    cached_async,
    cached_sync,
    namespace,
)
from crovver_ext._errors import ClientStateError, Secret
from crovver_ext._lazy import LazyModule
from crovver_ext._namespaces import (
    Addons,
    AsyncAddons,
    AsyncCapacity,
    AsyncCredits,
    AsyncRawAddons,
    AsyncRawCapacity,
    AsyncRawCredits,
    Capacity,
    Credits,
    RawAddons,
    RawCapacity,
    RawCredits,
)
from crovver_ext._options import (
    NoRetryOptions,
    RawResponse,
    RequestOptions,
    async_raw_method,
    check_options,
    extra_headers,
    raw_method,
)
from crovver_ext._policy import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    Call,
    EventSink,
    Settings,
    attempts,
    logger,
    run_async,
    run_sync,
)
from crovver_ext._transport import (
    AsyncPool,
    async_send_with_deadline,
    enforce_deadlines,
    sync_send_with_deadline,
)
from crovver_ext._version import __version__

if TYPE_CHECKING:
    from crovver_ext import _adapter as adapter
    from crovver_ext import _models as m
    from crovver_ext import webhooks
else:
    # The adapter brings attrs, the models and (on first call) the generated client: load it on
    # the first call, so `import crovver_ext` costs little more than `import httpx`. The models
    # load the same way, also when `typing.get_type_hints` resolves an annotation.
    adapter = LazyModule("crovver_ext._adapter", globals(), "adapter")
    m = LazyModule("crovver_ext._models", globals(), "m")
    webhooks = LazyModule("crovver_ext.webhooks", globals(), "webhooks")

T = TypeVar("T")

# The default of `max_connections` for the async client: its requests in flight (the rest queue on
# its gate) and connections kept. Measured on 2 cores, 50 in flight against 10 ms of server latency
# (make bench, the fan-out row): 10 keeps the client's CPU per request low (httpcore's own pool,
# used behind a proxy, spends ~9 ms per request with 32 connections, ~2.2 ms with 8) while the
# fan-out stays ~7-8x faster than sequential. The blocking client keeps httpx's default (100).
ASYNC_MAX_CONNECTIONS = 10

DEFAULT_BASE_URL = "https://app.crovver.com"
API_KEY_ENV = "CROVVER_SECRET_KEY"
BASE_URL_ENV = "CROVVER_BASE_URL"
LOG_ENV = "CROVVER_LOG"


class _NotGiven:
    """Marks an option left out, as opposed to one passed as None (``timeout=None``: no timeout)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __bool__(self) -> bool:
        return False


NOT_GIVEN: Any = _NotGiven()


def user_agent() -> str:
    python = ".".join(str(n) for n in sys.version_info[:3])
    return f"crovver-python/{__version__} python/{python} httpx/{httpx.__version__}"


def _wrap_key(api_key: object) -> Secret | None:
    """The ``api_key`` argument, wrapped at once: from here on no frame holds the raw string.

    (An error tracker records the locals of every frame an error passes through.)
    """
    if api_key is None or api_key is NOT_GIVEN or isinstance(api_key, Secret):
        return api_key  # NOT_GIVEN passes through for with_options; a Secret is already wrapped
    return Secret(api_key)  # type: ignore[arg-type]  # its type is checked by _resolve_api_key


def _resolve_api_key(given: Secret | None) -> Secret:
    # The key is only ever inside a Secret here (never a local of its own), also when this raises.
    if given is None:
        given = _wrap_key(os.environ.get(API_KEY_ENV))
    if given is not None and not isinstance(given.reveal(), str):
        raise TypeError(f"api_key must be a str, not {type(given.reveal()).__name__}")
    if given is None or not given.reveal().strip():
        raise ValueError(f"No API key: pass api_key=... or set the {API_KEY_ENV} environment variable.")
    secret = Secret(given.reveal().strip())
    if secret.reveal().startswith(("pk_live_", "pk_test_")):
        raise ValueError(
            "api_key is a public key (pk_...); this server-side SDK needs a secret key (sk_...)."
        )
    if any(c.isspace() for c in secret.reveal()):
        raise ValueError("api_key must not contain whitespace")
    if not (secret.reveal().isascii() and secret.reveal().isprintable()):
        # It goes into an HTTP header: anything else would fail deep inside httpx on every call.
        raise ValueError("api_key must be printable ASCII")
    return secret


def _key_mode(secret: Secret | None) -> str:
    """What a repr may say about a key: its mode tells test from live."""
    if secret is None:
        return "no key"
    key = secret.reveal()  # a local only while nothing can raise
    mode = "test" if key.startswith("sk_test_") else "live" if key.startswith("sk_live_") else "custom"
    return f"{mode} key"


_HOST_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")


def _valid_host(host: bytes) -> bool:
    """An IP address, or a DNS name whose labels the resolver accepts (``a..b`` is not one)."""
    import ipaddress

    try:
        text = host.decode("ascii")
    except UnicodeDecodeError:
        return False
    try:
        ipaddress.ip_address(text)
        return True
    except ValueError:
        pass
    name = text[:-1] if text.endswith(".") else text
    labels = name.split(".")
    return 0 < len(name) <= 253 and all(
        0 < len(label) <= 63 and set(label.lower()) <= _HOST_LABEL_CHARS for label in labels
    )


def _resolve_base_url(base_url: str | None) -> str:
    url = base_url if base_url is not None else os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if not isinstance(url, str):
        raise TypeError(f"base_url must be a str, not {type(url).__name__}")
    try:
        parsed: httpx.URL | None = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError, ValueError):  # idna refuses some names with ValueError
        parsed = None
    problem = None
    if parsed is None or parsed.scheme not in ("http", "https"):
        problem = "must be an http:// or https:// URL"
    elif not parsed.raw_host or not _valid_host(parsed.raw_host):
        problem = "has no valid host name"
    elif parsed.port is not None and not 0 < parsed.port <= 65535:
        problem = "has a port outside 1-65535"
    elif "?" in url or "#" in url:  # even an empty one: every path would be appended after it
        problem = "must not have a query or fragment (? or #)"
    elif parsed.userinfo:
        problem = "must not contain credentials"
    if problem:
        raise ValueError(f"base_url {problem}, got {url!r}")
    return url.rstrip("/")


def _resolve_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    if isinstance(timeout, httpx.Timeout):
        parts = {
            p: check.seconds(getattr(timeout, p), f"timeout.{p}")
            for p in ("connect", "read", "write", "pool")
        }
        return httpx.Timeout(**parts)
    return httpx.Timeout(check.seconds(timeout, "timeout"))


def _resolve_max_connections(max_connections: int | None) -> int | None:
    if max_connections is None:
        return None
    if isinstance(max_connections, bool) or not isinstance(max_connections, int):
        raise TypeError(f"max_connections must be an int or None, not {type(max_connections).__name__}")
    if not 1 <= max_connections <= 10_000:
        raise ValueError(f"max_connections must be from 1 to 10000, got {max_connections}")
    return max_connections


def _limits(max_connections: int) -> httpx.Limits:
    return httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)


def _resolve_max_retries(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int):
        raise TypeError(f"max_retries must be an int, not {type(max_retries).__name__}")
    if max_retries < 0:
        raise ValueError(f"max_retries must be a non-negative int, got {max_retries!r}")
    return max_retries


_debug_handler: logging.Handler | None = None


def _enable_debug_logging() -> None:
    """``debug=True`` / ``CROVVER_LOG=debug``: the "crovver" logger logs at DEBUG, and prints to
    stderr unless the application configured logging (a handler here or on an ancestor, e.g. root):
    then its handlers get the records. Never more than one handler of ours, however many clients."""
    global _debug_handler
    logger.setLevel(logging.DEBUG)
    if logger.hasHandlers():
        return
    if _debug_handler is None:
        _debug_handler = logging.StreamHandler(sys.stderr)
        _debug_handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    logger.addHandler(_debug_handler)


@functools.lru_cache(maxsize=1024)
def _url(base_url: str, path: str) -> httpx.URL:
    """The parsed URL of an operation path: parsing a URL costs more than the rest of a request."""
    return httpx.URL(base_url + path)


def _gated(
    send: Callable[[httpx.Request], Awaitable[httpx.Response]], size: int
) -> Callable[[httpx.Request], Awaitable[httpx.Response]]:
    """``send`` with at most ``size`` requests in flight; the rest wait their turn (FIFO).

    Waiting counts against the request's pool timeout, as waiting inside httpx's pool would.
    """
    import asyncio

    gate = asyncio.Semaphore(size)

    async def gated_send(request: httpx.Request) -> httpx.Response:
        if gate.locked():
            pool_timeout = request.extensions.get("timeout", {}).get("pool")
            try:
                await asyncio.wait_for(gate.acquire(), pool_timeout)
            except TimeoutError:
                raise httpx.PoolTimeout("Timed out waiting for a connection", request=request) from None
        else:
            await gate.acquire()
        try:
            return await send(request)
        finally:
            gate.release()

    return gated_send


def _proxies_configured() -> bool:
    """Whether the environment names an HTTP(S) proxy: then httpx's own transport, which honours
    it, carries the async client's requests instead of the SDK's pool (which does not)."""
    import urllib.request  # already loaded by httpx

    proxies = urllib.request.getproxies()
    return any(proxies.get(scheme) for scheme in ("http", "https", "all"))


def _safe_sink(sink: Callable[..., Any]) -> EventSink:
    def emit(message: str, data: Mapping[str, Any]) -> None:
        try:
            sink(message, dict(data))
        except Exception:  # a broken user logger must not break billing calls
            logger.exception("the logger passed to the Crovver client raised")

    return emit


def _event_tenant(event: webhooks.WebhookEvent) -> str | None:
    """The tenant (external id, as ``can_access`` names it) an event is about; None: unknown."""
    if not isinstance(event, webhooks.WebhookEvent):
        raise TypeError(
            f"event must be a WebhookEvent (from crovver_ext.webhooks.construct_event), not {type(event).__name__}"
        )
    return None if event.data is None else event.data.external_tenant_id


class _BaseClient:
    """Configuration and request building shared by the sync and async clients."""

    _http: httpx.Client | httpx.AsyncClient
    _owns_http: bool
    _options: dict[str, Any]

    def __init__(
        self,
        *,
        api_key: Secret | None,
        base_url: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        debug: bool,
        logger: Callable[..., Any] | None,
        entitlement_cache_ttl: float | None,
        entitlement_cache_size: int,
        entitlement_cache_store: EntitlementStore | AsyncEntitlementStore | None,
        max_connections: int | None,
    ) -> None:
        self._api_key = _resolve_api_key(api_key)
        self._base_url = _resolve_base_url(base_url)
        self._timeout = _resolve_timeout(DEFAULT_TIMEOUT if timeout is NOT_GIVEN else timeout)
        self._max_retries = _resolve_max_retries(max_retries)
        self._debug = bool(debug) or os.environ.get(LOG_ENV, "").lower() == "debug"
        self._logger = logger
        self._max_connections = _resolve_max_connections(max_connections)
        # Replaced only by crovver_ext.testing.with_test_hooks (no real sleeping in tests).
        self._clock: Callable[[], float] = time.time
        self._jitter: Callable[[], float] | None = None
        # httpx.Headers, not a dict: its repr hides the Authorization value.
        self._headers = httpx.Headers(
            {
                "Authorization": f"Bearer {self._api_key.reveal()}",
                "User-Agent": user_agent(),
                "Accept": "application/json",
            }
        )
        self._raw_mode = False  # True in the copies behind `with_raw_response`
        self._cache = self._new_cache(entitlement_cache_ttl, entitlement_cache_size, entitlement_cache_store)
        self._configure()
        if self._debug:  # last: a client whose options were refused changes nothing
            _enable_debug_logging()

    def _new_cache(
        self,
        ttl: float | None,
        size: int,
        store: EntitlementStore | AsyncEntitlementStore | None,
    ) -> EntitlementCache | None:
        if store is not None and ttl is None:
            raise ValueError("entitlement_cache_store needs entitlement_cache_ttl (seconds)")
        if ttl is None:
            return None
        return EntitlementCache(
            ttl, size, time.monotonic, store, namespace(self._api_key.reveal(), self._base_url)
        )

    def _configure(self) -> None:
        """Derive what each call reuses (done once, not per call)."""
        self._settings = Settings(
            max_retries=self._max_retries,
            secret=self._api_key,
            clock=self._clock,
            jitter=self._jitter,
            events=None if self._logger is None else _safe_sink(self._logger),
        )

    def _copy_with(self, changes: dict[str, Any]) -> Self:
        """``with_options``: a copy sharing the pool, or a new client when the pool itself changes."""
        changes = {name: value for name, value in changes.items() if value is not NOT_GIVEN}
        if {"http_client", "transport", "max_connections"} & set(changes):
            # Another pool: a client of its own (its close() closes a pool it made), same hooks.
            options = {**self._options, **changes}
            if "http_client" in changes:
                options.pop("transport", None)
            elif "transport" in changes or "max_connections" in changes:
                options.pop("http_client", None)
            fresh = type(self)(**options)
            fresh._use_test_hooks(self._sleep, self._clock, self._jitter)
            return fresh
        clone = copy.copy(self)
        clone._options = {**self._options, **changes}
        if "api_key" in changes:
            clone._api_key = _resolve_api_key(changes["api_key"])
            clone._headers = httpx.Headers(self._headers)
            clone._headers["Authorization"] = f"Bearer {clone._api_key.reveal()}"
            clone._request_headers = clone._headers
        if "base_url" in changes:
            clone._base_url = _resolve_base_url(changes["base_url"])
        if "timeout" in changes:
            clone._timeout = _resolve_timeout(changes["timeout"])
        if "max_retries" in changes:
            clone._max_retries = _resolve_max_retries(changes["max_retries"])
        if "logger" in changes:
            clone._logger = changes["logger"]
        if {"entitlement_cache_ttl", "entitlement_cache_size", "entitlement_cache_store"} & set(changes):
            clone._cache = clone._new_cache(
                clone._options["entitlement_cache_ttl"],
                clone._options["entitlement_cache_size"],
                clone._options["entitlement_cache_store"],
            )
        elif self._cache is not None and (clone._api_key, clone._base_url) != (self._api_key, self._base_url):
            # Another key may be another organization: its answers must not mix with these.
            clone._cache = self._cache.for_namespace(namespace(clone._api_key.reveal(), clone._base_url))
        clone._owns_http = False  # the copy shares the pool; closing stays the original's job
        clone._configure()
        if changes.get("debug"):
            clone._debug = True
            _enable_debug_logging()
        clone._bind_namespaces()
        return clone

    def _bind_namespaces(self) -> None:
        raise NotImplementedError

    def _use_test_hooks(
        self,
        sleep: Callable[[float], Any] | None,
        clock: Callable[[], float] | None,
        jitter: Callable[[], float] | None,
    ) -> None:
        """See ``crovver_ext.testing.with_test_hooks``: the waits, clock and jitter of the policy."""
        if sleep is not None:
            self._sleep = sleep
        if jitter is not None:
            self._jitter = jitter
        if clock is not None:
            self._clock = clock
            if self._cache is not None:
                self._cache = self._cache.with_clock(clock)
        self._configure()

    def _invalidates(self, call: Call[Any]) -> EntitlementCache | None:
        """The cache to clear for ``call.tenant_id`` once this call is over, if any."""
        if self._cache is not None and call.invalidates:
            return self._cache
        return None

    def _build_request(self, call: Call[Any]) -> httpx.Request:
        if self._request_headers is None and self._timeout is self._pool_timeout:
            # Our own pool, whose defaults are these headers and this timeout: nothing to merge.
            return self._http.build_request(
                call.method, _url(self._base_url, call.path), params=call.params, json=call.json
            )
        return self._http.build_request(
            call.method,
            _url(self._base_url, call.path),
            params=call.params,
            json=call.json,
            headers=self._request_headers,
            timeout=self._timeout,
        )

    def _prepare(self, call: Call[Any], options: Mapping[str, Any]) -> tuple[httpx.Request, Settings]:
        """The request and attempt settings of one call, with its per-call options applied."""
        if not options:  # the hot path: everything was derived once, at construction
            return self._build_request(call), self._settings
        check_options(options, call.retryable)
        timeout = _resolve_timeout(options["timeout"]) if "timeout" in options else self._timeout
        headers = self._request_headers
        if "extra_headers" in options:
            # httpx.Headers, not a dict: its repr hides the Authorization value in this frame.
            merged = httpx.Headers(headers)
            merged.update(extra_headers(options["extra_headers"]))
            headers = merged
        settings = self._settings
        if "max_retries" in options:
            settings = copy.copy(settings)
            settings.max_retries = _resolve_max_retries(options["max_retries"])
        request = self._http.build_request(
            call.method,
            _url(self._base_url, call.path),
            params=call.params,
            json=call.json,
            headers=headers,
            timeout=timeout,
        )
        return request, settings

    def _raw_result(self, call: Call[Any], result: Any) -> Any:
        """In a ``with_raw_response`` copy, the call's ``RawResponse``; else the result itself."""
        if not self._raw_mode:
            return result
        assert call.response is not None  # the loop records the response of every result
        return RawResponse(call.response, call.retries_taken, result)

    def _raw_copy(self) -> Self:
        clone = self._copy_with({})
        clone._raw_mode = True
        return clone

    def _adopt_http(self, http: httpx.Client | httpx.AsyncClient | None) -> None:
        """Decide who owns the pool and where our headers go (once, not per call)."""
        self._owns_http = http is None
        self._passed_in_http = http is not None  # unlike _owns_http, the same for copies
        # The timeout our own pool was made with (a with_options copy may have another).
        self._pool_timeout: httpx.Timeout | None = self._timeout if http is None else None
        # Our own pool carries the headers as its defaults, which is cheaper than merging them
        # into every request; a pool passed in (or shared with a different key) gets them per call.
        self._request_headers: httpx.Headers | None = None if self._owns_http else self._headers

    @property
    def base_url(self) -> str:
        """The Crovver URL requests go to, without a trailing slash."""
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of each attempt (connect, read, write, pool)."""
        return self._timeout

    @property
    def max_retries(self) -> int:
        """How many extra attempts a retryable failure gets (never for checkout or bulk seats)."""
        return self._max_retries

    def _closed_error(self) -> ClientStateError:
        if not self._passed_in_http:
            return ClientStateError("the Crovver client is closed: create a new client")
        return ClientStateError(
            "the http_client this Crovver client sends with is closed: create new clients"
        )

    def __repr__(self) -> str:
        # Never the key: its mode is enough to tell test from live. Never raises, also for a
        # client whose __init__ stopped half-way (an error tracker may repr it from a frame).
        try:
            timeout = getattr(self, "_timeout", None)
            return (
                f"{type(self).__name__}(base_url={getattr(self, '_base_url', None)!r}, "
                f"api_key=<{_key_mode(getattr(self, '_api_key', None))}>, "
                f"max_retries={getattr(self, '_max_retries', None)}, "
                f"timeout={None if timeout is None else timeout.read})"
            )
        except Exception:
            return f"<{type(self).__name__}>"


class CrovverClient(_BaseClient):
    """The Crovver API, blocking. One connection pool per client; use it as a context manager.

    Args:
        api_key: A secret key (``sk_live_…``/``sk_test_…``); default: env ``CROVVER_SECRET_KEY``.
        base_url: Default: env ``CROVVER_BASE_URL``, else ``https://app.crovver.com``.
        timeout: The deadline of each attempt in seconds, from connect to the last byte (a slow
            trickle cannot stretch it), up to a day; an ``httpx.Timeout`` (its parts bound each
            phase as in httpx, its largest part the attempt); or None for no timeout. Default 30.
            A whole call takes at most ``(1 + max_retries) * timeout`` plus the waits between
            attempts (backoff up to 10 s each, or a Retry-After up to 60 s): about 124 s with the
            defaults, at most 300 s. A sync ``httpx.Client`` passed as ``http_client`` keeps httpx's
            per-operation timeouts.
        max_retries: Extra attempts on network errors, 408, 429 and 5xx. Default 3. Checkout,
            proration checkout and bulk seat allocation are never retried.
        debug: Log every request through ``logging.getLogger("crovver")`` (also env ``CROVVER_LOG=debug``).
        logger: A callable ``(message, data)`` that receives the same events.
        http_client: An ``httpx.Client`` to send requests with (you keep ownership of it).
        entitlement_cache_ttl: Seconds to answer repeat ``can_access`` checks from memory
            (off by default). Staleness trade-off: changes made elsewhere show after the TTL;
            changes made through this client (consume, purchase, checkout, cancel) at once.
        entitlement_cache_size: The most answers the cache keeps (oldest dropped first).
        entitlement_cache_store: Where answers live: None (this process's memory) or a shared
            store such as ``crovver_ext.redis_store.RedisEntitlementStore`` (one cache for a fleet).
        transport: An ``httpx.BaseTransport`` for the client's own pool, e.g. the local Crovver's
            in-process ``local.transport()`` in tests. Not together with ``http_client``.
        max_connections: The most connections (and requests in flight) of the client's own pool.
            Default None: httpx's 100 for the blocking client, 10 for the async one (measured:
            see ``ASYNC_MAX_CONNECTIONS`` and the README's fan-out row).
    """

    _http: httpx.Client

    credits: Credits
    """Credit pools: ``balance`` and ``consume`` (idempotent)."""
    addons: Addons
    """Add-ons: ``list_available``, ``purchase`` and ``get_active``."""
    capacity: Capacity
    """Seats: ``count``, ``allocate``, ``bulk_allocate``, ``list_allocations``, ``iter_allocations``."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        debug: bool = False,
        logger: Callable[..., Any] | None = None,
        http_client: httpx.Client | None = None,
        entitlement_cache_ttl: float | None = None,
        entitlement_cache_size: int = 10_000,
        entitlement_cache_store: EntitlementStore | None = None,
        transport: httpx.BaseTransport | None = None,
        max_connections: int | None = None,
    ) -> None:
        secret = _wrap_key(api_key)
        del api_key  # no frame keeps the raw key, also when a later option is refused
        super().__init__(
            api_key=secret,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            debug=debug,
            logger=logger,
            entitlement_cache_ttl=entitlement_cache_ttl,
            entitlement_cache_size=entitlement_cache_size,
            entitlement_cache_store=entitlement_cache_store,
            max_connections=max_connections,
        )
        # What with_options starts from when it makes a client with a pool of its own.
        self._options: dict[str, Any] = dict(
            api_key=secret,
            base_url=self._base_url,
            timeout=self._timeout,
            max_retries=self._max_retries,
            debug=debug,
            logger=logger,
            http_client=http_client,
            entitlement_cache_ttl=entitlement_cache_ttl,
            entitlement_cache_size=entitlement_cache_size,
            entitlement_cache_store=entitlement_cache_store,
            transport=transport,
            max_connections=max_connections,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(
                "http_client must be an httpx.Client (use AsyncCrovverClient for httpx.AsyncClient)"
            )
        if self._cache is not None and not self._cache.blocking:
            raise TypeError("entitlement_cache_store is async: use it with AsyncCrovverClient")
        if http_client is not None and transport is not None:
            raise TypeError("pass http_client or transport, not both (a client brings its own transport)")
        self._adopt_http(http_client)
        if http_client is None:
            self._http = httpx.Client(
                timeout=self._timeout,
                follow_redirects=False,
                headers=self._headers,
                transport=transport,
                limits=httpx.Limits() if self._max_connections is None else _limits(self._max_connections),
            )
            # Our own pool: every attempt ends by its deadline (see _transport). A pool passed in
            # keeps its own behaviour: httpx's per-operation timeouts.
            self._send = (
                sync_send_with_deadline(self._http.send) if enforce_deadlines(self._http) else self._http.send
            )
        else:
            self._http = http_client
            self._send = http_client.send
        self._sleep: Callable[[float], None] = time.sleep
        self._bind_namespaces()

    def _bind_namespaces(self) -> None:
        self.credits = Credits(self)
        self.addons = Addons(self)
        self.capacity = Capacity(self)

    def _run(self, call: Call[T], options: Mapping[str, Any]) -> T:
        if self._http.is_closed:
            raise self._closed_error()
        request, settings = self._prepare(call, options)
        steps = attempts(call, request, settings)
        cache = self._invalidates(call)
        try:
            result = run_sync(steps, self._send, self._sleep)
        finally:  # even after an error: a lost response may have changed the tenant
            if cache is not None:
                cache.invalidate(call.tenant_id)
        return cast(T, self._raw_result(call, result))

    @property
    def with_raw_response(self) -> RawResponses:
        """The same methods, returning a ``RawResponse`` (status, headers, request id, ``.parse()``)."""
        return RawResponses(self._raw_copy())

    def with_options(
        self,
        *,
        api_key: str | None = NOT_GIVEN,
        base_url: str | None = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = NOT_GIVEN,
        max_retries: int = NOT_GIVEN,
        debug: bool = NOT_GIVEN,
        logger: Callable[..., Any] | None = NOT_GIVEN,
        http_client: httpx.Client | None = NOT_GIVEN,
        entitlement_cache_ttl: float | None = NOT_GIVEN,
        entitlement_cache_size: int = NOT_GIVEN,
        entitlement_cache_store: EntitlementStore | None = NOT_GIVEN,
        transport: httpx.BaseTransport | None = NOT_GIVEN,
        max_connections: int | None = NOT_GIVEN,
    ) -> CrovverClient:
        """A copy with some options changed, checked as the constructor checks them.

        The copy shares this client's connection pool, unless ``http_client``, ``transport`` or
        ``max_connections`` changes: then it has a pool of its own (close the copy too). A copy
        with another cache option starts with an empty cache.
        """
        secret = _wrap_key(api_key)
        del api_key  # no frame keeps the raw key, also when an option is refused
        changes = dict(
            api_key=secret,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            debug=debug,
            logger=logger,
            http_client=http_client,
            entitlement_cache_ttl=entitlement_cache_ttl,
            entitlement_cache_size=entitlement_cache_size,
            entitlement_cache_store=entitlement_cache_store,
            transport=transport,
            max_connections=max_connections,
        )
        return self._copy_with(changes)

    def invalidate(self, tenant_id: str | None = None) -> None:
        """Drop cached ``can_access`` answers for one tenant, or all (no-op without a cache).

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        if self._cache is not None:
            self._cache.invalidate(tenant_id)

    def apply_event(self, event: webhooks.WebhookEvent) -> None:
        """Drop the cached answers of the tenant a verified webhook event is about.

        Call it from your webhook handler; then a long ``entitlement_cache_ttl`` is safe. It only
        drops, so an event that arrives twice or out of order is harmless. An event that names no
        tenant (``event.data`` is None or has no ``external_tenant_id``) drops every answer.
        """
        self.invalidate(_event_tenant(event))

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ---- tenants ---------------------------------------------------------------------------

    def create_tenant(
        self,
        *,
        external_tenant_id: str,
        name: str,
        external_user_id: str,
        owner_email: str | None = None,
        owner_name: str | None = None,
        slug: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.CreatedTenant:
        """Create a tenant (a B2B workspace) and its owner.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(
            adapter.create_tenant(
                external_tenant_id=external_tenant_id,
                name=name,
                external_user_id=external_user_id,
                owner_email=owner_email,
                owner_name=owner_name,
                slug=slug,
                metadata=metadata,
            ),
            options,
        )

    def get_tenant(self, external_tenant_id: str, **options: Unpack[RequestOptions]) -> m.TenantDetails:
        """A tenant with its members and organization.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(adapter.get_tenant(external_tenant_id), options)

    def list_tenants(
        self, *, external_user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> m.TenantList:
        """All tenants, or those a user belongs to."""
        return self._run(adapter.list_tenants(external_user_id), options)

    # ---- plans and subscriptions -----------------------------------------------------------

    def get_plans(self, **options: Unpack[RequestOptions]) -> m.PlanList:
        """The organization's plans (``plan.price_amount`` is in minor units, e.g. cents)."""
        return self._run(adapter.get_plans(), options)

    def get_supported_providers(self, **options: Unpack[RequestOptions]) -> m.ItemList[m.SupportedProvider]:
        """The payment providers Crovver supports."""
        return self._run(adapter.get_supported_providers(), options)

    def get_subscriptions(self, tenant_id: str, **options: Unpack[RequestOptions]) -> m.SubscriptionList:
        """A tenant's subscriptions.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._run(adapter.get_subscriptions(tenant_id), options)

    def get_subscription_status(
        self, tenant_id: str, product_slug: str | None = None, **options: Unpack[RequestOptions]
    ) -> m.SubscriptionStatus:
        """A tenant's subscription status, optionally for one product.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._run(adapter.get_subscription_status(tenant_id, product_slug), options)

    def cancel_subscription(
        self,
        subscription_id: str,
        external_tenant_id: str,
        reason: str,
        feedback: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.CanceledSubscription:
        """Cancel: recurring billing becomes ``pending_cancel`` (access until period end); manual, ``canceled``.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(
            adapter.cancel_subscription(subscription_id, external_tenant_id, reason, feedback), options
        )

    # ---- entitlements ----------------------------------------------------------------------

    def can_access(
        self,
        tenant_id: str,
        feature_key: str | None = None,
        product_slug: str | None = None,
        *,
        amount: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> bool:
        """Whether the tenant may use a feature; without ``feature_key``, whether it has the product.

        ``amount`` asks whether a credit-backed feature has that many credits left (never cached).

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        cache = self._cache
        if cache is None or amount is not None or self._raw_mode:
            return self._run(adapter.can_access(tenant_id, feature_key, product_slug, amount), options)
        key = (tenant_id, feature_key, product_slug)
        hit = cache.get(key)
        if hit is not None:
            return hit
        call = adapter.can_access(tenant_id, feature_key, product_slug, None)
        return cached_sync(cache, key, lambda: self._run(call, options))

    # ---- usage (deprecated) ----------------------------------------------------------------

    # A literal: type checkers only read a string literal here (test_deprecation ties it to message()).
    @_deprecation.deprecated(
        "record_usage() is deprecated and will be removed in crovver 1.0: use credits.consume() instead."
    )
    def record_usage(
        self,
        tenant_id: str,
        metric: str,
        value: int = 1,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.UsageRecord:
        """Deprecated: use ``credits.consume`` (idempotent, integrated with credit pools).

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        _deprecation.warn("record_usage")
        return self._run(adapter.record_usage(tenant_id, metric, value, metadata), options)

    @_deprecation.deprecated(
        "check_usage_limit() is deprecated and will be removed in crovver 1.0: use credits.balance() instead."
    )
    def check_usage_limit(
        self, tenant_id: str, metric: str, product_slug: str | None = None, **options: Unpack[RequestOptions]
    ) -> m.UsageLimit:
        """Deprecated: use ``credits.balance``.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        _deprecation.warn("check_usage_limit")
        return self._run(adapter.check_usage_limit(tenant_id, metric, product_slug), options)

    # ---- checkout and billing --------------------------------------------------------------

    def create_checkout_session(
        self,
        *,
        plan_id: str,
        external_tenant_id: str | None = None,
        external_user_id: str | None = None,
        provider: str | None = None,
        currency: str | None = None,
        total_capacity_units: int | None = None,
        user_email: str | None = None,
        user_name: str | None = None,
        success_url: str | None = None,
        cancel_url: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[NoRetryOptions],
    ) -> m.CheckoutSession:
        """Start a hosted checkout. Never retried: a lost response must not open a second one.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(
            adapter.create_checkout_session(
                plan_id=plan_id,
                external_tenant_id=external_tenant_id,
                external_user_id=external_user_id,
                provider=provider,
                currency=currency,
                total_capacity_units=total_capacity_units,
                user_email=user_email,
                user_name=user_name,
                success_url=success_url,
                cancel_url=cancel_url,
                metadata=metadata,
            ),
            options,
        )

    def get_invoices(self, external_tenant_id: str, **options: Unpack[RequestOptions]) -> m.InvoiceList:
        """A tenant's invoices.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(adapter.get_invoices(external_tenant_id), options)

    def create_checkout_token(
        self,
        external_tenant_id: str,
        return_url: str,
        *,
        plan_id: str | None = None,
        external_user_id: str | None = None,
        user_email: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.Token:
        """A short-lived token and URL for a browser checkout redirect.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(
            adapter.create_checkout_token(
                external_tenant_id, return_url, plan_id, external_user_id, user_email
            ),
            options,
        )

    def create_portal_token(
        self, external_tenant_id: str, return_url: str, **options: Unpack[RequestOptions]
    ) -> m.Token:
        """A short-lived token and URL for the billing portal.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(adapter.create_portal_token(external_tenant_id, return_url), options)

    def create_proration_checkout(
        self,
        external_tenant_id: str,
        new_capacity: int,
        *,
        plan_id: str | None = None,
        success_url: str | None = None,
        cancel_url: str | None = None,
        **options: Unpack[NoRetryOptions],
    ) -> m.ProrationCheckout:
        """Pay the prorated difference for more seats. Never retried.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return self._run(
            adapter.create_proration_checkout(
                external_tenant_id, new_capacity, plan_id, success_url, cancel_url
            ),
            options,
        )


class AsyncCrovverClient(_BaseClient):
    """The Crovver API, async (``httpx.AsyncClient``); the same surface as ``CrovverClient``.

    ``timeout`` is each attempt's deadline here too (with any ``http_client``), and a call's bound
    is the same. The client belongs to the event loop it first runs in: make one per loop (e.g.
    inside the coroutine given to ``asyncio.run``); from another loop it raises ``ClientStateError``.

    Args:
        api_key: A secret key (``sk_live_…``/``sk_test_…``); default: env ``CROVVER_SECRET_KEY``.
        base_url: Default: env ``CROVVER_BASE_URL``, else ``https://app.crovver.com``.
        timeout: The deadline of each attempt in seconds, from connect to the last byte (a slow
            trickle cannot stretch it), up to a day; an ``httpx.Timeout`` (its parts bound each
            phase as in httpx, its largest part the attempt); or None for no timeout. Default 30.
            A whole call takes at most ``(1 + max_retries) * timeout`` plus the waits between
            attempts (backoff up to 10 s each, or a Retry-After up to 60 s): about 124 s with the
            defaults, at most 300 s. A sync ``httpx.Client`` passed as ``http_client`` keeps httpx's
            per-operation timeouts.
        max_retries: Extra attempts on network errors, 408, 429 and 5xx. Default 3. Checkout,
            proration checkout and bulk seat allocation are never retried.
        debug: Log every request through ``logging.getLogger("crovver")`` (also env ``CROVVER_LOG=debug``).
        logger: A callable ``(message, data)`` that receives the same events.
        http_client: An ``httpx.AsyncClient`` to send requests with (you keep ownership of it).
        entitlement_cache_ttl: Seconds to answer repeat ``can_access`` checks from memory
            (off by default). Staleness trade-off: changes made elsewhere show after the TTL;
            changes made through this client (consume, purchase, checkout, cancel) at once.
        entitlement_cache_size: The most answers the cache keeps (oldest dropped first).
        entitlement_cache_store: Where answers live: None (this process's memory) or a shared
            store such as ``crovver_ext.redis_store.AsyncRedisEntitlementStore`` (one cache for a fleet).
        transport: An ``httpx.AsyncBaseTransport`` for the client's own pool, e.g. the local Crovver's
            in-process ``local.transport()`` in tests. Not together with ``http_client``.
        max_connections: The most connections (and requests in flight) of the client's own pool.
            Default None: httpx's 100 for the blocking client, 10 for the async one (measured:
            see ``ASYNC_MAX_CONNECTIONS`` and the README's fan-out row).
    """

    _http: httpx.AsyncClient

    credits: AsyncCredits
    """Credit pools: ``balance`` and ``consume`` (idempotent)."""
    addons: AsyncAddons
    """Add-ons: ``list_available``, ``purchase`` and ``get_active``."""
    capacity: AsyncCapacity
    """Seats: ``count``, ``allocate``, ``bulk_allocate``, ``list_allocations``, ``iter_allocations``."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        debug: bool = False,
        logger: Callable[..., Any] | None = None,
        http_client: httpx.AsyncClient | None = None,
        entitlement_cache_ttl: float | None = None,
        entitlement_cache_size: int = 10_000,
        entitlement_cache_store: AsyncEntitlementStore | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_connections: int | None = None,
    ) -> None:
        secret = _wrap_key(api_key)
        del api_key  # no frame keeps the raw key, also when a later option is refused
        super().__init__(
            api_key=secret,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            debug=debug,
            logger=logger,
            entitlement_cache_ttl=entitlement_cache_ttl,
            entitlement_cache_size=entitlement_cache_size,
            entitlement_cache_store=entitlement_cache_store,
            max_connections=max_connections,
        )
        # What with_options starts from when it makes a client with a pool of its own.
        self._options: dict[str, Any] = dict(
            api_key=secret,
            base_url=self._base_url,
            timeout=self._timeout,
            max_retries=self._max_retries,
            debug=debug,
            logger=logger,
            http_client=http_client,
            entitlement_cache_ttl=entitlement_cache_ttl,
            entitlement_cache_size=entitlement_cache_size,
            entitlement_cache_store=entitlement_cache_store,
            transport=transport,
            max_connections=max_connections,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError("http_client must be an httpx.AsyncClient (use CrovverClient for httpx.Client)")
        import asyncio  # here, not at the top: sync users should not pay for importing it

        if self._cache is not None and self._cache.blocking and entitlement_cache_store is not None:
            # A blocking store would stall the event loop on every check.
            raise TypeError(
                "entitlement_cache_store must be an async store (e.g. AsyncRedisEntitlementStore) "
                "for AsyncCrovverClient"
            )
        if http_client is not None and transport is not None:
            raise TypeError("pass http_client or transport, not both (a client brings its own transport)")
        self._adopt_http(http_client)
        size = ASYNC_MAX_CONNECTIONS if self._max_connections is None else self._max_connections
        if transport is None and not _proxies_configured():
            transport = AsyncPool(size)
        self._http = http_client or httpx.AsyncClient(
            timeout=self._timeout,
            follow_redirects=False,
            limits=_limits(size),
            headers=self._headers,
            transport=transport,
        )
        # Our own pool: requests beyond its size wait on a semaphore. Every attempt ends by its
        # deadline, the wait for a turn included.
        send = _gated(self._http.send, size) if self._owns_http else self._http.send
        self._send = async_send_with_deadline(send)
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._running_loop = asyncio.get_running_loop
        # The event loop the pool is bound to, shared with with_options copies (they share the pool).
        self._loop: list[asyncio.AbstractEventLoop] = []
        self._bind_namespaces()

    def _bind_namespaces(self) -> None:
        self.credits = AsyncCredits(self)
        self.addons = AsyncAddons(self)
        self.capacity = AsyncCapacity(self)

    async def _run(self, call: Call[T], options: Mapping[str, Any]) -> T:
        if self._http.is_closed:
            raise self._closed_error()
        self._check_loop()
        request, settings = self._prepare(call, options)
        steps = attempts(call, request, settings)
        cache = self._invalidates(call)
        try:
            result = await run_async(steps, self._send, self._sleep)
        finally:  # even after an error: a lost response may have changed the tenant
            if cache is not None:
                await cache.ainvalidate(call.tenant_id)
        return cast(T, self._raw_result(call, result))

    @property
    def with_raw_response(self) -> AsyncRawResponses:
        """The same methods, returning a ``RawResponse`` (status, headers, request id, ``.parse()``)."""
        return AsyncRawResponses(self._raw_copy())

    def with_options(
        self,
        *,
        api_key: str | None = NOT_GIVEN,
        base_url: str | None = NOT_GIVEN,
        timeout: float | httpx.Timeout | None = NOT_GIVEN,
        max_retries: int = NOT_GIVEN,
        debug: bool = NOT_GIVEN,
        logger: Callable[..., Any] | None = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = NOT_GIVEN,
        entitlement_cache_ttl: float | None = NOT_GIVEN,
        entitlement_cache_size: int = NOT_GIVEN,
        entitlement_cache_store: AsyncEntitlementStore | None = NOT_GIVEN,
        transport: httpx.AsyncBaseTransport | None = NOT_GIVEN,
        max_connections: int | None = NOT_GIVEN,
    ) -> AsyncCrovverClient:
        """A copy with some options changed, checked as the constructor checks them.

        The copy shares this client's connection pool, unless ``http_client``, ``transport`` or
        ``max_connections`` changes: then it has a pool of its own (close the copy too). A copy
        with another cache option starts with an empty cache.
        """
        secret = _wrap_key(api_key)
        del api_key  # no frame keeps the raw key, also when an option is refused
        changes = dict(
            api_key=secret,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            debug=debug,
            logger=logger,
            http_client=http_client,
            entitlement_cache_ttl=entitlement_cache_ttl,
            entitlement_cache_size=entitlement_cache_size,
            entitlement_cache_store=entitlement_cache_store,
            transport=transport,
            max_connections=max_connections,
        )
        return self._copy_with(changes)

    def _check_loop(self) -> None:
        """The pool's connections belong to the loop of the first call; refuse any other."""
        if not self._loop:
            self._loop.append(self._running_loop())
        elif self._loop[0] is not self._running_loop():
            raise ClientStateError(
                "this AsyncCrovverClient belongs to the event loop it first ran in, and its open "
                "connections cannot be used from another one (each asyncio.run() starts a new "
                "loop): create the client inside the loop that uses it, e.g. in the coroutine "
                "passed to asyncio.run()"
            )

    async def invalidate(self, tenant_id: str | None = None) -> None:
        """Drop cached ``can_access`` answers for one tenant, or all (no-op without a cache).

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        if self._cache is not None:
            await self._cache.ainvalidate(tenant_id)

    async def apply_event(self, event: webhooks.WebhookEvent) -> None:
        """Drop the cached answers of the tenant a verified webhook event is about.

        Call it from your webhook handler; then a long ``entitlement_cache_ttl`` is safe. It only
        drops, so an event that arrives twice or out of order is harmless. An event that names no
        tenant (``event.data`` is None or has no ``external_tenant_id``) drops every answer.
        """
        await self.invalidate(_event_tenant(event))

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http and not self._http.is_closed:
            self._check_loop()  # its connections can only be closed in the loop they belong to
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ---- tenants ---------------------------------------------------------------------------

    async def create_tenant(
        self,
        *,
        external_tenant_id: str,
        name: str,
        external_user_id: str,
        owner_email: str | None = None,
        owner_name: str | None = None,
        slug: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.CreatedTenant:
        """Create a tenant (a B2B workspace) and its owner.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(
            adapter.create_tenant(
                external_tenant_id=external_tenant_id,
                name=name,
                external_user_id=external_user_id,
                owner_email=owner_email,
                owner_name=owner_name,
                slug=slug,
                metadata=metadata,
            ),
            options,
        )

    async def get_tenant(self, external_tenant_id: str, **options: Unpack[RequestOptions]) -> m.TenantDetails:
        """A tenant with its members and organization.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(adapter.get_tenant(external_tenant_id), options)

    async def list_tenants(
        self, *, external_user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> m.TenantList:
        """All tenants, or those a user belongs to."""
        return await self._run(adapter.list_tenants(external_user_id), options)

    # ---- plans and subscriptions -----------------------------------------------------------

    async def get_plans(self, **options: Unpack[RequestOptions]) -> m.PlanList:
        """The organization's plans (``plan.price_amount`` is in minor units, e.g. cents)."""
        return await self._run(adapter.get_plans(), options)

    async def get_supported_providers(
        self, **options: Unpack[RequestOptions]
    ) -> m.ItemList[m.SupportedProvider]:
        """The payment providers Crovver supports."""
        return await self._run(adapter.get_supported_providers(), options)

    async def get_subscriptions(
        self, tenant_id: str, **options: Unpack[RequestOptions]
    ) -> m.SubscriptionList:
        """A tenant's subscriptions.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._run(adapter.get_subscriptions(tenant_id), options)

    async def get_subscription_status(
        self, tenant_id: str, product_slug: str | None = None, **options: Unpack[RequestOptions]
    ) -> m.SubscriptionStatus:
        """A tenant's subscription status, optionally for one product.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._run(adapter.get_subscription_status(tenant_id, product_slug), options)

    async def cancel_subscription(
        self,
        subscription_id: str,
        external_tenant_id: str,
        reason: str,
        feedback: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.CanceledSubscription:
        """Cancel: recurring billing becomes ``pending_cancel`` (access until period end); manual, ``canceled``.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(
            adapter.cancel_subscription(subscription_id, external_tenant_id, reason, feedback), options
        )

    # ---- entitlements ----------------------------------------------------------------------

    async def can_access(
        self,
        tenant_id: str,
        feature_key: str | None = None,
        product_slug: str | None = None,
        *,
        amount: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> bool:
        """Whether the tenant may use a feature; without ``feature_key``, whether it has the product.

        ``amount`` asks whether a credit-backed feature has that many credits left (never cached).

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        cache = self._cache
        if cache is None or amount is not None or self._raw_mode:
            return await self._run(adapter.can_access(tenant_id, feature_key, product_slug, amount), options)
        key = (tenant_id, feature_key, product_slug)
        hit = cache.get(key) if cache.blocking else await cache.store.get(key)
        if hit is not None:
            return hit
        call = adapter.can_access(tenant_id, feature_key, product_slug, None)
        return await cached_async(cache, key, lambda: self._run(call, options))

    # ---- usage (deprecated) ----------------------------------------------------------------

    # A literal: type checkers only read a string literal here (test_deprecation ties it to message()).
    @_deprecation.deprecated(
        "record_usage() is deprecated and will be removed in crovver 1.0: use credits.consume() instead."
    )
    async def record_usage(
        self,
        tenant_id: str,
        metric: str,
        value: int = 1,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.UsageRecord:
        """Deprecated: use ``credits.consume`` (idempotent, integrated with credit pools).

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        _deprecation.warn("record_usage")
        return await self._run(adapter.record_usage(tenant_id, metric, value, metadata), options)

    @_deprecation.deprecated(
        "check_usage_limit() is deprecated and will be removed in crovver 1.0: use credits.balance() instead."
    )
    async def check_usage_limit(
        self, tenant_id: str, metric: str, product_slug: str | None = None, **options: Unpack[RequestOptions]
    ) -> m.UsageLimit:
        """Deprecated: use ``credits.balance``.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        _deprecation.warn("check_usage_limit")
        return await self._run(adapter.check_usage_limit(tenant_id, metric, product_slug), options)

    # ---- checkout and billing --------------------------------------------------------------

    async def create_checkout_session(
        self,
        *,
        plan_id: str,
        external_tenant_id: str | None = None,
        external_user_id: str | None = None,
        provider: str | None = None,
        currency: str | None = None,
        total_capacity_units: int | None = None,
        user_email: str | None = None,
        user_name: str | None = None,
        success_url: str | None = None,
        cancel_url: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[NoRetryOptions],
    ) -> m.CheckoutSession:
        """Start a hosted checkout. Never retried: a lost response must not open a second one.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(
            adapter.create_checkout_session(
                plan_id=plan_id,
                external_tenant_id=external_tenant_id,
                external_user_id=external_user_id,
                provider=provider,
                currency=currency,
                total_capacity_units=total_capacity_units,
                user_email=user_email,
                user_name=user_name,
                success_url=success_url,
                cancel_url=cancel_url,
                metadata=metadata,
            ),
            options,
        )

    async def get_invoices(self, external_tenant_id: str, **options: Unpack[RequestOptions]) -> m.InvoiceList:
        """A tenant's invoices.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(adapter.get_invoices(external_tenant_id), options)

    async def create_checkout_token(
        self,
        external_tenant_id: str,
        return_url: str,
        *,
        plan_id: str | None = None,
        external_user_id: str | None = None,
        user_email: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.Token:
        """A short-lived token and URL for a browser checkout redirect.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(
            adapter.create_checkout_token(
                external_tenant_id, return_url, plan_id, external_user_id, user_email
            ),
            options,
        )

    async def create_portal_token(
        self, external_tenant_id: str, return_url: str, **options: Unpack[RequestOptions]
    ) -> m.Token:
        """A short-lived token and URL for the billing portal.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(adapter.create_portal_token(external_tenant_id, return_url), options)

    async def create_proration_checkout(
        self,
        external_tenant_id: str,
        new_capacity: int,
        *,
        plan_id: str | None = None,
        success_url: str | None = None,
        cancel_url: str | None = None,
        **options: Unpack[NoRetryOptions],
    ) -> m.ProrationCheckout:
        """Pay the prorated difference for more seats. Never retried.

        Args:
            external_tenant_id: Your own id for the tenant (its ``externalTenantId``).
        """
        return await self._run(
            adapter.create_proration_checkout(
                external_tenant_id, new_capacity, plan_id, success_url, cancel_url
            ),
            options,
        )


__all__ = ["NOT_GIVEN", "AsyncCrovverClient", "CrovverClient"]


class RawResponses:
    """``client.with_raw_response``: each method of ``CrovverClient``, returning a ``RawResponse``."""

    def __init__(self, client: CrovverClient) -> None:
        self._target = client
        self.credits: RawCredits = RawCredits(client.credits)
        """``credits`` methods returning a ``RawResponse``."""
        self.addons: RawAddons = RawAddons(client.addons)
        """``addons`` methods returning a ``RawResponse``."""
        self.capacity: RawCapacity = RawCapacity(client.capacity)
        """``capacity`` methods returning a ``RawResponse``."""

    create_tenant: Final = raw_method(CrovverClient.create_tenant)
    get_tenant: Final = raw_method(CrovverClient.get_tenant)
    list_tenants: Final = raw_method(CrovverClient.list_tenants)
    get_plans: Final = raw_method(CrovverClient.get_plans)
    get_supported_providers: Final = raw_method(CrovverClient.get_supported_providers)
    get_subscriptions: Final = raw_method(CrovverClient.get_subscriptions)
    get_subscription_status: Final = raw_method(CrovverClient.get_subscription_status)
    cancel_subscription: Final = raw_method(CrovverClient.cancel_subscription)
    can_access: Final = raw_method(CrovverClient.can_access)
    record_usage: Final = raw_method(CrovverClient.record_usage)
    check_usage_limit: Final = raw_method(CrovverClient.check_usage_limit)
    create_checkout_session: Final = raw_method(CrovverClient.create_checkout_session)
    get_invoices: Final = raw_method(CrovverClient.get_invoices)
    create_checkout_token: Final = raw_method(CrovverClient.create_checkout_token)
    create_portal_token: Final = raw_method(CrovverClient.create_portal_token)
    create_proration_checkout: Final = raw_method(CrovverClient.create_proration_checkout)


class AsyncRawResponses:
    """``client.with_raw_response``: each method of ``AsyncCrovverClient``, returning a ``RawResponse``."""

    def __init__(self, client: AsyncCrovverClient) -> None:
        self._target = client
        self.credits: AsyncRawCredits = AsyncRawCredits(client.credits)
        """``credits`` methods returning a ``RawResponse``."""
        self.addons: AsyncRawAddons = AsyncRawAddons(client.addons)
        """``addons`` methods returning a ``RawResponse``."""
        self.capacity: AsyncRawCapacity = AsyncRawCapacity(client.capacity)
        """``capacity`` methods returning a ``RawResponse``."""

    create_tenant: Final = async_raw_method(AsyncCrovverClient.create_tenant)
    get_tenant: Final = async_raw_method(AsyncCrovverClient.get_tenant)
    list_tenants: Final = async_raw_method(AsyncCrovverClient.list_tenants)
    get_plans: Final = async_raw_method(AsyncCrovverClient.get_plans)
    get_supported_providers: Final = async_raw_method(AsyncCrovverClient.get_supported_providers)
    get_subscriptions: Final = async_raw_method(AsyncCrovverClient.get_subscriptions)
    get_subscription_status: Final = async_raw_method(AsyncCrovverClient.get_subscription_status)
    cancel_subscription: Final = async_raw_method(AsyncCrovverClient.cancel_subscription)
    can_access: Final = async_raw_method(AsyncCrovverClient.can_access)
    record_usage: Final = async_raw_method(AsyncCrovverClient.record_usage)
    check_usage_limit: Final = async_raw_method(AsyncCrovverClient.check_usage_limit)
    create_checkout_session: Final = async_raw_method(AsyncCrovverClient.create_checkout_session)
    get_invoices: Final = async_raw_method(AsyncCrovverClient.get_invoices)
    create_checkout_token: Final = async_raw_method(AsyncCrovverClient.create_checkout_token)
    create_portal_token: Final = async_raw_method(AsyncCrovverClient.create_portal_token)
    create_proration_checkout: Final = async_raw_method(AsyncCrovverClient.create_proration_checkout)
