"""Tenants (create, three lookup modes), plans and supported providers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from crovver_ext.testing import D2C_SECRET_KEY

T = "/api/public/tenants"


def _error(response: httpx.Response) -> Any:
    body = response.json()
    assert body["success"] is False and body["data"] is None
    return body["error"]


def test_create_tenant_then_read_it_back(api: httpx.Client) -> None:
    body = {
        "externalTenantId": "ws_new",
        "name": "Acme Corp!",
        "externalUserId": "user_new",
        "ownerEmail": "ada@acme.test",
        "ownerName": "Ada",
        "metadata": {"tier": "gold"},
    }
    created = api.post(T, json=body)
    assert created.status_code == 201
    data = created.json()["data"]
    assert data["message"] == "Tenant created successfully"
    tenant = data["tenant"]
    assert tenant["externalTenantId"] == "ws_new"
    assert tenant["slug"] == "acme-corp"
    assert tenant["isActive"] is True
    assert tenant["metadata"] == {"tier": "gold"}
    assert tenant["createdAt"] == "2026-01-01T00:00:00.000Z"
    assert data["owner"] == {
        "id": data["owner"]["id"],
        "externalUserId": "user_new",
        "email": "ada@acme.test",
        "name": "Ada",
    }

    lookup = api.get(T, params={"externalTenantId": "ws_new"}).json()["data"]
    assert lookup["tenant"] == tenant
    assert lookup["members"] == [
        {"externalUserId": "user_new", "email": "ada@acme.test", "name": "Ada", "role": "owner"}
    ]
    assert lookup["organization"] == {"id": "org_demo", "name": "Demo Software Inc.", "type": "b2b"}


def test_explicit_slug_and_optional_owner_fields(api: httpx.Client) -> None:
    data = api.post(
        T, json={"externalTenantId": "x1", "name": "X", "externalUserId": "u1", "slug": "my-slug"}
    ).json()["data"]
    assert data["tenant"]["slug"] == "my-slug"
    assert data["owner"]["email"] is None and data["owner"]["name"] is None


def test_tenants_by_user_and_all(api: httpx.Client) -> None:
    api.post(T, json={"externalTenantId": "second", "name": "Second", "externalUserId": "user_ws_active"})
    mine = api.get(T, params={"externalUserId": "user_ws_active"}).json()["data"]
    assert mine["count"] == 2
    assert [t["externalTenantId"] for t in mine["tenants"]] == ["ws_active", "second"]
    everyone = api.get(T).json()["data"]
    assert everyone["count"] == len(everyone["tenants"]) == 10
    nobody = api.get(T, params={"externalUserId": "user_unknown"}).json()["data"]
    assert nobody == {"tenants": [], "count": 0}


@pytest.mark.parametrize(
    "conflict",
    [
        {"externalTenantId": "ws_active", "name": "Other name", "externalUserId": "u"},
        {"externalTenantId": "brand_new", "name": "ws active", "externalUserId": "u", "slug": "ws-active"},
    ],
    ids=["id", "slug"],
)
def test_duplicate_id_or_slug_is_409_with_a_string_error(api: httpx.Client, conflict: dict[str, str]) -> None:
    response = api.post(T, json=conflict)
    assert response.status_code == 409
    assert isinstance(_error(response), str) and "already exists" in _error(response)


def test_d2c_org_cannot_create_tenants(api: httpx.Client) -> None:
    response = api.post(
        T,
        json={"externalTenantId": "x", "name": "X", "externalUserId": "u"},
        headers={"Authorization": f"Bearer {D2C_SECRET_KEY}"},
    )
    assert response.status_code == 403
    assert isinstance(_error(response), str) and "B2B" in _error(response)


def test_create_validation(api: httpx.Client) -> None:
    missing = api.post(T, json={"name": "X"})
    assert missing.status_code == 400
    assert _error(missing)["code"] == "MISSING_REQUIRED_FIELDS"
    assert "externalTenantId" in _error(missing)["message"] and "externalUserId" in _error(missing)["message"]
    bad = api.post(T, json={"externalTenantId": "x", "name": "X", "externalUserId": "u", "metadata": [1]})
    assert (bad.status_code, _error(bad)["code"]) == (400, "VALIDATION_ERROR")
    wrong_type = api.post(T, json={"externalTenantId": 5, "name": "X", "externalUserId": "u"})
    assert (wrong_type.status_code, _error(wrong_type)["code"]) == (400, "VALIDATION_ERROR")


def test_unknown_tenant_lookup_is_404(api: httpx.Client) -> None:
    response = api.get(T, params={"externalTenantId": "nope"})
    assert (response.status_code, _error(response)["code"]) == (404, "TENANT_NOT_FOUND")


def test_plans(public: httpx.Client) -> None:
    data = public.get("/api/public/plans").json()["data"]
    plans = {p["id"]: p for p in data["plans"]}
    assert list(plans) == ["plan_free", "plan_pro", "plan_business", "plan_reports"]
    pro = plans["plan_pro"]
    assert pro["pricing"] == {
        "currency": "USD",
        "interval": "monthly",
        "isSeatBased": False,
        "amount": 29,
        "basePrice": None,
        "includedSeats": None,
        "perSeatPrice": None,
        "minSeats": None,
        "maxSeats": None,
    }
    assert [(p["currency"], p["amount"]) for p in pro["prices"]] == [("USD", "29.00"), ("EUR", "27.00")]
    assert pro["trial"] == {"days": 14, "available": True}
    assert pro["features"] == {
        "advanced_analytics": True,
        "api_access": True,
        "ai_generations": True,
        "sso": False,
    }
    assert pro["limits"] == {"projects": 10, "api_calls": 1000}
    assert pro["creditPools"] == [
        {
            "poolKey": "ai_generations",
            "displayName": "AI generations",
            "limitPerPeriod": 100,
            "refillBehavior": "reset",
            "rolloverCap": None,
            "limitBehavior": "hard",
        },
        {
            "poolKey": "api_calls",
            "displayName": "API calls",
            "limitPerPeriod": 1000,
            "refillBehavior": "rollover",
            "rolloverCap": 2000,
            "limitBehavior": "soft",
        },
    ]
    assert pro["product"]["slug"] == "app"
    assert pro["isFree"] is False and plans["plan_free"]["isFree"] is True
    business = plans["plan_business"]
    assert business["isSeatBased"] is True
    assert business["pricing"]["basePrice"] == 99 and business["pricing"]["perSeatPrice"] == 10
    assert (
        business["pricing"]["includedSeats"],
        business["pricing"]["minSeats"],
        business["pricing"]["maxSeats"],
    ) == (5, 1, 100)
    assert business["prices"] == [
        {"currency": "USD", "amount": "99.00", "basePrice": "99.00", "perSeatPrice": "10.00"}
    ]
    assert plans["plan_reports"]["product"]["slug"] == "reports"
    assert pro["paymentProviders"][0]["provider_type"] == "stripe"
    assert data["organization"]["id"] == "org_demo"


def test_supported_providers(api: httpx.Client) -> None:
    providers = api.get("/api/public/supported-providers").json()["data"]["providers"]
    assert {p["code"] for p in providers} == {"stripe", "khalti", "esewa"}
    assert all(isinstance(p["capabilities"], list) for p in providers)
