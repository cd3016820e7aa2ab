"""The values the SDK returns: frozen attrs classes with snake_case fields.

Times are timezone-aware ``datetime`` in UTC, money is ``Decimal``, counts are ``int`` (even where
the wire sends strings), and statuses are plain ``str`` so a value Crovver adds tomorrow never
breaks parsing. Every model has ``to_dict()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

__all__ = [
    "ActiveAddon",
    "AddonPurchase",
    "AvailableAddon",
    "BulkAllocation",
    "CanceledSubscription",
    "CapacityCount",
    "CheckoutSession",
    "ConsumeResult",
    "CreatedTenant",
    "CreditBalance",
    "CreditPool",
    "Invoice",
    "InvoiceList",
    "Organization",
    "Plan",
    "PlanList",
    "PlanPrice",
    "PoolBalance",
    "Product",
    "ProrationCheckout",
    "SeatAllocation",
    "SeatAllocationPage",
    "SeatAllocationResult",
    "SeatCapacity",
    "SeatProration",
    "Subscription",
    "SubscriptionList",
    "SubscriptionPlan",
    "SubscriptionStatus",
    "SubscriptionStatusPlan",
    "SubscriptionStatusSubscription",
    "SupportedProvider",
    "Tenant",
    "TenantDetails",
    "TenantList",
    "TenantMember",
    "TenantOwner",
    "Token",
    "UsageLimit",
    "UsageRecord",
]

ConsumeResultKind = Literal["success", "insufficient_credits"]


@attrs.frozen(kw_only=True)
class _Model:
    def to_dict(self) -> dict[str, Any]:
        """The model as plain Python data (nested models become dicts; values keep their types)."""
        return attrs.asdict(self)


# ---- tenants ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Organization(_Model):
    id: str
    name: str
    type: str  # "b2b" or "d2c"


@attrs.frozen(kw_only=True)
class Tenant(_Model):
    id: str
    external_tenant_id: str
    name: str
    slug: str | None
    is_active: bool
    metadata: Mapping[str, Any] | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None


@attrs.frozen(kw_only=True)
class TenantOwner(_Model):
    id: str
    external_user_id: str
    email: str | None
    name: str | None


@attrs.frozen(kw_only=True)
class CreatedTenant(_Model):
    """What ``create_tenant`` returns."""

    tenant: Tenant
    owner: TenantOwner
    message: str | None


@attrs.frozen(kw_only=True)
class TenantMember(_Model):
    external_user_id: str
    email: str | None
    name: str | None
    role: str


@attrs.frozen(kw_only=True)
class TenantDetails(_Model):
    """What ``get_tenant`` returns: the tenant, its members and its organization."""

    tenant: Tenant
    members: Sequence[TenantMember]
    organization: Organization


@attrs.frozen(kw_only=True)
class TenantList(_Model):
    """What ``list_tenants`` returns."""

    tenants: Sequence[Tenant]
    count: int


# ---- plans -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PlanPrice(_Model):
    currency: str
    amount: Decimal | None
    base_price: Decimal | None
    per_seat_price: Decimal | None


@attrs.frozen(kw_only=True)
class CreditPool(_Model):
    """A credit pool a plan grants each period."""

    pool_key: str
    display_name: str
    limit_per_period: int
    refill_behavior: str  # "reset" or "rollover"
    rollover_cap: int | None  # None: no cap
    limit_behavior: str  # "hard" or "soft"


@attrs.frozen(kw_only=True)
class Product(_Model):
    id: str
    name: str
    description: str | None
    slug: str | None


@attrs.frozen(kw_only=True)
class Plan(_Model):
    """A plan. ``price`` is in major units (``Decimal("29.00")``); ``price_amount`` in minor units (2900)."""

    id: str
    name: str
    description: str | None
    currency: str
    interval: str  # "monthly", "yearly" or "one_time"
    price: Decimal | None
    price_amount: int | None
    prices: Sequence[PlanPrice]
    is_free: bool
    is_seat_based: bool
    base_price: Decimal | None
    included_seats: int | None
    per_seat_price: Decimal | None
    min_seats: int | None
    max_seats: int | None
    trial_days: int | None
    trial_available: bool
    features: Mapping[str, bool]
    limits: Mapping[str, int | None]  # None: unlimited
    credit_pools: Sequence[CreditPool]
    product: Product
    payment_providers: Sequence[Mapping[str, Any]] = attrs.field(repr=False)
    test_mode: bool | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None

    def has_feature(self, feature_key: str) -> bool:
        return self.features.get(feature_key, False)


@attrs.frozen(kw_only=True)
class PlanList(_Model):
    """What ``get_plans`` returns."""

    plans: Sequence[Plan]
    organization: Organization


@attrs.frozen(kw_only=True)
class SupportedProvider(_Model):
    id: str
    code: str
    name: str
    description: str | None
    logo_url: str | None
    is_enabled: bool
    supports_recurring_billing: bool
    supports_webhooks: bool
    supports_test_mode: bool
    capabilities: Sequence[str]


# ---- subscriptions ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SubscriptionPlan(_Model):
    id: str
    name: str
    description: str | None
    currency: str | None
    interval: str | None
    price: Decimal | None
    features: Mapping[str, bool]
    limits: Mapping[str, int | None]


@attrs.frozen(kw_only=True)
class Subscription(_Model):
    """A subscription. ``status`` is one of pending, trial, active, past_due, pending_cancel,
    canceled, expired, or any value Crovver adds later (kept as the string it sent)."""

    id: str
    status: str
    provider_subscription_id: str | None
    current_period_start: dt.datetime | None
    current_period_end: dt.datetime | None
    next_billing_date: dt.datetime | None
    trial_active: bool
    trial_ends_at: dt.datetime | None
    trial_days_remaining: int | None
    is_canceled: bool
    canceled_at: dt.datetime | None
    will_end_at: dt.datetime | None
    plan: SubscriptionPlan | None
    product: Product | None
    capacity_units: int | None
    billing_mode: str | None
    metadata: Mapping[str, Any] | None
    created_at: dt.datetime | None
    updated_at: dt.datetime | None

    @property
    def grants_access(self) -> bool:
        """Whether this status grants access (active, trial, or pending_cancel until period end)."""
        return self.status in ("active", "trial", "pending_cancel")


@attrs.frozen(kw_only=True)
class SubscriptionList(_Model):
    """What ``get_subscriptions`` returns."""

    subscriptions: Sequence[Subscription]
    tenant_id: str | None
    external_tenant_id: str | None
    tenant_name: str | None
    organization: Organization | None


@attrs.frozen(kw_only=True)
class SubscriptionStatusSubscription(_Model):
    id: str
    status: str
    trial_ends_at: dt.datetime | None
    current_period_start: dt.datetime | None
    current_period_end: dt.datetime | None
    capacity_units: int | None
    used_capacity: int | None


@attrs.frozen(kw_only=True)
class SubscriptionStatusPlan(_Model):
    id: str
    name: str
    product_id: str | None
    product_name: str | None
    product_slug: str | None
    billing_interval: str | None
    features: Sequence[str]
    limits: Mapping[str, int | None]


@attrs.frozen(kw_only=True)
class SubscriptionStatus(_Model):
    """What ``get_subscription_status`` returns; ``status`` is ``"none"`` without a subscription."""

    active: bool
    status: str
    tenant_id: str | None
    tenant_name: str | None
    subscription: SubscriptionStatusSubscription | None
    plan: SubscriptionStatusPlan | None


@attrs.frozen(kw_only=True)
class CanceledSubscription(_Model):
    """What ``cancel_subscription`` returns: ``pending_cancel`` (recurring) or ``canceled`` (manual)."""

    subscription_id: str
    status: str
    canceled_at: dt.datetime | None
    current_period_end: dt.datetime | None


# ---- credits ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PoolBalance(_Model):
    """One credit pool's balance; ``remaining`` is base plus add-on credits."""

    pool_key: str
    display_name: str | None
    remaining: int
    base_remaining: int
    addon_remaining: int
    limit: int | None
    limit_behavior: str | None
    next_expiry: dt.datetime | None
    usage_percent: float | None


@attrs.frozen(kw_only=True)
class CreditBalance(_Model):
    """What ``credits.balance`` returns; ``pools`` is empty without an active subscription."""

    pools: Sequence[PoolBalance]

    def pool(self, pool_key: str) -> PoolBalance | None:
        """The pool with this key, or None."""
        return next((p for p in self.pools if p.pool_key == pool_key), None)


@attrs.frozen(kw_only=True)
class ConsumeResult(_Model):
    """What ``credits.consume`` returns.

    ``result`` is ``"success"`` (the wire outcome was ``allowed`` or ``warning``) or
    ``"insufficient_credits"`` (``blocked``, or an outcome this SDK does not know: nothing is
    assumed granted). ``outcome`` keeps the wire value.
    """

    result: ConsumeResultKind
    outcome: str
    remaining: int
    already_processed: bool
    pool_key: str

    @property
    def succeeded(self) -> bool:
        return self.result == "success"


# ---- add-ons ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AvailableAddon(_Model):
    id: str
    name: str
    pool_key: str
    description: str | None
    credit_qty: int
    currency: str
    amount: Decimal
    expiry_type: str | None  # "period", "period_end", "days" or "never"
    expiry_days: int | None
    current_balance: int | None
    pool_limit: int | None


@attrs.frozen(kw_only=True)
class AddonPurchase(_Model):
    """What ``addons.purchase`` returns. Redirect to ``checkout_url`` when ``requires_payment``."""

    purchase_id: str
    checkout_url: str | None
    requires_payment: bool
    already_processed: bool
    addon_name: str | None
    credit_qty: int | None
    amount: Decimal | None
    currency: str | None


@attrs.frozen(kw_only=True)
class ActiveAddon(_Model):
    """Remaining add-on credits in one pool."""

    pool_key: str
    remaining: int
    active_grants: int | None
    next_expiry: dt.datetime | None


# ---- usage (deprecated) ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class UsageRecord(_Model):
    message: str | None
    metric: str
    recorded_value: int


@attrs.frozen(kw_only=True)
class UsageLimit(_Model):
    allowed: bool
    current: int
    limit: int | None
    remaining: int | None
    percentage: float | None
    metric: str


# ---- checkout and billing --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CheckoutSession(_Model):
    """Redirect the user to ``checkout_url``; the subscription stays ``pending`` until paid."""

    checkout_url: str
    session_id: str
    subscription_id: str | None


@attrs.frozen(kw_only=True)
class Invoice(_Model):
    id: str
    invoice_number: str | None
    invoice_type: str | None
    status: str
    total_amount: Decimal
    currency: str
    due_date: dt.datetime | None
    paid_at: dt.datetime | None
    issued_at: dt.datetime | None
    period_start: dt.datetime | None
    period_end: dt.datetime | None
    payment_provider: str | None
    plan_name: str | None
    hosted_invoice_url: str | None
    invoice_pdf: str | None


@attrs.frozen(kw_only=True)
class InvoiceList(_Model):
    """What ``get_invoices`` returns."""

    invoices: Sequence[Invoice]


@attrs.frozen(kw_only=True)
class Token(_Model):
    """A short-lived token for a browser redirect, and the URL to send the browser to."""

    token: str
    expires_at: dt.datetime
    url: str | None
    expires_in: int | None


# ---- seats (capacity) ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CapacityCount(_Model):
    active_count: int
    capacity_units: int | None
    utilization_percentage: float | None
    billing_mode: str | None
    exceeded: bool


@attrs.frozen(kw_only=True)
class SeatCapacity(_Model):
    active_count: int
    capacity_units: int | None
    utilization_percentage: float | None
    exceeded: bool | None


@attrs.frozen(kw_only=True)
class SeatProration(_Model):
    amount: Decimal
    currency: str
    description: str | None
    days_remaining: int | None
    total_days_in_period: int | None
    current_seats: int | None
    new_seats: int | None


@attrs.frozen(kw_only=True)
class SeatAllocationResult(_Model):
    """What ``capacity.allocate`` returns: allocated, or what it would take (proration/checkout)."""

    allocated: bool
    message: str | None
    capacity: SeatCapacity | None
    requires_proration: bool
    proration: SeatProration | None
    requires_checkout: bool
    checkout_url: str | None
    proration_id: str | None


@attrs.frozen(kw_only=True)
class BulkAllocation(_Model):
    """What ``capacity.bulk_allocate`` returns; ``partial`` when some users were rejected (HTTP 207)."""

    allocated: Sequence[str]
    skipped: Sequence[str]
    rejected: Sequence[str]
    capacity: SeatCapacity
    message: str | None
    partial: bool


@attrs.frozen(kw_only=True)
class SeatAllocation(_Model):
    external_user_id: str
    email: str | None
    name: str | None
    status: str  # "active" or "removed"
    allocated_at: dt.datetime | None
    removed_at: dt.datetime | None
    metadata: Mapping[str, Any] | None


@attrs.frozen(kw_only=True)
class SeatAllocationPage(_Model):
    """One page of ``capacity.list_allocations``."""

    allocations: Sequence[SeatAllocation]
    capacity: SeatCapacity | None
    total: int
    page: int
    total_pages: int
    has_next_page: bool
    has_previous_page: bool


@attrs.frozen(kw_only=True)
class ProrationCheckout(_Model):
    proration_id: str
    checkout_url: str | None
    requires_payment: bool
    proration_amount: Decimal | None
    proration_details: SeatProration | None
    message: str | None
