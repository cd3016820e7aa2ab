"""Credits: balance, FIFO consumption, hard and soft pools, idempotency, concurrency."""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from crovver_ext.testing import D2C_SECRET_KEY, ControlPlane, LocalCrovver

C = "/api/public/credits"


def _consume(
    client: httpx.Client, amount: Any, key: str, tenant: str = "ws_active", pool: str = "ai_generations"
) -> httpx.Response:
    return client.post(
        f"{C}/consume", json={"tenantId": tenant, "poolKey": pool, "amount": amount, "idempotencyKey": key}
    )


def _balance(client: httpx.Client, tenant: str = "ws_active") -> Any:
    return client.get(f"{C}/balance", params={"tenantId": tenant}).json()["data"]


def test_balance_keyed_by_pool(public: httpx.Client) -> None:
    assert _balance(public) == {
        "ai_generations": {
            "poolKey": "ai_generations",
            "displayName": "AI generations",
            "baseRemaining": 100,
            "addonRemaining": 0,
            "total": 100,
            "limit": 100,
            "limitBehavior": "hard",
            "nextExpiry": "2026-01-22T00:00:00.000Z",
            "usagePercent": 0,
        },
        "api_calls": {
            "poolKey": "api_calls",
            "displayName": "API calls",
            "baseRemaining": 1000,
            "addonRemaining": 0,
            "total": 1000,
            "limit": 1000,
            "limitBehavior": "soft",
            "nextExpiry": "2026-01-22T00:00:00.000Z",
            "usagePercent": 0,
        },
    }


@pytest.mark.parametrize("tenant", ["ws_none", "ws_past_due", "ws_canceled"])
def test_balance_is_empty_without_an_active_subscription(public: httpx.Client, tenant: str) -> None:
    assert _balance(public, tenant) == {}


def test_balance_errors(public: httpx.Client) -> None:
    assert public.get(f"{C}/balance").json()["error"]["code"] == "MISSING_REQUIRED_FIELDS"
    unknown = public.get(f"{C}/balance", params={"tenantId": "nope"})
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")


def test_consume_and_usage_percent(api: httpx.Client) -> None:
    response = _consume(api, 25, "k1")
    assert response.json()["data"] == {
        "result": "allowed",
        "remaining": 75,
        "alreadyProcessed": False,
        "poolKey": "ai_generations",
    }
    pool = _balance(api)["ai_generations"]
    assert (pool["baseRemaining"], pool["total"], pool["usagePercent"]) == (75, 75, 25)
    _consume(api, 1, "k2")
    assert _balance(api)["ai_generations"]["usagePercent"] == 26


def test_hard_pool_blocks_without_deducting(api: httpx.Client, control: ControlPlane) -> None:
    assert _consume(api, 101, "too-much").json()["data"]["result"] == "blocked"
    assert _consume(api, 100, "all").json()["data"] == {
        "result": "allowed",
        "remaining": 0,
        "alreadyProcessed": False,
        "poolKey": "ai_generations",
    }
    assert _consume(api, 1, "one-more").json()["data"] == {
        "result": "blocked",
        "remaining": 0,
        "alreadyProcessed": False,
        "poolKey": "ai_generations",
    }
    ledger = control.ledger("ws_active", "ai_generations")
    assert [g["qty_remaining"] for g in ledger["grants"]] == [0]
    assert [(c["idempotency_key"], c["amount"], c["result"]) for c in ledger["consumptions"]] == [
        ("too-much", 101, "blocked"),
        ("all", 100, "allowed"),
        ("one-more", 1, "blocked"),
    ]
    assert _balance(api)["ai_generations"]["usagePercent"] == 100


def test_soft_pool_goes_negative_with_a_warning(api: httpx.Client) -> None:
    data = _consume(api, 1001, "soft", pool="api_calls").json()["data"]
    assert data == {"result": "warning", "remaining": -1, "alreadyProcessed": False, "poolKey": "api_calls"}
    pool = _balance(api)["api_calls"]
    assert (pool["total"], pool["baseRemaining"], pool["usagePercent"]) == (-1, -1, 100)
    assert _consume(api, 5, "soft2", pool="api_calls").json()["data"]["remaining"] == -6


def test_fifo_base_first_then_addons_by_earliest_expiry(api: httpx.Client, control: ControlPlane) -> None:
    purchase = "/api/public/tenants/ws_active/addons/purchase"
    api.post(purchase, json={"addonId": "addon_api_free", "currency": "USD", "idempotencyKey": "a1"})
    control.advance_clock(days=1)
    api.post(purchase, json={"addonId": "addon_api_free", "currency": "USD", "idempotencyKey": "a2"})
    pool = _balance(api)["api_calls"]
    assert (pool["baseRemaining"], pool["addonRemaining"], pool["total"]) == (1000, 200, 1200)
    assert pool["nextExpiry"] == "2026-01-22T00:00:00.000Z"

    assert _consume(api, 1050, "f1", pool="api_calls").json()["data"]["remaining"] == 150

    def remaining() -> list[tuple[str, int, str | None]]:
        grants = control.ledger("ws_active", "api_calls")["grants"]
        return [(g["source_type"], g["qty_remaining"], g["expires_at"]) for g in grants]

    assert remaining() == [
        ("base", 0, "2026-01-22T00:00:00.000Z"),
        ("addon", 50, "2026-01-31T00:00:00.000Z"),
        ("addon", 100, "2026-02-01T00:00:00.000Z"),
    ]
    assert _balance(api)["api_calls"]["nextExpiry"] == "2026-01-31T00:00:00.000Z"
    _consume(api, 60, "f2", pool="api_calls")
    assert [r[1] for r in remaining()] == [0, 0, 90]


def test_idempotent_replay(api: httpx.Client, control: ControlPlane) -> None:
    first = _consume(api, 10, "same").json()["data"]
    _consume(api, 5, "other")
    replay = _consume(api, 10, "same").json()["data"]
    assert replay == {**first, "alreadyProcessed": True}
    assert _balance(api)["ai_generations"]["total"] == 85
    assert len(control.ledger("ws_active")["consumptions"]) == 2


def test_a_blocked_outcome_replays_as_blocked(api: httpx.Client) -> None:
    _consume(api, 100, "drain")
    assert _consume(api, 1, "late").json()["data"]["result"] == "blocked"
    api.post(
        "/api/public/tenants/ws_active/addons/purchase",
        json={"addonId": "addon_ai_500", "currency": "USD", "idempotencyKey": "buy"},
    )
    assert _consume(api, 1, "late").json()["data"] == {
        "result": "blocked",
        "remaining": 0,
        "alreadyProcessed": True,
        "poolKey": "ai_generations",
    }


@pytest.mark.parametrize(
    "change",
    [{"amount": 11}, {"poolKey": "api_calls"}, {"tenantId": "ws_trial"}],
    ids=["amount", "pool", "tenant"],
)
def test_same_key_different_body_is_409(api: httpx.Client, change: dict[str, Any]) -> None:
    body = {"tenantId": "ws_active", "poolKey": "ai_generations", "amount": 10, "idempotencyKey": "k"}
    api.post(f"{C}/consume", json=body)
    response = api.post(f"{C}/consume", json={**body, **change})
    assert (response.status_code, response.json()["error"]["code"]) == (409, "IDEMPOTENCY_KEY_REUSED")
    assert (
        api.post(f"{C}/consume", json={**body, "metadata": {"x": 1}}).json()["data"]["alreadyProcessed"]
        is True
    )


def test_idempotency_keys_are_scoped_per_organization(api: httpx.Client, control: ControlPlane) -> None:
    d2c = {"Authorization": f"Bearer {D2C_SECRET_KEY}"}
    session = api.post(
        "/api/public/checkout", json={"planId": "plan_d2c_plus", "externalUserId": "alice"}, headers=d2c
    )
    assert session.status_code == 201, session.text
    control.complete_checkout(session.json()["data"]["sessionId"])
    _consume(api, 1, "shared")
    other = api.post(
        f"{C}/consume",
        json={"tenantId": "alice", "poolKey": "ai_generations", "amount": 2, "idempotencyKey": "shared"},
        headers=d2c,
    )
    assert other.json()["data"] == {
        "result": "allowed",
        "remaining": 8,
        "alreadyProcessed": False,
        "poolKey": "ai_generations",
    }


@pytest.mark.parametrize("tenant", ["ws_none", "ws_past_due", "ws_canceled"])
def test_no_subscription_is_402(api: httpx.Client, tenant: str) -> None:
    response = _consume(api, 1, "k", tenant=tenant)
    assert (response.status_code, response.json()["error"]["code"]) == (402, "NO_SUBSCRIPTION")


def test_consume_not_found(api: httpx.Client) -> None:
    pool = _consume(api, 1, "k", pool="nope")
    assert (pool.status_code, pool.json()["error"]["code"]) == (404, "POOL_NOT_FOUND")
    tenant = _consume(api, 1, "k2", tenant="nope")
    assert (tenant.status_code, tenant.json()["error"]["code"]) == (404, "TENANT_NOT_FOUND")


@pytest.mark.parametrize("amount", [0, -1, 1.5, "5", True, False, [1], {"n": 1}, 10**12])
def test_amount_must_be_a_positive_integer(api: httpx.Client, control: ControlPlane, amount: Any) -> None:
    response = _consume(api, amount, "k")
    assert (response.status_code, response.json()["error"]["code"]) == (400, "VALIDATION_ERROR")
    assert control.ledger("ws_active")["consumptions"] == []


def test_missing_consume_fields(api: httpx.Client) -> None:
    response = api.post(f"{C}/consume", json={"tenantId": "ws_active", "amount": None, "idempotencyKey": ""})
    assert (response.status_code, response.json()["error"]["code"]) == (400, "MISSING_REQUIRED_FIELDS")
    message = response.json()["error"]["message"]
    assert "poolKey" in message and "amount" in message and "idempotencyKey" in message


def _tally(results: list[dict[str, Any]]) -> Counter[str]:
    return Counter(r["result"] for r in results)


def _consume_body(tenant: str, key: str) -> bytes:
    return json.dumps(
        {"tenantId": tenant, "poolKey": "ai_generations", "amount": 1, "idempotencyKey": key}
    ).encode()


def test_200_parallel_consumes_over_http_threads(local: LocalCrovver, control: ControlPlane) -> None:
    """200 threads, each on its own connection (stdlib client: httpx's pool would be the bottleneck)."""
    host, port = local.base_url.removeprefix("http://").split(":")
    barrier = threading.Barrier(200)
    headers = {"Authorization": f"Bearer {local.secret_key}", "Content-Type": "application/json"}

    def one(i: int) -> dict[str, Any]:
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            barrier.wait()
            connection.request(
                "POST", f"{C}/consume", body=_consume_body("ws_active", f"par-{i}"), headers=headers
            )
            response = connection.getresponse()
            assert response.status == 200
            data: dict[str, Any] = json.loads(response.read())["data"]
            return data
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=200) as pool:
        results = list(pool.map(one, range(200)))
    assert _tally(results) == {"allowed": 100, "blocked": 100}
    assert sorted(r["remaining"] for r in results if r["result"] == "allowed") == list(range(100))
    grants = control.ledger("ws_active", "ai_generations")["grants"]
    assert [g["qty_remaining"] for g in grants] == [0]


def test_200_parallel_consumes_over_http_async(local: LocalCrovver, control: ControlPlane) -> None:
    """200 asyncio tasks, each with its own raw HTTP/1.1 connection."""
    host, port = local.base_url.removeprefix("http://").split(":")

    async def one(i: int) -> dict[str, Any]:
        body = _consume_body("ws_eur", f"a-{i}")
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            head = (
                f"POST {C}/consume HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {local.secret_key}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            )
            writer.write(head.encode() + body)
            await writer.drain()
            raw = await reader.read()
        finally:
            writer.close()
            await writer.wait_closed()
        status_line, _, rest = raw.partition(b"\r\n")
        assert status_line.startswith(b"HTTP/1.1 200")
        data: dict[str, Any] = json.loads(rest.partition(b"\r\n\r\n")[2])["data"]
        return data

    async def run() -> list[dict[str, Any]]:
        return await asyncio.gather(*(one(i) for i in range(200)))

    assert _tally(asyncio.run(run())) == {"allowed": 100, "blocked": 100}
    assert [g["qty_remaining"] for g in control.ledger("ws_eur", "ai_generations")["grants"]] == [0]
