"""Sync and async clients behind one interface, so every fault scenario is written once."""

from __future__ import annotations

import inspect
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.testing import ControlPlane, LocalCrovver, with_test_hooks

#: What the injected ``_clock`` says (2026-01-01T00:00:00Z): HTTP-dates are relative to it.
FROZEN_NOW = 1_767_225_600.0


@dataclass(frozen=True)
class Flavor:
    """``CrovverClient`` or ``AsyncCrovverClient``, with a sleep that records instead of waiting."""

    name: str
    is_async: bool

    @asynccontextmanager
    async def client(self, local: LocalCrovver, **options: Any) -> AsyncIterator[tuple[Any, list[float]]]:
        """``(client, sleeps)``: ``sleeps`` collects every backoff delay the client asked for."""
        sleeps: list[float] = []
        api_key = options.pop("api_key", local.secret_key)
        options.setdefault("base_url", local.base_url)
        hooks = {"clock": options.pop("_clock", lambda: FROZEN_NOW)}
        if "_jitter" in options:
            hooks["jitter"] = options.pop("_jitter")
        if self.is_async:

            async def record(seconds: float) -> None:
                sleeps.append(seconds)

            async_client = with_test_hooks(AsyncCrovverClient(api_key, **options), sleep=record, **hooks)
            try:
                yield async_client, sleeps
            finally:
                await async_client.aclose()
        else:
            client = with_test_hooks(CrovverClient(api_key, **options), sleep=sleeps.append, **hooks)
            try:
                yield client, sleeps
            finally:
                client.close()

    @staticmethod
    async def call(value: Any) -> Any:
        """The result of a client method, awaited when the client is async."""
        return await value if inspect.isawaitable(value) else value


FLAVORS = [Flavor("sync", is_async=False), Flavor("async", is_async=True)]


def settle(control: ControlPlane, timeout: float = 3.0) -> None:
    """Wait until no delayed request is still being handled by the emulator."""
    deadline = time.monotonic() + timeout
    while any(r["fault"] == "delay" and r["status"] is None for r in control.requests()):
        if time.monotonic() > deadline:
            raise AssertionError("a delayed request never finished")
        time.sleep(0.01)  # waiting for the server thread, not a backoff


def refused_url() -> str:
    """A loopback URL nothing listens on (a port just bound and released): connection refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def retry_counts(entries: list[dict[str, Any]]) -> list[str | None]:
    """The ``X-Crovver-Retry-Count`` header of each logged request."""
    return [e["headers"].get("x-crovver-retry-count") for e in entries]
