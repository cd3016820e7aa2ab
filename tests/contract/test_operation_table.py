"""The operation table (generated/crovver_api/operations.py) against a hand-written oracle, and the
generator script's refusals.

The table is derived from openapi.yaml; everything else (the local Crovver's router, the deprecation
set, tests/spec.py) reads the table. The lists below are the one independent copy: written by hand
from crovver-api.md and the SDK's policy, so a wrong or missing `x-crovver-*` extension fails here.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from crovver_api.operations import OPERATIONS, Operation
from crovver_ext.testing import _app
from tests.spec import ROOT, codegen_script, load_spec, operations

# Creating money movements a retry could duplicate: the SDK sends them once.
NEVER_RETRIED = {"create_checkout_session", "create_proration_checkout", "bulk_allocate_seats"}
# Calls after which a tenant's cached entitlements may be wrong.
INVALIDATE_TENANT = {
    "consume_credits",
    "purchase_addon",
    "create_checkout_session",
    "cancel_subscription",
    "create_proration_checkout",
}
DEPRECATED = {"record_usage": "credits.consume", "check_usage_limit": "credits.balance"}
# What a public key may call: crovver-api.md "Credentials", crovver-react's GET can-access, and
# check-usage-limit (docs: api-reference/usage/check-limit.mdx, "secret key ... or public key").
PUBLIC = {
    "check_usage_limit",
    "get_plans",
    "get_subscription_status",
    "can_access",
    "can_access_by_query",
    "get_credit_balance",
    "list_available_addons",
    "get_active_addons",
    "create_checkout_token",
    "create_portal_token",
}


def test_never_retried_operations() -> None:
    assert {op.operation_id for op in OPERATIONS.values() if not op.retry} == NEVER_RETRIED


def test_invalidating_operations() -> None:
    found = {op.operation_id: op.invalidates for op in OPERATIONS.values() if op.invalidates is not None}
    assert found == dict.fromkeys(INVALIDATE_TENANT, "tenant")


def test_deprecated_operations_and_their_replacements() -> None:
    assert {op.operation_id: op.replacement for op in OPERATIONS.values() if op.deprecated} == DEPRECATED
    assert all(op.replacement is None for op in OPERATIONS.values() if not op.deprecated)


def test_credentials() -> None:
    for op in OPERATIONS.values():
        expected = ("secret", "public") if op.operation_id in PUBLIC else ("secret",)
        assert op.credentials == expected, op.operation_id
    assert OPERATIONS.keys() >= PUBLIC


def test_one_row_per_spec_operation_in_spec_order() -> None:
    in_spec_order = [
        (method.upper(), path, op["operationId"])
        for path, item in load_spec()["paths"].items()
        for method, op in item.items()
    ]
    assert [(op.method, op.path, op.operation_id) for op in OPERATIONS.values()] == in_spec_order
    assert len(in_spec_order) == len(list(operations()))
    assert all(key == op.operation_id for key, op in OPERATIONS.items())


def test_the_emulator_router_is_the_table() -> None:
    routes = [(r.method, r.pattern, r.access) for r in _app.ROUTES]
    assert routes == [
        (op.method, op.path, "public" if op.operation_id in PUBLIC else "secret")
        for op in OPERATIONS.values()
    ]


# ---- the generator script ----------------------------------------------------------------------


SCRIPT = codegen_script("operations")


def test_the_committed_table_is_what_the_script_writes() -> None:
    # `make check-generated` checks this too (with ruamel.yaml); here with PyYAML, in every pytest run.
    committed = (ROOT / "generated" / "crovver_api" / "operations.py").read_text(encoding="utf-8")
    assert SCRIPT.generate(load_spec()) == committed


def test_the_script_writes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # main() reads YAML with ruamel.yaml (the generator's parser); PyYAML stands in for it here.
    ruamel = ModuleType("ruamel")
    ruamel_yaml = ModuleType("ruamel.yaml")

    class YAML:
        def __init__(self, typ: str, pure: bool) -> None:
            assert (typ, pure) == ("safe", True)

        def load(self, text: str) -> Any:
            import yaml

            return yaml.safe_load(text)

    ruamel_yaml.YAML = YAML  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ruamel", ruamel)
    monkeypatch.setitem(sys.modules, "ruamel.yaml", ruamel_yaml)
    out = tmp_path / "operations.py"
    common = codegen_script("codegen_common")
    assert common.main(["operations.py", str(ROOT / "openapi.yaml"), str(out)], "usage", SCRIPT.generate) == 0
    namespace: dict[str, Any] = {}
    exec(compile(out.read_text(encoding="utf-8"), str(out), "exec"), namespace)
    rows = namespace["OPERATIONS"]
    assert {k: tuple(v) for k, v in rows.items()} == {k: tuple(v) for k, v in OPERATIONS.items()}
    assert common.main(["operations.py"], "usage", SCRIPT.generate) == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "paths:\n  /x:\n    get: {operationId: x, deprecated: true, security: [{secretKey: []}]}\n"
    )
    assert common.main(["operations.py", str(bad), str(out)], "usage", SCRIPT.generate) == 1


def _spec_with(change: dict[str, Any], operation_id: str = "get_plans") -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                op.update(change)
    return spec


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"x-crovver-retry": "sometimes"}, "x-crovver-retry must be one of"),
        ({"x-crovver-invalidates": "org"}, "x-crovver-invalidates must be one of"),
        ({"x-crovver-cache": "yes"}, "unknown extension 'x-crovver-cache'"),
        ({"deprecated": True}, "deprecated: true and x-crovver-replacement go together"),
        ({"x-crovver-replacement": "plans.list"}, "deprecated: true and x-crovver-replacement go together"),
        ({"security": [{"oauth": []}]}, "unknown security scheme 'oauth'"),
        ({"security": []}, "no security requirement"),
        ({"operationId": "get-plans"}, "operationId must be a Python identifier"),
        ({"operationId": "create_tenant"}, "duplicate operationId 'create_tenant'"),
    ],
)
def test_the_script_refuses_what_the_table_cannot_hold(change: dict[str, Any], message: str) -> None:
    with pytest.raises(SCRIPT.SpecError, match=message):
        SCRIPT.rows(_spec_with(change))


def test_an_operation_without_security_takes_the_spec_default() -> None:
    spec = _spec_with({}, "get_plans")
    del spec["paths"]["/api/public/plans"]["get"]["security"]
    rows = {row["operation_id"]: row for row in SCRIPT.rows(spec)}
    assert rows["get_plans"]["credentials"] == ("secret",)


def test_rows_are_named_tuples_with_the_documented_fields() -> None:
    assert Operation._fields == (
        "operation_id",
        "method",
        "path",
        "credentials",
        "retry",
        "invalidates",
        "deprecated",
        "replacement",
    )
