"""Endpoints: seats (capacity) — count, allocate, bulk allocate, list, proration checkout.

Seats live on the tenant's access-granting seat-based subscription. A tenant at capacity is
offered a proration (``requiresProration``); with ``confirmProration`` it gets a checkout for
one more seat, and the waiting user is seated when that checkout is paid. A proration that
costs nothing (still within the plan's included seats) is applied at once.
"""

from __future__ import annotations

from typing import Any

from ._clock import iso
from ._lifecycle import apply_seats, checkout_url, create_session, proration_quote
from ._model import access_subscriptions, find_tenant, get, plan_by_id, tenant_by_ext
from ._routing import Ctx, Reply
from ._store import Row, from_json, new_id, to_json
from ._wire import ApiError, invalid, money_number, not_found, percent


def _seat_sub(ctx: Ctx, tenant: Row) -> Row | None:
    subs = access_subscriptions(ctx.conn, tenant["id"], ctx.now)
    return next((s for s in subs if s["capacity_units"] is not None), None)


def _need_seat_sub(ctx: Ctx, tenant: Row) -> Row:
    sub = _seat_sub(ctx, tenant)
    if sub is None:
        raise not_found("NO_ACTIVE_SUBSCRIPTION", "No active seat-based subscription found")
    return sub


def _active_count(ctx: Ctx, sub: Row) -> int:
    return int(
        ctx.conn.execute(
            "SELECT COUNT(*) FROM allocations WHERE subscription_id = ? AND status = 'active'",
            (sub["id"],),
        ).fetchone()[0]
    )


def _capacity(ctx: Ctx, sub: Row, *, full: bool = False) -> dict[str, Any]:
    active, units = _active_count(ctx, sub), int(sub["capacity_units"])
    out: dict[str, Any] = {"activeCount": active, "capacityUnits": units}
    if full:
        out["utilizationPercentage"] = percent(active, units, cap=False)
    out["exceeded"] = active > units
    return out


def capacity_count(ctx: Ctx) -> Reply:
    """``POST /api/public/capacity/count`` (its 404 uses the plain-string error form)."""
    tenant = find_tenant(ctx.conn, ctx.org_id, ctx.body.req_str("requestingEntityId"))
    sub = None if tenant is None else _seat_sub(ctx, tenant)
    if tenant is None or sub is None:
        raise ApiError(
            404, "NOT_FOUND", "Tenant or active seat-based subscription not found", string_form=True
        )
    out = _capacity(ctx, sub, full=True)
    out["billingMode"] = sub["billing_mode"]
    return Reply(
        {
            k: out[k]
            for k in ("activeCount", "capacityUnits", "utilizationPercentage", "billingMode", "exceeded")
        }
    )


def _seat(
    ctx: Ctx, sub: Row, user: str, email: str | None, name: str | None, metadata: dict[str, Any] | None
) -> None:
    ctx.conn.execute(
        "INSERT INTO allocations VALUES (?, ?, ?, ?, 'active', ?, NULL, ?) "
        "ON CONFLICT (subscription_id, external_user_id) DO UPDATE SET status = 'active', "
        "email = excluded.email, name = excluded.name, allocated_at = excluded.allocated_at, "
        "removed_at = NULL, metadata = excluded.metadata",
        (sub["id"], user, email, name, iso(ctx.now), to_json(metadata)),
    )


def _is_seated(ctx: Ctx, sub: Row, user: str) -> bool:
    row = ctx.conn.execute(
        "SELECT status FROM allocations WHERE subscription_id = ? AND external_user_id = ?",
        (sub["id"], user),
    ).fetchone()
    return row is not None and row["status"] == "active"


def _check_max(sub: Row, plan: Row, seats: int) -> None:
    high = plan["max_seats"]
    if high is not None and seats > int(high):
        raise ApiError(
            400, "INVALID_CAPACITY", f"Plan '{plan['id']}' allows at most {high} seats (asked for {seats})"
        )


def allocate(ctx: Ctx) -> Reply:
    """``POST /api/public/capacity/allocate``: idempotent per user."""
    b = ctx.body
    b.require("requestingEntityId", "externalUserId")
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("requestingEntityId"))
    user, email, name = b.req_str("externalUserId"), b.opt_str("email"), b.opt_str("name")
    confirm, metadata = bool(b.opt_bool("confirmProration")), b.opt_obj("metadata")
    sub = _need_seat_sub(ctx, tenant)
    if _is_seated(ctx, sub, user):
        return Reply(
            {"success": True, "message": f"User '{user}' already has a seat", "capacity": _capacity(ctx, sub)}
        )
    units = int(sub["capacity_units"])
    if _active_count(ctx, sub) < units:
        _seat(ctx, sub, user, email, name, metadata)
        return Reply(
            {"success": True, "message": f"Seat allocated to '{user}'", "capacity": _capacity(ctx, sub)}
        )
    _check_max(sub, get(ctx.conn, "plans", sub["plan_id"]), units + 1)
    quote = proration_quote(ctx.conn, sub, units + 1, ctx.now)
    if not confirm:
        return Reply(
            {
                "success": False,
                "requiresProration": True,
                "proration": quote["wire"],
                "message": "All seats are in use; confirm the prorated charge to add one",
            }
        )
    proration_id = _proration(ctx, sub, quote, user, email, name, metadata)
    if quote["amount_cents"] == 0:
        apply_seats(ctx.conn, get(ctx.conn, "prorations", proration_id), ctx.now, ctx.events)
        ctx.conn.execute("UPDATE prorations SET status = 'applied' WHERE id = ?", (proration_id,))
        return Reply(
            {
                "success": True,
                "message": f"Seat added and allocated to '{user}'",
                "capacity": _capacity(ctx, get(ctx.conn, "subscriptions", sub["id"])),
            }
        )
    url = _proration_session(ctx, sub, proration_id, quote["amount_cents"], None, None)
    return Reply(
        {
            "success": False,
            "requiresCheckout": True,
            "checkoutUrl": url,
            "prorationId": proration_id,
            "proration": quote["wire"],
            "message": "Complete the checkout to add the seat",
        }
    )


def _proration(
    ctx: Ctx,
    sub: Row,
    quote: dict[str, Any],
    user: str | None,
    email: str | None,
    name: str | None,
    metadata: dict[str, Any] | None,
) -> str:
    proration_id = new_id("pro")
    wire = quote["wire"]
    ctx.conn.execute(
        "INSERT INTO prorations VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)",
        (
            proration_id,
            ctx.org_id,
            sub["id"],
            wire["currentSeats"],
            wire["newSeats"],
            quote["amount_cents"],
            sub["currency"],
            user,
            email,
            name,
            to_json(metadata),
            iso(ctx.now),
        ),
    )
    return proration_id


def _proration_session(
    ctx: Ctx, sub: Row, proration_id: str, amount: int, success_url: str | None, cancel_url: str | None
) -> str:
    session_id = create_session(
        ctx.conn,
        org_id=ctx.org_id,
        kind="seats",
        tenant_id=sub["tenant_id"],
        sub_id=sub["id"],
        ref_id=proration_id,
        amount=amount,
        currency=sub["currency"],
        success_url=success_url,
        cancel_url=cancel_url,
        now=ctx.now,
    )
    return checkout_url(ctx.base_url, session_id)


def bulk_allocate(ctx: Ctx) -> Reply:
    """``POST /api/public/capacity/bulk-allocate``: 200, or 207 listing who did not fit."""
    b = ctx.body
    b.require("requestingEntityId", "users")
    users = b.opt_list("users") or []
    if not 1 <= len(users) <= 100:
        raise invalid("users must list between 1 and 100 users")
    parsed: list[tuple[str, str | None, str | None]] = []
    for i, item in enumerate(users):
        if not isinstance(item, dict):
            raise invalid(f"users[{i}] must be an object")
        entry = type(b)(item)
        if not entry.present("externalUserId"):
            raise invalid(f"users[{i}].externalUserId is required")
        parsed.append((entry.req_str("externalUserId"), entry.opt_str("email"), entry.opt_str("name")))
    ids = [p[0] for p in parsed]
    if len(set(ids)) != len(ids):
        raise invalid("users must have unique externalUserId values")
    metadata = b.opt_obj("metadata")
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("requestingEntityId"))
    sub = _need_seat_sub(ctx, tenant)
    allocated: list[str] = []
    skipped: list[str] = []
    rejected: list[str] = []
    for user, email, name in parsed:
        if _is_seated(ctx, sub, user):
            skipped.append(user)
        elif _active_count(ctx, sub) < int(sub["capacity_units"]):
            _seat(ctx, sub, user, email, name, metadata)
            allocated.append(user)
        else:
            rejected.append(user)
    cap = _capacity(ctx, sub)
    out: dict[str, Any] = {
        "allocated": allocated,
        "skipped": skipped,
        "rejected": rejected,
        "capacity": {"activeCount": cap["activeCount"], "capacityUnits": cap["capacityUnits"]},
    }
    if rejected:
        out["message"] = f"{len(rejected)} user(s) rejected: all {cap['capacityUnits']} seats are in use"
        return Reply(out, status=207)
    out["message"] = f"{len(allocated)} allocated, {len(skipped)} already seated"
    return Reply(out)


def list_allocations(ctx: Ctx) -> Reply:
    """``GET /api/public/capacity/allocations``: filtered by status, paginated (limit <= 100)."""
    q = ctx.query
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, q.req_str("requestingEntityId"))
    status = q.opt_str("status") or "active"
    if status not in ("active", "removed", "all"):
        raise invalid("status must be one of active, removed, all")
    page = q.opt_int("page", minimum=1) or 1
    limit = q.opt_int("limit", minimum=1) or 50
    if limit > 100:
        raise invalid("limit must be between 1 and 100")
    sub = _need_seat_sub(ctx, tenant)
    where, args = "subscription_id = ?", [sub["id"]]
    if status != "all":
        where, args = where + " AND status = ?", [*args, status]
    total = int(ctx.conn.execute(f"SELECT COUNT(*) FROM allocations WHERE {where}", args).fetchone()[0])
    rows = ctx.conn.execute(
        f"SELECT * FROM allocations WHERE {where} ORDER BY allocated_at, rowid LIMIT ? OFFSET ?",
        (*args, limit, (page - 1) * limit),
    ).fetchall()
    pages = (total + limit - 1) // limit
    return Reply(
        {
            "allocations": [
                {
                    "externalUserId": r["external_user_id"],
                    "email": r["email"],
                    "name": r["name"],
                    "status": r["status"],
                    "allocatedAt": r["allocated_at"],
                    "removedAt": r["removed_at"],
                    "metadata": from_json(r["metadata"]),
                }
                for r in rows
            ],
            "capacity": _capacity(ctx, sub, full=True),
            "pagination": {
                "total": total,
                "page": page,
                "totalPages": pages,
                "hasNextPage": page < pages,
                "hasPreviousPage": page > 1,
            },
        }
    )


def proration_checkout(ctx: Ctx) -> Reply:
    """``POST /api/public/capacity/proration-checkout``: buy more seats (never fewer)."""
    b = ctx.body
    b.require("externalTenantId", "newCapacity")
    tenant = tenant_by_ext(ctx.conn, ctx.org_id, b.req_str("externalTenantId"))
    new_capacity = b.req_int("newCapacity", minimum=0)
    plan_id = b.opt_str("planId")
    success_url, cancel_url = b.opt_str("successUrl"), b.opt_str("cancelUrl")
    if plan_id is not None:
        plan_by_id(ctx.conn, ctx.org_id, plan_id)
    sub = _need_seat_sub(ctx, tenant)
    if plan_id is not None and plan_id != sub["plan_id"]:
        raise invalid(f"planId '{plan_id}' is not the plan of the tenant's subscription")
    current = int(sub["capacity_units"])
    if new_capacity <= current:
        raise ApiError(
            400, "INVALID_CAPACITY", f"newCapacity must be greater than the current {current} seats"
        )
    _check_max(sub, get(ctx.conn, "plans", sub["plan_id"]), new_capacity)
    quote = proration_quote(ctx.conn, sub, new_capacity, ctx.now)
    proration_id = _proration(ctx, sub, quote, None, None, None, None)
    amount = int(quote["amount_cents"])
    url = None
    if amount == 0:
        apply_seats(ctx.conn, get(ctx.conn, "prorations", proration_id), ctx.now, ctx.events)
        ctx.conn.execute("UPDATE prorations SET status = 'applied' WHERE id = ?", (proration_id,))
        message = f"Capacity raised to {new_capacity} seats at no charge"
    else:
        url = _proration_session(ctx, sub, proration_id, amount, success_url, cancel_url)
        message = f"Complete the checkout to raise capacity to {new_capacity} seats"
    return Reply(
        {
            "prorationId": proration_id,
            "checkoutUrl": url,
            "requiresPayment": url is not None,
            "prorationAmount": money_number(amount),  # a JSON number (docs: capacity/proration-checkout)
            "prorationDetails": quote["wire"],
            "message": message,
        }
    )
