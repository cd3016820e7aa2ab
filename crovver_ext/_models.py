"""The values the SDK returns: frozen attrs classes with snake_case fields, each declared once.

A field's Python name and type say what it is and how it is read from Crovver's JSON (see
``_reader.py``): the wire name is the camelCase of the field name unless ``wire(...)`` names it
(several names are alternatives, first present wins; a dotted name reaches into a nested object).

- Times are timezone-aware ``datetime`` in UTC, money is ``Decimal``, counts are ``int`` (also
  where the wire sends strings), statuses are plain ``str`` (a value Crovver adds tomorrow is kept).
- **Guaranteed** fields (a plain type such as ``str``) are ids and the answer itself; a reply
  without one is an ``InvalidResponseError``. Every ``X | None`` field may be ``None``: Crovver's
  documented replies omit many of them. Collections are never ``None``: missing reads as empty.
- Results are truly frozen: sequences are tuples, mappings are read-only (``FrozenDict``), and
  ``hash()`` works. ``.raw`` is the wire object the result was read from (read-only), so a field
  Crovver adds before this SDK knows it is already usable. ``to_dict()`` gives plain data.
- Top-level results carry ``request_id``: the id Crovver gave the call (``None`` if it sent none).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, TypeAlias, TypeVar, overload

import attrs

from crovver_ext._reader import (
    DERIVE,
    EMPTY,
    PRIVATE_FIELDS,
    READS,
    WIRE,
    FrozenDict,
    FrozenList,
    freeze_json,
    read_bool,
)

__all__ = [
    "JSON",
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
    "FrozenDict",
    "FrozenList",
    "Invoice",
    "InvoiceList",
    "ItemList",
    "JSONObject",
    "Organization",
    "PaymentProvider",
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

T = TypeVar("T")

#: Free-form JSON as Crovver sent it (metadata): read-only mappings, tuples, str, int, ``Decimal``,
#: bool and None.
JSON: TypeAlias = Any
#: A free-form JSON object (metadata).
JSONObject: TypeAlias = Mapping[str, JSON]

ConsumeResultKind = Literal["success", "insufficient_credits"]


def wire(*names: str, default: Any = None, repr: bool = True) -> Any:
    """A field read from these wire names (alternatives, first present wins; dotted = nested)."""
    return attrs.field(default=default, repr=repr, metadata={WIRE: names})


def derived(compute: Callable[[dict[str, Any], Mapping[str, Any]], Any], *reads: str) -> Any:
    """A field computed from the other fields' values and the wire object, after they are read.

    ``reads`` names the wire fields it is computed from directly (so no field is counted lost).
    """
    return attrs.field(default=None, metadata={DERIVE: compute, READS: reads})


def _not_private(attribute: attrs.Attribute[Any], value: Any) -> bool:
    return attribute.name not in PRIVATE_FIELDS


@attrs.frozen(kw_only=True, slots=False)
class _Model:
    _wire: Mapping[str, Any] = attrs.field(default=EMPTY, eq=False, repr=False)

    @property
    def raw(self) -> Mapping[str, JSON]:
        """The wire object this was read from, read-only (objects are ``FrozenDict``, arrays ``FrozenList``)."""
        return freeze_json(self._wire, 0, None)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        """The model as plain Python data (nested models become dicts; values keep their types)."""
        return attrs.asdict(self, filter=_not_private)


@attrs.frozen(kw_only=True, slots=False)
class _Result(_Model):
    #: The id Crovver gave the call that returned this (``x-request-id``), or None.
    request_id: str | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True, eq=False, slots=False)
class ItemList(Sequence[T]):
    """A list result (e.g. available add-ons): a read-only sequence that also has ``request_id``."""

    items: tuple[T, ...] = ()
    _wire: Any = attrs.field(default=(), repr=False)
    #: The id Crovver gave the call that returned this (``x-request-id``), or None.
    request_id: str | None = attrs.field(default=None, repr=False)

    @property
    def raw(self) -> JSON:
        """The wire value this was read from, read-only (objects are ``FrozenDict``, arrays ``FrozenList``)."""
        return freeze_json(self._wire, 0, None)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ItemList):
            return self.items == other.items
        if isinstance(other, (list, tuple)):
            return self.items == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.items)

    def to_dict(self) -> list[Any]:
        """The items as plain Python data."""
        return [x.to_dict() if isinstance(x, _Model) else x for x in self.items]


# Currencies whose minor unit is not a hundredth (ISO 4217 exponents).
_ZERO_DECIMAL = frozenset(
    [
        "BIF",
        "CLP",
        "DJF",
        "GNF",
        "ISK",
        "JPY",
        "KMF",
        "KRW",
        "PYG",
        "RWF",
        "UGX",
        "UYI",
        "VND",
        "VUV",
        "XAF",
        "XOF",
        "XPF",
    ]
)
_THREE_DECIMAL = frozenset(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"])


def minor_units(amount: Decimal | None, currency: str | None) -> int | None:
    """``Decimal("29.00")``, ``"USD"`` -> 2900; a currency's minor unit per ISO 4217."""
    if amount is None or currency is None:
        return None
    code = currency.upper()
    exponent = 0 if code in _ZERO_DECIMAL else 3 if code in _THREE_DECIMAL else 2
    return int((amount * 10**exponent).to_integral_value(rounding=ROUND_HALF_UP))


# ---- tenants ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class Organization(_Model):
    """The organization (your Crovver account) a reply belongs to."""

    id: str
    name: str | None = None
    type: str | None = None  #: "b2b" or "d2c"


@attrs.frozen(kw_only=True, slots=False)
class Tenant(_Model):
    """A tenant (a B2B workspace). ``id`` is Crovver's own id; you address it by ``external_tenant_id``."""

    id: str
    external_tenant_id: str = wire("externalTenantId", default=attrs.NOTHING)
    name: str | None = None
    slug: str | None = None
    is_active: bool | None = wire("isActive", "is_active")
    metadata: JSONObject | None = None
    created_at: dt.datetime | None = wire("createdAt", "created_at")
    updated_at: dt.datetime | None = wire("updatedAt", "updated_at")


@attrs.frozen(kw_only=True, slots=False)
class TenantOwner(_Model):
    """The user who owns a newly created tenant."""

    id: str
    external_user_id: str = wire("externalUserId", default=attrs.NOTHING)
    email: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class CreatedTenant(_Result):
    """What ``create_tenant`` returns."""

    tenant: Tenant
    owner: TenantOwner | None = None
    message: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class TenantMember(_Model):
    """A member of a tenant."""

    external_user_id: str = wire("externalUserId", default=attrs.NOTHING)
    email: str | None = None
    name: str | None = None
    role: str | None = None  #: "owner", "admin", "member", ...


@attrs.frozen(kw_only=True, slots=False)
class TenantDetails(_Result):
    """What ``get_tenant`` returns: the tenant, its members and its organization."""

    tenant: Tenant
    members: tuple[TenantMember, ...] = ()
    organization: Organization | None = None


@attrs.frozen(kw_only=True, slots=False)
class TenantList(_Result):
    """What ``list_tenants`` returns."""

    tenants: tuple[Tenant, ...] = ()
    count: int | None = None


# ---- plans -----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class PlanPrice(_Model):
    """A plan's price in one currency: ``amount``, or ``base_price``/``per_seat_price`` for seat plans."""

    currency: str
    amount: Decimal | None = None
    base_price: Decimal | None = wire("basePrice")
    per_seat_price: Decimal | None = wire("perSeatPrice")


@attrs.frozen(kw_only=True, slots=False)
class CreditPool(_Model):
    """A credit pool a plan grants each period."""

    pool_key: str = wire("poolKey", "pool_key", default=attrs.NOTHING)
    display_name: str | None = wire("displayName", "display_name")
    limit_per_period: int | None = wire("limitPerPeriod")
    refill_behavior: str | None = wire("refillBehavior")  #: "reset" or "rollover"
    rollover_cap: int | None = wire("rolloverCap")  #: None: no cap
    limit_behavior: str | None = wire("limitBehavior")  #: "hard" or "soft"


@attrs.frozen(kw_only=True, slots=False)
class Product(_Model):
    """The product a plan or subscription belongs to."""

    id: str
    name: str | None = None
    description: str | None = None
    slug: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class PaymentProvider(_Model):
    """A payment provider a plan is sold through, and the provider's ids for it."""

    provider_id: str | None = wire("provider_id")
    provider_type: str = wire("provider_type", default=attrs.NOTHING)  #: "stripe", ...
    provider_name: str | None = wire("provider_name")
    external_price_id: str | None = wire("external_price_id")
    external_product_id: str | None = wire("external_product_id")
    external_base_price_id: str | None = wire("external_base_price_id")
    external_per_seat_price_id: str | None = wire("external_per_seat_price_id")
    is_active: bool | None = wire("is_active", "isActive")


def _price_amount(values: dict[str, Any], raw: Mapping[str, Any]) -> int | None:
    return minor_units(values["price"], values["currency"])


@attrs.frozen(kw_only=True, slots=False)
class Plan(_Model):
    """A plan. ``price`` is in major units (``Decimal("29.00")``); ``price_amount`` in minor units (2900).

    For a seat-based plan without a flat amount, ``price`` is the base price.
    """

    id: str
    name: str | None = None
    description: str | None = None
    currency: str | None = wire("pricing.currency")
    interval: str | None = wire("pricing.interval")  #: "monthly", "yearly" or "one_time"
    price: Decimal | None = wire("pricing.amount", "pricing.basePrice")
    price_amount: int | None = derived(_price_amount)
    prices: tuple[PlanPrice, ...] = ()
    is_free: bool | None = wire("isFree", "is_free")
    is_seat_based: bool | None = wire("isSeatBased", "pricing.isSeatBased")
    base_price: Decimal | None = wire("pricing.basePrice")
    included_seats: int | None = wire("pricing.includedSeats")
    per_seat_price: Decimal | None = wire("pricing.perSeatPrice")
    min_seats: int | None = wire("pricing.minSeats")
    max_seats: int | None = wire("pricing.maxSeats")
    trial_days: int | None = wire("trial.days")
    trial_available: bool | None = wire("trial.available")
    features: Mapping[str, bool] = EMPTY
    limits: Mapping[str, int | None] = EMPTY  #: None: unlimited
    credit_pools: tuple[CreditPool, ...] = wire("creditPools", default=())
    product: Product | None = None
    payment_providers: tuple[PaymentProvider, ...] = wire(
        "paymentProviders", "payment_providers", default=(), repr=False
    )
    test_mode: bool | None = wire("test_mode")
    created_at: dt.datetime | None = wire("createdAt", "created_at")
    updated_at: dt.datetime | None = wire("updatedAt", "updated_at")

    def has_feature(self, feature_key: str) -> bool:
        """Whether the plan grants this feature."""
        return self.features.get(feature_key, False)


@attrs.frozen(kw_only=True, slots=False)
class PlanList(_Result):
    """What ``get_plans`` returns."""

    plans: tuple[Plan, ...] = ()
    organization: Organization | None = None


@attrs.frozen(kw_only=True, slots=False)
class SupportedProvider(_Model):
    """A payment provider Crovver supports."""

    id: str
    code: str
    name: str | None = None
    description: str | None = None
    logo_url: str | None = None
    is_enabled: bool | None = None
    supports_recurring_billing: bool | None = None
    supports_webhooks: bool | None = None
    supports_test_mode: bool | None = None
    capabilities: tuple[str, ...] = ()


# ---- subscriptions ---------------------------------------------------------------------------


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


# ---- credits ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class PoolBalance(_Model):
    """One credit pool's balance; ``remaining`` (the wire ``total``) is base plus add-on credits."""

    #: The pool's key (the wire ``poolKey``, else the key the pool is listed under).
    pool_key: str = wire("poolKey", "pool_key", default="")
    display_name: str | None = wire("displayName", "display_name")
    remaining: int = wire("total", default=attrs.NOTHING)
    base_remaining: int | None = wire("baseRemaining")
    addon_remaining: int | None = wire("addonRemaining", "addon_remaining")
    limit: int | None = None
    limit_behavior: str | None = wire("limitBehavior")
    next_expiry: dt.datetime | None = wire("nextExpiry")
    usage_percent: float | None = wire("usagePercent")


@attrs.frozen(kw_only=True, slots=False)
class CreditBalance(_Result):
    """What ``credits.balance`` returns; ``pools`` is empty without an active subscription."""

    pools: tuple[PoolBalance, ...] = ()

    def pool(self, pool_key: str) -> PoolBalance | None:
        """The pool with this key, or None."""
        return next((p for p in self.pools if p.pool_key == pool_key), None)


def _consume_result(values: dict[str, Any], raw: Mapping[str, Any]) -> ConsumeResultKind:
    # Only a known granting outcome is success: an outcome this SDK does not know grants nothing.
    return "success" if values["outcome"] in ("allowed", "warning") else "insufficient_credits"


@attrs.frozen(kw_only=True, slots=False)
class ConsumeResult(_Result):
    """What ``credits.consume`` returns.

    ``result`` is ``"success"`` (the wire outcome was ``allowed`` or ``warning``) or
    ``"insufficient_credits"`` (``blocked``, or an outcome this SDK does not know: nothing is
    assumed granted). ``outcome`` keeps the wire value.
    """

    outcome: str = wire("result", default=attrs.NOTHING)
    result: ConsumeResultKind = derived(_consume_result)
    remaining: int | None = None
    already_processed: bool | None = wire("alreadyProcessed")
    pool_key: str | None = wire("poolKey", "pool_key")

    @property
    def succeeded(self) -> bool:
        """Whether the credits were granted."""
        return self.result == "success"


# ---- add-ons ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class AvailableAddon(_Model):
    """An add-on credit pack the tenant can buy."""

    id: str
    name: str | None = wire("display_name", "displayName", "name")
    pool_key: str | None = wire("pool_key", "poolKey")
    description: str | None = None
    credit_qty: int | None = wire("credit_qty", "creditQty")
    currency: str | None = None
    amount: Decimal | None = None
    expiry_type: str | None = wire("expiry_type")  #: "period", "period_end", "days", "never"
    expiry_days: int | None = wire("expiry_days")
    current_balance: int | None = wire("current_balance")
    pool_limit: int | None = wire("pool_limit")


def _requires_payment(values: dict[str, Any], raw: Mapping[str, Any]) -> bool:
    flag = raw.get("requiresPayment")
    # A replay omits requiresPayment; a checkout URL is then the only sign of it.
    return values["checkout_url"] is not None if flag is None else read_bool(flag)


@attrs.frozen(kw_only=True, slots=False)
class AddonPurchase(_Result):
    """What ``addons.purchase`` returns. Redirect to ``checkout_url`` when ``requires_payment``."""

    purchase_id: str
    checkout_url: str | None = None
    requires_payment: bool = derived(_requires_payment, "requiresPayment")
    already_processed: bool | None = None
    addon_name: str | None = None
    credit_qty: int | None = None
    amount: Decimal | None = None
    currency: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class ActiveAddon(_Model):
    """Remaining add-on credits in one pool."""

    pool_key: str = wire("pool_key", "poolKey", default=attrs.NOTHING)
    remaining: int = wire("addon_remaining", "addonRemaining", default=attrs.NOTHING)
    active_grants: int | None = wire("active_addon_grants")
    next_expiry: dt.datetime | None = wire("next_addon_expiry")


# ---- usage (deprecated) ----------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class UsageRecord(_Result):
    """What the deprecated ``record_usage`` returns."""

    message: str | None = None
    metric: str | None = None
    recorded_value: int | None = None


@attrs.frozen(kw_only=True, slots=False)
class UsageLimit(_Result):
    """What the deprecated ``check_usage_limit`` returns."""

    allowed: bool
    current: int | None = None
    limit: int | None = None
    remaining: int | None = None
    percentage: float | None = None
    metric: str | None = None


# ---- checkout and billing --------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class CheckoutSession(_Result):
    """Redirect the user to ``checkout_url``; the subscription stays ``pending`` until paid."""

    subscription_id: str
    checkout_url: str | None = None
    session_id: str | None = None
    plan_name: str | None = None
    is_free: bool | None = None
    provider: str | None = None
    amount: Decimal | None = None
    currency: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class Invoice(_Model):
    """An invoice."""

    id: str
    invoice_number: str | None = None
    invoice_type: str | None = None
    status: str | None = None
    total_amount: Decimal | None = None
    currency: str | None = None
    due_date: dt.datetime | None = None
    paid_at: dt.datetime | None = None
    issued_at: dt.datetime | None = None
    period_start: dt.datetime | None = None
    period_end: dt.datetime | None = None
    payment_provider: str | None = None
    plan_name: str | None = None
    hosted_invoice_url: str | None = None
    invoice_pdf: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class InvoiceList(_Result):
    """What ``get_invoices`` returns."""

    invoices: tuple[Invoice, ...] = ()


@attrs.frozen(kw_only=True, slots=False)
class Token(_Result):
    """A short-lived token for a browser redirect, and the URL to send the browser to.

    ``url`` and ``expires_in`` come from the reply's ``meta`` (``checkoutUrl``/``portalUrl``).
    """

    token: str
    expires_at: dt.datetime | None = None
    url: str | None = derived(lambda values, raw: None)  # set from meta by the operation
    expires_in: int | None = derived(lambda values, raw: None)  # set from meta by the operation


# ---- seats (capacity) ------------------------------------------------------------------------


@attrs.frozen(kw_only=True, slots=False)
class CapacityCount(_Result):
    """What ``capacity.count`` returns: seats in use against the subscription's capacity."""

    active_count: int
    capacity_units: int | None = None
    utilization_percentage: float | None = None
    billing_mode: str | None = None
    exceeded: bool | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatCapacity(_Model):
    """Seats in use against capacity, as the seat calls report it."""

    active_count: int
    capacity_units: int | None = None
    utilization_percentage: float | None = None
    exceeded: bool | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatProration(_Model):
    """What adding seats mid-period costs."""

    amount: Decimal | None = None
    currency: str | None = None
    description: str | None = None
    calculation: str | None = None  #: e.g. "5 seats x $1.00/seat x 17/30 days"
    days_remaining: int | None = None
    total_days_in_period: int | None = None
    current_seats: int | None = None
    new_seats: int | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocationResult(_Result):
    """What ``capacity.allocate`` returns: allocated, or what it would take (proration/checkout)."""

    allocated: bool = derived(lambda values, raw: raw.get("success") is True, "success")
    message: str | None = None
    capacity: SeatCapacity | None = None
    requires_proration: bool | None = None
    proration: SeatProration | None = None
    requires_checkout: bool | None = None
    checkout_url: str | None = None
    proration_id: str | None = None
    new_capacity: int | None = None


@attrs.frozen(kw_only=True, slots=False)
class BulkAllocation(_Result):
    """What ``capacity.bulk_allocate`` returns; ``partial`` when some users were rejected (HTTP 207)."""

    allocated: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    capacity: SeatCapacity | None = None
    message: str | None = None
    partial: bool = derived(lambda values, raw: bool(values["rejected"]))


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocation(_Model):
    """A user's seat."""

    external_user_id: str
    email: str | None = None
    name: str | None = None
    status: str | None = None  #: "active" or "removed"
    allocated_at: dt.datetime | None = None
    removed_at: dt.datetime | None = None
    metadata: JSONObject | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocationPage(_Result):
    """One page of ``capacity.list_allocations``."""

    allocations: tuple[SeatAllocation, ...] = ()
    capacity: SeatCapacity | None = None
    total: int | None = wire("pagination.total")
    page: int | None = wire("pagination.page")
    limit: int | None = wire("pagination.limit")
    total_pages: int | None = wire("pagination.totalPages")
    has_next_page: bool | None = wire("pagination.hasNextPage")
    has_previous_page: bool | None = wire("pagination.hasPreviousPage")


@attrs.frozen(kw_only=True, slots=False)
class ProrationCheckout(_Result):
    """What ``capacity.create_proration_checkout`` returns.

    ``proration_amount`` is the number Crovver sent, as a ``Decimal`` in major units: the proration
    page shows ``1750`` beside a calculation of a few dollars, the allocate page ``1.75``; the SDK
    does not guess a scale (see README, "Where Crovver's pages disagree").
    """

    proration_id: str
    requires_payment: bool
    checkout_url: str | None = None
    proration_amount: Decimal | None = None
    proration_details: SeatProration | None = None
    message: str | None = None
