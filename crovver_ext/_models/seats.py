"""Result classes: seats (capacity)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from crovver_ext._models._base import (
    JSONObject,
    _Model,
    _Result,
    derived,
    wire,
)


@attrs.frozen(kw_only=True, slots=False)
class CapacityCount(_Result):
    """What ``capacity.count`` returns: seats in use against the subscription's capacity."""

    active_count: int
    capacity_units: int | None = None
    utilization_percentage: float | None = None
    billing_mode: str | None = None
    exceeded: bool | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatCapacity(_Model):
    """Seats in use against capacity, as the seat calls report it."""

    active_count: int
    capacity_units: int | None = None
    utilization_percentage: float | None = None
    exceeded: bool | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatProration(_Model):
    """What adding seats mid-period costs."""

    amount: Decimal | None = None
    currency: str | None = None
    description: str | None = None
    calculation: str | None = None  #: e.g. "5 seats x $1.00/seat x 17/30 days"
    days_remaining: int | None = None
    total_days_in_period: int | None = None
    current_seats: int | None = None
    new_seats: int | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocationResult(_Result):
    """What ``capacity.allocate`` returns: allocated, or what it would take (proration/checkout)."""

    allocated: bool = derived(lambda values, raw: raw.get("success") is True, "success")
    message: str | None = None
    capacity: SeatCapacity | None = None
    requires_proration: bool | None = None
    proration: SeatProration | None = None
    requires_checkout: bool | None = None
    checkout_url: str | None = None
    proration_id: str | None = None
    new_capacity: int | None = None


@attrs.frozen(kw_only=True, slots=False)
class BulkAllocation(_Result):
    """What ``capacity.bulk_allocate`` returns; ``partial`` when some users were rejected (HTTP 207)."""

    allocated: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    capacity: SeatCapacity | None = None
    message: str | None = None
    partial: bool = derived(lambda values, raw: bool(values["rejected"]))


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocation(_Model):
    """A user's seat."""

    external_user_id: str
    email: str | None = None
    name: str | None = None
    status: str | None = None  #: "active" or "removed"
    allocated_at: dt.datetime | None = None
    removed_at: dt.datetime | None = None
    metadata: JSONObject | None = None


@attrs.frozen(kw_only=True, slots=False)
class SeatAllocationPage(_Result):
    """One page of ``capacity.list_allocations``."""

    allocations: tuple[SeatAllocation, ...] = ()
    capacity: SeatCapacity | None = None
    total: int | None = wire("pagination.total")
    page: int | None = wire("pagination.page")
    limit: int | None = wire("pagination.limit")
    total_pages: int | None = wire("pagination.totalPages")
    has_next_page: bool | None = wire("pagination.hasNextPage")
    has_previous_page: bool | None = wire("pagination.hasPreviousPage")


@attrs.frozen(kw_only=True, slots=False)
class ProrationCheckout(_Result):
    """What ``capacity.create_proration_checkout`` returns.

    ``proration_amount`` is the number Crovver sent, as a ``Decimal`` in major units: the proration
    page shows ``1750`` beside a calculation of a few dollars, the allocate page ``1.75``; the SDK
    does not guess a scale (see README, "Where Crovver's pages disagree").
    """

    proration_id: str
    requires_payment: bool
    checkout_url: str | None = None
    proration_amount: Decimal | None = None
    proration_details: SeatProration | None = None
    message: str | None = None
