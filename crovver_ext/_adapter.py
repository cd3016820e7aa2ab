"""The only module that talks to the generated client (``crovver_api``).

For each operation it checks the arguments, builds the request with the generated
``_get_kwargs`` (so paths, parameter names and URL-encoding come from ``openapi.yaml``), and maps
the generated wire model onto the SDK's own model. The clients import this module on their first
call (see ``_lazy.py``): the generated package costs more to import than httpx, and a process
that never calls Crovver should not pay for it.

Parsing is strict where the generator is lenient: a value of the wrong type, or a union member
the generator silently kept as raw data, raises ``ValueError``/``TypeError``, which the request
policy turns into ``InvalidResponseError``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

# Each generated operation module this adapter builds requests with.
import crovver_api.api.addons.get_active_addons
import crovver_api.api.addons.list_available_addons
import crovver_api.api.addons.purchase_addon
import crovver_api.api.auth.create_checkout_token
import crovver_api.api.auth.create_portal_token
import crovver_api.api.billing.get_invoices
import crovver_api.api.capacity.allocate_seat
import crovver_api.api.capacity.bulk_allocate_seats
import crovver_api.api.capacity.create_proration_checkout
import crovver_api.api.capacity.get_capacity_count
import crovver_api.api.capacity.list_seat_allocations
import crovver_api.api.checkout.create_checkout_session
import crovver_api.api.credits_.consume_credits
import crovver_api.api.credits_.get_credit_balance
import crovver_api.api.entitlements.can_access
import crovver_api.api.plans.get_plans
import crovver_api.api.plans.get_supported_providers
import crovver_api.api.subscriptions.cancel_subscription
import crovver_api.api.subscriptions.get_subscription_status
import crovver_api.api.subscriptions.get_subscriptions
import crovver_api.api.tenants.create_tenant
import crovver_api.api.tenants.get_tenants
import crovver_api.api.usage.check_usage_limit
import crovver_api.api.usage.record_usage
from crovver_api import models as gen
from crovver_api.types import UNSET, Unset
from crovver_ext import _models as m
from crovver_ext import _validation as check
from crovver_ext._policy import Call

T = TypeVar("T")

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


# ---- value conversions (wire -> Python) -------------------------------------------------------


# These run a few hundred times per response: each tries the common exact type first.


def _opt(value: Any) -> Any:
    return None if value is None or value is UNSET or isinstance(value, Unset) else value


def _str(value: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, enum.Enum):
        value = value.value
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {value!r}")
    return value


def _opt_str(value: Any) -> str | None:
    if type(value) is str:
        return value
    value = _opt(value)
    return None if value is None else _str(value)


def _bool(value: Any) -> bool:
    if value is True or value is False:
        return value
    if not isinstance(value, bool):
        raise TypeError(f"expected a boolean, got {value!r}")
    return value


def _opt_bool(value: Any) -> bool | None:
    value = _opt(value)
    return None if value is None else _bool(value)


def _int(value: Any) -> int:
    """An integer, also from the decimal strings some endpoints send ("500")."""
    if type(value) is int:
        return value
    if isinstance(value, bool):
        raise TypeError(f"expected an integer, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, (Decimal, float)) and value == int(value):
        return int(value)
    raise TypeError(f"expected an integer, got {value!r}")


def _opt_int(value: Any) -> int | None:
    if type(value) is int:
        return value
    value = _opt(value)
    return None if value is None else _int(value)


def _opt_float(value: Any) -> float | None:
    value = _opt(value)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"expected a number, got {value!r}")
    return float(value)


def _money(value: Any) -> Decimal:
    """Money from a JSON number (already a Decimal, see read_envelope) or a decimal string."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, float, str)):
        raise TypeError(f"expected an amount, got {value!r}")
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not amount.is_finite():
        raise ValueError(f"expected a finite amount, got {value!r}")
    return amount


def _opt_money(value: Any) -> Decimal | None:
    value = _opt(value)
    return None if value is None else _money(value)


def _datetime(value: Any) -> dt.datetime:
    """An aware UTC datetime; a value without a zone is read as UTC."""
    if isinstance(value, str):  # what the generator keeps when a nullable date-time fails to parse
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        raise TypeError(f"expected a date-time, got {value!r}")
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _opt_datetime(value: Any) -> dt.datetime | None:
    value = _opt(value)
    return None if value is None else _datetime(value)


def _mapping(value: Any) -> dict[str, Any] | None:
    """A generated free-form object (gen.Metadata, PlanFeatures, ...) as a plain dict."""
    value = _opt(value)
    if value is None:
        return None
    props = getattr(value, "additional_properties", value)
    if not isinstance(props, dict):
        raise TypeError(f"expected an object, got {value!r}")
    return dict(props)


def _list(value: Any) -> list[Any]:
    value = _opt(value)
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {value!r}")
    return value


def _model(value: Any, cls: type[T]) -> T:
    """Guard against the generator's silent union fallback (a raw dict where a model belongs)."""
    if type(value) is not cls and not isinstance(value, cls):
        raise TypeError(f"expected {cls.__name__}, got {value!r}")
    return value


def minor_units(amount: Decimal | None, currency: str) -> int | None:
    """``Decimal("29.00")``, ``"USD"`` -> 2900; a currency's minor unit per ISO 4217."""
    if amount is None:
        return None
    code = currency.upper()
    exponent = 0 if code in _ZERO_DECIMAL else 3 if code in _THREE_DECIMAL else 2
    return int((amount * 10**exponent).to_integral_value(rounding=ROUND_HALF_UP))


def _unset_if_none(value: Any) -> Any:
    return UNSET if value is None else value


def _metadata(value: dict[str, Any] | None) -> Any:
    return _unset_if_none(None if value is None else gen.Metadata.from_dict(value))


def _call(
    kwargs: dict[str, Any],
    operation: str,
    parse: Any,
    *,
    retryable: bool = True,
    tenant_id: str | None = None,
) -> Call[Any]:
    return Call(
        operation=operation,
        method=kwargs["method"].upper(),
        path=kwargs["url"],
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        parse=parse,
        retryable=retryable,
        tenant_id=tenant_id,
    )


def _data(cls: Any, data: Any) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"expected an object in `data`, got {type(data).__name__}")
    return cls.from_dict(data)


# ---- shared sub-models -----------------------------------------------------------------------


def _organization(o: gen.Organization) -> m.Organization:
    o = _model(o, gen.Organization)
    return m.Organization(id=_str(o.id), name=_str(o.name), type=_str(o.type_))


def _tenant(t: gen.Tenant) -> m.Tenant:
    t = _model(t, gen.Tenant)
    return m.Tenant(
        id=_str(t.id),
        external_tenant_id=_str(t.external_tenant_id),
        name=_str(t.name),
        slug=_opt_str(t.slug),
        is_active=_bool(t.is_active),
        metadata=_mapping(t.metadata),
        created_at=_opt_datetime(t.created_at),
        updated_at=_opt_datetime(t.updated_at),
    )


def _product(p: Any) -> m.Product | None:
    p = _opt(p)
    if p is None:
        return None
    p = _model(p, gen.Product)
    return m.Product(
        id=_str(p.id), name=_str(p.name), description=_opt_str(p.description), slug=_opt_str(p.slug)
    )


def _features(value: Any) -> dict[str, bool]:
    return {k: _bool(v) for k, v in (_mapping(value) or {}).items()}


def _limits(value: Any) -> dict[str, int | None]:
    return {k: _opt_int(v) for k, v in (_mapping(value) or {}).items()}


def _seat_proration(value: Any) -> m.SeatProration | None:
    value = _opt(value)
    if value is None:
        return None
    p = _model(value, gen.SeatProration)
    return m.SeatProration(
        amount=_money(p.amount),
        currency=_str(p.currency),
        description=_opt_str(p.description),
        days_remaining=_opt_int(p.days_remaining),
        total_days_in_period=_opt_int(p.total_days_in_period),
        current_seats=_opt_int(p.current_seats),
        new_seats=_opt_int(p.new_seats),
    )


def _seat_capacity(c: Any) -> m.SeatCapacity | None:
    c = _opt(c)
    if c is None:
        return None
    c = _model(c, gen.SeatCapacity)
    return m.SeatCapacity(
        active_count=_int(c.active_count),
        capacity_units=_opt_int(c.capacity_units),
        utilization_percentage=_opt_float(c.utilization_percentage),
        exceeded=_opt_bool(c.exceeded),
    )


def _required(value: T | None, name: str) -> T:
    if value is None:
        raise TypeError(f"{name} is required")
    return value


def _price(pricing: gen.PlanPricing) -> Decimal | None:
    """The plan's price: its amount, or for seat-based plans without one, the base price."""
    amount = _opt_money(pricing.amount)
    return _opt_money(pricing.base_price) if amount is None else amount


# ---- tenants ---------------------------------------------------------------------------------


def create_tenant(
    *,
    external_tenant_id: str,
    name: str,
    external_user_id: str,
    owner_email: str | None,
    owner_name: str | None,
    slug: str | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.CreatedTenant]:

    body = gen.CreateTenantRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        name=check.text(name, "name"),
        external_user_id=check.identifier(external_user_id, "external_user_id"),
        owner_email=_unset_if_none(check.optional_text(owner_email, "owner_email")),
        owner_name=_unset_if_none(check.optional_text(owner_name, "owner_name")),
        slug=_unset_if_none(check.optional_text(slug, "slug")),
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.CreatedTenant:
        d = _data(gen.CreateTenantData, data)
        owner = _model(d.owner, gen.TenantOwner)
        return m.CreatedTenant(
            tenant=_tenant(d.tenant),
            owner=m.TenantOwner(
                id=_str(owner.id),
                external_user_id=_str(owner.external_user_id),
                email=_opt_str(owner.email),
                name=_opt_str(owner.name),
            ),
            message=_opt_str(d.message),
        )

    return _call(
        crovver_api.api.tenants.create_tenant._get_kwargs(body=body),
        "create_tenant",
        parse,
        tenant_id=external_tenant_id,
    )


def get_tenant(external_tenant_id: str) -> Call[m.TenantDetails]:

    tenant_id = check.identifier(external_tenant_id, "external_tenant_id")

    def parse(data: Any, meta: Any) -> m.TenantDetails:
        d = _data(gen.TenantLookupData, data)
        members = [_model(x, gen.TenantMember) for x in _list(d.members)]
        return m.TenantDetails(
            tenant=_tenant(d.tenant),
            members=[
                m.TenantMember(
                    external_user_id=_str(x.external_user_id),
                    email=_opt_str(x.email),
                    name=_opt_str(x.name),
                    role=_str(x.role),
                )
                for x in members
            ],
            organization=_organization(d.organization),
        )

    return _call(
        crovver_api.api.tenants.get_tenants._get_kwargs(external_tenant_id=tenant_id), "get_tenants", parse
    )


def list_tenants(external_user_id: str | None) -> Call[m.TenantList]:

    user_id = check.optional_identifier(external_user_id, "external_user_id")

    def parse(data: Any, meta: Any) -> m.TenantList:
        d = _data(gen.TenantListData, data)
        return m.TenantList(tenants=[_tenant(t) for t in _list(d.tenants)], count=_int(d.count))

    return _call(
        crovver_api.api.tenants.get_tenants._get_kwargs(external_user_id=_unset_if_none(user_id)),
        "get_tenants",
        parse,
    )


# ---- plans and providers ---------------------------------------------------------------------


def _plan(p: gen.Plan) -> m.Plan:
    p = _model(p, gen.Plan)
    pricing = _model(p.pricing, gen.PlanPricing)
    currency = _str(pricing.currency)
    base_price = _opt_money(pricing.base_price)
    price = _price(pricing)
    trial = _opt(p.trial)
    if trial is not None:
        trial = _model(trial, gen.PlanTrial)
    prices = [_model(x, gen.PlanPrice) for x in _list(p.prices)]
    pools = [_model(x, gen.CreditPoolDefinition) for x in _list(p.credit_pools)]
    return m.Plan(
        id=_str(p.id),
        name=_str(p.name),
        description=_opt_str(p.description),
        currency=currency,
        interval=_str(pricing.interval),
        price=price,
        price_amount=minor_units(price, currency),
        prices=[
            m.PlanPrice(
                currency=_str(x.currency),
                amount=_opt_money(x.amount),
                base_price=_opt_money(x.base_price),
                per_seat_price=_opt_money(x.per_seat_price),
            )
            for x in prices
        ],
        is_free=_bool(p.is_free),
        is_seat_based=_bool(p.is_seat_based),
        base_price=base_price,
        included_seats=_opt_int(pricing.included_seats),
        per_seat_price=_opt_money(pricing.per_seat_price),
        min_seats=_opt_int(pricing.min_seats),
        max_seats=_opt_int(pricing.max_seats),
        trial_days=None if trial is None else _opt_int(trial.days),
        trial_available=False if trial is None else _bool(trial.available),
        features=_features(p.features),
        limits=_limits(p.limits),
        credit_pools=[
            m.CreditPool(
                pool_key=_str(x.pool_key),
                display_name=_str(x.display_name),
                limit_per_period=_int(x.limit_per_period),
                refill_behavior=_str(x.refill_behavior),
                rollover_cap=_opt_int(x.rollover_cap),
                limit_behavior=_str(x.limit_behavior),
            )
            for x in pools
        ],
        product=_required(_product(p.product), "product"),
        payment_providers=[_mapping(x) or {} for x in _list(p.payment_providers)],
        test_mode=_opt_bool(p.test_mode),
        created_at=_opt_datetime(p.created_at),
        updated_at=_opt_datetime(p.updated_at),
    )


def get_plans() -> Call[m.PlanList]:

    def parse(data: Any, meta: Any) -> m.PlanList:
        d = _data(gen.PlansData, data)
        return m.PlanList(
            plans=[_plan(p) for p in _list(d.plans)], organization=_organization(d.organization)
        )

    return _call(crovver_api.api.plans.get_plans._get_kwargs(), "get_plans", parse)


def get_supported_providers() -> Call[list[m.SupportedProvider]]:

    def parse(data: Any, meta: Any) -> list[m.SupportedProvider]:
        d = _data(gen.ProvidersData, data)
        providers = [_model(x, gen.SupportedProvider) for x in _list(d.providers)]
        return [
            m.SupportedProvider(
                id=_str(x.id),
                code=_str(x.code),
                name=_str(x.name),
                description=_opt_str(x.description),
                logo_url=_opt_str(x.logo_url),
                is_enabled=_bool(x.is_enabled),
                supports_recurring_billing=bool(_opt_bool(x.supports_recurring_billing)),
                supports_webhooks=bool(_opt_bool(x.supports_webhooks)),
                supports_test_mode=bool(_opt_bool(x.supports_test_mode)),
                capabilities=[_str(c) for c in _list(x.capabilities)],
            )
            for x in providers
        ]

    return _call(
        crovver_api.api.plans.get_supported_providers._get_kwargs(), "get_supported_providers", parse
    )


# ---- subscriptions ---------------------------------------------------------------------------


def _subscription(s: gen.Subscription) -> m.Subscription:
    s = _model(s, gen.Subscription)
    billing = _opt(s.billing)
    trial = _opt(s.trial)
    cancellation = _opt(s.cancellation)
    capacity = _opt(s.capacity)
    plan = _opt(s.plan)
    subscription_plan = None
    if plan is not None:
        plan = _model(plan, gen.SubscriptionPlan)
        pricing = _opt(plan.pricing)
        pricing = None if pricing is None else _model(pricing, gen.PlanPricing)
        subscription_plan = m.SubscriptionPlan(
            id=_str(plan.id),
            name=_str(plan.name),
            description=_opt_str(plan.description),
            currency=None if pricing is None else _str(pricing.currency),
            interval=None if pricing is None else _str(pricing.interval),
            price=None if pricing is None else _price(pricing),
            features=_features(plan.features),
            limits=_limits(plan.limits),
        )
    if billing is not None:
        billing = _model(billing, gen.SubscriptionBilling)
    if trial is not None:
        trial = _model(trial, gen.SubscriptionTrial)
    if cancellation is not None:
        cancellation = _model(cancellation, gen.SubscriptionCancellation)
    if capacity is not None:
        capacity = _model(capacity, gen.SubscriptionCapacity)
    return m.Subscription(
        id=_str(s.id),
        status=_str(s.status),
        provider_subscription_id=_opt_str(s.provider_subscription_id),
        current_period_start=None if billing is None else _opt_datetime(billing.current_period_start),
        current_period_end=None if billing is None else _opt_datetime(billing.current_period_end),
        next_billing_date=None if billing is None else _opt_datetime(billing.next_billing_date),
        trial_active=False if trial is None else _bool(trial.is_active),
        trial_ends_at=None if trial is None else _opt_datetime(trial.ends_at),
        trial_days_remaining=None if trial is None else _opt_int(trial.days_remaining),
        is_canceled=False if cancellation is None else _bool(cancellation.is_canceled),
        canceled_at=None if cancellation is None else _opt_datetime(cancellation.canceled_at),
        will_end_at=None if cancellation is None else _opt_datetime(cancellation.will_end_at),
        plan=subscription_plan,
        product=_product(s.product),
        capacity_units=None if capacity is None else _int(capacity.units),
        billing_mode=None if capacity is None else _opt_str(capacity.billing_mode),
        metadata=_mapping(s.metadata),
        created_at=_opt_datetime(s.created_at),
        updated_at=_opt_datetime(s.updated_at),
    )


def get_subscriptions(tenant_id: str) -> Call[m.SubscriptionList]:

    requesting_entity_id = check.identifier(tenant_id, "tenant_id")

    def parse(data: Any, meta: Any) -> m.SubscriptionList:
        d = _data(gen.SubscriptionsData, data)
        tenant = _opt(d.tenant)
        tenant = None if tenant is None else _model(tenant, gen.SubscriptionTenant)
        organization = _opt(d.organization)
        return m.SubscriptionList(
            subscriptions=[_subscription(s) for s in _list(d.subscriptions)],
            tenant_id=None if tenant is None else _str(tenant.id),
            external_tenant_id=None if tenant is None else _str(tenant.external_tenant_id),
            tenant_name=None if tenant is None else _str(tenant.name),
            organization=None if organization is None else _organization(organization),
        )

    return _call(
        crovver_api.api.subscriptions.get_subscriptions._get_kwargs(
            requesting_entity_id=requesting_entity_id
        ),
        "get_subscriptions",
        parse,
    )


def get_subscription_status(tenant_id: str, product_slug: str | None) -> Call[m.SubscriptionStatus]:

    tenant = check.identifier(tenant_id, "tenant_id")
    slug = check.optional_identifier(product_slug, "product_slug")

    def parse(data: Any, meta: Any) -> m.SubscriptionStatus:
        d = _data(gen.SubscriptionStatusData, data)
        t = _opt(d.tenant)
        t = None if t is None else _model(t, gen.StatusTenant)
        s = _opt(d.subscription)
        p = _opt(d.plan)
        subscription = None
        if s is not None:
            s = _model(s, gen.StatusSubscription)
            subscription = m.SubscriptionStatusSubscription(
                id=_str(s.id),
                status=_str(s.status),
                trial_ends_at=_opt_datetime(s.trial_ends_at),
                current_period_start=_opt_datetime(s.current_period_start),
                current_period_end=_opt_datetime(s.current_period_end),
                capacity_units=_opt_int(s.capacity_units),
                used_capacity=_opt_int(s.used_capacity),
            )
        plan = None
        if p is not None:
            p = _model(p, gen.StatusPlan)
            plan = m.SubscriptionStatusPlan(
                id=_str(p.id),
                name=_str(p.name),
                product_id=_opt_str(p.product_id),
                product_name=_opt_str(p.product_name),
                product_slug=_opt_str(p.product_slug),
                billing_interval=_opt_str(p.billing_interval),
                features=[_str(f) for f in _list(p.features)],
                limits=_limits(p.limits),
            )
        return m.SubscriptionStatus(
            active=_bool(d.active),
            status=_str(d.status),
            tenant_id=None if t is None else _str(t.id),
            tenant_name=None if t is None else _str(t.name),
            subscription=subscription,
            plan=plan,
        )

    kwargs = crovver_api.api.subscriptions.get_subscription_status._get_kwargs(
        tenant_id=tenant, product_slug=_unset_if_none(slug)
    )
    return _call(kwargs, "get_subscription_status", parse)


def cancel_subscription(
    subscription_id: str, external_tenant_id: str, reason: str, feedback: str | None
) -> Call[m.CanceledSubscription]:

    body = gen.CancelSubscriptionRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        reason=check.text(reason, "reason"),
        feedback=_unset_if_none(check.optional_text(feedback, "feedback")),
    )

    def parse(data: Any, meta: Any) -> m.CanceledSubscription:
        d = _data(gen.CancelSubscriptionData, data)
        return m.CanceledSubscription(
            subscription_id=_str(d.subscription_id),
            status=_str(d.status),
            canceled_at=_opt_datetime(d.canceled_at),
            current_period_end=_opt_datetime(d.current_period_end),
        )

    kwargs = crovver_api.api.subscriptions.cancel_subscription._get_kwargs(
        check.identifier(subscription_id, "subscription_id"), body=body
    )
    return _call(kwargs, "cancel_subscription", parse, tenant_id=external_tenant_id)


# ---- entitlements ----------------------------------------------------------------------------


def can_access(
    tenant_id: str, feature_key: str | None, product_slug: str | None, amount: int | None
) -> Call[bool]:

    tenant = check.identifier(tenant_id, "tenant_id")
    feature = check.optional_identifier(feature_key, "feature_key")
    slug = check.optional_identifier(product_slug, "product_slug")
    if feature is None and slug is None:
        raise ValueError("can_access needs feature_key, product_slug, or both")
    credits_needed = None if amount is None else check.non_negative_int(amount, "amount")
    body = gen.CanAccessRequest(
        requesting_entity_id=tenant,
        feature_key=_unset_if_none(feature),
        product_slug=_unset_if_none(slug),
        amount=_unset_if_none(credits_needed),
    )

    def parse(data: Any, meta: Any) -> bool:
        return _bool(_data(gen.CanAccessData, data).can_access)

    return _call(
        crovver_api.api.entitlements.can_access._get_kwargs(body=body), "can_access", parse, tenant_id=tenant
    )


# ---- credits ---------------------------------------------------------------------------------


def credit_balance(tenant_id: str) -> Call[m.CreditBalance]:

    tenant = check.identifier(tenant_id, "tenant_id")

    def parse(data: Any, meta: Any) -> m.CreditBalance:
        d = _data(gen.CreditBalanceData, data)
        pools = []
        for key, raw in d.additional_properties.items():
            p = _model(raw, gen.PoolBalance)
            pools.append(
                m.PoolBalance(
                    pool_key=_str(p.pool_key) if _opt(p.pool_key) is not None else key,
                    display_name=_opt_str(p.display_name),
                    remaining=_int(p.total),
                    base_remaining=_int(p.base_remaining),
                    addon_remaining=_int(p.addon_remaining),
                    limit=_opt_int(p.limit),
                    limit_behavior=_opt_str(p.limit_behavior),
                    next_expiry=_opt_datetime(p.next_expiry),
                    usage_percent=_opt_float(p.usage_percent),
                )
            )
        return m.CreditBalance(pools=pools)

    return _call(
        crovver_api.api.credits_.get_credit_balance._get_kwargs(tenant_id=tenant), "get_credit_balance", parse
    )


def consume_credits(
    *,
    tenant_id: str,
    pool_key: str,
    amount: int,
    idempotency_key: str,
    metadata: Mapping[str, Any] | None,
) -> Call[m.ConsumeResult]:

    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.ConsumeCreditsRequest(
        tenant_id=tenant,
        pool_key=check.identifier(pool_key, "pool_key"),
        amount=check.positive_int(amount, "amount"),
        idempotency_key=check.text(idempotency_key, "idempotency_key"),
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.ConsumeResult:
        d = _data(gen.ConsumeCreditsData, data)
        outcome = _str(d.result)
        return m.ConsumeResult(
            result="success" if outcome in ("allowed", "warning") else "insufficient_credits",
            outcome=outcome,
            remaining=_int(d.remaining),
            already_processed=_bool(d.already_processed),
            pool_key=_str(d.pool_key),
        )

    # The body (and so the idempotency key) is built once and resent unchanged on every retry.
    return _call(
        crovver_api.api.credits_.consume_credits._get_kwargs(body=body),
        "consume_credits",
        parse,
        tenant_id=tenant,
    )


# ---- add-ons ---------------------------------------------------------------------------------


def list_available_addons(tenant_id: str) -> Call[list[m.AvailableAddon]]:

    tenant = check.identifier(tenant_id, "tenant_id")

    def parse(data: Any, meta: Any) -> list[m.AvailableAddon]:
        if not isinstance(data, list):
            raise TypeError(f"expected a list in `data`, got {type(data).__name__}")
        addons = [gen.AvailableAddon.from_dict(x) for x in data]
        return [
            m.AvailableAddon(
                id=_str(a.id),
                name=_str(a.display_name),
                pool_key=_str(a.pool_key),
                description=_opt_str(a.description),
                credit_qty=_int(a.credit_qty),
                currency=_str(a.currency),
                amount=_money(a.amount),
                expiry_type=_opt_str(a.expiry_type),
                expiry_days=_opt_int(a.expiry_days),
                current_balance=_opt_int(a.current_balance),
                pool_limit=_opt_int(a.pool_limit),
            )
            for a in addons
        ]

    return _call(
        crovver_api.api.addons.list_available_addons._get_kwargs(tenant), "list_available_addons", parse
    )


def purchase_addon(
    tenant_id: str,
    *,
    addon_id: str,
    currency: str,
    idempotency_key: str,
    success_url: str | None,
    cancel_url: str | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.AddonPurchase]:

    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.PurchaseAddonRequest(
        addon_id=check.identifier(addon_id, "addon_id"),
        currency=check.text(currency, "currency"),
        idempotency_key=check.text(idempotency_key, "idempotency_key"),
        success_url=_unset_if_none(check.optional_text(success_url, "success_url")),
        cancel_url=_unset_if_none(check.optional_text(cancel_url, "cancel_url")),
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.AddonPurchase:
        d = _data(gen.PurchaseAddonData, data)
        checkout_url = _opt_str(d.checkout_url)
        requires_payment = _opt_bool(d.requires_payment)
        return m.AddonPurchase(
            purchase_id=_str(d.purchase_id),
            checkout_url=checkout_url,
            # A replay omits requiresPayment; a checkout URL is then the only sign of it.
            requires_payment=checkout_url is not None if requires_payment is None else requires_payment,
            already_processed=bool(_opt_bool(d.already_processed)),
            addon_name=_opt_str(d.addon_name),
            credit_qty=_opt_int(d.credit_qty),
            amount=_opt_money(d.amount),
            currency=_opt_str(d.currency),
        )

    return _call(
        crovver_api.api.addons.purchase_addon._get_kwargs(tenant, body=body),
        "purchase_addon",
        parse,
        tenant_id=tenant,
    )


def get_active_addons(tenant_id: str) -> Call[list[m.ActiveAddon]]:

    tenant = check.identifier(tenant_id, "tenant_id")

    def parse(data: Any, meta: Any) -> list[m.ActiveAddon]:
        if not isinstance(data, list):
            raise TypeError(f"expected a list in `data`, got {type(data).__name__}")
        pools = [gen.ActiveAddonPool.from_dict(x) for x in data]
        return [
            m.ActiveAddon(
                pool_key=_str(p.pool_key),
                remaining=_int(p.addon_remaining),
                active_grants=_opt_int(p.active_addon_grants),
                next_expiry=_opt_datetime(p.next_addon_expiry),
            )
            for p in pools
        ]

    return _call(crovver_api.api.addons.get_active_addons._get_kwargs(tenant), "get_active_addons", parse)


# ---- usage (deprecated) ----------------------------------------------------------------------


def record_usage(
    tenant_id: str, metric: str, value: int, metadata: Mapping[str, Any] | None
) -> Call[m.UsageRecord]:

    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"value must be an int, not {type(value).__name__}")
    body = gen.RecordUsageRequest(
        requesting_entity_id=check.identifier(tenant_id, "tenant_id"),
        metric=check.identifier(metric, "metric"),
        value=value,
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.UsageRecord:
        d = _data(gen.RecordUsageData, data)
        return m.UsageRecord(
            message=_opt_str(d.message), metric=_str(d.metric), recorded_value=_int(d.recorded_value)
        )

    return _call(crovver_api.api.usage.record_usage._get_kwargs(body=body), "record_usage", parse)


def check_usage_limit(tenant_id: str, metric: str, product_slug: str | None) -> Call[m.UsageLimit]:

    body = gen.CheckUsageLimitRequest(
        requesting_entity_id=check.identifier(tenant_id, "tenant_id"),
        metric=check.identifier(metric, "metric"),
        product_slug=_unset_if_none(check.optional_identifier(product_slug, "product_slug")),
    )

    def parse(data: Any, meta: Any) -> m.UsageLimit:
        d = _data(gen.CheckUsageLimitData, data)
        return m.UsageLimit(
            allowed=_bool(d.allowed),
            current=_int(d.current),
            limit=_opt_int(d.limit),
            remaining=_opt_int(d.remaining),
            percentage=_opt_float(d.percentage),
            metric=_str(d.metric),
        )

    return _call(crovver_api.api.usage.check_usage_limit._get_kwargs(body=body), "check_usage_limit", parse)


# ---- checkout and billing --------------------------------------------------------------------


def create_checkout_session(
    *,
    plan_id: str,
    external_tenant_id: str | None,
    external_user_id: str | None,
    provider: str | None,
    currency: str | None,
    total_capacity_units: int | None,
    user_email: str | None,
    user_name: str | None,
    success_url: str | None,
    cancel_url: str | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.CheckoutSession]:

    tenant = check.optional_identifier(external_tenant_id, "external_tenant_id")
    user = check.optional_identifier(external_user_id, "external_user_id")
    if tenant is None and user is None:
        raise ValueError("create_checkout_session needs external_tenant_id (B2B) or external_user_id (D2C)")
    seats = (
        None
        if total_capacity_units is None
        else check.positive_int(total_capacity_units, "total_capacity_units")
    )
    body = gen.CreateCheckoutRequest(
        plan_id=check.identifier(plan_id, "plan_id"),
        external_tenant_id=_unset_if_none(tenant),
        external_user_id=_unset_if_none(user),
        provider=_unset_if_none(check.optional_text(provider, "provider")),
        currency=_unset_if_none(check.optional_text(currency, "currency")),
        total_capacity_units=_unset_if_none(seats),
        user_email=_unset_if_none(check.optional_text(user_email, "user_email")),
        user_name=_unset_if_none(check.optional_text(user_name, "user_name")),
        success_url=_unset_if_none(check.optional_text(success_url, "success_url")),
        cancel_url=_unset_if_none(check.optional_text(cancel_url, "cancel_url")),
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.CheckoutSession:
        d = _data(gen.CheckoutSessionData, data)
        return m.CheckoutSession(
            checkout_url=_str(d.checkout_url),
            session_id=_str(d.session_id),
            subscription_id=_opt_str(d.subscription_id),
        )

    # Never retried: a second attempt could open a second checkout and charge twice.
    return _call(
        crovver_api.api.checkout.create_checkout_session._get_kwargs(body=body),
        "create_checkout_session",
        parse,
        retryable=False,
        tenant_id=tenant,
    )


def get_invoices(external_tenant_id: str) -> Call[m.InvoiceList]:

    tenant = check.identifier(external_tenant_id, "external_tenant_id")

    def parse(data: Any, meta: Any) -> m.InvoiceList:
        d = _data(gen.InvoicesData, data)
        invoices = [_model(x, gen.Invoice) for x in _list(d.invoices)]
        return m.InvoiceList(
            invoices=[
                m.Invoice(
                    id=_str(i.id),
                    invoice_number=_opt_str(i.invoice_number),
                    invoice_type=_opt_str(i.invoice_type),
                    status=_str(i.status),
                    total_amount=_money(i.total_amount),
                    currency=_str(i.currency),
                    due_date=_opt_datetime(i.due_date),
                    paid_at=_opt_datetime(i.paid_at),
                    issued_at=_opt_datetime(i.issued_at),
                    period_start=_opt_datetime(i.period_start),
                    period_end=_opt_datetime(i.period_end),
                    payment_provider=_opt_str(i.payment_provider),
                    plan_name=_opt_str(i.plan_name),
                    hosted_invoice_url=_opt_str(i.hosted_invoice_url),
                    invoice_pdf=_opt_str(i.invoice_pdf),
                )
                for i in invoices
            ]
        )

    return _call(
        crovver_api.api.billing.get_invoices._get_kwargs(external_tenant_id=tenant), "get_invoices", parse
    )


def _token(data: Any, meta: Any, url_key: str) -> m.Token:
    d = _data(gen.TokenData, data)
    meta = meta if isinstance(meta, dict) else {}
    url = meta.get(url_key)
    return m.Token(
        token=_str(d.token),
        expires_at=_datetime(d.expires_at),
        url=None if url is None else _str(url),
        expires_in=_opt_int(meta.get("expiresIn")),
    )


def create_checkout_token(
    external_tenant_id: str,
    return_url: str,
    plan_id: str | None,
    external_user_id: str | None,
    user_email: str | None,
) -> Call[m.Token]:

    body = gen.CheckoutTokenRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        return_url=check.text(return_url, "return_url"),
        plan_id=_unset_if_none(check.optional_identifier(plan_id, "plan_id")),
        external_user_id=_unset_if_none(check.optional_identifier(external_user_id, "external_user_id")),
        user_email=_unset_if_none(check.optional_text(user_email, "user_email")),
    )
    return _call(
        crovver_api.api.auth.create_checkout_token._get_kwargs(body=body),
        "create_checkout_token",
        lambda d, meta: _token(d, meta, "checkoutUrl"),
    )


def create_portal_token(external_tenant_id: str, return_url: str) -> Call[m.Token]:

    body = gen.PortalTokenRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        return_url=check.text(return_url, "return_url"),
    )
    return _call(
        crovver_api.api.auth.create_portal_token._get_kwargs(body=body),
        "create_portal_token",
        lambda d, meta: _token(d, meta, "portalUrl"),
    )


# ---- seats (capacity) ------------------------------------------------------------------------


def capacity_count(tenant_id: str) -> Call[m.CapacityCount]:

    body = gen.CapacityCountRequest(requesting_entity_id=check.identifier(tenant_id, "tenant_id"))

    def parse(data: Any, meta: Any) -> m.CapacityCount:
        d = _data(gen.CapacityCountData, data)
        return m.CapacityCount(
            active_count=_int(d.active_count),
            capacity_units=_opt_int(d.capacity_units),
            utilization_percentage=_opt_float(d.utilization_percentage),
            billing_mode=_opt_str(d.billing_mode),
            exceeded=bool(_opt_bool(d.exceeded)),
        )

    return _call(
        crovver_api.api.capacity.get_capacity_count._get_kwargs(body=body), "get_capacity_count", parse
    )


def allocate_seat(
    tenant_id: str,
    external_user_id: str,
    *,
    email: str | None,
    name: str | None,
    confirm_proration: bool | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.SeatAllocationResult]:

    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.AllocateSeatRequest(
        requesting_entity_id=tenant,
        external_user_id=check.identifier(external_user_id, "external_user_id"),
        email=_unset_if_none(check.optional_text(email, "email")),
        name=_unset_if_none(check.optional_text(name, "name")),
        confirm_proration=_unset_if_none(check.optional_bool(confirm_proration, "confirm_proration")),
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.SeatAllocationResult:
        d = _data(gen.AllocateSeatData, data)
        proration = _seat_proration(d.proration)
        return m.SeatAllocationResult(
            allocated=bool(_opt_bool(d.success)),
            message=_opt_str(d.message),
            capacity=_seat_capacity(d.capacity),
            requires_proration=bool(_opt_bool(d.requires_proration)),
            proration=proration,
            requires_checkout=bool(_opt_bool(d.requires_checkout)),
            checkout_url=_opt_str(d.checkout_url),
            proration_id=_opt_str(d.proration_id),
        )

    return _call(
        crovver_api.api.capacity.allocate_seat._get_kwargs(body=body),
        "allocate_seat",
        parse,
        tenant_id=tenant,
    )


def bulk_allocate_seats(
    tenant_id: str, users: Sequence[Mapping[str, Any]], metadata: Mapping[str, Any] | None
) -> Call[m.BulkAllocation]:

    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.BulkAllocateRequest(
        requesting_entity_id=tenant,
        users=[
            gen.SeatUser(external_user_id=uid, email=_unset_if_none(email), name=_unset_if_none(name))
            for uid, email, name in check.seat_users(users)
        ],
        metadata=_metadata(check.metadata(metadata)),
    )

    def parse(data: Any, meta: Any) -> m.BulkAllocation:
        d = _data(gen.BulkAllocateData, data)
        rejected = [_str(x) for x in _list(d.rejected)]
        capacity = _seat_capacity(d.capacity)
        if capacity is None:
            raise TypeError("bulk allocation without capacity")
        return m.BulkAllocation(
            allocated=[_str(x) for x in _list(d.allocated)],
            skipped=[_str(x) for x in _list(d.skipped)],
            rejected=rejected,
            capacity=capacity,
            message=_opt_str(d.message),
            partial=bool(rejected),
        )

    # Never retried: a replay after a lost response could allocate seats twice.
    return _call(
        crovver_api.api.capacity.bulk_allocate_seats._get_kwargs(body=body),
        "bulk_allocate_seats",
        parse,
        retryable=False,
        tenant_id=tenant,
    )


def list_seat_allocations(
    tenant_id: str, status: str | None, page: int, limit: int
) -> Call[m.SeatAllocationPage]:

    tenant = check.identifier(tenant_id, "tenant_id")
    status_filter = None
    if status is not None:
        try:
            status_filter = gen.AllocationStatusFilter(status)
        except ValueError:
            raise ValueError("status must be 'active', 'removed' or 'all'") from None
    page = check.positive_int(page, "page")
    limit = check.positive_int(limit, "limit")
    if limit > 100:
        raise ValueError(f"limit must be at most 100, got {limit}")

    def parse(data: Any, meta: Any) -> m.SeatAllocationPage:
        d = _data(gen.SeatAllocationsData, data)
        pagination = _model(d.pagination, gen.Pagination)
        allocations = [_model(x, gen.SeatAllocation) for x in _list(d.allocations)]
        return m.SeatAllocationPage(
            allocations=[
                m.SeatAllocation(
                    external_user_id=_str(a.external_user_id),
                    email=_opt_str(a.email),
                    name=_opt_str(a.name),
                    status=_str(a.status),
                    allocated_at=_opt_datetime(a.allocated_at),
                    removed_at=_opt_datetime(a.removed_at),
                    metadata=_mapping(a.metadata),
                )
                for a in allocations
            ],
            capacity=_seat_capacity(d.capacity),
            total=_int(pagination.total),
            page=_int(pagination.page),
            total_pages=_int(pagination.total_pages),
            has_next_page=_bool(pagination.has_next_page),
            has_previous_page=_bool(pagination.has_previous_page),
        )

    kwargs = crovver_api.api.capacity.list_seat_allocations._get_kwargs(
        requesting_entity_id=tenant, status=_unset_if_none(status_filter), page=page, limit=limit
    )
    return _call(kwargs, "list_seat_allocations", parse)


def create_proration_checkout(
    external_tenant_id: str,
    new_capacity: int,
    plan_id: str | None,
    success_url: str | None,
    cancel_url: str | None,
) -> Call[m.ProrationCheckout]:

    tenant = check.identifier(external_tenant_id, "external_tenant_id")
    body = gen.ProrationCheckoutRequest(
        external_tenant_id=tenant,
        new_capacity=check.positive_int(new_capacity, "new_capacity"),
        plan_id=_unset_if_none(check.optional_identifier(plan_id, "plan_id")),
        success_url=_unset_if_none(check.optional_text(success_url, "success_url")),
        cancel_url=_unset_if_none(check.optional_text(cancel_url, "cancel_url")),
    )

    def parse(data: Any, meta: Any) -> m.ProrationCheckout:
        d = _data(gen.ProrationCheckoutData, data)
        return m.ProrationCheckout(
            proration_id=_str(d.proration_id),
            checkout_url=_opt_str(d.checkout_url),
            requires_payment=_bool(d.requires_payment),
            proration_amount=_opt_money(d.proration_amount),
            proration_details=_seat_proration(d.proration_details),
            message=_opt_str(d.message),
        )

    return _call(
        crovver_api.api.capacity.create_proration_checkout._get_kwargs(body=body),
        "create_proration_checkout",
        parse,
        retryable=False,
        tenant_id=tenant,
    )
