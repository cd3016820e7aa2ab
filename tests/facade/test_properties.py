"""Property tests from the spec: whatever reply openapi.yaml allows for an operation, the facade
reads into a result. Together with tests/corpus (the spec allows whatever Crovver documents) this
ties the facade to Crovver's own material, not to our emulator.

For every operation's success schema, hypothesis generates replies in four shapes: as the spec
allows (optional fields sometimes there, nulls where allowed, unknown extra keys), only the
required fields, every declared field, and every field plus unknown enum values. The readers'
documented ranges bound the generated values: integers are 64-bit, amounts within ±10^15, and
date-times within years an aware UTC datetime can hold in any offset (beyond them a value is
refused with InvalidResponseError by design, see tests/hardening).
"""

from __future__ import annotations

import collections.abc
import copy
import json
import typing
import warnings
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crovver_ext import CrovverClient, CrovverDeprecationWarning
from tests.corpus.test_facade import CALLS
from tests.spec import load_spec, operations

SHAPES = ("as-allowed", "only-required", "every-field", "unknown-enums")
# get_tenants answers two shapes (a lookup or a list); each has its own facade method.
METHOD_OF = {"get_tenants": ("get_tenant", "list_tenants"), "get_invoices": ("get_invoices",)}
EXTRA_CALLS: dict[str, Callable[[CrovverClient], Any]] = {
    "get_subscriptions": lambda c: c.get_subscriptions("workspace_123"),
    "get_invoices": lambda c: c.get_invoices("workspace_123"),
    "get_supported_providers": lambda c: c.get_supported_providers(),
}

_date_times = st.tuples(
    st.integers(1970, 2999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(0, 59),
    st.sampled_from(["", ".5", ".123", ".123456"]),
    st.sampled_from(["Z", "+00:00", "+05:30", "-08:00", "-23:59", "+14:00"]),
).map(lambda t: "%04d-%02d-%02dT%02d:%02d:%02d%s%s" % t)  # noqa: UP031


def _component(ref: str) -> dict[str, Any]:
    node: Any = load_spec()
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node  # type: ignore[no-any-return]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**31), 2**31) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
UNKNOWN_ENUM = "a_value_crovver_adds_tomorrow"


def _strategy(node: Any, shape: str) -> st.SearchStrategy[Any]:
    """Replies a schema allows (the subset of JSON Schema openapi.yaml uses), in one of SHAPES."""
    if "$ref" in node:
        return st.deferred(lambda: _strategy(_component(node["$ref"]), shape))
    if "anyOf" in node:
        return st.one_of([_strategy(member, shape) for member in node["anyOf"]])
    if "const" in node:
        return st.just(node["const"])
    if "enum" in node:
        known = st.sampled_from(node["enum"])
        return known | st.just(UNKNOWN_ENUM) if shape == "unknown-enums" else known
    kinds = node.get("type")
    if kinds is None:
        return _JSON
    return st.one_of([_typed(kind, node, shape) for kind in (kinds if isinstance(kinds, list) else [kinds])])


def _typed(kind: str, node: dict[str, Any], shape: str) -> st.SearchStrategy[Any]:
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":  # the readers take 64-bit integers
        return st.integers(max(node.get("minimum", -(2**63)), -(2**63)), 2**63)
    if kind == "number":  # amounts within ±10^15, to a thousandth
        return st.integers(-(10**15), 10**15).map(lambda n: n / 1000) | st.integers(-(10**6), 10**6)
    if kind == "string":
        if "pattern" in node:
            return st.from_regex(node["pattern"], fullmatch=True)
        if node.get("format") == "date-time":
            return _date_times
        return st.text(
            st.characters(exclude_categories=("Cs",)), min_size=node.get("minLength", 0), max_size=12
        )
    if kind == "array":
        return st.lists(_strategy(node.get("items", {}), shape), max_size=3)
    assert kind == "object", kind
    properties = {k: _strategy(v, shape) for k, v in node.get("properties", {}).items()}
    required = set(node.get("required", []))
    if shape in ("every-field", "unknown-enums"):
        required = set(properties)
    if shape == "only-required":
        properties = {k: v for k, v in properties.items() if k in required}
    fixed = st.fixed_dictionaries(
        {k: v for k, v in properties.items() if k in required},
        optional={k: v for k, v in properties.items() if k not in required},
    )
    extra = node.get("additionalProperties", True)
    if extra is False or (shape == "only-required" and properties):
        return fixed
    values = _JSON if extra is True else _strategy(extra, shape)
    unknown = st.dictionaries(_TEXT.filter(lambda k: k not in properties), values, max_size=2)
    return st.builds(lambda known, more: {**more, **known}, fixed, unknown)


def _with_data(envelope: dict[str, Any], data_component: str) -> dict[str, Any]:
    """An envelope whose ``data`` is one member of its union (get_tenants: a lookup or a list)."""
    node = copy.deepcopy(_component(envelope["$ref"]) if "$ref" in envelope else envelope)
    node["properties"]["data"] = {"$ref": f"#/components/schemas/{data_component}"}
    return node


def _success_schemas() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for _method, _path, operation in operations():
        for status, response in operation["responses"].items():
            if status.startswith("2"):
                content = _component(response["$ref"]) if "$ref" in response else response
                media = content.get("content", {}).get("application/json")
                if media:
                    found.append((operation["operationId"], status, media["schema"]))
    return found


CASES = [
    (operation, status, method, shape, schema)
    for operation, status, schema in _success_schemas()
    if operation in CALLS or operation in EXTRA_CALLS or operation in METHOD_OF
    for method in METHOD_OF.get(operation, (operation,))
    for shape in SHAPES
]


def _client(body: bytes) -> CrovverClient:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    http = httpx.Client(transport=httpx.MockTransport(answer), base_url="https://crovver.test")
    return CrovverClient(
        "sk_test_properties", base_url="https://crovver.test", http_client=http, max_retries=0
    )


@pytest.mark.parametrize(
    ("operation", "status", "method", "shape", "schema"), CASES, ids=[f"{c[2]}-{c[1]}-{c[3]}" for c in CASES]
)
def test_the_facade_reads_every_reply_the_spec_allows(
    operation: str, status: str, method: str, shape: str, schema: dict[str, Any]
) -> None:
    call = CALLS.get(method) or EXTRA_CALLS[method]
    if method == "get_tenant":
        envelope_schema = _with_data(schema, "TenantLookupData")
    elif method == "list_tenants":
        envelope_schema = _with_data(schema, "TenantListData")
    else:
        envelope_schema = schema

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,  # deterministic: the same replies every run
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    )
    @given(reply=_strategy(envelope_schema, shape))
    def reads(reply: Any) -> None:
        if not isinstance(reply, dict) or reply.get("success") is not True or "data" not in reply:
            return  # an error-shaped member of a union envelope is the error tests' business
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CrovverDeprecationWarning)
            result = call(_client(json.dumps(reply).encode()))
        assert result is not None

    reads()


def test_every_operation_with_a_success_reply_is_covered() -> None:
    covered = {c[0] for c in CASES}
    assert covered == {operation for operation, _, _ in _success_schemas()} - {"receive_subscription_event"}


PLAN_LIKE = {
    "type": "object",
    "required": ["id"],
    "properties": {"id": {"type": "string"}, "n": {"type": "integer"}},
}


@given(
    only=_strategy(PLAN_LIKE, "only-required"),
    every=_strategy(PLAN_LIKE, "every-field"),
    loose=_strategy(PLAN_LIKE, "as-allowed"),
    status=_strategy({"enum": ["active", "trial"]}, "unknown-enums"),
)
@settings(max_examples=50, derandomize=True)
def test_the_strategies_make_the_shapes_they_say(
    only: dict[str, Any], every: dict[str, Any], loose: dict[str, Any], status: str
) -> None:
    assert set(only) == {"id"}
    assert {"id", "n"} <= set(every)
    assert "id" in loose
    assert status in ("active", "trial", UNKNOWN_ENUM)


def _spec_property_names() -> set[str]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(load_spec()["components"]["schemas"])
    return names


def test_every_wire_name_a_model_declares_is_in_the_spec() -> None:
    """A typo in a wire name would read None forever; every spelling must be one the spec declares."""
    import attrs

    from crovver_ext import _models
    from crovver_ext._reader import iter_wire_fields

    known = _spec_property_names()
    checked = 0
    for name in _models.__all__:
        cls = getattr(_models, name)
        if isinstance(cls, type) and attrs.has(cls) and issubclass(cls, _models._Model):
            for field, paths, _required in iter_wire_fields(cls):
                if (name, field) == ("CreditBalance", "pools"):
                    continue  # built by the operation from the map of pools, not read by name
                for path in paths:
                    unknown = [part for part in path.split(".") if part not in known]
                    assert not unknown, f"{name}.{field} reads {path!r}: {unknown} is not in openapi.yaml"
                    checked += 1
    assert checked > 200


# Which spec component each result class reads (the test's own oracle).
COMPONENT_OF = {
    "Organization": "Organization",
    "Tenant": "Tenant",
    "TenantOwner": "TenantOwner",
    "CreatedTenant": "CreateTenantData",
    "TenantMember": "TenantMember",
    "TenantDetails": "TenantLookupData",
    "TenantList": "TenantListData",
    "PlanPrice": "PlanPrice",
    "CreditPool": "CreditPoolDefinition",
    "Product": "Product",
    "PaymentProvider": "PaymentProviderInfo",
    "Plan": "Plan",
    "PlanList": "PlansData",
    "SupportedProvider": "SupportedProvider",
    "SubscriptionPlan": "SubscriptionPlan",
    "Subscription": "Subscription",
    "SubscriptionList": "SubscriptionsData",
    "SubscriptionStatusSubscription": "StatusSubscription",
    "SubscriptionStatusPlan": "StatusPlan",
    "SubscriptionStatus": "SubscriptionStatusData",
    "CanceledSubscription": "CancelSubscriptionData",
    "PoolBalance": "PoolBalance",
    "ConsumeResult": "ConsumeCreditsData",
    "AvailableAddon": "AvailableAddon",
    "AddonPurchase": "PurchaseAddonData",
    "ActiveAddon": "ActiveAddonPool",
    "UsageRecord": "RecordUsageData",
    "UsageLimit": "CheckUsageLimitData",
    "CheckoutSession": "CheckoutSessionData",
    "Invoice": "Invoice",
    "InvoiceList": "InvoicesData",
    "Token": "TokenData",
    "CapacityCount": "CapacityCountData",
    "SeatCapacity": "SeatCapacity",
    "SeatAllocationResult": "AllocateSeatData",
    "BulkAllocation": "BulkAllocateData",
    "SeatAllocation": "SeatAllocation",
    "SeatAllocationPage": "SeatAllocationsData",
    "ProrationCheckout": "ProrationCheckoutData",
}


@pytest.mark.parametrize("model", sorted(COMPONENT_OF))
def test_a_model_guarantees_exactly_the_fields_the_spec_requires(model: str) -> None:
    """Guaranteed (a plain type) where the spec requires the field, ``X | None`` where it does not."""
    from crovver_ext import _models
    from crovver_ext._reader import iter_wire_fields

    component = _component(f"#/components/schemas/{COMPONENT_OF[model]}")
    required = set(component.get("required", []))
    for field, paths, guaranteed in iter_wire_fields(getattr(_models, model)):
        direct = [p for p in paths if "." not in p]
        if guaranteed:
            assert set(paths) & required, f"{model}.{field} is guaranteed, the spec does not require {paths}"
        elif direct and set(direct) & required:
            hint = typing.get_type_hints(getattr(_models, model))[field]
            collection = typing.get_origin(hint) in (tuple, collections.abc.Mapping)
            assert collection, f"{model}.{field}: the spec requires {direct}, so the model can guarantee it"
