"""Lookups shared by the endpoints: tenants, plans, prices and which subscriptions grant access."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from ._clock import iso, parse_iso
from ._store import Row, from_json
from ._wire import ApiError, not_found

#: Statuses that can grant access (pending_cancel only until its period ends).
ACCESS_STATUSES = ("active", "trial", "pending_cancel")
#: Statuses of a subscription that is still running (counts for "one per product").
LIVE_STATUSES = ("active", "trial", "pending_cancel", "past_due")


def tenant_by_ext(conn: sqlite3.Connection, org_id: str, external_id: str) -> Row:
    """The tenant with this external id in this org, or 404 ``TENANT_NOT_FOUND``."""
    row = find_tenant(conn, org_id, external_id)
    if row is None:
        raise not_found("TENANT_NOT_FOUND", f"Tenant '{external_id}' not found")
    return row


def find_tenant(conn: sqlite3.Connection, org_id: str, external_id: str) -> Row | None:
    """The tenant with this external id in this org, if any."""
    row: Row | None = conn.execute(
        "SELECT * FROM tenants WHERE org_id = ? AND external_id = ?", (org_id, external_id)
    ).fetchone()
    return row


def plan_by_id(conn: sqlite3.Connection, org_id: str, plan_id: str) -> Row:
    """The plan, or 404 ``PLAN_NOT_FOUND``."""
    row: Row | None = conn.execute(
        "SELECT * FROM plans WHERE org_id = ? AND id = ?", (org_id, plan_id)
    ).fetchone()
    if row is None:
        raise not_found("PLAN_NOT_FOUND", f"Plan '{plan_id}' not found")
    return row


def get(conn: sqlite3.Connection, table: str, row_id: str) -> Row:
    """A row by primary key that is known to exist."""
    row: Row | None = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        raise ApiError(500, "INTERNAL_ERROR", f"{table} {row_id} vanished")
    return row


def product_by_slug(conn: sqlite3.Connection, org_id: str, slug: str) -> Row | None:
    """The product with this slug, if any."""
    row: Row | None = conn.execute(
        "SELECT * FROM products WHERE org_id = ? AND slug = ?", (org_id, slug)
    ).fetchone()
    return row


def grants_access(sub: Row, now: datetime) -> bool:
    """Whether ``sub`` grants access at ``now``."""
    if sub["status"] in ("active", "trial"):
        return True
    if sub["status"] == "pending_cancel":
        end = sub["current_period_end"]
        return end is None or parse_iso(end) > now
    return False


def access_subscriptions(
    conn: sqlite3.Connection, tenant_id: str, now: datetime, product_id: str | None = None
) -> list[Row]:
    """The tenant's access-granting subscriptions (optionally for one product), oldest first."""
    rows = conn.execute(
        "SELECT * FROM subscriptions WHERE tenant_id = ? AND status IN (?, ?, ?) ORDER BY rowid",
        (tenant_id, *ACCESS_STATUSES),
    ).fetchall()
    return [
        r for r in rows if grants_access(r, now) and (product_id is None or r["product_id"] == product_id)
    ]


_RANK = {"active": 0, "trial": 0, "pending_cancel": 0, "past_due": 1, "pending": 2}


def current_subscription(
    conn: sqlite3.Connection, tenant_id: str, product_id: str | None = None
) -> Row | None:
    """The subscription that describes the tenant now: a live one, else pending, else the newest."""
    rows = conn.execute(
        "SELECT s.*, p.rowid AS product_seq FROM subscriptions s "
        "JOIN products p ON p.id = s.product_id WHERE s.tenant_id = ? ORDER BY s.rowid DESC",
        (tenant_id,),
    ).fetchall()
    rows = [r for r in rows if product_id is None or r["product_id"] == product_id]
    if not rows:
        return None
    # Live beats pending beats ended; then the org's first product; then the newest.
    best: Row = min(rows, key=lambda r: (_RANK.get(r["status"], 3), r["product_seq"]))
    return best


def plan_price(conn: sqlite3.Connection, plan_id: str, currency: str) -> Row | None:
    """The plan's price row in ``currency``, if offered."""
    row: Row | None = conn.execute(
        "SELECT * FROM plan_prices WHERE plan_id = ? AND currency = ?", (plan_id, currency)
    ).fetchone()
    return row


def first_price(conn: sqlite3.Connection, plan_id: str) -> Row:
    """The plan's first (default) price."""
    row: Row = conn.execute(
        "SELECT * FROM plan_prices WHERE plan_id = ? ORDER BY rowid LIMIT 1", (plan_id,)
    ).fetchone()
    return row


def seat_total(plan: Row, price: Row, seats: int | None) -> int:
    """Price in minor units: ``base + max(0, seats - included) * per_seat`` for seat plans."""
    if not plan["is_seat_based"] or seats is None:
        return int(price["amount"])
    extra = max(0, seats - int(plan["included_seats"] or 0))
    return int(price["base_price"] or 0) + extra * int(price["per_seat_price"] or 0)


def subscription_total(conn: sqlite3.Connection, sub: Row, seats: int | None = None) -> int:
    """What one period of ``sub`` costs (with ``seats`` instead of its own, when given)."""
    plan = get(conn, "plans", sub["plan_id"])
    price = plan_price(conn, plan["id"], sub["currency"]) or first_price(conn, plan["id"])
    return seat_total(plan, price, sub["capacity_units"] if seats is None else seats)


def pools(conn: sqlite3.Connection, plan_id: str) -> list[Row]:
    """The plan's credit pools, in seed order."""
    return conn.execute("SELECT * FROM pools WHERE plan_id = ? ORDER BY rowid", (plan_id,)).fetchall()


def org_summary(org: Row) -> dict[str, Any]:
    """``{id, name, type}`` of an organisation."""
    return {"id": org["id"], "name": org["name"], "type": org["type"]}


def tenant_wire(tenant: Row) -> dict[str, Any]:
    """The camelCase tenant object."""
    return {
        "id": tenant["id"],
        "externalTenantId": tenant["external_id"],
        "name": tenant["name"],
        "slug": tenant["slug"],
        "isActive": bool(tenant["is_active"]),
        "metadata": from_json(tenant["metadata"]),
        "createdAt": tenant["created_at"],
        "updatedAt": tenant["updated_at"],
    }


def touch(conn: sqlite3.Connection, table: str, row_id: str, now: datetime, **cols: Any) -> None:
    """Update columns of one row and its ``updated_at``."""
    assignments = ", ".join(f"{name} = ?" for name in cols)
    sep = ", " if cols else ""
    conn.execute(
        f"UPDATE {table} SET {assignments}{sep}updated_at = ? WHERE id = ?",
        (*cols.values(), iso(now), row_id),
    )
