"""Fixtures for the facade tests: one local Crovver for the session, reset before each test, and
a ``client`` that is, in turn, a ``CrovverClient`` and an ``AsyncCrovverClient`` (driven through a
blocking portal, so each behaviour test is written once and runs against both)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.testing import ControlPlane, LocalCrovver, with_test_hooks


def no_sleep(seconds: float) -> None:
    """Retries in these tests never wait."""


async def no_async_sleep(seconds: float) -> None:
    """Retries in these tests never wait."""


class Blocking:
    """Calls an async client (or one of its namespaces) from sync code, through a portal."""

    def __init__(self, target: Any, portal: BlockingPortal) -> None:
        self._target = target
        self._portal = portal

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if inspect.iscoroutinefunction(attr):

            def call(*args: Any, **kwargs: Any) -> Any:
                return self._portal.call(functools.partial(attr, *args, **kwargs))

            return call
        if name in ("credits", "addons", "capacity", "with_raw_response"):
            return Blocking(attr, self._portal)
        return attr

    def __repr__(self) -> str:
        return f"Blocking({self._target!r})"


@pytest.fixture(scope="session")
def local() -> Iterator[LocalCrovver]:
    with LocalCrovver() as server:
        yield server


@pytest.fixture
def control(local: LocalCrovver) -> ControlPlane:
    local.control.reset()
    return local.control


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest, local: LocalCrovver, control: ControlPlane) -> Iterator[Any]:
    if request.param == "sync":
        with with_test_hooks(
            CrovverClient(local.secret_key, base_url=local.base_url), sleep=no_sleep
        ) as sync_client:
            yield sync_client
        return
    with start_blocking_portal() as portal:
        async_client = with_test_hooks(
            AsyncCrovverClient(local.secret_key, base_url=local.base_url), sleep=no_async_sleep
        )
        try:
            yield Blocking(async_client, portal)
        finally:
            portal.call(async_client.aclose)


def session_id(checkout_url: str) -> str:
    """The local Crovver's checkout URLs end with the session id."""
    return checkout_url.rstrip("/").rsplit("/", 1)[-1]
