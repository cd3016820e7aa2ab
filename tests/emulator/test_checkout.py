"""Checkout: pending -> trial/active, invoices, replacement, currencies, seats, pages, tokens."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from crovver_ext.testing import D2C_SECRET_KEY, ControlPlane, EmulatorError, LocalCrovver

CHECKOUT = "/api/public/checkout"


def _checkout(client: httpx.Client, **body: Any) -> Any:
    response = client.post(CHECKOUT, json=body)
    assert response.status_code == 201, response.text
    return response.json()["data"]


def _status(client: httpx.Client, tenant: str) -> Any:
    return client.get("/api/public/subscriptions/status", params={"tenantId": tenant}).json()["data"]


def _invoices(client: httpx.Client, tenant: str) -> list[Any]:
    data: list[Any] = client.get("/api/public/billing/invoices", params={"externalTenantId": tenant}).json()[
        "data"
    ]["invoices"]
    return data


def test_checkout_pending_then_trial(api: httpx.Client, control: ControlPlane, local: LocalCrovver) -> None:
    data = _checkout(api, planId="plan_pro", externalTenantId="ws_none", successUrl="https://app.test/ok")
    assert data["checkoutUrl"] == f"{local.base_url}/checkout/{data['sessionId']}"
    status = _status(api, "ws_none")
    assert (status["status"], status["active"], status["subscription"]["id"]) == (
        "pending",
        False,
        data["subscriptionId"],
    )
    can = api.post("/api/public/can-access", json={"requestingEntityId": "ws_none", "productSlug": "app"})
    assert can.json()["data"]["canAccess"] is False
    result = control.complete_checkout(data["sessionId"])
    assert (result["status"], result["kind"], result["successUrl"]) == ("paid", "plan", "https://app.test/ok")
    status = _status(api, "ws_none")
    assert (status["status"], status["active"]) == ("trial", True)
    assert status["subscription"]["trialEndsAt"] == "2026-01-15T00:00:00.000Z"
    (invoice,) = _invoices(api, "ws_none")
    assert (invoice["invoiceType"], invoice["status"], invoice["totalAmount"], invoice["currency"]) == (
        "subscription",
        "paid",
        "0.00",
        "USD",
    )
    assert (invoice["periodStart"], invoice["periodEnd"]) == (
        "2026-01-01T00:00:00.000Z",
        "2026-01-15T00:00:00.000Z",
    )
    assert invoice["invoiceNumber"].startswith("INV-")
    assert (
        api.get("/api/public/credits/balance", params={"tenantId": "ws_none"}).json()["data"][
            "ai_generations"
        ]["total"]
        == 100
    )


def test_no_second_trial_and_eur_pricing(api: httpx.Client, control: ControlPlane) -> None:
    data = _checkout(api, planId="plan_pro", externalTenantId="ws_canceled", currency="eur")
    control.complete_checkout(data["sessionId"])
    status = _status(api, "ws_canceled")
    assert (status["status"], status["subscription"]["currentPeriodEnd"]) == (
        "active",
        "2026-02-01T00:00:00.000Z",
    )
    (invoice,) = _invoices(api, "ws_canceled")
    assert (invoice["totalAmount"], invoice["currency"], invoice["paymentProvider"]) == (
        "27.00",
        "EUR",
        "stripe",
    )


def test_checkout_replaces_the_live_subscription_on_the_product(
    api: httpx.Client, control: ControlPlane
) -> None:
    data = _checkout(api, planId="plan_business", externalTenantId="ws_active", quantity=7)
    assert _status(api, "ws_active")["subscription"]["id"] == "sub_ws_active", "still Pro until paid"
    control.complete_checkout(data["sessionId"])
    subs = api.get("/api/public/subscriptions", params={"requestingEntityId": "ws_active"}).json()["data"][
        "subscriptions"
    ]
    assert [(s["id"], s["status"]) for s in subs] == [
        (data["subscriptionId"], "active"),
        ("sub_ws_active", "canceled"),
    ]
    assert subs[0]["capacity"] == {"units": 7, "billing_mode": "recurring"}
    (invoice,) = _invoices(api, "ws_active")
    assert invoice["totalAmount"] == "119.00", "99 + 2 extra seats x 10"
    balance = api.get("/api/public/credits/balance", params={"tenantId": "ws_active"}).json()["data"]
    assert balance["ai_generations"]["total"] == 500, "the old base grant ended; the new plan's began"


@pytest.mark.parametrize("field", ["totalCapacityUnits", "totalCapcityUnits", "quantity"])
def test_seat_count_field_spellings(api: httpx.Client, control: ControlPlane, field: str) -> None:
    data = _checkout(api, planId="plan_business", externalTenantId="ws_none", **{field: 12})
    control.complete_checkout(data["sessionId"])
    state = control.tenant_state("ws_none")
    assert state["subscriptions"][0]["capacity_units"] == 12


def test_seat_defaults_and_limits(api: httpx.Client, control: ControlPlane) -> None:
    data = _checkout(api, planId="plan_business", externalTenantId="ws_none")
    assert control.tenant_state("ws_none")["subscriptions"][0]["capacity_units"] == 5, "included seats"
    control.complete_checkout(data["sessionId"])
    for seats in (0, 101):
        response = api.post(
            CHECKOUT,
            json={"planId": "plan_business", "externalTenantId": "ws_none", "totalCapacityUnits": seats},
        )
        assert (response.status_code, response.json()["error"]["code"]) == (400, "INVALID_CAPACITY")
    bad = api.post(CHECKOUT, json={"planId": "plan_business", "externalTenantId": "ws_none", "quantity": 2.5})
    assert (bad.status_code, bad.json()["error"]["code"]) == (400, "VALIDATION_ERROR")


def test_failed_payment_expires_the_subscription(api: httpx.Client, control: ControlPlane) -> None:
    data = _checkout(api, planId="plan_pro", externalTenantId="ws_none")
    assert control.complete_checkout(data["sessionId"], outcome="failed")["status"] == "failed"
    assert _status(api, "ws_none")["status"] == "expired"
    with pytest.raises(EmulatorError) as info:
        control.complete_checkout(data["sessionId"])
    assert (info.value.status, info.value.code) == (409, "CHECKOUT_ALREADY_COMPLETED")
    with pytest.raises(EmulatorError) as missing:
        control.complete_checkout("cs_nope")
    assert (missing.value.status, missing.value.code) == (404, "SESSION_NOT_FOUND")
    assert _invoices(api, "ws_none") == []


def test_checkout_errors(api: httpx.Client) -> None:
    cases = [
        (
            {"planId": "plan_pro", "externalTenantId": "ws_none", "currency": "GBP"},
            422,
            "CURRENCY_NOT_SUPPORTED",
        ),
        (
            {"planId": "plan_business", "externalTenantId": "ws_none", "currency": "EUR"},
            422,
            "CURRENCY_NOT_SUPPORTED",
        ),
        ({"planId": "plan_nope", "externalTenantId": "ws_none"}, 404, "PLAN_NOT_FOUND"),
        ({"planId": "plan_pro", "externalTenantId": "nope"}, 404, "TENANT_NOT_FOUND"),
        ({"planId": "plan_pro"}, 400, "MISSING_REQUIRED_FIELDS"),
        ({"externalTenantId": "ws_none"}, 400, "MISSING_REQUIRED_FIELDS"),
        (
            {"planId": "plan_pro", "externalTenantId": "ws_none", "provider": "paypal"},
            400,
            "VALIDATION_ERROR",
        ),
        ({"planId": "plan_pro", "externalTenantId": "ws_none", "metadata": "x"}, 400, "VALIDATION_ERROR"),
    ]
    for body, status, code in cases:
        response = api.post(CHECKOUT, json=body)
        assert (response.status_code, response.json()["error"]["code"]) == (status, code), body


def test_d2c_checkout_creates_the_tenant(api: httpx.Client, control: ControlPlane) -> None:
    d2c = {"Authorization": f"Bearer {D2C_SECRET_KEY}"}
    response = api.post(
        CHECKOUT,
        json={"planId": "plan_d2c_plus", "externalUserId": "bob", "userEmail": "bob@x.test"},
        headers=d2c,
    )
    assert response.status_code == 201
    control.complete_checkout(response.json()["data"]["sessionId"])
    tenant = api.get("/api/public/tenants", params={"externalTenantId": "bob"}, headers=d2c).json()["data"]
    assert tenant["members"] == [
        {"externalUserId": "bob", "email": "bob@x.test", "name": "bob", "role": "owner"}
    ]
    assert _status(api, "ws_none")["status"] == "none", "the B2B org is untouched"
    missing = api.post(CHECKOUT, json={"planId": "plan_d2c_plus"}, headers=d2c)
    assert missing.json()["error"]["code"] == "MISSING_REQUIRED_FIELDS"


def test_checkout_page_pays_and_redirects(api: httpx.Client, raw: httpx.Client) -> None:
    data = _checkout(api, planId="plan_pro", externalTenantId="ws_none", successUrl="https://app.test/ok")
    page = raw.get(data["checkoutUrl"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Pay" in page.text and "0.00" not in page.text
    paid = raw.post(data["checkoutUrl"], data={"outcome": "paid"})
    assert (paid.status_code, paid.headers["location"]) == (303, "https://app.test/ok")
    assert _status(api, "ws_none")["status"] == "trial"
    assert "already paid" in raw.get(data["checkoutUrl"]).text
    assert raw.get("/checkout/cs_nope").status_code == 404


def test_invoices_newest_first(api: httpx.Client, control: ControlPlane) -> None:
    control.complete_checkout(_checkout(api, planId="plan_pro", externalTenantId="ws_canceled")["sessionId"])
    control.advance_clock(days=31)
    invoices = _invoices(api, "ws_canceled")
    assert [i["invoiceType"] for i in invoices] == ["renewal", "subscription"]
    assert invoices[0]["periodStart"] == "2026-02-01T00:00:00.000Z"
    assert {i["hostedInvoiceUrl"] for i in invoices} == {None}
    unknown = api.get("/api/public/billing/invoices", params={"externalTenantId": "nope"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")


@pytest.mark.parametrize(
    ("kind", "url_key"), [("checkout-token", "checkoutUrl"), ("portal-token", "portalUrl")]
)
def test_tokens(public: httpx.Client, kind: str, url_key: str) -> None:
    response = public.post(
        f"/api/public/auth/{kind}", json={"externalTenantId": "ws_active", "returnUrl": "https://app.test"}
    )
    assert response.status_code == 201  # as in the docs
    body = response.json()
    assert body["data"]["expiresAt"] == "2026-01-01T01:00:00.000Z"
    assert body["meta"]["expiresIn"] == 3600
    assert body["meta"][url_key].endswith(body["data"]["token"])
    unknown = public.post(
        f"/api/public/auth/{kind}", json={"externalTenantId": "nope", "returnUrl": "https://app.test"}
    )
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")
    missing = public.post(f"/api/public/auth/{kind}", json={"externalTenantId": "ws_active"})
    assert missing.json()["error"]["code"] == "MISSING_REQUIRED_FIELDS"


def test_a_control_plane_pointed_at_something_else_raises_emulator_error() -> None:
    html = httpx.MockTransport(lambda request: httpx.Response(502, text="<html>Bad Gateway</html>"))
    with (
        ControlPlane("http://proxy.test", http_client=httpx.Client(transport=html)) as control,
        pytest.raises(EmulatorError) as info,
    ):
        control.now()
    assert info.value.status == 502 and "Bad Gateway" in info.value.message
