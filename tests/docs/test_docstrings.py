"""Every public name has a docstring, and the API reference builds without a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from crovver_ext import CrovverClient
from crovver_ext.webhooks import WebhookEvent
from tests.docs import build, surface


def test_every_public_name_is_documented() -> None:
    missing = set(surface.undocumented())
    pending = surface.pending()
    assert sorted(missing - pending) == [], "write these docstrings"
    assert sorted(pending - missing) == [], f"documented now: remove them from {surface.PENDING.name}"


def test_only_the_models_module_is_pending() -> None:
    assert all(name.startswith("crovver_ext._models.") for name in surface.pending())


SAMPLE = '''
"""A package with gaps."""
import typing
import attrs

__all__ = ["Client", "Event", "Gap", "LIMIT", "documented", "undocumented"]

LIMIT = 3
"""A documented constant."""


def documented() -> None:
    """Has one."""


def undocumented() -> None:
    pass


class Base:
    """A private-ish base whose members are inherited."""

    def inherited(self) -> None:
        pass


class Client(Base):
    """A client."""

    bare: int
    count: int
    """A documented field."""

    @property
    def url(self) -> str:
        return ""

    def _private(self) -> None:
        pass


@attrs.frozen
class Event:
    """An event."""

    id: str
    """Its id."""
    type: str


class Gap(Exception):
    pass
'''


def test_the_check_finds_each_kind_of_gap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "gappy.py").write_text(SAMPLE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert surface.undocumented(public=("gappy",), namespaces=(), package="gappy") == [
        "gappy.Base.inherited",
        "gappy.Client.bare",
        "gappy.Client.url",
        "gappy.Event.type",
        "gappy.Gap",
        "gappy.undocumented",
    ]


def test_the_clients_and_their_namespaces_are_in_the_surface() -> None:
    documented = {m.fullname for m in surface.load("crovver_ext").get("CrovverClient").members.values()}
    assert {"crovver_ext.CrovverClient.can_access", "crovver_ext.CrovverClient.credits"} <= documented
    namespaces = surface.load("crovver_ext._namespaces")
    assert namespaces.get("Credits.consume") is not None
    assert CrovverClient.__doc__ and WebhookEvent.__doc__


def test_the_reference_builds_without_warnings(tmp_path: Path) -> None:
    build.build(tmp_path)
    index = (tmp_path / "crovver_ext.html").read_text(encoding="utf-8")
    for anchor in (
        'id="CrovverClient.can_access"',
        'id="AsyncCrovverClient"',
        'id="CrovverError.request_id"',
    ):
        assert anchor in index, anchor
    assert 'id="construct_event"' in (tmp_path / "crovver_ext" / "webhooks.html").read_text(encoding="utf-8")
    assert 'id="Credits.consume"' in (tmp_path / "crovver_ext" / "_namespaces.html").read_text(
        encoding="utf-8"
    )
