"""The credit ledger: base and add-on grants, balances, FIFO consumption, add-on lists.

A pool's balance is the sum of its unexpired grants. Consumption takes base grants first, then
add-on grants by earliest expiry (never-expiring last). A hard pool blocks a consumption it
cannot cover and deducts nothing; a soft pool takes what there is and books the shortfall on the
current base grant, so its balance goes negative.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from ._clock import iso
from ._model import get, pools
from ._store import Row, from_json, new_id, to_json
from ._wire import ApiError, money_str, percent

_UNEXPIRED = "(expires_at IS NULL OR expires_at > ?)"


def grant_base(
    conn: sqlite3.Connection,
    sub_id: str,
    at: datetime,
    carry: dict[str, int] | None = None,
) -> None:
    """Grant each pool's period allowance (plus any rolled-over ``carry``) to ``sub``."""
    sub = get(conn, "subscriptions", sub_id)
    for pool in pools(conn, sub["plan_id"]):
        qty = int(pool["limit_per_period"]) + (carry or {}).get(pool["pool_key"], 0)
        conn.execute(
            "INSERT INTO grants VALUES (?, ?, ?, ?, 'base', ?, ?, ?, ?, ?)",
            (
                new_id("grant"),
                sub["tenant_id"],
                sub_id,
                pool["pool_key"],
                sub_id,
                qty,
                qty,
                sub["current_period_end"],
                iso(at),
            ),
        )


def refill_at_renewal(conn: sqlite3.Connection, sub: Row, ended: str, at: datetime) -> None:
    """Regrant base credits for the period that starts at ``at``.

    ``reset`` pools drop what was left; ``rollover`` pools carry the leftover (a deficit too)
    into the new grant, the carried amount capped by ``rolloverCap`` when set.
    """
    carry: dict[str, int] = {}
    for pool in pools(conn, sub["plan_id"]):
        if pool["refill_behavior"] != "rollover":
            continue
        left = conn.execute(
            "SELECT COALESCE(SUM(qty_remaining), 0) FROM grants WHERE subscription_id = ? "
            "AND source_type = 'base' AND pool_key = ? AND expires_at = ?",
            (sub["id"], pool["pool_key"], ended),
        ).fetchone()[0]
        cap = pool["rollover_cap"]
        carry[pool["pool_key"]] = int(left) if cap is None else min(int(left), int(cap))
    grant_base(conn, sub["id"], at, carry)


def expire_base(conn: sqlite3.Connection, sub_id: str, now: datetime) -> None:
    """End a subscription's base grants now (it was replaced)."""
    conn.execute(
        f"UPDATE grants SET expires_at = ? WHERE subscription_id = ? AND source_type = 'base' "
        f"AND {_UNEXPIRED}",
        (iso(now), sub_id, iso(now)),
    )


def _grants(conn: sqlite3.Connection, tenant_id: str, pool_key: str, now: datetime) -> list[Row]:
    """Unexpired grants in consumption order: base, then add-ons by earliest expiry."""
    return conn.execute(
        f"SELECT * FROM grants WHERE tenant_id = ? AND pool_key = ? AND {_UNEXPIRED} "
        "ORDER BY source_type = 'addon', expires_at IS NULL, expires_at, rowid",
        (tenant_id, pool_key, iso(now)),
    ).fetchall()


def pool_definitions(conn: sqlite3.Connection, subs: list[Row]) -> dict[str, tuple[Row, Row]]:
    """``pool_key -> (pool, subscription)`` over the given subscriptions (first one wins)."""
    found: dict[str, tuple[Row, Row]] = {}
    for sub in subs:
        for pool in pools(conn, sub["plan_id"]):
            found.setdefault(pool["pool_key"], (pool, sub))
    return found


def pool_total(conn: sqlite3.Connection, tenant_id: str, pool_key: str, now: datetime) -> int:
    """The pool's balance: every unexpired grant's remaining credits."""
    return sum(int(g["qty_remaining"]) for g in _grants(conn, tenant_id, pool_key, now))


def balance(conn: sqlite3.Connection, tenant_id: str, subs: list[Row], now: datetime) -> dict[str, Any]:
    """The balance object keyed by pool (``{}`` without an access-granting subscription)."""
    result: dict[str, Any] = {}
    for key, (pool, sub) in pool_definitions(conn, subs).items():
        grants = _grants(conn, tenant_id, key, now)
        base = sum(int(g["qty_remaining"]) for g in grants if g["source_type"] == "base")
        addon = sum(int(g["qty_remaining"]) for g in grants if g["source_type"] == "addon")
        expiries = [g["expires_at"] for g in grants if g["expires_at"] and g["qty_remaining"] > 0]
        used = conn.execute(
            "SELECT COALESCE(SUM(amount), 0) FROM consumptions WHERE tenant_id = ? "
            "AND pool_key = ? AND result != 'blocked' AND created_at >= ?",
            (tenant_id, key, sub["current_period_start"]),
        ).fetchone()[0]
        limit = int(pool["limit_per_period"])
        result[key] = {
            "poolKey": key,
            "displayName": pool["display_name"],
            "baseRemaining": base,
            "addonRemaining": addon,
            "total": base + addon,
            "limit": limit,
            "limitBehavior": pool["limit_behavior"],
            "nextExpiry": min(expiries) if expiries else None,
            "usagePercent": percent(int(used), limit),
        }
    return result


def find_consumption(conn: sqlite3.Connection, org_id: str, key: str) -> Row | None:
    """The consumption recorded under an idempotency key, if any."""
    row: Row | None = conn.execute(
        "SELECT * FROM consumptions WHERE org_id = ? AND idempotency_key = ?", (org_id, key)
    ).fetchone()
    return row


def consume(
    conn: sqlite3.Connection,
    *,
    org_id: str,
    tenant: Row,
    pool: Row,
    amount: int,
    key: str,
    metadata: dict[str, Any] | None,
    now: datetime,
) -> dict[str, Any]:
    """Deduct ``amount`` FIFO and record the outcome under ``key`` (one transaction)."""
    pool_key = pool["pool_key"]
    grants = _grants(conn, tenant["id"], pool_key, now)
    total = sum(int(g["qty_remaining"]) for g in grants)
    if total >= amount:
        result = "allowed"
    elif pool["limit_behavior"] == "hard":
        result = "blocked"
    else:
        result = "warning"
    if result != "blocked":
        _deduct(conn, grants, amount)
        total -= amount
    conn.execute(
        "INSERT INTO consumptions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            new_id("cons"),
            org_id,
            tenant["id"],
            tenant["external_id"],
            pool_key,
            amount,
            key,
            result,
            total,
            to_json(metadata),
            iso(now),
        ),
    )
    return {"result": result, "remaining": total, "alreadyProcessed": False, "poolKey": pool_key}


def _deduct(conn: sqlite3.Connection, grants: list[Row], amount: int) -> None:
    left = amount
    for grant in grants:
        take = min(left, max(0, int(grant["qty_remaining"])))
        if take:
            conn.execute(
                "UPDATE grants SET qty_remaining = qty_remaining - ? WHERE id = ?",
                (take, grant["id"]),
            )
            left -= take
    if left:
        # A soft pool's shortfall: book it on the base grant (the add-ons are already empty).
        target = next((g for g in grants if g["source_type"] == "base"), None)
        if target is None:
            raise ApiError(500, "INTERNAL_ERROR", "soft pool without a base grant")
        conn.execute(
            "UPDATE grants SET qty_remaining = qty_remaining - ? WHERE id = ?",
            (left, target["id"]),
        )


def replay(row: Row) -> dict[str, Any]:
    """The original outcome of a consumption, flagged as already processed."""
    return {
        "result": row["result"],
        "remaining": int(row["remaining"]),
        "alreadyProcessed": True,
        "poolKey": row["pool_key"],
    }


def grant_addon(conn: sqlite3.Connection, purchase: Row, now: datetime) -> None:
    """Grant a purchased add-on's credits, expiring per the add-on's ``expiry_type``."""
    addon = get(conn, "addons", purchase["addon_id"])
    sub = get(conn, "subscriptions", purchase["subscription_id"])
    expiry_type = addon["expiry_type"]
    expires: str | None
    if expiry_type in ("period", "period_end"):
        expires = sub["current_period_end"]
    elif expiry_type == "days":
        expires = iso(now + timedelta(days=int(addon["expiry_days"] or 0)))
    else:
        expires = None
    qty = int(addon["credit_qty"])
    conn.execute(
        "INSERT INTO grants VALUES (?, ?, ?, ?, 'addon', ?, ?, ?, ?, ?)",
        (
            new_id("grant"),
            purchase["tenant_id"],
            sub["id"],
            addon["pool_key"],
            purchase["id"],
            qty,
            qty,
            expires,
            iso(now),
        ),
    )


def available_addons(
    conn: sqlite3.Connection, tenant_id: str, subs: list[Row], now: datetime
) -> list[dict[str, Any]]:
    """Add-ons on the tenant's plans, priced in the subscription's currency (snake_case)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    defs = pool_definitions(conn, subs)
    for sub in subs:
        rows = conn.execute(
            "SELECT a.*, p.amount AS price FROM addons a "
            "JOIN addon_plans ap ON ap.addon_id = a.id "
            "JOIN addon_prices p ON p.addon_id = a.id AND p.currency = ? "
            "WHERE ap.plan_id = ? ORDER BY a.rowid",
            (sub["currency"], sub["plan_id"]),
        ).fetchall()
        for addon in rows:
            if addon["id"] in seen:
                continue
            seen.add(addon["id"])
            pool = defs.get(addon["pool_key"])
            out.append(
                {
                    "id": addon["id"],
                    "pool_key": addon["pool_key"],
                    "display_name": addon["display_name"],
                    "description": addon["description"],
                    "credit_qty": int(addon["credit_qty"]),
                    "expiry_type": addon["expiry_type"],
                    "expiry_days": addon["expiry_days"],
                    "currency": sub["currency"],
                    "amount": money_str(int(addon["price"])),
                    "current_balance": pool_total(conn, tenant_id, addon["pool_key"], now),
                    "pool_limit": None if pool is None else int(pool[0]["limit_per_period"]),
                }
            )
    return out


def active_addons(conn: sqlite3.Connection, tenant_id: str, now: datetime) -> list[dict[str, Any]]:
    """Unexpired add-on credit per pool; the counts are strings, as the real API sends them."""
    rows = conn.execute(
        f"SELECT pool_key, SUM(qty_remaining) AS left, COUNT(*) AS n, MIN(expires_at) AS nxt "
        f"FROM grants WHERE tenant_id = ? AND source_type = 'addon' AND qty_remaining > 0 "
        f"AND {_UNEXPIRED} GROUP BY pool_key ORDER BY pool_key",
        (tenant_id, iso(now)),
    ).fetchall()
    return [
        {
            "pool_key": r["pool_key"],
            "addon_remaining": str(int(r["left"])),
            "active_addon_grants": str(int(r["n"])),
            "next_addon_expiry": r["nxt"],
        }
        for r in rows
    ]


def ledger_dump(conn: sqlite3.Connection, tenant_id: str, pool_key: str | None) -> dict[str, Any]:
    """Grants and consumptions as stored, for the control plane."""
    where, args = "tenant_id = ?", [tenant_id]
    if pool_key:
        where, args = where + " AND pool_key = ?", [*args, pool_key]
    grants = conn.execute(f"SELECT * FROM grants WHERE {where} ORDER BY rowid", args).fetchall()
    cons = conn.execute(f"SELECT * FROM consumptions WHERE {where} ORDER BY rowid", args).fetchall()
    return {
        "grants": [
            {
                k: g[k]
                for k in (
                    "id",
                    "pool_key",
                    "source_type",
                    "source_id",
                    "subscription_id",
                    "qty_granted",
                    "qty_remaining",
                    "expires_at",
                    "created_at",
                )
            }
            for g in grants
        ],
        "consumptions": [
            {
                "id": c["id"],
                "pool_key": c["pool_key"],
                "idempotency_key": c["idempotency_key"],
                "amount": c["amount"],
                "result": c["result"],
                "remaining": c["remaining"],
                "metadata": from_json(c["metadata"]),
                "created_at": c["created_at"],
            }
            for c in cons
        ],
    }
