"""Fault injection (status, resets before/after handling, delays), the request log, and reset."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from crovver_ext.testing import ControlPlane, EmulatorError, LocalCrovver

CONSUME = "/api/public/credits/consume"
BALANCE = "/api/public/credits/balance?tenantId=ws_active"


def _consume(client: httpx.Client, key: str, amount: int = 1) -> httpx.Response:
    return client.post(
        CONSUME,
        json={"tenantId": "ws_active", "poolKey": "ai_generations", "amount": amount, "idempotencyKey": key},
    )


def _total(client: httpx.Client) -> int:
    return int(client.get(BALANCE).json()["data"]["ai_generations"]["total"])


def test_status_fault_with_html_body_and_headers_expires_after_times(
    raw: httpx.Client, control: ControlPlane
) -> None:
    control.inject_fault(
        CONSUME,
        method="POST",
        status=503,
        body="<html><body>Bad gateway</body></html>",
        content_type="text/html",
        headers={"Retry-After": "2"},
        times=2,
    )
    for key in ("a", "b"):
        response = _consume(raw, key)
        assert response.status_code == 503
        assert response.headers["content-type"] == "text/html"
        assert response.headers["retry-after"] == "2"
        assert response.text == "<html><body>Bad gateway</body></html>"
    assert _total(raw) == 100, "a canned status handles nothing"
    assert _consume(raw, "c").status_code == 200, "the fault expired after 2 hits"
    assert control.requests(path=CONSUME)[0]["fault"] == "status"


@pytest.mark.parametrize("status", [520, 408, 429, 500])
def test_any_status_and_a_json_body(raw: httpx.Client, control: ControlPlane, status: int) -> None:
    control.inject_fault("/api/public/plans", status=status, body={"oops": True})
    response = raw.get("/api/public/plans")
    assert (response.status_code, response.json()) == (status, {"oops": True})
    assert response.headers["content-type"] == "application/json"


def test_empty_body_fault(raw: httpx.Client, control: ControlPlane) -> None:
    control.inject_fault("/api/public/plans", status=502)
    response = raw.get("/api/public/plans")
    assert (response.status_code, response.content) == (502, b"")


def test_reset_before_handles_nothing(raw: httpx.Client, control: ControlPlane) -> None:
    control.inject_fault(CONSUME, action="reset_before")
    with pytest.raises(httpx.ReadError):
        _consume(raw, "k")
    assert _total(raw) == 100
    entry = control.requests(path=CONSUME)[0]
    assert (entry["status"], entry["fault"]) == (None, "reset_before")
    assert _consume(raw, "k").json()["data"]["alreadyProcessed"] is False


def test_reset_after_commits_then_loses_the_response(raw: httpx.Client, control: ControlPlane) -> None:
    control.inject_fault(CONSUME, action="reset_after")
    with pytest.raises(httpx.ReadError):
        _consume(raw, "k", amount=5)
    assert _total(raw) == 95, "the state change was committed"
    retry = _consume(raw, "k", amount=5).json()["data"]
    assert retry == {
        "result": "allowed",
        "remaining": 95,
        "alreadyProcessed": True,
        "poolKey": "ai_generations",
    }


def test_delay_then_handle(raw: httpx.Client, control: ControlPlane) -> None:
    control.inject_fault("/api/public/plans", action="delay", delay=0.2)
    started = time.monotonic()
    assert raw.get("/api/public/plans").status_code == 200
    assert time.monotonic() - started >= 0.2
    control.inject_fault(
        "/api/public/plans", action="delay", delay=0.1, status=429, headers={"Retry-After": "1"}
    )
    started = time.monotonic()
    response = raw.get("/api/public/plans")
    assert response.status_code == 429 and time.monotonic() - started >= 0.1


def test_delay_longer_than_the_client_timeout(local: LocalCrovver, control: ControlPlane) -> None:
    control.inject_fault("/api/public/plans", action="delay", delay=0.3)
    with (
        httpx.Client(base_url=local.base_url, timeout=0.05, verify=False) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get("/api/public/plans", headers={"x-public-key": local.public_key})


def test_prefix_and_method_matching(raw: httpx.Client, control: ControlPlane) -> None:
    control.inject_fault("/api/public/tenants/*", method="GET", status=503, times=3)
    assert raw.get("/api/public/tenants/ws_active/addons/active").status_code == 503
    assert raw.get("/api/public/tenants?externalTenantId=ws_active").status_code == 200, (
        "prefix needs the slash"
    )
    purchase = raw.post(
        "/api/public/tenants/ws_active/addons/purchase",
        json={"addonId": "addon_api_free", "currency": "USD", "idempotencyKey": "x"},
    )
    assert purchase.status_code == 201, "POST is not hit by a GET fault"
    assert len(control.requests(method="GET", path="/api/public/tenants/*")) == 1
    control.clear_faults()
    assert raw.get("/api/public/tenants/ws_active/addons/active").status_code == 200


def test_faults_are_consumed_in_order_and_listed(
    raw: httpx.Client, control: ControlPlane, local: LocalCrovver
) -> None:
    first = control.inject_fault("/api/public/plans", status=500)
    control.inject_fault("/api/public/plans", status=502)
    listed = httpx.get(f"{local.base_url}/_emulator/faults").json()
    assert listed[0]["id"] == first and [f["status"] for f in listed] == [500, 502]
    assert [raw.get("/api/public/plans").status_code for _ in range(3)] == [500, 502, 200]


def test_the_control_plane_is_never_faulted_or_logged(raw: httpx.Client, control: ControlPlane) -> None:
    control.inject_fault("/*", status=500, times=100)
    assert control.now().year == 2026
    assert raw.get("/checkout/cs_nope").status_code == 404, "checkout pages belong to the control plane"
    assert control.requests() == []
    assert raw.get("/api/public/plans").status_code == 500


@pytest.mark.parametrize(
    "spec",
    [
        {"path": "no-slash"},
        {"path": "/x", "action": "explode"},
        {"path": "/x", "times": 0},
        {"path": "/x", "status": 99},
        {"path": "/x", "status": "500"},
        {"path": "/x", "delay": -1},
        {"path": "/x", "headers": {"Bad Header": "x"}},
        {"path": "/x", "headers": {"X-A": "line\r\nbreak"}},
    ],
)
def test_bad_fault_specs_are_rejected(local: LocalCrovver, spec: dict[str, Any]) -> None:
    response = httpx.post(f"{local.base_url}/_emulator/faults", json=spec)
    assert (response.status_code, response.json()["error"]["code"]) == (400, "VALIDATION_ERROR")


def test_request_log(
    api: httpx.Client, public: httpx.Client, control: ControlPlane, local: LocalCrovver
) -> None:
    _consume(api, "logged")
    public.get("/api/public/plans", params={"publicKey": local.public_key})
    api.post(CONSUME, content=b"not json")
    log = control.requests()
    assert [(e["method"], e["path"], e["status"]) for e in log] == [
        ("POST", CONSUME, 200),
        ("GET", "/api/public/plans", 200),
        ("POST", CONSUME, 400),
    ]
    assert [e["id"] for e in log] == sorted(e["id"] for e in log)
    assert log[0]["body"]["idempotencyKey"] == "logged"
    assert log[0]["headers"]["authorization"] == "[REDACTED]"
    assert log[1]["headers"]["x-public-key"] == "[REDACTED]" and log[1]["query"]["publicKey"] == "[REDACTED]"
    assert log[2]["body"] == "not json" and log[0]["fault"] is None
    assert log[0]["time"] == "2026-01-01T00:00:00.000Z"
    assert len(control.requests(method="post")) == 2
    assert local.secret_key not in str(log) and local.public_key not in str(log)
    control.clear_requests()
    assert control.requests() == []


def test_reset_returns_to_the_seed(api: httpx.Client, control: ControlPlane) -> None:
    _consume(api, "before-reset", amount=50)
    api.post("/api/public/tenants", json={"externalTenantId": "temp", "name": "Temp", "externalUserId": "u"})
    control.advance_clock(days=3)
    control.inject_fault("/api/public/plans", status=500)
    control.register_webhook("http://127.0.0.1:9/hooks")
    control.reset()
    assert _total(api) == 100
    assert api.get("/api/public/tenants", params={"externalTenantId": "temp"}).status_code == 404
    assert control.now().isoformat() == "2026-01-01T00:00:00+00:00"
    assert api.get("/api/public/plans").status_code == 200
    assert control.webhook_deliveries() == []
    assert [e["path"] for e in control.requests()] == [
        "/api/public/credits/balance",
        "/api/public/tenants",
        "/api/public/plans",
    ]
    assert _consume(api, "before-reset", amount=50).json()["data"]["alreadyProcessed"] is False


def test_control_plane_errors(local: LocalCrovver, control: ControlPlane) -> None:
    assert httpx.get(f"{local.base_url}/_emulator/nope").status_code == 404
    assert httpx.put(f"{local.base_url}/_emulator/clock").status_code == 405
    assert (
        httpx.post(f"{local.base_url}/_emulator/faults", content=b"{").json()["error"]["code"]
        == "INVALID_JSON"
    )
    with pytest.raises(EmulatorError):
        control.tenant_state("nope")
    index = httpx.get(f"{local.base_url}/_emulator").json()
    assert index["keys"][0]["secret_key"] == local.secret_key
