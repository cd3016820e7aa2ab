"""Write crovver_api/request_schemas.py, what each operation accepts, from openapi.yaml.

Usage: python .codegen/request_schemas.py openapi.yaml OUT/crovver_api/request_schemas.py

Per operationId: the JSON Schema of its request body (or null), and one object schema each for
its query and its path parameters, with every `$ref` inlined and annotations (descriptions,
examples, defaults) dropped. The local Crovver validates requests with exactly these, so its
idea of a valid request is the spec's.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from codegen_common import SpecError, main, spec_operations

ANNOTATIONS = frozenset({"description", "example", "examples", "default", "title", "deprecated"})
SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})

HEADER = '''\
"""Generated from openapi.yaml by .codegen/request_schemas.py (make generate): what each operation accepts.

REQUEST_SCHEMAS[operation_id] = {"body": JSON Schema or None, "query": object schema, "path": object
schema, "path_names": the path parameters in URL order}; every $ref inlined.
"""

import json
from typing import Any

REQUEST_SCHEMAS: dict[str, dict[str, Any]] = json.loads(
    r"""
'''
FOOTER = '''"""
)
'''


def _resolve_ref(spec: Any, ref: str) -> Any:
    if not ref.startswith("#/"):
        raise SpecError(f"only local $refs are supported, not {ref!r}")
    node = spec
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def inline(spec: Any, node: Any, seen: tuple[str, ...] = ()) -> Any:
    """`node` as a self-contained JSON Schema: refs replaced by their targets, annotations gone."""
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            raise SpecError(f"recursive $ref {ref!r} cannot be inlined")
        return inline(spec, _resolve_ref(spec, ref), (*seen, ref))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ANNOTATIONS:
            continue
        if key in SCHEMA_MAPS:
            out[key] = {name: inline(spec, sub, seen) for name, sub in value.items()}
        elif key in SCHEMA_LISTS:
            out[key] = [inline(spec, sub, seen) for sub in value]
        elif isinstance(value, dict):  # items, additionalProperties, not, if/then/else, ...
            out[key] = inline(spec, value, seen)
        else:
            out[key] = value
    return out


def _parameters(spec: Any, op: Any, where: str) -> dict[str, Any]:
    schemas: dict[str, dict[str, Any]] = {
        "query": {"type": "object", "properties": {}, "required": []},
        "path": {"type": "object", "properties": {}, "required": []},
    }
    for raw in op.get("parameters", []):
        param = _resolve_ref(spec, raw["$ref"]) if "$ref" in raw else raw
        place = param["in"]
        if place not in schemas:
            continue  # headers and cookies: the security schemes, checked by the router
        target = schemas[place]
        target["properties"][param["name"]] = inline(spec, param["schema"])
        if param.get("required") or place == "path":
            target["required"].append(param["name"])
    return schemas


def rows(spec: Any) -> dict[str, dict[str, Any]]:
    """operationId -> its request schemas, in spec order."""
    out: dict[str, dict[str, Any]] = {}
    for method, path, op in spec_operations(spec):
        where = f"{method} {path}"
        body = op.get("requestBody")
        body_schema = None
        if body is not None:
            media = body.get("content", {}).get("application/json")
            if media is None:
                raise SpecError(f"{where}: a request body must be application/json")
            body_schema = inline(spec, media["schema"])
        params = _parameters(spec, op, where)
        names = re.findall(r"{([^}]+)}", path)
        if sorted(names) != sorted(params["path"]["properties"]):
            raise SpecError(f"{where}: path parameters {names} are not all declared")
        out[op["operationId"]] = {
            "body": body_schema,
            "query": params["query"],
            "path": params["path"],
            "path_names": names,
        }
    return out


def render(table: dict[str, dict[str, Any]]) -> str:
    """The module text: the table as indented JSON inside a raw string."""
    text = json.dumps(table, indent=1, ensure_ascii=True)
    if '"""' in text:  # cannot happen with ensure_ascii JSON, whose quotes are escaped
        raise SpecError("a schema contains a triple quote")
    return HEADER + text + "\n" + FOOTER


def generate(spec: Any) -> str:
    """The module text for this spec."""
    return render(rows(spec))


if __name__ == "__main__":
    sys.exit(main(sys.argv, __doc__.splitlines()[2], generate))
