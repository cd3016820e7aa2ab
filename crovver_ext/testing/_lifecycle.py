"""Subscription lifecycle: checkout sessions, completion, invoices, cancel, and clock transitions.

Lifecycle decisions the real API leaves open, made here once:

* A checkout creates a ``pending`` subscription. Paying activates it (``trial`` when the plan
  has a trial and the tenant never had this plan before, else ``active``) and bills an invoice
  (``0.00`` for a trial). A failed payment marks it ``expired``.
* One subscription per product: when a paid checkout activates a subscription while the tenant
  still has a live one on the same product, the old one is ``canceled`` at once (its base credits
  end, add-on credits stay) and the new one starts a fresh period. Webhooks: the old one sends
  ``subscription.canceled``, the new one ``subscription.updated`` (a plan change) instead of
  ``subscription.activated``.
* Cancelling recurring billing gives ``pending_cancel`` (access to period end, then ``canceled``);
  manual billing, ``pending`` and ``past_due`` subscriptions are ``canceled`` at once.
* At a period end: ``pending_cancel`` becomes ``canceled``; ``trial`` becomes ``active`` (first
  invoice, ``subscription.activated``); ``active`` renews (``subscription.renewed``, renewal
  invoice, base credits refilled per pool). ``past_due`` stays as it is (no payment, no renewal).
* Manual billing renews too, but its invoices stay ``open`` until paid outside Crovver.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ._clock import days_between, iso, parse_iso, period_end
from ._ledger import expire_base, grant_addon, grant_base, refill_at_renewal
from ._model import LIVE_STATUSES, get, subscription_total, touch
from ._store import Row, new_id
from ._wire import ApiError, money_str


@dataclass(frozen=True)
class Event:
    """A webhook event waiting for its transaction to commit."""

    type: str
    data: dict[str, Any]
    at: datetime
    org_id: str


def webhook_data(conn: sqlite3.Connection, sub_id: str) -> dict[str, Any]:
    """The ``data`` object of a subscription webhook event, as stored now."""
    sub = get(conn, "subscriptions", sub_id)
    tenant = get(conn, "tenants", sub["tenant_id"])
    return {
        "id": sub["id"],
        "status": sub["status"],
        "plan_id": sub["plan_id"],
        "billing_mode": sub["billing_mode"],
        "external_tenant_id": tenant["external_id"],
        "tenant_name": tenant["name"],
        "current_period_start": sub["current_period_start"],
        "current_period_end": sub["current_period_end"],
        "capacity_units": sub["capacity_units"],
        "created_at": sub["created_at"],
        "updated_at": sub["updated_at"],
    }


def emit(conn: sqlite3.Connection, events: list[Event], kind: str, sub_id: str, at: datetime) -> None:
    """Queue a subscription event; it is delivered only after the transaction commits."""
    data = webhook_data(conn, sub_id)
    org_id = str(get(conn, "subscriptions", sub_id)["org_id"])
    events.append(Event(kind, data, at, org_id))


def create_invoice(conn: sqlite3.Connection, sub: Row, kind: str, total: int, now: datetime) -> str:
    """Bill ``total`` for ``sub``: paid at once, or ``open`` for manual billing."""
    count = conn.execute("SELECT COUNT(*) FROM invoices WHERE org_id = ?", (sub["org_id"],)).fetchone()[0]
    manual = sub["billing_mode"] == "manual"
    plan = get(conn, "plans", sub["plan_id"])
    invoice_id = new_id("inv")
    conn.execute(
        "INSERT INTO invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            invoice_id,
            sub["org_id"],
            sub["tenant_id"],
            sub["id"],
            f"INV-{count + 1:06d}",
            kind,
            "open" if manual else "paid",
            total,
            sub["currency"],
            iso(now + timedelta(days=14)) if manual else iso(now),
            None if manual else iso(now),
            iso(now),
            sub["current_period_start"],
            sub["current_period_end"],
            None if manual else sub["provider"],
            plan["name"],
        ),
    )
    return invoice_id


def create_session(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    kind: str,
    tenant_id: str,
    sub_id: str | None,
    ref_id: str | None,
    amount: int,
    currency: str,
    success_url: str | None,
    cancel_url: str | None,
    now: datetime,
) -> str:
    """Open a checkout session (plan, add-on or seats) and return its id."""
    session_id = new_id("cs")
    conn.execute(
        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, NULL)",
        (
            session_id,
            org_id,
            kind,
            tenant_id,
            sub_id,
            ref_id,
            amount,
            currency,
            success_url,
            cancel_url,
            iso(now),
        ),
    )
    return session_id


def checkout_url(base_url: str, session_id: str) -> str:
    """Where a browser completes a session: the emulator's own small checkout page."""
    return f"{base_url}/checkout/{session_id}"


def complete_session(
    conn: sqlite3.Connection, session_id: str, outcome: str, now: datetime, events: list[Event]
) -> dict[str, Any]:
    """Finish a checkout session as ``paid`` or ``failed`` and apply what it bought."""
    session = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if session is None:
        raise ApiError(404, "SESSION_NOT_FOUND", f"Checkout session '{session_id}' not found")
    if session["status"] != "open":
        raise ApiError(
            409,
            "CHECKOUT_ALREADY_COMPLETED",
            f"Checkout session '{session_id}' is already {session['status']}",
        )
    paid = outcome == "paid"
    conn.execute(
        "UPDATE sessions SET status = ?, completed_at = ? WHERE id = ?",
        (outcome, iso(now), session_id),
    )
    kind = session["kind"]
    if kind == "plan":
        _complete_plan(conn, session, paid, now, events)
    elif kind == "addon":
        _complete_addon(conn, session, paid, now)
    else:
        _complete_seats(conn, session, paid, now, events)
    return {
        "sessionId": session_id,
        "kind": kind,
        "status": outcome,
        "subscriptionId": session["subscription_id"],
        "successUrl": session["success_url"],
        "cancelUrl": session["cancel_url"],
    }


def _complete_plan(
    conn: sqlite3.Connection, session: Row, paid: bool, now: datetime, events: list[Event]
) -> None:
    sub = get(conn, "subscriptions", session["subscription_id"])
    if sub["status"] != "pending":
        return  # canceled before payment: the money buys nothing
    if not paid:
        touch(conn, "subscriptions", sub["id"], now, status="expired")
        return
    replaced = conn.execute(
        f"SELECT id FROM subscriptions WHERE tenant_id = ? AND product_id = ? AND id != ? "
        f"AND status IN ({','.join('?' * len(LIVE_STATUSES))})",
        (sub["tenant_id"], sub["product_id"], sub["id"], *LIVE_STATUSES),
    ).fetchall()
    for old in replaced:
        touch(
            conn,
            "subscriptions",
            old["id"],
            now,
            status="canceled",
            canceled_at=iso(now),
            cancel_reason="replaced",
        )
        expire_base(conn, old["id"], now)
        emit(conn, events, "subscription.canceled", old["id"], now)
    plan = get(conn, "plans", sub["plan_id"])
    had_plan = conn.execute(
        "SELECT 1 FROM subscriptions WHERE tenant_id = ? AND plan_id = ? AND id != ? "
        "AND status NOT IN ('pending', 'expired')",
        (sub["tenant_id"], plan["id"], sub["id"]),
    ).fetchone()
    if plan["trial_days"] > 0 and had_plan is None:
        trial_end = now + timedelta(days=int(plan["trial_days"]))
        touch(
            conn,
            "subscriptions",
            sub["id"],
            now,
            status="trial",
            current_period_start=iso(now),
            current_period_end=iso(trial_end),
            trial_ends_at=iso(trial_end),
        )
        total = 0
    else:
        end: datetime | None = period_end(now, plan["interval"])
        touch(
            conn,
            "subscriptions",
            sub["id"],
            now,
            status="active",
            current_period_start=iso(now),
            current_period_end=None if end is None else iso(end),
        )
        total = session["amount"]
    grant_base(conn, sub["id"], now)
    create_invoice(conn, get(conn, "subscriptions", sub["id"]), "subscription", total, now)
    kind = "subscription.updated" if replaced else "subscription.activated"
    emit(conn, events, kind, sub["id"], now)


def _complete_addon(conn: sqlite3.Connection, session: Row, paid: bool, now: datetime) -> None:
    conn.execute(
        "UPDATE purchases SET status = ?, completed_at = ? WHERE id = ?",
        ("completed" if paid else "failed", iso(now), session["ref_id"]),
    )
    if paid:
        purchase = get(conn, "purchases", session["ref_id"])
        grant_addon(conn, purchase, now)
        sub = get(conn, "subscriptions", purchase["subscription_id"])
        create_invoice(conn, sub, "addon", int(purchase["amount"]), now)


def _complete_seats(
    conn: sqlite3.Connection, session: Row, paid: bool, now: datetime, events: list[Event]
) -> None:
    proration = get(conn, "prorations", session["ref_id"])
    conn.execute(
        "UPDATE prorations SET status = ? WHERE id = ?",
        ("paid" if paid else "failed", proration["id"]),
    )
    if paid:
        apply_seats(conn, proration, now, events)
        sub = get(conn, "subscriptions", proration["subscription_id"])
        create_invoice(conn, sub, "proration", int(proration["amount"]), now)


def apply_seats(conn: sqlite3.Connection, proration: Row, now: datetime, events: list[Event]) -> None:
    """Raise the capacity bought by a proration (and seat its waiting user, if any)."""
    sub_id = proration["subscription_id"]
    sub = get(conn, "subscriptions", sub_id)
    new_seats = max(int(sub["capacity_units"] or 0), int(proration["new_seats"]))
    touch(conn, "subscriptions", sub_id, now, capacity_units=new_seats)
    if proration["external_user_id"]:
        conn.execute(
            "INSERT INTO allocations VALUES (?, ?, ?, ?, 'active', ?, NULL, ?) "
            "ON CONFLICT (subscription_id, external_user_id) DO UPDATE SET status = 'active', "
            "allocated_at = excluded.allocated_at, removed_at = NULL",
            (
                sub_id,
                proration["external_user_id"],
                proration["email"],
                proration["name"],
                iso(now),
                proration["metadata"],
            ),
        )
    emit(conn, events, "subscription.updated", sub_id, now)


def proration_quote(conn: sqlite3.Connection, sub: Row, new_seats: int, now: datetime) -> dict[str, Any]:
    """What moving ``sub`` to ``new_seats`` costs for the rest of the period.

    ``amount_cents`` is the price difference of the two seat counts, scaled by the days left.
    """
    current = int(sub["capacity_units"] or 0)
    old_total = subscription_total(conn, sub)
    new_total = subscription_total(conn, sub, new_seats)
    start, end = sub["current_period_start"], sub["current_period_end"]
    if end is None:
        remaining = total_days = 0
        share = Decimal(1)
    else:
        remaining = days_between(now, parse_iso(end))
        total_days = max(1, days_between(parse_iso(start), parse_iso(end)))
        share = Decimal(min(remaining, total_days)) / Decimal(total_days)
    cents = int((Decimal(max(0, new_total - old_total)) * share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    added = new_seats - current
    return {
        "amount_cents": cents,
        "wire": {
            "amount": money_str(cents),
            "currency": sub["currency"],
            "description": (
                f"Prorated charge for {added} additional seat{'s' if added != 1 else ''} "
                f"for the remaining {remaining} of {total_days} days"
            ),
            "daysRemaining": remaining,
            "totalDaysInPeriod": total_days,
            "currentSeats": current,
            "newSeats": new_seats,
        },
    }


def cancel(
    conn: sqlite3.Connection,
    sub: Row,
    reason: str,
    feedback: str | None,
    now: datetime,
    events: list[Event],
) -> dict[str, Any]:
    """Cancel ``sub``: ``pending_cancel`` for recurring billing, else ``canceled`` at once."""
    if sub["status"] in ("canceled", "pending_cancel", "expired"):
        raise ApiError(400, "ALREADY_CANCELED", "Subscription is already canceled")
    immediate = (
        sub["billing_mode"] == "manual"
        or sub["status"] in ("pending", "past_due")
        or sub["current_period_end"] is None
    )
    status = "canceled" if immediate else "pending_cancel"
    touch(
        conn,
        "subscriptions",
        sub["id"],
        now,
        status=status,
        canceled_at=iso(now),
        cancel_reason=reason,
        cancel_feedback=feedback,
    )
    if immediate:
        expire_base(conn, sub["id"], now)
    emit(conn, events, "subscription.canceled", sub["id"], now)
    return {
        "subscriptionId": sub["id"],
        "status": status,
        "canceledAt": iso(now),
        "currentPeriodEnd": sub["current_period_end"],
    }


def advance(conn: sqlite3.Connection, target: datetime, events: list[Event]) -> None:
    """Run every transition due up to ``target``, earliest first, each at its own time."""
    while True:
        row = conn.execute(
            "SELECT id, due FROM (SELECT id, rowid AS r, CASE WHEN status = 'trial' "
            "THEN COALESCE(trial_ends_at, current_period_end) ELSE current_period_end END AS due "
            "FROM subscriptions WHERE status IN ('trial', 'active', 'pending_cancel')) "
            "WHERE due IS NOT NULL AND due <= ? ORDER BY due, r LIMIT 1",
            (iso(target),),
        ).fetchone()
        if row is None:
            return
        _transition(conn, get(conn, "subscriptions", row["id"]), parse_iso(row["due"]), events)


def _transition(conn: sqlite3.Connection, sub: Row, at: datetime, events: list[Event]) -> None:
    if sub["status"] == "pending_cancel":
        touch(conn, "subscriptions", sub["id"], at, status="canceled")
        emit(conn, events, "subscription.canceled", sub["id"], at)
        return
    plan = get(conn, "plans", sub["plan_id"])
    ended = (
        sub["current_period_end"]
        if sub["status"] == "active"
        else (sub["trial_ends_at"] or sub["current_period_end"])
    )
    end = period_end(at, plan["interval"])
    was_trial = sub["status"] == "trial"
    touch(
        conn,
        "subscriptions",
        sub["id"],
        at,
        status="active",
        current_period_start=iso(at),
        current_period_end=None if end is None else iso(end),
    )
    refill_at_renewal(conn, get(conn, "subscriptions", sub["id"]), ended, at)
    fresh = get(conn, "subscriptions", sub["id"])
    create_invoice(
        conn, fresh, "subscription" if was_trial else "renewal", subscription_total(conn, fresh), at
    )
    kind = "subscription.activated" if was_trial else "subscription.renewed"
    emit(conn, events, kind, sub["id"], at)
