"""The Crovver Python SDK: billing and entitlements for your Python backend, sync and async.

>>> from crovver_ext import CrovverClient
>>> client = CrovverClient()  # reads CROVVER_SECRET_KEY  # doctest: +SKIP
"""

from typing import TYPE_CHECKING, Any

from crovver_ext._version import __version__

if TYPE_CHECKING:
    from crovver_ext._cache import AsyncEntitlementStore, EntitlementStore
    from crovver_ext._client import AsyncCrovverClient, AsyncRawResponses, CrovverClient, RawResponses
    from crovver_ext._deprecation import CrovverDeprecationWarning
    from crovver_ext._errors import (
        APIConnectionError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ClientStateError,
        ConflictError,
        CrovverError,
        InternalServerError,
        InvalidResponseError,
        NotFoundError,
        PaymentRequiredError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
    )
    from crovver_ext._models import (
        JSON,
        ActiveAddon,
        AddonPurchase,
        AvailableAddon,
        BulkAllocation,
        CanceledSubscription,
        CapacityCount,
        CheckoutSession,
        ConsumeResult,
        CreatedTenant,
        CreditBalance,
        CreditPool,
        FrozenDict,
        FrozenList,
        Invoice,
        InvoiceList,
        ItemList,
        JSONObject,
        Organization,
        PaymentProvider,
        Plan,
        PlanList,
        PlanPrice,
        PoolBalance,
        Product,
        ProrationCheckout,
        SeatAllocation,
        SeatAllocationPage,
        SeatAllocationResult,
        SeatCapacity,
        SeatProration,
        Subscription,
        SubscriptionList,
        SubscriptionPlan,
        SubscriptionStatus,
        SubscriptionStatusPlan,
        SubscriptionStatusSubscription,
        SupportedProvider,
        Tenant,
        TenantDetails,
        TenantList,
        TenantMember,
        TenantOwner,
        Token,
        UsageLimit,
        UsageRecord,
    )
    from crovver_ext._options import NoRetryOptions, RawResponse, RequestOptions

__all__ = [
    "JSON",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ActiveAddon",
    "AddonPurchase",
    "AsyncCrovverClient",
    "AsyncEntitlementStore",
    "AsyncRawResponses",
    "AuthenticationError",
    "AvailableAddon",
    "BadRequestError",
    "BulkAllocation",
    "CanceledSubscription",
    "CapacityCount",
    "CheckoutSession",
    "ClientStateError",
    "ConflictError",
    "ConsumeResult",
    "CreatedTenant",
    "CreditBalance",
    "CreditPool",
    "CrovverClient",
    "CrovverDeprecationWarning",
    "CrovverError",
    "EntitlementStore",
    "FrozenDict",
    "FrozenList",
    "InternalServerError",
    "InvalidResponseError",
    "Invoice",
    "InvoiceList",
    "ItemList",
    "JSONObject",
    "NoRetryOptions",
    "NotFoundError",
    "Organization",
    "PaymentProvider",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "Plan",
    "PlanList",
    "PlanPrice",
    "PoolBalance",
    "Product",
    "ProrationCheckout",
    "RateLimitError",
    "RawResponse",
    "RawResponses",
    "RequestOptions",
    "SeatAllocation",
    "SeatAllocationPage",
    "SeatAllocationResult",
    "SeatCapacity",
    "SeatProration",
    "Subscription",
    "SubscriptionList",
    "SubscriptionPlan",
    "SubscriptionStatus",
    "SubscriptionStatusPlan",
    "SubscriptionStatusSubscription",
    "SupportedProvider",
    "Tenant",
    "TenantDetails",
    "TenantList",
    "TenantMember",
    "TenantOwner",
    "Token",
    "UnprocessableEntityError",
    "UsageLimit",
    "UsageRecord",
    "__version__",
]

NOT_GIVEN: Any
"""Marks an option left out, as opposed to ``None``: ``with_options(timeout=None)`` means no
timeout, ``timeout=NOT_GIVEN`` (the default) keeps the current one. Loaded on first use."""

# Every public name loads on first use, so `import crovver_ext` costs next to nothing: pytest
# imports this package (for the `crovver` plugin) at every start in any project that has the SDK
# installed, and most of those sessions never create a client. The clients bring httpx; the
# result models bring attrs. Where each name that is not a result model lives:
_HOMES = {
    **dict.fromkeys(
        ("NOT_GIVEN", "AsyncCrovverClient", "AsyncRawResponses", "CrovverClient", "RawResponses"),
        "crovver_ext._client",
    ),
    **dict.fromkeys(("AsyncEntitlementStore", "EntitlementStore"), "crovver_ext._cache"),
    **dict.fromkeys(("NoRetryOptions", "RawResponse", "RequestOptions"), "crovver_ext._options"),
    **dict.fromkeys((name for name in __all__ if name.endswith("Error")), "crovver_ext._errors"),
    "CrovverDeprecationWarning": "crovver_ext._deprecation",
}
_LAZY_MODELS = frozenset(__all__) - _HOMES.keys() - {"__version__"}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _LAZY_MODELS:
        home = "crovver_ext._models"
    elif name in _HOMES:
        home = _HOMES[name]
    else:
        raise AttributeError(f"module 'crovver_ext' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
