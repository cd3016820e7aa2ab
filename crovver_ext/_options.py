"""Per-call options (``timeout=``, ``extra_headers=``, ``max_retries=`` on every method) and the
raw-response view (``client.with_raw_response.<method>()``).

Both are thin: options change what one request carries and how often it is tried, never how it
is read; a raw response is the same single request, reporting what ``httpx`` saw besides the
usual result.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypedDict, TypeVar, overload

import httpx

from crovver_ext._errors import request_id_of

P = ParamSpec("P")
R = TypeVar("R")


class NoRetryOptions(TypedDict, total=False):
    """Options of one call that is never retried (checkout, proration checkout, bulk allocate)."""

    #: Seconds for this call's attempt (a float, an ``httpx.Timeout``, or None for none).
    timeout: float | httpx.Timeout | None
    #: Headers added to this call's request; the SDK's own (auth, idempotency) cannot be replaced.
    extra_headers: Mapping[str, str]


class RequestOptions(NoRetryOptions, total=False):
    """Options of one call: ``client.get_plans(timeout=5, max_retries=0, extra_headers={...})``."""

    #: Extra attempts for this call on network errors, 408, 429 and 5xx.
    max_retries: int


_OPTION_NAMES = frozenset(RequestOptions.__annotations__)
# Headers the SDK owns: a call may add headers, never change who it authenticates as or
# weaken its retry safety.
PROTECTED_HEADERS = frozenset(
    {"authorization", "x-public-key", "idempotency-key", "x-idempotency-key", "x-crovver-retry-count"}
)


def check_options(options: Mapping[str, Any], retryable: bool) -> None:
    """Refuse option names that do not exist and ``max_retries`` on a call that is never retried."""
    unknown = set(options) - _OPTION_NAMES
    if unknown:
        names = ", ".join(sorted(unknown))
        raise TypeError(
            f"unexpected keyword argument(s): {names} (per-call options are {sorted(_OPTION_NAMES)})"
        )
    if "max_retries" in options and not retryable:
        raise TypeError("max_retries does not apply: this call is never retried (it could charge twice)")


def extra_headers(value: object) -> dict[str, str]:
    """The checked ``extra_headers`` of one call."""
    if not isinstance(value, Mapping):
        raise TypeError(f"extra_headers must be a mapping of str to str, not {type(value).__name__}")
    headers: dict[str, str] = {}
    for name, header in value.items():
        if not isinstance(name, str) or not isinstance(header, str):
            raise TypeError("extra_headers must map str to str")
        if name.lower() in PROTECTED_HEADERS:
            raise ValueError(f"extra_headers cannot set {name!r}: the SDK sets it")
        if not name or not name.isascii() or any(c in name for c in " :\r\n\t\0"):
            raise ValueError(f"extra_headers has an invalid header name: {name!r}")
        if any(c in header for c in "\r\n\0"):
            raise ValueError(f"extra_headers[{name!r}] must not contain CR, LF or NUL")
        headers[name] = header
    return headers


class RawResponse(Generic[R]):
    """The HTTP side of one call, from ``client.with_raw_response.<method>(...)``.

    The request is the one the method would make (same retries, same policy); ``parse()`` gives
    the usual result, already read.
    """

    __slots__ = (
        "_result",
        "elapsed",
        "headers",
        "http_response",
        "request_id",
        "retries_taken",
        "status_code",
    )

    def __init__(self, response: httpx.Response, retries_taken: int, result: R) -> None:
        #: The HTTP status of the final attempt.
        self.status_code: int = response.status_code
        #: Its headers, read-only (a repeated header's values are joined with ", ").
        self.headers: Mapping[str, str] = types.MappingProxyType(dict(response.headers.items()))
        #: The id Crovver gave the request (``x-request-id``), or None.
        self.request_id: str | None = request_id_of(response.headers)
        #: How long the final attempt took.
        self.elapsed: dt.timedelta = response.elapsed
        #: How many retries the call took before this response (0: the first attempt).
        self.retries_taken: int = retries_taken
        #: The underlying ``httpx.Response`` (its body already read).
        self.http_response: httpx.Response = response
        self._result = result

    def parse(self) -> R:
        """The result the method returns without ``with_raw_response``."""
        return self._result

    def __repr__(self) -> str:
        return f"<RawResponse {self.status_code} request_id={self.request_id!r} retries={self.retries_taken}>"


class raw_method(Generic[P, R]):
    """An attribute of a raw view: the client's method of the same name, returning a ``RawResponse``."""

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        self._name = method.__name__
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, view: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, view: object, owner: type | None = None) -> Callable[P, RawResponse[R]]: ...
    def __get__(self, view: object, owner: type | None = None) -> Self | Callable[P, RawResponse[R]]:
        if view is None:  # looked up on the class (introspection, docs)
            return self
        method: Callable[P, RawResponse[R]] = getattr(view._target, self._name)  # type: ignore[attr-defined]
        return method


class async_raw_method(Generic[P, R]):
    """``raw_method`` for the async client: awaiting gives a ``RawResponse``."""

    def __init__(self, method: Callable[Concatenate[Any, P], Awaitable[R]]) -> None:
        self._name = method.__name__
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, view: None, owner: type | None = None) -> Self: ...
    @overload
    def __get__(self, view: object, owner: type | None = None) -> Callable[P, Awaitable[RawResponse[R]]]: ...
    def __get__(
        self, view: object, owner: type | None = None
    ) -> Self | Callable[P, Awaitable[RawResponse[R]]]:
        if view is None:  # looked up on the class (introspection, docs)
            return self
        method: Callable[P, Awaitable[RawResponse[R]]] = getattr(view._target, self._name)  # type: ignore[attr-defined]
        return method
