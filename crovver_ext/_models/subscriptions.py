"""Result classes: subscriptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs

from crovver_ext._models._base import (
    JSONObject,
    _Model,
    _Result,
    wire,
)
from crovver_ext._models.plans import PaymentProvider, Product
from crovver_ext._models.tenants import Organization
from crovver_ext._reader import EMPTY


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionPlan(_Model):
    """The plan of a subscription."""

    id: str
    name: str | None = None
    description: str | None = None
    currency: str | None = wire("pricing.currency")
    interval: str | None = wire("pricing.interval")
    price: Decimal | None = wire("pricing.amount", "pricing.basePrice")
    features: Mapping[str, bool] = EMPTY
    limits: Mapping[str, int | None] = EMPTY


@attrs.frozen(kw_only=True, slots=False)
class Subscription(_Model):
    """A subscription. ``status`` is one of pending, trial, active, past_due, pending_cancel,
    canceled, expired, or any value Crovver adds later (kept as the string it sent)."""

    id: str
    status: str
    provider_subscription_id: str | None = wire("provider_subscription_id", "providerSubscriptionId")
    current_period_start: dt.datetime | None = wire(
        "billing.current_period_start", "billing.currentPeriodStart"
    )
    current_period_end: dt.datetime | None = wire("billing.current_period_end", "billing.currentPeriodEnd")
    next_billing_date: dt.datetime | None = wire("billing.next_billing_date")
    trial_active: bool | None = wire("trial.is_active", "trial.isActive")
    trial_ends_at: dt.datetime | None = wire("trial.ends_at")
    trial_days_remaining: int | None = wire("trial.days_remaining", "trial.daysRemaining")
    is_canceled: bool | None = wire("cancellation.is_canceled")
    canceled_at: dt.datetime | None = wire("cancellation.canceled_at", "cancellation.canceledAt")
    will_end_at: dt.datetime | None = wire("cancellation.will_end_at")
    plan: SubscriptionPlan | None = None
    product: Product | None = None
    payment_providers: tuple[PaymentProvider, ...] = wire("payment_providers", "paymentProviders", default=())
    capacity_units: int | None = wire("capacity.units")
    billing_mode: str | None = wire("capacity.billing_mode", "capacity.billingMode")
    metadata: JSONObject | None = None
    created_at: dt.datetime | None = wire("created_at", "createdAt")
    updated_at: dt.datetime | None = wire("updated_at", "updatedAt")

    @property
    def grants_access(self) -> bool:
        """Whether this status grants access (active, trial, or pending_cancel until period end)."""
        return self.status in ("active", "trial", "pending_cancel")


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionList(_Result):
    """What ``get_subscriptions`` returns.

    ``crovver_tenant_id`` is Crovver's own id for the tenant; ``external_tenant_id`` is yours (the
    one every ``tenant_id`` parameter takes).
    """

    subscriptions: tuple[Subscription, ...] = ()
    crovver_tenant_id: str | None = wire("tenant.id")
    external_tenant_id: str | None = wire("tenant.external_tenant_id", "tenant.externalTenantId")
    tenant_name: str | None = wire("tenant.name")
    organization: Organization | None = None


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionStatusSubscription(_Model):
    """The subscription part of a status reply."""

    id: str
    status: str
    #: Crovver's own id for the tenant (not your external id).
    crovver_tenant_id: str | None = wire("tenantId")
    plan_id: str | None = None
    trial_ends_at: dt.datetime | None = None
    current_period_start: dt.datetime | None = None
    current_period_end: dt.datetime | None = None
    canceled_at: dt.datetime | None = None
    capacity_units: int | None = None
    used_capacity: int | None = None
    provider_subscription_id: str | None = None
    provider_customer_id: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionStatusPlan(_Model):
    """The plan part of a status reply."""

    id: str
    name: str | None = None
    product_id: str | None = None
    product_name: str | None = None
    product_slug: str | None = None
    billing_interval: str | None = None
    features: tuple[str, ...] = ()
    limits: Mapping[str, int | None] = EMPTY


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionStatus(_Result):
    """What ``get_subscription_status`` returns; ``status`` is ``"none"`` without a subscription.

    ``tenant_id`` is the tenant's id as the status reply gives it (the docs show your external id).
    """

    active: bool
    status: str
    tenant_id: str | None = wire("tenant.id")
    tenant_name: str | None = wire("tenant.name")
    tenant_is_active: bool | None = wire("tenant.isActive", "tenant.is_active")
    subscription: SubscriptionStatusSubscription | None = None
    plan: SubscriptionStatusPlan | None = None


@attrs.frozen(kw_only=True, slots=False)
class CanceledSubscription(_Result):
    """What ``cancel_subscription`` returns: ``pending_cancel`` (recurring) or ``canceled`` (manual)."""

    subscription_id: str
    status: str
    canceled_at: dt.datetime | None = None
    current_period_end: dt.datetime | None = None
