"""The emulator's clock and the wire format of times.

The clock is frozen: it starts at a fixed instant and moves only when the control plane advances
it, so every answer is reproducible and nothing depends on today's date. Its current value is
kept in the database, so a file-backed emulator resumes at the time it stopped.
"""

from __future__ import annotations

import calendar
import math
import threading
from datetime import UTC, datetime, timedelta

#: Where a fresh emulator's clock starts unless told otherwise.
DEFAULT_START = datetime(2026, 1, 1, tzinfo=UTC)
#: Advancing past this would overflow four-digit ISO years; refuse well before.
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


class Clock:
    """A frozen, thread-safe clock that only moves forward when told to."""

    def __init__(self, start: datetime = DEFAULT_START) -> None:
        self._lock = threading.Lock()
        self._now = to_utc(start)

    def now(self) -> datetime:
        """The emulator's current time (timezone-aware UTC, millisecond precision)."""
        with self._lock:
            return self._now

    def set(self, when: datetime) -> None:
        """Move the clock to ``when`` (the caller has already checked it is not backwards)."""
        with self._lock:
            self._now = to_utc(when)


def to_utc(when: datetime) -> datetime:
    """``when`` in UTC, truncated to milliseconds (the wire's precision)."""
    if when.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware")
    when = when.astimezone(UTC)
    return when.replace(microsecond=when.microsecond // 1000 * 1000)


def iso(when: datetime) -> str:
    """Format like JavaScript's ``toISOString()``: ``2026-01-01T00:00:00.000Z``."""
    when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def iso_or_none(when: datetime | None) -> str | None:
    """:func:`iso`, passing ``None`` through."""
    return None if when is None else iso(when)


def parse_iso(text: str) -> datetime:
    """Parse a time written by :func:`iso` (or any ISO-8601 time with an offset)."""
    return to_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))


def add_months(when: datetime, months: int) -> datetime:
    """``when`` plus calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29)."""
    index = when.month - 1 + months
    year, month = when.year + index // 12, index % 12 + 1
    day = min(when.day, calendar.monthrange(year, month)[1])
    return when.replace(year=year, month=month, day=day)


def period_end(start: datetime, interval: str) -> datetime | None:
    """The end of a billing period that starts at ``start``; ``None`` for one-time plans."""
    if interval == "monthly":
        return add_months(start, 1)
    if interval == "yearly":
        return add_months(start, 12)
    return None


def days_between(start: datetime, end: datetime) -> int:
    """Whole days from ``start`` to ``end``, rounding a partial day up (never negative)."""
    return max(0, math.ceil((end - start) / timedelta(days=1)))
