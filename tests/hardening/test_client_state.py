"""A closed client, or an async client used from another event loop, says so plainly (a
``ClientStateError``, also a ``RuntimeError``) instead of surfacing httpx's RuntimeError text."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest

from crovver_ext import AsyncCrovverClient, ClientStateError, CrovverClient, CrovverError
from tests.hardening.conftest import RawServer

KEY = "sk_test_state"


def test_a_closed_sync_client_says_it_is_closed(raw_server: Callable[..., RawServer]) -> None:
    server = raw_server()
    with CrovverClient(KEY, base_url=server.url) as client:
        assert client.can_access("ws", "feature") is True
    copy = client.with_options(max_retries=0)  # shares the closed pool
    for closed in (client, copy):
        with pytest.raises(ClientStateError, match="client is closed") as info:
            closed.can_access("ws", "feature")
        assert isinstance(info.value, CrovverError) and isinstance(info.value, RuntimeError)
        assert info.value.is_retryable is False
    assert server.connections == 1  # nothing more was sent


def test_a_closed_http_client_passed_in_is_named() -> None:
    http = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(500)))
    client = CrovverClient(KEY, http_client=http)
    http.close()
    with pytest.raises(ClientStateError, match=r"http_client .* is closed"):
        client.get_plans()


def test_a_closed_async_client_says_it_is_closed(raw_server: Callable[..., RawServer]) -> None:
    server = raw_server()

    async def run() -> None:
        async with AsyncCrovverClient(KEY, base_url=server.url) as client:
            assert await client.can_access("ws", "feature") is True
        with pytest.raises(ClientStateError, match="client is closed"):
            await client.can_access("ws", "feature")

    asyncio.run(run())
    assert server.connections == 1


def test_an_async_client_used_from_a_second_event_loop_says_why_it_cannot(
    raw_server: Callable[..., RawServer],
) -> None:
    # The server closes each connection after its answer, so no socket of the first loop is
    # left behind for the garbage collector to warn about.
    server = raw_server()
    client = AsyncCrovverClient(KEY, base_url=server.url)
    assert asyncio.run(client.can_access("ws", "feature")) is True
    with pytest.raises(ClientStateError, match=r"event loop it first ran in.*asyncio\.run") as info:
        asyncio.run(client.can_access("ws", "feature"))
    assert isinstance(info.value, RuntimeError)
    with pytest.raises(ClientStateError, match="event loop"):
        asyncio.run(client.with_options(max_retries=0).can_access("ws", "feature"))  # shares the pool
    assert server.connections == 1  # nothing was sent from the second loop


def test_one_async_client_per_asyncio_run_works(raw_server: Callable[..., RawServer]) -> None:
    server = raw_server()

    async def check() -> bool:
        async with AsyncCrovverClient(KEY, base_url=server.url) as client:
            return await client.can_access("ws", "feature")

    assert [asyncio.run(check()) for _ in range(3)] == [True, True, True]
