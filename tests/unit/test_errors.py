"""The error tree and its one mapping: responses (``read_envelope``) and transport failures."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

import crovver_ext
from crovver_ext import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CrovverError,
    InternalServerError,
    InvalidResponseError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from crovver_ext._errors import (
    CODE_ERRORS,
    STATUS_ERRORS,
    Secret,
    error_from_transport,
    invalid_payload,
    read_envelope,
    status_error_class,
)
from tests.spec import load_spec, operations, resolve

KEY = "sk_test_SECRET_CANARY_123"


def _response(status: int, content: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, content=content, headers=headers, request=httpx.Request("GET", "http://crovver.test/x")
    )


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _env_error(error: Any) -> bytes:
    return _json({"success": False, "data": None, "error": error})


# ---- read_envelope: errors ---------------------------------------------------------------------

# (id, status, body, class, code, message, is_retryable)
ERROR_CASES: list[tuple[str, int, bytes, type[CrovverError], str | None, str, bool]] = [
    (
        "object error",
        404,
        _env_error({"message": "Tenant not found", "code": "TENANT_NOT_FOUND"}),
        NotFoundError,
        "TENANT_NOT_FOUND",
        "Tenant not found",
        False,
    ),
    (
        "string error",
        409,
        _env_error("A tenant with this externalTenantId already exists"),
        ConflictError,
        None,
        "A tenant with this externalTenantId already exists",
        False,
    ),
    (
        "missing message",
        400,
        _env_error({"code": "VALIDATION_ERROR"}),
        BadRequestError,
        "VALIDATION_ERROR",
        "HTTP 400 Bad Request",
        False,
    ),
    (
        "empty message",
        401,
        _env_error({"message": "", "code": ""}),
        AuthenticationError,
        None,
        "HTTP 401 Unauthorized",
        False,
    ),
    (
        "non-string message",
        403,
        _env_error({"message": 7, "code": 8}),
        PermissionDeniedError,
        None,
        "HTTP 403 Forbidden",
        False,
    ),
    (
        "error null with 500",
        500,
        _env_error(None),
        InternalServerError,
        None,
        "HTTP 500 Internal Server Error",
        True,
    ),
    ("error a list", 502, _env_error(["x"]), InternalServerError, None, "HTTP 502 Bad Gateway", True),
    (
        "402",
        402,
        _env_error({"message": "No subscription", "code": "NO_SUBSCRIPTION"}),
        PaymentRequiredError,
        "NO_SUBSCRIPTION",
        "No subscription",
        False,
    ),
    (
        "422 string",
        422,
        _env_error("Currency EUR does not match"),
        UnprocessableEntityError,
        None,
        "Currency EUR does not match",
        False,
    ),
    (
        "429",
        429,
        _env_error({"message": "Slow down", "code": "RATE_LIMITED"}),
        RateLimitError,
        "RATE_LIMITED",
        "Slow down",
        True,
    ),
    ("408", 408, _env_error("Request Timeout"), APIStatusError, None, "Request Timeout", True),
    ("unmapped 4xx", 418, _env_error(None), APIStatusError, None, "HTTP 418 I'm a teapot", False),
    ("non-standard 520", 520, _env_error(None), InternalServerError, None, "HTTP 520 Error", True),
    ("599", 599, _env_error("x"), InternalServerError, None, "x", True),
    # The status decides over the code.
    (
        "status beats code",
        404,
        _env_error({"message": "m", "code": "NO_SUBSCRIPTION"}),
        NotFoundError,
        "NO_SUBSCRIPTION",
        "m",
        False,
    ),
    (
        "success true on a 500",
        500,
        _json({"success": True, "data": {}}),
        InternalServerError,
        None,
        "HTTP 500 Internal Server Error",
        True,
    ),
    # A 2xx envelope with success: false is an error; the class comes from the code.
    (
        "success false on 200 with a code",
        200,
        _env_error({"message": "No subscription", "code": "NO_SUBSCRIPTION"}),
        PaymentRequiredError,
        "NO_SUBSCRIPTION",
        "No subscription",
        False,
    ),
    (
        "success false on 200, unknown code",
        200,
        _env_error({"message": "m", "code": "NEW_CODE"}),
        APIStatusError,
        "NEW_CODE",
        "m",
        False,
    ),
    (
        "success false on 201, no error",
        201,
        _env_error(None),
        APIStatusError,
        None,
        "HTTP 201 Created",
        False,
    ),
]


@pytest.mark.parametrize(
    ("status", "body", "cls", "code", "message", "retryable"),
    [pytest.param(*case[1:], id=case[0]) for case in ERROR_CASES],
)
def test_read_envelope_errors(
    status: int,
    body: bytes,
    cls: type[CrovverError],
    code: str | None,
    message: str,
    retryable: bool,
) -> None:
    with pytest.raises(CrovverError) as info:
        read_envelope(_response(status, body, {"X-Request-Id": "req_1"}))
    error = info.value
    assert type(error) is cls
    assert isinstance(error, APIStatusError)
    assert (error.status_code, error.code, error.message, error.is_retryable) == (
        status,
        code,
        message,
        retryable,
    )
    assert error.request_id == "req_1"
    assert error.body == json.loads(body)  # the envelope as parsed, for callers who need more


# (id, status, content): 2xx answers that are not a Crovver envelope.
INVALID_CASES: list[tuple[str, int, bytes]] = [
    ("HTML 200 (a captive portal)", 200, b"<html><body>Log in to the Wi-Fi</body></html>"),
    ("empty 200", 200, b""),
    ("null JSON", 200, b"null"),
    ("list JSON", 200, b"[1, 2]"),
    ("string JSON", 201, b'"oops"'),
    ("object without success", 200, _json({"data": {"id": 1}})),
    ("success not a boolean", 200, _json({"success": "true", "data": {}})),
    ("bad UTF-8", 200, b'{"success": true, "data": "\xff\xfe"}'),
    ("truncated JSON", 200, b'{"success": true, "data": '),
    ("deeply nested JSON", 200, b"[" * 100_000 + b"]" * 100_000),
    ("too many digits", 200, b'{"success": true, "data": ' + b"1" * 10_000 + b"}"),
]


@pytest.mark.parametrize(
    ("status", "content"), [pytest.param(*case[1:], id=case[0]) for case in INVALID_CASES]
)
def test_read_envelope_invalid_bodies(status: int, content: bytes) -> None:
    with pytest.raises(InvalidResponseError) as info:
        read_envelope(_response(status, content, {"X-Request-Id": "req_2"}))
    error = info.value
    assert error.status_code == status
    assert error.is_retryable is False
    assert error.code is None
    assert error.request_id == "req_2"
    assert f"HTTP {status}" in error.message
    assert len(error.message) < 400  # a snippet, not the whole page
    if content:
        assert isinstance(error.body, str) and len(error.body) <= 2001
    else:
        assert error.body is None
        assert "empty" in error.message


# (id, status, content, class, is_retryable): error statuses whose body is not an envelope.
PROXY_CASES: list[tuple[str, int, bytes, type[APIStatusError], bool]] = [
    ("HTML 502", 502, b"<html><body><h1>502 Bad Gateway</h1></body></html>", InternalServerError, True),
    ("empty 503", 503, b"", InternalServerError, True),
    ("whitespace 503", 503, b"  \n", InternalServerError, True),
    (
        "HTML 520",
        520,
        b"<!DOCTYPE html><h1>Web server is returning an unknown error</h1>",
        InternalServerError,
        True,
    ),
    ("HTML 599", 599, b"<html>", InternalServerError, True),
    ("truncated JSON 504", 504, b'{"success": false, "error": ', InternalServerError, True),
    ("string JSON 500", 500, b'"oops"', InternalServerError, True),
    ("gateway 429", 429, b"<html><body>Too Many Requests</body></html>", RateLimitError, True),
    (
        "JSON that is not an envelope 404",
        404,
        _json({"error": {"message": "not found"}}),
        NotFoundError,
        False,
    ),
    ("plain text 401", 401, b"Unauthorized", AuthenticationError, False),
    ("unmapped 4xx as plain text", 418, b"I'm a teapot", APIStatusError, False),
    ("bad UTF-8 400", 400, b"\xff\xfe", BadRequestError, False),
    ("deeply nested 500", 500, b"[" * 100_000 + b"]" * 100_000, InternalServerError, True),
    ("a redirect to a login page", 302, b"<html>Redirecting</html>", APIStatusError, False),
]


@pytest.mark.parametrize(
    ("status", "content", "cls", "retryable"), [pytest.param(*case[1:], id=case[0]) for case in PROXY_CASES]
)
def test_an_error_status_is_a_status_error_whatever_the_body(
    status: int, content: bytes, cls: type[APIStatusError], retryable: bool
) -> None:
    with pytest.raises(APIStatusError) as info:
        read_envelope(_response(status, content, {"X-Request-Id": "req_3", "Retry-After": "2"}))
    error = info.value
    assert type(error) is cls
    assert (error.status_code, error.code, error.is_retryable) == (status, None, retryable)
    reason = httpx.codes.get_reason_phrase(status) or "Error"
    assert error.message == f"HTTP {status} {reason}"
    assert error.request_id == "req_3"
    assert error.headers["retry-after"] == "2" and error.headers["Retry-After"] == "2"
    if content.strip():
        assert isinstance(error.body, str) and error.body
        assert len(error.body) <= 2001  # bounded: the start of the page, not all of it
    else:
        assert error.body is None


def test_the_body_kept_of_a_proxy_page_is_bounded() -> None:
    page = b"<html>" + b"x" * 1_000_000
    with pytest.raises(InternalServerError) as info:
        read_envelope(_response(502, page))
    assert info.value.body.startswith("<html>xxx") and len(info.value.body) == 2001


def test_error_headers_are_read_only() -> None:
    with pytest.raises(NotFoundError) as info:
        read_envelope(_response(404, _env_error("gone"), {"X-RateLimit-Remaining": "7"}))
    headers = info.value.headers
    assert headers["x-ratelimit-remaining"] == "7" and "X-RATELIMIT-REMAINING" in headers
    with pytest.raises(TypeError):
        headers["x-ratelimit-remaining"] = "8"  # type: ignore[index]
    assert not hasattr(headers, "update") and dict(headers)["x-ratelimit-remaining"] == "7"


@pytest.mark.parametrize("status", [200, 201, 207])
def test_read_envelope_success(status: int) -> None:
    body = _json({"success": True, "data": {"n": 1}, "error": None, "meta": {"page": 2}})
    assert read_envelope(_response(status, body)) == ({"n": 1}, {"page": 2})


def test_read_envelope_keeps_money_exact() -> None:
    data, meta = read_envelope(_response(200, b'{"success": true, "data": {"amount": 12.10}}'))
    assert data == {"amount": Decimal("12.10")}
    assert str(data["amount"]) == "12.10"
    assert meta is None


@pytest.mark.parametrize("header", ["X-Request-Id", "Request-Id", "X-Crovver-Request-Id"])
def test_request_id_headers(header: str) -> None:
    with pytest.raises(CrovverError) as info:
        read_envelope(_response(404, _env_error("gone"), {header: "req_abc"}))
    assert info.value.request_id == "req_abc"


# ---- every status and code the spec uses has a mapping ---------------------------------------


def _spec_error_statuses() -> set[int]:
    statuses: set[int] = set()
    for _, _, op in operations():
        for key in op["responses"]:
            if key[0] in "45" and key[1:].isdigit():
                statuses.add(int(key))
            elif key[0] in "45" and key[1:].upper() == "XX":  # a range such as 5XX
                statuses.update(range(int(key[0]) * 100, int(key[0]) * 100 + 100))
    return statuses


def test_every_error_status_in_the_spec_has_its_own_class() -> None:
    statuses = _spec_error_statuses()
    assert statuses >= {400, 401, 402, 403, 404, 409, 422}  # the parse found them
    for status in sorted(statuses):
        cls = status_error_class(status, None)
        if status >= 500:
            assert cls is InternalServerError, status
        else:
            assert status in STATUS_ERRORS, f"HTTP {status} is used in openapi.yaml but has no mapping"
            assert cls is STATUS_ERRORS[status]
            assert cls is not APIStatusError, f"HTTP {status} maps only to the base class"


def test_every_error_code_in_the_spec_has_a_class() -> None:
    codes = load_spec()["components"]["schemas"]["ErrorCode"]["enum"]
    assert codes, "ErrorCode.enum is empty"
    missing = sorted(set(codes) - set(CODE_ERRORS))
    assert not missing, f"error codes in openapi.yaml without a mapping in CODE_ERRORS: {missing}"
    stale = sorted(set(CODE_ERRORS) - set(codes))
    assert not stale, f"CODE_ERRORS maps codes openapi.yaml does not list: {stale}"


def _spec_error_examples() -> list[tuple[str, int, dict[str, Any]]]:
    found = []
    for method, path, op in operations():
        for key, response in op["responses"].items():
            if not key.isdigit() or int(key) < 400:
                continue
            media = resolve(response).get("content", {}).get("application/json", {})
            examples = [media["example"]] if "example" in media else []
            examples += [resolve(e)["value"] for e in media.get("examples", {}).values()]
            found += [(f"{method} {path}", int(key), example) for example in examples]
    return found


def test_the_spec_error_examples_map_to_their_status_and_code_classes() -> None:
    examples = _spec_error_examples()
    assert examples
    for where, status, example in examples:
        with pytest.raises(APIStatusError) as info:
            read_envelope(_response(status, _json(example)))
        error = info.value
        assert type(error) is status_error_class(status, None), where
        error_field = example["error"]
        if isinstance(error_field, dict):
            assert error.message == error_field["message"], where
            code = error_field.get("code")
            assert error.code == code, where
            if code is not None:
                # A 200 with success: false and this code maps to the class its status gives.
                assert CODE_ERRORS[code] is type(error), f"{where}: {code} vs HTTP {status}"
        else:
            assert error.message == error_field and error.code is None, where


# ---- transport errors -------------------------------------------------------------------------


def _request_error_types() -> list[type[httpx.RequestError]]:
    found: list[type[httpx.RequestError]] = []
    pending: list[type[httpx.RequestError]] = [httpx.RequestError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending += cls.__subclasses__()
    return sorted(found, key=lambda c: c.__name__)


TRANSPORT_EXPECTED: dict[str, type[APIConnectionError]] = {
    "RequestError": APIConnectionError,
    "TransportError": APIConnectionError,
    "NetworkError": APIConnectionError,
    "ConnectError": APIConnectionError,
    "ReadError": APIConnectionError,
    "WriteError": APIConnectionError,
    "CloseError": APIConnectionError,
    "ProxyError": APIConnectionError,
    "UnsupportedProtocol": APIConnectionError,
    "ProtocolError": APIConnectionError,
    "LocalProtocolError": APIConnectionError,
    "RemoteProtocolError": APIConnectionError,
    "DecodingError": APIConnectionError,
    "TooManyRedirects": APIConnectionError,
    "TimeoutException": APITimeoutError,
    "ConnectTimeout": APITimeoutError,
    "ReadTimeout": APITimeoutError,
    "WriteTimeout": APITimeoutError,
    "PoolTimeout": APITimeoutError,
}


def test_every_httpx_request_error_is_in_the_table() -> None:
    # A new httpx error type fails here until someone decides how it maps.
    assert {c.__name__ for c in _request_error_types()} == set(TRANSPORT_EXPECTED)


@pytest.mark.parametrize("exc_type", _request_error_types(), ids=lambda c: c.__name__)
def test_error_from_transport(exc_type: type[httpx.RequestError]) -> None:
    exc = exc_type("boom", request=httpx.Request("GET", "http://crovver.test/x"))
    error = error_from_transport(exc)
    assert type(error) is TRANSPORT_EXPECTED[exc_type.__name__]
    assert error.status_code is None
    assert error.is_retryable is True
    assert error.request_id is None and error.body is None
    if type(error) is APITimeoutError:
        assert error.code == "TIMEOUT"
        assert exc_type.__name__ in error.message
    else:
        assert error.code == "NETWORK_ERROR"
        assert error.message == "Connection error: boom"


def test_error_from_transport_with_an_empty_message_names_the_type() -> None:
    error = error_from_transport(httpx.ConnectError(""))
    assert error.message == "Connection error: ConnectError"


# ---- CrovverError itself ----------------------------------------------------------------------


STR_CASES: list[tuple[str, CrovverError, str]] = [
    ("plain", CrovverError("boom"), "boom"),
    ("status", APIStatusError("boom", status_code=503), "[503] boom"),
    (
        "status and code",
        NotFoundError("gone", status_code=404, code="TENANT_NOT_FOUND"),
        "[404 TENANT_NOT_FOUND] gone",
    ),
    (
        "request id leads",
        NotFoundError("gone", status_code=404, code="TENANT_NOT_FOUND", request_id="req_9"),
        "Request req_9: [404 TENANT_NOT_FOUND] gone",
    ),
    ("connection", APIConnectionError(), "[NETWORK_ERROR] Connection error"),
    ("timeout", APITimeoutError(), "[TIMEOUT] Request timed out"),
]


@pytest.mark.parametrize(("error", "text"), [pytest.param(e, t, id=i) for i, e, t in STR_CASES])
def test_str(error: CrovverError, text: str) -> None:
    assert str(error) == text


def test_repr_and_to_dict() -> None:
    error = RateLimitError(
        "Slow down",
        status_code=429,
        code="RATE_LIMITED",
        is_retryable=True,
        request_id="req_7",
        body={"a": 1},
    )
    assert repr(error) == (
        "RateLimitError(message='Slow down', status_code=429, code='RATE_LIMITED', request_id='req_7')"
    )
    assert error.to_dict() == {
        "name": "RateLimitError",
        "message": "Slow down",
        "status_code": 429,
        "code": "RATE_LIMITED",
        "is_retryable": True,
        "request_id": "req_7",
    }
    json.dumps(error.to_dict())  # plain data
    assert error.args == ("Slow down",)


def test_defaults() -> None:
    error = CrovverError("x")
    assert (error.status_code, error.code, error.is_retryable, error.request_id, error.body) == (
        None,
        None,
        False,
        None,
        None,
    )
    assert APIConnectionError().is_retryable and APITimeoutError().is_retryable
    assert issubclass(APITimeoutError, APIConnectionError)


def test_the_tree() -> None:
    for cls in (APIConnectionError, InvalidResponseError, APIStatusError):
        assert cls.__bases__ == (CrovverError,)
    for cls in {*STATUS_ERRORS.values(), *CODE_ERRORS.values(), InternalServerError}:
        assert issubclass(cls, APIStatusError)
    for name in crovver_ext._errors.__all__:
        assert getattr(crovver_ext, name) is getattr(crovver_ext._errors, name)
        assert getattr(crovver_ext._errors, name).__doc__, f"{name} has no docstring"


# ---- redaction in the error mapping -----------------------------------------------------------


def _leaks(text: str) -> bool:
    """The key, or a telling piece of it (a truncated key is a leak too)."""
    return KEY in text or "SECRET" in text or KEY[:11] in text


def _texts(error: BaseException) -> list[str]:
    out = [str(error), repr(error)]
    if isinstance(error, CrovverError):
        out += [repr(error.body), json.dumps(error.to_dict()), repr(error.headers)]
    return out


@pytest.mark.parametrize("offset", [0, 150, 160, 170, 177, 178, 200, 400])
def test_html_echoing_the_key_is_redacted_wherever_the_snippet_ends(offset: int) -> None:
    # A proxy that echoes request headers into its error page; wherever the key falls relative
    # to the snippet the message keeps, no piece of it may survive.
    page = ("x" * offset + f"Authorization: Bearer {KEY}\n" + "y" * 300).encode()
    with pytest.raises(InternalServerError) as info:
        read_envelope(_response(502, page), Secret(KEY))
    for text in _texts(info.value):
        assert not _leaks(text), text


def test_envelope_echoing_the_key_is_redacted() -> None:
    body = {
        "success": False,
        "data": None,
        "error": {"message": f"Invalid key {KEY}", "code": "INVALID_SERVICE_KEY"},
        "meta": {"headers": {"authorization": f"Bearer {KEY}"}, f"Bearer {KEY}": [KEY]},
    }
    with pytest.raises(AuthenticationError) as info:
        read_envelope(_response(401, _json(body)), Secret(KEY))
    error = info.value
    assert error.message == "Invalid key [redacted]"
    for text in _texts(error):
        assert not _leaks(text), text


def test_unreadable_data_echoing_the_key_is_redacted() -> None:
    response = _response(200, _json({"success": True, "data": {"authorization": f"Bearer {KEY}"}}))
    cause = TypeError(f"expected PlanListData, got {{'authorization': 'Bearer {KEY}'}}")
    error = invalid_payload(response, cause, Secret(KEY))
    assert error.status_code == 200
    for text in _texts(error):
        assert not _leaks(text), text


@pytest.mark.parametrize("status", [*range(500, 512), *range(520, 527), 530, 599])
def test_every_5xx_is_an_internal_server_error_and_retryable(status: int) -> None:
    assert status_error_class(status, None) is InternalServerError
    assert status_error_class(status, "TENANT_NOT_FOUND") is InternalServerError
    with pytest.raises(InternalServerError) as info:
        read_envelope(_response(status, _env_error(None)))
    assert info.value.is_retryable and info.value.status_code == status


@pytest.mark.parametrize(
    "error",
    [
        NotFoundError("gone", status_code=404, code="TENANT_NOT_FOUND", request_id="req_1", body={"a": 1}),
        InvalidResponseError("html", status_code=520, is_retryable=True, body="<html>"),
        APIConnectionError("Connection error: refused"),
        APITimeoutError("Request timed out (ReadTimeout)"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_survive_pickling(error: CrovverError) -> None:
    # Task queues and process pools pickle exceptions; every attribute must come back.
    import pickle

    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert copy.to_dict() == error.to_dict() and copy.body == error.body and str(copy) == str(error)
