"""The ``credits``, ``addons`` and ``capacity`` namespaces of both clients, side by side."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar, Unpack

from crovver_ext._lazy import LazyModule
from crovver_ext._options import NoRetryOptions, RequestOptions, async_raw_method, check_options, raw_method
from crovver_ext._policy import Call

if TYPE_CHECKING:
    from crovver_ext import _adapter as adapter
    from crovver_ext import _models as m
else:
    adapter = LazyModule("crovver_ext._adapter", globals(), "adapter")  # see _client.py
    m = LazyModule("crovver_ext._models", globals(), "m")

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 50


class _SyncRunner(Protocol):
    """What a sync namespace needs of its client: a way to run one call."""

    def _run(self, call: Call[T], options: Mapping[str, Any]) -> T: ...


class _AsyncRunner(Protocol):
    """What an async namespace needs of its client: a way to run one call."""

    def _run(self, call: Call[T], options: Mapping[str, Any]) -> Awaitable[T]: ...


class Credits:
    """Credit pools: balances and idempotent consumption."""

    def __init__(self, client: _SyncRunner) -> None:
        self._client = client

    def balance(self, *, tenant_id: str, **options: Unpack[RequestOptions]) -> m.CreditBalance:
        """Balances per pool (``.pools``); empty without an active subscription.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(adapter.credit_balance(tenant_id), options)

    def consume(
        self,
        *,
        tenant_id: str,
        pool_key: str,
        amount: int,
        idempotency_key: str,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.ConsumeResult:
        """Consume credits exactly once per ``idempotency_key`` (resent unchanged on every retry).

        ``result`` is ``"success"`` or ``"insufficient_credits"``; ``already_processed`` is true
        when the key had been seen and nothing more was deducted.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(
            adapter.consume_credits(
                tenant_id=tenant_id,
                pool_key=pool_key,
                amount=amount,
                idempotency_key=idempotency_key,
                metadata=metadata,
            ),
            options,
        )


class AsyncCredits:
    """Credit pools: balances and idempotent consumption."""

    def __init__(self, client: _AsyncRunner) -> None:
        self._client = client

    async def balance(self, *, tenant_id: str, **options: Unpack[RequestOptions]) -> m.CreditBalance:
        """Balances per pool (``.pools``); empty without an active subscription.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(adapter.credit_balance(tenant_id), options)

    async def consume(
        self,
        *,
        tenant_id: str,
        pool_key: str,
        amount: int,
        idempotency_key: str,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.ConsumeResult:
        """Consume credits exactly once per ``idempotency_key`` (resent unchanged on every retry).

        ``result`` is ``"success"`` or ``"insufficient_credits"``; ``already_processed`` is true
        when the key had been seen and nothing more was deducted.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(
            adapter.consume_credits(
                tenant_id=tenant_id,
                pool_key=pool_key,
                amount=amount,
                idempotency_key=idempotency_key,
                metadata=metadata,
            ),
            options,
        )


class Addons:
    """Purchasable credit packs."""

    def __init__(self, client: _SyncRunner) -> None:
        self._client = client

    def list_available(
        self, tenant_id: str, **options: Unpack[RequestOptions]
    ) -> m.ItemList[m.AvailableAddon]:
        """Add-ons the tenant's plan offers; empty without an active subscription.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(adapter.list_available_addons(tenant_id), options)

    def purchase(
        self,
        tenant_id: str,
        *,
        addon_id: str,
        currency: str,
        idempotency_key: str,
        success_url: str | None = None,
        cancel_url: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.AddonPurchase:
        """Buy an add-on exactly once per ``idempotency_key``; redirect to ``checkout_url`` when
        ``requires_payment``, else the credits are already granted.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(
            adapter.purchase_addon(
                tenant_id,
                addon_id=addon_id,
                currency=currency,
                idempotency_key=idempotency_key,
                success_url=success_url,
                cancel_url=cancel_url,
                metadata=metadata,
            ),
            options,
        )

    def get_active(self, tenant_id: str, **options: Unpack[RequestOptions]) -> m.ItemList[m.ActiveAddon]:
        """Remaining add-on credits per pool.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(adapter.get_active_addons(tenant_id), options)


class AsyncAddons:
    """Purchasable credit packs."""

    def __init__(self, client: _AsyncRunner) -> None:
        self._client = client

    async def list_available(
        self, tenant_id: str, **options: Unpack[RequestOptions]
    ) -> m.ItemList[m.AvailableAddon]:
        """Add-ons the tenant's plan offers; empty without an active subscription.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(adapter.list_available_addons(tenant_id), options)

    async def purchase(
        self,
        tenant_id: str,
        *,
        addon_id: str,
        currency: str,
        idempotency_key: str,
        success_url: str | None = None,
        cancel_url: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.AddonPurchase:
        """Buy an add-on exactly once per ``idempotency_key``; redirect to ``checkout_url`` when
        ``requires_payment``, else the credits are already granted.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(
            adapter.purchase_addon(
                tenant_id,
                addon_id=addon_id,
                currency=currency,
                idempotency_key=idempotency_key,
                success_url=success_url,
                cancel_url=cancel_url,
                metadata=metadata,
            ),
            options,
        )

    async def get_active(
        self, tenant_id: str, **options: Unpack[RequestOptions]
    ) -> m.ItemList[m.ActiveAddon]:
        """Remaining add-on credits per pool.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(adapter.get_active_addons(tenant_id), options)


class Capacity:
    """Seats on seat-based plans."""

    def __init__(self, client: _SyncRunner) -> None:
        self._client = client

    def count(self, tenant_id: str, **options: Unpack[RequestOptions]) -> m.CapacityCount:
        """Seats in use against the subscription's capacity.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(adapter.capacity_count(tenant_id), options)

    def allocate(
        self,
        tenant_id: str,
        external_user_id: str,
        *,
        email: str | None = None,
        name: str | None = None,
        confirm_proration: bool | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.SeatAllocationResult:
        """Give a user a seat (idempotent per user); at capacity, says what more seats would cost.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(
            adapter.allocate_seat(
                tenant_id,
                external_user_id,
                email=email,
                name=name,
                confirm_proration=confirm_proration,
                metadata=metadata,
            ),
            options,
        )

    def bulk_allocate(
        self,
        tenant_id: str,
        users: Sequence[Mapping[str, Any]],
        *,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[NoRetryOptions],
    ) -> m.BulkAllocation:
        """Seats for 1-100 users (``{"external_user_id", "email"?, "name"?}``); never retried.

        Users that did not fit come back in ``rejected`` (``partial`` is true), not as an error.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(adapter.bulk_allocate_seats(tenant_id, users, metadata), options)

    def list_allocations(
        self,
        tenant_id: str,
        *,
        status: str | None = None,
        page: int = 1,
        limit: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> m.SeatAllocationPage:
        """One page of seat allocations (``status``: "active", "removed" or "all").

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return self._client._run(adapter.list_seat_allocations(tenant_id, status, page, limit), options)

    def iter_allocations(
        self,
        tenant_id: str,
        *,
        status: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> Iterator[m.SeatAllocation]:
        """Every seat allocation, fetching page after page as you iterate.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        first = adapter.list_seat_allocations(tenant_id, status, 1, page_size)  # checks arguments now
        check_options(options, retryable=True)

        def pages() -> Iterator[m.SeatAllocation]:
            result, page = self._client._run(first, options), 1
            while True:
                yield from result.allocations
                # Our own page counter, and an empty page ends it: a server that echoes a wrong
                # page number or always claims a next page cannot make this loop forever.
                if not result.has_next_page or not result.allocations:
                    return
                page += 1
                result = self._client._run(
                    adapter.list_seat_allocations(tenant_id, status, page, page_size), options
                )

        return pages()


class AsyncCapacity:
    """Seats on seat-based plans."""

    def __init__(self, client: _AsyncRunner) -> None:
        self._client = client

    async def count(self, tenant_id: str, **options: Unpack[RequestOptions]) -> m.CapacityCount:
        """Seats in use against the subscription's capacity.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(adapter.capacity_count(tenant_id), options)

    async def allocate(
        self,
        tenant_id: str,
        external_user_id: str,
        *,
        email: str | None = None,
        name: str | None = None,
        confirm_proration: bool | None = None,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[RequestOptions],
    ) -> m.SeatAllocationResult:
        """Give a user a seat (idempotent per user); at capacity, says what more seats would cost.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(
            adapter.allocate_seat(
                tenant_id,
                external_user_id,
                email=email,
                name=name,
                confirm_proration=confirm_proration,
                metadata=metadata,
            ),
            options,
        )

    async def bulk_allocate(
        self,
        tenant_id: str,
        users: Sequence[Mapping[str, Any]],
        *,
        metadata: Mapping[str, Any] | None = None,
        **options: Unpack[NoRetryOptions],
    ) -> m.BulkAllocation:
        """Seats for 1-100 users (``{"external_user_id", "email"?, "name"?}``); never retried.

        Users that did not fit come back in ``rejected`` (``partial`` is true), not as an error.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(adapter.bulk_allocate_seats(tenant_id, users, metadata), options)

    async def list_allocations(
        self,
        tenant_id: str,
        *,
        status: str | None = None,
        page: int = 1,
        limit: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> m.SeatAllocationPage:
        """One page of seat allocations (``status``: "active", "removed" or "all").

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        return await self._client._run(adapter.list_seat_allocations(tenant_id, status, page, limit), options)

    def iter_allocations(
        self,
        tenant_id: str,
        *,
        status: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[m.SeatAllocation]:
        """Every seat allocation, fetching page after page as you iterate.

        Args:
            tenant_id: Your own id for the tenant (its ``externalTenantId``), not Crovver's ``ten_...`` id.
        """
        first = adapter.list_seat_allocations(tenant_id, status, 1, page_size)  # checks arguments now
        check_options(options, retryable=True)

        async def pages() -> AsyncIterator[m.SeatAllocation]:
            result, page = await self._client._run(first, options), 1
            while True:
                for allocation in result.allocations:
                    yield allocation
                if not result.has_next_page or not result.allocations:  # see Capacity.iter_allocations
                    return
                page += 1
                result = await self._client._run(
                    adapter.list_seat_allocations(tenant_id, status, page, page_size), options
                )

        return pages()


class RawCredits:
    """``with_raw_response.credits``: each method returning a ``RawResponse``."""

    def __init__(self, namespace: Credits) -> None:
        self._target = namespace

    balance: Final = raw_method(Credits.balance)
    consume: Final = raw_method(Credits.consume)


class AsyncRawCredits:
    """``with_raw_response.credits``: each method returning a ``RawResponse``."""

    def __init__(self, namespace: AsyncCredits) -> None:
        self._target = namespace

    balance: Final = async_raw_method(AsyncCredits.balance)
    consume: Final = async_raw_method(AsyncCredits.consume)


class RawAddons:
    """``with_raw_response.addons``: each method returning a ``RawResponse``."""

    def __init__(self, namespace: Addons) -> None:
        self._target = namespace

    list_available: Final = raw_method(Addons.list_available)
    purchase: Final = raw_method(Addons.purchase)
    get_active: Final = raw_method(Addons.get_active)


class AsyncRawAddons:
    """``with_raw_response.addons``: each method returning a ``RawResponse``."""

    def __init__(self, namespace: AsyncAddons) -> None:
        self._target = namespace

    list_available: Final = async_raw_method(AsyncAddons.list_available)
    purchase: Final = async_raw_method(AsyncAddons.purchase)
    get_active: Final = async_raw_method(AsyncAddons.get_active)


class RawCapacity:
    """``with_raw_response.capacity``: each method returning a ``RawResponse``."""

    def __init__(self, namespace: Capacity) -> None:
        self._target = namespace

    count: Final = raw_method(Capacity.count)
    allocate: Final = raw_method(Capacity.allocate)
    bulk_allocate: Final = raw_method(Capacity.bulk_allocate)
    list_allocations: Final = raw_method(Capacity.list_allocations)


class AsyncRawCapacity:
    """``with_raw_response.capacity``: each method returning a ``RawResponse``."""

    def __init__(self, namespace: AsyncCapacity) -> None:
        self._target = namespace

    count: Final = async_raw_method(AsyncCapacity.count)
    allocate: Final = async_raw_method(AsyncCapacity.allocate)
    bulk_allocate: Final = async_raw_method(AsyncCapacity.bulk_allocate)
    list_allocations: Final = async_raw_method(AsyncCapacity.list_allocations)
