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
