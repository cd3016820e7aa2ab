"""The control plane under ``/_emulator/`` and the emulator's small checkout pages.

Plain JSON (no envelope), no auth, never faulted, never in the request log. Errors are
``{"error": {"message", "code"}}``.
"""

from __future__ import annotations

import html
import math
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from ._clock import LATEST, iso
from ._ledger import ledger_dump
from ._lifecycle import complete_session
from ._routing import ResponseTuple, json_response, parse_query, split_path
from ._store import from_json
from ._wire import MAX_BODY, ApiError, money_str, parse_object

if TYPE_CHECKING:
    from ._app import Emulator

_Handler = Callable[["Emulator", list[str], dict[str, str], dict[str, Any]], tuple[int, Any]]
MAX_ADVANCE_DAYS = 36500


def _body(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_BODY:
        raise ApiError(413, "PAYLOAD_TOO_LARGE", "body too large")
    return parse_object(raw)


def _bad(message: str) -> ApiError:
    return ApiError(400, "VALIDATION_ERROR", message)


def _index(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    return 200, {
        "emulator": "local Crovver",
        "now": iso(emu.clock.now()),
        "keys": emu.org_keys(),
        "endpoints": sorted(f"{m} /_emulator/{p}" for m, p, _ in _ROUTES if p),
    }


def _complete(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    outcome = body.get("outcome", "paid")
    if outcome not in ("paid", "failed"):
        raise _bad("outcome must be 'paid' or 'failed'")
    return 200, emu.in_transaction(
        lambda conn, events: complete_session(conn, params[0], outcome, emu.clock.now(), events)
    )


def _session(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    with emu.store.transaction() as conn:
        row = conn.execute("SELECT * FROM sessions WHERE id = ?", (params[0],)).fetchone()
    if row is None:
        raise ApiError(404, "SESSION_NOT_FOUND", f"Checkout session '{params[0]}' not found")
    return 200, dict(row)


def _clock(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    return 200, {"now": iso(emu.clock.now())}


def _advance(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    total = 0.0
    for name, scale in (("days", 86400.0), ("seconds", 1.0)):
        value = body.get(name, 0) or 0
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (math.isfinite(value) and value >= 0)
        ):
            raise _bad(f"{name} must be a non-negative number")
        total += value * scale
    if total > MAX_ADVANCE_DAYS * 86400 or emu.clock.now() + timedelta(seconds=total) >= LATEST:
        raise _bad(f"advance at most {MAX_ADVANCE_DAYS} days at a time")
    return 200, {"now": iso(emu.advance(total))}


def _add_fault(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    try:
        fault = emu.faults.add(body)
    except ValueError as exc:
        raise _bad(str(exc)) from exc
    return 201, {"id": fault.id, **fault.describe()}


def _faults(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    return 200, emu.faults.list()


def _clear_faults(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    emu.faults.clear()
    return 200, {"cleared": True}


def _requests(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    return 200, emu.log.list(query.get("method") or None, query.get("path") or None)


def _clear_requests(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    emu.log.clear()
    return 200, {"cleared": True}


def _reset(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    emu.reset()
    return 200, {"reset": True, "now": iso(emu.clock.now())}


def _find_tenant(conn: sqlite3.Connection, external_id: str, org_id: str | None) -> Any:
    sql, args = "SELECT * FROM tenants WHERE external_id = ?", [external_id]
    if org_id:
        sql, args = sql + " AND org_id = ?", [*args, org_id]
    row = conn.execute(sql + " ORDER BY rowid LIMIT 1", args).fetchone()
    if row is None:
        raise ApiError(404, "TENANT_NOT_FOUND", f"Tenant '{external_id}' not found")
    return row


def _ledger(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    tenant_ext = query.get("tenantId")
    if not tenant_ext:
        raise ApiError(400, "MISSING_REQUIRED_FIELDS", "tenantId is required")
    with emu.store.transaction() as conn:
        tenant = _find_tenant(conn, tenant_ext, query.get("orgId"))
        dump = ledger_dump(conn, tenant["id"], query.get("poolKey") or None)
    now = iso(emu.clock.now())
    for grant in dump["grants"]:
        grant["expired"] = grant["expires_at"] is not None and grant["expires_at"] <= now
    return 200, {"tenantId": tenant_ext, **dump}


def _rows(conn: sqlite3.Connection, sql: str, *args: Any) -> list[dict[str, Any]]:
    out = []
    for row in conn.execute(sql, args).fetchall():
        item = dict(row)
        for key in ("metadata", "features", "limits"):
            if isinstance(item.get(key), str):
                item[key] = from_json(item[key])
        out.append(item)
    return out


def _tenant_state(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    with emu.store.transaction() as conn:
        tenant = _find_tenant(conn, params[0], query.get("orgId"))
        tid = tenant["id"]
        return 200, {
            "tenant": _rows(conn, "SELECT * FROM tenants WHERE id = ?", tid)[0],
            "members": _rows(
                conn,
                "SELECT u.external_id, u.email, u.name, m.role FROM memberships "
                "m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?",
                tid,
            ),
            "subscriptions": _rows(
                conn, "SELECT * FROM subscriptions WHERE tenant_id = ? ORDER BY rowid", tid
            ),
            "allocations": _rows(
                conn,
                "SELECT a.* FROM allocations a JOIN subscriptions s ON "
                "s.id = a.subscription_id WHERE s.tenant_id = ? ORDER BY a.rowid",
                tid,
            ),
            "purchases": _rows(conn, "SELECT * FROM purchases WHERE tenant_id = ? ORDER BY rowid", tid),
            "invoices": _rows(conn, "SELECT * FROM invoices WHERE tenant_id = ? ORDER BY rowid", tid),
        }


def _register(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    url, secret = body.get("url"), body.get("secret")
    if not isinstance(url, str) or (secret is not None and not isinstance(secret, str)):
        raise _bad("url (string) is required; secret must be a string when given")
    try:
        endpoint_id, secret = emu.webhooks.register(url, secret or None)
    except ValueError as exc:
        raise _bad(str(exc)) from exc
    return 201, {"id": endpoint_id, "url": url, "secret": secret}


def _endpoints(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    return 200, emu.webhooks.endpoints()


def _deliveries(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    return 200, emu.webhooks.deliveries()


def _resend(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    if not emu.webhooks.resend(params[0]):
        raise ApiError(404, "DELIVERY_NOT_FOUND", f"Delivery '{params[0]}' not found")
    return 202, {"id": params[0], "queued": True}


def _test_event(
    emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]
) -> tuple[int, Any]:
    org_id = body.get("orgId") or emu.org_keys()[0]["org_id"]
    return 202, {"eventId": emu.webhooks.send_test(str(org_id), iso(emu.clock.now()))}


def _flush(emu: Emulator, params: list[str], query: dict[str, str], body: dict[str, Any]) -> tuple[int, Any]:
    try:
        timeout = float(query.get("timeout") or body.get("timeout") or 5.0)
    except (TypeError, ValueError) as exc:
        raise _bad("timeout must be a number of seconds") from exc
    if not math.isfinite(timeout) or not 0 <= timeout <= 60:
        raise _bad("timeout must be between 0 and 60 seconds")
    return 200, {"flushed": emu.webhooks.flush(timeout)}


_ROUTES: list[tuple[str, str, _Handler]] = [
    ("GET", "", _index),
    ("POST", "checkouts/{}/complete", _complete),
    ("GET", "checkouts/{}", _session),
    ("GET", "clock", _clock),
    ("POST", "clock/advance", _advance),
    ("POST", "faults", _add_fault),
    ("GET", "faults", _faults),
    ("DELETE", "faults", _clear_faults),
    ("GET", "requests", _requests),
    ("DELETE", "requests", _clear_requests),
    ("POST", "reset", _reset),
    ("GET", "ledger", _ledger),
    ("GET", "tenants/{}", _tenant_state),
    ("POST", "webhooks/endpoints", _register),
    ("GET", "webhooks/endpoints", _endpoints),
    ("GET", "webhooks/deliveries", _deliveries),
    ("POST", "webhooks/deliveries/{}/resend", _resend),
    ("POST", "webhooks/test", _test_event),
    ("POST", "webhooks/flush", _flush),
]


def _match(pattern: str, segments: list[str]) -> list[str] | None:
    parts = pattern.split("/") if pattern else []
    if len(parts) != len(segments):
        return None
    params = []
    for part, seg in zip(parts, segments, strict=True):
        if part == "{}":
            if not seg:
                return None
            params.append(seg)
        elif part != seg:
            return None
    return params


def handle_control(
    emu: Emulator, method: str, path: str, query: str, headers: dict[str, str], body: bytes
) -> ResponseTuple:
    """Answer a control-plane or checkout-page request."""
    try:
        if not path.startswith("/_emulator"):
            return _page(emu, method, path, query, headers, body)
        segments = [s for s in split_path(path)[1:] if s != ""]
        hits = [(m, h, p) for m, pat, h in _ROUTES if (p := _match(pat, segments)) is not None]
        if not hits:
            raise ApiError(404, "NOT_FOUND", f"No control-plane route {path}")
        hit = next(((h, p) for m, h, p in hits if m == method), None)
        if hit is None:
            raise ApiError(405, "METHOD_NOT_ALLOWED", f"{method} not allowed on {path}")
        handler, params = hit
        status, value = handler(
            emu, params, parse_query(query), _body(body) if method in ("POST", "PUT", "PATCH") else {}
        )
        return json_response(status, value)
    except ApiError as err:
        return json_response(err.status, {"error": {"message": err.message, "code": err.code}})


# --- the checkout pages ----------------------------------------------------------------------

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;"
    "color:#1f2937}h1{font-size:1.4rem}.amount{font-size:2rem;margin:1rem 0}"
    "button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem;border-radius:.4rem;"
    "border:1px solid #4f46e5;background:#4f46e5;color:#fff;cursor:pointer}"
    "button.secondary{background:#fff;color:#4f46e5}small{color:#6b7280}"
)


def _html(status: int, title: str, inner: str) -> ResponseTuple:
    doc = (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{html.escape(title)}"
        f"</title><style>{_STYLE}</style><body><h1>{html.escape(title)}</h1>{inner}"
        "<p><small>Local Crovver &mdash; a test emulator. No money moves.</small></p></body>"
        "</html>"
    )
    return status, [("Content-Type", "text/html; charset=utf-8")], doc.encode("utf-8")


def _page(
    emu: Emulator, method: str, path: str, query: str, headers: dict[str, str], body: bytes
) -> ResponseTuple:
    segments = split_path(path)
    if len(segments) == 1:  # /checkout?token=... or /portal?token=...: the token flows
        token = parse_query(query).get("token", "")
        return _html(
            200,
            f"Crovver {segments[0]}",
            f"<p>Hosted {html.escape(segments[0])} page for token <code>{html.escape(token)}</code>.</p>",
        )
    session_id = segments[1] if len(segments) == 2 else ""
    with emu.store.transaction() as conn:
        session = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if session is None:
        return _html(404, "Checkout not found", "<p>This checkout session does not exist.</p>")
    if method == "POST":
        form = parse_qs(body.decode("utf-8", errors="replace"))
        outcome = "failed" if form.get("outcome", ["paid"])[0] == "failed" else "paid"
        try:
            emu.in_transaction(
                lambda conn, events: complete_session(conn, session_id, outcome, emu.clock.now(), events)
            )
        except ApiError as err:
            return _html(err.status, "Checkout", f"<p>{html.escape(err.message)}</p>")
        target = session["success_url"] if outcome == "paid" else session["cancel_url"]
        if target:
            return 303, [("Location", target)], b""
        title = "Payment complete" if outcome == "paid" else "Payment failed"
        return _html(200, title, "<p>You can close this page.</p>")
    if method != "GET":
        return _html(405, "Method not allowed", "")
    amount = f"{money_str(int(session['amount']))} {session['currency']}"
    what = {"plan": "Subscription", "addon": "Credit add-on", "seats": "Additional seats"}
    if session["status"] != "open":
        return _html(200, "Checkout", f"<p>This checkout is already {session['status']}.</p>")
    return _html(
        200,
        "Welcome to checkout",
        (
            f"<p>{html.escape(what.get(session['kind'], 'Purchase'))}</p>"
            f"<div class=amount>{html.escape(amount)}</div>"
            f"<form method=post><button name=outcome value=paid>Pay</button>"
            f"<button class=secondary name=outcome value=failed>Decline</button></form>"
        ),
    )
