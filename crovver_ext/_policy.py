"""Request policy: which calls are retried, how long to wait, and the attempt loop.

The loop is written once, as a generator that yields what to do (``Send`` a request, ``Sleep``)
and receives what happened (a response or a transport error). ``run_sync`` and ``run_async``
only carry out those steps, so the sync and async clients share every decision. The decisions
themselves (``retry_delay``, ``backoff_delay``, ``parse_retry_after``) are pure functions.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from typing import Any, Generic, TypeVar

import httpx

from crovver_ext._errors import (
    CrovverError,
    Secret,
    error_from_transport,
    invalid_payload,
    quotes_secret,
    read_envelope,
    request_id_of,
)
from crovver_ext._reader import MalformedReply

T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 3
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
JITTER = 0.25  # each backoff delay is scaled by a random factor in [1 - JITTER, 1 + JITTER]
MAX_RETRY_AFTER = 60.0
RETRY_COUNT_HEADER = "X-Crovver-Retry-Count"

logger = logging.getLogger("crovver")

EventSink = Callable[[str, Mapping[str, Any]], None]


class Call(Generic[T]):
    """One logical API call: what to send and how to read the answer. Built by the adapter.

    A plain slotted class rather than attrs: this module is imported with ``crovver_ext`` and
    keeps the import light (attrs loads with the first response model).
    """

    __slots__ = (
        "invalidates",
        "json",
        "method",
        "operation",
        "params",
        "parse",
        "path",
        "response",
        "retries_taken",
        "retryable",
        "tenant_id",
    )

    def __init__(
        self,
        *,
        operation: str,
        method: str,
        path: str,
        parse: Callable[[Any, Any, str | None], T],
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        retryable: bool = True,
        invalidates: bool = False,
        tenant_id: str | None = None,
    ) -> None:
        self.operation = operation
        self.method = method
        self.path = path
        self.parse = parse  # (data, meta, request id) of a successful envelope -> result
        self.params = params
        self.json = json
        self.retryable = retryable
        self.invalidates = invalidates  # whether it may change the tenant's entitlements
        self.tenant_id = tenant_id  # whose cached entitlements this call may change
        # Filled in by the attempt loop: the response the result was read from, and the retries
        # it took (what `with_raw_response` shows).
        self.response: httpx.Response | None = None
        self.retries_taken = 0

    def __repr__(self) -> str:
        return f"Call({self.operation}: {self.method} {self.path})"


class Send:
    __slots__ = ("request",)

    def __init__(self, request: httpx.Request) -> None:
        self.request = request


class Sleep:
    __slots__ = ("seconds",)

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


Step = Send | Sleep
Outcome = httpx.Response | httpx.RequestError | None


def backoff_delay(retries_done: int, jitter: float) -> float:
    """Seconds to wait before retry number ``retries_done + 1``; ``jitter`` is in [0, 1)."""
    base = min(INITIAL_RETRY_DELAY * 2.0**retries_done, MAX_RETRY_DELAY)
    return base * (1 - JITTER + 2 * JITTER * jitter)


def parse_retry_after(headers: httpx.Headers, now: float) -> float | None:
    """Seconds the server asked us to wait, if it asked for 0-60 s; else None.

    Accepts ``retry-after-ms``, and ``Retry-After`` as delta-seconds or an HTTP-date.
    """
    return _retry_after(headers, now, MAX_RETRY_AFTER)


def asks_beyond_cap(headers: httpx.Headers, now: float) -> bool:
    """Whether the server asked for a wait longer than ``MAX_RETRY_AFTER`` (and no shorter one)."""
    return parse_retry_after(headers, now) is None and _retry_after(headers, now, math.inf) is not None


def _retry_after(headers: httpx.Headers, now: float, cap: float) -> float | None:
    def allowed(seconds: float | None) -> bool:
        return seconds is not None and math.isfinite(seconds) and 0 <= seconds <= cap  # NaN fails

    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        try:
            millis = float(raw_ms) / 1000
        except ValueError:
            millis = math.nan
        if allowed(millis):
            return millis
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    seconds: float | None
    try:
        seconds = float(raw)
    except ValueError:
        seconds = _seconds_until_http_date(raw, now)
    return seconds if allowed(seconds) else None


# dateutil fills whatever the text leaves out from its ``default``: parsing with two defaults that
# differ in year, month and day tells a whole date from a bare time or weekday.
_DEFAULT_DATES = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))


def _zone(name: str | None, offset: int | None) -> dt.tzinfo | None:
    # For dateutil's ``tzinfos``: numeric offsets (and GMT/UTC/Z, offset 0) as given; any other
    # zone name is left naive (read as GMT below) instead of dateutil warning about it or
    # guessing from the machine's local zone. An offset of a day or more raises ValueError.
    return None if offset is None else dt.timezone(dt.timedelta(seconds=offset))


def _seconds_until_http_date(value: str, now: float) -> float | None:
    # Imported here: dateutil's parser costs a few ms to import and is rarely needed.
    from dateutil import parser as date_parser

    try:
        when, check = (date_parser.parse(value, default=d, tzinfos=_zone) for d in _DEFAULT_DATES)
    except (ValueError, OverflowError):
        return None
    if when != check:  # a bare time or weekday: not an HTTP-date
        return None
    if when.tzinfo is None:  # HTTP-dates are GMT; a zone-less one is read as GMT too
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - now)


def retry_delay(
    error: CrovverError,
    *,
    retryable_call: bool,
    retries_done: int,
    max_retries: int,
    headers: httpx.Headers | None,
    now: float,
    jitter: float,
) -> float | None:
    """How long to wait before the next attempt, or None to give up and raise ``error``."""
    if not retryable_call or not error.is_retryable or retries_done >= max_retries:
        return None
    if headers is not None:
        asked = parse_retry_after(headers, now)
        if asked is not None:
            return asked
        if asks_beyond_cap(headers, now):
            # Retrying sooner than the server allows would be refused again and spend the
            # caller's quota; waiting the cap would block for a minute and still be too soon.
            # Give up at once: the error carries the headers (error.headers["retry-after"]).
            return None
    return backoff_delay(retries_done, jitter)


class Settings:
    """The per-client knobs the attempt loop needs."""

    __slots__ = ("clock", "events", "jitter", "max_retries", "secret")

    def __init__(
        self,
        *,
        max_retries: int,
        secret: Secret | None,
        clock: Callable[[], float] = time.time,
        jitter: Callable[[], float] | None = None,
        events: EventSink | None = None,
    ) -> None:
        self.max_retries = max_retries
        self.secret = secret  # redacted from every error
        self.clock = clock
        self.jitter = jitter or _random
        self.events = events


def _random() -> float:
    # Imported on the first retry, not with the SDK.
    import random

    return random.random()


def _emit(settings: Settings, level: int, message: str, data: Mapping[str, Any]) -> None:
    if logger.isEnabledFor(level):
        logger.log(level, "%s %s", message, " ".join(f"{k}={v}" for k, v in data.items()))
    if settings.events is not None:
        settings.events(message, data)


def attempts(call: Call[T], request: httpx.Request, settings: Settings) -> Generator[Step, Outcome, T]:
    """The attempt loop for one call: send, read, map errors, decide on retries."""
    method, path = call.method, call.path
    retries_done = 0
    total = 1 + (settings.max_retries if call.retryable else 0)
    # The hot path pays for logging only when someone listens.
    verbose = settings.events is not None or logger.isEnabledFor(logging.DEBUG)
    while True:
        if retries_done:
            request.headers[RETRY_COUNT_HEADER] = str(retries_done)
        started = time.perf_counter()
        outcome = yield Send(request)
        elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
        headers: httpx.Headers | None = None
        cause: BaseException | None = None
        if isinstance(outcome, httpx.Response):
            headers = outcome.headers
            if verbose:
                _emit(
                    settings,
                    logging.DEBUG,
                    "response",
                    {
                        "method": method,
                        "path": path,
                        "status": outcome.status_code,
                        "attempt": retries_done + 1,
                        "elapsed_ms": elapsed_ms,
                        "request_id": outcome.headers.get("x-request-id"),
                    },
                )
            try:
                data, meta = read_envelope(outcome, settings.secret)
            except CrovverError as exc:
                error = exc
            else:
                call.response, call.retries_taken = outcome, retries_done
                try:
                    return call.parse(data, meta, request_id_of(outcome.headers))
                # Only the conversion boundary's own error is Crovver's fault; any other
                # exception is a bug in the SDK and surfaces as itself.
                except MalformedReply as exc:
                    unreadable = invalid_payload(outcome, exc, settings.secret)
                    data = meta = None  # may quote the key; error trackers record frame locals
                    if not quotes_secret(exc, settings.secret, outcome):
                        raise unreadable from exc
                # The parse error or the reply it was reading (in its frames' locals) quotes the
                # key: raised outside the except block, so neither __cause__ nor __context__ has it.
                raise unreadable
        elif isinstance(outcome, httpx.RequestError):
            error = error_from_transport(outcome)
            cause = outcome
            if verbose:
                _emit(
                    settings,
                    logging.DEBUG,
                    "network error",
                    {
                        "method": method,
                        "path": path,
                        "error": type(outcome).__name__,
                        "attempt": retries_done + 1,
                        "elapsed_ms": elapsed_ms,
                    },
                )
        else:  # pragma: no cover - the drivers only send responses and request errors
            raise TypeError(f"unexpected outcome {outcome!r}")

        delay = retry_delay(
            error,
            retryable_call=call.retryable,
            retries_done=retries_done,
            max_retries=settings.max_retries,
            headers=headers,
            now=settings.clock(),
            jitter=settings.jitter(),
        )
        if delay is None:
            if cause is not None:
                raise error from cause
            raise error
        retries_done += 1
        _emit(
            settings,
            logging.INFO,
            "retrying",
            {
                "method": method,
                "path": path,
                "attempt": retries_done + 1,
                "of": total,
                "delay_s": round(delay, 3),
                "reason": error.code or error.status_code or type(error).__name__,
            },
        )
        yield Sleep(delay)


def run_sync(
    steps: Generator[Step, Outcome, T],
    send: Callable[[httpx.Request], httpx.Response],
    sleep: Callable[[float], None],
) -> T:
    """Carry out the attempt loop with blocking I/O."""
    try:
        step = next(steps)
        while True:
            if isinstance(step, Sleep):
                sleep(step.seconds)
                step = steps.send(None)
                continue
            try:
                outcome: Outcome = send(step.request)
            except httpx.RequestError as exc:
                outcome = exc
            step = steps.send(outcome)
    except StopIteration as done:
        result: T = done.value
        return result


async def run_async(
    steps: Generator[Step, Outcome, T],
    send: Callable[[httpx.Request], Awaitable[httpx.Response]],
    sleep: Callable[[float], Awaitable[None]],
) -> T:
    """Carry out the attempt loop with async I/O."""
    try:
        step = next(steps)
        while True:
            if isinstance(step, Sleep):
                await sleep(step.seconds)
                step = steps.send(None)
                continue
            try:
                outcome: Outcome = await send(step.request)
            except httpx.RequestError as exc:
                outcome = exc
            step = steps.send(outcome)
    except StopIteration as done:
        result: T = done.value
        return result
