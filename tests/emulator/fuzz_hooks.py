"""Schemathesis hooks for tests/emulator/fuzz.py (loaded through SCHEMATHESIS_HOOKS).

``schema_valid_request_not_refused_as_invalid``: ``positive_data_acceptance`` lets a schema-valid
request get 400 (business rules answer 400 too), so this check fails every such 400 that is a
complaint about the request's shape (``VALIDATION_ERROR``, ``MISSING_REQUIRED_FIELDS``,
``INVALID_JSON``), unless it is one of the business rules below, each a refusal that depends on
the emulator's state or on a rule the schema cannot state. Together: 0 schema-valid requests
refused as invalid, and (``negative_data_rejection``) 0 invalid ones accepted.
"""

from __future__ import annotations

import json
import re
from typing import Any

import schemathesis

SHAPE_CODES = frozenset({"VALIDATION_ERROR", "MISSING_REQUIRED_FIELDS", "INVALID_JSON"})
#: operationId -> the 400s it may give a schema-valid request: rules that depend on the emulator's
#: state or that a JSON Schema cannot state.
BUSINESS_RULES: dict[str, tuple[re.Pattern[str], ...]] = {
    "create_checkout_session": (
        # The org's enabled payment providers are state, not schema.
        re.compile(r"Payment provider '.*' is not enabled for this organization", re.S),
        # docs checkout/create-session.mdx: externalTenantId "Required for B2B orgs" (the demo org is).
        re.compile(r"Missing required fields: externalTenantId"),
    ),
    # BulkAllocateRequest.users: "Unique `externalUserId`s" (uniqueItems cannot say "by key").
    "bulk_allocate_seats": (re.compile(r"users must have unique externalUserId values"),),
    # ProrationCheckoutRequest.planId must be the tenant's current plan.
    "create_proration_checkout": (
        re.compile(r"planId '.*' is not the plan of the tenant's subscription", re.S),
    ),
}


@schemathesis.check
def schema_valid_request_not_refused_as_invalid(ctx: Any, response: Any, case: Any) -> None:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 400:
        return
    try:
        error = json.loads(response.content)["error"]
    except (ValueError, KeyError, TypeError):
        raise AssertionError(f"400 without an error envelope: {response.content[:200]!r}") from None
    code = error.get("code") if isinstance(error, dict) else None
    message = error.get("message", "") if isinstance(error, dict) else str(error)
    rules = BUSINESS_RULES.get(case.operation.definition.raw.get("operationId"), ())
    if code in SHAPE_CODES and not any(rule.fullmatch(message) for rule in rules):
        raise AssertionError(f"a schema-valid request was refused as invalid: {code}: {message}")
