"""Result classes: plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from crovver_ext._models._base import (
    _Model,
    _Result,
    derived,
    minor_units,
    wire,
)
from crovver_ext._models.tenants import Organization
from crovver_ext._reader import EMPTY


@attrs.frozen(kw_only=True, slots=False)
class PlanPrice(_Model):
    """A plan's price in one currency: ``amount``, or ``base_price``/``per_seat_price`` for seat plans."""

    currency: str
    """Currency (wire ``currency``); always present."""
    amount: Decimal | None = None
    """Amount (wire ``amount``); None when Crovver leaves it out."""
    base_price: Decimal | None = wire("basePrice")
    """Base price (wire ``basePrice``); None when Crovver leaves it out."""
    per_seat_price: Decimal | None = wire("perSeatPrice")
    """Per seat price (wire ``perSeatPrice``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class CreditPool(_Model):
    """A credit pool a plan grants each period."""

    pool_key: str = wire("poolKey", "pool_key", default=attrs.NOTHING)
    """Pool key (wire ``poolKey`` or ``pool_key``); always present."""
    display_name: str | None = wire("displayName", "display_name")
    """Display name (wire ``displayName`` or ``display_name``); None when Crovver leaves it out."""
    limit_per_period: int | None = wire("limitPerPeriod")
    """Limit per period (wire ``limitPerPeriod``); None when Crovver leaves it out."""
    refill_behavior: str | None = wire("refillBehavior")
    """Refill behavior (wire ``refillBehavior``): "reset" or "rollover"; None when Crovver leaves it out."""
    rollover_cap: int | None = wire("rolloverCap")
    """Rollover cap (wire ``rolloverCap``): None: no cap; None when Crovver leaves it out."""
    limit_behavior: str | None = wire("limitBehavior")
    """Limit behavior (wire ``limitBehavior``): "hard" or "soft"; None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class Product(_Model):
    """The product a plan or subscription belongs to."""

    id: str
    """Id (wire ``id``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    description: str | None = None
    """Description (wire ``description``); None when Crovver leaves it out."""
    slug: str | None = None
    """Slug (wire ``slug``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class PaymentProvider(_Model):
    """A payment provider a plan is sold through, and the provider's ids for it."""

    provider_id: str | None = wire("provider_id")
    """Provider id (wire ``provider_id``); None when Crovver leaves it out."""
    provider_type: str = wire("provider_type", default=attrs.NOTHING)
    """Provider type (wire ``provider_type``): "stripe", ...; always present."""
    provider_name: str | None = wire("provider_name")
    """Provider name (wire ``provider_name``); None when Crovver leaves it out."""
    external_price_id: str | None = wire("external_price_id")
    """External price id (wire ``external_price_id``); None when Crovver leaves it out."""
    external_product_id: str | None = wire("external_product_id")
    """External product id (wire ``external_product_id``); None when Crovver leaves it out."""
    external_base_price_id: str | None = wire("external_base_price_id")
    """External base price id (wire ``external_base_price_id``); None when Crovver leaves it out."""
    external_per_seat_price_id: str | None = wire("external_per_seat_price_id")
    """External per seat price id (wire ``external_per_seat_price_id``); None when Crovver leaves it out."""
    is_active: bool | None = wire("is_active", "isActive")
    """Whether it is active (wire ``is_active`` or ``isActive``); None when Crovver leaves it out."""


def _price_amount(values: dict[str, Any], raw: Mapping[str, Any]) -> int | None:
    return minor_units(values["price"], values["currency"])


@attrs.frozen(kw_only=True, slots=False)
class Plan(_Model):
    """A plan. ``price`` is in major units (``Decimal("29.00")``); ``price_amount`` in minor units (2900).

    For a seat-based plan without a flat amount, ``price`` is the base price.
    """

    id: str
    """Id (wire ``id``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    description: str | None = None
    """Description (wire ``description``); None when Crovver leaves it out."""
    currency: str | None = wire("pricing.currency")
    """Currency (wire ``pricing.currency``); None when Crovver leaves it out."""
    interval: str | None = wire("pricing.interval")
    """Interval (wire ``pricing.interval``): "monthly", "yearly" or "one_time"; None when Crovver leaves it out."""
    price: Decimal | None = wire("pricing.amount", "pricing.basePrice")
    """Price (wire ``pricing.amount`` or ``pricing.basePrice``); None when Crovver leaves it out."""
    price_amount: int | None = derived(_price_amount)
    """The price in minor units (2900 for 29.00 USD), per the currency's ISO 4217 exponent."""
    prices: tuple[PlanPrice, ...] = ()
    """Prices (wire ``prices``); empty when Crovver leaves it out."""
    is_free: bool | None = wire("isFree", "is_free")
    """Whether it is free (wire ``isFree`` or ``is_free``); None when Crovver leaves it out."""
    is_seat_based: bool | None = wire("isSeatBased", "pricing.isSeatBased")
    """Whether it is seat based (wire ``isSeatBased`` or ``pricing.isSeatBased``); None when Crovver leaves it out."""
    base_price: Decimal | None = wire("pricing.basePrice")
    """Base price (wire ``pricing.basePrice``); None when Crovver leaves it out."""
    included_seats: int | None = wire("pricing.includedSeats")
    """Included seats (wire ``pricing.includedSeats``); None when Crovver leaves it out."""
    per_seat_price: Decimal | None = wire("pricing.perSeatPrice")
    """Per seat price (wire ``pricing.perSeatPrice``); None when Crovver leaves it out."""
    min_seats: int | None = wire("pricing.minSeats")
    """Min seats (wire ``pricing.minSeats``); None when Crovver leaves it out."""
    max_seats: int | None = wire("pricing.maxSeats")
    """Max seats (wire ``pricing.maxSeats``); None when Crovver leaves it out."""
    trial_days: int | None = wire("trial.days")
    """Trial days (wire ``trial.days``); None when Crovver leaves it out."""
    trial_available: bool | None = wire("trial.available")
    """Trial available (wire ``trial.available``); None when Crovver leaves it out."""
    features: Mapping[str, bool] = EMPTY
    """Features (wire ``features``); empty when Crovver leaves it out."""
    limits: Mapping[str, int | None] = EMPTY
    """Limits (wire ``limits``): None: unlimited; None when Crovver leaves it out."""
    credit_pools: tuple[CreditPool, ...] = wire("creditPools", default=())
    """Credit pools (wire ``creditPools``); empty when Crovver leaves it out."""
    product: Product | None = None
    """Product (wire ``product``); None when Crovver leaves it out."""
    payment_providers: tuple[PaymentProvider, ...] = wire(
        "paymentProviders", "payment_providers", default=(), repr=False
    )
    """Payment providers (wire ``paymentProviders``); empty when Crovver leaves it out."""
    test_mode: bool | None = wire("test_mode")
    """Test mode (wire ``test_mode``); None when Crovver leaves it out."""
    created_at: dt.datetime | None = wire("createdAt", "created_at")
    """Created at (wire ``createdAt`` or ``created_at``); None when Crovver leaves it out."""
    updated_at: dt.datetime | None = wire("updatedAt", "updated_at")
    """Updated at (wire ``updatedAt`` or ``updated_at``); None when Crovver leaves it out."""

    def has_feature(self, feature_key: str) -> bool:
        """Whether the plan grants this feature."""
        return self.features.get(feature_key, False)


@attrs.frozen(kw_only=True, slots=False)
class PlanList(_Result):
    """What ``get_plans`` returns."""

    plans: tuple[Plan, ...] = ()
    """Plans (wire ``plans``); empty when Crovver leaves it out."""
    organization: Organization | None = None
    """Organization (wire ``organization``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SupportedProvider(_Model):
    """A payment provider Crovver supports."""

    id: str
    """Id (wire ``id``); always present."""
    code: str
    """Code (wire ``code``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    description: str | None = None
    """Description (wire ``description``); None when Crovver leaves it out."""
    logo_url: str | None = None
    """Logo url (wire ``logoUrl``); None when Crovver leaves it out."""
    is_enabled: bool | None = None
    """Whether it is enabled (wire ``isEnabled``); None when Crovver leaves it out."""
    supports_recurring_billing: bool | None = None
    """Whether it supports recurring billing (wire ``supportsRecurringBilling``); None when Crovver leaves it out."""
    supports_webhooks: bool | None = None
    """Whether it supports webhooks (wire ``supportsWebhooks``); None when Crovver leaves it out."""
    supports_test_mode: bool | None = None
    """Whether it supports test mode (wire ``supportsTestMode``); None when Crovver leaves it out."""
    capabilities: tuple[str, ...] = ()
    """Capabilities (wire ``capabilities``); empty when Crovver leaves it out."""
