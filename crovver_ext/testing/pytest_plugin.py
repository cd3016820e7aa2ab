"""pytest fixtures for testing your application against the local Crovver.

pytest loads this plugin by itself once the SDK is installed (entry point ``pytest11``, name
``crovver``); ``-p no:crovver`` turns it off. Nothing starts until a test asks for a fixture,
and registering the plugin imports only pytest and this module: the client, httpx and the
emulator load when a fixture is first used.
Every name starts with ``crovver_`` so it cannot clash with your own fixtures.

========================  ========  ==========================================================
fixture                   scope     what it is
========================  ========  ==========================================================
``crovver_seed``          session   the seed to start from: ``None`` (the built-in demo data);
                                    override it in your ``conftest.py`` to return a dict or a
                                    ``.json``/``.yaml`` path
``crovver_local``         session   a :class:`~crovver_ext.testing.LocalCrovver` serving on
                                    127.0.0.1 (a free port); not reset by itself
``crovver_control``       function  its :class:`~crovver_ext.testing.ControlPlane`, after the
                                    emulator was reset to the seed (state, clock, faults, log,
                                    webhooks)
``crovver_client``        function  a :class:`~crovver_ext.CrovverClient` pointed at it (after
                                    the reset); retries happen but never sleep
``crovver_async_client``  function  the same, an :class:`~crovver_ext.AsyncCrovverClient`
``crovver_webhooks``      function  a :class:`WebhookCollector`: a receiver on loopback,
                                    registered as a webhook endpoint, keeping verified events
========================  ========  ==========================================================
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import httpx

    from crovver_ext import AsyncCrovverClient, CrovverClient
    from crovver_ext.testing import ControlPlane, LocalCrovver
    from crovver_ext.testing._collector import WebhookCollector

__all__ = [
    "WebhookCollector",
    "crovver_async_client",
    "crovver_client",
    "crovver_control",
    "crovver_local",
    "crovver_seed",
    "crovver_webhooks",
]


def __getattr__(name: str) -> Any:
    # ``from crovver_ext.testing.pytest_plugin import WebhookCollector`` (for annotations) works
    # without this module importing http.server when pytest loads it.
    if name == "WebhookCollector":
        from crovver_ext.testing._collector import WebhookCollector

        return WebhookCollector
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _no_sleep(seconds: float) -> None:
    """Retries in tests happen at once."""


async def _no_async_sleep(seconds: float) -> None:
    """Retries in tests happen at once."""


@pytest.fixture(scope="session")
def crovver_seed() -> str | Path | dict[str, Any] | None:
    """The seed ``crovver_local`` starts from (and every reset returns to). Override to change it."""
    return None


@pytest.fixture(scope="session")
def crovver_local(crovver_seed: str | Path | dict[str, Any] | None) -> Iterator[LocalCrovver]:
    """A local Crovver on 127.0.0.1 for the whole session; use ``crovver_control`` for a reset."""
    from crovver_ext.testing import LocalCrovver

    local = LocalCrovver(seed=crovver_seed).start()
    try:
        yield local
    finally:
        local.stop()


@pytest.fixture
def crovver_control(crovver_local: LocalCrovver) -> ControlPlane:
    """The control plane, after resetting the emulator to its seed."""
    control = crovver_local.control
    control.reset()
    return control


def _http_options() -> dict[str, Any]:
    # Plain HTTP on loopback: no proxies from the environment, and no TLS context to build
    # (verify=False skips ~30 ms per client; there is no TLS to verify).
    return {"trust_env": False, "verify": False}


@pytest.fixture
def crovver_client(crovver_local: LocalCrovver, crovver_control: ControlPlane) -> Iterator[CrovverClient]:
    """A ``CrovverClient`` for the local Crovver (reset to its seed), closed after the test."""
    import httpx

    from crovver_ext import CrovverClient
    from crovver_ext.testing import with_test_hooks

    with httpx.Client(**_http_options()) as http:
        client = with_test_hooks(
            CrovverClient(crovver_local.secret_key, base_url=crovver_local.base_url, http_client=http),
            sleep=_no_sleep,
        )
        with client:
            yield client


def _close_async(http: httpx.AsyncClient) -> None:
    import asyncio

    # Keep-alive is off, so every connection closed in the test's own event loop; closing the
    # now empty pool needs a loop but touches no socket. A private loop leaves the thread's
    # current event loop alone.
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(http.aclose())
    finally:
        loop.close()


@pytest.fixture
def crovver_async_client(
    crovver_local: LocalCrovver, crovver_control: ControlPlane
) -> Iterator[AsyncCrovverClient]:
    """An ``AsyncCrovverClient`` for the local Crovver, closed after the test.

    A plain (not async) fixture, so it does not depend on one async test plugin (it is tested
    with anyio's). It keeps no idle connections between requests: no socket outlives the event
    loop of the test that opened it.
    """
    import httpx

    from crovver_ext import AsyncCrovverClient
    from crovver_ext.testing import with_test_hooks

    http = httpx.AsyncClient(limits=httpx.Limits(max_keepalive_connections=0), **_http_options())
    try:
        yield with_test_hooks(
            AsyncCrovverClient(crovver_local.secret_key, base_url=crovver_local.base_url, http_client=http),
            sleep=_no_async_sleep,
        )
    finally:
        _close_async(http)


@pytest.fixture
def crovver_webhooks(crovver_control: ControlPlane) -> Iterator[WebhookCollector]:
    """A webhook endpoint registered with the local Crovver that keeps every verified event.

    ``crovver_webhooks.events`` waits for queued deliveries, then lists the events (each id
    once); ``.of_type("subscription.canceled")`` filters them; ``.rejected`` should stay empty.
    """
    from crovver_ext.testing._collector import WebhookCollector

    collector = WebhookCollector(crovver_control).start()
    try:
        yield collector
    finally:
        collector.stop()
