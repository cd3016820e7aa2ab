"""Bad input raises ValueError/TypeError naming the argument, and nothing is sent."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient

Sent = list[httpx.Request]


@pytest.fixture
def sent() -> Sent:
    return []


@pytest.fixture
def client(sent: Sent) -> CrovverClient:
    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    return CrovverClient("sk_test_x", http_client=httpx.Client(transport=httpx.MockTransport(record)))


CONSUME = {"tenant_id": "ws", "pool_key": "ai", "amount": 1, "idempotency_key": "k"}
PURCHASE = {"addon_id": "a", "currency": "USD", "idempotency_key": "k"}

CASES: list[tuple[str, Callable[[CrovverClient], Any], type[Exception], str]] = [
    ("empty tenant", lambda c: c.get_tenant(""), ValueError, "external_tenant_id"),
    ("blank tenant", lambda c: c.get_subscriptions("   "), ValueError, "tenant_id"),
    ("int tenant", lambda c: c.get_subscriptions(42), TypeError, "tenant_id"),
    ("None tenant", lambda c: c.can_access(None, "f"), TypeError, "tenant_id"),
    ("dot id", lambda c: c.addons.get_active("."), ValueError, "tenant_id"),
    ("dotdot id", lambda c: c.addons.list_available(".."), ValueError, "tenant_id"),
    ("dotdot subscription", lambda c: c.cancel_subscription("..", "ws", "r"), ValueError, "subscription_id"),
    ("control char", lambda c: c.get_tenant("ws\n1"), ValueError, "external_tenant_id"),
    ("no feature or product", lambda c: c.can_access("ws"), ValueError, "feature_key"),
    ("negative can_access amount", lambda c: c.can_access("ws", "f", amount=-1), ValueError, "amount"),
    ("amount zero", lambda c: c.credits.consume(**{**CONSUME, "amount": 0}), ValueError, "amount"),
    ("amount negative", lambda c: c.credits.consume(**{**CONSUME, "amount": -5}), ValueError, "amount"),
    ("amount float", lambda c: c.credits.consume(**{**CONSUME, "amount": 1.0}), TypeError, "amount"),
    ("amount bool", lambda c: c.credits.consume(**{**CONSUME, "amount": True}), TypeError, "amount"),
    ("amount str", lambda c: c.credits.consume(**{**CONSUME, "amount": "1"}), TypeError, "amount"),
    (
        "empty key",
        lambda c: c.credits.consume(**{**CONSUME, "idempotency_key": ""}),
        ValueError,
        "idempotency_key",
    ),
    (
        "None key",
        lambda c: c.credits.consume(**{**CONSUME, "idempotency_key": None}),
        TypeError,
        "idempotency_key",
    ),
    ("empty pool", lambda c: c.credits.consume(**{**CONSUME, "pool_key": ""}), ValueError, "pool_key"),
    ("set metadata", lambda c: c.credits.consume(**CONSUME, metadata={"s": {1}}), TypeError, "metadata"),
    (
        "nan metadata",
        lambda c: c.credits.consume(**CONSUME, metadata={"x": math.nan}),
        ValueError,
        "metadata",
    ),
    ("list metadata", lambda c: c.credits.consume(**CONSUME, metadata=[1]), TypeError, "metadata"),
    ("int-keyed metadata", lambda c: c.credits.consume(**CONSUME, metadata={1: "a"}), TypeError, "metadata"),
    (
        "purchase empty key",
        lambda c: c.addons.purchase("ws", **{**PURCHASE, "idempotency_key": ""}),
        ValueError,
        "idempotency_key",
    ),
    (
        "purchase no currency",
        lambda c: c.addons.purchase("ws", **{**PURCHASE, "currency": ""}),
        ValueError,
        "currency",
    ),
    (
        "purchase dot addon",
        lambda c: c.addons.purchase("ws", **{**PURCHASE, "addon_id": "."}),
        ValueError,
        "addon_id",
    ),
    ("checkout nobody", lambda c: c.create_checkout_session(plan_id="p"), ValueError, "external_tenant_id"),
    (
        "checkout seats 0",
        lambda c: c.create_checkout_session(plan_id="p", external_tenant_id="ws", total_capacity_units=0),
        ValueError,
        "total_capacity_units",
    ),
    (
        "checkout bad metadata",
        lambda c: c.create_checkout_session(plan_id="p", external_tenant_id="ws", metadata={"o": object()}),
        TypeError,
        "metadata",
    ),
    (
        "create tenant empty name",
        lambda c: c.create_tenant(external_tenant_id="ws", name="", external_user_id="u"),
        ValueError,
        "name",
    ),
    ("cancel empty reason", lambda c: c.cancel_subscription("s", "ws", ""), ValueError, "reason"),
    ("usage value bool", lambda c: c.record_usage("ws", "m", True), TypeError, "value"),
    ("status filter", lambda c: c.capacity.list_allocations("ws", status="gone"), ValueError, "status"),
    ("page size", lambda c: c.capacity.list_allocations("ws", limit=101), ValueError, "limit"),
    ("bulk empty", lambda c: c.capacity.bulk_allocate("ws", []), ValueError, "users"),
    (
        "bulk too many",
        lambda c: c.capacity.bulk_allocate("ws", [{"external_user_id": f"u{i}"} for i in range(101)]),
        ValueError,
        "users",
    ),
    (
        "bulk duplicate",
        lambda c: c.capacity.bulk_allocate("ws", [{"external_user_id": "u"}, {"external_user_id": "u"}]),
        ValueError,
        "duplicate",
    ),
    (
        "bulk no id",
        lambda c: c.capacity.bulk_allocate("ws", [{"email": "a@b"}]),
        TypeError,
        "external_user_id",
    ),
    ("iter allocations", lambda c: c.capacity.iter_allocations(""), ValueError, "tenant_id"),
    ("proration capacity", lambda c: c.create_proration_checkout("ws", 0), ValueError, "new_capacity"),
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("case", "call", "error", "names"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_rejected_before_sending(
    client: CrovverClient,
    sent: Sent,
    case: str,
    call: Callable[[CrovverClient], Any],
    error: type[Exception],
    names: str,
) -> None:
    with pytest.raises(error, match=names):
        call(client)
    assert sent == []


@pytest.mark.anyio
async def test_async_client_validates_before_sending() -> None:
    sent: Sent = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    async with AsyncCrovverClient(
        "sk_test_x", http_client=httpx.AsyncClient(transport=httpx.MockTransport(record))
    ) as client:
        with pytest.raises(TypeError, match="amount"):
            await client.credits.consume(tenant_id="ws", pool_key="p", amount=True, idempotency_key="k")
        with pytest.raises(ValueError, match="tenant_id"):
            client.capacity.iter_allocations("..")
    assert sent == []


@pytest.mark.parametrize(
    ("kwargs", "error", "names"),
    [
        ({"api_key": ""}, ValueError, "API key"),
        ({"api_key": "pk_test_abc"}, ValueError, "public key"),
        ({"api_key": "sk_test_a b"}, ValueError, "whitespace"),
        ({"api_key": "sk_test_x", "base_url": "ftp://x"}, ValueError, "base_url"),
        ({"api_key": "sk_test_x", "base_url": "http://[::1"}, ValueError, "base_url"),
        ({"api_key": "sk_test_x", "base_url": "https://h.test/?q=1"}, ValueError, "base_url"),
        ({"api_key": "sk_test_x", "base_url": 8787}, TypeError, "base_url"),
        ({"api_key": 123}, TypeError, "api_key"),
        ({"api_key": "sk_test_ünïcode"}, ValueError, "ASCII"),
        ({"api_key": "sk_test_x", "timeout": 0}, ValueError, "timeout"),
        ({"api_key": "sk_test_x", "timeout": "5"}, TypeError, "timeout"),
        ({"api_key": "sk_test_x", "max_retries": -1}, ValueError, "max_retries"),
        ({"api_key": "sk_test_x", "max_retries": True}, TypeError, "max_retries"),
        ({"api_key": "sk_test_x", "http_client": httpx.AsyncClient()}, TypeError, "http_client"),
    ],
)
def test_bad_configuration_fails_at_construction(
    kwargs: dict[str, Any], error: type[Exception], names: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CROVVER_SECRET_KEY", raising=False)
    with pytest.raises(error, match=names):
        CrovverClient(**kwargs)


def test_missing_key_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROVVER_SECRET_KEY", raising=False)
    with pytest.raises(ValueError, match="CROVVER_SECRET_KEY"):
        CrovverClient()
    with pytest.raises(ValueError, match="CROVVER_SECRET_KEY"):
        AsyncCrovverClient()
