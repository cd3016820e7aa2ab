"""Outgoing webhooks: signatures, every lifecycle event, resend with the same id, flush."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import httpx
import pytest

from crovver_ext.testing import ControlPlane, EmulatorError
from tests.emulator.helpers import WebhookReceiver
from tests.spec import validator_for


def _verify(secret: str, body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


def _events(receiver: WebhookReceiver) -> list[dict[str, Any]]:
    return [r.json() for r in receiver.received]


def test_test_event_is_signed(control: ControlPlane, receiver: WebhookReceiver) -> None:
    endpoint_id, secret = control.register_webhook(receiver.url)
    assert endpoint_id.startswith("we_") and secret.startswith("whsec_")
    event_id = control.send_test_webhook()
    assert control.flush_webhooks() is True
    (got,) = receiver.received
    assert got.headers["user-agent"] == "Crovver-Webhook/1.0"
    assert got.headers["x-crovver-event"] == "webhook.test"
    assert got.headers["content-type"] == "application/json"
    assert _verify(secret, got.body, got.headers["x-crovver-signature"])
    assert not _verify("whsec_wrong", got.body, got.headers["x-crovver-signature"])
    event = got.json()
    assert (event["id"], event["type"], event["org_id"]) == (event_id, "webhook.test", "org_demo")
    validator_for("WebhookEvent").validate(event)


def test_every_lifecycle_event(api: httpx.Client, control: ControlPlane, receiver: WebhookReceiver) -> None:
    control.register_webhook(receiver.url, secret="whsec_mine")
    session = api.post(
        "/api/public/checkout", json={"planId": "plan_reports", "externalTenantId": "ws_active"}
    ).json()["data"]
    control.complete_checkout(session["sessionId"])
    offer = api.post(
        "/api/public/capacity/proration-checkout", json={"externalTenantId": "ws_business", "newCapacity": 6}
    ).json()["data"]
    control.complete_checkout(offer["checkoutUrl"].rsplit("/", 1)[1])
    api.post(
        "/api/public/subscriptions/sub_ws_eur/cancel", json={"externalTenantId": "ws_eur", "reason": "other"}
    )
    control.advance_clock(days=21)  # ws_business (Jan 20) and ws_active (Jan 22) renew; ws_trial activates
    assert control.flush_webhooks()
    events = _events(receiver)
    for got in receiver.received:
        assert _verify("whsec_mine", got.body, got.headers["x-crovver-signature"])
        validator_for("WebhookEvent").validate(got.json())
    summary = [(e["type"], e["data"]["id"], e["data"]["status"]) for e in events]
    sub = session["subscriptionId"]
    assert summary == [
        ("subscription.created", sub, "pending"),
        ("subscription.activated", sub, "active"),
        ("subscription.updated", "sub_ws_business", "active"),
        ("subscription.canceled", "sub_ws_eur", "pending_cancel"),
        ("subscription.activated", "sub_ws_trial", "active"),  # Jan 12, seeded before the next
        ("subscription.canceled", "sub_ws_pending_cancel", "canceled"),  # Jan 12
        ("subscription.renewed", "sub_ws_business", "active"),  # Jan 20
        ("subscription.renewed", "sub_ws_business_reports", "active"),  # Jan 20
        ("subscription.renewed", "sub_ws_active", "active"),
    ]
    updated = events[2]
    assert updated["data"]["capacity_units"] == 6 and updated["data"]["external_tenant_id"] == "ws_business"
    renewed = events[-1]
    assert renewed["created_at"] == "2026-01-22T00:00:00.000Z"
    assert renewed["data"]["current_period_start"] == "2026-01-22T00:00:00.000Z"
    assert (
        renewed["data"]["tenant_name"] == "Active Workspace"
        and renewed["data"]["billing_mode"] == "recurring"
    )
    assert len({e["id"] for e in events}) == len(events)


def test_plan_change_cancels_the_old_and_updates(
    api: httpx.Client, control: ControlPlane, receiver: WebhookReceiver
) -> None:
    control.register_webhook(receiver.url)
    session = api.post(
        "/api/public/checkout", json={"planId": "plan_business", "externalTenantId": "ws_active"}
    ).json()["data"]
    control.complete_checkout(session["sessionId"])
    control.flush_webhooks()
    assert [(e["type"], e["data"]["id"]) for e in _events(receiver)] == [
        ("subscription.created", session["subscriptionId"]),
        ("subscription.canceled", "sub_ws_active"),
        ("subscription.updated", session["subscriptionId"]),
    ]


def test_resend_uses_the_same_event_id(control: ControlPlane, receiver: WebhookReceiver) -> None:
    control.register_webhook(receiver.url)
    control.send_test_webhook()
    control.flush_webhooks()
    (delivery,) = control.webhook_deliveries()
    assert (delivery["status_code"], delivery["attempts"], delivery["error"]) == (200, 1, None)
    control.resend_webhook(delivery["id"])
    control.flush_webhooks()
    first, second = receiver.received
    assert first.body == second.body and first.json()["id"] == delivery["event_id"]
    assert control.webhook_deliveries()[0]["attempts"] == 2


def test_failures_are_recorded(control: ControlPlane, receiver: WebhookReceiver) -> None:
    receiver.status = 500
    control.register_webhook(receiver.url)
    control.register_webhook("http://127.0.0.1:9/unreachable")
    control.send_test_webhook()
    assert control.flush_webhooks()
    failing, unreachable = control.webhook_deliveries()
    assert (failing["status_code"], failing["error"]) == (500, None)
    assert unreachable["status_code"] is None and "Connect" in unreachable["error"]


def test_no_endpoints_no_deliveries(api: httpx.Client, control: ControlPlane) -> None:
    api.post(
        "/api/public/subscriptions/sub_ws_active/cancel",
        json={"externalTenantId": "ws_active", "reason": "x"},
    )
    assert control.flush_webhooks(timeout=1)
    assert control.webhook_deliveries() == []


def test_webhook_control_errors(control: ControlPlane) -> None:
    with pytest.raises(EmulatorError) as bad_url:
        control.register_webhook("ftp://example.test")
    assert bad_url.value.status == 400
    with pytest.raises(EmulatorError) as unknown:
        control.resend_webhook("whd_nope")
    assert unknown.value.status == 404
