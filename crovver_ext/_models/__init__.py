"""The values the SDK returns: frozen attrs classes with snake_case fields, each declared once.

A field's Python name and type say what it is and how it is read from Crovver's JSON (see
``_reader.py``): the wire name is the camelCase of the field name unless ``wire(...)`` names it
(several names are alternatives, first present wins; a dotted name reaches into a nested object).

- Times are timezone-aware ``datetime`` in UTC, money is ``Decimal``, counts are ``int`` (also
  where the wire sends strings), statuses are plain ``str`` (a value Crovver adds tomorrow is kept).
- **Guaranteed** fields (a plain type such as ``str``) are ids and the answer itself; a reply
  without one is an ``InvalidResponseError``. Every ``X | None`` field may be ``None``: Crovver's
  documented replies omit many of them. Collections are never ``None``: missing reads as empty.
- Results are truly frozen: sequences are tuples, mappings are read-only (``FrozenDict``), and
  ``hash()`` works. ``.raw`` is the wire object the result was read from (read-only), so a field
  Crovver adds before this SDK knows it is already usable. ``to_dict()`` gives plain data.
- Top-level results carry ``request_id``: the id Crovver gave the call (``None`` if it sent none).

The classes live in one module per area (``tenants``, ``plans``, ...) and load on first use, so a
process that only consumes credits never builds the ~40 classes it does not need (import time and
memory, see README, Performance).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from crovver_ext._models._base import (
    JSON,
    ConsumeResultKind,
    ItemList,
    JSONObject,
    _Model,
    _Result,
    minor_units,
)
from crovver_ext._reader import FrozenDict, FrozenList

if TYPE_CHECKING:
    from crovver_ext._models.addons import (
        ActiveAddon,
        AddonPurchase,
        AvailableAddon,
    )
    from crovver_ext._models.billing import (
        CheckoutSession,
        Invoice,
        InvoiceList,
        Token,
    )
    from crovver_ext._models.credits import (
        ConsumeResult,
        CreditBalance,
        PoolBalance,
    )
    from crovver_ext._models.plans import (
        CreditPool,
        PaymentProvider,
        Plan,
        PlanList,
        PlanPrice,
        Product,
        SupportedProvider,
    )
    from crovver_ext._models.seats import (
        BulkAllocation,
        CapacityCount,
        ProrationCheckout,
        SeatAllocation,
        SeatAllocationPage,
        SeatAllocationResult,
        SeatCapacity,
        SeatProration,
    )
    from crovver_ext._models.subscriptions import (
        CanceledSubscription,
        Subscription,
        SubscriptionList,
        SubscriptionPlan,
        SubscriptionStatus,
        SubscriptionStatusPlan,
        SubscriptionStatusSubscription,
    )
    from crovver_ext._models.tenants import (
        CreatedTenant,
        Organization,
        Tenant,
        TenantDetails,
        TenantList,
        TenantMember,
        TenantOwner,
    )
    from crovver_ext._models.usage import (
        UsageLimit,
        UsageRecord,
    )

__all__ = [
    "JSON",
    "ActiveAddon",
    "AddonPurchase",
    "AvailableAddon",
    "BulkAllocation",
    "CanceledSubscription",
    "CapacityCount",
    "CheckoutSession",
    "ConsumeResult",
    "CreatedTenant",
    "CreditBalance",
    "CreditPool",
    "FrozenDict",
    "FrozenList",
    "Invoice",
    "InvoiceList",
    "ItemList",
    "JSONObject",
    "Organization",
    "PaymentProvider",
    "Plan",
    "PlanList",
    "PlanPrice",
    "PoolBalance",
    "Product",
    "ProrationCheckout",
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
    "UsageLimit",
    "UsageRecord",
]

# Which module defines each result class: loaded on first use.
_HOME = {
    "ActiveAddon": "addons",
    "AddonPurchase": "addons",
    "AvailableAddon": "addons",
    "BulkAllocation": "seats",
    "CanceledSubscription": "subscriptions",
    "CapacityCount": "seats",
    "CheckoutSession": "billing",
    "ConsumeResult": "credits",
    "CreatedTenant": "tenants",
    "CreditBalance": "credits",
    "CreditPool": "plans",
    "Invoice": "billing",
    "InvoiceList": "billing",
    "Organization": "tenants",
    "PaymentProvider": "plans",
    "Plan": "plans",
    "PlanList": "plans",
    "PlanPrice": "plans",
    "PoolBalance": "credits",
    "Product": "plans",
    "ProrationCheckout": "seats",
    "SeatAllocation": "seats",
    "SeatAllocationPage": "seats",
    "SeatAllocationResult": "seats",
    "SeatCapacity": "seats",
    "SeatProration": "seats",
    "Subscription": "subscriptions",
    "SubscriptionList": "subscriptions",
    "SubscriptionPlan": "subscriptions",
    "SubscriptionStatus": "subscriptions",
    "SubscriptionStatusPlan": "subscriptions",
    "SubscriptionStatusSubscription": "subscriptions",
    "SupportedProvider": "plans",
    "Tenant": "tenants",
    "TenantDetails": "tenants",
    "TenantList": "tenants",
    "TenantMember": "tenants",
    "TenantOwner": "tenants",
    "Token": "billing",
    "UsageLimit": "usage",
    "UsageRecord": "usage",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{home}")
    for defined, where in _HOME.items():  # the rest of that module's classes, in one go
        if where == home:
            globals()[defined] = getattr(module, defined)
    return globals()[name]


def __dir__() -> list[str]:
    return list(__all__)


# Private names the package also offers its own modules and tests.
_ = (ConsumeResultKind, _Model, _Result, minor_units)
