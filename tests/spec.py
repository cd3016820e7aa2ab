"""Read-only helpers over openapi.yaml for the tests: operations, examples, schema validation."""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from crovver_api.operations import OPERATIONS

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
SPEC_URI = "urn:crovver:openapi"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

# Operations the public key may call (openapi.yaml's security, via the generated operation table);
# the rest need the secret key. tests/contract/test_operation_table.py holds the hand-written oracle.
PUBLIC_KEY_OPERATIONS = frozenset(op.operation_id for op in OPERATIONS.values() if "public" in op.credentials)


@functools.cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(METHOD, path, operation) for every operation under `paths`."""
    for path, item in load_spec()["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local `$ref` (one level at a time until a non-ref node)."""
    while "$ref" in node:
        target: Any = load_spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def ref_name(node: dict[str, Any]) -> str:
    return str(node["$ref"]).rsplit("/", 1)[-1]


def media_examples(media: dict[str, Any]) -> list[Any]:
    """The example values of one media-type object (`example` and every `examples` entry)."""
    found = [media["example"]] if "example" in media else []
    found += [resolve(e)["value"] for e in media.get("examples", {}).values()]
    return found


_format_checker = FormatChecker()


@_format_checker.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    # RFC 3339 needs a time zone; fromisoformat alone would accept naive values.
    if not isinstance(value, str):
        return True
    parsed = dt.datetime.fromisoformat(value)
    return parsed.tzinfo is not None and "T" in value


@functools.cache
def _registry() -> Registry:
    resource = Resource.from_contents(load_spec(), default_specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


@functools.cache
def validator_for(component: str) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator for `#/components/schemas/<component>`."""
    schema = {"$ref": f"{SPEC_URI}#/components/schemas/{component}"}
    return Draft202012Validator(schema, registry=_registry(), format_checker=_format_checker)


def response_schema_name(operation: dict[str, Any], status: int) -> str:
    """The component schema a response with this status must match (falls back to `default`)."""
    responses = operation["responses"]
    response = responses.get(str(status)) or responses["default"]
    media = resolve(response)["content"]["application/json"]
    return ref_name(media["schema"])


def codegen_script(name: str) -> ModuleType:
    """A module of .codegen/ (the generator scripts import codegen_common from there, as when run)."""
    folder = str(ROOT / ".codegen")
    if folder not in sys.path:
        sys.path.append(folder)
    return importlib.import_module(name)
