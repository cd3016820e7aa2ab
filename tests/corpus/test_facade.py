"""Crovver's documented replies, verbatim, through the facade: each 2xx parses, every field of it
reaches the result with the documented value and the SDK's type (or is listed below as not exposed,
with the reason); each 4xx is the error class of its status with the documented message and code."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import httpx
import pytest

from crovver_ext import (
    APIStatusError,
    BadRequestError,
    CrovverClient,
    CrovverDeprecationWarning,
    FrozenDict,
    ItemList,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from crovver_ext import (
    _models as m,
)
from crovver_ext._errors import ConflictError
from crovver_ext._reader import iter_wire_fields, read_as
from tests.corpus import Reply, load_replies

KEY = "sk_test_corpus"
REQUEST_ID = "req_corpus"

# How the facade asks for each documented operation (the test's own oracle of the surface).
CALLS: dict[str, Callable[[CrovverClient], Any]] = {
    "create_tenant": lambda c: c.create_tenant(
        external_tenant_id="workspace_abc123", name="Acme", external_user_id="u"
    ),
    "get_tenant": lambda c: c.get_tenant("company_acme_123"),
    "list_tenants": lambda c: c.list_tenants(),
    "get_plans": lambda c: c.get_plans(),
    "get_subscription_status": lambda c: c.get_subscription_status("workspace_123"),
    "cancel_subscription": lambda c: c.cancel_subscription("sub_1", "workspace_123", "too expensive"),
    "can_access": lambda c: c.can_access("workspace_123", "advanced_analytics"),
    "get_credit_balance": lambda c: c.credits.balance(tenant_id="workspace_123"),
    "consume_credits": lambda c: c.credits.consume(
        tenant_id="workspace_123", pool_key="api_calls", amount=1, idempotency_key="k1"
    ),
    "list_available_addons": lambda c: c.addons.list_available("workspace_123"),
    "purchase_addon": lambda c: c.addons.purchase(
        "workspace_123", addon_id="a", currency="USD", idempotency_key="k"
    ),
    "get_active_addons": lambda c: c.addons.get_active("workspace_123"),
    "record_usage": lambda c: c.record_usage("workspace_123", "api_calls"),
    "check_usage_limit": lambda c: c.check_usage_limit("workspace_123", "api_calls"),
    "create_checkout_session": lambda c: c.create_checkout_session(
        plan_id="plan_pro", external_tenant_id="w"
    ),
    "create_checkout_token": lambda c: c.create_checkout_token("workspace_123", "https://app.example/back"),
    "create_portal_token": lambda c: c.create_portal_token("workspace_123", "https://app.example/back"),
    "get_capacity_count": lambda c: c.capacity.count("workspace_123"),
    "allocate_seat": lambda c: c.capacity.allocate("workspace_123", "user_1"),
    "bulk_allocate_seats": lambda c: c.capacity.bulk_allocate(
        "workspace_123", [{"external_user_id": "user_1"}]
    ),
    "list_seat_allocations": lambda c: c.capacity.list_allocations("workspace_123"),
    "create_proration_checkout": lambda c: c.create_proration_checkout("workspace_123", 15),
}

# Fields of documented replies the SDK reads into no result field, and why. Nothing else may be lost.
NOT_EXPOSED: dict[tuple[str, str], str] = {
    ("can_access", "featureKey"): "an echo of the feature_key argument; can_access returns the bool",
    ("can_access", "productSlug"): "an echo of the product_slug argument",
    ("can_access", "requestingEntityId"): "an echo of the tenant_id argument",
    ("can_access", "credits"): "the credit detail of an amount= check; with_raw_response has it",
    ("can_access", "feature"): "a docs-only detail of the concepts page; with_raw_response has it",
}

ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
}

# Fragments of a reply (an object shown alone on a concept page): the model that reads them.
FRAGMENTS: dict[str, type[Any]] = {
    "StatusSubscription": m.SubscriptionStatusSubscription,
    "CheckUsageLimitData": m.UsageLimit,
}


def _operation(reply: Reply) -> str:
    if reply.operation_id == "get_tenants":  # one endpoint, two shapes: a lookup or a list
        return "list_tenants" if "tenants" in (reply.body.get("data") or {}) else "get_tenant"
    assert reply.operation_id is not None
    return reply.operation_id


def _client(status: int, body: Any) -> CrovverClient:
    content = json.dumps(body).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status, content=content, headers={"content-type": "application/json", "x-request-id": REQUEST_ID}
        )

    http = httpx.Client(transport=httpx.MockTransport(answer), base_url="https://crovver.test")
    return CrovverClient(KEY, base_url="https://crovver.test", http_client=http, max_retries=0)


# ---- the walk: every wire field reaches the result --------------------------------------------


def _same(value: Any, wire: Any, where: str) -> None:
    """``value`` (what the SDK returned) is the documented ``wire`` value, in the SDK's type."""
    if wire is None:
        assert value in (None, (), FrozenDict()), f"{where}: {value!r} for null"
    elif isinstance(value, m._Model):
        assert isinstance(wire, dict), where
        _reaches(value, wire, where, owner=type(value).__name__)
    elif isinstance(value, tuple):
        assert isinstance(wire, list) and len(value) == len(wire), where
        for i, (item, raw) in enumerate(zip(value, wire, strict=True)):
            _same(item, raw, f"{where}[{i}]")
    elif isinstance(value, Mapping):
        assert isinstance(value, FrozenDict), f"{where}: a read-only mapping"
        assert isinstance(wire, dict) and set(value) == set(wire), where
        for k in wire:
            _same(value[k], wire[k], f"{where}.{k}")
    elif isinstance(value, bool):
        assert value is wire, where
    elif isinstance(value, int):
        assert value == int(wire) and not isinstance(wire, bool), where  # also from "500"
    elif isinstance(value, float):
        assert value == float(wire), where
    elif isinstance(value, Decimal):
        assert value == Decimal(str(wire)), where
    elif isinstance(value, dt.datetime):
        assert value.tzinfo is dt.UTC, f"{where}: aware, in UTC"
        assert value == dt.datetime.fromisoformat(wire), where
    else:
        assert isinstance(value, str) and value == wire, f"{where}: {value!r} != {wire!r}"


def _reaches(result: Any, wire: Mapping[str, Any], where: str, owner: str) -> None:
    fields = [
        (name, [tuple(p.split(".")) for p in paths]) for name, paths, _ in iter_wire_fields(type(result))
    ]
    for key, raw in wire.items():
        direct = [name for name, paths in fields if (key,) in paths]
        nested = [(name, paths) for name, paths in fields if any(len(p) == 2 and p[0] == key for p in paths)]
        if direct:
            errors = []
            for name in direct:  # a field with several spellings: one of them holds this value
                try:
                    _same(getattr(result, name), raw, f"{where}.{key}")
                    break
                except AssertionError as error:
                    errors.append(str(error))
            else:
                raise AssertionError("; ".join(errors))
        elif nested and isinstance(raw, dict):
            for sub, sub_raw in raw.items():
                names = [name for name, paths in nested if (key, sub) in paths]
                if not names:
                    assert (owner, f"{key}.{sub}") in NOT_EXPOSED, f"{where}.{key}.{sub} is lost"
                    continue
                if all(_fails(getattr(result, n), sub_raw, f"{where}.{key}.{sub}") for n in names):
                    _same(getattr(result, names[0]), sub_raw, f"{where}.{key}.{sub}")
        else:
            assert (owner, key) in NOT_EXPOSED, f"{where}.{key} is lost ({owner} has no field for it)"


def _fails(value: Any, wire: Any, where: str) -> bool:
    try:
        _same(value, wire, where)
    except AssertionError:
        return True
    return False


def _check_result(operation: str, result: Any, data: Any, meta: Any) -> None:
    if operation == "can_access":
        assert result is data["canAccess"]
        for key in data:
            assert key == "canAccess" or ("can_access", key) in NOT_EXPOSED, f"data.{key} is lost"
        return
    assert result.request_id == REQUEST_ID
    if isinstance(result, ItemList):
        _same(result.items, data, "data")
    elif isinstance(result, m.CreditBalance):
        assert [p.pool_key for p in result.pools] == list(data)
        for pool, (key, raw) in zip(result.pools, data.items(), strict=True):
            _reaches(pool, raw, f"data.{key}", owner="PoolBalance")
    else:
        _reaches(result, data, "data", owner=type(result).__name__)
    if isinstance(result, m.Token):
        url_key = "checkoutUrl" if operation == "create_checkout_token" else "portalUrl"
        meta = meta or {}  # the checkout-flow guide shows the reply without its meta
        assert (result.url, result.expires_in) == (meta.get(url_key), meta.get("expiresIn"))
    # Results are frozen all the way down, and keep what came over the wire.
    assert result.raw == data
    hash(result)


REPLIES = [r for r in load_replies() if r.kind in ("reply", "envelope") and r.status is not None]


@pytest.mark.parametrize("reply", REPLIES, ids=[r.id for r in REPLIES])
def test_a_documented_reply_reads_completely(reply: Reply) -> None:
    operation = _operation(reply)
    assert reply.status is not None
    client = _client(reply.status, reply.body)
    if reply.status < 300:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CrovverDeprecationWarning)  # record/check usage
            result = CALLS[operation](client)
        _check_result(operation, result, reply.body["data"], reply.body.get("meta"))
        return
    with pytest.raises(APIStatusError) as info:
        CALLS[operation](client)
    error = info.value
    assert type(error) is ERRORS[reply.status] and error.status_code == reply.status
    documented = reply.body["error"]
    if isinstance(documented, str):
        assert (error.message, error.code) == (documented, None)
    else:
        assert (error.message, error.code) == (documented["message"], documented.get("code"))
    assert error.request_id == REQUEST_ID


FRAGMENT_REPLIES = [r for r in load_replies() if r.kind in ("fragment", "partial") and r.schema in FRAGMENTS]


@pytest.mark.parametrize("reply", FRAGMENT_REPLIES, ids=[r.id for r in FRAGMENT_REPLIES])
def test_a_documented_fragment_reads_completely(reply: Reply) -> None:
    assert reply.schema is not None
    model = FRAGMENTS[reply.schema]
    value = reply.checked_value
    _reaches(read_as(model, value, "fragment"), value, "fragment", owner=model.__name__)


def test_the_documented_values_in_the_sdks_types() -> None:
    """Spot checks of the conversions a user relies on, on the documented replies themselves."""
    by_id = {r.id: r for r in load_replies()}

    def read(reply_id: str) -> Any:
        reply = by_id[reply_id]
        assert reply.status is not None
        return CALLS[_operation(reply)](_client(reply.status, reply.body))

    plans = read("api-reference/plans/list/1-200").plans
    assert (plans[0].price, plans[0].price_amount, plans[0].is_free) == (Decimal(0), 0, True)
    pro = plans[1]
    assert (pro.price, pro.price_amount, pro.base_price, pro.included_seats) == (
        Decimal(29),
        2900,
        Decimal(29),
        5,
    )
    assert pro.prices[1].base_price == Decimal("3900.00") and pro.prices[1].currency == "NPR"
    assert pro.payment_providers[0].provider_type == "stripe" and pro.payment_providers[0].is_active is True
    assert pro.credit_pools[0].rollover_cap is None and pro.has_feature("advanced_analytics")
    active = read("api-reference/addons/tenant-active/1-200")
    assert active[0].remaining == 500 and active[0].active_grants == 1  # ints from "500" and "1"
    assert active[0].next_expiry == dt.datetime(2026, 6, 10, 5, 12, 21, tzinfo=dt.UTC)
    available = read("api-reference/addons/tenant-available/1-200")
    assert available[0].amount == Decimal("5.00") and available[0].name == "API Call Pack"
    consumed = read("api-reference/credits/consume/3-200-already-processed")
    assert (consumed.result, consumed.outcome, consumed.already_processed) == ("success", "allowed", True)
    blocked = read("api-reference/credits/consume/2-200-blocked-hard-limit")
    assert (blocked.result, blocked.remaining) == ("insufficient_credits", 0)
    balance = read("api-reference/credits/balance/1-200")
    pool = balance.pool("api_calls")
    assert pool is not None and (pool.remaining, pool.base_remaining, pool.addon_remaining) == (
        1350,
        850,
        500,
    )
    status = read("api-reference/subscriptions/status/2-200-no-active-subscription")
    assert (status.active, status.status, status.subscription, status.plan) == (False, "none", None, None)
    proration = read("api-reference/capacity/proration-checkout/1-200-stripe-checkout-created")
    assert proration.proration_amount == Decimal(1750) and proration.proration_details is not None
    assert proration.proration_details.amount is None  # this page's details carry only the text
    replay = read("api-reference/addons/tenant-purchase/2-200-already-processed-idempotent-replay")
    assert replay.requires_payment is True and replay.already_processed is True  # from the URL
    tenant = read("api-reference/tenants/create/1-201").tenant
    assert tenant.created_at == dt.datetime(2025, 1, 1, tzinfo=dt.UTC) and tenant.updated_at is None


def test_the_corpus_is_all_there() -> None:
    # Counted from the committed files: a lost file or a changed extraction shows here.
    assert len(REPLIES) == 53
    assert {_operation(r) for r in REPLIES} == set(CALLS)
