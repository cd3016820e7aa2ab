"""The retry policy over real loopback HTTP, against the local Crovver's fault injection.

The matrix: every fault x {a read, an idempotent write (consume), a never-retried write
(checkout)} x {sync, async}. Each case checks what the server saw (attempts, bodies, headers),
what the caller got (result, or error class and attributes), the ledger (consume is charged
exactly once), and the delays the client asked to sleep (recorded, never slept).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any

import httpx
import pytest

import crovver_ext
from crovver_ext import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CrovverError,
    InternalServerError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from crovver_ext.testing import ControlPlane, LocalCrovver
from tests.faults.flavors import FROZEN_NOW, Flavor, refused_url, retry_counts, settle

pytestmark = pytest.mark.anyio

TENANT = "ws_active"
POOL = "ai_generations"  # 100 credits, hard limit
POOL_START = 100
AMOUNT = 3
IDEMPOTENCY_KEY = "consume-fault-matrix-1"
HTML_520 = (
    "<!DOCTYPE html><html><head><title>520: Web server is returning an unknown error</title></head>"
    "<body><h1>Web server is returning an unknown error</h1><p>Ray ID: 7f1e2d3c4b5a6978</p></body></html>"
)


def _envelope(error: Any) -> dict[str, Any]:
    return {"success": False, "data": None, "error": error}


# ---- the operations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    name: str
    path: str
    retried: bool
    invoke: Callable[[Any], Any]  # client -> result (or an awaitable of it)


OPS = [
    Op("read", "/api/public/plans", True, lambda c: c.get_plans()),
    Op(
        "consume",
        "/api/public/credits/consume",
        True,
        lambda c: c.credits.consume(
            tenant_id=TENANT, pool_key=POOL, amount=AMOUNT, idempotency_key=IDEMPOTENCY_KEY
        ),
    ),
    Op(
        "checkout",
        "/api/public/checkout",
        False,
        lambda c: c.create_checkout_session(plan_id="plan_pro", external_tenant_id="ws_none"),
    ),
]

# ---- the faults ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    name: str
    inject: dict[str, Any]  # keyword arguments for ControlPlane.inject_fault
    error: type[CrovverError]  # exactly this class
    status: int | None
    code: str | None
    message: str | None  # None: not checked exactly
    delay: float | None = None  # the exact sleep asked for; None: backoff (0.5 s +-25% first)
    timeout: float | None = None  # the per-call timeout (with_options)
    committed: bool = False  # whether the server did the work although the client saw a failure


FAULTS = [
    Fault(
        "500",
        {"status": 500, "body": _envelope({"message": "Database unavailable", "code": "INTERNAL_ERROR"})},
        InternalServerError,
        500,
        "INTERNAL_ERROR",
        "Database unavailable",
    ),
    Fault("502 empty body", {"status": 502}, InternalServerError, 502, None, "HTTP 502 Bad Gateway"),
    Fault(
        "503 string error",
        {"status": 503, "body": _envelope("Service Unavailable")},
        InternalServerError,
        503,
        None,
        "Service Unavailable",
    ),
    Fault(
        "504 error null",
        {"status": 504, "body": _envelope(None)},
        InternalServerError,
        504,
        None,
        "HTTP 504 Gateway Timeout",
    ),
    Fault(
        "520 HTML",
        {"status": 520, "body": HTML_520, "content_type": "text/html; charset=utf-8"},
        InternalServerError,  # a proxy's page: the status decides, not the body
        520,
        None,
        "HTTP 520 Error",
    ),
    Fault(
        "429 Retry-After seconds",
        {
            "status": 429,
            "headers": {"Retry-After": "2"},
            "body": _envelope({"message": "Too many requests", "code": "RATE_LIMITED"}),
        },
        RateLimitError,
        429,
        "RATE_LIMITED",
        "Too many requests",
        delay=2.0,
    ),
    Fault(
        "429 Retry-After HTTP-date",
        {
            "status": 429,
            # Seven seconds after the client's (frozen) clock.
            "headers": {"Retry-After": formatdate(FROZEN_NOW + 7, usegmt=True)},
            "body": _envelope("Too many requests"),
        },
        RateLimitError,
        429,
        None,
        "Too many requests",
        delay=7.0,
    ),
    Fault(
        "408",
        {"status": 408, "body": _envelope("Request Timeout")},
        APIStatusError,
        408,
        None,
        "Request Timeout",
    ),
    Fault(
        "reset before handling", {"action": "reset_before"}, APIConnectionError, None, "NETWORK_ERROR", None
    ),
    Fault(
        "reset after commit",
        {"action": "reset_after"},
        APIConnectionError,
        None,
        "NETWORK_ERROR",
        None,
        committed=True,
    ),
    Fault(
        "read timeout",
        {"action": "delay", "delay": 0.5},
        APITimeoutError,
        None,
        "TIMEOUT",
        None,
        timeout=0.2,
        committed=True,
    ),
]


def _check_error(error: CrovverError, fault: Fault) -> None:
    assert type(error) is fault.error, repr(error)
    assert error.status_code == fault.status
    assert error.code == fault.code
    assert error.is_retryable is True
    if fault.message is not None:
        assert error.message == fault.message
    if fault.status == 520:
        assert isinstance(error.body, str) and error.body.startswith("<!DOCTYPE html>")
        assert "Web server is returning an unknown error" in error.body
    elif fault.name == "502 empty body":
        assert error.body is None
    assert error.to_dict()["is_retryable"] is True


def _check_delays(sleeps: list[float], fault: Fault, retries: int) -> None:
    assert len(sleeps) == retries, sleeps
    for n, delay in enumerate(sleeps):
        if fault.delay is not None:  # Retry-After honoured instead of the backoff
            assert delay == pytest.approx(fault.delay)
        else:
            base = min(0.5 * 2**n, 8.0)
            assert base * 0.75 <= delay <= base * 1.25, (n, delay)


def _ledger(control: ControlPlane) -> tuple[int, list[dict[str, Any]]]:
    ledger = control.ledger(TENANT, POOL)
    remaining = sum(g["qty_remaining"] for g in ledger["grants"])
    return remaining, [c for c in ledger["consumptions"] if c["idempotency_key"] == IDEMPOTENCY_KEY]


def _check_same_body(entries: list[dict[str, Any]]) -> None:
    bodies = {json.dumps(e["body"], sort_keys=True) for e in entries}
    assert len(bodies) == 1, bodies
    assert entries[0]["body"]["idempotencyKey"] == IDEMPOTENCY_KEY


async def _run(flavor: Flavor, local: LocalCrovver, op: Op, **options: Any) -> Any:
    """Call ``op``; return its result or the CrovverError it raised, and the recorded sleeps."""
    timeout = options.pop("per_call_timeout", None)
    async with flavor.client(local, **options) as (client, sleeps):
        if timeout is not None:
            client = client.with_options(timeout=timeout)
        try:
            outcome = await flavor.call(op.invoke(client))
        except CrovverError as exc:
            outcome = exc
    settle(local.control)
    return outcome, sleeps


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
@pytest.mark.parametrize("op", OPS, ids=lambda o: o.name)
async def test_fault_matrix(flavor: Flavor, local: LocalCrovver, op: Op, fault: Fault) -> None:
    control = local.control
    control.inject_fault(op.path, **fault.inject)  # times=1: only the first attempt fails
    outcome, sleeps = await _run(flavor, local, op, per_call_timeout=fault.timeout)
    seen = control.requests(path=op.path)
    action = fault.inject.get("action", "status")

    if not op.retried:
        # Never retried: exactly one attempt, the fault's error, no sleep.
        assert isinstance(outcome, CrovverError), outcome
        _check_error(outcome, fault)
        assert len(seen) == 1
        assert seen[0]["fault"] == action
        assert sleeps == []
        # The lost response opened one checkout at most, never a second one.
        subscriptions = control.tenant_state("ws_none")["subscriptions"]
        assert len(subscriptions) == (1 if fault.committed else 0)
        return

    assert not isinstance(outcome, CrovverError), repr(outcome)
    assert [e["fault"] for e in seen] == [action, None]
    assert seen[1]["status"] == 200
    assert retry_counts(seen) == [None, "1"]
    _check_delays(sleeps, fault, retries=1)

    if op.name == "read":
        assert [p.id for p in outcome.plans][:2] == ["plan_free", "plan_pro"]
    else:
        _check_same_body(seen)
        remaining, consumptions = _ledger(control)
        assert len(consumptions) == 1 and consumptions[0]["amount"] == AMOUNT  # charged exactly once
        assert remaining == POOL_START - AMOUNT
        assert outcome.result == "success" and outcome.remaining == POOL_START - AMOUNT
        # After a reset that came after the commit, the retry is answered from the idempotency
        # record. (A timed-out first attempt commits later than the retry, so the retry did it.)
        assert outcome.already_processed is (action == "reset_after")


# ---- exhausted retries -----------------------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
async def test_retries_exhausted_raise_the_last_error(
    flavor: Flavor, local: LocalCrovver, fault: Fault
) -> None:
    op = OPS[1]  # consume: nothing may be charged by attempts that all failed before the handler
    control = local.control
    options: dict[str, Any] = {}
    inject = dict(fault.inject)
    if fault.timeout is not None:
        # Real waiting: keep it short (each attempt times out after 0.1 s; 3 attempts).
        options = {"max_retries": 2, "per_call_timeout": 0.1}
        inject["delay"] = 0.25
    control.inject_fault(op.path, times=10, **inject)
    outcome, sleeps = await _run(flavor, local, op, **options)
    attempts = 1 + options.get("max_retries", 3)
    assert isinstance(outcome, CrovverError), outcome
    _check_error(outcome, fault)
    seen = control.requests(path=op.path)
    assert len(seen) == attempts
    assert retry_counts(seen) == [None, *(str(n) for n in range(1, attempts))]
    _check_delays(sleeps, fault, retries=attempts - 1)
    _check_same_body(seen)
    remaining, consumptions = _ledger(control)
    if fault.committed:  # the work was done (once), only the answers were lost
        assert len(consumptions) == 1 and remaining == POOL_START - AMOUNT
    else:
        assert consumptions == [] and remaining == POOL_START


async def test_max_retries_zero_makes_one_attempt(flavor: Flavor, local: LocalCrovver) -> None:
    control = local.control
    control.inject_fault("/api/public/plans", status=503, body=_envelope("down"), times=10)
    async with flavor.client(local, max_retries=0) as (client, sleeps):
        with pytest.raises(InternalServerError) as info:
            await flavor.call(client.get_plans())
    assert info.value.is_retryable and info.value.status_code == 503
    assert len(control.requests(path="/api/public/plans")) == 1
    assert sleeps == []


async def test_with_options_max_retries_applies_to_the_copy_only(flavor: Flavor, local: LocalCrovver) -> None:
    control = local.control
    control.inject_fault("/api/public/plans", status=503, body=_envelope("down"), times=10)
    async with flavor.client(local) as (client, sleeps):
        with pytest.raises(InternalServerError):
            await flavor.call(client.with_options(max_retries=1).get_plans())
        assert len(control.requests(path="/api/public/plans")) == 2
        control.clear_requests()
        with pytest.raises(InternalServerError):
            await flavor.call(client.get_plans())
        assert len(control.requests(path="/api/public/plans")) == 4
    assert len(sleeps) == 1 + 3


async def test_a_network_error_before_any_response_is_retried(flavor: Flavor, local: LocalCrovver) -> None:
    # Nothing listens there: connection refused, every attempt.
    async with flavor.client(local, base_url=refused_url(), max_retries=2) as (client, sleeps):
        with pytest.raises(APIConnectionError) as info:
            await flavor.call(client.get_plans())
    error = info.value
    assert type(error) is APIConnectionError and error.code == "NETWORK_ERROR" and error.is_retryable
    assert isinstance(error.__cause__, httpx.ConnectError)
    _check_delays(sleeps, FAULTS[0], retries=2)


# ---- never retried -------------------------------------------------------------------------

NEVER_RETRIED = [
    (
        "checkout",
        "/api/public/checkout",
        lambda c: c.create_checkout_session(plan_id="plan_pro", external_tenant_id="ws_none"),
    ),
    (
        "proration checkout",
        "/api/public/capacity/proration-checkout",
        lambda c: c.create_proration_checkout("ws_business", 10),
    ),
    (
        "bulk seat allocation",
        "/api/public/capacity/bulk-allocate",
        lambda c: c.capacity.bulk_allocate("ws_business", [{"external_user_id": "new_user"}]),
    ),
]


@pytest.mark.parametrize(("path", "invoke"), [pytest.param(p, i, id=n) for n, p, i in NEVER_RETRIED])
@pytest.mark.parametrize(
    "inject",
    [{"status": 503, "body": _envelope("down")}, {"action": "reset_after"}],
    ids=["503", "reset after"],
)
async def test_never_retried_operations(
    flavor: Flavor, local: LocalCrovver, path: str, invoke: Callable[[Any], Any], inject: dict[str, Any]
) -> None:
    local.control.inject_fault(path, times=10, **inject)
    async with flavor.client(local) as (client, sleeps):
        with pytest.raises(CrovverError) as info:
            await flavor.call(invoke(client))
    assert info.value.is_retryable  # retryable in kind, but this operation is never retried
    assert len(local.control.requests(path=path)) == 1
    assert sleeps == []


async def test_addon_purchase_resends_the_same_key_and_buys_once(flavor: Flavor, local: LocalCrovver) -> None:
    control = local.control
    path = f"/api/public/tenants/{TENANT}/addons/purchase"
    control.inject_fault(path, action="reset_after")  # the purchase commits, the answer is lost
    async with flavor.client(local) as (client, sleeps):
        purchase = await flavor.call(
            client.addons.purchase(TENANT, addon_id="addon_api_free", currency="USD", idempotency_key="buy-1")
        )
    assert purchase.already_processed is True
    seen = control.requests(path=path)
    assert len(seen) == 2 and len({json.dumps(e["body"], sort_keys=True) for e in seen}) == 1
    assert seen[0]["body"]["idempotencyKey"] == "buy-1"
    assert len(control.tenant_state(TENANT)["purchases"]) == 1
    addon_grants = [g for g in control.ledger(TENANT, "api_calls")["grants"] if g["source_type"] == "addon"]
    assert len(addon_grants) == 1 and addon_grants[0]["qty_granted"] == 100
    _check_delays(sleeps, FAULTS[0], retries=1)


# ---- 4xx is never retried --------------------------------------------------------------------

CLIENT_ERRORS = [
    (400, "VALIDATION_ERROR", BadRequestError),
    (401, "INVALID_SERVICE_KEY", AuthenticationError),
    (402, "NO_SUBSCRIPTION", PaymentRequiredError),
    (403, "INSUFFICIENT_PERMISSIONS", PermissionDeniedError),
    (404, "TENANT_NOT_FOUND", NotFoundError),
    (409, "IDEMPOTENCY_KEY_REUSED", ConflictError),
    (422, "CURRENCY_NOT_SUPPORTED", UnprocessableEntityError),
]


@pytest.mark.parametrize(("status", "code", "cls"), CLIENT_ERRORS, ids=[str(s) for s, _, _ in CLIENT_ERRORS])
async def test_injected_4xx_is_not_retried(
    flavor: Flavor, local: LocalCrovver, status: int, code: str, cls: type[CrovverError]
) -> None:
    op = OPS[1]  # consume: a retryable operation
    local.control.inject_fault(
        op.path, status=status, body=_envelope({"message": f"no ({status})", "code": code})
    )
    outcome, sleeps = await _run(flavor, local, op)
    assert type(outcome) is cls
    assert (outcome.status_code, outcome.code, outcome.message) == (status, code, f"no ({status})")
    assert outcome.is_retryable is False
    assert len(local.control.requests(path=op.path)) == 1
    assert sleeps == []


REAL_CLIENT_ERRORS: list[tuple[str, str, Callable[[Any], Any], type[CrovverError], int, str | None]] = [
    (
        "cancel twice",
        "/api/public/subscriptions/sub_ws_canceled/cancel",
        lambda c: c.cancel_subscription("sub_ws_canceled", "ws_canceled", "other"),
        BadRequestError,
        400,
        "ALREADY_CANCELED",
    ),
    (
        "wrong key",
        "/api/public/plans",
        lambda c: c.with_options(api_key="sk_test_not_a_key").get_plans(),
        AuthenticationError,
        401,
        "INVALID_SERVICE_KEY",
    ),
    (
        "no subscription",
        "/api/public/credits/consume",
        lambda c: c.credits.consume(tenant_id="ws_none", pool_key=POOL, amount=1, idempotency_key="k-402"),
        PaymentRequiredError,
        402,
        "NO_SUBSCRIPTION",
    ),
    (
        "D2C tenant creation",
        "/api/public/tenants",
        lambda c: c.with_options(api_key=crovver_ext.testing.D2C_SECRET_KEY).create_tenant(
            external_tenant_id="t", name="T", external_user_id="u"
        ),
        PermissionDeniedError,
        403,
        None,  # the string form of `error`
    ),
    (
        "unknown tenant",
        "/api/public/tenants",
        lambda c: c.get_tenant("nope"),
        NotFoundError,
        404,
        "TENANT_NOT_FOUND",
    ),
    (
        "currency not offered",
        "/api/public/checkout",
        lambda c: c.create_checkout_session(plan_id="plan_pro", external_tenant_id="ws_none", currency="GBP"),
        UnprocessableEntityError,
        422,
        "CURRENCY_NOT_SUPPORTED",
    ),
]


@pytest.mark.parametrize(
    ("path", "invoke", "cls", "status", "code"),
    [pytest.param(*case[1:], id=case[0]) for case in REAL_CLIENT_ERRORS],
)
async def test_real_4xx_from_the_server_is_not_retried(
    flavor: Flavor,
    local: LocalCrovver,
    path: str,
    invoke: Callable[[Any], Any],
    cls: type[CrovverError],
    status: int,
    code: str | None,
) -> None:
    async with flavor.client(local) as (client, sleeps):
        with pytest.raises(CrovverError) as info:
            await flavor.call(invoke(client))
    error = info.value
    assert type(error) is cls
    assert (error.status_code, error.code, error.is_retryable) == (status, code, False)
    assert error.message and error.request_id and error.request_id.startswith("req_")
    assert str(error).startswith(f"Request {error.request_id}: [{status}")
    assert len(local.control.requests(path=path)) == 1
    assert sleeps == []


async def test_idempotency_conflict_is_not_retried(flavor: Flavor, local: LocalCrovver) -> None:
    path = "/api/public/credits/consume"
    async with flavor.client(local) as (client, sleeps):
        await flavor.call(
            client.credits.consume(tenant_id=TENANT, pool_key=POOL, amount=1, idempotency_key="same")
        )
        with pytest.raises(ConflictError) as info:
            await flavor.call(
                client.credits.consume(tenant_id=TENANT, pool_key=POOL, amount=2, idempotency_key="same")
            )
    assert info.value.code == "IDEMPOTENCY_KEY_REUSED"
    assert len(local.control.requests(path=path)) == 2
    assert sleeps == []


# ---- what every attempt carries --------------------------------------------------------------


async def test_user_agent_names_the_sdk_python_and_httpx(flavor: Flavor, local: LocalCrovver) -> None:
    local.control.inject_fault("/api/public/plans", status=503, body=_envelope("down"))
    async with flavor.client(local) as (client, _):
        await flavor.call(client.get_plans())
    seen = local.control.requests(path="/api/public/plans")
    python = ".".join(str(n) for n in sys.version_info[:3])
    expected = re.compile(
        rf"crovver-python/{re.escape(crovver_ext.__version__)} "
        rf"python/{re.escape(python)}\S* "  # a pre-release may add a suffix (3.14.0rc1)
        rf"httpx/{re.escape(httpx.__version__)}"
    )
    agents = [e["headers"]["user-agent"] for e in seen]
    assert len(agents) == 2 and agents[0] == agents[1]
    assert expected.fullmatch(agents[0]), agents[0]
    # The key reaches the server (as a bearer token), and the emulator's log redacts it.
    assert all(e["headers"]["authorization"] == "[REDACTED]" for e in seen)
    assert all(e["headers"]["accept"] == "application/json" for e in seen)


def test_fault_table_covers_the_issue() -> None:
    # The issue's matrix: 500, 502, 503, 504, 520 (HTML), 429 (seconds and HTTP-date), 408,
    # reset before handling, reset after commit, read timeout; a read, consume, checkout.
    statuses = sorted(f.inject.get("status", 0) for f in FAULTS if "status" in f.inject)
    assert statuses == [408, 429, 429, 500, 502, 503, 504, 520]
    assert {f.inject.get("action") for f in FAULTS} >= {"reset_before", "reset_after", "delay"}
    assert [o.name for o in OPS] == ["read", "consume", "checkout"]
    assert [o.retried for o in OPS] == [True, True, False]
