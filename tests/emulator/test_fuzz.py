"""Schemathesis against the local Crovver (a short, bounded run; ``make fuzz`` runs a long one),
and the pieces that tune it: the configuration derived from the operation table and the hook
that tells a business refusal from a schema complaint."""

from __future__ import annotations

import json
import tomllib
from types import SimpleNamespace
from typing import Any

import pytest

from crovver_api.operations import OPERATIONS
from crovver_ext.testing._validate import RequestValidator
from tests.emulator import fuzz
from tests.emulator.fuzz_hooks import schema_valid_request_not_refused_as_invalid


@pytest.mark.timeout(180)
def test_a_short_schemathesis_run_finds_nothing() -> None:
    # 10 cases per operation and phase, every check, a fixed seed: about 2,000 requests, ~20 s.
    result = fuzz.run(examples=10, seed=1)
    assert (result.exit_code, result.failures) == (0, 0), result.output[-6000:]
    assert result.cases >= 500, result.output[-2000:]


@pytest.mark.timeout(180)
def test_the_run_fails_when_the_emulator_stops_validating(monkeypatch: pytest.MonkeyPatch) -> None:
    # The server runs in this process: with validation switched off, invalid requests get through.
    monkeypatch.setattr(RequestValidator, "check", lambda *args: None)
    result = fuzz.run(examples=5, seed=1, operation_ids=("get_tenants", "record_usage"))
    assert result.exit_code == 1 and result.failures > 0, result.output[-3000:]
    assert "Schema-violating request accepted" in result.output


def test_the_configuration_turns_ignored_auth_off_only_for_public_key_operations() -> None:
    config = tomllib.loads(fuzz.config_toml())
    assert config["checks"]["enabled"] is True
    assert set(config["checks"]["positive_data_acceptance"]["expected-statuses"]) == set(
        fuzz.POSITIVE_STATUSES
    )
    off = {entry["include-operation-id"] for entry in config["operations"]}
    assert all(entry["checks"] == {"ignored_auth": {"enabled": False}} for entry in config["operations"])
    assert off == {op.operation_id for op in OPERATIONS.values() if "public" in op.credentials}
    assert "create_tenant" not in off and "get_plans" in off


def _case(operation_id: str, positive: bool = True) -> Any:
    mode = SimpleNamespace(is_positive=positive)
    return SimpleNamespace(
        meta=SimpleNamespace(generation=SimpleNamespace(mode=mode)),
        operation=SimpleNamespace(definition=SimpleNamespace(raw={"operationId": operation_id})),
    )


def _response(status: int, code: str | None, message: str) -> Any:
    error: Any = {"message": message, "code": code} if code else message
    return SimpleNamespace(
        status_code=status, content=json.dumps({"success": False, "data": None, "error": error})
    )


@pytest.mark.parametrize(
    ("operation_id", "status", "code", "message"),
    [
        ("create_tenant", 400, "VALIDATION_ERROR", "body.name: 'x' is too long"),
        ("consume_credits", 400, "MISSING_REQUIRED_FIELDS", "Missing required fields: tenantId"),
        ("get_plans", 400, "INVALID_JSON", "Request body is not valid JSON"),
        # A business rule of another operation does not excuse this one.
        ("create_tenant", 400, "VALIDATION_ERROR", "users must have unique externalUserId values"),
    ],
)
def test_the_hook_fails_a_schema_complaint_about_valid_data(
    operation_id: str, status: int, code: str, message: str
) -> None:
    with pytest.raises(AssertionError, match="schema-valid request was refused as invalid"):
        schema_valid_request_not_refused_as_invalid(
            None, _response(status, code, message), _case(operation_id)
        )


@pytest.mark.parametrize(
    ("operation_id", "status", "code", "message", "positive"),
    [
        (
            "bulk_allocate_seats",
            400,
            "VALIDATION_ERROR",
            "users must have unique externalUserId values",
            True,
        ),
        (
            "create_checkout_session",
            400,
            "VALIDATION_ERROR",
            "Payment provider 'x' is not enabled for this organization",
            True,
        ),
        (
            "create_checkout_session",
            400,
            "MISSING_REQUIRED_FIELDS",
            "Missing required fields: externalTenantId",
            True,
        ),
        ("cancel_subscription", 400, "ALREADY_CANCELED", "Subscription is already canceled", True),
        ("create_tenant", 404, "TENANT_NOT_FOUND", "nope", True),
        ("create_tenant", 400, "VALIDATION_ERROR", "body.name: 'x' is too long", False),  # invalid data
    ],
)
def test_the_hook_lets_business_refusals_and_negative_cases_pass(
    operation_id: str, status: int, code: str, message: str, positive: bool
) -> None:
    schema_valid_request_not_refused_as_invalid(
        None, _response(status, code, message), _case(operation_id, positive)
    )


def test_the_hook_fails_a_400_without_an_envelope() -> None:
    response = SimpleNamespace(status_code=400, content=b"<html>Bad Request</html>")
    with pytest.raises(AssertionError, match="without an error envelope"):
        schema_valid_request_not_refused_as_invalid(None, response, _case("create_tenant"))
