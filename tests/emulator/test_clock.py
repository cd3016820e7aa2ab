"""The emulator's clock: renewals (reset vs rollover with cap), add-on expiry, trial end, cancellation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from crovver_ext.testing import IN_PROCESS_URL, ControlPlane, EmulatorError, LocalCrovver, default_seed
from tests.emulator.helpers import conform_hook


def _balance(client: httpx.Client, tenant: str = "ws_active") -> Any:
    return client.get("/api/public/credits/balance", params={"tenantId": tenant}).json()["data"]


def _consume(client: httpx.Client, pool: str, amount: int, key: str, tenant: str = "ws_active") -> Any:
    body = {"tenantId": tenant, "poolKey": pool, "amount": amount, "idempotencyKey": key}
    return client.post("/api/public/credits/consume", json=body).json()["data"]


def _invoices(client: httpx.Client, tenant: str) -> list[Any]:
    data: list[Any] = client.get("/api/public/billing/invoices", params={"externalTenantId": tenant}).json()[
        "data"
    ]["invoices"]
    return data


def test_clock_starts_frozen_at_a_fixed_instant(control: ControlPlane) -> None:
    assert control.now() == datetime(2026, 1, 1, tzinfo=UTC)
    assert control.advance_clock(seconds=90) == datetime(2026, 1, 1, 0, 1, 30, tzinfo=UTC)
    assert control.now() == datetime(2026, 1, 1, 0, 1, 30, tzinfo=UTC)


def test_renewal_resets_and_rolls_over_with_a_cap(api: httpx.Client, control: ControlPlane) -> None:
    _consume(api, "ai_generations", 30, "a")
    _consume(api, "api_calls", 200, "b")
    control.advance_clock(days=20)
    assert _balance(api)["ai_generations"]["total"] == 70, "not renewed before the period end"
    control.advance_clock(days=1)  # 2026-01-22: the period ends
    balance = _balance(api)
    assert (balance["ai_generations"]["total"], balance["ai_generations"]["usagePercent"]) == (100, 0), (
        "reset"
    )
    assert balance["api_calls"]["total"] == 1800, "rollover: 800 carried"
    assert balance["api_calls"]["nextExpiry"] == "2026-02-22T00:00:00.000Z"
    control.advance_clock(days=31)
    assert _balance(api)["api_calls"]["total"] == 2800, "1800 carried (under the 2000 cap)"
    control.advance_clock(days=28)
    assert _balance(api)["api_calls"]["total"] == 3000, "2800 unused but only 2000 carried"
    invoices = _invoices(api, "ws_active")
    assert [(i["invoiceType"], i["totalAmount"], i["periodStart"]) for i in invoices] == [
        ("renewal", "29.00", "2026-03-22T00:00:00.000Z"),
        ("renewal", "29.00", "2026-02-22T00:00:00.000Z"),
        ("renewal", "29.00", "2026-01-22T00:00:00.000Z"),
    ]
    status = api.get("/api/public/subscriptions/status", params={"tenantId": "ws_active"}).json()["data"]
    assert status["subscription"]["currentPeriodEnd"] == "2026-04-22T00:00:00.000Z"


def test_uncapped_rollover_and_carried_debt(api: httpx.Client, control: ControlPlane) -> None:
    _consume(api, "api_calls", 1500, "debt")
    control.advance_clock(days=21)
    assert _balance(api)["api_calls"]["total"] == 500, "a soft pool's deficit rolls over too"
    control.advance_clock(days=1, seconds=0)
    assert _balance(api, "ws_business")["api_calls"]["total"] == 20000, "business: rolloverCap null"


def test_one_long_advance_runs_every_renewal_in_order(api: httpx.Client, control: ControlPlane) -> None:
    control.advance_clock(days=120)  # to 2026-05-01
    periods = [i["periodStart"][:10] for i in _invoices(api, "ws_active")]
    assert periods == ["2026-04-22", "2026-03-22", "2026-02-22", "2026-01-22"]
    manual = _invoices(api, "ws_manual")
    assert {i["status"] for i in manual} == {"open"} and all(i["paidAt"] is None for i in manual)
    assert (
        api.get("/api/public/subscriptions/status", params={"tenantId": "ws_past_due"}).json()["data"][
            "status"
        ]
        == "past_due"
    )


def test_period_addon_expires_at_period_end(api: httpx.Client, control: ControlPlane) -> None:
    url = api.post(
        "/api/public/tenants/ws_active/addons/purchase",
        json={"addonId": "addon_ai_500", "currency": "USD", "idempotencyKey": "k"},
    ).json()["data"]["checkoutUrl"]
    control.complete_checkout(url.rsplit("/", 1)[1])
    control.advance_clock(days=20)
    assert _balance(api)["ai_generations"]["addonRemaining"] == 500
    control.advance_clock(days=1)
    assert _balance(api)["ai_generations"]["addonRemaining"] == 0
    assert api.get("/api/public/tenants/ws_active/addons/active").json()["data"] == []
    grants = control.ledger("ws_active", "ai_generations")["grants"]
    assert [(g["source_type"], g["expired"]) for g in grants] == [
        ("base", True),
        ("addon", True),
        ("base", False),
    ]


def test_days_addon_expires_after_its_days(api: httpx.Client, control: ControlPlane) -> None:
    api.post(
        "/api/public/tenants/ws_active/addons/purchase",
        json={"addonId": "addon_api_free", "currency": "USD", "idempotencyKey": "k"},
    )
    control.advance_clock(days=29)
    assert _balance(api)["api_calls"]["addonRemaining"] == 100, "outlives the period end (day 21)"
    control.advance_clock(days=1)
    assert _balance(api)["api_calls"]["addonRemaining"] == 0


@pytest.fixture
def custom() -> Iterator[httpx.Client]:
    seed = default_seed()
    org = seed["organizations"][0]
    for addon_id, expiry in (("addon_never", "never"), ("addon_period_end", "period_end")):
        org["addons"].append(
            {
                "id": addon_id,
                "poolKey": "ai_generations",
                "displayName": addon_id,
                "creditQty": 10,
                "expiryType": expiry,
                "prices": {"USD": "0.00"},
                "planIds": ["plan_pro"],
            }
        )
    local = LocalCrovver(seed=seed)  # in process: never started
    headers = {"Authorization": f"Bearer {local.secret_key}"}
    with httpx.Client(
        transport=local.transport(),
        base_url=IN_PROCESS_URL,
        headers=headers,
        event_hooks={"response": [conform_hook]},
    ) as client:
        yield client
    local.stop()


def test_never_and_period_end_addons(custom: httpx.Client) -> None:
    for addon in ("addon_never", "addon_period_end"):
        body = {"addonId": addon, "currency": "USD", "idempotencyKey": addon}
        assert custom.post("/api/public/tenants/ws_active/addons/purchase", json=body).status_code == 201
    active = custom.get("/api/public/tenants/ws_active/addons/active").json()["data"]
    assert active == [
        {
            "pool_key": "ai_generations",
            "addon_remaining": "20",
            "active_addon_grants": "2",
            "next_addon_expiry": "2026-01-22T00:00:00.000Z",
        }
    ]
    custom.post("/_emulator/clock/advance", json={"days": 400})
    active = custom.get("/api/public/tenants/ws_active/addons/active").json()["data"]
    assert active == [
        {
            "pool_key": "ai_generations",
            "addon_remaining": "10",
            "active_addon_grants": "1",
            "next_addon_expiry": None,
        }
    ]


def test_trial_end_activates_and_bills(api: httpx.Client, control: ControlPlane) -> None:
    _consume(api, "ai_generations", 40, "t", tenant="ws_trial")
    control.advance_clock(days=11)
    status = api.get("/api/public/subscriptions/status", params={"tenantId": "ws_trial"}).json()["data"]
    assert (status["status"], status["active"]) == ("active", True)
    assert status["subscription"]["currentPeriodStart"] == "2026-01-12T00:00:00.000Z"
    assert status["subscription"]["currentPeriodEnd"] == "2026-02-12T00:00:00.000Z"
    assert [(i["invoiceType"], i["totalAmount"]) for i in _invoices(api, "ws_trial")] == [
        ("subscription", "29.00")
    ]
    assert _balance(api, "ws_trial")["ai_generations"]["total"] == 100


def test_pending_cancel_ends_at_period_end(api: httpx.Client, control: ControlPlane) -> None:
    control.advance_clock(days=10, seconds=86399)
    assert _balance(api, "ws_pending_cancel")["ai_generations"]["total"] == 100
    control.advance_clock(seconds=1)  # 2026-01-12T00:00:00Z
    status = api.get("/api/public/subscriptions/status", params={"tenantId": "ws_pending_cancel"}).json()[
        "data"
    ]
    assert (status["status"], status["active"]) == ("canceled", False)
    assert _balance(api, "ws_pending_cancel") == {}
    can = api.post(
        "/api/public/can-access", json={"requestingEntityId": "ws_pending_cancel", "productSlug": "app"}
    )
    assert can.json()["data"]["canAccess"] is False
    assert _invoices(api, "ws_pending_cancel") == []


def test_a_trial_canceled_before_its_end_never_activates(api: httpx.Client, control: ControlPlane) -> None:
    api.post(
        "/api/public/subscriptions/sub_ws_trial/cancel",
        json={"externalTenantId": "ws_trial", "reason": "not_using"},
    )
    control.advance_clock(days=30)
    assert (
        api.get("/api/public/subscriptions/status", params={"tenantId": "ws_trial"}).json()["data"]["status"]
        == "canceled"
    )
    assert _invoices(api, "ws_trial") == []


@pytest.mark.parametrize(
    "body",
    [b'{"days": -1}', b'{"seconds": true}', b'{"days": "1"}', b'{"days": 36501}', b'{"days": 1e999}', b"[1]"],
)
def test_advance_validation(local: LocalCrovver, body: bytes) -> None:
    with httpx.Client(base_url=local.base_url, verify=False) as client:
        response = client.post("/_emulator/clock/advance", content=body)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "VALIDATION_ERROR")


def test_advance_validation_via_the_control_plane(control: ControlPlane) -> None:
    with pytest.raises(EmulatorError) as info:
        control.advance_clock(days=-5)
    assert info.value.status == 400
