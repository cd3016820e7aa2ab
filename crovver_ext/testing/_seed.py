"""Seed data: the built-in demo organisations, loading a JSON/YAML seed file, and applying it.

Seed times are given relative to the clock's start (``periodStartDaysAgo``, ``canceledDaysAgo``)
so the same seed gives the same state whatever today's date is.
"""

from __future__ import annotations

import copy
import importlib
import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ._clock import iso, period_end
from ._ledger import grant_base
from ._store import new_id, to_json
from ._wire import parse_money

SECRET_KEY = "sk_test_local_secret_key"
PUBLIC_KEY = "pk_test_local_public_key"
D2C_SECRET_KEY = "sk_test_local_d2c_secret_key"
D2C_PUBLIC_KEY = "pk_test_local_d2c_public_key"

_AI_POOL = {
    "poolKey": "ai_generations",
    "displayName": "AI generations",
    "limitPerPeriod": 100,
    "refillBehavior": "reset",
    "rolloverCap": None,
    "limitBehavior": "hard",
    "featureKeys": ["ai_generations"],
}
_API_POOL = {
    "poolKey": "api_calls",
    "displayName": "API calls",
    "limitPerPeriod": 1000,
    "refillBehavior": "rollover",
    "rolloverCap": 2000,
    "limitBehavior": "soft",
    "featureKeys": ["api_access"],
}


def _member(tenant: str, name: str) -> dict[str, Any]:
    return {
        "externalUserId": f"user_{tenant}",
        "email": f"owner@{tenant.replace('_', '-')}.example",
        "name": name,
        "role": "owner",
    }


def _tenant(ext: str, name: str, owner: str, *subs: dict[str, Any]) -> dict[str, Any]:
    return {
        "externalTenantId": ext,
        "name": name,
        "members": [_member(ext, owner)],
        "subscriptions": list(subs),
    }


def _sub(sub_id: str, plan: str, status: str, days_ago: float, **extra: Any) -> dict[str, Any]:
    return {
        "id": sub_id,
        "planId": plan,
        "status": status,
        "currency": "USD",
        "billingMode": "recurring",
        "periodStartDaysAgo": days_ago,
        **extra,
    }


_DEFAULT_SEED: dict[str, Any] = {
    "organizations": [
        {
            "id": "org_demo",
            "name": "Demo Software Inc.",
            "type": "b2b",
            "secretKey": SECRET_KEY,
            "publicKey": PUBLIC_KEY,
            "paymentProviders": [{"id": "pp_stripe", "type": "stripe", "name": "Stripe", "isActive": True}],
            "products": [
                {"id": "prod_app", "name": "Demo App", "slug": "app", "description": "The demo application"},
                {
                    "id": "prod_reports",
                    "name": "Reports",
                    "slug": "reports",
                    "description": "Scheduled reporting",
                },
            ],
            "plans": [
                {
                    "id": "plan_free",
                    "productId": "prod_app",
                    "name": "Free",
                    "description": "For trying things out",
                    "interval": "monthly",
                    "prices": [{"currency": "USD", "amount": "0.00"}],
                    "features": {
                        "basic_dashboard": True,
                        "api_access": False,
                        "advanced_analytics": False,
                        "sso": False,
                    },
                    "limits": {"projects": 1, "api_calls": 100},
                    "creditPools": [],
                },
                {
                    "id": "plan_pro",
                    "productId": "prod_app",
                    "name": "Pro",
                    "description": "For growing teams",
                    "interval": "monthly",
                    "trialDays": 14,
                    "prices": [
                        {"currency": "USD", "amount": "29.00"},
                        {"currency": "EUR", "amount": "27.00"},
                    ],
                    "features": {
                        "advanced_analytics": True,
                        "api_access": True,
                        "ai_generations": True,
                        "sso": False,
                    },
                    "limits": {"projects": 10, "api_calls": 1000},
                    "creditPools": [_AI_POOL, _API_POOL],
                },
                {
                    "id": "plan_business",
                    "productId": "prod_app",
                    "name": "Business",
                    "description": "Per-seat pricing for larger teams",
                    "interval": "monthly",
                    "prices": [{"currency": "USD", "amount": "99.00"}],
                    "seats": {
                        "basePrice": "99.00",
                        "includedSeats": 5,
                        "perSeatPrice": "10.00",
                        "minSeats": 1,
                        "maxSeats": 100,
                    },
                    "features": {
                        "advanced_analytics": True,
                        "api_access": True,
                        "ai_generations": True,
                        "sso": True,
                    },
                    "limits": {"projects": None, "api_calls": 10000},
                    "creditPools": [
                        {**_AI_POOL, "limitPerPeriod": 500},
                        {**_API_POOL, "limitPerPeriod": 10000, "rolloverCap": None},
                    ],
                },
                {
                    "id": "plan_reports",
                    "productId": "prod_reports",
                    "name": "Reports Basic",
                    "description": "Weekly scheduled reports",
                    "interval": "monthly",
                    "prices": [{"currency": "USD", "amount": "9.00"}],
                    "features": {"scheduled_reports": True, "export_pdf": True},
                    "limits": {"reports": 50},
                    "creditPools": [],
                },
            ],
            "addons": [
                {
                    "id": "addon_ai_500",
                    "poolKey": "ai_generations",
                    "displayName": "500 AI generations",
                    "description": "A pack of 500 extra AI generations",
                    "creditQty": 500,
                    "expiryType": "period",
                    "prices": {"USD": "5.00", "EUR": "4.50"},
                    "planIds": ["plan_pro", "plan_business"],
                },
                {
                    "id": "addon_api_free",
                    "poolKey": "api_calls",
                    "displayName": "100 bonus API calls",
                    "description": "Free API calls, valid for 30 days",
                    "creditQty": 100,
                    "expiryType": "days",
                    "expiryDays": 30,
                    "prices": {"USD": "0.00", "EUR": "0.00"},
                    "planIds": ["plan_pro", "plan_business"],
                },
            ],
            "tenants": [
                _tenant(
                    "ws_active",
                    "Active Workspace",
                    "Ada Active",
                    _sub("sub_ws_active", "plan_pro", "active", 10),
                ),
                _tenant(
                    "ws_trial", "Trial Workspace", "Tara Trial", _sub("sub_ws_trial", "plan_pro", "trial", 3)
                ),
                _tenant(
                    "ws_past_due",
                    "Past Due Workspace",
                    "Pat Pastdue",
                    _sub("sub_ws_past_due", "plan_pro", "past_due", 40),
                ),
                _tenant(
                    "ws_canceled",
                    "Canceled Workspace",
                    "Cal Canceled",
                    _sub("sub_ws_canceled", "plan_pro", "canceled", 45, canceledDaysAgo=14),
                ),
                _tenant(
                    "ws_pending_cancel",
                    "Pending Cancel Workspace",
                    "Penny Pending",
                    _sub("sub_ws_pending_cancel", "plan_pro", "pending_cancel", 20, canceledDaysAgo=2),
                ),
                _tenant("ws_none", "No Subscription Workspace", "Nora None"),
                _tenant(
                    "ws_manual",
                    "Manual Billing Workspace",
                    "Manny Manual",
                    _sub("sub_ws_manual", "plan_pro", "active", 5, billingMode="manual"),
                ),
                {
                    **_tenant(
                        "ws_business",
                        "Business Workspace",
                        "Bea Business",
                        _sub("sub_ws_business", "plan_business", "active", 12, capacityUnits=5),
                        _sub("sub_ws_business_reports", "plan_reports", "active", 12),
                    ),
                    "allocations": [
                        {
                            "externalUserId": "user_ws_business",
                            "email": "owner@ws-business.example",
                            "name": "Bea Business",
                        },
                        {
                            "externalUserId": "user_ws_business_2",
                            "email": "second@ws-business.example",
                            "name": "Ben Second",
                        },
                        {
                            "externalUserId": "user_ws_business_3",
                            "email": "third@ws-business.example",
                            "name": "Bo Third",
                        },
                        {
                            "externalUserId": "user_ws_business_left",
                            "email": "left@ws-business.example",
                            "name": "Lee Left",
                            "status": "removed",
                        },
                    ],
                },
                _tenant(
                    "ws_eur",
                    "Euro Workspace",
                    "Eve Euro",
                    _sub("sub_ws_eur", "plan_pro", "active", 8, currency="EUR"),
                ),
            ],
        },
        {
            "id": "org_d2c",
            "name": "Demo Consumer Co.",
            "type": "d2c",
            "secretKey": D2C_SECRET_KEY,
            "publicKey": D2C_PUBLIC_KEY,
            "paymentProviders": [
                {"id": "pp_stripe_d2c", "type": "stripe", "name": "Stripe", "isActive": True}
            ],
            "products": [
                {
                    "id": "prod_d2c",
                    "name": "Consumer App",
                    "slug": "consumer",
                    "description": "A consumer subscription",
                }
            ],
            "plans": [
                {
                    "id": "plan_d2c_plus",
                    "productId": "prod_d2c",
                    "name": "Plus",
                    "description": "Everything, for one person",
                    "interval": "monthly",
                    "prices": [{"currency": "USD", "amount": "4.99"}],
                    "features": {"premium": True, "ai_generations": True},
                    "limits": {},
                    "creditPools": [{**_AI_POOL, "limitPerPeriod": 10}],
                }
            ],
            "addons": [],
            "tenants": [],
        },
    ]
}


def default_seed() -> dict[str, Any]:
    """A deep copy of the built-in seed (edit it, dump it to JSON, pass it back as ``seed=``)."""
    return copy.deepcopy(_DEFAULT_SEED)


def load_seed(seed: str | Path | dict[str, Any] | None) -> dict[str, Any]:
    """Resolve ``seed=``: ``None`` (built-in), a dict, or a ``.json``/``.yaml``/``.yml`` file."""
    if seed is None:
        return default_seed()
    if isinstance(seed, dict):
        return copy.deepcopy(seed)
    path = Path(seed)
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            # PyYAML is optional (only YAML seeds need it), and its stubs are not a dependency.
            yaml = importlib.import_module("yaml")
        except ImportError as exc:
            raise RuntimeError(f"reading the YAML seed {path} needs PyYAML: pip install pyyaml") from exc
        data = yaml.safe_load(text)
    else:
        data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"seed {path}: the top level must be an object")
    return data


# --- applying ------------------------------------------------------------------------------


class _Obj:
    """Typed reads from one seed object, with errors that say where the problem is."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise ValueError(f"seed: {where} must be an object")
        self.data: dict[str, Any] = data
        self.where = where

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        if key not in self.data or self.data[key] is None:
            if default is ...:
                raise ValueError(f"seed: {self.where}.{key} is required")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            raise ValueError(f"seed: {self.where}.{key} has the wrong type")
        return value

    def items(self, key: str) -> list[_Obj]:
        values = self.get(key, list, [])
        return [_Obj(v, f"{self.where}.{key}[{i}]") for i, v in enumerate(values)]


def apply_seed(conn: sqlite3.Connection, seed: dict[str, Any], now: datetime) -> None:
    """Insert ``seed`` into an empty schema, with times relative to ``now``."""
    root = _Obj(seed, "seed")
    for org in root.items("organizations"):
        _apply_org(conn, org, now)


def _apply_org(conn: sqlite3.Connection, org: _Obj, now: datetime) -> None:
    org_id = org.get("id", str)
    kind = org.get("type", str, "b2b")
    if kind not in ("b2b", "d2c"):
        raise ValueError(f"seed: {org.where}.type must be b2b or d2c")
    created = iso(now - timedelta(days=365))
    providers = org.items("paymentProviders")
    conn.execute(
        "INSERT INTO orgs VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            org_id,
            org.get("name", str),
            kind,
            org.get("secretKey", str),
            org.get("publicKey", str),
            providers[0].get("type", str) if providers else "stripe",
            created,
        ),
    )
    for p in providers:
        conn.execute(
            "INSERT INTO providers VALUES (?, ?, ?, ?, ?)",
            (
                org_id,
                p.get("id", str),
                p.get("type", str),
                p.get("name", str),
                int(p.get("isActive", bool, True)),
            ),
        )
    for prod in org.items("products"):
        conn.execute(
            "INSERT INTO products VALUES (?, ?, ?, ?, ?)",
            (
                prod.get("id", str),
                org_id,
                prod.get("name", str),
                prod.get("slug", str),
                prod.get("description", str, None),
            ),
        )
    plan_created = iso(now - timedelta(days=180))
    for plan in org.items("plans"):
        _apply_plan(conn, org_id, plan, plan_created)
    for addon in org.items("addons"):
        _apply_addon(conn, org_id, addon)
    for tenant in org.items("tenants"):
        _apply_tenant(conn, org_id, tenant, now)


def _apply_plan(conn: sqlite3.Connection, org_id: str, plan: _Obj, created: str) -> None:
    plan_id = plan.get("id", str)
    interval = plan.get("interval", str, "monthly")
    if interval not in ("monthly", "yearly", "one_time"):
        raise ValueError(f"seed: {plan.where}.interval must be monthly, yearly or one_time")
    seats = (
        _Obj(plan.get("seats", dict), plan.where + ".seats")
        if "seats" in plan.data and plan.data["seats"] is not None
        else None
    )
    conn.execute(
        "INSERT INTO plans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            plan_id,
            org_id,
            plan.get("productId", str),
            plan.get("name", str),
            plan.get("description", str, None),
            interval,
            plan.get("trialDays", int, 0),
            to_json(plan.get("features", dict, {})),
            to_json(plan.get("limits", dict, {})),
            int(seats is not None),
            seats.get("includedSeats", int, 0) if seats else None,
            seats.get("minSeats", int, 1) if seats else None,
            seats.get("maxSeats", int, None) if seats else None,
            created,
            created,
        ),
    )
    prices = plan.items("prices")
    if not prices:
        raise ValueError(f"seed: {plan.where}.prices needs at least one currency")
    for price in prices:
        amount = parse_money(price.get("amount", (int, float, str)), price.where)
        base = per_seat = None
        if seats is not None:
            base = parse_money(seats.get("basePrice", (int, float, str), amount), seats.where)
            per_seat = parse_money(seats.get("perSeatPrice", (int, float, str)), seats.where)
            amount = base
        conn.execute(
            "INSERT INTO plan_prices VALUES (?, ?, ?, ?, ?)",
            (plan_id, price.get("currency", str).upper(), amount, base, per_seat),
        )
    for pool in plan.items("creditPools"):
        refill = pool.get("refillBehavior", str, "reset")
        behavior = pool.get("limitBehavior", str, "hard")
        if refill not in ("reset", "rollover") or behavior not in ("hard", "soft"):
            raise ValueError(f"seed: {pool.where}: refillBehavior reset|rollover, limitBehavior hard|soft")
        conn.execute(
            "INSERT INTO pools VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                plan_id,
                pool.get("poolKey", str),
                pool.get("displayName", str),
                pool.get("limitPerPeriod", int),
                refill,
                pool.get("rolloverCap", int, None),
                behavior,
                to_json(pool.get("featureKeys", list, [])),
            ),
        )


def _apply_addon(conn: sqlite3.Connection, org_id: str, addon: _Obj) -> None:
    addon_id = addon.get("id", str)
    expiry = addon.get("expiryType", str, "never")
    if expiry not in ("period", "period_end", "days", "never"):
        raise ValueError(f"seed: {addon.where}.expiryType must be period|period_end|days|never")
    days = addon.get("expiryDays", int, None)
    if expiry == "days" and days is None:
        raise ValueError(f"seed: {addon.where}.expiryDays is required for expiryType days")
    conn.execute(
        "INSERT INTO addons VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            addon_id,
            org_id,
            addon.get("poolKey", str),
            addon.get("displayName", str),
            addon.get("description", str, None),
            addon.get("creditQty", int),
            expiry,
            days,
        ),
    )
    for currency, amount in addon.get("prices", dict).items():
        conn.execute(
            "INSERT INTO addon_prices VALUES (?, ?, ?)",
            (addon_id, str(currency).upper(), parse_money(amount, addon.where + ".prices")),
        )
    for plan_id in addon.get("planIds", list, []):
        conn.execute("INSERT INTO addon_plans VALUES (?, ?)", (addon_id, str(plan_id)))


def _apply_tenant(conn: sqlite3.Connection, org_id: str, tenant: _Obj, now: datetime) -> None:
    ext = tenant.get("externalTenantId", str)
    tenant_id = new_id("ten")
    name = tenant.get("name", str)
    created = iso(now - timedelta(days=tenant.get("createdDaysAgo", (int, float), 60)))
    conn.execute(
        "INSERT INTO tenants VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
        (
            tenant_id,
            org_id,
            ext,
            name,
            tenant.get("slug", str, ext.replace("_", "-")),
            to_json(tenant.get("metadata", dict, {})),
            created,
            created,
        ),
    )
    for member in tenant.items("members"):
        user_ext = member.get("externalUserId", str)
        row = conn.execute(
            "SELECT id FROM users WHERE org_id = ? AND external_id = ?", (org_id, user_ext)
        ).fetchone()
        user_id = str(row[0]) if row else new_id("usr")
        if row is None:
            conn.execute(
                "INSERT INTO users VALUES (?, ?, ?, ?, ?)",
                (user_id, org_id, user_ext, member.get("email", str, None), member.get("name", str, None)),
            )
        conn.execute(
            "INSERT INTO memberships VALUES (?, ?, ?, ?)",
            (tenant_id, user_id, member.get("role", str, "member"), created),
        )
    seat_sub: str | None = None
    for sub in tenant.items("subscriptions"):
        sub_id = _apply_subscription(conn, org_id, tenant_id, sub, now)
        if sub.get("capacityUnits", int, None) is not None and seat_sub is None:
            seat_sub = sub_id
    allocations = tenant.items("allocations")
    if allocations and seat_sub is None:
        raise ValueError(f"seed: {tenant.where}.allocations need a seat-based subscription")
    for alloc in allocations:
        status = alloc.get("status", str, "active")
        conn.execute(
            "INSERT INTO allocations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seat_sub,
                alloc.get("externalUserId", str),
                alloc.get("email", str, None),
                alloc.get("name", str, None),
                status,
                created,
                iso(now - timedelta(days=1)) if status == "removed" else None,
                None,
            ),
        )


def _apply_subscription(
    conn: sqlite3.Connection, org_id: str, tenant_id: str, sub: _Obj, now: datetime
) -> str:
    sub_id = str(sub.get("id", str))
    plan = conn.execute("SELECT * FROM plans WHERE id = ?", (sub.get("planId", str),)).fetchone()
    if plan is None:
        raise ValueError(f"seed: {sub.where}.planId names no plan")
    status = sub.get("status", str)
    start = now - timedelta(days=sub.get("periodStartDaysAgo", (int, float), 0))
    trial_end = None
    if status == "trial":
        trial_end = start + timedelta(days=max(1, plan["trial_days"]))
        end: datetime | None = trial_end
    else:
        end = period_end(start, plan["interval"])
    canceled_days = sub.get("canceledDaysAgo", (int, float), None)
    canceled = None if canceled_days is None else iso(now - timedelta(days=canceled_days))
    conn.execute(
        "INSERT INTO subscriptions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sub_id,
            org_id,
            tenant_id,
            plan["id"],
            plan["product_id"],
            status,
            sub.get("currency", str, "USD").upper(),
            sub.get("billingMode", str, "recurring"),
            "stripe",
            f"prov_{sub_id}",
            sub.get("capacityUnits", int, None),
            iso(start),
            None if end is None else iso(end),
            None if trial_end is None else iso(trial_end),
            canceled,
            "seeded" if canceled else None,
            None,
            to_json({}),
            iso(start),
            canceled or iso(start),
        ),
    )
    if status in ("active", "trial", "pending_cancel"):
        grant_base(conn, sub_id, start)
    return sub_id
