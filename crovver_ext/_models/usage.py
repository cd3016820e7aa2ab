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
    """Message (wire ``message``); None when Crovver leaves it out."""
    metric: str | None = None
    """Metric (wire ``metric``); None when Crovver leaves it out."""
    recorded_value: int | None = None
    """Recorded value (wire ``recordedValue``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class UsageLimit(_Result):
    """What the deprecated ``check_usage_limit`` returns."""

    allowed: bool
    """Allowed (wire ``allowed``); always present."""
    current: int | None = None
    """Current (wire ``current``); None when Crovver leaves it out."""
    limit: int | None = None
    """Limit (wire ``limit``); None when Crovver leaves it out."""
    remaining: int | None = None
    """Remaining (wire ``remaining``); None when Crovver leaves it out."""
    percentage: float | None = None
    """Percentage (wire ``percentage``); None when Crovver leaves it out."""
    metric: str | None = None
    """Metric (wire ``metric``); None when Crovver leaves it out."""
