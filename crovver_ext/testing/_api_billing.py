"""Endpoints: credits, add-ons, checkout, invoices and the browser-redirect tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from ._clock import iso
from ._ledger import (
    active_addons,
    available_addons,
    balance,
    consume,
    find_consumption,
    grant_addon,
    pool_definitions,
    replay,
)
from ._lifecycle import checkout_url, create_session, emit
from ._model import (
    access_subscriptions,
    find_tenant,
    first_price,
    get,
    plan_by_id,
    plan_price,
    seat_total,
    tenant_by_ext,
)
from ._routing import Ctx, Reply
from ._store import Row, new_id, to_json
from ._wire import ApiError, invalid, missing, money_str, not_found

TOKEN_TTL = 3600

# --- credits -------------------------------------------------------------------------------


def credit_balance(ctx: Ctx) -> Reply:
    """``GET /api/public/credits/balance?tenantId=``: keyed by pool, ``{}`` without a plan."""
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, ctx.query.req_str("tenantId"))
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now)
    return Reply(balance(ctx.conn, tenant["id"], subs, ctx.now))


def consume_credits(ctx: Ctx) -> Reply:
    """``POST /api/public/credits/consume``: FIFO, hard/soft pools, idempotent per org key."""
    b = ctx.body
    b.require("tenantId", "poolKey", "amount", "idempotencyKey")
    tenant_ext, pool_key = b.req_str("tenantId"), b.req_str("poolKey")
    key = b.req_str("idempotencyKey")
    amount = b.req_int("amount", minimum=1)
    metadata = b.opt_obj("metadata")
    prior = find_consumption(ctx.conn, ctx.org_id, key)
    if prior is not None:
        if (prior["request_tenant"], prior["pool_key"], prior["amount"]) != (tenant_ext, pool_key, amount):
            raise _key_reused(key)
        return Reply(replay(prior))
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, tenant_ext)
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now)
    if not subs:
        raise ApiError(402, "NO_SUBSCRIPTION", "Tenant has no active subscription")
    found = pool_definitions(ctx.conn, subs).get(pool_key)
    if found is None:
        raise not_found("POOL_NOT_FOUND", f"Credit pool '{pool_key}' is not on the tenant's plan")
    return Reply(
        consume(
            ctx.conn,
            org_id=ctx.org_id,
            tenant=tenant,
            pool=found[0],
            amount=amount,
            key=key,
            metadata=metadata,
            now=ctx.now,
        )
    )


def _key_reused(key: str) -> ApiError:
    return ApiError(
        409, "IDEMPOTENCY_KEY_REUSED", f"Idempotency key '{key}' was already used with a different request"
    )


# --- add-ons -------------------------------------------------------------------------------


def addons_available(ctx: Ctx) -> Reply:
    """``GET /api/public/tenants/{tenantId}/addons/available``."""
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, ctx.params[0])
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now)
    return Reply(available_addons(ctx.conn, tenant["id"], subs, ctx.now))


def addons_active(ctx: Ctx) -> Reply:
    """``GET /api/public/tenants/{tenantId}/addons/active``."""
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, ctx.params[0])
    if not access_subscriptions(ctx.conn, tenant["id"], ctx.now):
        return Reply([])
    return Reply(active_addons(ctx.conn, tenant["id"], ctx.now))


def purchase_addon(ctx: Ctx) -> Reply:
    """``POST /api/public/tenants/{tenantId}/addons/purchase``.

    Free add-ons grant at once; paid ones open a checkout session and grant when it is paid.
    """
    b = ctx.body
    b.require("addonId", "currency", "idempotencyKey")
    addon_id, key = b.req_str("addonId"), b.req_str("idempotencyKey")
    currency = b.req_str("currency").upper()
    success_url, cancel_url = b.opt_str("successUrl"), b.opt_str("cancelUrl")
    metadata = b.opt_obj("metadata")
    tenant_ext = ctx.params[0]
    prior = ctx.conn.execute(
        "SELECT * FROM purchases WHERE org_id = ? AND idempotency_key = ?", (ctx.org_id, key)
    ).fetchone()
    if prior is not None:
        if (prior["request_tenant"], prior["addon_id"], prior["currency"]) != (
            tenant_ext,
            addon_id,
            currency,
        ):
            raise _key_reused(key)
        url = checkout_url(ctx.base_url, prior["session_id"]) if prior["session_id"] else None
        return Reply({"purchaseId": prior["id"], "checkoutUrl": url, "alreadyProcessed": True})
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, tenant_ext)
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now)
    if not subs:
        raise not_found("NO_ACTIVE_SUBSCRIPTION", "Tenant has no active subscription")
    addon = ctx.conn.execute(
        "SELECT * FROM addons WHERE org_id = ? AND id = ?", (ctx.org_id, addon_id)
    ).fetchone()
    sub = (
        None
        if addon is None
        else next(
            (
                s
                for s in subs
                if ctx.conn.execute(
                    "SELECT 1 FROM addon_plans WHERE addon_id = ? AND plan_id = ?", (addon_id, s["plan_id"])
                ).fetchone()
            ),
            None,
        )
    )
    if addon is None or sub is None:
        raise not_found("ADDON_NOT_FOUND", f"Add-on '{addon_id}' is not available to this tenant")
    price = ctx.conn.execute(
        "SELECT amount FROM addon_prices WHERE addon_id = ? AND currency = ?", (addon_id, currency)
    ).fetchone()
    if currency != sub["currency"] or price is None:
        raise ApiError(
            422,
            "CURRENCY_MISMATCH",
            f"Currency {currency} does not match the subscription currency {sub['currency']}",
            string_form=True,
        )
    amount = int(price[0])
    purchase_id = new_id("pur")
    session_id = None
    if amount > 0:
        session_id = create_session(
            ctx.conn,
            org_id=ctx.org_id,
            kind="addon",
            tenant_id=tenant["id"],
            sub_id=sub["id"],
            ref_id=purchase_id,
            amount=amount,
            currency=currency,
            success_url=success_url,
            cancel_url=cancel_url,
            now=ctx.now,
        )
    ctx.conn.execute(
        "INSERT INTO purchases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            purchase_id,
            ctx.org_id,
            tenant["id"],
            tenant_ext,
            sub["id"],
            addon_id,
            currency,
            amount,
            key,
            "pending" if session_id else "completed",
            session_id,
            to_json(metadata),
            iso(ctx.now),
            None if session_id else iso(ctx.now),
        ),
    )
    if session_id is None:
        grant_addon(ctx.conn, get(ctx.conn, "purchases", purchase_id), ctx.now)
    return Reply(
        {
            "purchaseId": purchase_id,
            "checkoutUrl": checkout_url(ctx.base_url, session_id) if session_id else None,
            "requiresPayment": session_id is not None,
            "addonName": addon["display_name"],
            "creditQty": int(addon["credit_qty"]),
            "amount": money_str(amount),
            "currency": currency,
        },
        status=200 if session_id else 201,
    )


# --- checkout and billing ------------------------------------------------------------------

_SEAT_FIELDS = ("totalCapacityUnits", "totalCapcityUnits", "quantity")


def create_checkout(ctx: Ctx) -> Reply:
    """``POST /api/public/checkout``: a ``pending`` subscription and a session to pay for it.

    Seat-based plans take the seat count from ``totalCapacityUnits`` (or the misspelt
    ``totalCapcityUnits``, or ``quantity``), defaulting to the plan's included seats.
    """
    b = ctx.body
    b.require("planId")
    plan = plan_by_id(ctx.conn, ctx.org_id, b.req_str("planId"))
    tenant = _checkout_tenant(ctx)
    provider = b.opt_str("provider") or str(ctx.org["default_provider"])
    known = ctx.conn.execute(
        "SELECT 1 FROM providers WHERE org_id = ? AND type = ? AND is_active = 1",
        (ctx.org_id, provider),
    ).fetchone()
    if known is None:
        raise invalid(f"Payment provider '{provider}' is not enabled for this organization")
    currency = (b.opt_str("currency") or str(first_price(ctx.conn, plan["id"])["currency"])).upper()
    price = plan_price(ctx.conn, plan["id"], currency)
    if price is None:
        raise ApiError(422, "CURRENCY_NOT_SUPPORTED", f"Plan '{plan['id']}' is not offered in {currency}")
    seats = _seats(ctx, plan)
    metadata = b.opt_obj("metadata")
    for name in ("userEmail", "userName"):
        b.opt_str(name)
    sub_id = new_id("sub")
    now = iso(ctx.now)
    ctx.conn.execute(
        "INSERT INTO subscriptions VALUES "
        "(?, ?, ?, ?, ?, 'pending', ?, 'recurring', ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, "
        "?, ?)",
        (
            sub_id,
            ctx.org_id,
            tenant["id"],
            plan["id"],
            plan["product_id"],
            currency,
            provider,
            f"{provider}_sub_{secrets.token_hex(6)}",
            seats,
            now,
            to_json(metadata or {}),
            now,
            now,
        ),
    )
    session_id = create_session(
        ctx.conn,
        org_id=ctx.org_id,
        kind="plan",
        tenant_id=tenant["id"],
        sub_id=sub_id,
        ref_id=None,
        amount=seat_total(plan, price, seats),
        currency=currency,
        success_url=b.opt_str("successUrl"),
        cancel_url=b.opt_str("cancelUrl"),
        now=ctx.now,
    )
    emit(ctx.conn, ctx.events, "subscription.created", sub_id, ctx.now)
    return Reply(
        {
            "checkoutUrl": checkout_url(ctx.base_url, session_id),
            "sessionId": session_id,
            "subscriptionId": sub_id,
        },
        status=201,
    )


def _checkout_tenant(ctx: Ctx) -> Row:
    b = ctx.body
    if ctx.org["type"] == "b2b":
        if not b.present("externalTenantId"):
            raise missing("externalTenantId")
        return tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("externalTenantId"))
    # D2C: the tenant is the user, created at the first checkout.
    if not (b.present("externalUserId") or b.present("externalTenantId")):
        raise missing("externalUserId")
    user_ext = b.opt_str("externalUserId") or b.req_str("externalTenantId")
    tenant = find_tenant(ctx.conn, ctx.org_id, user_ext)
    if tenant is not None:
        return tenant
    now, tenant_id, user_id = iso(ctx.now), new_id("ten"), new_id("usr")
    name = b.opt_str("userName") or user_ext
    ctx.conn.execute(
        "INSERT INTO tenants VALUES (?, ?, ?, ?, ?, 1, '{}', ?, ?)",
        (tenant_id, ctx.org_id, user_ext, name, tenant_id, now, now),
    )
    ctx.conn.execute(
        "INSERT OR IGNORE INTO users VALUES (?, ?, ?, ?, ?)",
        (user_id, ctx.org_id, user_ext, b.opt_str("userEmail"), name),
    )
    user = ctx.conn.execute(
        "SELECT id FROM users WHERE org_id = ? AND external_id = ?", (ctx.org_id, user_ext)
    ).fetchone()
    ctx.conn.execute("INSERT INTO memberships VALUES (?, ?, 'owner', ?)", (tenant_id, user["id"], now))
    return get(ctx.conn, "tenants", tenant_id)


def _seats(ctx: Ctx, plan: Row) -> int | None:
    if not plan["is_seat_based"]:
        return None
    given = next((n for n in _SEAT_FIELDS if ctx.body.present(n)), None)
    low, high = int(plan["min_seats"] or 1), plan["max_seats"]
    if given is None:
        seats = max(low, int(plan["included_seats"] or 0))
        return seats if high is None else min(seats, int(high))
    seats = ctx.body.req_int(given, minimum=0)
    if seats < low or (high is not None and seats > int(high)):
        raise ApiError(
            400, "INVALID_CAPACITY", f"Seat count must be between {low} and {high if high else 'unlimited'}"
        )
    return seats


def list_invoices(ctx: Ctx) -> Reply:
    """``GET /api/public/billing/invoices?externalTenantId=`` (newest first)."""
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, ctx.query.req_str("externalTenantId"))
    rows = ctx.conn.execute(
        "SELECT * FROM invoices WHERE tenant_id = ? ORDER BY rowid DESC", (tenant["id"],)
    ).fetchall()
    return Reply(
        {
            "invoices": [
                {
                    "id": r["id"],
                    "invoiceNumber": r["number"],
                    "invoiceType": r["type"],
                    "status": r["status"],
                    "totalAmount": money_str(int(r["total"])),
                    "currency": r["currency"],
                    "dueDate": r["due_date"],
                    "paidAt": r["paid_at"],
                    "issuedAt": r["issued_at"],
                    "periodStart": r["period_start"],
                    "periodEnd": r["period_end"],
                    "paymentProvider": r["provider"],
                    "planName": r["plan_name"],
                    "hostedInvoiceUrl": None,
                    "invoicePdf": None,
                }
                for r in rows
            ]
        }
    )


# --- tokens --------------------------------------------------------------------------------


def _token(ctx: Ctx, kind: str, need_tenant: bool) -> Reply:
    b = ctx.body
    b.require("externalTenantId", "returnUrl")
    tenant_ext = b.req_str("externalTenantId")
    b.req_str("returnUrl")
    if need_tenant or ctx.org["type"] == "b2b":
        tenant_by_ext(ctx.conn, ctx.org_id, tenant_ext)
    token = f"{kind[:2]}t_{secrets.token_urlsafe(24)}"
    expires = iso(ctx.now + timedelta(seconds=TOKEN_TTL))
    meta: dict[str, Any] = {f"{kind}Url": f"{ctx.base_url}/{kind}?token={token}", "expiresIn": TOKEN_TTL}
    return Reply({"token": token, "expiresAt": expires}, meta=meta, status=201)  # 201, as in the docs


def checkout_token(ctx: Ctx) -> Reply:
    """``POST /api/public/auth/checkout-token``."""
    return _token(ctx, "checkout", need_tenant=False)


def portal_token(ctx: Ctx) -> Reply:
    """``POST /api/public/auth/portal-token``."""
    return _token(ctx, "portal", need_tenant=True)
