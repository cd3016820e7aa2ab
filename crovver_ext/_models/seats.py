"""Result classes: seats (capacity)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from crovver_ext._models._base import (
    JSONObject,
    _Model,
    _Result,
    derived,
    wire,
)
from crovver_ext._reader import read_bool


@attrs.frozen(kw_only=True, slots=False)
class CapacityCount(_Result):
    """What ``capacity.count`` returns: seats in use against the subscription's capacity."""

    active_count: int
    """Active count (wire ``activeCount``); always present."""
    capacity_units: int | None = None
    """Capacity units (wire ``capacityUnits``); None when Crovver leaves it out."""
    utilization_percentage: float | None = None
    """Utilization percentage (wire ``utilizationPercentage``); None when Crovver leaves it out."""
    billing_mode: str | None = None
    """Billing mode (wire ``billingMode``); None when Crovver leaves it out."""
    exceeded: bool | None = None
    """Exceeded (wire ``exceeded``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SeatCapacity(_Model):
    """Seats in use against capacity, as the seat calls report it."""

    active_count: int
    """Active count (wire ``activeCount``); always present."""
    capacity_units: int | None = None
    """Capacity units (wire ``capacityUnits``); None when Crovver leaves it out."""
    utilization_percentage: float | None = None
    """Utilization percentage (wire ``utilizationPercentage``); None when Crovver leaves it out."""
    exceeded: bool | None = None
    """Exceeded (wire ``exceeded``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SeatProration(_Model):
    """What adding seats mid-period costs."""

    amount: Decimal | None = None
    """Amount (wire ``amount``); None when Crovver leaves it out."""
    currency: str | None = None
    """Currency (wire ``currency``); None when Crovver leaves it out."""
    description: str | None = None
    """Description (wire ``description``); None when Crovver leaves it out."""
    calculation: str | None = None
    """Calculation (wire ``calculation``): e.g. "5 seats x $1.00/seat x 17/30 days"; None when Crovver leaves it out."""
    days_remaining: int | None = None
    """Days remaining (wire ``daysRemaining``); None when Crovver leaves it out."""
    total_days_in_period: int | None = None
    """Total days in period (wire ``totalDaysInPeriod``); None when Crovver leaves it out."""
    current_seats: int | None = None
    """Current seats (wire ``currentSeats``); None when Crovver leaves it out."""
    new_seats: int | None = None
    """New seats (wire ``newSeats``); None when Crovver leaves it out."""


def _allocated(values: dict[str, Any], raw: Mapping[str, Any]) -> bool:
    # A quote (proration or checkout needed) omits success; a success that is not a bool is bad data.
    success = raw.get("success")
    return False if success is None else read_bool(success)


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocationResult(_Result):
    """What ``capacity.allocate`` returns: allocated, or what it would take (proration/checkout)."""

    allocated: bool = derived(_allocated, "success")
    """Whether the seat was allocated (the reply's ``success``)."""
    message: str | None = None
    """Message (wire ``message``); None when Crovver leaves it out."""
    capacity: SeatCapacity | None = None
    """Capacity (wire ``capacity``); None when Crovver leaves it out."""
    requires_proration: bool | None = None
    """Whether it requires proration (wire ``requiresProration``); None when Crovver leaves it out."""
    proration: SeatProration | None = None
    """Proration (wire ``proration``); None when Crovver leaves it out."""
    requires_checkout: bool | None = None
    """Whether it requires checkout (wire ``requiresCheckout``); None when Crovver leaves it out."""
    checkout_url: str | None = None
    """Checkout url (wire ``checkoutUrl``); None when Crovver leaves it out."""
    proration_id: str | None = None
    """Proration id (wire ``prorationId``); None when Crovver leaves it out."""
    new_capacity: int | None = None
    """New capacity (wire ``newCapacity``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class BulkAllocation(_Result):
    """What ``capacity.bulk_allocate`` returns; ``partial`` when some users were rejected (HTTP 207)."""

    allocated: tuple[str, ...] = ()
    """Whether the seat was allocated (the reply's ``success``)."""
    skipped: tuple[str, ...] = ()
    """Skipped (wire ``skipped``); empty when Crovver leaves it out."""
    rejected: tuple[str, ...] = ()
    """Rejected (wire ``rejected``); empty when Crovver leaves it out."""
    capacity: SeatCapacity | None = None
    """Capacity (wire ``capacity``); None when Crovver leaves it out."""
    message: str | None = None
    """Message (wire ``message``); None when Crovver leaves it out."""
    partial: bool = derived(lambda values, raw: bool(values["rejected"]))
    """Whether some users were rejected (HTTP 207)."""


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocation(_Model):
    """A user's seat."""

    external_user_id: str
    """External user id (wire ``externalUserId``); always present."""
    email: str | None = None
    """Email (wire ``email``); None when Crovver leaves it out."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    status: str | None = None
    """Status (wire ``status``): "active" or "removed"; None when Crovver leaves it out."""
    allocated_at: dt.datetime | None = None
    """Allocated at (wire ``allocatedAt``); None when Crovver leaves it out."""
    removed_at: dt.datetime | None = None
    """Removed at (wire ``removedAt``); None when Crovver leaves it out."""
    metadata: JSONObject | None = None
    """Metadata (wire ``metadata``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocationPage(_Result):
    """One page of ``capacity.list_allocations``."""

    allocations: tuple[SeatAllocation, ...] = ()
    """Allocations (wire ``allocations``); empty when Crovver leaves it out."""
    capacity: SeatCapacity | None = None
    """Capacity (wire ``capacity``); None when Crovver leaves it out."""
    total: int | None = wire("pagination.total")
    """Total (wire ``pagination.total``); None when Crovver leaves it out."""
    page: int | None = wire("pagination.page")
    """Page (wire ``pagination.page``); None when Crovver leaves it out."""
    limit: int | None = wire("pagination.limit")
    """Limit (wire ``pagination.limit``); None when Crovver leaves it out."""
    total_pages: int | None = wire("pagination.totalPages")
    """Total pages (wire ``pagination.totalPages``); None when Crovver leaves it out."""
    has_next_page: bool | None = wire("pagination.hasNextPage")
    """Whether it has next page (wire ``pagination.hasNextPage``); None when Crovver leaves it out."""
    has_previous_page: bool | None = wire("pagination.hasPreviousPage")
    """Whether it has previous page (wire ``pagination.hasPreviousPage``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class ProrationCheckout(_Result):
    """What ``capacity.create_proration_checkout`` returns.

    ``proration_amount`` is the number Crovver sent, as a ``Decimal`` in major units: the proration
    page shows ``1750`` beside a calculation of a few dollars, the allocate page ``1.75``; the SDK
    does not guess a scale (see README, "Where Crovver's pages disagree").
    """

    proration_id: str
    """Proration id (wire ``prorationId``); always present."""
    requires_payment: bool
    """Whether to send the user to ``checkout_url`` (a replay without the flag: whether a URL came)."""
    checkout_url: str | None = None
    """Checkout url (wire ``checkoutUrl``); None when Crovver leaves it out."""
    proration_amount: Decimal | None = None
    """Proration amount (wire ``prorationAmount``); None when Crovver leaves it out."""
    proration_details: SeatProration | None = None
    """Proration details (wire ``prorationDetails``); None when Crovver leaves it out."""
    message: str | None = None
    """Message (wire ``message``); None when Crovver leaves it out."""
