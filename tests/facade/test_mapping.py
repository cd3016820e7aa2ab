"""From each documented response shape to the SDK's models, with in-process canned responses.

Covers the wire's quirks: money as numbers or decimal strings, counts as strings, null expiries,
an empty balance, the string error form, unknown enum values, naive timestamps; and malformed
payloads, which must become InvalidResponseError rather than a raw KeyError/TypeError.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

from crovver_ext import (
    CrovverClient,
    InvalidResponseError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from crovver_ext._reader import MalformedReply
from tests.spec import load_spec, media_examples, operations, resolve


def _client(data: Any, status: int = 200, meta: Any = None) -> CrovverClient:
    envelope: dict[str, Any] = {"success": status < 400, "data": data, "error": None}
    if meta is not None:
        envelope["meta"] = meta
    body = json.dumps(envelope).encode()
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    return CrovverClient("sk_test_x", max_retries=0, http_client=httpx.Client(transport=transport))


def _raw_client(status: int, content: bytes) -> CrovverClient:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=content))
    return CrovverClient("sk_test_x", max_retries=0, http_client=httpx.Client(transport=transport))


def _example(operation_id: str, status: str = "200", name: str | None = None) -> Any:
    """A deep copy of a response example from openapi.yaml (tests may change it)."""
    return copy.deepcopy(_find_example(operation_id, status, name))


def _find_example(operation_id: str, status: str, name: str | None) -> Any:
    for _, _, op in operations():
        if op["operationId"] == operation_id:
            media = resolve(op["responses"][status])["content"]["application/json"]
            if name is None:
                return media_examples(media)[0]
            return resolve(media["examples"][name])["value"]
    raise KeyError(operation_id)


def test_spec_examples_map_onto_models() -> None:
    # The examples in openapi.yaml are the documented shapes; each must map without loss.
    plans = _client(_example("get_plans")["data"]).get_plans()
    pro = plans.plans[0]
    assert (pro.price, pro.price_amount) == (Decimal("29"), 2900)
    assert [p.amount for p in pro.prices] == [Decimal("29.00"), Decimal("27.00")]
    assert pro.limits == {"projects": 10, "seats": None}
    assert pro.credit_pools[1].rollover_cap == 2000

    balance = _client(_example("get_credit_balance")["data"]).credits.balance(tenant_id="t")
    api_calls = balance.pool("api_calls")
    assert api_calls is not None and api_calls.next_expiry is None
    ai = balance.pool("ai_generations")
    assert ai is not None and (ai.remaining, ai.base_remaining, ai.addon_remaining) == (580, 80, 500)

    [active] = _client(_example("get_active_addons")["data"]).addons.get_active("t")
    assert (active.remaining, active.active_grants) == (500, 1)  # "500" and "1" on the wire

    [addon] = _client(_example("list_available_addons")["data"]).addons.list_available("t")
    assert (addon.name, addon.amount) == ("AI Boost 500", Decimal("5.00"))

    [invoice] = _client(_example("get_invoices")["data"]).get_invoices("t").invoices
    assert invoice.total_amount == Decimal("29.00") and invoice.paid_at == dt.datetime(
        2026, 1, 1, 0, 0, 5, tzinfo=dt.UTC
    )

    replay = _client(_example("purchase_addon", name="replay")["data"]).addons.purchase(
        "t", addon_id="a", currency="USD", idempotency_key="k"
    )
    assert replay.already_processed and replay.requires_payment  # inferred from the checkout URL

    token_example = _example("create_checkout_token", "201")
    token = _client(token_example["data"], meta=token_example["meta"]).create_checkout_token("t", "https://r")
    assert token.url and token.url.endswith("ct_9f8e7d6c5b4a") and token.expires_in == 600

    at_capacity = _client(_example("allocate_seat", name="atCapacity")["data"]).capacity.allocate("t", "u")
    assert at_capacity.requires_proration and not at_capacity.allocated
    assert at_capacity.proration is not None and at_capacity.proration.amount == Decimal("6.67")


def test_empty_balance_means_no_pools() -> None:
    assert _client({}).credits.balance(tenant_id="t").pools == ()


@pytest.mark.parametrize(
    ("amount", "expected"), [(29.99, "29.99"), ("29.99", "29.99"), (12.10, "12.10"), ("0.1", "0.1")]
)
def test_money_is_exact_decimal_from_numbers_and_strings(amount: Any, expected: str) -> None:
    data = {
        "purchaseId": "p",
        "checkoutUrl": None,
        "requiresPayment": False,
        "amount": amount,
        "currency": "USD",
    }
    body = json.dumps({"success": True, "data": data}).replace('"amount": 12.1', '"amount": 12.10').encode()
    client = _raw_client(200, body)
    purchase = client.addons.purchase("t", addon_id="a", currency="USD", idempotency_key="k")
    assert purchase.amount == Decimal(expected)
    assert str(purchase.amount) == expected  # no float rounding on the way


def test_unknown_enum_values_are_kept_as_strings() -> None:
    sub = _example("get_subscriptions")["data"]
    sub["subscriptions"][0]["status"] = "trialing"
    [subscription] = _client(sub).get_subscriptions("t").subscriptions
    assert subscription.status == "trialing" and not subscription.grants_access

    consumed = _client({"result": "deferred", "remaining": 3, "alreadyProcessed": False, "poolKey": "p"})
    result = consumed.credits.consume(tenant_id="t", pool_key="p", amount=1, idempotency_key="k")
    # Unknown outcome: nothing is assumed granted, but the wire value is kept.
    assert (result.result, result.outcome) == ("insufficient_credits", "deferred")

    status = _client(
        {"active": False, "status": "frozen", "tenant": None, "subscription": None, "plan": None}
    )
    assert status.get_subscription_status("t").status == "frozen"


def test_naive_and_offset_timestamps_become_utc() -> None:
    data = _example("cancel_subscription")["data"]
    data["canceledAt"] = "2026-01-10T00:00:00"  # no zone: read as UTC
    data["currentPeriodEnd"] = "2026-01-31T02:00:00+02:00"
    canceled = _client(data).cancel_subscription("s", "t", "r")
    assert canceled.canceled_at == dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    assert canceled.current_period_end == dt.datetime(2026, 1, 31, tzinfo=dt.UTC)
    assert canceled.current_period_end.tzinfo == dt.UTC


def test_string_error_form_maps_to_a_typed_error() -> None:
    body = json.dumps(
        {"success": False, "data": None, "error": "Tenant creation is only available for B2B"}
    ).encode()
    with pytest.raises(PermissionDeniedError) as info:
        _raw_client(403, body).create_tenant(external_tenant_id="t", name="n", external_user_id="u")
    assert (info.value.status_code, info.value.code) == (403, None)
    assert info.value.message == "Tenant creation is only available for B2B"
    body = json.dumps({"success": False, "error": "Currency EUR does not match"}).encode()
    with pytest.raises(UnprocessableEntityError):
        _raw_client(422, body).addons.purchase("t", addon_id="a", currency="EUR", idempotency_key="k")


def test_models_have_to_dict_and_readable_reprs() -> None:
    plans = _client(_example("get_plans")["data"]).get_plans()
    as_dict = plans.to_dict()
    assert as_dict["plans"][0]["price_amount"] == 2900
    assert as_dict["organization"] == {"id": "org_demo", "name": "Demo Org", "type": "b2b"}
    assert repr(plans.plans[0]).startswith("Plan(id='plan_pro', name='Pro'")
    assert "payment_providers" not in repr(plans.plans[0])
    with pytest.raises(AttributeError):
        plans.plans[0].name = "changed"  # type: ignore[misc]


MALFORMED: list[tuple[str, Callable[[CrovverClient], Any], Any, str]] = [
    (
        "consume without its result",
        lambda c: c.credits.consume(tenant_id="t", pool_key="p", amount=1, idempotency_key="k"),
        {"remaining": 5, "alreadyProcessed": False, "poolKey": "p"},
        "data.result: missing",
    ),
    (
        "consume remaining not a number",
        lambda c: c.credits.consume(tenant_id="t", pool_key="p", amount=1, idempotency_key="k"),
        {"result": "allowed", "remaining": "lots", "alreadyProcessed": False, "poolKey": "p"},
        "data.remaining: expected an integer",
    ),
    (
        "can_access not a bool",
        lambda c: c.can_access("t", "f"),
        {"canAccess": "yes", "requestingEntityId": "t"},
        "data.canAccess: expected true or false",
    ),
    (
        "can_access without its answer",
        lambda c: c.can_access("t", "f"),
        {"requestingEntityId": "t"},
        "data.canAccess: missing",
    ),
    ("data is a list", lambda c: c.get_plans(), [], "data: expected an object"),
    ("data is null", lambda c: c.get_plans(), None, "data: expected an object"),
    (
        "plans not a list",
        lambda c: c.get_plans(),
        {"plans": {"pro": {}}, "organization": {"id": "o", "name": "n", "type": "b2b"}},
        "data.plans: expected a list",
    ),
    (
        "a plan without its id",
        lambda c: c.get_plans(),
        {"plans": [{"id": "a"}, {"name": "no id"}]},
        "data.plans[1].id: missing",
    ),
    (
        "a price that is not an amount",
        lambda c: c.get_plans(),
        {"plans": [{"id": "a", "prices": [{"currency": "USD", "amount": "ten"}]}]},
        "data.plans[0].prices[0].amount: expected an amount",
    ),
    (
        "balance entry not an object",
        lambda c: c.credits.balance(tenant_id="t"),
        {"ai": 5},
        "data.ai: expected an object",
    ),
    (
        "a balance pool without its total",
        lambda c: c.credits.balance(tenant_id="t"),
        {"ai": {"poolKey": "ai", "baseRemaining": 5}},
        "data.ai.total: missing",
    ),
    (
        "bad timestamp",
        lambda c: c.cancel_subscription("s", "t", "r"),
        {"subscriptionId": "s", "status": "canceled", "canceledAt": "yesterday"},
        "data.canceledAt: expected an ISO 8601 date-time",
    ),
    (
        "active count not a number",
        lambda c: c.addons.get_active("t"),
        [{"pool_key": "p", "addon_remaining": "many"}],
        "data[0].addon_remaining: expected an integer",
    ),
    ("addon list not a list", lambda c: c.addons.list_available("t"), {"id": "a"}, "data: expected a list"),
    (
        "money not a number",
        lambda c: c.get_invoices("t"),
        {"invoices": [{"id": "i", "status": "paid", "totalAmount": "ten", "currency": "USD"}]},
        "data.invoices[0].totalAmount: expected an amount",
    ),
    (
        "a subscription without its status",
        lambda c: c.get_subscriptions("t"),
        {"subscriptions": [{"id": "s"}]},
        "data.subscriptions[0].status: missing",
    ),
]


@pytest.mark.parametrize(("case", "call", "data", "named"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_payloads_become_invalid_response_errors_naming_the_field(
    case: str, call: Callable[[CrovverClient], Any], data: Any, named: str
) -> None:
    with pytest.raises(InvalidResponseError) as info:
        call(_client(data))
    assert info.value.status_code == 200
    assert not info.value.is_retryable
    assert named in info.value.message
    assert isinstance(info.value.__cause__, MalformedReply)


def test_spec_example_list_is_not_empty() -> None:
    assert load_spec()["paths"]


def test_raw_mirrors_any_reply_json_can_hold_and_never_raises() -> None:
    # A field the SDK does not read may nest as deep as json.loads allows, or hold a number no
    # amount could be: .raw keeps it as sent, read-only, without recursing or checking it.
    depth = 900
    deep = '{"n":' * depth + "{}" + "}" * depth
    body = (
        '{"success": true, "data": {"tenant": {"id": "t", "externalTenantId": "w", '
        f'"unknown": {deep}, "huge": 1e1000000}}}}}}'
    ).encode()
    raw = _raw_client(200, body).get_tenant("w").tenant.raw
    assert raw["huge"] == Decimal("1E+1000000")
    node = raw["unknown"]
    for _ in range(depth):
        node = node["n"]
    assert node == {}
    with pytest.raises(TypeError):
        raw["unknown"]["x"] = 1  # type: ignore[index]


def test_an_allocation_success_that_is_not_a_bool_is_bad_data() -> None:
    with pytest.raises(InvalidResponseError, match="expected true or false"):
        _client({"success": "yes", "message": "m"}).capacity.allocate("t", "u")
    quote = _client({"requiresProration": True}).capacity.allocate("t", "u")
    assert quote.allocated is False  # a quote omits success: nothing was allocated
