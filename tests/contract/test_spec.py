"""openapi.yaml: valid, complete against crovver-api.md, and with examples that match its schemas."""

from __future__ import annotations

from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.spec import (
    PUBLIC_KEY_OPERATIONS,
    load_spec,
    media_examples,
    operations,
    ref_name,
    resolve,
    validator_for,
)

# Every endpoint in crovver-api.md ("Endpoints", 1-23; 18 is two endpoints), by operationId.
DOCUMENTED_OPERATIONS = {
    ("POST", "/api/public/tenants"): "create_tenant",
    ("GET", "/api/public/tenants"): "get_tenants",
    ("GET", "/api/public/plans"): "get_plans",
    ("GET", "/api/public/supported-providers"): "get_supported_providers",
    ("GET", "/api/public/subscriptions"): "get_subscriptions",
    ("GET", "/api/public/subscriptions/status"): "get_subscription_status",
    ("POST", "/api/public/subscriptions/{subscriptionId}/cancel"): "cancel_subscription",
    ("POST", "/api/public/can-access"): "can_access",
    ("GET", "/api/public/can-access"): "can_access_by_query",  # crovver-react's form (src/api.ts)
    ("GET", "/api/public/credits/balance"): "get_credit_balance",
    ("POST", "/api/public/credits/consume"): "consume_credits",
    ("GET", "/api/public/tenants/{tenantId}/addons/available"): "list_available_addons",
    ("POST", "/api/public/tenants/{tenantId}/addons/purchase"): "purchase_addon",
    ("GET", "/api/public/tenants/{tenantId}/addons/active"): "get_active_addons",
    ("POST", "/api/public/record-usage"): "record_usage",
    ("POST", "/api/public/check-usage-limit"): "check_usage_limit",
    ("POST", "/api/public/checkout"): "create_checkout_session",
    ("GET", "/api/public/billing/invoices"): "get_invoices",
    ("POST", "/api/public/auth/checkout-token"): "create_checkout_token",
    ("POST", "/api/public/auth/portal-token"): "create_portal_token",
    ("POST", "/api/public/capacity/count"): "get_capacity_count",
    ("POST", "/api/public/capacity/allocate"): "allocate_seat",
    ("POST", "/api/public/capacity/bulk-allocate"): "bulk_allocate_seats",
    ("GET", "/api/public/capacity/allocations"): "list_seat_allocations",
    ("POST", "/api/public/capacity/proration-checkout"): "create_proration_checkout",
}

# The deprecated operations; the facade's deprecation warnings must cover exactly these.
DEPRECATED_OPERATIONS = {"record_usage", "check_usage_limit"}


def test_spec_is_valid_openapi_3_1() -> None:
    spec = load_spec()
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_documented_endpoint_is_an_operation_and_nothing_else() -> None:
    found = {(method, path): op["operationId"] for method, path, op in operations()}
    assert found == DOCUMENTED_OPERATIONS


def test_operation_ids_are_unique() -> None:
    ids = [op["operationId"] for _, _, op in operations()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("method", "path", "op"), list(operations()), ids=lambda v: str(v)[:40])
def test_each_operation_is_fully_described(method: str, path: str, op: dict[str, Any]) -> None:
    assert len(op["tags"]) == 1, "one tag per area"
    assert op.get("summary") and op.get("security")
    responses = op["responses"]
    assert "default" in responses, "every operation documents its error envelope"
    success = [s for s in responses if s.startswith("2")]
    assert success, "a success response"
    for status in success:
        media = resolve(responses[status])["content"]["application/json"]
        assert ref_name(media["schema"]).endswith("Envelope")
        assert media_examples(media), f"{status} has an example"
    for status, response in responses.items():
        if not status.startswith("2"):
            assert ref_name(resolve(response)["content"]["application/json"]["schema"]) == "ErrorEnvelope"
    body = op.get("requestBody")
    if body is not None:
        media = body["content"]["application/json"]
        assert media_examples(media), "the request body has an example"
    for parameter in op.get("parameters", []):
        parameter = resolve(parameter)
        if parameter["in"] == "path":
            assert parameter["schema"].get("minLength") == 1, "an empty path id would change the URL"


def test_security_matches_the_credentials_table() -> None:
    for _, _, op in operations():
        schemes = {name for requirement in op["security"] for name in requirement}
        if op["operationId"] in PUBLIC_KEY_OPERATIONS:
            assert schemes == {"secretKey", "publicKeyHeader", "publicKeyQuery"}, op["operationId"]
        else:
            assert schemes == {"secretKey"}, op["operationId"]


def test_deprecated_operations() -> None:
    assert {op["operationId"] for _, _, op in operations() if op.get("deprecated")} == DEPRECATED_OPERATIONS


def _all_examples() -> list[tuple[str, str, Any]]:
    """(where, component schema, example) for every request and response example in the spec."""
    found = []
    for method, path, op in operations():
        body = op.get("requestBody")
        if body is not None:
            media = body["content"]["application/json"]
            for example in media_examples(media):
                found.append((f"{method} {path} request", ref_name(media["schema"]), example))
        for status, response in op["responses"].items():
            media = resolve(response)["content"]["application/json"]
            for example in media_examples(media):
                found.append((f"{method} {path} {status}", ref_name(media["schema"]), example))
    for name, item in load_spec().get("webhooks", {}).items():
        media = item["post"]["requestBody"]["content"]["application/json"]
        for example in media_examples(media):
            found.append((f"webhook {name}", ref_name(media["schema"]), example))
    return found


ALL_EXAMPLES = _all_examples()


@pytest.mark.parametrize(("where", "schema", "example"), ALL_EXAMPLES, ids=[e[0] for e in ALL_EXAMPLES])
def test_every_example_matches_its_schema(where: str, schema: str, example: Any) -> None:
    errors = sorted(validator_for(schema).iter_errors(example), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_error_envelope_accepts_both_error_forms_and_rejects_others() -> None:
    v = validator_for("ErrorEnvelope")
    assert v.is_valid({"success": False, "data": None, "error": {"message": "m", "code": "TENANT_NOT_FOUND"}})
    assert v.is_valid({"success": False, "data": None, "error": {"message": "m", "code": "SOMETHING_NEW"}})
    assert v.is_valid({"success": False, "data": None, "error": "plain message"})
    assert not v.is_valid({"success": False, "error": {"code": "X"}})
    assert not v.is_valid({"success": True, "error": "m"})


def test_open_enums_accept_unknown_values() -> None:
    sub = validator_for("StatusSubscription")
    assert sub.is_valid({"id": "s", "status": "trialing"})
    consume = validator_for("ConsumeCreditsData")
    assert consume.is_valid({"result": "deferred", "remaining": 1, "alreadyProcessed": False, "poolKey": "p"})


def test_money_accepts_numbers_and_decimal_strings_only() -> None:
    money = validator_for("Money")
    assert money.is_valid(29)
    assert money.is_valid(29.5)
    assert money.is_valid("29.00")
    assert not money.is_valid("29,00")
    assert not money.is_valid(None)
