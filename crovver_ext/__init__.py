"""The Crovver Python SDK: billing and entitlements for your Python backend, sync and async.

>>> from crovver_ext import CrovverClient
>>> client = CrovverClient()  # reads CROVVER_SECRET_KEY  # doctest: +SKIP
"""

from typing import TYPE_CHECKING, Any

from crovver_ext._cache import AsyncEntitlementStore, EntitlementStore
from crovver_ext._client import NOT_GIVEN, AsyncCrovverClient, AsyncRawResponses, CrovverClient, RawResponses
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
from crovver_ext._options import NoRetryOptions, RawResponse, RequestOptions
from crovver_ext._version import __version__

if TYPE_CHECKING:
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

# Every public name not imported above is a result model: they load on first use (they bring
# attrs), so `import crovver_ext` stays light.
_LAZY_MODELS = frozenset(__all__) - set(globals())


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODELS:
        from crovver_ext import _models

        value = getattr(_models, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'crovver_ext' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
