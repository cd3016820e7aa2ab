"""Seats: count, allocate (idempotent, proration at capacity), bulk, pagination, proration checkout."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from crovver_ext.testing import ControlPlane

CAP = "/api/public/capacity"


def _post(client: httpx.Client, path: str, **body: Any) -> httpx.Response:
    return client.post(f"{CAP}/{path}", json=body)


def _count(client: httpx.Client, tenant: str = "ws_business") -> Any:
    return _post(client, "count", requestingEntityId=tenant).json()["data"]


def _allocate(client: httpx.Client, user: str, **extra: Any) -> Any:
    response = _post(client, "allocate", requestingEntityId="ws_business", externalUserId=user, **extra)
    assert response.status_code == 200, response.text
    return response.json()["data"]


def test_count(api: httpx.Client) -> None:
    assert _count(api) == {
        "activeCount": 3,
        "capacityUnits": 5,
        "utilizationPercentage": 60,
        "billingMode": "recurring",
        "exceeded": False,
    }


@pytest.mark.parametrize("tenant", ["ws_active", "ws_none", "nope"])
def test_count_404_is_a_string_error(api: httpx.Client, tenant: str) -> None:
    response = _post(api, "count", requestingEntityId=tenant)
    assert response.status_code == 404 and isinstance(response.json()["error"], str)


def test_allocate_is_idempotent_per_user(api: httpx.Client) -> None:
    first = _allocate(api, "new_user", email="n@x.test", name="New")
    assert first == {
        "success": True,
        "message": "Seat allocated to 'new_user'",
        "capacity": {"activeCount": 4, "capacityUnits": 5, "exceeded": False},
    }
    again = _allocate(api, "new_user")
    assert again["success"] is True and again["capacity"]["activeCount"] == 4
    assert _allocate(api, "user_ws_business")["capacity"]["activeCount"] == 4, "already seated"


def test_a_removed_user_can_be_seated_again(api: httpx.Client) -> None:
    assert _allocate(api, "user_ws_business_left")["capacity"]["activeCount"] == 4
    listed = api.get(
        f"{CAP}/allocations", params={"requestingEntityId": "ws_business", "status": "removed"}
    ).json()["data"]
    assert listed["allocations"] == []


def test_at_capacity_offers_proration_then_checkout(api: httpx.Client, control: ControlPlane) -> None:
    _allocate(api, "u4")
    _allocate(api, "u5")
    offer = _allocate(api, "u6")
    assert offer["requiresProration"] is True and offer["success"] is False
    # Period 2025-12-20 .. 2026-01-20 (31 days), 19 days left: 10.00 * 19 / 31 = 6.13.
    assert offer["proration"] == {
        "amount": "6.13",
        "currency": "USD",
        "description": "Prorated charge for 1 additional seat for the remaining 19 of 31 days",
        "daysRemaining": 19,
        "totalDaysInPeriod": 31,
        "currentSeats": 5,
        "newSeats": 6,
    }
    assert _count(api)["activeCount"] == 5, "nothing allocated yet"
    confirmed = _allocate(api, "u6", confirmProration=True)
    assert confirmed["requiresCheckout"] is True and confirmed["prorationId"].startswith("pro_")
    session = confirmed["checkoutUrl"].rsplit("/", 1)[1]
    assert control.complete_checkout(session)["kind"] == "seats"
    assert _count(api) == {
        "activeCount": 6,
        "capacityUnits": 6,
        "utilizationPercentage": 100,
        "billingMode": "recurring",
        "exceeded": False,
    }
    invoices = api.get("/api/public/billing/invoices", params={"externalTenantId": "ws_business"}).json()[
        "data"
    ]["invoices"]
    assert [(i["invoiceType"], i["totalAmount"]) for i in invoices] == [("proration", "6.13")]


def test_declined_seat_checkout_changes_nothing(api: httpx.Client, control: ControlPlane) -> None:
    _allocate(api, "u4")
    _allocate(api, "u5")
    session = _allocate(api, "u6", confirmProration=True)["checkoutUrl"].rsplit("/", 1)[1]
    control.complete_checkout(session, outcome="failed")
    assert _count(api)["capacityUnits"] == 5 and _count(api)["activeCount"] == 5


def test_bulk_allocate_200_and_207(api: httpx.Client) -> None:
    ok = _post(
        api,
        "bulk-allocate",
        requestingEntityId="ws_business",
        users=[{"externalUserId": "b1"}, {"externalUserId": "user_ws_business"}],
    )
    assert ok.status_code == 200
    data = ok.json()["data"]
    assert (data["allocated"], data["skipped"], data["rejected"]) == (["b1"], ["user_ws_business"], [])
    assert data["capacity"] == {"activeCount": 4, "capacityUnits": 5}
    partial = _post(
        api,
        "bulk-allocate",
        requestingEntityId="ws_business",
        users=[{"externalUserId": f"c{i}", "email": f"c{i}@x.test"} for i in range(3)],
    )
    assert partial.status_code == 207
    data = partial.json()["data"]
    assert (data["allocated"], data["rejected"]) == (["c0"], ["c1", "c2"])
    assert "rejected" in data["message"]


@pytest.mark.parametrize(
    ("users", "code"),
    [
        ([], "VALIDATION_ERROR"),
        ([{"externalUserId": f"u{i}"} for i in range(101)], "VALIDATION_ERROR"),
        ([{"externalUserId": "dup"}, {"externalUserId": "dup"}], "VALIDATION_ERROR"),
        ([{"email": "no-id@x.test"}], "VALIDATION_ERROR"),
        (["just-a-string"], "VALIDATION_ERROR"),
        ("not-a-list", "VALIDATION_ERROR"),
    ],
    ids=["empty", "101", "duplicate", "no-id", "not-object", "not-list"],
)
def test_bulk_allocate_validation(api: httpx.Client, users: Any, code: str) -> None:
    response = _post(api, "bulk-allocate", requestingEntityId="ws_business", users=users)
    assert (response.status_code, response.json()["error"]["code"]) == (400, code)


def test_bulk_allocate_accepts_exactly_100(api: httpx.Client) -> None:
    response = _post(
        api,
        "bulk-allocate",
        requestingEntityId="ws_business",
        users=[{"externalUserId": f"u{i}"} for i in range(100)],
    )
    assert response.status_code == 207
    assert len(response.json()["data"]["allocated"]) == 2 and len(response.json()["data"]["rejected"]) == 98


def _page(client: httpx.Client, **params: Any) -> httpx.Response:
    return client.get(f"{CAP}/allocations", params={"requestingEntityId": "ws_business", **params})


def test_allocations_pagination(api: httpx.Client) -> None:
    first = _page(api).json()["data"]
    assert [a["externalUserId"] for a in first["allocations"]] == [
        "user_ws_business",
        "user_ws_business_2",
        "user_ws_business_3",
    ]
    assert first["pagination"] == {
        "total": 3,
        "page": 1,
        "totalPages": 1,
        "hasNextPage": False,
        "hasPreviousPage": False,
    }
    assert first["capacity"] == {
        "activeCount": 3,
        "capacityUnits": 5,
        "utilizationPercentage": 60,
        "exceeded": False,
    }
    everyone = _page(api, status="all", limit=3).json()["data"]
    assert everyone["pagination"] == {
        "total": 4,
        "page": 1,
        "totalPages": 2,
        "hasNextPage": True,
        "hasPreviousPage": False,
    }
    last = _page(api, status="all", limit=3, page=2).json()["data"]
    assert [a["status"] for a in last["allocations"]] == ["removed"]
    assert last["allocations"][0]["removedAt"] == "2025-12-31T00:00:00.000Z"
    assert last["pagination"]["hasPreviousPage"] is True and last["pagination"]["hasNextPage"] is False
    beyond = _page(api, page=9).json()["data"]
    assert beyond["allocations"] == [] and beyond["pagination"]["page"] == 9
    assert len(_page(api, limit=100).json()["data"]["allocations"]) == 3


@pytest.mark.parametrize(
    "params", [{"limit": "101"}, {"limit": "0"}, {"page": "0"}, {"page": "x"}, {"status": "gone"}]
)
def test_allocations_bad_parameters(api: httpx.Client, params: dict[str, str]) -> None:
    response = _page(api, **params)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "VALIDATION_ERROR")


def test_seat_endpoints_need_a_seat_subscription(api: httpx.Client) -> None:
    for response in (
        _post(api, "allocate", requestingEntityId="ws_active", externalUserId="x"),
        _post(api, "bulk-allocate", requestingEntityId="ws_active", users=[{"externalUserId": "x"}]),
        api.get(f"{CAP}/allocations", params={"requestingEntityId": "ws_active"}),
        _post(api, "proration-checkout", externalTenantId="ws_active", newCapacity=9),
    ):
        assert (response.status_code, response.json()["error"]["code"]) == (404, "NO_ACTIVE_SUBSCRIPTION")
    unknown = _post(api, "allocate", requestingEntityId="nope", externalUserId="x")
    assert unknown.json()["error"]["code"] == "TENANT_NOT_FOUND"


def test_proration_checkout(api: httpx.Client, control: ControlPlane) -> None:
    response = _post(
        api, "proration-checkout", externalTenantId="ws_business", newCapacity=7, planId="plan_business"
    )
    data = response.json()["data"]
    assert (
        data["requiresPayment"] is True and data["prorationAmount"] == 12.26
    )  # 20.00 * 19 / 31, a JSON number
    assert data["prorationDetails"]["newSeats"] == 7
    control.complete_checkout(data["checkoutUrl"].rsplit("/", 1)[1])
    assert _count(api)["capacityUnits"] == 7


@pytest.mark.parametrize(
    ("capacity", "code"),
    [
        (5, "INVALID_CAPACITY"),
        (4, "INVALID_CAPACITY"),
        (101, "INVALID_CAPACITY"),
        (-1, "VALIDATION_ERROR"),
        ("6", "VALIDATION_ERROR"),
    ],
)
def test_proration_checkout_needs_more_seats(api: httpx.Client, capacity: Any, code: str) -> None:
    response = _post(api, "proration-checkout", externalTenantId="ws_business", newCapacity=capacity)
    assert (response.status_code, response.json()["error"]["code"]) == (400, code)


def test_proration_checkout_other_errors(api: httpx.Client) -> None:
    plan = _post(api, "proration-checkout", externalTenantId="ws_business", newCapacity=7, planId="plan_nope")
    assert (plan.status_code, plan.json()["error"]["code"]) == (404, "PLAN_NOT_FOUND")
    other = _post(api, "proration-checkout", externalTenantId="ws_business", newCapacity=7, planId="plan_pro")
    assert (other.status_code, other.json()["error"]["code"]) == (400, "VALIDATION_ERROR")


def test_free_proration_applies_at_once(api: httpx.Client, control: ControlPlane) -> None:
    session = api.post(
        "/api/public/checkout",
        json={"planId": "plan_business", "externalTenantId": "ws_none", "totalCapacityUnits": 2},
    ).json()["data"]
    control.complete_checkout(session["sessionId"])
    data = _post(api, "proration-checkout", externalTenantId="ws_none", newCapacity=4).json()["data"]
    assert (data["requiresPayment"], data["checkoutUrl"], data["prorationAmount"]) == (False, None, 0)
    assert _count(api, "ws_none")["capacityUnits"] == 4
    _post(
        api,
        "bulk-allocate",
        requestingEntityId="ws_none",
        users=[{"externalUserId": f"u{i}"} for i in range(4)],
    )
    free_seat = _post(
        api, "allocate", requestingEntityId="ws_none", externalUserId="u5", confirmProration=True
    ).json()["data"]
    assert free_seat["success"] is True and free_seat["capacity"]["capacityUnits"] == 5
