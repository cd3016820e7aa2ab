"""Result classes: usage (deprecated)."""

from __future__ import annotations

import attrs

from crovver_ext._models._base import (
    _Result,
)


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
