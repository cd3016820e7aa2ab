"""The public namespace: complete, resolvable, and light to import."""

from __future__ import annotations

import subprocess
import sys

import pytest

import crovver_ext
from crovver_ext import _errors, _models


def test_every_exported_name_resolves() -> None:
    for name in crovver_ext.__all__:
        assert getattr(crovver_ext, name) is not None, name
    assert sorted(dir(crovver_ext)) == sorted(crovver_ext.__all__)


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
