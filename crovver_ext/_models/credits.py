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
