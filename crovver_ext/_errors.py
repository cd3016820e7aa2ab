"""Errors the SDK raises, and the one place where responses and transport failures become them.

::

    CrovverError                      .message .status_code .code .is_retryable .request_id .body
    ├── APIConnectionError            no response (DNS, refused, reset); code "NETWORK_ERROR"
    │   └── APITimeoutError           code "TIMEOUT"
    ├── InvalidResponseError          a response that is not a Crovver envelope (HTML, empty, bad JSON)
    └── APIStatusError                any non-2xx with a status (and a 2xx envelope with success: false)
        ├── BadRequestError 400       ├── AuthenticationError 401   ├── PaymentRequiredError 402
        ├── PermissionDeniedError 403 ├── NotFoundError 404         ├── ConflictError 409
        ├── UnprocessableEntityError 422  ├── RateLimitError 429    └── InternalServerError >= 500

Programming errors (a bad argument) are ``ValueError``/``TypeError`` and sit outside the tree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
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
_BODY_SNIPPET = 200


class CrovverError(Exception):
    """Base class of every error the SDK raises about a call to Crovver."""

    message: str
    status_code: int | None
    code: str | None
    is_retryable: bool
    request_id: str | None
    body: Any

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        is_retryable: bool = False,
        request_id: str | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.is_retryable = is_retryable
        self.request_id = request_id
        self.body = body

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


class InvalidResponseError(CrovverError):
    """A response arrived that is not a Crovver envelope: HTML from a proxy, empty, or bad JSON."""


class APIStatusError(CrovverError):
    """Crovver answered with an error status (or with ``success: false``)."""

    status_code: int


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


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, "[redacted]")
    return text


def _redact_json(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {redact(str(k), secrets): _redact_json(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_json(v, secrets) for v in value]
    return value


def request_id_of(headers: httpx.Headers) -> str | None:
    for name in REQUEST_ID_HEADERS:
        value: str | None = headers.get(name)
        if value:
            return value
    return None


def _snippet(content: bytes, secrets: tuple[str, ...]) -> str:
    # Redact before cutting: a key straddling the cut would otherwise survive in part.
    text = redact(content.decode("utf-8", errors="replace"), secrets).strip()
    return text[:_BODY_SNIPPET] + ("…" if len(text) > _BODY_SNIPPET else "")


def read_envelope(response: httpx.Response, secrets: tuple[str, ...] = ()) -> tuple[Any, Any]:
    """Return ``(data, meta)`` of a successful Crovver envelope, or raise the matching error.

    Never lets a ``KeyError``/``JSONDecodeError``/``ValueError`` out: anything that is not an
    envelope becomes an ``InvalidResponseError`` carrying the status.
    """
    status = response.status_code
    request_id = request_id_of(response.headers)
    content = response.content
    retryable = is_retryable_status(status)
    try:
        # Decimal keeps money exact ("12.10" stays 12.10, not 12.1).
        envelope = json.loads(content, parse_float=Decimal) if content else None
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, absurd nesting
        envelope = None
    if not isinstance(envelope, dict) or not isinstance(envelope.get("success"), bool):
        kind = "an empty body" if not content else "a body that is not a Crovver envelope"
        summary = f"Crovver answered HTTP {status} with {kind}"
        if content:
            summary += f": {_snippet(content, secrets)!r}"
        raise InvalidResponseError(
            summary,
            status_code=status,
            is_retryable=retryable,
            request_id=request_id,
            body=redact(content.decode("utf-8", errors="replace"), secrets) if content else None,
        )
    if 200 <= status < 300 and envelope["success"]:
        return envelope.get("data"), envelope.get("meta")

    error = envelope.get("error")
    code: str | None = None
    message: str | None
    if isinstance(error, dict):
        raw_message, raw_code = error.get("message"), error.get("code")
        message = raw_message if isinstance(raw_message, str) and raw_message else None
        code = raw_code if isinstance(raw_code, str) and raw_code else None
    else:
        message = error if isinstance(error, str) and error else None
    if message is None:
        reason = httpx.codes.get_reason_phrase(status) or "Error"
        message = f"HTTP {status} {reason}".strip()
    cls = status_error_class(status, code)
    raise cls(
        redact(message, secrets),
        status_code=status,
        code=code,
        is_retryable=retryable,
        request_id=request_id,
        body=_redact_json(envelope, secrets),
    )


def error_from_transport(exc: httpx.RequestError) -> APIConnectionError:
    """Map an httpx transport failure (no response) onto the tree."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__})")
    detail = str(exc) or type(exc).__name__
    return APIConnectionError(f"Connection error: {detail}")


def quotes_secret(exc: BaseException, secrets: tuple[str, ...]) -> bool:
    """Whether ``exc`` or an exception chained to it mentions a secret (then it must not be chained)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and not any(current is s for s in seen):
        seen.append(current)
        text = f"{current!s} {current!r}"
        if any(secret and secret in text for secret in secrets):
            return True
        current = current.__cause__ or current.__context__
    return False


def invalid_payload(
    response: httpx.Response, exc: BaseException, secrets: tuple[str, ...] = ()
) -> InvalidResponseError:
    """A 2xx envelope whose ``data`` does not have the documented shape."""
    return InvalidResponseError(
        f"Crovver answered HTTP {response.status_code} with data the SDK could not read: "
        f"{redact(str(exc), secrets)[:_BODY_SNIPPET]}",
        status_code=response.status_code,
        request_id=request_id_of(response.headers),
        body=redact(response.content.decode("utf-8", errors="replace"), secrets),
    )
