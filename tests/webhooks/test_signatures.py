"""``crovver_ext.webhooks``: signature verification and event parsing, without a network."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

import pytest

from crovver_ext import CrovverError
from crovver_ext.testing import sign_webhook
from crovver_ext.webhooks import (
    SubscriptionEventData,
    WebhookError,
    WebhookEvent,
    WebhookPayloadError,
    WebhookSignatureError,
    construct_event,
    verify_signature,
)

SECRET = "whsec_0123456789abcdef"

EVENT: dict[str, Any] = {
    "id": "evt_1",
    "type": "subscription.activated",
    "created_at": "2026-01-01T00:00:00.000Z",
    "org_id": "org_demo",
    "data": {
        "id": "sub_1",
        "status": "active",
        "plan_id": "plan_pro",
        "billing_mode": "recurring",
        "external_tenant_id": "ws_1",
        "tenant_name": "Zürich GmbH ☕",
        "current_period_start": "2026-01-01T00:00:00.000Z",
        "current_period_end": "2026-02-01T00:00:00.000Z",
        "capacity_units": 5,
        "created_at": "2025-12-31T23:00:00.000Z",
        "updated_at": "2026-01-01T00:00:00.000Z",
    },
}


def body_of(event: Any) -> bytes:
    """Compact UTF-8 JSON, as Crovver (and the local Crovver) sends it."""
    return json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


BODY = body_of(EVENT)
SIGNATURE = sign_webhook(BODY, SECRET)


def test_sign_webhook_is_hmac_sha256_of_the_raw_body() -> None:
    # These tests sign with the emulator's signer: check it against the documented scheme once.
    documented = "sha256=" + hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest()
    assert sign_webhook(BODY, SECRET) == documented


@pytest.mark.parametrize(
    "payload",
    [BODY, bytearray(BODY), memoryview(BODY), BODY.decode("utf-8")],
    ids=["bytes", "bytearray", "memoryview", "str-utf8"],
)
def test_a_genuine_signature_verifies(payload: Any) -> None:
    assert verify_signature(payload, SIGNATURE, SECRET) is None


@pytest.mark.parametrize(
    "header",
    [SIGNATURE.upper().replace("SHA256=", "sha256="), "SHA256=" + SIGNATURE[7:], f"  {SIGNATURE}  "],
    ids=["upper-hex", "upper-scheme", "padded"],
)
def test_harmless_header_variations_verify(header: str) -> None:
    verify_signature(BODY, header, SECRET)


def _rejected(payload: Any, header: Any, secret: str = SECRET) -> str:
    with pytest.raises(WebhookSignatureError) as info:
        verify_signature(payload, header, secret)
    with pytest.raises(WebhookSignatureError):
        construct_event(payload, header, secret)
    return str(info.value)


def test_forged_signature_made_with_another_secret_is_rejected() -> None:
    forged = sign_webhook(BODY, "whsec_attacker")
    assert "does not match" in _rejected(BODY, forged)
    assert "does not match" in _rejected(BODY, SIGNATURE, secret="whsec_another")


def test_tampered_payload_is_rejected() -> None:
    tampered = BODY.replace(b'"status":"active"', b'"status":"canceled"', 1)
    assert tampered != BODY
    assert "does not match" in _rejected(tampered, SIGNATURE)
    assert "does not match" in _rejected(BODY + b" ", SIGNATURE)  # even a trailing space


def test_reserialized_json_no_longer_matches() -> None:
    # What a framework does when it hands you parsed JSON: same data, different bytes.
    reserialized = json.dumps(json.loads(BODY)).encode("utf-8")
    assert json.loads(reserialized) == json.loads(BODY) and reserialized != BODY
    assert "raw bytes" in _rejected(reserialized, SIGNATURE)


@pytest.mark.parametrize(("header", "reason"), [(None, "missing"), ("", "empty"), ("   ", "empty")])
def test_missing_or_empty_signature_is_rejected(header: str | None, reason: str) -> None:
    assert reason in _rejected(BODY, header)


def test_a_str_payload_that_is_not_utf8_text_is_rejected() -> None:
    undecodable = (BODY + b"\xff").decode("utf-8", errors="surrogateescape")
    assert "raw bytes" in _rejected(undecodable, sign_webhook(BODY + b"\xff", SECRET))


def test_wrong_scheme_is_rejected_even_when_its_digest_is_right() -> None:
    sha1 = "sha1=" + hmac.new(SECRET.encode(), BODY, hashlib.sha1).hexdigest()
    assert "unsupported signature scheme 'sha1'" in _rejected(BODY, sha1)
    assert "unsupported signature scheme 'v1'" in _rejected(BODY, "v1=" + SIGNATURE[7:])


@pytest.mark.parametrize(
    "header",
    [
        SIGNATURE[7:],  # no scheme
        "sha256=",
        SIGNATURE[:-1],  # 63 hex digits
        SIGNATURE + "0",  # 65
        "sha256=" + "g" * 64,  # not hex
        "sha256=" + SIGNATURE[7:-2] + " 0",
        SIGNATURE + ",sha256=" + SIGNATURE[7:],  # two signatures: not a documented format
    ],
    ids=["no-scheme", "empty-digest", "short", "long", "not-hex", "inner-space", "two-values"],
)
def test_malformed_signature_is_rejected(header: str) -> None:
    assert "malformed" in _rejected(BODY, header)


def test_errors_do_not_reveal_the_expected_signature() -> None:
    expected = SIGNATURE[7:]
    for header in (None, "sha1=00", sign_webhook(BODY, "whsec_x"), "sha256=zz"):
        with pytest.raises(WebhookSignatureError) as info:
            verify_signature(BODY, header, SECRET)
        assert expected not in str(info.value) and expected not in repr(info.value)


def test_error_classes_are_value_errors_outside_the_api_error_tree() -> None:
    assert issubclass(WebhookSignatureError, WebhookError) and issubclass(WebhookPayloadError, WebhookError)
    assert issubclass(WebhookError, ValueError)
    assert not issubclass(WebhookError, CrovverError)


def test_a_replayed_delivery_verifies_again_so_the_receiver_deduplicates_by_id() -> None:
    seen: set[str] = set()
    handled: list[str] = []
    for _ in range(2):  # the same bytes and signature arrive twice
        event = construct_event(BODY, SIGNATURE, SECRET)
        if event.id in seen:
            continue
        seen.add(event.id)
        handled.append(event.type)
    assert handled == ["subscription.activated"]


@pytest.mark.parametrize(
    ("payload", "header", "secret", "error"),
    [
        ({"id": "evt"}, SIGNATURE, SECRET, TypeError),  # parsed JSON instead of the raw body
        (None, SIGNATURE, SECRET, TypeError),
        (12, SIGNATURE, SECRET, TypeError),
        (BODY, SIGNATURE.encode(), SECRET, TypeError),
        (BODY, SIGNATURE, SECRET.encode(), TypeError),
        (BODY, SIGNATURE, None, TypeError),
        (BODY, SIGNATURE, "", ValueError),
        (BODY, SIGNATURE, "  ", ValueError),
    ],
    ids=[
        "dict",
        "none",
        "int",
        "bytes-header",
        "bytes-secret",
        "none-secret",
        "empty-secret",
        "blank-secret",
    ],
)
def test_programming_errors_are_not_signature_errors(
    payload: Any, header: Any, secret: Any, error: type[Exception]
) -> None:
    with pytest.raises(error) as info:
        verify_signature(payload, header, secret)
    assert not isinstance(info.value, WebhookError)


# ---- construct_event -------------------------------------------------------------------------


def test_construct_event_returns_a_typed_frozen_event() -> None:
    event = construct_event(BODY, SIGNATURE, SECRET)
    assert isinstance(event, WebhookEvent)
    assert (event.id, event.type, event.org_id) == ("evt_1", "subscription.activated", "org_demo")
    assert event.created_at == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    data = event.data
    assert isinstance(data, SubscriptionEventData)
    assert (data.id, data.status, data.plan_id, data.billing_mode) == (
        "sub_1",
        "active",
        "plan_pro",
        "recurring",
    )
    assert (data.external_tenant_id, data.tenant_name, data.capacity_units) == ("ws_1", "Zürich GmbH ☕", 5)
    assert data.current_period_end == dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    assert data.created_at == dt.datetime(2025, 12, 31, 23, tzinfo=dt.UTC)
    assert event.raw == EVENT
    assert event.to_dict()["data"]["status"] == "active"
    with pytest.raises(AttributeError):
        event.id = "other"  # type: ignore[misc]


def _signed(event: Any) -> tuple[bytes, str]:
    body = event if isinstance(event, bytes) else body_of(event)
    return body, sign_webhook(body, SECRET)


def test_missing_optional_fields_are_none_and_times_are_utc() -> None:
    minimal = {
        "id": "evt_2",
        "type": "subscription.canceled",
        "created_at": "2026-03-01T12:00:00+02:00",
        "data": {
            "id": "sub_2",
            "status": "pending_cancel",
            "capacity_units": "7",
            "updated_at": "2026-03-01T10:00:00",
        },
    }
    event = construct_event(*_signed(minimal), SECRET)
    assert event.org_id is None
    assert (
        event.created_at == dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC) and event.created_at.tzinfo is dt.UTC
    )
    assert event.data == SubscriptionEventData(
        id="sub_2",
        status="pending_cancel",
        capacity_units=7,  # a count sent as a string
        updated_at=dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC),  # no offset: read as UTC
    )


def test_unknown_types_and_statuses_are_kept() -> None:
    future = {
        **EVENT,
        "id": "evt_3",
        "type": "subscription.paused",
        "data": {**EVENT["data"], "status": "paused"},
    }
    event = construct_event(*_signed(future), SECRET)
    assert (event.type, event.data is not None and event.data.status) == ("subscription.paused", "paused")

    other = {
        "id": "evt_4",
        "type": "invoice.paid",
        "created_at": "2026-01-01T00:00:00Z",
        "data": {"invoice": "inv_1"},
    }
    event = construct_event(*_signed(other), SECRET)
    assert (event.type, event.data) == ("invoice.paid", None)
    assert event.raw["data"] == {"invoice": "inv_1"}


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "JSON object"),
        (body_of({k: v for k, v in EVENT.items() if k != "id"}), "event.id"),
        (body_of({**EVENT, "id": ""}), "event.id"),
        (body_of({**EVENT, "type": None}), "event.type"),
        (body_of({**EVENT, "created_at": "yesterday"}), "event.created_at"),
        (body_of({**EVENT, "created_at": 1767225600}), "event.created_at"),
        (body_of({**EVENT, "data": None}), "event.data"),
        (body_of({**EVENT, "data": {"status": "active"}}), "data.id"),
        (body_of({**EVENT, "data": {**EVENT["data"], "capacity_units": True}}), "data.capacity_units"),
        (body_of({**EVENT, "data": {**EVENT["data"], "capacity_units": "\uff15"}}), "data.capacity_units"),
        (
            body_of({**EVENT, "data": {**EVENT["data"], "current_period_end": "soon"}}),
            "data.current_period_end",
        ),
        (body_of({**EVENT, "data": {**EVENT["data"], "plan_id": 7}}), "data.plan_id"),
    ],
    ids=[
        "not-json",
        "not-utf8",
        "array",
        "no-id",
        "empty-id",
        "null-type",
        "bad-time",
        "epoch-time",
        "no-data",
        "data-without-id",
        "bool-count",
        "fullwidth-digit-count",
        "bad-period",
        "numeric-plan",
    ],
)
def test_a_verified_payload_that_is_not_an_event_is_a_payload_error(payload: bytes, message: str) -> None:
    with pytest.raises(WebhookPayloadError, match=message):
        construct_event(*_signed(payload), SECRET)


def test_the_signature_is_checked_before_the_payload_is_read() -> None:
    with pytest.raises(WebhookSignatureError):
        construct_event(b"not json", SIGNATURE, SECRET)
