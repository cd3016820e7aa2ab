"""The README's FastAPI recipe, run as written against the local Crovver (FastAPI's TestClient)."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette's TestClient now prefers the httpx2 package; httpx (the SDK's) still works with it.
    warnings.filterwarnings(
        "ignore", "Using `httpx` with `starlette.testclient`", StarletteDeprecationWarning
    )
    from fastapi.testclient import TestClient

from crovver_ext import AsyncCrovverClient
from crovver_ext.testing import LocalCrovver, sign_webhook
from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookEvent
from tests.webhooks.test_signatures import EVENT, body_of

from .conftest import WEBHOOK_SECRET
from .readme import README, recipe
from .relay import DeliveryRelay, cancel_and_redeliver, cancel_through


@pytest.fixture
def recipe_module(crovver_env: LocalCrovver) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "readme_fastapi_recipe"}
    exec(compile(recipe("fastapi"), str(README), "exec"), namespace)
    return namespace


@pytest.fixture
def client(recipe_module: dict[str, Any]) -> Iterator[TestClient]:
    with TestClient(recipe_module["app"]) as test_client:  # runs the lifespan
        yield test_client


def report_status(client: TestClient, tenant_id: str) -> int:
    return client.get("/reports/advanced", headers={"X-Tenant-Id": tenant_id}).status_code


def test_the_lifespan_opens_one_async_client_and_closes_it(recipe_module: dict[str, Any]) -> None:
    app = recipe_module["app"]
    with TestClient(app) as test_client:
        crovver = app.state.crovver
        assert isinstance(crovver, AsyncCrovverClient)
        assert test_client.get("/reports/advanced", headers={"X-Tenant-Id": "ws_active"}).status_code == 200
    with pytest.raises(RuntimeError):  # closed at shutdown
        asyncio.run(crovver.can_access("ws_active", "advanced_analytics"))


def test_a_tenant_with_the_feature_gets_the_report(client: TestClient) -> None:
    response = client.get("/reports/advanced", headers={"X-Tenant-Id": "ws_active"})
    assert (response.status_code, response.json()) == (200, {"tenant": "ws_active", "report": "..."})
    assert report_status(client, "ws_trial") == 200  # a trial is an active subscription
    assert report_status(client, "ws_pending_cancel") == 200  # paid until the period ends


@pytest.mark.parametrize("tenant_id", ["ws_none", "ws_canceled", "ws_past_due"])
def test_no_active_subscription_is_402(client: TestClient, tenant_id: str) -> None:
    response = client.get("/reports/advanced", headers={"X-Tenant-Id": tenant_id})
    assert response.status_code == 402
    assert response.json() == {"detail": "This workspace has no active subscription."}


def test_a_plan_without_the_feature_is_403(client: TestClient, free_tenant: str) -> None:
    response = client.get("/reports/advanced", headers={"X-Tenant-Id": free_tenant})
    assert response.status_code == 403
    assert response.json() == {"detail": "Your plan does not include advanced_analytics."}


def test_the_gate_asks_crovver_once_when_allowed(client: TestClient, crovver_env: LocalCrovver) -> None:
    assert report_status(client, "ws_active") == 200
    assert [r["path"] for r in crovver_env.control.requests()] == ["/api/public/can-access"]


def test_webhooks_from_the_local_crovver_are_verified_and_handled_once(
    client: TestClient, recipe_module: dict[str, Any], crovver_env: LocalCrovver
) -> None:
    handled: list[str] = []
    handle_event = recipe_module["handle_event"]

    def counting(event: WebhookEvent) -> None:
        handled.append(event.id)
        handle_event(event)

    recipe_module["handle_event"] = counting  # the route looks it up when called

    def forward(body: bytes, signature: str | None) -> int:
        headers = {} if signature is None else {SIGNATURE_HEADER: signature}
        return client.post("/webhooks/crovver", content=body, headers=headers).status_code

    with DeliveryRelay(forward) as relay:
        cancel_and_redeliver(crovver_env.control, relay, WEBHOOK_SECRET)

    assert relay.statuses == [200, 200]
    assert len(handled) == 1
    assert recipe_module["subscription_status"] == {"ws_active": "pending_cancel"}


def test_a_cancellation_webhook_reaches_the_gate_through_a_long_cache(
    recipe_module: dict[str, Any], crovver_env: LocalCrovver
) -> None:
    # ws_manual's cancellation takes effect at once. With an hour of entitlement cache, only the
    # webhook route's apply_event can make the gate see it before the hour is up.
    app = recipe_module["app"]
    with TestClient(app) as client:
        cached = AsyncCrovverClient(entitlement_cache_ttl=3600)
        app.state.crovver = cached
        try:
            assert report_status(client, "ws_manual") == 200

            def forward(body: bytes, signature: str | None) -> int:
                headers = {} if signature is None else {SIGNATURE_HEADER: signature}
                return client.post("/webhooks/crovver", content=body, headers=headers).status_code

            with DeliveryRelay(forward) as relay:
                cancel_through(crovver_env.control, relay, WEBHOOK_SECRET, "ws_manual")
            assert relay.statuses == [200]
            assert report_status(client, "ws_manual") == 402
        finally:
            client.portal.call(cached.aclose)  # in the app's event loop


def test_forged_and_tampered_webhooks_are_400(client: TestClient) -> None:
    body = body_of(EVENT)
    assert client.post("/webhooks/crovver", content=body).status_code == 400  # no signature
    forged = sign_webhook(body, "whsec_someone_else")
    assert (
        client.post("/webhooks/crovver", content=body, headers={SIGNATURE_HEADER: forged}).status_code == 400
    )
    signature = sign_webhook(body, WEBHOOK_SECRET)
    tampered = body.replace(b"evt_1", b"evt_2")
    assert (
        client.post("/webhooks/crovver", content=tampered, headers={SIGNATURE_HEADER: signature}).status_code
        == 400
    )
    assert (
        client.post("/webhooks/crovver", content=body, headers={SIGNATURE_HEADER: signature}).status_code
        == 200
    )
    assert (
        client.post("/webhooks/crovver", content=body, headers={SIGNATURE_HEADER: signature}).status_code
        == 200
    )
