"""Subscriptions: list, status, cancel; entitlements (can-access)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

S = "/api/public/subscriptions"


def _status(client: httpx.Client, tenant: str, **params: str) -> Any:
    return client.get(f"{S}/status", params={"tenantId": tenant, **params}).json()["data"]


def _can(client: httpx.Client, **body: Any) -> Any:
    response = client.post("/api/public/can-access", json=body)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_list_subscriptions_is_snake_case(api: httpx.Client) -> None:
    data = api.get(S, params={"requestingEntityId": "ws_active"}).json()["data"]
    (sub,) = data["subscriptions"]
    assert sub["id"] == "sub_ws_active" and sub["status"] == "active"
    assert sub["billing"] == {
        "current_period_start": "2025-12-22T00:00:00.000Z",
        "current_period_end": "2026-01-22T00:00:00.000Z",
        "next_billing_date": "2026-01-22T00:00:00.000Z",
    }
    assert sub["trial"] == {"is_active": False, "ends_at": None, "days_remaining": None}
    assert sub["cancellation"] == {"is_canceled": False, "canceled_at": None, "will_end_at": None}
    assert sub["plan"]["id"] == "plan_pro" and sub["plan"]["pricing"]["amount"] == 29
    assert sub["capacity"] is None
    assert data["tenant"]["external_tenant_id"] == "ws_active"
    assert data["organization"]["id"] == "org_demo"


def test_list_subscriptions_other_shapes(api: httpx.Client) -> None:
    trial = api.get(S, params={"requestingEntityId": "ws_trial"}).json()["data"]["subscriptions"][0]
    assert trial["trial"] == {"is_active": True, "ends_at": "2026-01-12T00:00:00.000Z", "days_remaining": 11}
    business = api.get(S, params={"requestingEntityId": "ws_business"}).json()["data"]["subscriptions"]
    assert [s["plan"]["id"] for s in business] == ["plan_reports", "plan_business"]
    assert business[1]["capacity"] == {"units": 5, "billing_mode": "recurring"}
    eur = api.get(S, params={"requestingEntityId": "ws_eur"}).json()["data"]["subscriptions"][0]
    assert eur["plan"]["pricing"]["currency"] == "EUR" and eur["plan"]["pricing"]["amount"] == 27
    assert api.get(S, params={"requestingEntityId": "ws_none"}).json()["data"]["subscriptions"] == []
    missing = api.get(S)
    assert (missing.status_code, missing.json()["error"]["code"]) == (400, "MISSING_REQUIRED_FIELDS")
    unknown = api.get(S, params={"requestingEntityId": "nope"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")


@pytest.mark.parametrize(
    ("tenant", "active", "status"),
    [
        ("ws_active", True, "active"),
        ("ws_trial", True, "trial"),
        ("ws_pending_cancel", True, "pending_cancel"),
        ("ws_past_due", False, "past_due"),
        ("ws_canceled", False, "canceled"),
        ("ws_none", False, "none"),
        ("ws_manual", True, "active"),
        ("ws_eur", True, "active"),
    ],
)
def test_status(public: httpx.Client, tenant: str, active: bool, status: str) -> None:
    data = _status(public, tenant)
    assert (data["active"], data["status"]) == (active, status)
    assert data["tenant"]["isActive"] is True
    if status == "none":
        assert data["subscription"] is None and data["plan"] is None
    else:
        assert data["subscription"]["status"] == status
        assert data["plan"]["productSlug"] == "app"


def test_status_details_and_product_scoping(public: httpx.Client) -> None:
    trial = _status(public, "ws_trial")
    assert trial["subscription"]["trialEndsAt"] == "2026-01-12T00:00:00.000Z"
    assert trial["plan"]["features"] == ["advanced_analytics", "api_access", "ai_generations"]
    business = _status(public, "ws_business", productSlug="app")
    assert business["subscription"]["capacityUnits"] == 5 and business["subscription"]["usedCapacity"] == 3
    assert business["plan"]["id"] == "plan_business"
    assert _status(public, "ws_business")["plan"]["id"] == "plan_business", "the first product wins"
    reports = _status(public, "ws_business", productSlug="reports")
    assert reports["plan"]["id"] == "plan_reports" and reports["subscription"]["capacityUnits"] is None
    assert _status(public, "ws_active", productSlug="reports")["status"] == "none"
    assert _status(public, "ws_active", productSlug="no-such-product")["status"] == "none"


def test_cancel_recurring_keeps_access_until_period_end(api: httpx.Client) -> None:
    response = api.post(
        f"{S}/sub_ws_active/cancel",
        json={"externalTenantId": "ws_active", "reason": "too_expensive", "feedback": "meh"},
    )
    assert response.status_code == 200
    assert response.json()["data"] == {
        "subscriptionId": "sub_ws_active",
        "status": "pending_cancel",
        "canceledAt": "2026-01-01T00:00:00.000Z",
        "currentPeriodEnd": "2026-01-22T00:00:00.000Z",
    }
    assert _can(api, requestingEntityId="ws_active", featureKey="advanced_analytics")["canAccess"] is True
    sub = api.get(S, params={"requestingEntityId": "ws_active"}).json()["data"]["subscriptions"][0]
    assert sub["cancellation"] == {
        "is_canceled": True,
        "canceled_at": "2026-01-01T00:00:00.000Z",
        "will_end_at": "2026-01-22T00:00:00.000Z",
    }
    assert sub["billing"]["next_billing_date"] is None
    again = api.post(f"{S}/sub_ws_active/cancel", json={"externalTenantId": "ws_active", "reason": "again"})
    assert (again.status_code, again.json()["error"]["code"]) == (400, "ALREADY_CANCELED")


def test_cancel_manual_billing_is_immediate(api: httpx.Client) -> None:
    data = api.post(
        f"{S}/sub_ws_manual/cancel",
        json={"externalTenantId": "ws_manual", "reason": "User requested cancellation"},
    ).json()["data"]
    assert data["status"] == "canceled"
    assert _can(api, requestingEntityId="ws_manual", featureKey="advanced_analytics")["canAccess"] is False
    assert api.get("/api/public/credits/balance", params={"tenantId": "ws_manual"}).json()["data"] == {}


@pytest.mark.parametrize("sub", ["sub_ws_canceled", "sub_ws_pending_cancel"])
def test_cancel_twice_is_already_canceled(api: httpx.Client, sub: str) -> None:
    tenant = sub.removeprefix("sub_")
    response = api.post(f"{S}/{sub}/cancel", json={"externalTenantId": tenant, "reason": "x"})
    assert (response.status_code, response.json()["error"]["code"]) == (400, "ALREADY_CANCELED")


def test_cancel_errors(api: httpx.Client) -> None:
    foreign = api.post(f"{S}/sub_ws_active/cancel", json={"externalTenantId": "ws_trial", "reason": "x"})
    assert (foreign.status_code, foreign.json()["error"]["code"]) == (404, "SUBSCRIPTION_NOT_FOUND")
    unknown = api.post(f"{S}/sub_nope/cancel", json={"externalTenantId": "ws_active", "reason": "x"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "SUBSCRIPTION_NOT_FOUND")
    no_tenant = api.post(f"{S}/sub_ws_active/cancel", json={"externalTenantId": "nope", "reason": "x"})
    assert (no_tenant.status_code, no_tenant.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")
    no_reason = api.post(f"{S}/sub_ws_active/cancel", json={"externalTenantId": "ws_active"})
    assert (no_reason.status_code, no_reason.json()["error"]["code"]) == (400, "MISSING_REQUIRED_FIELDS")


@pytest.mark.parametrize(
    ("tenant", "expected"),
    [
        ("ws_active", True),
        ("ws_trial", True),
        ("ws_pending_cancel", True),
        ("ws_past_due", False),
        ("ws_canceled", False),
        ("ws_none", False),
    ],
)
def test_can_access_by_status(public: httpx.Client, tenant: str, expected: bool) -> None:
    data = _can(public, requestingEntityId=tenant, featureKey="advanced_analytics")
    assert data == {"canAccess": expected, "featureKey": "advanced_analytics", "requestingEntityId": tenant}
    assert _can(public, requestingEntityId=tenant, productSlug="app")["canAccess"] is expected


def test_can_access_features_and_products(public: httpx.Client) -> None:
    assert _can(public, requestingEntityId="ws_active", featureKey="sso")["canAccess"] is False
    assert _can(public, requestingEntityId="ws_business", featureKey="sso")["canAccess"] is True
    assert _can(public, requestingEntityId="ws_active", featureKey="no_such_feature")["canAccess"] is False
    scoped = _can(
        public, requestingEntityId="ws_business", featureKey="scheduled_reports", productSlug="reports"
    )
    assert scoped == {
        "canAccess": True,
        "featureKey": "scheduled_reports",
        "productSlug": "reports",
        "requestingEntityId": "ws_business",
    }
    assert (
        _can(public, requestingEntityId="ws_business", featureKey="scheduled_reports", productSlug="app")[
            "canAccess"
        ]
        is False
    )
    assert _can(public, requestingEntityId="ws_active", productSlug="reports")["canAccess"] is False
    assert _can(public, requestingEntityId="ws_business", productSlug="reports")["canAccess"] is True


def test_can_access_credit_backed_features(api: httpx.Client) -> None:
    enough = _can(api, requestingEntityId="ws_active", featureKey="ai_generations", amount=100)
    assert enough["canAccess"] is True and enough["credits"] == {"available": 100, "sufficient": True}
    short = _can(api, requestingEntityId="ws_active", featureKey="ai_generations", amount=101)
    assert short["canAccess"] is False and short["credits"] == {"available": 100, "sufficient": False}
    # A soft pool never blocks, but still says the credits do not cover it.
    soft = _can(api, requestingEntityId="ws_active", featureKey="api_access", amount=5000)
    assert soft["canAccess"] is True and soft["credits"] == {"available": 1000, "sufficient": False}
    assert "credits" not in _can(
        api, requestingEntityId="ws_active", featureKey="advanced_analytics", amount=5
    )


def test_can_access_get_form(public: httpx.Client) -> None:
    response = public.get(
        "/api/public/can-access",
        params={"requestingEntityId": "ws_active", "featureKey": "ai_generations", "amount": "7"},
    )
    assert response.json()["data"]["credits"] == {"available": 100, "sufficient": True}


def test_can_access_errors(public: httpx.Client) -> None:
    neither = public.post("/api/public/can-access", json={"requestingEntityId": "ws_active"})
    assert (neither.status_code, neither.json()["error"]["code"]) == (400, "MISSING_REQUIRED_FIELDS")
    unknown = public.post("/api/public/can-access", json={"requestingEntityId": "nope", "featureKey": "x"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")
    for amount in (-1, 1.5, "3", True):
        bad = public.post(
            "/api/public/can-access",
            json={"requestingEntityId": "ws_active", "featureKey": "x", "amount": amount},
        )
        assert (bad.status_code, bad.json()["error"]["code"]) == (400, "VALIDATION_ERROR"), amount
