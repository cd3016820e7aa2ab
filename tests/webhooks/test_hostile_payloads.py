"""A correctly signed body that is not a well-formed event is a ``WebhookPayloadError``, whatever
it holds: never a RecursionError, ValueError, OverflowError or anything else from deep inside."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crovver_ext.testing import sign_webhook
from crovver_ext.webhooks import WebhookEvent, WebhookPayloadError, construct_event

SECRET = "whsec_hostile"
GOOD: dict[str, Any] = {
    "id": "evt_1",
    "type": "subscription.updated",
    "created_at": "2026-01-01T00:00:00Z",
    "org_id": "org_1",
    "data": {"id": "sub_1", "status": "active", "capacity_units": 5},
}


def _read(body: bytes) -> WebhookEvent | None:
    """The event, or None for a WebhookPayloadError; any other exception fails the test."""
    try:
        return construct_event(body, sign_webhook(body, SECRET), SECRET)
    except WebhookPayloadError:
        return None


def _with(path: tuple[str, ...], value: Any) -> bytes:
    event = json.loads(json.dumps(GOOD))
    node = event
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return json.dumps(event).encode()


def _raw_with(path: tuple[str, ...], literal: str) -> bytes:
    """The good event with one field replaced by raw JSON text (numbers JSON allows but Python
    cannot hold, nesting json.dumps would refuse)."""
    marker = "__REPLACE_ME__"
    return _with(path, marker).replace(f'"{marker}"'.encode(), literal.encode())


HOSTILE: list[tuple[str, bytes]] = [
    ("nested 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
    ("an object nested 100,000 deep", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    ("a field nested 900 deep", _raw_with(("data", "tenant_name"), "[" * 900 + "]" * 900)),
    ("the id nested 900 deep", _raw_with(("id",), "[" * 900 + "]" * 900)),
    ("a huge exponent", _raw_with(("data", "capacity_units"), "1e1000000")),
    ("a huge exponent as the time", _raw_with(("created_at",), "1e1000000")),
    ("an integer of 10,000 digits", _raw_with(("data", "capacity_units"), "9" * 10_000)),
    ("a count of 10,000 digits as a string", _with(("data", "capacity_units"), "9" * 10_000)),
    ("NaN", _raw_with(("data", "capacity_units"), "NaN")),
    ("a time past year 9999 in UTC", _with(("created_at",), "9999-12-31T23:59:59-01:00")),
    ("a time before year 1 in UTC", _with(("data", "current_period_end"), "0001-01-01T00:00:00+01:00")),
    ("month 13", _with(("created_at",), "2026-13-01T00:00:00Z")),
    ("a time that is a number", _with(("created_at",), 1767225600)),
    ("a lone surrogate in the id", _raw_with(("id",), '"evt_\\ud800"')),
    ("a lone surrogate in the status", _raw_with(("data", "status"), '"\\udfff"')),
    ("a list as the type", _with(("type",), ["subscription.updated"])),
    ("data a list", _with(("data",), [1, 2])),
    ("capacity a float", _with(("data", "capacity_units"), 1.5)),
    ("capacity a bool", _with(("data", "capacity_units"), True)),
    ("a JSON array", b"[1, 2]"),
    ("a JSON string", b'"subscription.updated"'),
    ("null", b"null"),
    ("invalid UTF-8", b'{"id": "\xff\xfe"}'),
    ("truncated", b'{"id": "evt_1", "type": '),
    ("empty", b""),
]


@pytest.mark.parametrize("body", [pytest.param(b, id=i) for i, b in HOSTILE])
def test_a_signed_body_that_is_not_a_well_formed_event_is_a_payload_error(body: bytes) -> None:
    assert _read(body) is None


def test_the_good_event_reads() -> None:
    event = _read(json.dumps(GOOD).encode())
    assert event is not None and event.data is not None and event.data.capacity_units == 5


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
# Values aimed at the fields the parser reads: odd times, odd counts, odd strings.
ODD = (
    JSON
    | st.datetimes().map(lambda d: d.isoformat())
    | st.sampled_from(["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "", " 5", "0" * 30])
)
FIELDS = ["id", "type", "created_at", "org_id", "data"]
DATA_FIELDS = ["id", "status", "current_period_start", "current_period_end", "capacity_units", "created_at"]


@settings(derandomize=True, deadline=None, max_examples=300)
@given(JSON)
def test_any_signed_json_is_an_event_or_a_payload_error(value: Any) -> None:
    _read(json.dumps(value).encode())


@settings(derandomize=True, deadline=None, max_examples=300)
@given(
    st.dictionaries(st.sampled_from(FIELDS), ODD, max_size=5),
    st.dictionaries(st.sampled_from(DATA_FIELDS), ODD, max_size=6),
    st.sampled_from(["subscription.updated", "webhook.test", "something.new"]),
)
def test_any_signed_near_event_is_an_event_or_a_payload_error(
    fields: dict[str, Any], data: dict[str, Any], event_type: str
) -> None:
    event = {**GOOD, "type": event_type, "data": {**GOOD["data"], **data}, **fields}
    _read(json.dumps(event).encode())
