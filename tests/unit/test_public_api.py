"""The public namespace: complete, resolvable, and light to import."""

from __future__ import annotations

import subprocess
import sys
import typing
from collections.abc import Iterator
from typing import Any

import pytest

import crovver_ext
from crovver_ext import _errors, _models


def test_every_exported_name_imports_from_the_module_that_defines_it() -> None:
    # In a fresh process, so nothing an earlier test loaded can make a lazy name resolve.
    code = (
        "import importlib, inspect, typing, crovver_ext\n"
        "from crovver_ext import *\n"
        "for name in crovver_ext.__all__:\n"
        "    value = globals()[name]\n"
        "    home = getattr(value, '__module__', None)\n"
        "    if (isinstance(value, type) and value is not typing.Any) or inspect.isfunction(value):\n"
        "        assert home and home.startswith('crovver_ext'), (name, home)\n"
        "        assert getattr(importlib.import_module(home), name.split('.')[-1], value) is value, name\n"
        "print(len(crovver_ext.__all__))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out) == len(crovver_ext.__all__)


def _classes_in(hint: Any) -> Iterator[type]:
    if isinstance(hint, type):
        yield hint
    for argument in typing.get_args(hint):
        yield from _classes_in(argument)


def test_every_sdk_type_a_public_method_takes_or_returns_is_exported() -> None:
    seen: set[type] = set()
    for owner in (crovver_ext.CrovverClient, crovver_ext.AsyncCrovverClient):
        for name, member in vars(owner).items():
            if callable(member) and not name.startswith("_"):
                for hint in typing.get_type_hints(member).values():
                    seen.update(_classes_in(hint))
    ours = {cls for cls in seen if cls.__module__.startswith("crovver_ext")}
    assert ours, "the walk found the SDK's own result types"
    missing = sorted(cls.__name__ for cls in ours if not _exported(cls))
    assert missing == []


def _exported(cls: type) -> bool:
    """From ``crovver_ext``, or from the public module that defines it (e.g. ``crovver_ext.webhooks``)."""
    if getattr(crovver_ext, cls.__name__, None) is cls:
        return True
    module = sys.modules[cls.__module__]
    public_module = not any(part.startswith("_") for part in cls.__module__.split("."))
    return public_module and cls.__name__ in getattr(module, "__all__", ())


def test_every_model_and_error_is_exported() -> None:
    public = set(crovver_ext.__all__)
    assert set(_models.__all__) <= public
    assert set(_errors.__all__) <= public
    assert set(_models.__all__) == crovver_ext._LAZY_MODELS


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchThing"):
        crovver_ext.NoSuchThing  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_sdk_defers_the_heavy_parts() -> None:
    # The generated client, attrs (with the models) and asyncio load on first use, not on import.
    code = (
        "import sys, crovver_ext\n"
        "from crovver_ext import CrovverClient, CrovverError\n"
        "heavy = [m for m in ('crovver_api', 'attrs', 'asyncio', 'crovver_ext._models', 'dateutil') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""
