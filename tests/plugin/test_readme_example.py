"""An app's billing logic, tested against the local Crovver with the SDK's pytest fixtures."""

from __future__ import annotations

import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.testing import ControlPlane
from crovver_ext.testing.pytest_plugin import WebhookCollector

# ---- the app -----------------------------------------------------------------------------------


class UpgradeRequired(Exception):
    """The workspace's plan does not include AI summaries."""


class OutOfCredits(Exception):
    """The workspace has used this period's AI credits."""


def summarize(crovver: CrovverClient, workspace_id: str, text: str, *, request_id: str) -> str:
    """AI summaries: a paid feature that costs one credit each."""
    if not crovver.can_access(workspace_id, "ai_generations"):
        raise UpgradeRequired(workspace_id)
    charge = crovver.credits.consume(
        tenant_id=workspace_id,
        pool_key="ai_generations",
        amount=1,
        idempotency_key=f"summary-{request_id}",  # one user action, one charge
    )
    if not charge.succeeded:
        raise OutOfCredits(workspace_id)
    return text[:20] + "..."  # the AI part is left as an exercise


def credits_left(crovver: CrovverClient, workspace_id: str) -> int:
    pool = crovver.credits.balance(tenant_id=workspace_id).pool("ai_generations")
    return 0 if pool is None else pool.remaining


# ---- its tests ---------------------------------------------------------------------------------
# The local Crovver starts from its demo data: "ws_active" is on the Pro plan (100 AI credits a
# month), "ws_none" has no subscription. Every test starts from that state again.


def test_a_paying_workspace_gets_summaries(crovver_client: CrovverClient) -> None:
    assert summarize(crovver_client, "ws_active", "Quarterly report: revenue up", request_id="r1")
    assert credits_left(crovver_client, "ws_active") == 99


def test_a_workspace_without_a_plan_is_asked_to_upgrade(crovver_client: CrovverClient) -> None:
    with pytest.raises(UpgradeRequired):
        summarize(crovver_client, "ws_none", "Hello", request_id="r2")


def test_credits_run_out_then_refill_at_renewal(
    crovver_client: CrovverClient, crovver_control: ControlPlane
) -> None:
    crovver_client.credits.consume(
        tenant_id="ws_active", pool_key="ai_generations", amount=100, idempotency_key="use-them-all"
    )
    with pytest.raises(OutOfCredits):
        summarize(crovver_client, "ws_active", "One more", request_id="r3")

    crovver_control.advance_clock(days=31)  # the monthly renewal refills the pool

    assert summarize(crovver_client, "ws_active", "One more", request_id="r4")
    assert credits_left(crovver_client, "ws_active") == 99


def test_a_crovver_outage_is_retried_and_charged_once(
    crovver_client: CrovverClient, crovver_control: ControlPlane
) -> None:
    crovver_control.inject_fault("/api/public/credits/consume", status=503, times=2)

    assert summarize(crovver_client, "ws_active", "Flaky network", request_id="r5")

    attempts = crovver_control.requests(path="/api/public/credits/consume")
    assert [a["status"] for a in attempts] == [503, 503, 200]  # retried at once: no sleeping in tests
    assert {a["body"]["idempotencyKey"] for a in attempts} == {"summary-r5"}
    assert credits_left(crovver_client, "ws_active") == 99


def test_the_same_request_twice_is_charged_once(crovver_client: CrovverClient) -> None:
    summarize(crovver_client, "ws_active", "Double click", request_id="r6")
    summarize(crovver_client, "ws_active", "Double click", request_id="r6")
    assert credits_left(crovver_client, "ws_active") == 99


def test_cancelling_sends_a_signed_webhook(
    crovver_client: CrovverClient, crovver_webhooks: WebhookCollector
) -> None:
    subscription = crovver_client.get_subscriptions("ws_active").subscriptions[0]
    crovver_client.cancel_subscription(subscription.id, "ws_active", "too_expensive")

    [event] = crovver_webhooks.of_type("subscription.canceled")  # verified with its signing secret
    assert event.data is not None
    assert (event.data.external_tenant_id, event.data.status) == ("ws_active", "pending_cancel")


@pytest.mark.anyio
async def test_async_code_uses_the_async_client(crovver_async_client: AsyncCrovverClient) -> None:
    assert await crovver_async_client.can_access("ws_active", "ai_generations")
    assert not await crovver_async_client.can_access("ws_none", "ai_generations")
