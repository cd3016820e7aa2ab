"""The sync and async surfaces are one surface: same methods, parameters, defaults, annotations and
docstrings (modulo ``async``/``await``), on the clients and on their namespaces; every public type
hint resolves at runtime."""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient, _namespaces

PAIRS: list[tuple[type, type]] = [
    (CrovverClient, AsyncCrovverClient),
    (_namespaces.Credits, _namespaces.AsyncCredits),
    (_namespaces.Addons, _namespaces.AsyncAddons),
    (_namespaces.Capacity, _namespaces.AsyncCapacity),
]
# The one name that differs by design: closing an async client is a coroutine.
RENAMED = {"aclose": "close"}


def _async_to_sync(text: str) -> str:
    """What an async annotation or docstring says, in the sync twin's words."""
    for pattern, replacement in (
        (r"\bawait ", ""),
        (r"\basync (with|for|def) ", r"\1 "),
        (r"\bAsyncCrovverClient\b", "CrovverClient"),
        (r"\bhttpx\.AsyncClient\b", "httpx.Client"),
        (r"\bhttpx\.AsyncBaseTransport\b", "httpx.BaseTransport"),
        (r"\bAsyncIterator\b", "Iterator"),
        (r"\bAwaitable\[([^\[\]]*)\]", r"\1"),
        (r"\b_AsyncRunner\b", "_SyncRunner"),
        (
            r"\bAsync(Credits|Addons|Capacity|RawResponses|RawCredits|RawAddons|RawCapacity"
            r"|EntitlementStore|RedisEntitlementStore)\b",
            r"\1",
        ),
    ):
        text = re.sub(pattern, replacement, text)
    return text


def _public(cls: type) -> dict[str, Any]:
    members = {}
    for name, value in vars(cls).items():
        if name.startswith("_") and name not in ("__init__",):
            continue
        if callable(value) or isinstance(value, property):
            members[RENAMED.get(name, name)] = value
    return members


def _describe(member: Any) -> tuple[str, str]:
    """(signature, docstring) of a method or property, normalised to the sync spelling."""
    if isinstance(member, property):
        member = member.fget
    signature = str(inspect.signature(member))
    return _async_to_sync(signature), _async_to_sync(inspect.getdoc(member) or "")


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_the_async_twin_has_the_same_surface(sync_cls: type, async_cls: type) -> None:
    sync_members, async_members = _public(sync_cls), _public(async_cls)
    assert sorted(async_members) == sorted(sync_members)
    for name, member in sync_members.items():
        sync_signature, sync_doc = _describe(member)
        async_signature, async_doc = _describe(async_members[name])
        assert async_signature == sync_signature, f"{async_cls.__name__}.{name} signature"
        assert async_doc == sync_doc, f"{async_cls.__name__}.{name} docstring"
        assert sync_doc, f"{sync_cls.__name__}.{name} has no docstring"


def test_the_clients_document_the_same_options() -> None:
    sync_doc = inspect.getdoc(CrovverClient) or ""
    async_doc = _async_to_sync(inspect.getdoc(AsyncCrovverClient) or "")
    assert "Args:" in sync_doc
    assert async_doc.split("Args:", 1)[1] == sync_doc.split("Args:", 1)[1]


def test_the_async_methods_are_coroutines_where_the_sync_ones_do_io() -> None:
    for sync_cls, async_cls in PAIRS:
        for name, member in _public(sync_cls).items():
            twin = _public(async_cls)[name]
            if name in ("__init__", "with_options", "invalidate", "iter_allocations") or isinstance(
                member, property
            ):
                continue
            assert inspect.iscoroutinefunction(twin), f"{async_cls.__name__}.{name}"


def _methods() -> Iterator[tuple[str, Callable[..., Any]]]:
    for sync_cls, async_cls in PAIRS:
        for cls in (sync_cls, async_cls):
            for name, member in vars(cls).items():
                if isinstance(member, property):
                    member = member.fget
                if callable(member) and (not name.startswith("_") or name == "__init__"):
                    yield f"{cls.__name__}.{name}", member


@pytest.mark.parametrize(("name", "method"), list(_methods()), ids=[n for n, _ in _methods()])
def test_every_public_type_hint_resolves_at_runtime(name: str, method: Callable[..., Any]) -> None:
    hints = typing.get_type_hints(method)
    assert "return" in hints or name.endswith("__init__"), name


def test_the_namespaces_are_annotated() -> None:
    for cls, kinds in (
        (CrovverClient, ("Credits", "Addons", "Capacity")),
        (AsyncCrovverClient, ("AsyncCredits", "AsyncAddons", "AsyncCapacity")),
    ):
        hints = typing.get_type_hints(cls)
        for attribute, kind in zip(("credits", "addons", "capacity"), kinds, strict=True):
            assert hints[attribute].__name__ == kind


@pytest.mark.parametrize("cls", [CrovverClient, AsyncCrovverClient])
def test_with_options_takes_every_public_constructor_option(cls: type) -> None:
    constructor = inspect.signature(cls.__init__).parameters
    options = inspect.signature(cls.with_options).parameters
    public = {name for name in constructor if name != "self" and not name.startswith("_")}
    assert public == {name for name in options if name != "self"}
    for name in public:  # the same type, with NOT_GIVEN as the default
        assert options[name].annotation == constructor[name].annotation, name


@pytest.mark.parametrize("cls", [CrovverClient, AsyncCrovverClient])
def test_no_private_knob_in_a_public_signature(cls: type) -> None:
    for name, member in vars(cls).items():
        if callable(member) and (not name.startswith("_") or name == "__init__"):
            hidden = [p for p in inspect.signature(member).parameters if p.startswith("_")]
            assert hidden == [], f"{cls.__name__}.{name} takes {hidden}"
