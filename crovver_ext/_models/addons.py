"""Result classes: add-ons."""

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
    wire,
)
from crovver_ext._reader import read_bool


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
