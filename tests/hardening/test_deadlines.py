"""``timeout`` is a deadline for a whole attempt (connect to last byte), sync and async.

httpx's own timeouts are per socket operation: a server that trickles one byte at a time never
trips them. A trickling server on loopback shows the attempt ending at its deadline instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from crovver_ext import APITimeoutError, AsyncCrovverClient, CrovverClient
from crovver_ext._adapter import can_access
from crovver_ext.testing import with_test_hooks
from tests.hardening.conftest import ENVELOPE, RawServer, elapsed, response

# Loaded now: the first call otherwise pays for importing the models, which these timings exclude.
can_access("ws", "feature", None, None)

KEY = "sk_test_deadline"
TIMEOUT = 0.4
INTERVAL = 0.1  # one byte per interval: every read succeeds well within the timeout
SLACK = 0.35  # scheduling on a loaded 2-core machine


def _trickling(raw_server: Callable[..., RawServer], where: str) -> RawServer:
    payload = response(ENVELOPE + b" " * 100)
    head = {"status line": 0, "body": payload.index(b"\r\n\r\n") + 4}[where]
    return raw_server(payload=payload, head=head, interval=INTERVAL)


@pytest.mark.parametrize("where", ["status line", "body"])
def test_a_trickling_server_cannot_hold_a_sync_attempt_past_its_timeout(
    raw_server: Callable[..., RawServer], where: str
) -> None:
    server = _trickling(raw_server, where)
    with CrovverClient(KEY, base_url=server.url, timeout=TIMEOUT, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.can_access("ws", "feature")
        took = elapsed(started)
    assert TIMEOUT * 0.9 <= took < TIMEOUT + SLACK, took


@pytest.mark.parametrize("where", ["status line", "body"])
@pytest.mark.anyio
async def test_a_trickling_server_cannot_hold_an_async_attempt_past_its_timeout(
    raw_server: Callable[..., RawServer], where: str
) -> None:
    server = _trickling(raw_server, where)
    async with AsyncCrovverClient(KEY, base_url=server.url, timeout=TIMEOUT, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            await client.can_access("ws", "feature")
        took = elapsed(started)
    assert TIMEOUT * 0.9 <= took < TIMEOUT + SLACK, took


def test_a_whole_call_is_bounded_by_attempts_times_timeout_plus_waits(
    raw_server: Callable[..., RawServer],
) -> None:
    server = _trickling(raw_server, "status line")
    waits: list[float] = []
    client = with_test_hooks(
        CrovverClient(KEY, base_url=server.url, timeout=TIMEOUT, max_retries=2), sleep=waits.append
    )
    with client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.can_access("ws", "feature")
        took = elapsed(started)
    assert len(waits) == 2 and server.connections == 3  # every attempt timed out, and was retried
    assert took < 3 * TIMEOUT + 2 * SLACK, took  # the waits were recorded, not slept


def test_httpx_timeout_parts_give_the_deadline_of_their_largest_part(
    raw_server: Callable[..., RawServer],
) -> None:
    server = _trickling(raw_server, "body")
    timeout = httpx.Timeout(TIMEOUT / 2, read=TIMEOUT)
    with CrovverClient(KEY, base_url=server.url, timeout=timeout, max_retries=0) as client:
        started = time.monotonic()
        with pytest.raises(APITimeoutError):
            client.can_access("ws", "feature")
    assert elapsed(started) < TIMEOUT + SLACK


def test_a_fast_answer_is_not_cut_short(raw_server: Callable[..., RawServer]) -> None:
    # The deadline shortens socket timeouts; an answer within it arrives whole.
    server = raw_server(payload=response(), head=0, chunk=8, interval=0.01)
    with CrovverClient(KEY, base_url=server.url, timeout=2.0, max_retries=0) as client:
        assert client.can_access("ws", "feature") is True


def test_timeout_none_means_no_deadline(raw_server: Callable[..., RawServer]) -> None:
    server = raw_server(payload=response(), head=0, chunk=4, interval=0.01)
    with CrovverClient(KEY, base_url=server.url, timeout=None, max_retries=0) as client:
        assert client.can_access("ws", "feature") is True
