"""The local Crovver sends what Crovver's published clients read, where the API docs are silent.

Each test names its source: a file of crovver/crovver-node, crovver/crovver-php or
crovver/crovver-react (mirrored read-only), or a page of crovver/docs. The field lists are what
those clients read without a fallback (PHP `$data['x']` with no `??`, TypeScript non-optional
members), so a client built on them gets no undefined index. Every answer here also passes the
spec check of the `api`/`public` fixtures (tests/emulator/helpers.py, conform_hook).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

P = "/api/public"


def _data(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


def _plans(client: httpx.Client) -> dict[str, Any]:
    return {plan["id"]: plan for plan in _data(client.get(f"{P}/plans"))["plans"]}


# crovver-php src/Types/CreateCheckoutSessionResponse.php: fromArray reads subscriptionId and
# planName without a default, isFree/checkoutUrl/sessionId/provider/amount/currency with one.
# crovver-node src/index.ts CreateCheckoutSessionResponse: subscriptionId, checkoutUrl, sessionId.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"planId": "plan_pro", "externalTenantId": "ws_none"},
            {"planName": "Pro", "isFree": False, "provider": "stripe", "amount": 29, "currency": "USD"},
        ),
        (
            {"planId": "plan_pro", "externalTenantId": "ws_none", "currency": "eur"},
            {"planName": "Pro", "isFree": False, "provider": "stripe", "amount": 27, "currency": "EUR"},
        ),
        (
            {"planId": "plan_free", "externalTenantId": "ws_none"},
            {"planName": "Free", "isFree": True, "provider": "stripe", "amount": 0, "currency": "USD"},
        ),
    ],
)
def test_checkout_reply_has_what_crovver_php_reads(
    api: httpx.Client, body: dict[str, Any], expected: dict[str, Any]
) -> None:
    data = _data(api.post(f"{P}/checkout", json=body), 201)
    assert {key: data[key] for key in expected} == expected
    assert type(data["amount"]) is int  # a JSON number; PHP casts it with (float)
    for key in ("subscriptionId", "checkoutUrl", "sessionId"):
        assert isinstance(data[key], str) and data[key]


# crovver-node src/index.ts Plan: payment_providers and paymentProviders, created_at/updated_at
# and createdAt/updatedAt are all non-optional. crovver-php src/Types/Plan.php reads
# payment_providers and created_at/updated_at (snake_case only).
def test_plans_carry_both_spellings(public: httpx.Client) -> None:
    for plan in _plans(public).values():
        assert plan["payment_providers"] == plan["paymentProviders"]
        assert plan["payment_providers"], "the demo org has providers"
        assert (plan["created_at"], plan["updated_at"]) == (plan["createdAt"], plan["updatedAt"])
        assert plan["created_at"].endswith("Z")


# crovver-php src/Types/Plan.php: id, name, pricing, trial, test_mode, features, limits, product
# without defaults. crovver-node src/index.ts Plan: also prices, isFree, isSeatBased.
PHP_PLAN = ("id", "name", "pricing", "trial", "test_mode", "features", "limits", "product")
NODE_PLAN = (*PHP_PLAN, "prices", "isFree", "isSeatBased")
# crovver-php src/Types/PaymentProviderMapping.php: all four without defaults.
PHP_PROVIDER = ("provider_id", "provider_type", "provider_name", "is_active")
# crovver-php src/Types/PlanPricing.php: currency, interval, isSeatBased without defaults.
PHP_PRICING = ("currency", "interval", "isSeatBased")


def test_plans_have_every_field_the_clients_read_without_a_default(public: httpx.Client) -> None:
    plans = _plans(public)
    assert {"plan_free", "plan_pro", "plan_business"} <= plans.keys()
    for plan in plans.values():
        assert set(NODE_PLAN) <= plan.keys(), plan["id"]
        assert set(PHP_PRICING) <= plan["pricing"].keys()
        for provider in plan["payment_providers"]:
            assert set(PHP_PROVIDER) <= provider.keys()
            assert isinstance(provider["is_active"], bool)
    assert plans["plan_free"]["isFree"] is True and plans["plan_pro"]["isFree"] is False


# docs api-reference/capacity/proration-checkout.mdx: "prorationAmount": 1750, a JSON number
# (crovver-node src/index.ts: prorationAmount: number; crovver-php ProrationCheckoutResponse
# casts it with (float)). The local Crovver sends major units, like allocate's proration amounts.
def test_proration_amount_is_a_json_number(api: httpx.Client) -> None:
    data = _data(
        api.post(
            f"{P}/capacity/proration-checkout", json={"externalTenantId": "ws_business", "newCapacity": 7}
        )
    )
    assert type(data["prorationAmount"]) in (int, float)
    assert Decimal(str(data["prorationAmount"])) == Decimal(data["prorationDetails"]["amount"]) > 0


# docs api-reference/usage/check-limit.mdx, "Authentication": a secret key or a public key.
def test_check_usage_limit_takes_the_public_key(public: httpx.Client) -> None:
    data = _data(
        public.post(f"{P}/check-usage-limit", json={"requestingEntityId": "ws_active", "metric": "api_calls"})
    )
    assert data["metric"] == "api_calls" and data["limit"] == 1000


# docs api-reference/checkout/checkout-token.mdx and portal-token.mdx: "```json 201", a token
# "valid for 10 minutes", meta.expiresIn 600.
@pytest.mark.parametrize(
    ("kind", "url_key"), [("checkout-token", "checkoutUrl"), ("portal-token", "portalUrl")]
)
def test_tokens_answer_201_valid_ten_minutes(public: httpx.Client, kind: str, url_key: str) -> None:
    response = public.post(
        f"{P}/auth/{kind}", json={"externalTenantId": "ws_active", "returnUrl": "https://app.test/back"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["meta"]["expiresIn"] == 600
    assert body["data"]["expiresAt"] == "2026-01-01T00:10:00.000Z"  # the seed's clock + 600 s
    assert body["meta"][url_key].endswith(body["data"]["token"])


# crovver-react src/api.ts checkFeatureAccess: GET /api/public/can-access with publicKey,
# featureKey and requestingEntityId in the query; src/types.ts FeatureAccessResult reads
# canAccess, featureKey, requestingEntityId.
def test_crovver_react_feature_check(anon: httpx.Client, public: httpx.Client) -> None:
    key = public.headers["x-public-key"]
    params = {"publicKey": key, "featureKey": "sso", "requestingEntityId": "ws_active"}
    data = _data(anon.get(f"{P}/can-access", params=params))
    assert data == {"canAccess": False, "featureKey": "sso", "requestingEntityId": "ws_active"}
    granted = _data(anon.get(f"{P}/can-access", params={**params, "featureKey": "api_access"}))
    assert granted["canAccess"] is True


# crovver-react src/api.ts getSubscriptionStatus: GET subscriptions/status with publicKey and
# tenantId in the query; src/types.ts SubscriptionStatus reads active, status, tenant
# {id, name, isActive}, subscription and plan {id, name, billingInterval, features, limits}.
def test_crovver_react_subscription_status(anon: httpx.Client, public: httpx.Client) -> None:
    params = {"publicKey": public.headers["x-public-key"], "tenantId": "ws_active"}
    data = _data(anon.get(f"{P}/subscriptions/status", params=params))
    assert data["active"] is True and data["status"] == "active"
    assert set(data["tenant"]) >= {"id", "name", "isActive"}
    assert set(data["plan"]) >= {"id", "name", "billingInterval", "features", "limits"}
    assert isinstance(data["plan"]["features"], list)
