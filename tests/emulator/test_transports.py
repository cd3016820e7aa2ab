"""In-process sync and async transports: the same answers as HTTP, the same state, the same faults."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest

from crovver_ext.testing import IN_PROCESS_URL, ControlPlane, LocalCrovver
from tests.emulator.helpers import conform_hook

READS = [
    "/api/public/plans",
    "/api/public/credits/balance?tenantId=ws_active",
    "/api/public/subscriptions/status?tenantId=ws_business&productSlug=app",
    "/api/public/tenants/ws_eur/addons/available",
    "/api/public/capacity/allocations?requestingEntityId=ws_business&status=all",
    "/api/public/credits/balance?tenantId=nope",
]


def _headers(local: LocalCrovver) -> dict[str, str]:
    return {"Authorization": f"Bearer {local.secret_key}"}


def _strip(response: httpx.Response) -> tuple[int, Any]:
    return response.status_code, response.json()


def test_sync_async_and_http_agree(local: LocalCrovver, api: httpx.Client) -> None:
    over_http = [_strip(api.get(path)) for path in READS]
    hooks = {"response": [conform_hook]}
    with httpx.Client(
        transport=local.transport(), base_url=IN_PROCESS_URL, headers=_headers(local), event_hooks=hooks
    ) as client:
        in_process = [_strip(client.get(path)) for path in READS]

    async def run() -> list[tuple[int, Any]]:
        async with httpx.AsyncClient(
            transport=local.async_transport(), base_url=IN_PROCESS_URL, headers=_headers(local)
        ) as client:
            return [_strip(await client.get(path)) for path in READS]

    assert over_http == in_process == asyncio.run(run())


def test_state_is_shared(local: LocalCrovver, api: httpx.Client) -> None:
    body = {"tenantId": "ws_active", "poolKey": "ai_generations", "amount": 4, "idempotencyKey": "shared"}
    with httpx.Client(
        transport=local.transport(), base_url=IN_PROCESS_URL, headers=_headers(local)
    ) as client:
        data = client.post("/api/public/credits/consume", json=body).json()["data"]
        assert data["alreadyProcessed"] is False
        checkout = client.post(
            "/api/public/checkout", json={"planId": "plan_pro", "externalTenantId": "ws_none"}
        ).json()["data"]
        # Minted from the emulator's configured URL (the running server), not the request's Host.
        assert checkout["checkoutUrl"].startswith(f"{local.base_url}/checkout/cs_")
    assert api.post("/api/public/credits/consume", json=body).json()["data"]["alreadyProcessed"] is True


def test_async_transport_concurrency(local: LocalCrovver, control: ControlPlane) -> None:
    async def run() -> list[str]:
        async with httpx.AsyncClient(
            transport=local.async_transport(), base_url=IN_PROCESS_URL, headers=_headers(local)
        ) as client:

            async def one(i: int) -> str:
                body = {
                    "tenantId": "ws_trial",
                    "poolKey": "ai_generations",
                    "amount": 1,
                    "idempotencyKey": f"t{i}",
                }
                result: str = (await client.post("/api/public/credits/consume", json=body)).json()["data"][
                    "result"
                ]
                return result

            return await asyncio.gather(*(one(i) for i in range(200)))

    results = asyncio.run(run())
    assert (results.count("allowed"), results.count("blocked")) == (100, 100)


def test_in_process_faults(local: LocalCrovver, control: ControlPlane) -> None:
    with httpx.Client(
        transport=local.transport(), base_url=IN_PROCESS_URL, headers=_headers(local)
    ) as client:
        control.inject_fault("/api/public/plans", action="reset_before")
        with pytest.raises(httpx.ReadError):
            client.get("/api/public/plans")
        control.inject_fault("/api/public/credits/consume", action="reset_after")
        body = {"tenantId": "ws_active", "poolKey": "ai_generations", "amount": 2, "idempotencyKey": "lost"}
        with pytest.raises(httpx.ReadError):
            client.post("/api/public/credits/consume", json=body)
        assert (
            client.post("/api/public/credits/consume", json=body).json()["data"]["alreadyProcessed"] is True
        )
        control.inject_fault("/api/public/plans", status=503, body="<html>", content_type="text/html")
        response = client.get("/api/public/plans")
        assert (response.status_code, response.text, response.headers["content-type"]) == (
            503,
            "<html>",
            "text/html",
        )
    statuses = [e["status"] for e in control.requests()]
    assert statuses == [None, None, 200, 503]


def test_async_delay_does_not_block_the_loop(local: LocalCrovver, control: ControlPlane) -> None:
    control.inject_fault("/api/public/plans", action="delay", delay=0.2, times=3)

    async def run() -> float:
        async with httpx.AsyncClient(
            transport=local.async_transport(), base_url=IN_PROCESS_URL, headers=_headers(local)
        ) as client:
            started = time.monotonic()
            responses = await asyncio.gather(*(client.get("/api/public/plans") for _ in range(3)))
            assert [r.status_code for r in responses] == [200, 200, 200]
            return time.monotonic() - started

    assert 0.2 <= asyncio.run(run()) < 0.5, "three 0.2 s delays overlap"
    control.inject_fault("/api/public/plans", action="reset_before")

    async def reset() -> None:
        async with httpx.AsyncClient(transport=local.async_transport(), base_url=IN_PROCESS_URL) as client:
            await client.get("/api/public/plans")

    with pytest.raises(httpx.ReadError):
        asyncio.run(reset())


def test_control_plane_in_process() -> None:
    local = LocalCrovver()
    try:
        control = ControlPlane.in_process(local)
        with control:
            assert control.advance_clock(days=1).day == 2
            assert local.control.now().day == 2
        assert local.base_url == IN_PROCESS_URL and not local.running
    finally:
        local.stop()
