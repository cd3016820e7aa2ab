"""In-process httpx transports: the same emulator, no socket.

Faults behave as over HTTP: delays sleep (``asyncio.sleep`` in the async transport), canned
statuses answer, and resets raise ``httpx.ReadError`` (``reset_after`` having committed first).
"""

from __future__ import annotations

import asyncio
import time

import httpx

from ._app import Admission, Emulator, Outcome


def _admit(emulator: Emulator, request: httpx.Request, body: bytes) -> Admission:
    raw = request.url.raw_path.decode("ascii", errors="replace")
    path, _, query = raw.partition("?")
    headers: dict[str, str] = {}
    for name, value in request.headers.multi_items():
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return emulator.admit(request.method, path, query, headers, body)


def _response(request: httpx.Request, outcome: Outcome) -> httpx.Response:
    if outcome.reset:
        raise httpx.ReadError("Connection reset by peer (local Crovver fault)", request=request)
    return httpx.Response(outcome.status, headers=outcome.headers, content=outcome.body, request=request)


class InProcessTransport(httpx.BaseTransport):
    """A sync httpx transport that calls the emulator directly."""

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        adm = _admit(self._emulator, request, request.read())
        if adm.delay:
            time.sleep(adm.delay)
        return _response(request, self._emulator.complete(adm))


class AsyncInProcessTransport(httpx.AsyncBaseTransport):
    """An async httpx transport that calls the emulator directly.

    Handling is synchronous and brief (one SQLite transaction); only fault delays await.
    """

    def __init__(self, emulator: Emulator) -> None:
        self._emulator = emulator

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        adm = _admit(self._emulator, request, await request.aread())
        if adm.delay:
            await asyncio.sleep(adm.delay)
        return _response(request, self._emulator.complete(adm))
