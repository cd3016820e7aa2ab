"""Write crovver_api/operations.py, the operation table, from openapi.yaml's paths.

Usage: python .codegen/operations.py openapi.yaml OUT/crovver_api/operations.py

One row per operation, in spec order: method, path template, which keys may call it (from
`security`), and the SDK's policy from the `x-crovver-*` vendor extensions. Anything the table
cannot represent (an unknown extension value, a deprecated operation without a replacement, an
unknown security scheme) stops the build instead of being dropped.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from codegen_common import SpecError, main, spec_operations

CREDENTIALS = {"secretKey": "secret", "publicKeyHeader": "public", "publicKeyQuery": "public"}
CREDENTIAL_ORDER = ("secret", "public")
EXTENSIONS = {
    "x-crovver-retry": {"never"},
    "x-crovver-invalidates": {"tenant"},
    "x-crovver-replacement": None,  # any dotted facade method name
}

HEADER = '''\
"""Generated from openapi.yaml by .codegen/operations.py (make generate): one row per operation."""

from typing import NamedTuple


class Operation(NamedTuple):
    operation_id: str  # "can_access"
    method: str  # "POST"
    path: str  # "/api/public/tenants/{tenantId}/addons/purchase" (the spec's template)
    credentials: tuple[str, ...]  # ("secret",) or ("secret", "public"): which keys may call it
    retry: bool  # False when x-crovver-retry: never
    invalidates: str | None  # "tenant" when x-crovver-invalidates: tenant
    deprecated: bool
    replacement: str | None  # x-crovver-replacement


OPERATIONS: dict[str, Operation] = {
'''


def _credentials(where: str, security: Any) -> tuple[str, ...]:
    kinds: set[str] = set()
    for requirement in security:
        for scheme in requirement:
            if scheme not in CREDENTIALS:
                raise SpecError(f"{where}: unknown security scheme {scheme!r}")
            kinds.add(CREDENTIALS[scheme])
    if not kinds:
        raise SpecError(f"{where}: no security requirement")
    return tuple(kind for kind in CREDENTIAL_ORDER if kind in kinds)


def _extensions(where: str, op: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in op.items():
        if not str(key).startswith("x-crovver-"):
            continue
        if key not in EXTENSIONS:
            raise SpecError(f"{where}: unknown extension {key!r}")
        allowed = EXTENSIONS[key]
        if not isinstance(value, str) or (allowed is not None and value not in allowed):
            raise SpecError(f"{where}: {key} must be one of {sorted(allowed or [])}, not {value!r}")
        found[key] = value
    return found


def rows(spec: Any) -> list[dict[str, Any]]:
    """The table's rows, in the order of `paths` and of the methods inside each path."""
    default_security = spec.get("security", [])
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for method, path, op in spec_operations(spec):
        where = f"{method} {path}"
        operation_id = op.get("operationId")
        if not isinstance(operation_id, str) or not operation_id.isidentifier():
            raise SpecError(f"{where}: operationId must be a Python identifier")
        if operation_id in seen:
            raise SpecError(f"{where}: duplicate operationId {operation_id!r}")
        seen.add(operation_id)
        ext = _extensions(where, op)
        deprecated = op.get("deprecated", False) is True
        replacement = ext.get("x-crovver-replacement")
        if deprecated != (replacement is not None):
            raise SpecError(f"{where}: deprecated: true and x-crovver-replacement go together")
        out.append(
            {
                "operation_id": operation_id,
                "method": method,
                "path": path,
                "credentials": _credentials(where, op.get("security", default_security)),
                "retry": ext.get("x-crovver-retry") != "never",
                "invalidates": ext.get("x-crovver-invalidates"),
                "deprecated": deprecated,
                "replacement": replacement,
            }
        )
    return out


def _literal(value: Any) -> str:
    """Python source for a str, bool, None or tuple of str, quoted as ruff format quotes it."""
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid Python literal, in double quotes
    if isinstance(value, tuple):
        return "(" + ", ".join(_literal(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


def render(table: list[dict[str, Any]]) -> str:
    """The module text."""
    lines = [HEADER]
    for row in table:
        lines.append(f"    {_literal(row['operation_id'])}: Operation(\n")
        lines.extend(f"        {name}={_literal(value)},\n" for name, value in row.items())
        lines.append("    ),\n")
    lines.append("}\n")
    return "".join(lines)


def generate(spec: Any) -> str:
    """The module text for this spec."""
    return render(rows(spec))


if __name__ == "__main__":
    sys.exit(main(sys.argv, __doc__.splitlines()[2], generate))
