"""A seam for tests of code that uses the SDK: no real sleeping, a clock you move."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from crovver_ext._client import AsyncCrovverClient, CrovverClient

C = TypeVar("C", CrovverClient, AsyncCrovverClient)


def with_test_hooks(
    client: C,
    *,
    sleep: Callable[[float], Any] | None = None,
    clock: Callable[[], float] | None = None,
    jitter: Callable[[], float] | None = None,
) -> C:
    """The client, its retry policy's waits, clock and jitter replaced; for tests only.

    Args:
        client: A ``CrovverClient`` or ``AsyncCrovverClient`` (it is changed and returned).
        sleep: Called instead of ``time.sleep`` (a coroutine function for the async client) with
            each backoff in seconds, e.g. to record the waits without waiting.
        clock: Seconds, instead of ``time.time`` for Retry-After dates and ``time.monotonic``
            for the entitlement cache's TTL (the cache starts empty).
        jitter: A number in [0, 1) instead of ``random.random`` for the backoff's jitter.
    """
    client._use_test_hooks(sleep, clock, jitter)
    return client
