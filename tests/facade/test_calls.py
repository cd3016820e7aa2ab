"""Every facade method, sync and async, against the local Crovver over loopback.

Each test checks what the call returned and what the server saw or stored (via its control plane).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest

from crovver_ext import (
    ActiveAddon,
    BadRequestError,
    ConflictError,
    CreditBalance,
    CrovverDeprecationWarning,
    NotFoundError,
    PaymentRequiredError,
    Plan,
    UnprocessableEntityError,
)
from crovver_ext.testing import ControlPlane
from tests.facade.conftest import session_id


def _key() -> str:
    return str(uuid.uuid4())


def _pool(balance: CreditBalance, key: str) -> Any:
    pool = balance.pool(key)
    assert pool is not None, f"no pool {key}"
    return pool


# ---- tenants ---------------------------------------------------------------------------------


def test_create_get_and_list_tenants(client: Any, control: ControlPlane) -> None:
    before = client.list_tenants().count
    created = client.create_tenant(
        external_tenant_id="workspace_abc123",
        name="Acme Corp",
        external_user_id="user_123",
        owner_email="owner@acme.test",
        metadata={"plan_hint": "pro"},
    )
    assert created.tenant.external_tenant_id == "workspace_abc123"
    assert created.tenant.slug == "acme-corp"
    assert created.tenant.metadata == {"plan_hint": "pro"}
    assert created.tenant.created_at is not None and created.tenant.created_at.tzinfo == dt.UTC
    assert created.owner.external_user_id == "user_123"
    assert created.owner.email == "owner@acme.test"

    stored = control.tenant_state("workspace_abc123")
    assert stored["tenant"]["name"] == "Acme Corp"
    assert [m["external_id"] for m in stored["members"]] == ["user_123"]

    details = client.get_tenant("workspace_abc123")
    assert details.tenant.id == created.tenant.id
    assert [(m.external_user_id, m.role) for m in details.members] == [("user_123", "owner")]
    assert details.organization.type == "b2b"

    assert client.list_tenants().count == before + 1
    mine = client.list_tenants(external_user_id="user_123")
    assert [t.external_tenant_id for t in mine.tenants] == ["workspace_abc123"]


def test_create_tenant_twice_is_a_conflict_with_the_string_error(client: Any) -> None:
    kwargs = {"external_tenant_id": "dup_ws", "name": "Dup", "external_user_id": "u1"}
    client.create_tenant(**kwargs)
    with pytest.raises(ConflictError) as info:
        client.create_tenant(**kwargs)
    assert info.value.status_code == 409
    assert info.value.code is None  # the string error form carries no code
    assert "already exists" in info.value.message


def test_get_tenant_not_found(client: Any) -> None:
    with pytest.raises(NotFoundError) as info:
        client.get_tenant("no_such_workspace")
    assert info.value.code == "TENANT_NOT_FOUND"
    assert info.value.request_id


# ---- plans and providers ---------------------------------------------------------------------


def test_get_plans_maps_prices_pools_and_features(client: Any) -> None:
    result = client.get_plans()
    plans: dict[str, Plan] = {p.id: p for p in result.plans}
    assert result.organization.id == "org_demo"
    pro = plans["plan_pro"]
    assert pro.price == Decimal("29")
    assert pro.price_amount == 2900  # minor units, as the seed prints priceAmount / 100
    assert pro.currency == "USD" and pro.interval == "monthly"
    assert {p.currency: p.amount for p in pro.prices} == {"USD": Decimal("29.00"), "EUR": Decimal("27.00")}
    assert pro.trial_days == 14 and pro.trial_available
    assert pro.has_feature("advanced_analytics") and not pro.has_feature("sso")
    assert not pro.has_feature("no_such_feature")
    pools = {p.pool_key: p for p in pro.credit_pools}
    assert (pools["ai_generations"].limit_behavior, pools["ai_generations"].refill_behavior) == (
        "hard",
        "reset",
    )
    assert (pools["api_calls"].limit_behavior, pools["api_calls"].rollover_cap) == ("soft", 2000)
    assert pro.product.slug == "app"
    business = plans["plan_business"]
    assert business.is_seat_based
    assert (business.base_price, business.included_seats, business.per_seat_price) == (
        Decimal("99"),
        5,
        Decimal("10"),
    )
    assert plans["plan_free"].is_free and plans["plan_free"].price_amount == 0


def test_get_supported_providers(client: Any) -> None:
    providers = client.get_supported_providers()
    stripe = next(p for p in providers if p.code == "stripe")
    assert stripe.is_enabled and stripe.supports_recurring_billing
    assert all(isinstance(c, str) for c in stripe.capabilities)


# ---- subscriptions ---------------------------------------------------------------------------


def test_get_subscriptions(client: Any) -> None:
    result = client.get_subscriptions("ws_active")
    assert result.external_tenant_id == "ws_active"
    [sub] = result.subscriptions
    assert sub.status == "active" and sub.grants_access
    assert sub.plan is not None and sub.plan.id == "plan_pro"
    assert sub.current_period_end is not None and sub.current_period_end.tzinfo == dt.UTC
    assert client.get_subscriptions("ws_none").subscriptions == ()
    assert client.get_subscriptions("ws_past_due").subscriptions[0].status == "past_due"


def test_get_subscription_status(client: Any) -> None:
    trial = client.get_subscription_status("ws_trial")
    assert (trial.active, trial.status) == (True, "trial")
    assert trial.subscription is not None and trial.subscription.trial_ends_at is not None
    assert trial.plan is not None and "advanced_analytics" in trial.plan.features
    none = client.get_subscription_status("ws_none")
    assert (none.active, none.status, none.subscription, none.plan) == (False, "none", None, None)
    other_product = client.get_subscription_status("ws_active", "reports")
    assert not other_product.active


def test_cancel_recurring_then_twice_and_manual(client: Any, control: ControlPlane) -> None:
    sub_id = client.get_subscriptions("ws_active").subscriptions[0].id
    canceled = client.cancel_subscription(sub_id, "ws_active", "User requested cancellation")
    assert canceled.status == "pending_cancel"
    assert canceled.current_period_end is not None
    assert control.tenant_state("ws_active")["subscriptions"][0]["status"] == "pending_cancel"
    assert client.can_access("ws_active", "advanced_analytics")  # access until period end

    with pytest.raises(BadRequestError) as info:
        client.cancel_subscription(sub_id, "ws_active", "again")
    assert info.value.code == "ALREADY_CANCELED"

    manual_id = client.get_subscriptions("ws_manual").subscriptions[0].id
    assert (
        client.cancel_subscription(manual_id, "ws_manual", "too_expensive", feedback="cheaper").status
        == "canceled"
    )
    assert not client.can_access("ws_manual", "advanced_analytics")


# ---- entitlements ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tenant", "feature", "product", "expected"),
    [
        ("ws_active", "advanced_analytics", None, True),
        ("ws_active", "sso", None, False),
        ("ws_active", "advanced_analytics", "app", True),
        ("ws_active", "advanced_analytics", "reports", False),
        ("ws_active", None, "app", True),  # subscription-existence check
        ("ws_none", None, "app", False),
        ("ws_trial", "advanced_analytics", None, True),
        ("ws_pending_cancel", "advanced_analytics", None, True),
        ("ws_past_due", "advanced_analytics", None, False),
        ("ws_canceled", "advanced_analytics", None, False),
        ("ws_business", "sso", None, True),
    ],
)
def test_can_access(
    client: Any, tenant: str, feature: str | None, product: str | None, expected: bool
) -> None:
    assert client.can_access(tenant, feature, product) is expected


def test_can_access_with_credits(client: Any, control: ControlPlane) -> None:
    assert client.can_access("ws_active", "ai_generations", amount=100) is True
    assert client.can_access("ws_active", "ai_generations", amount=101) is False
    sent = control.requests(path="/api/public/can-access")[-1]["body"]
    assert sent == {"requestingEntityId": "ws_active", "featureKey": "ai_generations", "amount": 101}


# ---- credits ---------------------------------------------------------------------------------


def test_balance_lists_pools(client: Any) -> None:
    balance = client.credits.balance(tenant_id="ws_active")
    ai = _pool(balance, "ai_generations")
    assert (ai.remaining, ai.base_remaining, ai.addon_remaining, ai.limit) == (100, 100, 0, 100)
    assert ai.limit_behavior == "hard" and ai.usage_percent == 0.0
    assert ai.next_expiry is not None and ai.next_expiry.tzinfo == dt.UTC
    assert _pool(balance, "api_calls").limit_behavior == "soft"
    assert client.credits.balance(tenant_id="ws_none").pools == ()


def test_consume_is_idempotent_and_charges_once(client: Any, control: ControlPlane) -> None:
    key = _key()
    first = client.credits.consume(
        tenant_id="ws_active",
        pool_key="ai_generations",
        amount=3,
        idempotency_key=key,
        metadata={"prompt": "x"},
    )
    assert (first.result, first.outcome, first.remaining, first.already_processed) == (
        "success",
        "allowed",
        97,
        False,
    )
    again = client.credits.consume(
        tenant_id="ws_active", pool_key="ai_generations", amount=3, idempotency_key=key
    )
    assert (again.result, again.remaining, again.already_processed) == ("success", 97, True)
    ledger = control.ledger("ws_active", "ai_generations")
    assert [(c["idempotency_key"], c["amount"]) for c in ledger["consumptions"]] == [(key, 3)]
    assert ledger["consumptions"][0]["metadata"] == {"prompt": "x"}
    assert _pool(client.credits.balance(tenant_id="ws_active"), "ai_generations").remaining == 97


def test_consume_hard_pool_blocks_without_deducting(client: Any, control: ControlPlane) -> None:
    result = client.credits.consume(
        tenant_id="ws_active", pool_key="ai_generations", amount=101, idempotency_key=_key()
    )
    assert (result.result, result.outcome, result.remaining) == ("insufficient_credits", "blocked", 100)
    assert not result.succeeded
    assert _pool(client.credits.balance(tenant_id="ws_active"), "ai_generations").remaining == 100


def test_consume_soft_pool_goes_negative_with_a_warning(client: Any) -> None:
    result = client.credits.consume(
        tenant_id="ws_active", pool_key="api_calls", amount=1001, idempotency_key=_key()
    )
    assert (result.result, result.outcome, result.remaining) == ("success", "warning", -1)


def test_consume_errors(client: Any) -> None:
    key = _key()
    client.credits.consume(tenant_id="ws_active", pool_key="ai_generations", amount=1, idempotency_key=key)
    with pytest.raises(ConflictError) as reused:
        client.credits.consume(
            tenant_id="ws_active", pool_key="ai_generations", amount=2, idempotency_key=key
        )
    assert reused.value.code == "IDEMPOTENCY_KEY_REUSED"
    with pytest.raises(PaymentRequiredError) as none:
        client.credits.consume(
            tenant_id="ws_none", pool_key="ai_generations", amount=1, idempotency_key=_key()
        )
    assert none.value.code == "NO_SUBSCRIPTION"
    with pytest.raises(NotFoundError) as pool:
        client.credits.consume(tenant_id="ws_active", pool_key="no_pool", amount=1, idempotency_key=_key())
    assert pool.value.code == "POOL_NOT_FOUND"


# ---- add-ons ---------------------------------------------------------------------------------


def test_list_available_addons(client: Any) -> None:
    addons = {a.id: a for a in client.addons.list_available("ws_active")}
    paid = addons["addon_ai_500"]
    assert (paid.pool_key, paid.credit_qty, paid.currency, paid.amount) == (
        "ai_generations",
        500,
        "USD",
        Decimal("5.00"),
    )
    assert paid.name
    assert addons["addon_api_free"].amount == Decimal("0.00")
    assert client.addons.list_available("ws_none") == []


def test_purchase_paid_addon_grants_after_checkout(client: Any, control: ControlPlane) -> None:
    key = _key()
    purchase = client.addons.purchase(
        "ws_active", addon_id="addon_ai_500", currency="USD", idempotency_key=key
    )
    assert purchase.requires_payment and purchase.checkout_url
    assert (purchase.credit_qty, purchase.amount, purchase.already_processed) == (500, Decimal("5.00"), None)
    assert client.addons.get_active("ws_active") == []
    replay = client.addons.purchase("ws_active", addon_id="addon_ai_500", currency="USD", idempotency_key=key)
    assert replay.already_processed and replay.purchase_id == purchase.purchase_id

    control.complete_checkout(session_id(purchase.checkout_url))
    [active] = client.addons.get_active("ws_active")
    assert isinstance(active, ActiveAddon)
    assert (active.pool_key, active.remaining, active.active_grants) == ("ai_generations", 500, 1)
    assert _pool(client.credits.balance(tenant_id="ws_active"), "ai_generations").remaining == 600


def test_purchase_free_addon_grants_at_once(client: Any) -> None:
    purchase = client.addons.purchase(
        "ws_active", addon_id="addon_api_free", currency="USD", idempotency_key=_key()
    )
    assert (purchase.requires_payment, purchase.checkout_url) == (False, None)
    assert [(a.pool_key, a.remaining) for a in client.addons.get_active("ws_active")] == [("api_calls", 100)]


def test_purchase_in_another_currency_is_rejected(client: Any) -> None:
    with pytest.raises(UnprocessableEntityError) as info:
        client.addons.purchase("ws_active", addon_id="addon_ai_500", currency="EUR", idempotency_key=_key())
    assert info.value.code is None and "EUR" in info.value.message


# ---- usage (deprecated) ----------------------------------------------------------------------


def test_deprecated_usage_calls_still_work(client: Any) -> None:
    with pytest.warns(CrovverDeprecationWarning, match=r"credits\.consume"):
        recorded = client.record_usage("ws_active", "api_calls", 5)
    assert (recorded.metric, recorded.recorded_value) == ("api_calls", 5)
    with pytest.warns(CrovverDeprecationWarning, match=r"credits\.balance"):
        limit = client.check_usage_limit("ws_active", "api_calls")
    assert (limit.current, limit.limit, limit.allowed) == (5, 1000, True)


# ---- checkout and invoices -------------------------------------------------------------------


def test_checkout_is_pending_until_paid_then_trial_with_an_invoice(
    client: Any, control: ControlPlane
) -> None:
    session = client.create_checkout_session(
        plan_id="plan_pro",
        external_tenant_id="ws_none",
        currency="USD",
        success_url="https://app.test/ok",
        cancel_url="https://app.test/cancel",
    )
    assert session.checkout_url and session.session_id and session.subscription_id
    [pending] = client.get_subscriptions("ws_none").subscriptions
    assert (pending.id, pending.status) == (session.subscription_id, "pending")
    assert not client.can_access("ws_none", "advanced_analytics")
    assert client.get_invoices("ws_none").invoices == ()

    control.complete_checkout(session.session_id)
    assert client.get_subscriptions("ws_none").subscriptions[0].status == "trial"
    assert client.can_access("ws_none", "advanced_analytics")
    [invoice] = client.get_invoices("ws_none").invoices
    assert invoice.currency == "USD" and isinstance(invoice.total_amount, Decimal)
    assert invoice.status == "paid"


def test_checkout_for_a_seat_based_plan_and_a_bad_currency(client: Any, control: ControlPlane) -> None:
    session = client.create_checkout_session(
        plan_id="plan_business", external_tenant_id="ws_none", total_capacity_units=8
    )
    control.complete_checkout(session.session_id)
    assert client.get_subscriptions("ws_none").subscriptions[0].capacity_units == 8
    with pytest.raises(UnprocessableEntityError) as info:
        client.create_checkout_session(plan_id="plan_pro", external_tenant_id="ws_none", currency="GBP")
    assert info.value.code == "CURRENCY_NOT_SUPPORTED"
    with pytest.raises(NotFoundError):
        client.create_checkout_session(plan_id="plan_nope", external_tenant_id="ws_none")
