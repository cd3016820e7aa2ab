"""Errors the SDK raises, and the one place where responses and transport failures become them.

::

    CrovverError                      .message .status_code .code .is_retryable .request_id .body
    ├── APIConnectionError            no response (DNS, refused, reset); code "NETWORK_ERROR"
    │   └── APITimeoutError           code "TIMEOUT"
    ├── ClientStateError              closed, or (async) used from another event loop; nothing sent
    ├── InvalidResponseError          a 2xx that is not a Crovver envelope (HTML, empty, bad JSON)
    └── APIStatusError                any other non-2xx, whatever its body (HTML, empty, JSON); and
        │                             a 2xx envelope with success: false
        ├── BadRequestError 400       ├── AuthenticationError 401   ├── PaymentRequiredError 402
        ├── PermissionDeniedError 403 ├── NotFoundError 404         ├── ConflictError 409
        ├── UnprocessableEntityError 422  ├── RateLimitError 429    └── InternalServerError >= 500

Programming errors (a bad argument) are ``ValueError``/``TypeError`` and sit outside the tree.
Every error that comes from a response carries its headers (``error.headers``, read-only).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientStateError",
    "ConflictError",
    "CrovverError",
    "InternalServerError",
    "InvalidResponseError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]

REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-crovver-request-id")
_BODY_SNIPPET = 200  # characters of a body quoted in a message
_BODY_KEPT = 2000  # characters of a body that is not an envelope kept in ``error.body``
REDACTED = "[redacted]"


class Secret:
    """The API key, held so that nothing that prints objects prints it.

    ``repr``/``str`` are redacted, so the key shows in no log line, repr, or the locals an error
    tracker records from a traceback; only ``reveal()`` (the Authorization header) reads it.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The key itself, for the one place that sends it (the Authorization header)."""
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every occurrence of the key replaced by a placeholder."""
        return text.replace(self._value, REDACTED) if self._value and self._value in text else text

    def appears_in(self, text: str) -> bool:
        """Whether the key occurs in ``text``."""
        return bool(self._value) and self._value in text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("the API key is not picklable")


class ResponseHeaders(Mapping[str, str]):
    """The headers of the response an error came from: read-only, names case-insensitive.

    Repeated headers are joined with ", " (as ``httpx.Headers`` does); the API key is redacted.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._items = {k.lower(): v for k, v in (items or {}).items()}

    @classmethod
    def of(cls, headers: httpx.Headers, secret: Secret | None) -> ResponseHeaders:
        """A read-only copy of a response's headers, with the key (when given) redacted."""
        if secret is None:
            return cls(dict(headers.items()))
        return cls({k: secret.redact(v) for k, v in headers.items()})

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"ResponseHeaders({self._items!r})"

    def __getstate__(self) -> dict[str, str]:
        return self._items

    def __setstate__(self, state: dict[str, str]) -> None:
        self._items = state


_NO_HEADERS = ResponseHeaders()


class CrovverError(Exception):
    """Base class of every error the SDK raises about a call to Crovver."""

    message: str
    """A human-readable description of what went wrong."""
    status_code: int | None
    """The HTTP status of the response, or ``None`` when no response arrived."""
    code: str | None
    """Crovver's error code (e.g. ``TENANT_NOT_FOUND``), or ``None`` when it sent a plain string."""
    is_retryable: bool
    """Whether this kind of failure is retried by the SDK (it was, up to ``max_retries``)."""
    request_id: str | None
    """The request id from the response headers: quote it to Crovver support."""
    body: Any
    """The decoded response body (JSON data, or the text when it was not JSON), or ``None``."""
    headers: ResponseHeaders
    """The response headers (read-only), or empty when no response arrived."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        is_retryable: bool = False,
        request_id: str | None = None,
        body: Any = None,
        headers: ResponseHeaders = _NO_HEADERS,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.is_retryable = is_retryable
        self.request_id = request_id
        self.body = body
        self.headers = headers

    def __str__(self) -> str:
        tags = " ".join(str(t) for t in (self.status_code, self.code) if t is not None)
        text = f"[{tags}] {self.message}" if tags else self.message
        # Leading with the request id is what support asks for first (as stripe-python does).
        return f"Request {self.request_id}: {text}" if self.request_id else text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, status_code={self.status_code!r}, "
            f"code={self.code!r}, request_id={self.request_id!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The error as plain data, like the Node SDK's ``toJSON()``."""
        return {
            "name": type(self).__name__,
            "message": self.message,
            "status_code": self.status_code,
            "code": self.code,
            "is_retryable": self.is_retryable,
            "request_id": self.request_id,
        }


class APIConnectionError(CrovverError):
    """No response arrived: DNS failure, connection refused or reset, a broken protocol exchange."""

    def __init__(self, message: str = "Connection error", *, code: str = "NETWORK_ERROR") -> None:
        super().__init__(message, code=code, is_retryable=True)


class APITimeoutError(APIConnectionError):
    """The request did not finish within the timeout (connect, read, write or pool)."""

    def __init__(self, message: str = "Request timed out") -> None:
        super().__init__(message, code="TIMEOUT")


class ClientStateError(CrovverError, RuntimeError):
    """The client cannot send, and nothing was sent: it was closed (``close()``/``aclose()``, or
    its ``with`` block ended), or an ``AsyncCrovverClient`` is used from another event loop than
    the one it first ran in (each ``asyncio.run`` starts a new one). Make a new client.

    Also a ``RuntimeError``, which is what httpx raised in these cases.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message, code="CLIENT_STATE")


class InvalidResponseError(CrovverError):
    """A 2xx response that is not a Crovver envelope (HTML, empty, bad JSON), or whose data the
    SDK could not read. Error statuses are ``APIStatusError`` whatever their body."""


class APIStatusError(CrovverError):
    """An error status (>= 400, or a 3xx), whatever the body (a proxy's HTML page, nothing, JSON
    that is not an envelope), or a 2xx envelope with ``success: false``.

    ``message`` is the envelope's, else the status line ("HTTP 502 Bad Gateway"); ``body`` is the
    parsed envelope, else the start of the body as text (redacted, at most 2,000 characters).
    """

    status_code: int
    """The HTTP status of the response (always set: a response arrived)."""


class BadRequestError(APIStatusError):
    """400: missing or invalid input, or a state that forbids the call (e.g. ALREADY_CANCELED)."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or wrong."""


class PaymentRequiredError(APIStatusError):
    """402: there is no subscription to charge against (NO_SUBSCRIPTION)."""


class PermissionDeniedError(APIStatusError):
    """403: the key may not do this, or the organization may not (e.g. tenant creation for D2C)."""


class NotFoundError(APIStatusError):
    """404: the tenant, subscription, plan, pool or add-on does not exist."""


class ConflictError(APIStatusError):
    """409: the tenant already exists, or an idempotency key was reused with a different body."""


class UnprocessableEntityError(APIStatusError):
    """422: the currency is not offered, or differs from the subscription's."""


class RateLimitError(APIStatusError):
    """429: too many requests; retried automatically, honouring Retry-After."""


class InternalServerError(APIStatusError):
    """>= 500 (including proxies' 520-524): retried automatically."""


STATUS_ERRORS: Mapping[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: APIStatusError,
    408: APIStatusError,
    409: ConflictError,
    413: APIStatusError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

# Used when the status does not decide (a 2xx envelope with success: false). Every code in
# openapi.yaml's ErrorCode has an entry; a test keeps it that way.
CODE_ERRORS: Mapping[str, type[APIStatusError]] = {
    "MISSING_PUBLIC_KEY": BadRequestError,
    "INVALID_PUBLIC_KEY": AuthenticationError,
    "INVALID_SERVICE_KEY": AuthenticationError,
    "INSUFFICIENT_PERMISSIONS": PermissionDeniedError,
    "MISSING_REQUIRED_FIELDS": BadRequestError,
    "VALIDATION_ERROR": BadRequestError,
    "INVALID_JSON": BadRequestError,
    "INVALID_CAPACITY": BadRequestError,
    "ALREADY_CANCELED": BadRequestError,
    "NO_SUBSCRIPTION": PaymentRequiredError,
    "TENANT_NOT_FOUND": NotFoundError,
    "NO_ACTIVE_SUBSCRIPTION": NotFoundError,
    "SUBSCRIPTION_NOT_FOUND": NotFoundError,
    "PLAN_NOT_FOUND": NotFoundError,
    "ADDON_NOT_FOUND": NotFoundError,
    "POOL_NOT_FOUND": NotFoundError,
    "NOT_FOUND": NotFoundError,
    "METHOD_NOT_ALLOWED": APIStatusError,
    "IDEMPOTENCY_KEY_REUSED": ConflictError,
    "PAYLOAD_TOO_LARGE": APIStatusError,
    "CURRENCY_NOT_SUPPORTED": UnprocessableEntityError,
    "RATE_LIMITED": RateLimitError,
    "INTERNAL_ERROR": InternalServerError,
}


def is_retryable_status(status: int) -> bool:
    return status in (408, 429) or status >= 500


def status_error_class(status: int, code: str | None) -> type[APIStatusError]:
    if status >= 500:
        return InternalServerError
    if status >= 400:
        return STATUS_ERRORS.get(status, APIStatusError)
    return CODE_ERRORS.get(code or "", APIStatusError)


def redact(text: str, secret: Secret | None) -> str:
    return text if secret is None else secret.redact(text)


def _redact_json(value: Any, secret: Secret | None) -> Any:
    """``value`` (freshly parsed JSON, changed in place) with the key redacted in every string.

    A loop, not recursion: a body nested as deep as the JSON parser allows must not overflow here.
    """
    if secret is None:
        return value
    root = [value]
    pending: list[tuple[Any, Any]] = [(root, 0)]
    while pending:
        container, index = pending.pop()
        item = container[index]
        if isinstance(item, str):
            container[index] = secret.redact(item)
        elif isinstance(item, dict):
            redacted = {secret.redact(k): v for k, v in item.items()}
            container[index] = redacted
            pending += [(redacted, k) for k in redacted]
        elif isinstance(item, list):
            pending += [(item, i) for i in range(len(item))]
    return root[0]


def request_id_of(headers: httpx.Headers) -> str | None:
    for name in REQUEST_ID_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


def _text_of(content: bytes, secret: Secret | None, limit: int) -> str:
    # Redact before cutting: a key straddling the cut would otherwise survive in part.
    text = redact(content.decode("utf-8", errors="replace"), secret).strip()
    return text[:limit] + ("…" if len(text) > limit else "")


def status_line(status: int) -> str:
    """ "HTTP 502 Bad Gateway"; "HTTP 520 Error" for a status without a standard reason."""
    return f"HTTP {status} {httpx.codes.get_reason_phrase(status) or 'Error'}"


def _decode(content: bytes) -> Any:
    if not content:
        return None
    try:
        # Decimal keeps money exact ("12.10" stays 12.10, not 12.1).
        return json.loads(content, parse_float=Decimal)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, absurd nesting
        return None


def read_envelope(response: httpx.Response, secret: Secret | None = None) -> tuple[Any, Any]:
    """Return ``(data, meta)`` of a successful Crovver envelope, or raise the matching error.

    The status decides first: any status outside 2xx is an ``APIStatusError`` subclass, whatever
    the body; a 2xx that is not an envelope is an ``InvalidResponseError``. Never lets a
    ``KeyError``/``JSONDecodeError``/``ValueError`` out.
    """
    status = response.status_code
    content = response.content
    envelope = _decode(content)
    is_envelope = isinstance(envelope, dict) and isinstance(envelope.get("success"), bool)
    ok = 200 <= status < 300
    if ok and is_envelope and envelope["success"]:
        return envelope.get("data"), envelope.get("meta")

    details: dict[str, Any] = {
        "status_code": status,
        "is_retryable": is_retryable_status(status),
        "request_id": request_id_of(response.headers),
        "headers": ResponseHeaders.of(response.headers, secret),
    }
    if not is_envelope:
        body = _text_of(content, secret, _BODY_KEPT) if content.strip() else None
        if not ok:  # a proxy's error page, an empty 503, JSON that is not ours: the status decides
            error: CrovverError = status_error_class(status, None)(status_line(status), body=body, **details)
        else:
            kind = "an empty body" if not content else "a body that is not a Crovver envelope"
            summary = f"Crovver answered HTTP {status} with {kind}"
            if content:
                summary += f": {_text_of(content, secret, _BODY_SNIPPET)!r}"
            error = InvalidResponseError(summary, body=body, **details)
        # The raw body may quote the key (a proxy echoing request headers): not kept in a local.
        content = envelope = b""
        raise error

    field = envelope.get("error")
    code: str | None = None
    message: str | None
    if isinstance(field, dict):
        raw_message, raw_code = field.get("message"), field.get("code")
        message = raw_message if isinstance(raw_message, str) and raw_message else None
        code = raw_code if isinstance(raw_code, str) and raw_code else None
    else:
        message = field if isinstance(field, str) and field else None
    error = status_error_class(status, code)(
        redact(message or status_line(status), secret),
        code=code,
        body=_redact_json(envelope, secret),
        **details,
    )
    content, envelope, field, raw_message, message = b"", None, None, None, None
    raise error


def error_from_transport(exc: httpx.RequestError) -> APIConnectionError:
    """Map an httpx transport failure (no response) onto the tree."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__})")
    detail = str(exc) or type(exc).__name__
    return APIConnectionError(f"Connection error: {detail}")


def quotes_secret(exc: BaseException, secret: Secret | None, response: httpx.Response | None = None) -> bool:
    """Whether ``exc`` or an exception chained to it mentions the key, or ``response`` (whose data
    the frames of ``exc`` hold in their locals) does: then ``exc`` must not be chained."""
    if secret is None:
        return False
    if response is not None and secret.appears_in(response.content.decode("utf-8", errors="replace")):
        return True
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and not any(current is s for s in seen):
        seen.append(current)
        if secret.appears_in(f"{current!s} {current!r}"):
            return True
        current = current.__cause__ or current.__context__
    return False


def invalid_payload(
    response: httpx.Response, exc: BaseException, secret: Secret | None = None
) -> InvalidResponseError:
    """A 2xx envelope whose ``data`` does not have the documented shape."""
    return InvalidResponseError(
        f"Crovver answered HTTP {response.status_code} with data the SDK could not read: "
        f"{redact(str(exc), secret)[:_BODY_SNIPPET]}",
        status_code=response.status_code,
        request_id=request_id_of(response.headers),
        body=_text_of(response.content, secret, _BODY_KEPT),
        headers=ResponseHeaders.of(response.headers, secret),
    )
