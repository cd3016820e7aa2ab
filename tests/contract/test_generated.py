"""generated/crovver_api: imports, matches its provenance, and parses every spec example with the right types."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import importlib
import json
import pkgutil
import re
import sys
import types
import typing
from typing import Any

import attrs
import pytest

import crovver_api
from crovver_api import models
from tests.contract.test_spec import ALL_EXAMPLES
from tests.spec import ROOT


def test_every_generated_module_imports() -> None:
    names = [m.name for m in pkgutil.walk_packages(crovver_api.__path__, "crovver_api.")]
    assert len(names) > 100
    for name in names:
        importlib.import_module(name)


def test_provenance_names_the_inputs_and_pinned_tools() -> None:
    provenance = json.loads((ROOT / "generated" / "provenance.json").read_text())
    for key, file in (("spec_sha256", "openapi.yaml"), ("config_sha256", "generator-config.yaml")):
        assert provenance[key] == hashlib.sha256((ROOT / file).read_bytes()).hexdigest(), (
            f"{file} changed since the last `make generate`"
        )
    makefile = (ROOT / "Makefile").read_text()
    pinned = dict(re.findall(r"^(GENERATOR_VERSION|RUFF_VERSION) := (\S+)$", makefile, re.MULTILINE))
    assert provenance["generator"] == f"openapi-python-client {pinned['GENERATOR_VERSION']}"
    assert provenance["ruff"] == pinned["RUFF_VERSION"]
    # The linter and the generator's formatter are the same ruff.
    assert f'"ruff=={pinned["RUFF_VERSION"]}"' in (ROOT / "pyproject.toml").read_text()


def _hints(cls: type) -> dict[str, Any]:
    module = sys.modules[cls.__module__]
    # The generated models package is lazy (.codegen/templates): resolve names through __all__.
    every_model = {name: getattr(models, name) for name in models.__all__}
    return typing.get_type_hints(cls, globalns=vars(module), localns=every_model)


def _check(value: Any, hint: Any, where: str) -> None:
    """Assert `value` has type `hint`; a known enum value must have become its enum member."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return
    if origin in (typing.Union, types.UnionType):
        members = typing.get_args(hint)
        for member in members:
            if isinstance(member, type) and issubclass(member, enum.Enum):
                known = {e.value for e in member}
                assert not (isinstance(value, str) and not isinstance(value, enum.Enum) and value in known), (
                    f"{where}: {value!r} should be {member.__name__}.{value.upper()}"
                )
        errors = []
        for member in members:
            try:
                _check(value, member, where)
                return
            except AssertionError as e:
                errors.append(str(e))
        raise AssertionError(f"{where}: {value!r} matches none of {hint}: {errors}")
    if origin is list:
        assert isinstance(value, list), f"{where}: expected a list, got {value!r}"
        for i, item in enumerate(value):
            _check(item, typing.get_args(hint)[0], f"{where}[{i}]")
        return
    if origin is dict:
        assert isinstance(value, dict), f"{where}: expected a dict, got {value!r}"
        for key, item in value.items():
            _check(item, typing.get_args(hint)[1], f"{where}.{key}")
        return
    if hint is type(None):
        assert value is None, f"{where}: expected None, got {value!r}"
        return
    if hint is float:
        assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{where}: {value!r}"
        return
    if hint is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{where}: {value!r} is not an int"
        return
    if hint is dt.datetime:
        assert isinstance(value, dt.datetime), f"{where}: {value!r} is not a datetime"
        assert value.tzinfo is not None, f"{where}: {value!r} is naive"
        return
    assert isinstance(hint, type), f"{where}: unsupported hint {hint!r}"
    assert isinstance(value, hint), f"{where}: {value!r} is not a {hint.__name__}"
    if attrs.has(hint):
        _check_model(value, where)


def _check_model(obj: Any, where: str) -> None:
    hints = _hints(type(obj))
    declared = [f.name for f in attrs.fields(type(obj)) if f.name != "additional_properties"]
    for name in declared:
        _check(getattr(obj, name), hints[name], f"{where}.{name}")
    extra = obj.additional_properties
    if declared:
        # An example key the schema does not declare is a typo in the spec or the example.
        assert not extra, f"{where}: undeclared keys {sorted(extra)}"
    else:
        _check(extra, hints["additional_properties"], where)


def _same_json(expected: Any, actual: Any, where: str) -> None:
    """Round trip equality, comparing timestamps by instant rather than spelling."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict) and set(actual) <= set(expected), f"{where}: {actual!r}"
        for key, value in expected.items():
            if key in actual:
                _same_json(value, actual[key], f"{where}.{key}")
            else:
                assert value is None, f"{where}.{key} was dropped"
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            _same_json(e, a, f"{where}[{i}]")
    elif isinstance(expected, str) and re.match(r"^\d{4}-\d\d-\d\dT", expected):
        assert dt.datetime.fromisoformat(expected) == dt.datetime.fromisoformat(actual), where
    else:
        assert expected == actual, f"{where}: {expected!r} != {actual!r}"


def assert_parses_without_loss(schema: str, value: Any) -> None:
    """The generated model of `schema` reads `value` with the right types, every key declared, and
    writes it back unchanged."""
    model = getattr(models, schema)
    parsed = model.from_dict(json.loads(json.dumps(value)))
    _check(parsed, model, schema)
    _same_json(value, parsed.to_dict(), schema)


@pytest.mark.parametrize(("where", "schema", "example"), ALL_EXAMPLES, ids=[e[0] for e in ALL_EXAMPLES])
def test_every_spec_example_parses_with_the_right_types(where: str, schema: str, example: Any) -> None:
    assert_parses_without_loss(schema, example)


def test_the_checker_catches_a_silent_union_fallback() -> None:
    # The generator swallows a bad union member and keeps the raw value; the checker must not.
    listed = models.GetTenantsEnvelope.from_dict({"success": True, "data": {"tenants": [], "count": 0}})
    _check(listed, models.GetTenantsEnvelope, "ok")
    broken = models.GetTenantsEnvelope.from_dict({"success": True, "data": {"tenants": [], "count": "0"}})
    with pytest.raises(AssertionError, match="count"):
        _check(broken, models.GetTenantsEnvelope, "broken")
    status = models.StatusSubscription.from_dict({"id": "s", "status": "active", "trialEndsAt": "yesterday"})
    with pytest.raises(AssertionError, match=r"trialEndsAt|trial_ends_at"):
        _check(status, models.StatusSubscription, "status")
    unknown = models.StatusSubscription.from_dict({"id": "s", "status": "trialing"})
    _check(unknown, models.StatusSubscription, "unknown")  # an unknown status stays a str
    assert unknown.status == "trialing"
