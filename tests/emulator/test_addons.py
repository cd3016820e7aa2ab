"""Add-ons: available and active lists, paid/free purchases, currency, idempotency."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from crovver_ext.testing import ControlPlane

A = "/api/public/tenants/{}/addons"


def _buy(
    client: httpx.Client,
    key: str,
    addon: str = "addon_ai_500",
    currency: str = "USD",
    tenant: str = "ws_active",
) -> httpx.Response:
    return client.post(
        A.format(tenant) + "/purchase", json={"addonId": addon, "currency": currency, "idempotencyKey": key}
    )


def _pool(client: httpx.Client, pool: str = "ai_generations", tenant: str = "ws_active") -> Any:
    return client.get("/api/public/credits/balance", params={"tenantId": tenant}).json()["data"][pool]


def test_available_addons(public: httpx.Client) -> None:
    data = public.get(A.format("ws_active") + "/available").json()["data"]
    assert data == [
        {
            "id": "addon_ai_500",
            "pool_key": "ai_generations",
            "display_name": "500 AI generations",
            "description": "A pack of 500 extra AI generations",
            "credit_qty": 500,
            "expiry_type": "period",
            "expiry_days": None,
            "currency": "USD",
            "amount": "5.00",
            "current_balance": 100,
            "pool_limit": 100,
        },
        {
            "id": "addon_api_free",
            "pool_key": "api_calls",
            "display_name": "100 bonus API calls",
            "description": "Free API calls, valid for 30 days",
            "credit_qty": 100,
            "expiry_type": "days",
            "expiry_days": 30,
            "currency": "USD",
            "amount": "0.00",
            "current_balance": 1000,
            "pool_limit": 1000,
        },
    ]
    eur = public.get(A.format("ws_eur") + "/available").json()["data"]
    assert [(a["currency"], a["amount"]) for a in eur] == [("EUR", "4.50"), ("EUR", "0.00")]


@pytest.mark.parametrize("tenant", ["ws_none", "ws_past_due"])
def test_lists_are_empty_without_an_active_subscription(public: httpx.Client, tenant: str) -> None:
    assert public.get(A.format(tenant) + "/available").json()["data"] == []
    assert public.get(A.format(tenant) + "/active").json()["data"] == []


def test_paid_addon_grants_after_checkout(api: httpx.Client, control: ControlPlane) -> None:
    response = _buy(api, "p1")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["requiresPayment"] is True
    assert (
        data["checkoutUrl"].startswith(api.base_url.scheme + "://") and "/checkout/cs_" in data["checkoutUrl"]
    )
    assert (data["addonName"], data["creditQty"], data["amount"], data["currency"]) == (
        "500 AI generations",
        500,
        "5.00",
        "USD",
    )
    assert _pool(api)["addonRemaining"] == 0, "nothing before payment"
    session = data["checkoutUrl"].rsplit("/", 1)[1]
    assert control.complete_checkout(session)["status"] == "paid"
    pool = _pool(api)
    assert (pool["addonRemaining"], pool["total"]) == (500, 600)
    assert api.get(A.format("ws_active") + "/active").json()["data"] == [
        {
            "pool_key": "ai_generations",
            "addon_remaining": "500",
            "active_addon_grants": "1",
            "next_addon_expiry": "2026-01-22T00:00:00.000Z",
        }
    ]
    invoices = api.get("/api/public/billing/invoices", params={"externalTenantId": "ws_active"}).json()[
        "data"
    ]["invoices"]
    assert [(i["invoiceType"], i["totalAmount"]) for i in invoices] == [("addon", "5.00")]


def test_failed_payment_grants_nothing(api: httpx.Client, control: ControlPlane) -> None:
    session = _buy(api, "p1").json()["data"]["checkoutUrl"].rsplit("/", 1)[1]
    control.complete_checkout(session, outcome="failed")
    assert _pool(api)["addonRemaining"] == 0
    assert control.tenant_state("ws_active")["purchases"][0]["status"] == "failed"


def test_free_addon_grants_at_once(api: httpx.Client) -> None:
    response = _buy(api, "f1", addon="addon_api_free")
    assert response.status_code == 201
    data = response.json()["data"]
    assert (data["requiresPayment"], data["checkoutUrl"], data["amount"], data["creditQty"]) == (
        False,
        None,
        "0.00",
        100,
    )
    assert _pool(api, "api_calls")["addonRemaining"] == 100
    active = api.get(A.format("ws_active") + "/active").json()["data"]
    assert active == [
        {
            "pool_key": "api_calls",
            "addon_remaining": "100",
            "active_addon_grants": "1",
            "next_addon_expiry": "2026-01-31T00:00:00.000Z",
        }
    ]


def test_currency_must_match_the_subscription(api: httpx.Client) -> None:
    response = _buy(api, "c1", currency="EUR")
    assert response.status_code == 422
    error = response.json()["error"]
    assert isinstance(error, str) and "EUR" in error and "USD" in error
    assert _buy(api, "c2", currency="usd").status_code == 200, "currency codes are case-insensitive"
    assert _buy(api, "c3", currency="EUR", tenant="ws_eur").status_code == 200


def test_replay_returns_the_original_purchase(api: httpx.Client, control: ControlPlane) -> None:
    first = _buy(api, "same").json()["data"]
    replay = _buy(api, "same")
    assert replay.status_code == 200
    assert replay.json()["data"] == {
        "purchaseId": first["purchaseId"],
        "checkoutUrl": first["checkoutUrl"],
        "alreadyProcessed": True,
    }
    assert len(control.tenant_state("ws_active")["purchases"]) == 1
    free = _buy(api, "free", addon="addon_api_free").json()["data"]
    assert _buy(api, "free", addon="addon_api_free").json()["data"] == {
        "purchaseId": free["purchaseId"],
        "checkoutUrl": None,
        "alreadyProcessed": True,
    }
    assert _pool(api, "api_calls")["addonRemaining"] == 100, "granted once"


@pytest.mark.parametrize(
    ("addon", "currency", "tenant"),
    [
        ("addon_api_free", "USD", "ws_active"),
        ("addon_ai_500", "EUR", "ws_active"),
        ("addon_ai_500", "USD", "ws_trial"),
    ],
    ids=["addon", "currency", "tenant"],
)
def test_same_key_different_purchase_is_409(
    api: httpx.Client, addon: str, currency: str, tenant: str
) -> None:
    _buy(api, "k")
    response = _buy(api, "k", addon=addon, currency=currency, tenant=tenant)
    assert (response.status_code, response.json()["error"]["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")


def test_purchase_errors(api: httpx.Client) -> None:
    unknown = _buy(api, "u1", addon="addon_nope")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "ADDON_NOT_FOUND")
    no_sub = _buy(api, "u2", tenant="ws_none")
    assert (no_sub.status_code, no_sub.json()["error"]["code"]) == (404, "NO_ACTIVE_SUBSCRIPTION")
    no_tenant = _buy(api, "u3", tenant="nope")
    assert (no_tenant.status_code, no_tenant.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")
    missing = api.post(A.format("ws_active") + "/purchase", json={"addonId": "addon_ai_500"})
    assert (missing.status_code, missing.json()["error"]["code"]) == (400, "MISSING_REQUIRED_FIELDS")
    not_on_plan = _buy(api, "u4", tenant="ws_business", addon="addon_ai_500")
    assert not_on_plan.status_code == 200, "business has the add-on too"
    reports_only = api.post(
        A.format("ws_business") + "/purchase",
        json={"addonId": "addon_nope", "currency": "USD", "idempotencyKey": "u5"},
    )
    assert reports_only.json()["error"]["code"] == "ADDON_NOT_FOUND"
    unknown_tenant_list = api.get(A.format("nope") + "/available")
    assert (unknown_tenant_list.status_code, unknown_tenant_list.json()["error"]["code"]) == (
        404,
        "TENANT_NOT_FOUND",
    )
