"""Attempt deadlines: ``timeout`` bounds a whole attempt, from connect to the last byte.

httpx's timeouts apply to each socket operation, so a server that trickles one byte at a time
keeps a request alive for as long as it likes. The SDK gives every attempt a deadline instead:

- async: the send runs under ``asyncio.timeout`` (any ``httpx.AsyncClient``);
- sync: the client's own pools read and write through a network backend that shortens each
  socket timeout to what is left of the attempt (kept in a context variable, so threads do not
  share it). No thread or timer per request.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any

import httpcore
import httpx

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("crovver_deadline", default=None)


def attempt_budget(request: httpx.Request) -> float | None:
    """Seconds an attempt may take: the largest part of the request's timeout (for a plain
    ``timeout=5``, 5); None (no deadline) if any part is None."""
    parts = request.extensions.get("timeout", {}).values()
    if not parts or None in parts:
        return None
    return max(parts)  # type: ignore[no-any-return]


def deadline_error(budget: float, request: httpx.Request) -> httpx.ReadTimeout:
    return httpx.ReadTimeout(f"the attempt took longer than its {budget:g} s deadline", request=request)


def _bounded(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    """``timeout`` for one socket operation, cut to what is left of the attempt's deadline."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise error("the attempt's deadline passed")
    return remaining if timeout is None or timeout > remaining else timeout


class _DeadlineStream(httpcore.NetworkStream):
    __slots__ = ("_stream",)

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def enforce_deadlines(client: httpx.Client) -> bool:
    """Make the pools of ``client`` (one the SDK created) honour ``Deadline``; False if it cannot.

    httpx has no public way to pass a network backend while keeping its environment proxies, so
    this wraps the backend of each of the client's httpcore pools (``_transport``, ``_mounts``,
    ``_pool``, ``_network_backend`` are private; httpx and httpcore are pinned below 1.0, and a
    test fails if the wrapping stops taking effect).
    """
    transports = [getattr(client, "_transport", None), *getattr(client, "_mounts", {}).values()]
    wrapped = False
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
            wrapped = True
    return wrapped


def sync_send_with_deadline(
    send: Callable[[httpx.Request], httpx.Response],
) -> Callable[[httpx.Request], httpx.Response]:
    """``send`` whose socket operations (in pools ``enforce_deadlines`` wrapped) end by the
    attempt's deadline."""

    def send_by_deadline(request: httpx.Request) -> httpx.Response:
        budget = attempt_budget(request)
        if budget is None:
            return send(request)
        token = _DEADLINE.set(time.monotonic() + budget)
        try:
            return send(request)
        finally:
            _DEADLINE.reset(token)

    return send_by_deadline


def async_send_with_deadline(
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
) -> Callable[[httpx.Request], Awaitable[httpx.Response]]:
    """``send`` cancelled at the attempt's deadline, as an ``httpx.ReadTimeout`` (retried like
    any timeout)."""
    import asyncio

    async def send_by_deadline(request: httpx.Request) -> httpx.Response:
        budget = attempt_budget(request)
        if budget is None:
            return await send(request)
        try:
            async with asyncio.timeout(budget):
                return await send(request)
        except TimeoutError:  # only asyncio.timeout raises it here: httpx's timeouts are its own
            raise deadline_error(budget, request) from None

    return send_by_deadline


# ---- the async client's own pool ---------------------------------------------------------------


def _to_httpx_error(exc: Exception, request: httpx.Request) -> Exception:
    """The httpx exception for an httpcore one (they share names, as httpx's own mapping uses)."""
    for cls in type(exc).__mro__:
        mapped = getattr(httpx, cls.__name__, None)
        if isinstance(mapped, type) and issubclass(mapped, httpx.TransportError):
            return mapped(str(exc), request=request)
    return exc


_HTTPCORE_ERRORS = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpcore.ProxyError,
)
_DEFAULT_PORTS = {b"http": 80, b"https": 443}
_Key = tuple[bytes, bytes, int]


class AsyncPool(httpx.AsyncBaseTransport):
    """The async client's own connection pool: idle HTTP/1.1 connections, reused newest first.

    Why not httpcore's pool: for every request it rescans all its connections, and it sets up
    per-request synchronization that imports ``sniffio`` each time (a failed import, which Python
    does not cache, when sniffio is not installed: encode/httpcore#1103). Here no request waits
    in the pool: the client's gate admits at most ``size`` requests at once, so a request takes
    an idle connection or opens one. Connections still come from httpcore, on anyio's backend.
    """

    def __init__(self, size: int, keepalive_expiry: float = 5.0) -> None:
        self._size = size
        self._keepalive_expiry = keepalive_expiry
        self._idle: dict[_Key, list[httpcore.AsyncHTTPConnection]] = {}  # by (scheme, host, port)
        self._ssl_context: Any = None
        self._backend = httpcore.AnyIOBackend()
        self._closed = False

    async def _checkout(self, key: _Key) -> httpcore.AsyncHTTPConnection:
        idle = self._idle.get(key)
        while idle:
            connection = idle.pop()
            if connection.is_idle() and not connection.has_expired():
                return connection
            await connection.aclose()
        if key[0] == b"https" and self._ssl_context is None:
            self._ssl_context = httpx.create_ssl_context()  # as httpx's default transport makes it
        return httpcore.AsyncHTTPConnection(
            origin=httpcore.Origin(*key),
            ssl_context=self._ssl_context,
            keepalive_expiry=self._keepalive_expiry,
            network_backend=self._backend,
        )

    async def checkin(self, connection: httpcore.AsyncHTTPConnection, key: _Key) -> None:
        """A finished response gives its connection back, if it can take another request."""
        idle = self._idle.setdefault(key, [])
        if self._closed or not connection.is_idle() or len(idle) >= self._size:
            await connection.aclose()
        else:
            idle.append(connection)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        port = url.port or _DEFAULT_PORTS.get(url.raw_scheme)
        if port is None:
            raise httpx.UnsupportedProtocol(f"unsupported URL scheme {url.scheme!r}", request=request)
        key = (url.raw_scheme, url.raw_host, port)
        connection = await self._checkout(key)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = await connection.handle_async_request(core_request)
        except _HTTPCORE_ERRORS as exc:  # the connection has closed itself
            raise _to_httpx_error(exc, request) from exc
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_PooledStream(response.stream, self, connection, key, request),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        self._closed = True
        idle = [c for connections in self._idle.values() for c in connections]
        self._idle.clear()
        for connection in idle:
            await connection.aclose()


class _PooledStream(httpx.AsyncByteStream):
    """A response body that gives its connection back to the pool when closed."""

    def __init__(
        self,
        stream: Any,
        pool: AsyncPool,
        connection: httpcore.AsyncHTTPConnection,
        key: _Key,
        request: httpx.Request,
    ) -> None:
        self._stream = stream
        self._pool = pool
        self._connection: httpcore.AsyncHTTPConnection | None = connection
        self._key = key
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._stream:
                yield part
        except _HTTPCORE_ERRORS as exc:
            raise _to_httpx_error(exc, self._request) from exc

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        await self._stream.aclose()
        await self._pool.checkin(connection, self._key)
