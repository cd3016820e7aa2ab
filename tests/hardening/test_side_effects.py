"""Constructing a client changes nothing outside it: no ``sys.modules`` entries, no handler on a
logger the application configured (and at most one, however many ``debug=True`` clients)."""

from __future__ import annotations

import asyncio
import importlib.abc
import importlib.util
import logging
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext._transport import AsyncPool
from crovver_ext.testing import LocalCrovver

SNIFFIO_INSTALLED = importlib.util.find_spec("sniffio") is not None


@pytest.fixture(scope="module")
def local() -> Iterator[LocalCrovver]:
    with LocalCrovver() as server:
        yield server


@pytest.mark.skipif(SNIFFIO_INSTALLED, reason="the workaround is for sniffio being absent")
def test_constructing_clients_leaves_sys_modules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "sniffio", raising=False)
    CrovverClient("sk_test_x")
    AsyncCrovverClient("sk_test_x")
    assert "sniffio" not in sys.modules


class _ImportRecorder(importlib.abc.MetaPathFinder):
    """Records every search for ``sniffio`` (each one a failed import, paid per request)."""

    def __init__(self) -> None:
        self.searches = 0

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "sniffio":
            self.searches += 1


@pytest.mark.skipif(SNIFFIO_INSTALLED, reason="the workaround is for sniffio being absent")
def test_async_requests_do_not_search_for_sniffio(
    local: LocalCrovver, monkeypatch: pytest.MonkeyPatch
) -> None:
    # httpcore's own pool imports sniffio several times per request (encode/httpcore#1103); the
    # client's own pool does not, and leaves the import system as it found it.
    recorder = _ImportRecorder()
    monkeypatch.delitem(sys.modules, "sniffio", raising=False)
    monkeypatch.setattr(sys, "meta_path", [recorder, *sys.meta_path])

    async def calls() -> tuple[int, int]:
        async with AsyncCrovverClient(local.secret_key, base_url=local.base_url) as client:
            assert isinstance(client._http._transport, AsyncPool)
            fan_out = [client.can_access("ws_active", "advanced_analytics") for _ in range(30)]
            await asyncio.gather(*fan_out)  # opens the pool's connections
            opened = recorder.searches  # a connection's two locks each look once, when first used
            await asyncio.gather(*(client.can_access("ws_active", "advanced_analytics") for _ in range(30)))
            return opened, recorder.searches - opened

    opened, per_request = asyncio.run(calls())
    assert opened <= 2 * 10  # at most two per connection, ten connections
    assert per_request == 0
    assert "sniffio" not in sys.modules


def test_the_async_pool_reuses_connections_and_keeps_at_most_its_size(local: LocalCrovver) -> None:
    async def calls() -> list[int]:
        async with AsyncCrovverClient(local.secret_key, base_url=local.base_url) as client:
            pool = client._http._transport
            assert isinstance(pool, AsyncPool)
            for _ in range(5):
                await client.can_access("ws_active", "advanced_analytics")
            sequential = sum(len(idle) for idle in pool._idle.values())
            await asyncio.gather(*(client.can_access("ws_active", "advanced_analytics") for _ in range(40)))
            return [sequential, sum(len(idle) for idle in pool._idle.values())]

    sequential, after_fan_out = asyncio.run(calls())
    assert sequential == 1  # one connection served five calls in a row
    assert 1 <= after_fan_out <= 10


def test_a_proxy_in_the_environment_keeps_httpx_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    # The client's own pool does not speak to proxies; httpx's transport does.
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    client = AsyncCrovverClient("sk_test_x")
    assert not isinstance(client._http._transport, AsyncPool)
    monkeypatch.delenv("HTTPS_PROXY")
    assert isinstance(AsyncCrovverClient("sk_test_x")._http._transport, AsyncPool)


@pytest.fixture
def crovver_logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    logger = logging.getLogger("crovver")
    level = logger.level
    monkeypatch.setattr(logger, "handlers", [])
    yield logger
    logger.setLevel(level)  # setLevel, not the attribute: it also resets the logger's cache


def test_debug_clients_use_the_handlers_the_application_configured(crovver_logger: logging.Logger) -> None:
    # pytest's logging plugin has put handlers on the root logger, as an application would.
    assert logging.getLogger().handlers
    for _ in range(5):
        CrovverClient("sk_test_x", debug=True)
        AsyncCrovverClient("sk_test_x", debug=True)
    assert crovver_logger.handlers == []
    assert crovver_logger.isEnabledFor(logging.DEBUG)


def test_many_debug_clients_add_at_most_one_handler(
    crovver_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging.getLogger(), "handlers", [])  # logging not configured at all
    for _ in range(5):
        CrovverClient("sk_test_x", debug=True)
        AsyncCrovverClient("sk_test_x", debug=True)
    assert len(crovver_logger.handlers) == 1
    assert isinstance(crovver_logger.handlers[0], logging.StreamHandler)


def test_a_refused_debug_client_changes_no_logger(crovver_logger: logging.Logger) -> None:
    crovver_logger.setLevel(logging.WARNING)
    with pytest.raises(ValueError, match="timeout"):
        CrovverClient("sk_test_x", debug=True, timeout=-1)
    assert crovver_logger.level == logging.WARNING and crovver_logger.handlers == []
