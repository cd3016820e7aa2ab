"""Endpoints: tenants, plans, providers, subscriptions, entitlements and the deprecated usage API."""

from __future__ import annotations

import json
import re
from typing import Any

from ._clock import days_between, iso, parse_iso
from ._ledger import pool_total
from ._lifecycle import cancel
from ._model import (
    access_subscriptions,
    current_subscription,
    find_tenant,
    first_price,
    get,
    grants_access,
    org_summary,
    plan_price,
    pools,
    product_by_slug,
    tenant_by_ext,
    tenant_wire,
)
from ._routing import Ctx, Reply
from ._store import Row, from_json, new_id, to_json
from ._wire import ApiError, money_number, money_str, not_found, percent

# --- tenants -------------------------------------------------------------------------------


def create_tenant(ctx: Ctx) -> Reply:
    """``POST /api/public/tenants``."""
    if ctx.org["type"] != "b2b":
        raise ApiError(
            403,
            "FORBIDDEN",
            "Tenant creation is only available for B2B organizations; D2C tenants are created at checkout",
            string_form=True,
        )
    b = ctx.body
    b.require("externalTenantId", "name", "externalUserId")
    ext, name, user_ext = b.req_str("externalTenantId"), b.req_str("name"), b.req_str("externalUserId")
    email, owner_name = b.opt_str("ownerEmail"), b.opt_str("ownerName")
    slug = b.opt_str("slug") or _slugify(name) or _slugify(ext) or "tenant"
    metadata = b.opt_obj("metadata")
    if find_tenant(ctx.conn, ctx.org_id, ext) is not None:
        raise ApiError(
            409, "CONFLICT", f"Tenant with externalTenantId '{ext}' already exists", string_form=True
        )
    clash = ctx.conn.execute(
        "SELECT 1 FROM tenants WHERE org_id = ? AND slug = ?", (ctx.org_id, slug)
    ).fetchone()
    if clash is not None:
        raise ApiError(409, "CONFLICT", f"Tenant with slug '{slug}' already exists", string_form=True)
    now = iso(ctx.now)
    tenant_id = new_id("ten")
    ctx.conn.execute(
        "INSERT INTO tenants VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
        (tenant_id, ctx.org_id, ext, name, slug, to_json(metadata or {}), now, now),
    )
    user = _ensure_user(ctx, user_ext, email, owner_name)
    ctx.conn.execute("INSERT INTO memberships VALUES (?, ?, 'owner', ?)", (tenant_id, user["id"], now))
    return Reply(
        {
            "tenant": tenant_wire(get(ctx.conn, "tenants", tenant_id)),
            "owner": {
                "id": user["id"],
                "externalUserId": user["external_id"],
                "email": user["email"],
                "name": user["name"],
            },
            "message": "Tenant created successfully",
        },
        status=201,
    )


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64]


def _ensure_user(ctx: Ctx, external_id: str, email: str | None, name: str | None) -> Row:
    row: Row | None = ctx.conn.execute(
        "SELECT * FROM users WHERE org_id = ? AND external_id = ?", (ctx.org_id, external_id)
    ).fetchone()
    if row is not None:
        return row
    user_id = new_id("usr")
    ctx.conn.execute(
        "INSERT INTO users VALUES (?, ?, ?, ?, ?)", (user_id, ctx.org_id, external_id, email, name)
    )
    return get(ctx.conn, "users", user_id)


def get_tenants(ctx: Ctx) -> Reply:
    """``GET /api/public/tenants`` in its three modes."""
    tenant_ext = ctx.query.opt_str("externalTenantId")
    if tenant_ext is not None:
        tenant = tenant_by_ext(ctx.conn, ctx.org_id, tenant_ext)
        members = ctx.conn.execute(
            "SELECT u.*, m.role FROM memberships m JOIN users u ON u.id = m.user_id "
            "WHERE m.tenant_id = ? ORDER BY m.rowid",
            (tenant["id"],),
        ).fetchall()
        return Reply(
            {
                "tenant": tenant_wire(tenant),
                "members": [
                    {
                        "externalUserId": m["external_id"],
                        "email": m["email"],
                        "name": m["name"],
                        "role": m["role"],
                    }
                    for m in members
                ],
                "organization": org_summary(ctx.org),
            }
        )
    user_ext = ctx.query.opt_str("externalUserId")
    if user_ext is not None:
        rows = ctx.conn.execute(
            "SELECT t.* FROM tenants t JOIN memberships m ON m.tenant_id = t.id "
            "JOIN users u ON u.id = m.user_id WHERE t.org_id = ? AND u.external_id = ? "
            "ORDER BY t.rowid",
            (ctx.org_id, user_ext),
        ).fetchall()
    else:
        rows = ctx.conn.execute(
            "SELECT * FROM tenants WHERE org_id = ? ORDER BY rowid", (ctx.org_id,)
        ).fetchall()
    return Reply({"tenants": [tenant_wire(t) for t in rows], "count": len(rows)})


# --- plans and providers -------------------------------------------------------------------


def pricing_wire(ctx: Ctx, plan: Row, currency: str | None = None) -> dict[str, Any]:
    """The plan's ``pricing`` object (JSON numbers) in ``currency`` or its default currency."""
    price = (plan_price(ctx.conn, plan["id"], currency) if currency else None) or first_price(
        ctx.conn, plan["id"]
    )
    seat = bool(plan["is_seat_based"])
    return {
        "currency": price["currency"],
        "interval": plan["interval"],
        "isSeatBased": seat,
        "amount": money_number(int(price["amount"])),
        "basePrice": money_number(int(price["base_price"])) if seat else None,
        "includedSeats": plan["included_seats"] if seat else None,
        "perSeatPrice": money_number(int(price["per_seat_price"])) if seat else None,
        "minSeats": plan["min_seats"] if seat else None,
        "maxSeats": plan["max_seats"] if seat else None,
    }


def providers_wire(ctx: Ctx) -> list[dict[str, Any]]:
    """The org's payment providers (snake_case, as the API sends them)."""
    rows = ctx.conn.execute(
        "SELECT * FROM providers WHERE org_id = ? ORDER BY rowid", (ctx.org_id,)
    ).fetchall()
    return [
        {
            "provider_id": r["id"],
            "provider_type": r["type"],
            "provider_name": r["name"],
            "is_active": bool(r["is_active"]),
        }
        for r in rows
    ]


def plan_wire(ctx: Ctx, plan: Row) -> dict[str, Any]:
    """A plan as ``GET /api/public/plans`` lists it."""
    prices = ctx.conn.execute(
        "SELECT * FROM plan_prices WHERE plan_id = ? ORDER BY rowid", (plan["id"],)
    ).fetchall()
    product = get(ctx.conn, "products", plan["product_id"])
    seat = bool(plan["is_seat_based"])
    providers = providers_wire(ctx)
    return {
        "id": plan["id"],
        "name": plan["name"],
        "description": plan["description"],
        "pricing": pricing_wire(ctx, plan),
        "prices": [
            {
                "currency": p["currency"],
                "amount": money_str(int(p["amount"])),
                "basePrice": money_str(int(p["base_price"])) if seat else None,
                "perSeatPrice": money_str(int(p["per_seat_price"])) if seat else None,
            }
            for p in prices
        ],
        "trial": {"days": int(plan["trial_days"]), "available": plan["trial_days"] > 0},
        "features": from_json(plan["features"]),
        "limits": from_json(plan["limits"]),
        "creditPools": [
            {
                "poolKey": p["pool_key"],
                "displayName": p["display_name"],
                "limitPerPeriod": int(p["limit_per_period"]),
                "refillBehavior": p["refill_behavior"],
                "rolloverCap": p["rollover_cap"],
                "limitBehavior": p["limit_behavior"],
            }
            for p in pools(ctx.conn, plan["id"])
        ],
        "product": _product_wire(product),
        # Both spellings: crovver-node's Plan declares both, crovver-php's Plan reads payment_providers.
        "paymentProviders": providers,
        "payment_providers": providers,
        "isFree": all(int(p["amount"]) == 0 for p in prices),
        "isSeatBased": seat,
        "test_mode": True,
        "createdAt": plan["created_at"],
        "updatedAt": plan["updated_at"],
        "created_at": plan["created_at"],  # crovver-node and crovver-php read the snake_case pair
        "updated_at": plan["updated_at"],
    }


def _product_wire(product: Row) -> dict[str, Any]:
    return {
        "id": product["id"],
        "name": product["name"],
        "description": product["description"],
        "slug": product["slug"],
    }


def list_plans(ctx: Ctx) -> Reply:
    """``GET /api/public/plans``."""
    plans = ctx.conn.execute("SELECT * FROM plans WHERE org_id = ? ORDER BY rowid", (ctx.org_id,)).fetchall()
    return Reply({"plans": [plan_wire(ctx, p) for p in plans], "organization": org_summary(ctx.org)})


_PROVIDERS = [
    (
        "stripe",
        "Stripe",
        "Cards and wallets worldwide",
        True,
        ["subscriptions", "one_time", "refunds", "customer_portal"],
    ),
    ("khalti", "Khalti", "Digital wallet for Nepal", False, ["one_time"]),
    ("esewa", "eSewa", "Digital wallet for Nepal", False, ["one_time"]),
]


def supported_providers(ctx: Ctx) -> Reply:
    """``GET /api/public/supported-providers``."""
    return Reply(
        {
            "providers": [
                {
                    "id": f"provider_{code}",
                    "code": code,
                    "name": name,
                    "description": description,
                    "logoUrl": f"https://assets.crovver.com/providers/{code}.svg",
                    "isEnabled": True,
                    "supportsRecurringBilling": recurring,
                    "supportsWebhooks": True,
                    "supportsTestMode": True,
                    "capabilities": caps,
                }
                for code, name, description, recurring, caps in _PROVIDERS
            ]
        }
    )


# --- subscriptions -------------------------------------------------------------------------


def _subscription_item(ctx: Ctx, sub: Row) -> dict[str, Any]:
    plan = get(ctx.conn, "plans", sub["plan_id"])
    product = get(ctx.conn, "products", sub["product_id"])
    status = sub["status"]
    in_trial = status == "trial"
    trial_end = sub["trial_ends_at"]
    billing_on = status in ("active", "trial")
    item: dict[str, Any] = {
        "id": sub["id"],
        "status": status,
        "provider_subscription_id": sub["provider_subscription_id"],
        "billing": {
            "current_period_start": sub["current_period_start"],
            "current_period_end": sub["current_period_end"],
            "next_billing_date": sub["current_period_end"] if billing_on else None,
        },
        "trial": {
            "is_active": in_trial,
            "ends_at": trial_end,
            "days_remaining": days_between(ctx.now, parse_iso(trial_end)) if in_trial and trial_end else None,
        },
        "cancellation": {
            "is_canceled": status in ("canceled", "pending_cancel"),
            "canceled_at": sub["canceled_at"],
            "will_end_at": sub["current_period_end"] if status == "pending_cancel" else None,
        },
        "plan": {
            "id": plan["id"],
            "name": plan["name"],
            "description": plan["description"],
            "pricing": pricing_wire(ctx, plan, sub["currency"]),
            "features": from_json(plan["features"]),
            "limits": from_json(plan["limits"]),
        },
        "product": _product_wire(product),
        "payment_providers": providers_wire(ctx),
        "capacity": {"units": sub["capacity_units"], "billing_mode": sub["billing_mode"]}
        if plan["is_seat_based"] and sub["capacity_units"] is not None
        else None,
        "metadata": from_json(sub["metadata"]),
        "created_at": sub["created_at"],
        "updated_at": sub["updated_at"],
    }
    return item


def list_subscriptions(ctx: Ctx) -> Reply:
    """``GET /api/public/subscriptions?requestingEntityId=``."""
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, ctx.query.req_str("requestingEntityId"))
    subs = ctx.conn.execute(
        "SELECT * FROM subscriptions WHERE tenant_id = ? ORDER BY rowid DESC", (tenant["id"],)
    ).fetchall()
    return Reply(
        {
            "subscriptions": [_subscription_item(ctx, s) for s in subs],
            "tenant": {
                "id": tenant["id"],
                "external_tenant_id": tenant["external_id"],
                "name": tenant["name"],
                "slug": tenant["slug"],
                "metadata": from_json(tenant["metadata"]),
            },
            "organization": org_summary(ctx.org),
        }
    )


def _product_filter(ctx: Ctx, slug: str | None) -> tuple[bool, str | None]:
    """``(known, product_id)`` for an optional product slug."""
    if slug is None:
        return True, None
    product = product_by_slug(ctx.conn, ctx.org_id, slug)
    return (product is not None), (None if product is None else str(product["id"]))


def subscription_status(ctx: Ctx) -> Reply:
    """``GET /api/public/subscriptions/status?tenantId=&productSlug=``."""
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, ctx.query.req_str("tenantId"))
    known, product_id = _product_filter(ctx, ctx.query.opt_str("productSlug"))
    sub = current_subscription(ctx.conn, tenant["id"], product_id) if known else None
    tenant_obj = {"id": tenant["id"], "name": tenant["name"], "isActive": bool(tenant["is_active"])}
    if sub is None:
        return Reply(
            {"active": False, "status": "none", "tenant": tenant_obj, "subscription": None, "plan": None}
        )
    plan = get(ctx.conn, "plans", sub["plan_id"])
    product = get(ctx.conn, "products", plan["product_id"])
    seat = bool(plan["is_seat_based"])
    used = ctx.conn.execute(
        "SELECT COUNT(*) FROM allocations WHERE subscription_id = ? AND status = 'active'",
        (sub["id"],),
    ).fetchone()[0]
    return Reply(
        {
            "active": grants_access(sub, ctx.now),
            "status": sub["status"],
            "tenant": tenant_obj,
            "subscription": {
                "id": sub["id"],
                "status": sub["status"],
                "trialEndsAt": sub["trial_ends_at"],
                "currentPeriodStart": sub["current_period_start"],
                "currentPeriodEnd": sub["current_period_end"],
                "capacityUnits": sub["capacity_units"] if seat else None,
                "usedCapacity": int(used) if seat else None,
            },
            "plan": {
                "id": plan["id"],
                "name": plan["name"],
                "productId": product["id"],
                "productName": product["name"],
                "productSlug": product["slug"],
                "billingInterval": plan["interval"],
                "features": [k for k, v in from_json(plan["features"]).items() if v],
                "limits": from_json(plan["limits"]),
            },
        }
    )


def cancel_subscription(ctx: Ctx) -> Reply:
    """``POST /api/public/subscriptions/{subscriptionId}/cancel``."""
    b = ctx.body
    b.require("externalTenantId", "reason")
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("externalTenantId"))
    reason, feedback = b.req_str("reason"), b.opt_str("feedback")
    sub = ctx.conn.execute(
        "SELECT * FROM subscriptions WHERE id = ? AND org_id = ?", (ctx.params[0], ctx.org_id)
    ).fetchone()
    if sub is None or sub["tenant_id"] != tenant["id"]:
        raise not_found("SUBSCRIPTION_NOT_FOUND", f"Subscription '{ctx.params[0]}' not found for this tenant")
    return Reply(cancel(ctx.conn, sub, reason, feedback, ctx.now, ctx.events))


# --- entitlements --------------------------------------------------------------------------


def can_access(ctx: Ctx) -> Reply:
    """``POST /api/public/can-access`` (and its GET form).

    A credit-backed feature (one named in a pool's ``featureKeys``) also reports
    ``credits {available, sufficient}`` for ``amount``; a hard pool denies access when the
    credits do not suffice, a soft pool never does.
    """
    f = ctx.body if ctx.body.values or not ctx.query.values else ctx.query
    f.require("requestingEntityId")
    tenant_ext = f.req_str("requestingEntityId")
    feature, slug = f.opt_str("featureKey"), f.opt_str("productSlug")
    if feature is None and slug is None:
        raise ApiError(400, "MISSING_REQUIRED_FIELDS", "Provide featureKey or productSlug (or both)")
    amount = f.opt_int("amount") or 0
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, tenant_ext)
    known, product_id = _product_filter(ctx, slug)
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now, product_id) if known else []
    out: dict[str, Any] = {"canAccess": False}
    if feature is not None:
        out["featureKey"] = feature
    if slug is not None:
        out["productSlug"] = slug
    out["requestingEntityId"] = tenant_ext
    if feature is None:
        out["canAccess"] = bool(subs)
        return Reply(out)
    for sub in subs:
        plan = get(ctx.conn, "plans", sub["plan_id"])
        if not from_json(plan["features"]).get(feature):
            continue
        out["canAccess"] = True
        pool = next(
            (p for p in pools(ctx.conn, plan["id"]) if feature in json.loads(p["feature_keys"])), None
        )
        if pool is not None:
            available = pool_total(ctx.conn, tenant["id"], pool["pool_key"], ctx.now)
            sufficient = available >= amount
            out["credits"] = {"available": available, "sufficient": sufficient}
            out["canAccess"] = sufficient or pool["limit_behavior"] == "soft"
        break
    return Reply(out)


# --- usage (deprecated) --------------------------------------------------------------------


def record_usage(ctx: Ctx) -> Reply:
    """``POST /api/public/record-usage`` (deprecated): append to a plain event log."""
    b = ctx.body
    b.require("requestingEntityId", "metric")
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("requestingEntityId"))
    metric = b.req_str("metric")
    value = b.opt_int("value")
    value = 1 if value is None else value
    ctx.conn.execute(
        "INSERT INTO usage_events VALUES (?, ?, ?, ?, ?)",
        (tenant["id"], metric, value, to_json(b.opt_obj("metadata")), iso(ctx.now)),
    )
    return Reply(
        {"message": "Usage recorded successfully", "metric": metric, "recordedValue": value}, status=201
    )


def check_usage_limit(ctx: Ctx) -> Reply:
    """``POST /api/public/check-usage-limit`` (deprecated): usage this period vs plan limits."""
    b = ctx.body
    b.require("requestingEntityId", "metric")
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("requestingEntityId"))
    metric = b.req_str("metric")
    known, product_id = _product_filter(ctx, b.opt_str("productSlug"))
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now, product_id) if known else []
    if not subs:
        raise not_found("NO_ACTIVE_SUBSCRIPTION", "No active subscription found for tenant")
    sub = subs[0]
    limits = from_json(get(ctx.conn, "plans", sub["plan_id"])["limits"])
    raw = ctx.conn.execute(
        "SELECT COALESCE(SUM(value), 0) FROM usage_events WHERE tenant_id = ? AND metric = ? "
        "AND created_at >= ?",
        (tenant["id"], metric, sub["current_period_start"]),
    ).fetchone()[0]
    current = int(raw)
    limit = limits.get(metric)
    if not isinstance(limit, int) or isinstance(limit, bool):
        return Reply(
            {
                "allowed": True,
                "current": current,
                "limit": None,
                "remaining": None,
                "percentage": None,
                "metric": metric,
            }
        )
    return Reply(
        {
            "allowed": current < limit,
            "current": current,
            "limit": limit,
            "remaining": max(0, limit - current),
            "percentage": percent(current, limit),
            "metric": metric,
        }
    )
