"""The clients' wiring of the policy, over ``httpx.MockTransport``: timeouts on every attempt,
per-call overrides, injected sleep/clock/jitter, and the same behaviour sync and async."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from crovver_ext import APITimeoutError, AsyncCrovverClient, CrovverClient, InternalServerError
from crovver_ext._policy import RETRY_COUNT_HEADER
from crovver_ext.testing import with_test_hooks

KEY = "sk_test_unit"
BASE = "http://crovver.test"
EMPTY_BALANCE = {"success": True, "data": {}}


class Server:
    """A scripted MockTransport handler: answers in order, records what each attempt carried."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.retry_counts: list[str | None] = []  # as sent (the loop reuses one request object)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.retry_counts.append(request.headers.get(RETRY_COUNT_HEADER))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    @property
    def timeouts(self) -> list[dict[str, float | None]]:
        return [r.extensions["timeout"] for r in self.requests]


def _ok() -> httpx.Response:
    return httpx.Response(200, json=EMPTY_BALANCE)


def _down() -> httpx.Response:
    return httpx.Response(503, json={"success": False, "data": None, "error": "down"})


def _all(seconds: float | None) -> dict[str, float | None]:
    return {"connect": seconds, "read": seconds, "write": seconds, "pool": seconds}


def _sync(server: Server, **options: Any) -> tuple[CrovverClient, list[float]]:
    sleeps: list[float] = []
    http = httpx.Client(transport=httpx.MockTransport(server))
    hooks = {name: options.pop("_" + name) for name in ("clock", "jitter") if "_" + name in options}
    client = CrovverClient(KEY, base_url=BASE, http_client=http, **options)
    return with_test_hooks(client, sleep=sleeps.append, **hooks), sleeps


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (None, _all(None)),
        (5, _all(5.0)),
        (0.25, _all(0.25)),
        (httpx.Timeout(3.0, connect=1.0), {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}),
    ],
    ids=["no timeout", "int", "float", "httpx.Timeout"],
)
def test_the_timeout_applies_to_every_attempt(timeout: Any, expected: dict[str, float | None]) -> None:
    server = Server(_down(), _down(), _ok())
    client, sleeps = _sync(server, timeout=timeout)
    client.credits.balance(tenant_id="t")
    assert len(server.requests) == 3 and len(sleeps) == 2
    assert server.timeouts == [expected] * 3


def test_the_default_timeout_is_30_seconds() -> None:
    server = Server(_ok())
    client, _ = _sync(server)
    client.credits.balance(tenant_id="t")
    assert server.timeouts == [_all(30.0)]


def test_with_options_timeout_is_per_call_and_leaves_the_original_alone() -> None:
    server = Server(_down(), _ok())
    client, _ = _sync(server, timeout=10)
    client.with_options(timeout=0.2).credits.balance(tenant_id="t")
    client.credits.balance(tenant_id="t")
    assert server.timeouts == [_all(0.2), _all(0.2), _all(10.0)]
    assert client.timeout == httpx.Timeout(10.0)


def test_a_timeout_becomes_api_timeout_error_after_the_retries() -> None:
    exc = httpx.ReadTimeout("timed out")
    server = Server(exc)
    client, sleeps = _sync(server, max_retries=2, _jitter=lambda: 0.0)
    with pytest.raises(APITimeoutError) as info:
        client.credits.balance(tenant_id="t")
    assert info.value.code == "TIMEOUT" and info.value.is_retryable
    assert info.value.__cause__ is exc
    assert len(server.requests) == 3
    assert sleeps == [0.375, 0.75]  # the lowest jitter: 0.75 x (0.5, 1.0)


@pytest.mark.parametrize(("jitter", "first"), [(0.0, 0.375), (0.5, 0.5), (0.999999, 0.625)])
def test_injected_jitter_drives_the_backoff(jitter: float, first: float) -> None:
    server = Server(_down(), _ok())
    client, sleeps = _sync(server, _jitter=lambda: jitter)
    client.credits.balance(tenant_id="t")
    assert sleeps == [pytest.approx(first)]


def test_injected_clock_is_used_for_http_dates() -> None:
    retry_after = "Thu, 01 Jan 2026 00:00:30 GMT"
    server = Server(httpx.Response(429, headers={"Retry-After": retry_after}, json={"success": False}), _ok())
    client, sleeps = _sync(server, _clock=lambda: 1_767_225_600.0 + 18)  # 00:00:18
    client.credits.balance(tenant_id="t")
    assert sleeps == [pytest.approx(12.0)]


def test_each_attempt_sends_the_same_request() -> None:
    server = Server(
        _down(),
        httpx.ConnectError("refused"),
        _down(),
        httpx.Response(200, json={"success": True, "data": _consumed()}),
    )
    client, sleeps = _sync(server)
    client.credits.consume(tenant_id="t", pool_key="p", amount=2, idempotency_key="key-1")
    assert server.retry_counts == [None, "1", "2", "3"]
    bodies = {r.content for r in server.requests}
    assert len(bodies) == 1 and b'"idempotencyKey":"key-1"' in bodies.pop().replace(b" ", b"")
    assert len(sleeps) == 3


def _consumed() -> dict[str, Any]:
    return {"result": "allowed", "remaining": 8, "alreadyProcessed": False, "poolKey": "p"}


# ---- async: the same loop ---------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_client_runs_the_same_policy() -> None:
    server = Server(_down(), httpx.ReadTimeout("slow"), _ok())
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(server)) as http,
        with_test_hooks(
            AsyncCrovverClient(KEY, base_url=BASE, http_client=http, timeout=7),
            sleep=record,
            jitter=lambda: 0.5,
        ) as client,
    ):
        balance = await client.credits.balance(tenant_id="t")
        assert balance.pools == ()
        await client.with_options(timeout=0.5, max_retries=0).credits.balance(tenant_id="t")
    assert sleeps == [0.5, 1.0]
    assert server.timeouts == [_all(7.0)] * 3 + [_all(0.5)]
    assert server.retry_counts == [None, "1", "2", None]


@pytest.mark.anyio
async def test_async_client_raises_after_max_retries() -> None:
    server = Server(_down())
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(server)) as http,
        with_test_hooks(
            AsyncCrovverClient(KEY, base_url=BASE, http_client=http, max_retries=1), sleep=record
        ) as client,
    ):
        with pytest.raises(InternalServerError):
            await client.credits.balance(tenant_id="t")
    assert len(server.requests) == 2 and len(sleeps) == 1
