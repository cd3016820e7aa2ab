"""``apply_event``: a change made elsewhere is seen as soon as its webhook arrives, not at TTL expiry."""

from __future__ import annotations

import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.testing import ControlPlane, LocalCrovver, with_test_hooks
from tests.cache.conftest import FakeClock, Receiver, checks, signed_event

YEAR = 365 * 86400.0
TENANT = "ws_pending_cancel"  # canceled at period end: access until then
FEATURE = "advanced_analytics"


def test_a_cancellation_elsewhere_is_seen_when_its_webhook_is_delivered(
    local: LocalCrovver, control: ControlPlane, receiver: Receiver
) -> None:
    clock = FakeClock()  # never advanced: nothing here expires by TTL
    with (
        with_test_hooks(
            CrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=YEAR), clock=clock
        ) as wired,
        with_test_hooks(
            CrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=YEAR), clock=clock
        ) as unwired,
    ):
        receiver.on_event = wired.apply_event
        assert wired.can_access(TENANT, FEATURE) is True
        assert unwired.can_access(TENANT, FEATURE) is True
        assert wired.can_access(TENANT, FEATURE) is True
        assert checks(control, TENANT) == 2  # one each, then from memory

        # Elsewhere: the period ends (the control plane moves Crovver's clock), the subscription
        # is canceled, and Crovver sends subscription.canceled to the receiver.
        control.advance_clock(days=40)
        assert control.flush_webhooks()
        canceled = [e for e in receiver.handled if e.type == "subscription.canceled"]
        assert [e.data.external_tenant_id for e in canceled if e.data] == [TENANT]

        assert wired.can_access(TENANT, FEATURE) is False  # asked again: the event dropped it
        assert checks(control, TENANT) == 3
        assert wired.can_access(TENANT, FEATURE) is False
        assert checks(control, TENANT) == 3  # and cached again
        # Without the webhook wired, the stale answer stays for the whole TTL: what this fixes.
        assert unwired.can_access(TENANT, FEATURE) is True


def test_an_event_twice_or_out_of_order_is_harmless(local: LocalCrovver, control: ControlPlane) -> None:
    clock = FakeClock()
    with with_test_hooks(
        CrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=YEAR), clock=clock
    ) as client:
        control.clear_requests()
        newer = signed_event(
            "subscription.canceled", "ws_active", event_id="evt_2", created="2026-02-01T00:00:00Z"
        )
        older = signed_event(
            "subscription.activated", "ws_active", event_id="evt_1", created="2026-01-01T00:00:00Z"
        )
        client.can_access("ws_active", FEATURE)
        client.can_access("ws_trial", FEATURE)
        for event in (newer, newer, older):  # a retried delivery, then a late one
            client.apply_event(event)
            assert client.can_access("ws_active", FEATURE) is True  # Crovver's answer, not the event's
        assert client.can_access("ws_trial", FEATURE) is True
        # Each drop costs one request for that tenant and nothing for the others.
        assert checks(control, "ws_active") == 4
        assert checks(control, "ws_trial") == 1


def test_an_event_without_a_tenant_drops_everything(local: LocalCrovver, control: ControlPlane) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=YEAR) as client:
        control.clear_requests()
        client.can_access("ws_active", FEATURE)
        client.can_access("ws_trial", FEATURE)
        client.apply_event(signed_event("invoice.paid", None))
        client.can_access("ws_active", FEATURE)
        client.can_access("ws_trial", FEATURE)
        assert checks(control) == 4


def test_apply_event_checks_its_argument_and_is_a_no_op_without_a_cache(local: LocalCrovver) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url) as client:
        client.apply_event(signed_event("subscription.canceled", "ws_active"))
        with pytest.raises(TypeError, match="event must be a WebhookEvent"):
            client.apply_event({"type": "subscription.canceled"})  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_async_apply_event(local: LocalCrovver, control: ControlPlane) -> None:
    async with AsyncCrovverClient(
        local.secret_key, base_url=local.base_url, entitlement_cache_ttl=YEAR
    ) as client:
        control.clear_requests()
        assert await client.can_access("ws_active", FEATURE) is True
        await client.can_access("ws_active", FEATURE)
        await client.apply_event(signed_event("subscription.updated", "ws_active"))
        await client.can_access("ws_active", FEATURE)
        assert checks(control, "ws_active") == 2
        await client.invalidate()
        await client.can_access("ws_active", FEATURE)
        assert checks(control, "ws_active") == 3
        with pytest.raises(TypeError, match="event must be a WebhookEvent"):
            await client.apply_event("subscription.updated")  # type: ignore[arg-type]
