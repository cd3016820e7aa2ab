"""Verify and read the webhooks Crovver sends to your server.

Crovver POSTs each event as JSON with the header ``X-Crovver-Signature: sha256=<hex>``, where
``<hex>`` is the HMAC-SHA256 of the **raw request body** keyed with the endpoint's signing secret.
Verify those exact bytes, before any JSON parsing: a body that was parsed and re-serialized no
longer matches its signature.

.. code-block:: python

    from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookError, construct_event

    def crovver_webhook(request):                      # your web framework's handler
        try:
            event = construct_event(request.body, request.headers.get(SIGNATURE_HEADER), SECRET)
        except WebhookError:
            return 400                                 # forged, tampered, or not an event
        if already_seen(event.id):                     # a retried delivery repeats the same id
            return 200
        handle(event)                                  # event.type, event.data.status, ...
        return 200

The signature covers the body only, so a captured delivery can be replayed byte for byte (and
Crovver itself re-sends the same event ``id`` when a delivery is retried). Deduplicate by
``event.id``; that is the receiver's job, not the verifier's.

Errors (both are ``ValueError``, so a bad request is never mistaken for a failed API call)::

    WebhookError                 base class: the request is not a genuine Crovver event
    ├── WebhookSignatureError    missing, malformed, wrong-scheme or mismatched signature
    └── WebhookPayloadError      the signature is valid but the body is not a Crovver event

A wrong argument type (a ``dict`` payload, a non-string secret) is a programming error and raises
``TypeError``; an empty secret raises ``ValueError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

import attrs

from crovver_ext._validation import has_lone_surrogate

__all__ = [
    "EVENT_HEADER",
    "EVENT_TYPES",
    "SIGNATURE_HEADER",
    "SIGNATURE_SCHEME",
    "SubscriptionEventData",
    "WebhookError",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "construct_event",
    "verify_signature",
]

SIGNATURE_HEADER = "X-Crovver-Signature"
"""The header that carries the signature."""
EVENT_HEADER = "X-Crovver-Event"
"""The header that repeats the event type (informational: trust the signed body's ``type``)."""
SIGNATURE_SCHEME = "sha256"
"""The only signature scheme Crovver uses."""
EVENT_TYPES = frozenset(
    {
        "subscription.created",
        "subscription.activated",
        "subscription.updated",
        "subscription.renewed",
        "subscription.canceled",
        "webhook.test",
    }
)
"""The event types documented today; others are kept as plain strings."""

_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_HEX_LENGTH = hashlib.sha256().digest_size * 2
#: Deeper bodies are refused: an event is a few levels deep, and nothing reading ``event.raw``
#: (repr, ``to_dict``, your own code) should meet a structure that overflows the stack.
MAX_PAYLOAD_DEPTH = 64
_MAX_INT_DIGITS = 18  # counts sent as strings ("5"); longer is not a count


class WebhookError(ValueError):
    """The request is not a genuine, readable Crovver webhook event; answer it with HTTP 400."""


class WebhookSignatureError(WebhookError):
    """The ``X-Crovver-Signature`` header is missing, malformed, uses another scheme than
    ``sha256``, or does not match the payload and secret."""


class WebhookPayloadError(WebhookError):
    """The signature is valid but the payload is not a well-formed Crovver event: not JSON or not
    UTF-8, not an object, nested too deep, a field missing, of the wrong type or out of range."""


# ---- models ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Model:
    """The base of the webhook models: frozen, keyword-only, and ``to_dict()``."""

    # Not crovver_ext._models._Model: importing this module must not load every API model.
    def to_dict(self) -> dict[str, Any]:
        """The model as plain Python data (nested models become dicts; values keep their types)."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class SubscriptionEventData(_Model):
    """The subscription an event is about, as it was when the event was created.

    Only ``id`` and ``status`` are required; any other field Crovver leaves out is ``None``.
    ``status`` is a plain string (pending, trial, active, past_due, pending_cancel, canceled,
    expired, or a value Crovver adds later).
    """

    id: str
    """Crovver's id of the subscription."""
    status: str
    """The subscription's status after the event (a plain string, see above)."""
    plan_id: str | None = None
    """The id of the subscription's plan."""
    billing_mode: str | None = None
    """How the subscription is billed (e.g. ``recurring``), as Crovver sends it."""
    external_tenant_id: str | None = None
    """Your id of the tenant the subscription belongs to."""
    tenant_name: str | None = None
    """The tenant's display name."""
    current_period_start: dt.datetime | None = None
    """When the current billing period started (UTC)."""
    current_period_end: dt.datetime | None = None
    """When the current billing period ends (UTC); access continues until then after a cancel."""
    capacity_units: int | None = None
    """The seats (capacity units) the subscription pays for, on seat-based plans."""
    created_at: dt.datetime | None = None
    """When the subscription was created (UTC)."""
    updated_at: dt.datetime | None = None
    """When the subscription last changed (UTC)."""


@attrs.frozen(kw_only=True)
class WebhookEvent(_Model):
    """A verified webhook event.

    ``type`` is kept as sent, also when it is not in :data:`EVENT_TYPES`. ``data`` is the
    subscription the event is about; for an unknown type whose ``data`` is not
    subscription-shaped it is ``None``, and ``raw`` (the whole decoded body) still has it.
    """

    id: str
    """The event's id: a retried delivery repeats it, so deduplicate by it."""
    type: str
    """The event type, e.g. ``subscription.canceled`` (see :data:`EVENT_TYPES`)."""
    created_at: dt.datetime
    """When Crovver created the event (UTC)."""
    org_id: str | None
    """The Crovver organization the event belongs to."""
    data: SubscriptionEventData | None
    """The subscription the event is about, or ``None`` when the payload has none."""
    raw: Mapping[str, Any] = attrs.field(repr=False)
    """The whole decoded body, for fields this SDK does not model."""


# ---- verification ----------------------------------------------------------------------------


def _payload_bytes(payload: object) -> bytes:
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, (bytearray, memoryview)):
        return bytes(payload)
    if isinstance(payload, str):
        # Only lossless if the body was valid UTF-8 and decoded as such (JSON bodies are).
        try:
            return payload.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: not text Crovver could have signed
            raise WebhookSignatureError("payload str is not valid UTF-8 text; pass the raw bytes") from None
    raise TypeError(
        f"payload must be the raw request body as bytes (or a str decoded from UTF-8), "
        f"not {type(payload).__name__}; pass the body before any JSON parsing"
    )


def _secret_bytes(secret: object) -> bytes:
    if not isinstance(secret, str):
        raise TypeError(f"secret must be a str, not {type(secret).__name__}")
    if not secret.strip():
        raise ValueError("secret must not be empty: pass the endpoint's signing secret")
    return secret.encode("utf-8")


def _signature_hex(signature_header: object) -> str:
    """The lower-case hex digest from a ``sha256=<hex>`` header, or WebhookSignatureError."""
    if signature_header is None:
        raise WebhookSignatureError(f"missing {SIGNATURE_HEADER} header")
    if not isinstance(signature_header, str):
        raise TypeError(f"signature_header must be a str or None, not {type(signature_header).__name__}")
    value = signature_header.strip()
    if not value:
        raise WebhookSignatureError(f"empty {SIGNATURE_HEADER} header")
    scheme, sep, digest = value.partition("=")
    if not sep:
        raise WebhookSignatureError(
            f"malformed {SIGNATURE_HEADER} header: expected '{SIGNATURE_SCHEME}=<hex digest>'"
        )
    scheme = scheme.strip().lower()
    if scheme != SIGNATURE_SCHEME:
        shown = scheme[:20].encode("ascii", "backslashreplace").decode("ascii")
        raise WebhookSignatureError(
            f"unsupported signature scheme {shown!r}: Crovver signs with '{SIGNATURE_SCHEME}'"
        )
    digest = digest.strip()
    if len(digest) != _HEX_LENGTH or not set(digest) <= _HEX_DIGITS:
        raise WebhookSignatureError(
            f"malformed {SIGNATURE_HEADER} header: expected {_HEX_LENGTH} hex digits after "
            f"'{SIGNATURE_SCHEME}='"
        )
    return digest.lower()


def verify_signature(payload: bytes | str, signature_header: str | None, secret: str) -> None:
    """Check that ``payload`` was signed by Crovver with ``secret``; return None if it was.

    Args:
        payload: The raw request body, exactly as received (``bytes``; ``bytearray`` and
            ``memoryview`` work too). A ``str`` is accepted only as the body decoded from UTF-8;
            it is encoded back to UTF-8 before hashing (a ``str`` that cannot be, e.g. one with
            lone surrogates, fails verification). Never pass a re-serialized JSON body.
        signature_header: The value of the ``X-Crovver-Signature`` header, or None when absent.
        secret: The endpoint's signing secret.

    Raises:
        WebhookSignatureError: the header is missing, empty or malformed (not ``sha256=`` followed
            by 64 hex digits), names another scheme (e.g. ``sha1=``), or does not match.
        TypeError: ``payload``, ``signature_header`` or ``secret`` has the wrong type.
        ValueError: ``secret`` is empty.

    The comparison takes constant time (``hmac.compare_digest``). No error message contains the
    expected signature.
    """
    body = _payload_bytes(payload)
    key = _secret_bytes(secret)
    given = _signature_hex(signature_header)
    expected = hmac.new(key, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, given):
        raise WebhookSignatureError(
            "signature does not match the payload: wrong secret, or the body was changed "
            "(verify the raw bytes, not re-serialized JSON)"
        )


# ---- parsing ---------------------------------------------------------------------------------


def _shown(value: object) -> str:
    """A short description of a bad value for a message (never a repr of a whole structure)."""
    if isinstance(value, (dict, list)):
        return f"a JSON {'object' if isinstance(value, dict) else 'array'}"
    if isinstance(value, str):
        return ascii(value[:60])
    return ascii(value)[:60]  # numbers, booleans, None


def _checked_text(value: str, name: str) -> str:
    if has_lone_surrogate(value):
        raise WebhookPayloadError(f"{name} contains a lone surrogate: not valid text")
    return value


def _req_str(obj: Mapping[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise WebhookPayloadError(f"{where}.{key} must be a non-empty string, got {_shown(value)}")
    return _checked_text(value, f"{where}.{key}")


def _opt_str(obj: Mapping[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise WebhookPayloadError(f"{where}.{key} must be a string, got {_shown(value)}")
    return _checked_text(value, f"{where}.{key}")


def _time(value: object, name: str) -> dt.datetime:
    if not isinstance(value, str):
        raise WebhookPayloadError(f"{name} must be an ISO 8601 time string, got {_shown(value)}")
    try:
        when = dt.datetime.fromisoformat(value)
        # A time without an offset is read as UTC, as everywhere in this SDK.
        return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
    except (ValueError, OverflowError):  # OverflowError: e.g. 9999-12-31T23:59:59-01:00 in UTC
        raise WebhookPayloadError(f"{name} is not an ISO 8601 time in range: {_shown(value)}") from None


def _opt_time(obj: Mapping[str, Any], key: str, where: str) -> dt.datetime | None:
    value = obj.get(key)
    return None if value is None else _time(value, f"{where}.{key}")


def _opt_int(obj: Mapping[str, Any], key: str, where: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if text.isascii() and text.isdigit() and len(text) <= _MAX_INT_DIGITS:  # counts sent as "5"
        return int(text)
    raise WebhookPayloadError(f"{where}.{key} must be an integer, got {_shown(value)}")


def _subscription(data: Mapping[str, Any]) -> SubscriptionEventData:
    where = "data"
    return SubscriptionEventData(
        id=_req_str(data, "id", where),
        status=_req_str(data, "status", where),
        plan_id=_opt_str(data, "plan_id", where),
        billing_mode=_opt_str(data, "billing_mode", where),
        external_tenant_id=_opt_str(data, "external_tenant_id", where),
        tenant_name=_opt_str(data, "tenant_name", where),
        current_period_start=_opt_time(data, "current_period_start", where),
        current_period_end=_opt_time(data, "current_period_end", where),
        capacity_units=_opt_int(data, "capacity_units", where),
        created_at=_opt_time(data, "created_at", where),
        updated_at=_opt_time(data, "updated_at", where),
    )


def _too_deep(value: object) -> bool:
    """Whether ``value`` nests deeper than ``MAX_PAYLOAD_DEPTH`` (a loop: no recursion)."""
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            if depth > MAX_PAYLOAD_DEPTH:
                return True
            pending += [(child, depth + 1) for child in children]
    return False


def _event(body: bytes) -> WebhookEvent:
    try:
        raw = json.loads(body)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, absurd nesting
        raise WebhookPayloadError("payload is not JSON (or nests too deep to read)") from None
    if not isinstance(raw, dict):
        raise WebhookPayloadError(f"payload must be a JSON object, got {type(raw).__name__}")
    if _too_deep(raw):
        raise WebhookPayloadError(f"payload nests deeper than {MAX_PAYLOAD_DEPTH} levels")
    event_type = _req_str(raw, "type", "event")
    data = raw.get("data")
    parsed: SubscriptionEventData | None
    if event_type in EVENT_TYPES:
        if not isinstance(data, dict):
            raise WebhookPayloadError(f"event.data must be an object for {event_type!r}")
        parsed = _subscription(data)
    else:
        # A type this SDK does not know yet: read its data if it is a subscription, else keep raw.
        try:
            parsed = _subscription(data) if isinstance(data, dict) else None
        except WebhookPayloadError:
            parsed = None
    return WebhookEvent(
        id=_req_str(raw, "id", "event"),
        type=event_type,
        created_at=_time(raw.get("created_at"), "event.created_at"),
        org_id=_opt_str(raw, "org_id", "event"),
        data=parsed,
        raw=raw,
    )


def construct_event(payload: bytes | str, signature_header: str | None, secret: str) -> WebhookEvent:
    """Verify ``payload`` (see :func:`verify_signature`), then parse it into a :class:`WebhookEvent`.

    Raises:
        WebhookSignatureError: the signature is missing, malformed, of another scheme, or wrong;
            nothing is parsed then.
        WebhookPayloadError: the signature is valid but the payload is not JSON, not an object,
            or lacks a usable ``id``, ``type``, ``created_at`` or (for a documented type) ``data``
            with ``id`` and ``status``.
        TypeError, ValueError: as :func:`verify_signature`.

    Verification does not deduplicate: the same delivery verifies every time it arrives. Keep the
    ids you have handled and skip repeats.
    """
    body = _payload_bytes(payload)
    verify_signature(body, signature_header, secret)
    return _event(body)
