"""Logging of attempts and retries, and that the API key never leaks (logs, errors, reprs).

These run against a local Crovver seeded with a recognisable key, so that any place the key
could end up (log lines, log arguments, the logger callable's events, error messages, bodies,
exception chains, reprs) can be searched for it.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from crovver_ext import (
    APIConnectionError,
    AuthenticationError,
    CrovverError,
    InternalServerError,
    InvalidResponseError,
)
from crovver_ext._policy import logger as crovver_logger
from crovver_ext.testing import LocalCrovver, default_seed
from tests.exceptions import exception_chain
from tests.faults.flavors import Flavor, refused_url

pytestmark = pytest.mark.anyio

CANARY = "sk_test_SECRET_CANARY_123"
OTHER_CANARY = "sk_test_SECRET_CANARY_456"  # a key the server does not know
PLANS = "/api/public/plans"
BALANCE = "/api/public/credits/balance"


def _envelope(error: Any) -> dict[str, Any]:
    return {"success": False, "data": None, "error": error}


@pytest.fixture(scope="module")
def canary_server() -> Iterator[LocalCrovver]:
    seed = default_seed()
    seed["organizations"][0]["secretKey"] = CANARY
    with LocalCrovver(seed=seed) as local:
        assert local.secret_key == CANARY
        yield local


@pytest.fixture
def canary(canary_server: LocalCrovver) -> LocalCrovver:
    canary_server.control.reset()
    return canary_server


@pytest.fixture
def restore_logger() -> Iterator[None]:
    """``debug=True`` configures the shared "crovver" logger; undo that after each test."""
    level, handlers = crovver_logger.level, list(crovver_logger.handlers)
    yield
    crovver_logger.setLevel(level)
    for handler in crovver_logger.handlers:
        if handler not in handlers:
            crovver_logger.removeHandler(handler)


class Events:
    """A logger callable in the seed's shape: ``logger(message, data)``."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, message: str, data: dict[str, Any] | None = None) -> None:
        self.seen.append((message, dict(data or {})))


def _crovver_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "crovver"]


def _fields(record: logging.LogRecord) -> tuple[str, dict[str, str]]:
    """``"retrying method=GET attempt=2"`` -> ``("retrying", {"method": "GET", "attempt": "2"})``."""
    words = record.getMessage().split(" ")
    message = " ".join(w for w in words if "=" not in w)
    return message, dict(w.split("=", 1) for w in words if "=" in w)


# ---- what is logged --------------------------------------------------------------------------


@pytest.mark.usefixtures("restore_logger")
async def test_debug_logs_every_attempt_and_each_retry_with_its_delay(
    flavor: Flavor, canary: LocalCrovver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="crovver")
    canary.control.inject_fault(PLANS, status=503, body=_envelope("down"))
    events = Events()
    async with flavor.client(canary, debug=True, logger=events) as (client, sleeps):
        await flavor.call(client.get_plans())

    records = _crovver_records(caplog)
    fields = [_fields(r) for r in records]
    assert [m for m, _ in fields] == ["response", "retrying", "response"]
    assert [r.levelno for r in records] == [logging.DEBUG, logging.INFO, logging.DEBUG]
    (_, first), (_, retry), (_, last) = fields
    assert first["method"] == "GET" and first["path"] == PLANS
    assert first["status"] == "503" and first["attempt"] == "1"
    assert float(first["elapsed_ms"]) >= 0
    assert retry["attempt"] == "2" and retry["of"] == "4"
    assert float(retry["delay_s"]) == pytest.approx(sleeps[0], abs=1e-3)
    assert last["status"] == "200" and last["attempt"] == "2"
    assert last["request_id"].startswith("req_")  # the server's request id

    # The logger callable gets the same events, as data.
    assert [m for m, _ in events.seen] == ["response", "retrying", "response"]
    assert events.seen[0][1]["status"] == 503 and events.seen[0][1]["method"] == "GET"
    assert events.seen[1][1]["delay_s"] == pytest.approx(sleeps[0], abs=1e-3)
    assert events.seen[2][1]["status"] == 200 and events.seen[2][1]["attempt"] == 2
    for (message, data), (logged, logged_fields) in zip(events.seen, fields, strict=True):
        assert message == logged
        assert {k: str(v) for k, v in data.items()} == logged_fields


@pytest.mark.usefixtures("restore_logger")
async def test_network_errors_are_logged(
    flavor: Flavor, canary: LocalCrovver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="crovver")
    canary.control.inject_fault(PLANS, action="reset_before")
    async with flavor.client(canary, debug=True) as (client, _):
        await flavor.call(client.get_plans())
    messages = [_fields(r) for r in _crovver_records(caplog)]
    assert [m for m, _ in messages] == ["network error", "retrying", "response"]
    assert messages[0][1]["error"] in ("ReadError", "RemoteProtocolError", "ConnectError")
    assert messages[1][1]["reason"] == "NETWORK_ERROR"


@pytest.mark.usefixtures("restore_logger")
async def test_crovver_log_env_turns_debug_on(
    flavor: Flavor, canary: LocalCrovver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # An application that logs at WARNING (the logging default), and nothing set on "crovver".
    root = logging.getLogger()
    previous = root.level
    root.setLevel(logging.WARNING)
    try:
        crovver_logger.setLevel(logging.NOTSET)
        monkeypatch.delenv("CROVVER_LOG", raising=False)
        async with flavor.client(canary) as (client, _):
            await flavor.call(client.get_plans())
        assert _crovver_records(caplog) == []  # off by default
        monkeypatch.setenv("CROVVER_LOG", "debug")
        async with flavor.client(canary) as (client, _):
            await flavor.call(client.get_plans())
    finally:
        root.setLevel(previous)
    assert [_fields(r)[0] for r in _crovver_records(caplog)] == ["response"]


# ---- the key never leaks ---------------------------------------------------------------------


def _leaks(text: str) -> bool:
    # The whole key or a telling piece of it (a key cut off in a snippet leaks too).
    return any(k in text for k in (CANARY, OTHER_CANARY, "SECRET_CANARY", CANARY[:12]))


async def _raises(flavor: Flavor, call: Callable[[], Any]) -> CrovverError:
    with pytest.raises(CrovverError) as info:
        await flavor.call(call())  # called inside: a sync client raises at the call itself
    return info.value


@pytest.mark.usefixtures("restore_logger")
async def test_the_key_never_appears_in_logs_errors_or_reprs(
    flavor: Flavor, canary: LocalCrovver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's and httpcore's
    control = canary.control
    events = Events()
    errors: list[CrovverError] = []
    texts: list[str] = []
    # A proxy that echoes the request's Authorization header into its error page, with the key
    # across the end of the snippet an error message keeps.
    echo_page = "<html><body><pre>" + "x" * 140 + f"\nAuthorization: Bearer {CANARY}\n</pre></body></html>"

    async with flavor.client(canary, debug=True, logger=events) as (client, _):
        texts += [repr(client), str(client)]
        # A success, then a 503 retried into a success.
        await flavor.call(client.get_plans())
        control.inject_fault(PLANS, status=503, body=_envelope(f"upstream said: Bearer {CANARY}"))
        await flavor.call(client.get_plans())
        # A 401 whose message echoes the key, and a real 401 for a key the server does not know.
        control.inject_fault(
            PLANS,
            status=401,
            body=_envelope({"message": f"Invalid key {CANARY}", "code": "INVALID_SERVICE_KEY"}),
        )
        errors.append(await _raises(flavor, lambda: client.get_plans()))
        other = client.with_options(api_key=OTHER_CANARY)
        texts += [repr(other), str(other)]
        errors.append(await _raises(flavor, lambda: other.get_plans()))
        # Transport errors: connection resets until the retries run out.
        control.inject_fault(PLANS, action="reset_before", times=2)
        errors.append(await _raises(flavor, lambda: client.with_options(max_retries=1).get_plans()))
        # The echoing proxy.
        control.inject_fault(PLANS, status=502, body=echo_page, content_type="text/html", times=2)
        errors.append(await _raises(flavor, lambda: client.with_options(max_retries=1).get_plans()))
        # A 200 whose data echoes the key where the SDK cannot read it.
        pool = {"poolKey": "ai", "baseRemaining": 1, "addonRemaining": 0, "total": f"Bearer {CANARY}"}
        control.inject_fault(BALANCE, status=200, body={"success": True, "data": {"ai": pool}})
        errors.append(await _raises(flavor, lambda: client.credits.balance(tenant_id="ws_active")))
    # Nothing listening: connection refused.
    async with flavor.client(canary, base_url=refused_url(), max_retries=1, debug=True, logger=events) as (
        refused,
        _,
    ):
        errors.append(await _raises(flavor, lambda: refused.get_plans()))

    kinds = [type(e) for e in errors]
    assert kinds == [
        AuthenticationError,
        AuthenticationError,
        APIConnectionError,
        InternalServerError,  # the proxy's HTML page: its status decides
        InvalidResponseError,
        APIConnectionError,
    ]
    assert errors[0].message == "Invalid key [redacted]"
    assert "Authorization: Bearer [redacted]" in str(errors[3].body)

    for error in errors:
        # What an error tracker records: every frame of the chain, with its locals.
        texts += traceback.TracebackException(
            type(error), error, error.__traceback__, capture_locals=True
        ).format()
        for exc in exception_chain(error):
            texts += [str(exc), repr(exc), repr(exc.args)]
            if isinstance(exc, CrovverError):
                texts += [repr(exc.to_dict()), repr(exc.body), exc.message]
    records = caplog.records
    assert any(r.name == "crovver" for r in records)
    for record in records:
        texts += [record.getMessage(), repr(record.args), record.exc_text or ""]
    texts.append(caplog.text)
    assert len(events.seen) >= 10
    texts += [repr(event) for event in events.seen]

    leaked = [t for t in texts if _leaks(t)]
    assert leaked == []
    # The check itself works: the key did reach the server as a bearer token.
    assert _leaks(f"Bearer {CANARY}")
