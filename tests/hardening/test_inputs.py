"""Hostile input is refused before anything is sent, naming the argument: text that cannot be
encoded or would change a header or query (lone surrogates, NUL, CR/LF), and metadata nested at
any depth or containing itself. Never a RecursionError or UnicodeEncodeError from deep inside."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from crovver_ext import CrovverClient
from crovver_ext._validation import free_text, metadata

# The fixtures of the facade's validation tests: a client whose transport records what is sent.
from tests.facade.test_validation import CONSUME, Sent, client, sent

__all__ = ["client", "sent"]  # fixtures, used by name


def _nested_dicts(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth):
        node["a"] = {}
        node = node["a"]
    return root


def _nested_lists(depth: int) -> dict[str, Any]:
    node: list[Any] = []
    root = {"a": node}
    for _ in range(depth):
        node.append([])
        node = node[0]
    return root


def _cyclic_dict() -> dict[str, Any]:
    value: dict[str, Any] = {"x": 1}
    value["self"] = value
    return value


def _cyclic_list() -> dict[str, Any]:
    items: list[Any] = [1]
    items.append(items)
    return {"items": items}


BAD_TEXT = ["ws\ud800", "\udfffws", "ws\x00", "ws\r\nX-Injected: 1", "ws\n", "ws\r"]

TEXT_CASES: list[tuple[str, Callable[[CrovverClient, str], Any], str]] = [
    ("tenant_id", lambda c, v: c.can_access(v, "f"), "tenant_id"),
    ("feature_key", lambda c, v: c.can_access("ws", v), "feature_key"),
    ("external_tenant_id", lambda c, v: c.get_tenant(v), "external_tenant_id"),
    (
        "idempotency_key",
        lambda c, v: c.credits.consume(**{**CONSUME, "idempotency_key": v}),
        "idempotency_key",
    ),
    ("return_url", lambda c, v: c.create_portal_token("ws", v), "return_url"),
    (
        "name",
        lambda c, v: c.create_tenant(external_tenant_id="ws", name=v, external_user_id="u"),
        "name",
    ),
    ("reason", lambda c, v: c.cancel_subscription("sub", "ws", v), "reason"),
]


@pytest.mark.parametrize("value", BAD_TEXT, ids=ascii)
@pytest.mark.parametrize(("where", "call", "name"), TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_text_that_cannot_be_sent_is_refused(
    client: CrovverClient,
    sent: Sent,
    where: str,
    call: Callable[[CrovverClient, str], Any],
    name: str,
    value: str,
) -> None:
    with pytest.raises(ValueError, match=rf"^{name} ") as info:
        call(client, value)
    assert not isinstance(info.value, UnicodeError)
    assert sent == []


METADATA_CASES: list[tuple[str, Any, type[Exception], str]] = [
    ("10,000 nested dicts", _nested_dicts(10_000), ValueError, "nested deeper"),
    ("10,000 nested lists", _nested_lists(10_000), ValueError, "nested deeper"),
    ("a dict containing itself", _cyclic_dict(), ValueError, "contains itself"),
    ("a list containing itself", _cyclic_list(), ValueError, "contains itself"),
    ("a lone surrogate in a value", {"a": ["ok", "x\ud800"]}, ValueError, "lone surrogate"),
    ("a lone surrogate in a key", {"a": {"k\udc00": 1}}, ValueError, "lone surrogate"),
    ("a NUL in a value", {"a": "x\x00y"}, ValueError, "NUL"),
    ("NaN deep down", {"a": [{"b": float("nan")}]}, ValueError, "finite"),
    ("infinity", {"a": float("inf")}, ValueError, "finite"),
    ("a non-str key deep down", {"a": {1: "x"}}, TypeError, "keys must be str"),
    ("a set", {"a": {1, 2}}, TypeError, "JSON-serializable"),
    ("too many values", {"a": list(range(20_000))}, ValueError, "more than"),
]


@pytest.mark.parametrize(
    ("value", "error", "fragment"), [pytest.param(*c[1:], id=c[0]) for c in METADATA_CASES]
)
def test_metadata_that_cannot_be_sent_is_refused_without_recursing(
    client: CrovverClient, sent: Sent, value: Any, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error) as info:
        client.credits.consume(**CONSUME, metadata=value)
    assert str(info.value).startswith("metadata") and fragment in str(info.value)
    assert sent == []


def test_reasonable_metadata_passes_as_a_plain_dict() -> None:
    value = {"source": "cli", "tags": ["a", "b"], "n": 1, "x": 1.5, "ok": True, "none": None, "é": "ü"}
    assert metadata(_nested_dicts(31)) == _nested_dicts(31)
    assert metadata(value) == value


def test_free_text_may_span_lines_but_not_hold_nul_or_surrogates() -> None:
    assert free_text("line one\nline two\r\n\ttabbed", "feedback") == "line one\nline two\r\n\ttabbed"
    for bad in ("x\x00", "x\ud800"):
        with pytest.raises(ValueError, match=r"^feedback "):
            free_text(bad, "feedback")
