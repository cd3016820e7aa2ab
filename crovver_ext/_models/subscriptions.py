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
    """Id (wire ``id``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    description: str | None = None
    """Description (wire ``description``); None when Crovver leaves it out."""
    currency: str | None = wire("pricing.currency")
    """Currency (wire ``pricing.currency``); None when Crovver leaves it out."""
    interval: str | None = wire("pricing.interval")
    """Interval (wire ``pricing.interval``); None when Crovver leaves it out."""
    price: Decimal | None = wire("pricing.amount", "pricing.basePrice")
    """Price (wire ``pricing.amount`` or ``pricing.basePrice``); None when Crovver leaves it out."""
    features: Mapping[str, bool] = EMPTY
    """Features (wire ``features``); empty when Crovver leaves it out."""
    limits: Mapping[str, int | None] = EMPTY
    """Limits (wire ``limits``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class Subscription(_Model):
    """A subscription. ``status`` is one of pending, trial, active, past_due, pending_cancel,
    canceled, expired, or any value Crovver adds later (kept as the string it sent)."""

    id: str
    """Id (wire ``id``); always present."""
    status: str
    """Status (wire ``status``); always present."""
    provider_subscription_id: str | None = wire("provider_subscription_id", "providerSubscriptionId")
    """Provider subscription id (wire ``provider_subscription_id`` or ``providerSubscriptionId``); None when Crovver leaves it out."""
    current_period_start: dt.datetime | None = wire(
        "billing.current_period_start", "billing.currentPeriodStart"
    )
    """Current period start (wire ``currentPeriodStart``); None when Crovver leaves it out."""
    current_period_end: dt.datetime | None = wire("billing.current_period_end", "billing.currentPeriodEnd")
    """Current period end (wire ``billing.current_period_end`` or ``billing.currentPeriodEnd``); None when Crovver leaves it out."""
    next_billing_date: dt.datetime | None = wire("billing.next_billing_date")
    """Next billing date (wire ``billing.next_billing_date``); None when Crovver leaves it out."""
    trial_active: bool | None = wire("trial.is_active", "trial.isActive")
    """Trial active (wire ``trial.is_active`` or ``trial.isActive``); None when Crovver leaves it out."""
    trial_ends_at: dt.datetime | None = wire("trial.ends_at")
    """Trial ends at (wire ``trial.ends_at``); None when Crovver leaves it out."""
    trial_days_remaining: int | None = wire("trial.days_remaining", "trial.daysRemaining")
    """Trial days remaining (wire ``trial.days_remaining`` or ``trial.daysRemaining``); None when Crovver leaves it out."""
    is_canceled: bool | None = wire("cancellation.is_canceled")
    """Whether it is canceled (wire ``cancellation.is_canceled``); None when Crovver leaves it out."""
    canceled_at: dt.datetime | None = wire("cancellation.canceled_at", "cancellation.canceledAt")
    """Canceled at (wire ``cancellation.canceled_at`` or ``cancellation.canceledAt``); None when Crovver leaves it out."""
    will_end_at: dt.datetime | None = wire("cancellation.will_end_at")
    """Will end at (wire ``cancellation.will_end_at``); None when Crovver leaves it out."""
    plan: SubscriptionPlan | None = None
    """Plan (wire ``plan``); None when Crovver leaves it out."""
    product: Product | None = None
    """Product (wire ``product``); None when Crovver leaves it out."""
    payment_providers: tuple[PaymentProvider, ...] = wire("payment_providers", "paymentProviders", default=())
    """Payment providers (wire ``payment_providers`` or ``paymentProviders``); empty when Crovver leaves it out."""
    capacity_units: int | None = wire("capacity.units")
    """Capacity units (wire ``capacity.units``); None when Crovver leaves it out."""
    billing_mode: str | None = wire("capacity.billing_mode", "capacity.billingMode")
    """Billing mode (wire ``capacity.billing_mode`` or ``capacity.billingMode``); None when Crovver leaves it out."""
    metadata: JSONObject | None = None
    """Metadata (wire ``metadata``); None when Crovver leaves it out."""
    created_at: dt.datetime | None = wire("created_at", "createdAt")
    """Created at (wire ``created_at`` or ``createdAt``); None when Crovver leaves it out."""
    updated_at: dt.datetime | None = wire("updated_at", "updatedAt")
    """Updated at (wire ``updated_at`` or ``updatedAt``); None when Crovver leaves it out."""

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
    """Subscriptions (wire ``subscriptions``); empty when Crovver leaves it out."""
    crovver_tenant_id: str | None = wire("tenant.id")
    """Crovver tenant id (wire ``tenant.id``); None when Crovver leaves it out."""
    external_tenant_id: str | None = wire("tenant.external_tenant_id", "tenant.externalTenantId")
    """External tenant id (wire ``tenant.external_tenant_id`` or ``tenant.externalTenantId``); None when Crovver leaves it out."""
    tenant_name: str | None = wire("tenant.name")
    """Tenant name (wire ``tenant.name``); None when Crovver leaves it out."""
    organization: Organization | None = None
    """Organization (wire ``organization``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionStatusSubscription(_Model):
    """The subscription part of a status reply."""

    id: str
    """Id (wire ``id``); always present."""
    status: str
    """Status (wire ``status``); always present."""
    #: Crovver's own id for the tenant (not your external id).
    crovver_tenant_id: str | None = wire("tenantId")
    """Crovver tenant id (wire ``tenantId``); None when Crovver leaves it out."""
    plan_id: str | None = None
    """Plan id (wire ``planId``); None when Crovver leaves it out."""
    trial_ends_at: dt.datetime | None = None
    """Trial ends at (wire ``trialEndsAt``); None when Crovver leaves it out."""
    current_period_start: dt.datetime | None = None
    """Current period start (wire ``currentPeriodStart``); None when Crovver leaves it out."""
    current_period_end: dt.datetime | None = None
    """Current period end (wire ``currentPeriodEnd``); None when Crovver leaves it out."""
    canceled_at: dt.datetime | None = None
    """Canceled at (wire ``canceledAt``); None when Crovver leaves it out."""
    capacity_units: int | None = None
    """Capacity units (wire ``capacityUnits``); None when Crovver leaves it out."""
    used_capacity: int | None = None
    """Used capacity (wire ``usedCapacity``); None when Crovver leaves it out."""
    provider_subscription_id: str | None = None
    """Provider subscription id (wire ``providerSubscriptionId``); None when Crovver leaves it out."""
    provider_customer_id: str | None = None
    """Provider customer id (wire ``providerCustomerId``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionStatusPlan(_Model):
    """The plan part of a status reply."""

    id: str
    """Id (wire ``id``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    product_id: str | None = None
    """Product id (wire ``productId``); None when Crovver leaves it out."""
    product_name: str | None = None
    """Product name (wire ``productName``); None when Crovver leaves it out."""
    product_slug: str | None = None
    """Product slug (wire ``productSlug``); None when Crovver leaves it out."""
    billing_interval: str | None = None
    """Billing interval (wire ``billingInterval``); None when Crovver leaves it out."""
    is_seat_based: bool | None = None
    """Whether it is seat based (wire ``isSeatBased``): crovver-react reads it (src/types.ts); None when Crovver leaves it out."""
    features: tuple[str, ...] = ()
    """Features (wire ``features``); empty when Crovver leaves it out."""
    limits: Mapping[str, int | None] = EMPTY
    """Limits (wire ``limits``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SubscriptionStatus(_Result):
    """What ``get_subscription_status`` returns; ``status`` is ``"none"`` without a subscription.

    ``tenant_id`` is the tenant's id as the status reply gives it (the docs show your external id).
    """

    active: bool
    """Active (wire ``active``); always present."""
    status: str
    """Status (wire ``status``); always present."""
    tenant_id: str | None = wire("tenant.id")
    """Tenant id (wire ``tenant.id``); None when Crovver leaves it out."""
    tenant_name: str | None = wire("tenant.name")
    """Tenant name (wire ``tenant.name``); None when Crovver leaves it out."""
    tenant_is_active: bool | None = wire("tenant.isActive", "tenant.is_active")
    """Tenant is active (wire ``tenant.isActive`` or ``tenant.is_active``); None when Crovver leaves it out."""
    subscription: SubscriptionStatusSubscription | None = None
    """Subscription (wire ``subscription``); None when Crovver leaves it out."""
    plan: SubscriptionStatusPlan | None = None
    """Plan (wire ``plan``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class CanceledSubscription(_Result):
    """What ``cancel_subscription`` returns: ``pending_cancel`` (recurring) or ``canceled`` (manual)."""

    subscription_id: str
    """Subscription id (wire ``subscriptionId``); always present."""
    status: str
    """Status (wire ``status``); always present."""
    canceled_at: dt.datetime | None = None
    """Canceled at (wire ``canceledAt``); None when Crovver leaves it out."""
    current_period_end: dt.datetime | None = None
    """Current period end (wire ``currentPeriodEnd``); None when Crovver leaves it out."""
