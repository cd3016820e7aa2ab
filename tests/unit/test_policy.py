"""The request policy's pure parts: backoff, Retry-After, retry decisions, and the attempt loop.

Nothing here sleeps or opens a socket: the loop is driven step by step with scripted outcomes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from email.utils import formatdate
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crovver_ext import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    CrovverError,
    InternalServerError,
    InvalidResponseError,
    RateLimitError,
)
from crovver_ext._errors import Secret
from crovver_ext._policy import (
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    JITTER,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRY_COUNT_HEADER,
    Call,
    Outcome,
    Send,
    Settings,
    Sleep,
    attempts,
    backoff_delay,
    parse_retry_after,
    retry_delay,
)
from crovver_ext._reader import MalformedReply
from tests.exceptions import exception_chain

NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z, far from the wall clock on purpose
URL = "http://crovver.test/api/public/x"

# ---- backoff ---------------------------------------------------------------------------------


def test_policy_constants_match_the_design() -> None:
    assert (INITIAL_RETRY_DELAY, MAX_RETRY_DELAY, JITTER, MAX_RETRY_AFTER) == (0.5, 8.0, 0.25, 60.0)
    assert DEFAULT_MAX_RETRIES == 3


# attempt n (0-based) waits min(0.5 * 2**n, 8.0) s +-25%.
BASES = [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (6, 8.0)]


@pytest.mark.parametrize(("n", "base"), BASES)
def test_backoff_bounds(n: int, base: float) -> None:
    assert backoff_delay(n, 0.0) == pytest.approx(base * 0.75)  # lowest jitter
    assert backoff_delay(n, 0.5) == pytest.approx(base)  # no jitter
    assert backoff_delay(n, 1.0) == pytest.approx(base * 1.25)  # highest jitter (exclusive bound)


@settings(derandomize=True, deadline=None)
@given(n=st.integers(min_value=0, max_value=64), jitter=st.floats(min_value=0.0, max_value=1.0))
def test_backoff_stays_within_25_percent_of_the_capped_base(n: int, jitter: float) -> None:
    base = min(0.5 * 2**n, 8.0)
    delay = backoff_delay(n, jitter)
    assert base * 0.75 - 1e-9 <= delay <= base * 1.25 + 1e-9
    assert delay <= 10.0


def test_backoff_grows_monotonically_with_the_same_jitter() -> None:
    delays = [backoff_delay(n, 0.3) for n in range(8)]
    assert delays == sorted(delays)
    assert delays[-1] == delays[-2]  # capped


# ---- Retry-After -------------------------------------------------------------------------------


def _date(offset: float) -> str:
    return formatdate(NOW + offset, usegmt=True)


RETRY_AFTER_CASES: list[tuple[str, dict[str, str], float | None]] = [
    ("no header", {}, None),
    ("seconds", {"Retry-After": "2"}, 2.0),
    ("zero", {"Retry-After": "0"}, 0.0),
    ("padded", {"Retry-After": "  7 "}, 7.0),
    ("fractional", {"Retry-After": "1.5"}, 1.5),
    ("the 60 s bound itself", {"Retry-After": "60"}, 60.0),
    ("over 60 s is ignored", {"Retry-After": "61"}, None),
    ("an hour is ignored", {"Retry-After": "3600"}, None),
    ("negative is ignored", {"Retry-After": "-1"}, None),
    ("nan is ignored", {"Retry-After": "nan"}, None),
    ("inf is ignored", {"Retry-After": "inf"}, None),
    ("empty is ignored", {"Retry-After": ""}, None),
    ("garbage is ignored", {"Retry-After": "soon"}, None),
    ("garbage with digits is ignored", {"Retry-After": "1e3x"}, None),
    ("HTTP-date in the future", {"Retry-After": _date(7)}, 7.0),
    ("HTTP-date at the bound", {"Retry-After": _date(60)}, 60.0),
    ("HTTP-date too far ahead", {"Retry-After": _date(61)}, None),
    ("HTTP-date in the past means now", {"Retry-After": _date(-30)}, 0.0),
    ("RFC 850 date", {"Retry-After": "Thursday, 01-Jan-26 00:00:05 GMT"}, 5.0),
    ("asctime date (no zone: GMT)", {"Retry-After": "Thu Jan  1 00:00:09 2026"}, 9.0),
    ("numeric zone offset", {"Retry-After": "Thu, 01 Jan 2026 01:00:03 +0100"}, 3.0),
    # An unknown zone name must not raise dateutil's UnknownTimezoneWarning (an exception under
    # -W error); HTTP-dates are GMT, so it is read as GMT.
    ("unknown zone name", {"Retry-After": "Thu, 01 Jan 2026 00:00:04 XYZ"}, 4.0),
    # Not a whole date: dateutil would fill the missing parts from the wall clock, which would
    # make this function depend on today's date.
    ("a bare time is not a date", {"Retry-After": "00:00:05"}, None),
    ("a bare weekday is not a date", {"Retry-After": "Thursday"}, None),
    ("retry-after-ms", {"retry-after-ms": "1500"}, 1.5),
    ("retry-after-ms wins", {"retry-after-ms": "250", "Retry-After": "9"}, 0.25),
    ("retry-after-ms over 60 s falls back", {"retry-after-ms": "61000", "Retry-After": "3"}, 3.0),
    ("retry-after-ms garbage falls back", {"retry-after-ms": "soon", "Retry-After": "3"}, 3.0),
    ("retry-after-ms negative is ignored", {"retry-after-ms": "-5"}, None),
]


@pytest.mark.parametrize(
    ("headers", "expected"),
    [pytest.param(h, e, id=name) for name, h, e in RETRY_AFTER_CASES],
)
def test_parse_retry_after(headers: dict[str, str], expected: float | None) -> None:
    got = parse_retry_after(httpx.Headers(headers), NOW)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


def test_parse_retry_after_does_not_read_a_bare_time_as_today() -> None:
    # dateutil fills a missing date from the wall clock: "HH:MM:SS" five seconds from now would
    # come out as 5 s, and the pure function would depend on the real date.
    now = time.time()
    soon = time.strftime("%H:%M:%S", time.gmtime(now + 5))
    assert parse_retry_after(httpx.Headers({"Retry-After": soon}), now) is None
    assert parse_retry_after(httpx.Headers({"Retry-After": f"{soon} GMT"}), now) is None


def test_parse_retry_after_uses_the_clock_it_is_given() -> None:
    headers = httpx.Headers({"Retry-After": _date(10)})
    assert parse_retry_after(headers, NOW) == pytest.approx(10.0)
    assert parse_retry_after(headers, NOW + 4) == pytest.approx(6.0)
    assert parse_retry_after(headers, NOW - 100) is None  # 110 s ahead: over the bound


HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)


@settings(derandomize=True, deadline=None, max_examples=400)
@given(
    value=st.one_of(
        HEADER_TEXT,
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.integers(min_value=-(6 * 10**10), max_value=2 * 10**11).map(
            lambda s: formatdate(NOW + s, usegmt=True)
        ),
        st.tuples(
            st.integers(min_value=-90, max_value=90),
            st.from_regex(r"[A-Za-z]{1,5}|[+-][0-9]{4}", fullmatch=True),
        ).map(lambda t: f"{formatdate(NOW + t[0], usegmt=True)[:-4]} {t[1]}"),
    ),
    name=st.sampled_from(["Retry-After", "retry-after-ms"]),
)
def test_parse_retry_after_never_raises_and_stays_in_bounds(value: str, name: str) -> None:
    got = parse_retry_after(httpx.Headers({name: value}), NOW)
    assert got is None or 0.0 <= got <= MAX_RETRY_AFTER
    assert got is None or not math.isnan(got)


# ---- retry decisions -------------------------------------------------------------------------


def _status_error(cls: type[APIStatusError], status: int) -> APIStatusError:
    return cls("boom", status_code=status, is_retryable=status in (408, 429) or status >= 500)


RETRYABLE = InternalServerError("boom", status_code=503, is_retryable=True)

# (name, error, retryable_call, retries_done, max_retries, headers, expected)
DECISIONS: list[tuple[str, CrovverError, bool, int, int, dict[str, str] | None, float | None]] = [
    ("first retry backs off", RETRYABLE, True, 0, 3, None, 0.5),
    ("second retry backs off longer", RETRYABLE, True, 1, 3, None, 1.0),
    ("third retry", RETRYABLE, True, 2, 3, None, 2.0),
    ("retries exhausted", RETRYABLE, True, 3, 3, None, None),
    ("max_retries=0", RETRYABLE, True, 0, 0, None, None),
    ("never-retried call", RETRYABLE, False, 0, 3, None, None),
    ("never-retried call with Retry-After", RETRYABLE, False, 0, 3, {"Retry-After": "1"}, None),
    ("non-retryable error", _status_error(BadRequestError, 400), True, 0, 3, None, None),
    ("non-retryable invalid response", InvalidResponseError("x", status_code=200), True, 0, 3, None, None),
    ("network error", APIConnectionError(), True, 0, 3, None, 0.5),
    ("timeout", APITimeoutError(), True, 1, 3, None, 1.0),
    ("408", _status_error(APIStatusError, 408), True, 0, 3, None, 0.5),
    ("429 honours Retry-After", _status_error(RateLimitError, 429), True, 0, 3, {"Retry-After": "2"}, 2.0),
    ("Retry-After on a 503 too", RETRYABLE, True, 2, 3, {"Retry-After": "0.25"}, 0.25),
    # Asked to wait longer than the cap: not retried sooner than allowed; the caller decides.
    ("Retry-After over 60 s: give up", RETRYABLE, True, 0, 3, {"Retry-After": "120"}, None),
    ("retry-after-ms over 60 s: give up", RETRYABLE, True, 0, 3, {"retry-after-ms": "61000"}, None),
    ("an HTTP-date too far ahead: give up", RETRYABLE, True, 0, 3, {"Retry-After": _date(3600)}, None),
    ("an unreadable Retry-After: backoff", RETRYABLE, True, 0, 3, {"Retry-After": "inf"}, 0.5),
    ("a negative Retry-After: backoff", RETRYABLE, True, 0, 3, {"Retry-After": "-5"}, 0.5),
    ("exhausted despite Retry-After", RETRYABLE, True, 3, 3, {"Retry-After": "1"}, None),
    ("520", _status_error(InternalServerError, 520), True, 0, 3, None, 0.5),
]


@pytest.mark.parametrize(
    ("error", "retryable_call", "retries_done", "max_retries", "headers", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in DECISIONS],
)
def test_retry_delay(
    error: CrovverError,
    retryable_call: bool,
    retries_done: int,
    max_retries: int,
    headers: dict[str, str] | None,
    expected: float | None,
) -> None:
    got = retry_delay(
        error,
        retryable_call=retryable_call,
        retries_done=retries_done,
        max_retries=max_retries,
        headers=None if headers is None else httpx.Headers(headers),
        now=NOW,
        jitter=0.5,  # the midpoint: no jitter, so backoff is exactly the base
    )
    assert got == (None if expected is None else pytest.approx(expected))


# ---- the attempt loop, driven by hand --------------------------------------------------------


def _envelope_response(
    status: int, body: Any = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    request = httpx.Request("POST", URL)
    if body is None:
        body = {"success": True, "data": {"ok": True}}
    return httpx.Response(status, json=body, headers=headers, request=request)


def _error(status: int, code: str = "X") -> dict[str, Any]:
    return {"success": False, "data": None, "error": {"message": f"failed {status}", "code": code}}


def _call(*, retryable: bool = True, parse: Callable[[Any, Any], Any] | None = None) -> Call[Any]:
    return Call(
        operation="op",
        method="POST",
        path="/api/public/x",
        parse=parse or (lambda data, meta, request_id: data),
        json={"idempotencyKey": "k"},
        retryable=retryable,
    )


def _drive(
    call: Call[Any], outcomes: Sequence[Outcome], *, max_retries: int = 3, jitter: float = 0.5
) -> tuple[list[Send | Sleep], list[str | None], Any]:
    """Run the loop with scripted outcomes; return its steps, the retry-count header each
    attempt carried, and the result (or the exception raised)."""
    request = httpx.Request("POST", URL, json=call.json)
    knobs = Settings(
        max_retries=max_retries, secret=Secret("sk_test_k"), clock=lambda: NOW, jitter=lambda: jitter
    )
    loop = attempts(call, request, knobs)
    steps: list[Send | Sleep] = []
    counts: list[str | None] = []
    pending = iter(outcomes)
    try:
        step = next(loop)
        while True:
            steps.append(step)
            if isinstance(step, Sleep):
                step = loop.send(None)
            else:
                counts.append(step.request.headers.get(RETRY_COUNT_HEADER))
                step = loop.send(next(pending))
    except StopIteration as done:
        return steps, counts, done.value
    except CrovverError as exc:
        return steps, counts, exc


def _shape(steps: list[Send | Sleep]) -> list[str | float]:
    return ["send" if isinstance(s, Send) else s.seconds for s in steps]


def test_loop_returns_on_the_first_success() -> None:
    steps, counts, result = _drive(_call(), [_envelope_response(200)])
    assert _shape(steps) == ["send"]
    assert counts == [None]
    assert result == {"ok": True}


def test_loop_retries_then_succeeds_with_backoff_and_a_retry_count() -> None:
    request = httpx.Request("POST", URL)
    outcomes: list[Outcome] = [
        _envelope_response(503, _error(503)),
        httpx.ConnectError("refused", request=request),
        _envelope_response(429, _error(429), {"Retry-After": "3"}),
        _envelope_response(200),
    ]
    steps, counts, result = _drive(_call(), outcomes)
    assert _shape(steps) == ["send", 0.5, "send", 1.0, "send", 3.0, "send"]
    assert counts == [None, "1", "2", "3"]
    assert result == {"ok": True}
    sent = [s.request for s in steps if isinstance(s, Send)]
    assert all(r is sent[0] for r in sent)  # the same request (same body) every attempt


def test_loop_raises_the_last_error_when_retries_are_exhausted() -> None:
    outcomes = [_envelope_response(500 + i, _error(500 + i)) for i in range(4)]
    steps, _, error = _drive(_call(), outcomes, max_retries=3)
    assert _shape(steps) == ["send", 0.5, "send", 1.0, "send", 2.0, "send"]
    assert isinstance(error, InternalServerError)
    assert error.status_code == 503  # the last one
    assert error.is_retryable


def test_loop_never_retries_a_non_retryable_call() -> None:
    steps, _, error = _drive(_call(retryable=False), [_envelope_response(503, _error(503))])
    assert _shape(steps) == ["send"]
    assert isinstance(error, InternalServerError)


def test_loop_never_retries_a_4xx() -> None:
    steps, _, error = _drive(_call(), [_envelope_response(409, _error(409))])
    assert _shape(steps) == ["send"]
    assert type(error).__name__ == "ConflictError"


def test_loop_chains_transport_errors_and_maps_timeouts() -> None:
    request = httpx.Request("POST", URL)
    cause = httpx.ReadTimeout("timed out", request=request)
    steps, _, error = _drive(_call(), [cause], max_retries=0)
    assert _shape(steps) == ["send"]
    assert isinstance(error, APITimeoutError)
    assert error.__cause__ is cause


def test_loop_turns_unreadable_data_into_invalid_response() -> None:
    def parse(data: Any, meta: Any, request_id: str | None) -> Any:
        raise MalformedReply("missing", "data.plans")

    steps, _, error = _drive(_call(parse=parse), [_envelope_response(200)])
    assert _shape(steps) == ["send"]  # a 2xx that cannot be read is not retried
    assert isinstance(error, InvalidResponseError)
    assert error.status_code == 200
    assert "data.plans: missing" in error.message
    assert not error.is_retryable


@pytest.mark.parametrize("bug", [KeyError("plans"), AttributeError("x"), IndexError("i"), ValueError("v")])
def test_a_bug_in_the_sdk_surfaces_as_itself_not_as_crovvers_fault(bug: Exception) -> None:
    def parse(data: Any, meta: Any, request_id: str | None) -> Any:
        raise bug

    with pytest.raises(type(bug)) as info:
        _drive(_call(parse=parse), [_envelope_response(200)])
    assert info.value is bug


def test_loop_emits_events_with_attempts_and_delays() -> None:
    events: list[tuple[str, dict[str, Any]]] = []
    call = _call()
    request = httpx.Request("POST", URL)
    knobs = Settings(
        max_retries=3,
        secret=None,
        clock=lambda: NOW,
        jitter=lambda: 0.5,
        events=lambda message, data: events.append((message, dict(data))),
    )
    loop = attempts(call, request, knobs)
    assert isinstance(next(loop), Send)
    sleep = loop.send(_envelope_response(502, _error(502)))
    assert isinstance(sleep, Sleep) and sleep.seconds == 0.5
    assert isinstance(loop.send(None), Send)
    with pytest.raises(StopIteration):
        loop.send(_envelope_response(200))
    assert [m for m, _ in events] == ["response", "retrying", "response"]
    first, retry, last = (d for _, d in events)
    assert first["status"] == 502 and first["attempt"] == 1 and first["method"] == "POST"
    assert first["path"] == "/api/public/x" and first["elapsed_ms"] >= 0
    assert retry["delay_s"] == 0.5 and retry["attempt"] == 2 and retry["of"] == 4
    assert last["status"] == 200 and last["attempt"] == 2


def test_unreadable_data_echoing_the_key_leaves_no_key_in_the_exceptionexception_chain() -> None:
    key = "sk_test_k"

    def parse(data: Any, meta: Any, request_id: str | None) -> Any:
        raise MalformedReply(f"expected a list, got {data!r}", "data.plans")

    body = {"success": True, "data": {"authorization": f"Bearer {key}"}}
    steps, _, error = _drive(_call(parse=parse), [_envelope_response(200, body)])
    assert len(steps) == 1
    assert isinstance(error, InvalidResponseError)
    assert "data.plans: expected a list" in error.message  # what went wrong is still said
    for exc in exception_chain(error):
        assert key not in str(exc) and key not in repr(exc), repr(exc)


def test_unreadable_data_without_secrets_keeps_the_parse_error_as_cause() -> None:
    def parse(data: Any, meta: Any, request_id: str | None) -> Any:
        raise MalformedReply("missing", "data.plans")

    _, _, error = _drive(_call(parse=parse), [_envelope_response(200)])
    assert isinstance(error, InvalidResponseError)
    assert isinstance(error.__cause__, MalformedReply)
