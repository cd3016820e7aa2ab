"""The README's "Results" section stays true: its table of guaranteed fields is the models', and
its code block runs against the local Crovver."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from crovver_ext import _models
from crovver_ext._reader import iter_wire_fields
from crovver_ext.testing import LocalCrovver

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    return README.read_text(encoding="utf-8").split("\n## Results: ", 1)[1].split("\n## ", 1)[0]


def test_the_table_of_guaranteed_fields_is_the_models() -> None:
    table = _section().split("<!-- guaranteed-fields", 1)[1].split("<!-- /guaranteed-fields -->", 1)[0]
    documented = {
        name: set(re.findall(r"`(\w+)`", fields))
        for name, fields in re.findall(r"^\| `(\w+)` \| (.*) \|$", table, flags=re.MULTILINE)
    }
    actual = {
        name: {field for field, _, required in iter_wire_fields(cls) if required}
        for name in _models.__all__
        if isinstance(cls := getattr(_models, name), type)
        and attrs.has(cls)
        and issubclass(cls, _models._Model)
    }
    assert documented == actual


def test_the_raw_response_block_runs(local: LocalCrovver, monkeypatch: pytest.MonkeyPatch) -> None:
    local.control.reset()
    monkeypatch.setenv("CROVVER_SECRET_KEY", local.secret_key)
    monkeypatch.setenv("CROVVER_BASE_URL", local.base_url)
    (block,) = re.findall(r"```python\n(.*?)```", _section(), flags=re.DOTALL)
    exec(compile(block, str(README), "exec"), {"__name__": "readme"})
    log = local.control.requests(path="/api/public/plans")
    assert len(log) == 3 and log[-1]["headers"]["x-trace-id"] == "abc"
