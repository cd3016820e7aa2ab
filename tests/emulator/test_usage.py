"""The deprecated usage endpoints still work: a plain event log checked against plan limits."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from crovver_ext.testing import ControlPlane


def _record(client: httpx.Client, **body: Any) -> httpx.Response:
    return client.post("/api/public/record-usage", json={"requestingEntityId": "ws_active", **body})


def _check(client: httpx.Client, metric: str, tenant: str = "ws_active") -> httpx.Response:
    return client.post("/api/public/check-usage-limit", json={"requestingEntityId": tenant, "metric": metric})


def test_record_and_check(api: httpx.Client, control: ControlPlane) -> None:
    first = _record(api, metric="projects", value=3, metadata={"by": "test"})
    assert first.status_code == 201
    assert first.json()["data"] == {
        "message": "Usage recorded successfully",
        "metric": "projects",
        "recordedValue": 3,
    }
    assert _record(api, metric="projects").json()["data"]["recordedValue"] == 1
    assert _check(api, "projects").json()["data"] == {
        "allowed": True,
        "current": 4,
        "limit": 10,
        "remaining": 6,
        "percentage": 40,
        "metric": "projects",
    }
    _record(api, metric="projects", value=6)
    full = _check(api, "projects").json()["data"]
    assert (full["allowed"], full["remaining"], full["percentage"]) == (False, 0, 100)
    control.advance_clock(days=21)  # renewal: a new period counts from zero
    assert _check(api, "projects").json()["data"]["current"] == 0


def test_unknown_metric_is_unlimited(api: httpx.Client) -> None:
    assert _check(api, "widgets").json()["data"] == {
        "allowed": True,
        "current": 0,
        "limit": None,
        "remaining": None,
        "percentage": None,
        "metric": "widgets",
    }


def test_usage_errors(api: httpx.Client) -> None:
    no_sub = _check(api, "projects", tenant="ws_none")
    assert (no_sub.status_code, no_sub.json()["error"]["code"]) == (404, "NO_ACTIVE_SUBSCRIPTION")
    unknown = _check(api, "projects", tenant="nope")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")
    missing = _record(api)
    assert (missing.status_code, missing.json()["error"]["code"]) == (400, "MISSING_REQUIRED_FIELDS")


@pytest.mark.parametrize("value", [1.5, "2", True, -1])
def test_record_value_must_be_an_integer(api: httpx.Client, value: Any) -> None:
    response = _record(api, metric="projects", value=value)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "VALIDATION_ERROR")
