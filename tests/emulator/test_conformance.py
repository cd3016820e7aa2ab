"""Conformance with openapi.yaml: a tour of every operation, and a property-based fuzz run.

Every response the other emulator tests get is validated too (see ``conform_hook``); this module
makes sure each operation and each documented success status is covered at least once, and
fuzzes every operation with bodies, queries and path ids generated from the spec's own schemas
(plus deliberately broken ones): no 5xx, and every answer matches the documented schema.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crovver_ext.testing import IN_PROCESS_URL, LocalCrovver
from tests.emulator.helpers import check_conformance, request_schema, success_statuses
from tests.emulator.samples import PUBLIC_OPERATIONS, SAMPLES
from tests.spec import operations, resolve

OPERATIONS = {op["operationId"]: (method, path, op) for method, path, op in operations()}


def _send(
    client: httpx.Client, method: str, path: str, body: Any = None, content: bytes | None = None
) -> httpx.Response:
    response = client.request(method, path, json=body if content is None else None, content=content)
    check_conformance(method, httpx.URL(path).path, response.status_code, response.content)
    return response


def test_tour_covers_every_operation_and_success_status(api: httpx.Client, control: Any) -> None:
    seen: set[tuple[str, int]] = set()
    for op, (method, path, body) in SAMPLES.items():
        seen.add((op, _send(api, method, path, body).status_code))
    free = {"addonId": "addon_api_free", "currency": "USD", "idempotencyKey": "tour-free"}
    seen.add(
        (
            "purchase_addon",
            _send(api, "POST", "/api/public/tenants/ws_active/addons/purchase", free).status_code,
        )
    )
    crowd = {"requestingEntityId": "ws_business", "users": [{"externalUserId": f"t{i}"} for i in range(5)]}
    seen.add(
        ("bulk_allocate_seats", _send(api, "POST", "/api/public/capacity/bulk-allocate", crowd).status_code)
    )
    expected = {(op, status) for op in OPERATIONS for status in success_statuses(op)}
    assert expected <= seen, expected - seen


def test_tour_of_error_answers(api: httpx.Client) -> None:
    """One error per documented error status, each validated against the spec."""
    errors = [
        (
            "POST",
            "/api/public/tenants",
            {"externalTenantId": "ws_active", "name": "X", "externalUserId": "u"},
            409,
        ),
        ("GET", "/api/public/tenants?externalTenantId=nope", None, 404),
        ("GET", "/api/public/subscriptions", None, 400),
        (
            "POST",
            "/api/public/subscriptions/nope/cancel",
            {"externalTenantId": "ws_active", "reason": "x"},
            404,
        ),
        (
            "POST",
            "/api/public/credits/consume",
            {"tenantId": "ws_none", "poolKey": "x", "amount": 1, "idempotencyKey": "e"},
            402,
        ),
        (
            "POST",
            "/api/public/tenants/ws_active/addons/purchase",
            {"addonId": "addon_ai_500", "currency": "EUR", "idempotencyKey": "e"},
            422,
        ),
        (
            "POST",
            "/api/public/checkout",
            {"planId": "plan_pro", "externalTenantId": "ws_none", "currency": "JPY"},
            422,
        ),
        ("POST", "/api/public/capacity/count", {"requestingEntityId": "ws_none"}, 404),
        ("GET", "/api/public/nope", None, 404),
        ("DELETE", "/api/public/plans", None, 405),
    ]
    for method, path, body, status in errors:
        assert _send(api, method, path, body).status_code == status, path
    assert (
        _send(api, "POST", "/api/public/credits/consume", content=b"x" * (1024 * 1024 + 1)).status_code == 413
    )


# --- fuzz ---------------------------------------------------------------------------------------

TENANTS = ["ws_active", "ws_trial", "ws_business", "ws_none", "ws_eur", "ws_manual", "ws_past_due"]
FIELD_VALUES: dict[str, list[str]] = {
    "tenantId": TENANTS,
    "externalTenantId": TENANTS,
    "requestingEntityId": TENANTS,
    "subscriptionId": ["sub_ws_active", "sub_ws_business", "sub_ws_trial", "sub_ws_manual", "sub_ws_eur"],
    "planId": ["plan_pro", "plan_business", "plan_free", "plan_reports"],
    "addonId": ["addon_ai_500", "addon_api_free"],
    "poolKey": ["ai_generations", "api_calls"],
    "currency": ["USD", "EUR"],
    "featureKey": ["advanced_analytics", "sso", "ai_generations", "api_access"],
    "productSlug": ["app", "reports"],
    "metric": ["projects", "api_calls"],
    "externalUserId": ["user_ws_business", "user_new", "user_ws_active"],
    "status": ["active", "removed", "all"],
}
KNOWN = sorted({v for values in FIELD_VALUES.values() for v in values})


def _ids(name: str | None = None) -> st.SearchStrategy[str]:
    """Mostly real ids for the field, so success paths run too; sometimes anything at all."""
    known = st.sampled_from(FIELD_VALUES.get(name or "", KNOWN))
    return st.one_of(known, known, known, st.text(max_size=12))


ids = _ids()


def _json_values() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-(2**70), 2**70)
        | st.floats(allow_nan=False, allow_infinity=False)
        | ids
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ids, inner, max_size=3),
        max_leaves=8,
    )


def from_schema(schema: dict[str, Any], depth: int = 0, name: str | None = None) -> st.SearchStrategy[Any]:
    """Values that (mostly) fit a JSON schema from openapi.yaml (``name``: the field's name)."""
    schema = resolve(schema)
    if "anyOf" in schema or "oneOf" in schema:
        return st.one_of([from_schema(s, depth, name) for s in schema.get("anyOf", schema.get("oneOf", []))])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        return _ids(name).filter(lambda s: len(s) >= schema.get("minLength", 0))
    if kind == "integer":
        low = schema.get("minimum", -5)
        return st.integers(low, schema.get("maximum", low + 150))
    if kind == "number":
        return st.integers(0, 100) | st.floats(0, 100)
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(
            from_schema(schema["items"], depth + 1),
            min_size=schema.get("minItems", 0),
            max_size=min(schema.get("maxItems", 4), 4),
        )
    if kind == "object" and depth < 3:
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        return st.fixed_dictionaries(
            {k: from_schema(v, depth + 1, k) for k, v in props.items() if k in required},
            optional={k: from_schema(v, depth + 1, k) for k, v in props.items() if k not in required},
        )
    return _json_values()


def _body(op: dict[str, Any]) -> st.SearchStrategy[Any]:
    schema = request_schema(op)
    if schema is None:
        return st.none()
    valid = from_schema(schema)
    broken = valid.flatmap(
        lambda b: st.sampled_from(sorted(b) or [""]).map(lambda k: {x: v for x, v in b.items() if x != k})
    )
    retyped = valid.flatmap(
        lambda b: _json_values().map(lambda junk: {**b, **dict.fromkeys(list(b)[:1], junk)})
    )
    return st.one_of(valid, valid, valid, valid, broken, retyped, _json_values())


def _query(op: dict[str, Any]) -> st.SearchStrategy[dict[str, str]]:
    params = [resolve(p) for p in op.get("parameters", [])]
    query = {
        p["name"]: from_schema(p["schema"], name=p["name"]).map(str) for p in params if p["in"] == "query"
    }
    return st.fixed_dictionaries({}, optional=query)


@pytest.fixture(scope="module")
def fuzz_client() -> Iterator[tuple[LocalCrovver, httpx.Client]]:
    local = LocalCrovver()
    headers = {"Authorization": f"Bearer {local.secret_key}"}
    with httpx.Client(transport=local.transport(), base_url=IN_PROCESS_URL, headers=headers) as client:
        yield local, client
    local.stop()


@pytest.mark.parametrize("op_id", sorted(OPERATIONS))
def test_fuzz_operation(fuzz_client: tuple[LocalCrovver, httpx.Client], op_id: str) -> None:
    local, client = fuzz_client
    method, template, op = OPERATIONS[op_id]
    names = [seg[1:-1] for seg in template.split("/") if seg.startswith("{")]

    @settings(
        max_examples=80,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(
        path_ids=st.fixed_dictionaries({n: _ids(n) for n in names}),
        query=_query(op),
        body=_body(op),
        use_public=st.booleans() if op_id in PUBLIC_OPERATIONS else st.sampled_from([False] * 7 + [True]),
    )
    def run(path_ids: dict[str, str], query: dict[str, str], body: Any, use_public: bool) -> None:
        path = template
        for name, value in path_ids.items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        headers = {"Authorization": "", "x-public-key": local.public_key} if use_public else {}
        content = None if method == "GET" else json.dumps(body).encode()
        request = client.build_request(method, path, params=query, content=content, headers=headers)
        if use_public:
            del request.headers["Authorization"]
        response = client.send(request)
        check_conformance(method, request.url.path, response.status_code, response.content)

    run()
    assert local.emulator.internal_errors == 0
