"""One valid request per operation against the seed (for the auth matrix and the conformance tour)."""

from __future__ import annotations

from typing import Any

from tests.spec import PUBLIC_KEY_OPERATIONS

P = "/api/public"

#: operationId -> (method, path with query, JSON body or None); valid for the seeded state.
SAMPLES: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "create_tenant": (
        "POST",
        f"{P}/tenants",
        {"externalTenantId": "ws_sample", "name": "Sample Co", "externalUserId": "user_sample"},
    ),
    "get_tenants": ("GET", f"{P}/tenants?externalTenantId=ws_active", None),
    "get_plans": ("GET", f"{P}/plans", None),
    "get_supported_providers": ("GET", f"{P}/supported-providers", None),
    "get_subscriptions": ("GET", f"{P}/subscriptions?requestingEntityId=ws_active", None),
    "get_subscription_status": ("GET", f"{P}/subscriptions/status?tenantId=ws_active", None),
    "cancel_subscription": (
        "POST",
        f"{P}/subscriptions/sub_ws_active/cancel",
        {"externalTenantId": "ws_active", "reason": "too_expensive"},
    ),
    "can_access": ("POST", f"{P}/can-access", {"requestingEntityId": "ws_active", "featureKey": "sso"}),
    "can_access_by_query": ("GET", f"{P}/can-access?requestingEntityId=ws_active&featureKey=sso", None),
    "get_credit_balance": ("GET", f"{P}/credits/balance?tenantId=ws_active", None),
    "consume_credits": (
        "POST",
        f"{P}/credits/consume",
        {"tenantId": "ws_active", "poolKey": "ai_generations", "amount": 1, "idempotencyKey": "s-1"},
    ),
    "list_available_addons": ("GET", f"{P}/tenants/ws_active/addons/available", None),
    "purchase_addon": (
        "POST",
        f"{P}/tenants/ws_active/addons/purchase",
        {"addonId": "addon_ai_500", "currency": "USD", "idempotencyKey": "s-p1"},
    ),
    "get_active_addons": ("GET", f"{P}/tenants/ws_active/addons/active", None),
    "record_usage": ("POST", f"{P}/record-usage", {"requestingEntityId": "ws_active", "metric": "projects"}),
    "check_usage_limit": (
        "POST",
        f"{P}/check-usage-limit",
        {"requestingEntityId": "ws_active", "metric": "projects"},
    ),
    "create_checkout_session": (
        "POST",
        f"{P}/checkout",
        {"planId": "plan_pro", "externalTenantId": "ws_none"},
    ),
    "get_invoices": ("GET", f"{P}/billing/invoices?externalTenantId=ws_active", None),
    "create_checkout_token": (
        "POST",
        f"{P}/auth/checkout-token",
        {"externalTenantId": "ws_active", "returnUrl": "https://app.test/back"},
    ),
    "create_portal_token": (
        "POST",
        f"{P}/auth/portal-token",
        {"externalTenantId": "ws_active", "returnUrl": "https://app.test/back"},
    ),
    "get_capacity_count": ("POST", f"{P}/capacity/count", {"requestingEntityId": "ws_business"}),
    "allocate_seat": (
        "POST",
        f"{P}/capacity/allocate",
        {"requestingEntityId": "ws_business", "externalUserId": "user_sample"},
    ),
    "bulk_allocate_seats": (
        "POST",
        f"{P}/capacity/bulk-allocate",
        {"requestingEntityId": "ws_business", "users": [{"externalUserId": "bulk_1"}]},
    ),
    "list_seat_allocations": ("GET", f"{P}/capacity/allocations?requestingEntityId=ws_business", None),
    "create_proration_checkout": (
        "POST",
        f"{P}/capacity/proration-checkout",
        {"externalTenantId": "ws_business", "newCapacity": 7},
    ),
}

#: What a public key may call (openapi.yaml's security).
PUBLIC_OPERATIONS = PUBLIC_KEY_OPERATIONS
