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
    """Id (wire ``id``); always present."""
    name: str | None = wire("display_name", "displayName", "name")
    """Name (wire ``display_name`` or ``displayName`` or ``name``); None when Crovver leaves it out."""
    pool_key: str | None = wire("pool_key", "poolKey")
    """Pool key (wire ``pool_key`` or ``poolKey``); None when Crovver leaves it out."""
    description: str | None = None
    """Description (wire ``description``); None when Crovver leaves it out."""
    credit_qty: int | None = wire("credit_qty", "creditQty")
    """Credit qty (wire ``credit_qty`` or ``creditQty``); None when Crovver leaves it out."""
    currency: str | None = None
    """Currency (wire ``currency``); None when Crovver leaves it out."""
    amount: Decimal | None = None
    """Amount (wire ``amount``); None when Crovver leaves it out."""
    expiry_type: str | None = wire("expiry_type")
    """Expiry type (wire ``expiry_type``): "period", "period_end", "days", "never"; None when Crovver leaves it out."""
    expiry_days: int | None = wire("expiry_days")
    """Expiry days (wire ``expiry_days``); None when Crovver leaves it out."""
    current_balance: int | None = wire("current_balance")
    """Current balance (wire ``current_balance``); None when Crovver leaves it out."""
    pool_limit: int | None = wire("pool_limit")
    """Pool limit (wire ``pool_limit``); None when Crovver leaves it out."""


def _requires_payment(values: dict[str, Any], raw: Mapping[str, Any]) -> bool:
    flag = raw.get("requiresPayment")
    # A replay omits requiresPayment; a checkout URL is then the only sign of it.
    return values["checkout_url"] is not None if flag is None else read_bool(flag)


@attrs.frozen(kw_only=True, slots=False)
class AddonPurchase(_Result):
    """What ``addons.purchase`` returns. Redirect to ``checkout_url`` when ``requires_payment``."""

    purchase_id: str
    """Purchase id (wire ``purchaseId``); always present."""
    checkout_url: str | None = None
    """Checkout url (wire ``checkoutUrl``); None when Crovver leaves it out."""
    requires_payment: bool = derived(_requires_payment, "requiresPayment")
    """Whether to send the user to ``checkout_url`` (a replay without the flag: whether a URL came)."""
    already_processed: bool | None = None
    """Already processed (wire ``alreadyProcessed``); None when Crovver leaves it out."""
    addon_name: str | None = None
    """Addon name (wire ``addonName``); None when Crovver leaves it out."""
    credit_qty: int | None = None
    """Credit qty (wire ``creditQty``); None when Crovver leaves it out."""
    amount: Decimal | None = None
    """Amount (wire ``amount``); None when Crovver leaves it out."""
    currency: str | None = None
    """Currency (wire ``currency``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class ActiveAddon(_Model):
    """Remaining add-on credits in one pool."""

    pool_key: str = wire("pool_key", "poolKey", default=attrs.NOTHING)
    """Pool key (wire ``pool_key`` or ``poolKey``); always present."""
    remaining: int = wire("addon_remaining", "addonRemaining", default=attrs.NOTHING)
    """Remaining (wire ``addon_remaining`` or ``addonRemaining``); always present."""
    active_grants: int | None = wire("active_addon_grants")
    """Active grants (wire ``active_addon_grants``); None when Crovver leaves it out."""
    next_expiry: dt.datetime | None = wire("next_addon_expiry")
    """Next expiry (wire ``next_addon_expiry``); None when Crovver leaves it out."""
