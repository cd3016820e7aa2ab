"""Result classes: credits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from crovver_ext._models._base import (
    ConsumeResultKind,
    _Model,
    _Result,
    derived,
    wire,
)


@attrs.frozen(kw_only=True, slots=False)
class PoolBalance(_Model):
    """One credit pool's balance; ``remaining`` (the wire ``total``) is base plus add-on credits."""

    #: The pool's key (the wire ``poolKey``, else the key the pool is listed under).
    pool_key: str = wire("poolKey", "pool_key", default="")
    """Pool key (wire ``poolKey`` or ``pool_key``); always present."""
    display_name: str | None = wire("displayName", "display_name")
    """Display name (wire ``displayName`` or ``display_name``); None when Crovver leaves it out."""
    remaining: int = wire("total", default=attrs.NOTHING)
    """Remaining (wire ``total``); always present."""
    base_remaining: int | None = wire("baseRemaining")
    """Base remaining (wire ``baseRemaining``); None when Crovver leaves it out."""
    addon_remaining: int | None = wire("addonRemaining", "addon_remaining")
    """Addon remaining (wire ``addonRemaining`` or ``addon_remaining``); None when Crovver leaves it out."""
    limit: int | None = None
    """Limit (wire ``limit``); None when Crovver leaves it out."""
    limit_behavior: str | None = wire("limitBehavior")
    """Limit behavior (wire ``limitBehavior``); None when Crovver leaves it out."""
    next_expiry: dt.datetime | None = wire("nextExpiry")
    """Next expiry (wire ``nextExpiry``); None when Crovver leaves it out."""
    usage_percent: float | None = wire("usagePercent")
    """Usage percent (wire ``usagePercent``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class CreditBalance(_Result):
    """What ``credits.balance`` returns; ``pools`` is empty without an active subscription."""

    pools: tuple[PoolBalance, ...] = ()
    """Pools (wire ``pools``); empty when Crovver leaves it out."""

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
    """The wire ``result``: ``allowed``, ``warning``, ``blocked``, or a value Crovver adds later."""
    result: ConsumeResultKind = derived(_consume_result)
    """``"success"`` (outcome ``allowed`` or ``warning``) or ``"insufficient_credits"`` (anything else)."""
    remaining: int | None = None
    """Remaining (wire ``remaining``); None when Crovver leaves it out."""
    already_processed: bool | None = wire("alreadyProcessed")
    """Already processed (wire ``alreadyProcessed``); None when Crovver leaves it out."""
    pool_key: str | None = wire("poolKey", "pool_key")
    """Pool key (wire ``poolKey`` or ``pool_key``); None when Crovver leaves it out."""

    @property
    def succeeded(self) -> bool:
        """Whether the credits were granted."""
        return self.result == "success"
