"""The emulator core: one transport-agnostic ``handle()`` shared by the HTTP server and the
in-process httpx transports, plus fault admission and the request log around it.

``handle(method, path, query, headers, body) -> (status, headers, body)`` is the whole API.
Servers call :meth:`Emulator.admit` then :meth:`Emulator.complete` instead, so that faults
(delays, canned statuses, connection resets) apply the same way over a socket and in process.
"""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from crovver_api.operations import OPERATIONS

from . import _api_billing as billing
from . import _api_capacity as capacity
from . import _api_core as core
from ._client import IN_PROCESS_URL
from ._clock import DEFAULT_START, Clock, iso, parse_iso, to_utc
from ._control import handle_control
from ._faults import DEFAULT_LOG_SIZE, Fault, Faults, LogEntry, RequestLog
from ._lifecycle import Event, advance
from ._routing import Ctx, Handler, ResponseTuple, Route, json_response, parse_query, split_path
from ._seed import apply_seed, load_seed
from ._store import Row, Store, set_meta
from ._validate import RequestValidator
from ._webhooks import Webhooks
from ._wire import MAX_BODY, ApiError, Fields, envelope, parse_object

_log = logging.getLogger("crovver_ext.testing")
T = TypeVar("T")

#: The handler of each operation in openapi.yaml; method, path and credentials come from the spec's
#: operation table (crovver_api.operations), so the router cannot drift from it.
HANDLERS: dict[str, Handler] = {
    "create_tenant": core.create_tenant,
    "get_tenants": core.get_tenants,
    "get_plans": core.list_plans,
    "get_supported_providers": core.supported_providers,
    "get_subscriptions": core.list_subscriptions,
    "get_subscription_status": core.subscription_status,
    "cancel_subscription": core.cancel_subscription,
    "can_access": core.can_access,
    "can_access_by_query": core.can_access,
    "get_credit_balance": billing.credit_balance,
    "consume_credits": billing.consume_credits,
    "list_available_addons": billing.addons_available,
    "purchase_addon": billing.purchase_addon,
    "get_active_addons": billing.addons_active,
    "record_usage": core.record_usage,
    "check_usage_limit": core.check_usage_limit,
    "create_checkout_session": billing.create_checkout,
    "get_invoices": billing.list_invoices,
    "create_checkout_token": billing.checkout_token,
    "create_portal_token": billing.portal_token,
    "get_capacity_count": capacity.capacity_count,
    "allocate_seat": capacity.allocate,
    "bulk_allocate_seats": capacity.bulk_allocate,
    "list_seat_allocations": capacity.list_allocations,
    "create_proration_checkout": capacity.proration_checkout,
}


def _routes() -> tuple[Route, ...]:
    if HANDLERS.keys() != OPERATIONS.keys():
        unhandled, unknown = OPERATIONS.keys() - HANDLERS.keys(), HANDLERS.keys() - OPERATIONS.keys()
        raise RuntimeError(f"handlers out of step with openapi.yaml: none for {unhandled}, stale {unknown}")
    return tuple(
        Route(
            op.method,
            op.path,
            HANDLERS[op.operation_id],
            "public" if "public" in op.credentials else "secret",
            json_body=op.method != "GET",
            operation_id=op.operation_id,
        )
        for op in OPERATIONS.values()
    )


ROUTES: tuple[Route, ...] = _routes()


@dataclass
class Admission:
    """A request accepted by the emulator, with the fault (if any) that will hit it."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes
    fault: Fault | None = None
    entry: LogEntry | None = None

    @property
    def delay(self) -> float:
        """Seconds the caller must wait before :meth:`Emulator.complete`."""
        return self.fault.delay if self.fault else 0.0


@dataclass
class Outcome:
    """What the caller sends back: a response, or a connection reset."""

    status: int = 0
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    reset: bool = False


class Emulator:
    """The local Crovver's state and request handling, independent of any transport."""

    def __init__(
        self,
        db: str | None = None,
        seed: str | Path | dict[str, Any] | None = None,
        start: datetime | None = None,
        base_url: str = IN_PROCESS_URL,
        request_log_size: int = DEFAULT_LOG_SIZE,
    ) -> None:
        self.log: RequestLog = RequestLog(request_log_size)
        # Before the store: nothing to close if either raises.
        self.validator: RequestValidator = RequestValidator()
        self.store: Store = Store(db)
        self.faults: Faults = Faults()
        self.webhooks: Webhooks = Webhooks()
        #: Where the URLs it mints (checkout, portal) point: configured, never the request's Host.
        self.base_url = base_url
        self.internal_errors: int = 0
        if self.store.initialised():
            # A reopened file keeps its state, its seed (for reset) and its clock.
            self._seed = json.loads(self.store.get_meta("seed") or "{}")
            self._start = parse_iso(self.store.get_meta("start") or iso(DEFAULT_START))
            self.clock: Clock = Clock(parse_iso(self.store.get_meta("clock") or iso(self._start)))
        else:
            self._start = to_utc(start or DEFAULT_START)
            self.clock = Clock(self._start)
            try:
                self._seed = load_seed(seed)
                self._install()
            except BaseException:
                self.store.close()  # a bad seed must not leak the connection
                raise

    def _install(self) -> None:
        self.store.recreate()
        with self.store.transaction() as conn:
            apply_seed(conn, self._seed, self._start)
            set_meta(conn, "seed", json.dumps(self._seed))
            set_meta(conn, "start", iso(self._start))
            set_meta(conn, "clock", iso(self._start))
            set_meta(conn, "seeded", "1")
        self.store.snapshot()

    def reset(self) -> None:
        """Back to the seed: state, clock, faults, request log and webhooks."""
        with self.store.lock:
            self.clock.set(self._start)
            if not self.store.restore():  # a reopened file has no snapshot yet
                self._install()
        self.faults.clear()
        self.log.clear()
        self.webhooks.reset()

    def close(self) -> None:
        """Stop the webhook worker and close the database."""
        self.webhooks.close()
        self.store.close()

    def org_keys(self) -> list[dict[str, str]]:
        """``[{org_id, type, secret_key, public_key}]`` for every seeded organisation."""
        with self.store.transaction() as conn:
            rows = conn.execute("SELECT * FROM orgs ORDER BY rowid").fetchall()
        return [
            {
                "org_id": r["id"],
                "type": r["type"],
                "secret_key": r["secret_key"],
                "public_key": r["public_key"],
            }
            for r in rows
        ]

    # --- transitions ---------------------------------------------------------------------

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward, running every due transition in order, in one transaction."""
        events: list[Event] = []
        with self.store.transaction() as conn:
            target = to_utc(self.clock.now() + timedelta(seconds=seconds))
            advance(conn, target, events)
            set_meta(conn, "clock", iso(target))
            self.clock.set(target)
        self.webhooks.publish(events)
        return target

    def in_transaction(self, work: Callable[[sqlite3.Connection, list[Event]], T]) -> T:
        """Run ``work(conn, events)`` in one transaction and publish its events after commit."""
        events: list[Event] = []
        with self.store.transaction() as conn:
            result = work(conn, events)
        self.webhooks.publish(events)
        return result

    # --- requests ------------------------------------------------------------------------

    def admit(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes | None
    ) -> Admission:
        """Log an arriving API request and pick the fault that hits it (control: neither)."""
        heads = {k.lower(): v for k, v in headers.items()}
        adm = Admission(method.upper(), path, query, heads, body or b"")
        if _is_control(path):
            return adm
        adm.fault = self.faults.take(adm.method, path)
        try:
            logged_query: dict[str, Any] = parse_query(query)
        except ApiError:
            logged_query = {"": query}
        adm.entry = self.log.start(
            adm.method,
            path,
            logged_query,
            dict(headers),
            None if body is None else adm.body,
            adm.fault.action if adm.fault else None,
            iso(self.clock.now()),
        )
        return adm

    def complete(self, adm: Admission) -> Outcome:
        """Apply the admission's fault around :meth:`handle` (the caller did the delay)."""
        fault = adm.fault
        if fault is not None and fault.action == "reset_before":
            self._finish(adm, None)
            return Outcome(reset=True)
        if fault is not None and fault.responds:
            assert fault.status is not None
            self._finish(adm, fault.status)
            return Outcome(fault.status, fault.response_headers(), fault.body)
        status, headers, body = self.handle(adm.method, adm.path, adm.query, adm.headers, adm.body)
        if fault is not None and fault.action == "reset_after":
            self._finish(adm, None)
            return Outcome(reset=True)
        self._finish(adm, status)
        return Outcome(status, headers, body)

    def _finish(self, adm: Admission, status: int | None) -> None:
        if adm.entry is not None:
            self.log.finish(adm.entry, status)

    def handle(
        self, method: str, path: str, query: str, headers: Mapping[str, str], body: bytes
    ) -> ResponseTuple:
        """Answer one request. Never raises: unexpected errors become a 500 envelope."""
        heads = {k.lower(): v for k, v in headers.items()}
        try:
            if method.upper() not in KNOWN_METHODS:
                return _method_not_allowed(method, path)
            if _is_control(path):
                return handle_control(self, method.upper(), path, query, heads, body)
            return self._api(method.upper(), path, query, heads, body)
        except Exception:
            self.internal_errors += 1
            _log.exception("local Crovver: unexpected error handling %s %s", method, path)
            err = ApiError(500, "INTERNAL_ERROR", "Internal server error")
            return json_response(500, err.body())

    def _api(self, method: str, path: str, query: str, headers: dict[str, str], body: bytes) -> ResponseTuple:
        request_id = [("X-Request-Id", f"req_{secrets.token_hex(8)}")]
        try:
            status, data = self._dispatch(method, path, query, headers, body)
        except ApiError as err:
            return json_response(err.status, err.body(), request_id + err.headers)
        return json_response(status, data, request_id)

    def _dispatch(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any]:
        segments = split_path(path)
        matches = [(r, p) for r in ROUTES if (p := r.match(segments)) is not None]
        if not matches:
            raise ApiError(404, "NOT_FOUND", f"No route for {method} {path}")
        found = next(((r, p) for r, p in matches if r.method == method), None)
        if found is None:
            allowed = ", ".join(sorted({r.method for r, _ in matches}))
            raise ApiError(
                405, "METHOD_NOT_ALLOWED", f"Method {method} not allowed here", headers=[("Allow", allowed)]
            )
        route, params = found
        if len(body) > MAX_BODY:
            raise ApiError(413, "PAYLOAD_TOO_LARGE", f"Request body exceeds {MAX_BODY} bytes")
        query_values = parse_query(query)
        events: list[Event] = []
        with self.store.transaction() as conn:
            org = _authenticate(conn, route.access, headers, query_values)
            values = parse_object(body) if route.json_body else {}
            self.validator.check(
                route.operation_id, params, query_values, values if route.json_body else None
            )
            ctx = Ctx(
                conn=conn,
                org=org,
                now=self.clock.now(),
                params=params,
                query=Fields(query_values, from_query=True),
                body=Fields(values),
                base_url=self.base_url,
                events=events,
            )
            reply = route.handler(ctx)
        self.webhooks.publish(events)
        return reply.status, envelope(reply.data, reply.meta)


#: Methods routed as usual (a wrong one for a path is a 405 naming the right ones); any other
#: method (TRACE, CONNECT, inventions) is a 405 wherever it is sent.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def _method_not_allowed(method: str, path: str) -> ResponseTuple:
    segments = split_path(path)
    allowed = sorted({r.method for r in ROUTES if r.match(segments) is not None}) or ["GET", "POST"]
    err = ApiError(405, "METHOD_NOT_ALLOWED", f"Method {method[:32]!r} is not supported")
    return json_response(405, err.body(), [("Allow", ", ".join(allowed))])


def _is_control(path: str) -> bool:
    """The control plane and the checkout/portal pages: never faulted, never logged."""
    return path in ("/_emulator", "/checkout", "/portal") or path.startswith(("/_emulator/", "/checkout/"))


def _authenticate(
    conn: sqlite3.Connection, access: str, headers: dict[str, str], query: dict[str, str]
) -> Row:
    """The calling org, or the API's 400/401/403 for missing, wrong or too-weak keys."""
    auth = headers.get("authorization")
    if auth is not None:
        scheme, _, token = auth.strip().partition(" ")
        token = token.strip()
        if scheme.lower() == "bearer" and token:
            org: Row | None = conn.execute("SELECT * FROM orgs WHERE secret_key = ?", (token,)).fetchone()
            if org is not None:
                return org
            org = conn.execute("SELECT * FROM orgs WHERE public_key = ?", (token,)).fetchone()
            if org is not None:
                return _public(org, access)
        raise ApiError(401, "INVALID_SERVICE_KEY", "Invalid API key")
    public_key = headers.get("x-public-key") or query.get("publicKey")
    if public_key:
        org = conn.execute("SELECT * FROM orgs WHERE public_key = ?", (public_key,)).fetchone()
        if org is None:
            raise ApiError(401, "INVALID_PUBLIC_KEY", "Invalid public key")
        return _public(org, access)
    if access == "secret":
        raise ApiError(401, "INVALID_SERVICE_KEY", "Missing API key: send Authorization: Bearer <secret key>")
    raise ApiError(400, "MISSING_PUBLIC_KEY", "Missing key: send x-public-key (or publicKey) or a secret key")


def _public(org: Row, access: str) -> Row:
    if access == "secret":
        raise ApiError(
            403, "INSUFFICIENT_PERMISSIONS", "This endpoint needs a secret key; a public key may only read"
        )
    return org
