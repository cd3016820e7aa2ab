"""The only module that talks to the generated client (``crovver_api``).

For each operation it checks the arguments, builds the request with the generated
``_get_kwargs`` and request models (so paths, parameter names and URL-encoding come from
``openapi.yaml``), and says how to read the reply: the compiled reader of the result class
(``_reader.py``), plus the few bespoke steps a class declaration cannot say (pools keyed by name,
a token's URL in ``meta``). Replies are read straight from the JSON, not through the generated
response models: one pass instead of two (README, Performance).

Loading is lazy throughout: this module loads with the first call, each generated operation
module with the first call of that operation, and each generated model on first use (the
generated ``models`` package is lazy, see ``.codegen/templates``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

from crovver_api import models as gen
from crovver_api.types import UNSET
from crovver_ext import _validation as check
from crovver_ext._lazy import LazyModule
from crovver_ext._policy import Call
from crovver_ext._reader import MalformedReply, read_as, read_int, read_str, reader, sequence_of

if TYPE_CHECKING:
    from crovver_ext import _models as m
else:
    # The result models (and the attrs classes they build, ~30 ms) load with the first call
    # that returns one: can_access returns a bool and never needs them.
    m = LazyModule("crovver_ext._models", globals(), "m")

T = TypeVar("T")

_OPERATIONS: dict[str, ModuleType] = {}


def _operation(name: str) -> ModuleType:
    """The generated module of one operation (``"entitlements.can_access"``), imported once."""
    module = _OPERATIONS.get(name)
    if module is None:
        module = _OPERATIONS[name] = importlib.import_module(f"crovver_api.api.{name}")
    return module


def _unset_if_none(value: Any) -> Any:
    return UNSET if value is None else value


def _metadata(value: dict[str, Any] | None) -> Any:
    return _unset_if_none(None if value is None else gen.Metadata.from_dict(value))


def _call(
    kwargs: dict[str, Any],
    operation: str,
    parse: Callable[[Any, Any, str | None], Any],
    *,
    retryable: bool = True,
    tenant_id: str | None = None,
) -> Call[Any]:
    return Call(
        operation=operation,
        method=kwargs["method"].upper(),
        path=kwargs["url"],
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        parse=parse,
        retryable=retryable,
        tenant_id=tenant_id,
    )


def _stamp(result: T, request_id: str | None) -> T:
    # Results are frozen; the request id is the one value known only once the reply is in.
    object.__setattr__(result, "request_id", request_id)
    return result


def _parse(cls: type[T]) -> Callable[[Any, Any, str | None], T]:
    """The parse step of an operation whose ``data`` is one object of ``cls``."""

    def parse(data: Any, meta: Any, request_id: str | None) -> T:
        return _stamp(read_as(cls, data, "data"), request_id)

    return parse


def _parse_list(cls: type[T]) -> Callable[[Any, Any, str | None], m.ItemList[T]]:
    """The parse step of an operation whose ``data`` is a list of ``cls``."""
    read = sequence_of(cls)

    def parse(data: Any, meta: Any, request_id: str | None) -> m.ItemList[T]:
        try:
            items = read(data)
        except MalformedReply as error:
            raise error.at("data") from None
        return m.ItemList(items=items, wire=data, request_id=request_id)

    return parse


# ---- tenants ---------------------------------------------------------------------------------


def create_tenant(
    *,
    external_tenant_id: str,
    name: str,
    external_user_id: str,
    owner_email: str | None,
    owner_name: str | None,
    slug: str | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.CreatedTenant]:
    body = gen.CreateTenantRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        name=check.text(name, "name"),
        external_user_id=check.identifier(external_user_id, "external_user_id"),
        owner_email=_unset_if_none(check.optional_text(owner_email, "owner_email")),
        owner_name=_unset_if_none(check.optional_text(owner_name, "owner_name")),
        slug=_unset_if_none(check.optional_text(slug, "slug")),
        metadata=_metadata(check.metadata(metadata)),
    )
    return _call(
        _operation("tenants.create_tenant")._get_kwargs(body=body),
        "create_tenant",
        _parse(m.CreatedTenant),
        tenant_id=external_tenant_id,
    )


def get_tenant(external_tenant_id: str) -> Call[m.TenantDetails]:
    tenant_id = check.identifier(external_tenant_id, "external_tenant_id")
    return _call(
        _operation("tenants.get_tenants")._get_kwargs(external_tenant_id=tenant_id),
        "get_tenants",
        _parse(m.TenantDetails),
    )


def list_tenants(external_user_id: str | None) -> Call[m.TenantList]:
    user_id = check.optional_identifier(external_user_id, "external_user_id")
    return _call(
        _operation("tenants.get_tenants")._get_kwargs(external_user_id=_unset_if_none(user_id)),
        "get_tenants",
        _parse(m.TenantList),
    )


# ---- plans and providers ---------------------------------------------------------------------


def get_plans() -> Call[m.PlanList]:
    return _call(_operation("plans.get_plans")._get_kwargs(), "get_plans", _parse(m.PlanList))


def _parse_providers(data: Any, meta: Any, request_id: str | None) -> m.ItemList[m.SupportedProvider]:
    if type(data) is not dict:
        raise MalformedReply(f"expected an object, got {type(data).__name__}", "data")
    providers = data.get("providers")
    listed = _parse_list(m.SupportedProvider)([] if providers is None else providers, meta, request_id)
    return m.ItemList(items=listed.items, wire=data, request_id=request_id)


def get_supported_providers() -> Call[m.ItemList[m.SupportedProvider]]:
    return _call(
        _operation("plans.get_supported_providers")._get_kwargs(), "get_supported_providers", _parse_providers
    )


# ---- subscriptions ---------------------------------------------------------------------------


def get_subscriptions(tenant_id: str) -> Call[m.SubscriptionList]:
    requesting_entity_id = check.identifier(tenant_id, "tenant_id")
    return _call(
        _operation("subscriptions.get_subscriptions")._get_kwargs(requesting_entity_id=requesting_entity_id),
        "get_subscriptions",
        _parse(m.SubscriptionList),
    )


def get_subscription_status(tenant_id: str, product_slug: str | None) -> Call[m.SubscriptionStatus]:
    tenant = check.identifier(tenant_id, "tenant_id")
    slug = check.optional_identifier(product_slug, "product_slug")
    kwargs = _operation("subscriptions.get_subscription_status")._get_kwargs(
        tenant_id=tenant, product_slug=_unset_if_none(slug)
    )
    return _call(kwargs, "get_subscription_status", _parse(m.SubscriptionStatus))


def cancel_subscription(
    subscription_id: str, external_tenant_id: str, reason: str, feedback: str | None
) -> Call[m.CanceledSubscription]:
    body = gen.CancelSubscriptionRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        reason=check.text(reason, "reason"),
        feedback=_unset_if_none(check.optional_text(feedback, "feedback")),
    )
    kwargs = _operation("subscriptions.cancel_subscription")._get_kwargs(
        check.identifier(subscription_id, "subscription_id"), body=body
    )
    return _call(kwargs, "cancel_subscription", _parse(m.CanceledSubscription), tenant_id=external_tenant_id)


# ---- entitlements ----------------------------------------------------------------------------


def _parse_can_access(data: Any, meta: Any, request_id: str | None) -> bool:
    # The answer itself: strict. A reply without a boolean canAccess grants nothing by guess.
    value = data.get("canAccess") if type(data) is dict else None
    if value is True or value is False:
        return value
    if type(data) is not dict:
        raise MalformedReply(f"expected an object, got {type(data).__name__}", "data")
    raise MalformedReply(
        "missing" if value is None else f"expected true or false, got {value!r}", "data.canAccess"
    )


def can_access(
    tenant_id: str, feature_key: str | None, product_slug: str | None, amount: int | None
) -> Call[bool]:
    tenant = check.identifier(tenant_id, "tenant_id")
    feature = check.optional_identifier(feature_key, "feature_key")
    slug = check.optional_identifier(product_slug, "product_slug")
    if feature is None and slug is None:
        raise ValueError("can_access needs feature_key, product_slug, or both")
    credits_needed = None if amount is None else check.non_negative_int(amount, "amount")
    body = gen.CanAccessRequest(
        requesting_entity_id=tenant,
        feature_key=_unset_if_none(feature),
        product_slug=_unset_if_none(slug),
        amount=_unset_if_none(credits_needed),
    )
    return _call(
        _operation("entitlements.can_access")._get_kwargs(body=body),
        "can_access",
        _parse_can_access,
        tenant_id=tenant,
    )


# ---- credits ---------------------------------------------------------------------------------


def _parse_balance(data: Any, meta: Any, request_id: str | None) -> m.CreditBalance:
    if type(data) is not dict:
        raise MalformedReply(f"expected an object, got {type(data).__name__}", "data")
    read = reader(m.PoolBalance)
    pools = []
    for key, raw in data.items():
        try:
            pool = read(raw)
        except MalformedReply as error:
            raise error.at(f"data.{key}") from None
        if not pool.pool_key:  # the pool is listed under its key; poolKey repeats it (when sent)
            object.__setattr__(pool, "pool_key", key)
        pools.append(pool)
    return m.CreditBalance(pools=tuple(pools), wire=data, request_id=request_id)


def credit_balance(tenant_id: str) -> Call[m.CreditBalance]:
    tenant = check.identifier(tenant_id, "tenant_id")
    return _call(
        _operation("credits_.get_credit_balance")._get_kwargs(tenant_id=tenant),
        "get_credit_balance",
        _parse_balance,
    )


def consume_credits(
    *,
    tenant_id: str,
    pool_key: str,
    amount: int,
    idempotency_key: str,
    metadata: Mapping[str, Any] | None,
) -> Call[m.ConsumeResult]:
    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.ConsumeCreditsRequest(
        tenant_id=tenant,
        pool_key=check.identifier(pool_key, "pool_key"),
        amount=check.positive_int(amount, "amount"),
        idempotency_key=check.text(idempotency_key, "idempotency_key"),
        metadata=_metadata(check.metadata(metadata)),
    )
    # The body (and so the idempotency key) is built once and resent unchanged on every retry.
    return _call(
        _operation("credits_.consume_credits")._get_kwargs(body=body),
        "consume_credits",
        _parse(m.ConsumeResult),
        tenant_id=tenant,
    )


# ---- add-ons ---------------------------------------------------------------------------------


def list_available_addons(tenant_id: str) -> Call[m.ItemList[m.AvailableAddon]]:
    tenant = check.identifier(tenant_id, "tenant_id")
    return _call(
        _operation("addons.list_available_addons")._get_kwargs(tenant),
        "list_available_addons",
        _parse_list(m.AvailableAddon),
    )


def purchase_addon(
    tenant_id: str,
    *,
    addon_id: str,
    currency: str,
    idempotency_key: str,
    success_url: str | None,
    cancel_url: str | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.AddonPurchase]:
    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.PurchaseAddonRequest(
        addon_id=check.identifier(addon_id, "addon_id"),
        currency=check.text(currency, "currency"),
        idempotency_key=check.text(idempotency_key, "idempotency_key"),
        success_url=_unset_if_none(check.optional_text(success_url, "success_url")),
        cancel_url=_unset_if_none(check.optional_text(cancel_url, "cancel_url")),
        metadata=_metadata(check.metadata(metadata)),
    )
    return _call(
        _operation("addons.purchase_addon")._get_kwargs(tenant, body=body),
        "purchase_addon",
        _parse(m.AddonPurchase),
        tenant_id=tenant,
    )


def get_active_addons(tenant_id: str) -> Call[m.ItemList[m.ActiveAddon]]:
    tenant = check.identifier(tenant_id, "tenant_id")
    return _call(
        _operation("addons.get_active_addons")._get_kwargs(tenant),
        "get_active_addons",
        _parse_list(m.ActiveAddon),
    )


# ---- usage (deprecated) ----------------------------------------------------------------------


def record_usage(
    tenant_id: str, metric: str, value: int, metadata: Mapping[str, Any] | None
) -> Call[m.UsageRecord]:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"value must be an int, not {type(value).__name__}")
    body = gen.RecordUsageRequest(
        requesting_entity_id=check.identifier(tenant_id, "tenant_id"),
        metric=check.identifier(metric, "metric"),
        value=value,
        metadata=_metadata(check.metadata(metadata)),
    )
    return _call(
        _operation("usage.record_usage")._get_kwargs(body=body), "record_usage", _parse(m.UsageRecord)
    )


def check_usage_limit(tenant_id: str, metric: str, product_slug: str | None) -> Call[m.UsageLimit]:
    body = gen.CheckUsageLimitRequest(
        requesting_entity_id=check.identifier(tenant_id, "tenant_id"),
        metric=check.identifier(metric, "metric"),
        product_slug=_unset_if_none(check.optional_identifier(product_slug, "product_slug")),
    )
    return _call(
        _operation("usage.check_usage_limit")._get_kwargs(body=body),
        "check_usage_limit",
        _parse(m.UsageLimit),
    )


# ---- checkout and billing --------------------------------------------------------------------


def create_checkout_session(
    *,
    plan_id: str,
    external_tenant_id: str | None,
    external_user_id: str | None,
    provider: str | None,
    currency: str | None,
    total_capacity_units: int | None,
    user_email: str | None,
    user_name: str | None,
    success_url: str | None,
    cancel_url: str | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.CheckoutSession]:
    tenant = check.optional_identifier(external_tenant_id, "external_tenant_id")
    user = check.optional_identifier(external_user_id, "external_user_id")
    if tenant is None and user is None:
        raise ValueError("create_checkout_session needs external_tenant_id (B2B) or external_user_id (D2C)")
    seats = (
        None
        if total_capacity_units is None
        else check.positive_int(total_capacity_units, "total_capacity_units")
    )
    body = gen.CreateCheckoutRequest(
        plan_id=check.identifier(plan_id, "plan_id"),
        external_tenant_id=_unset_if_none(tenant),
        external_user_id=_unset_if_none(user),
        provider=_unset_if_none(check.optional_text(provider, "provider")),
        currency=_unset_if_none(check.optional_text(currency, "currency")),
        total_capacity_units=_unset_if_none(seats),
        user_email=_unset_if_none(check.optional_text(user_email, "user_email")),
        user_name=_unset_if_none(check.optional_text(user_name, "user_name")),
        success_url=_unset_if_none(check.optional_text(success_url, "success_url")),
        cancel_url=_unset_if_none(check.optional_text(cancel_url, "cancel_url")),
        metadata=_metadata(check.metadata(metadata)),
    )
    # Never retried: a second attempt could open a second checkout and charge twice.
    return _call(
        _operation("checkout.create_checkout_session")._get_kwargs(body=body),
        "create_checkout_session",
        _parse(m.CheckoutSession),
        retryable=False,
        tenant_id=tenant,
    )


def get_invoices(external_tenant_id: str) -> Call[m.InvoiceList]:
    tenant = check.identifier(external_tenant_id, "external_tenant_id")
    return _call(
        _operation("billing.get_invoices")._get_kwargs(external_tenant_id=tenant),
        "get_invoices",
        _parse(m.InvoiceList),
    )


def _parse_token(url_key: str) -> Callable[[Any, Any, str | None], m.Token]:
    def parse(data: Any, meta: Any, request_id: str | None) -> m.Token:
        token = _stamp(read_as(m.Token, data, "data"), request_id)
        meta = meta if type(meta) is dict else {}
        try:
            url = meta.get(url_key)
            expires_in = meta.get("expiresIn", data.get("expiresIn"))
            object.__setattr__(token, "url", None if url is None else read_str(url))
            object.__setattr__(token, "expires_in", None if expires_in is None else read_int(expires_in))
        except MalformedReply as error:
            raise error.at("meta") from None
        return token

    return parse


def create_checkout_token(
    external_tenant_id: str,
    return_url: str,
    plan_id: str | None,
    external_user_id: str | None,
    user_email: str | None,
) -> Call[m.Token]:
    body = gen.CheckoutTokenRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        return_url=check.text(return_url, "return_url"),
        plan_id=_unset_if_none(check.optional_identifier(plan_id, "plan_id")),
        external_user_id=_unset_if_none(check.optional_identifier(external_user_id, "external_user_id")),
        user_email=_unset_if_none(check.optional_text(user_email, "user_email")),
    )
    return _call(
        _operation("auth.create_checkout_token")._get_kwargs(body=body),
        "create_checkout_token",
        _parse_token("checkoutUrl"),
    )


def create_portal_token(external_tenant_id: str, return_url: str) -> Call[m.Token]:
    body = gen.PortalTokenRequest(
        external_tenant_id=check.identifier(external_tenant_id, "external_tenant_id"),
        return_url=check.text(return_url, "return_url"),
    )
    return _call(
        _operation("auth.create_portal_token")._get_kwargs(body=body),
        "create_portal_token",
        _parse_token("portalUrl"),
    )


# ---- seats (capacity) ------------------------------------------------------------------------


def capacity_count(tenant_id: str) -> Call[m.CapacityCount]:
    body = gen.CapacityCountRequest(requesting_entity_id=check.identifier(tenant_id, "tenant_id"))
    return _call(
        _operation("capacity.get_capacity_count")._get_kwargs(body=body),
        "get_capacity_count",
        _parse(m.CapacityCount),
    )


def allocate_seat(
    tenant_id: str,
    external_user_id: str,
    *,
    email: str | None,
    name: str | None,
    confirm_proration: bool | None,
    metadata: Mapping[str, Any] | None,
) -> Call[m.SeatAllocationResult]:
    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.AllocateSeatRequest(
        requesting_entity_id=tenant,
        external_user_id=check.identifier(external_user_id, "external_user_id"),
        email=_unset_if_none(check.optional_text(email, "email")),
        name=_unset_if_none(check.optional_text(name, "name")),
        confirm_proration=_unset_if_none(check.optional_bool(confirm_proration, "confirm_proration")),
        metadata=_metadata(check.metadata(metadata)),
    )
    return _call(
        _operation("capacity.allocate_seat")._get_kwargs(body=body),
        "allocate_seat",
        _parse(m.SeatAllocationResult),
        tenant_id=tenant,
    )


def bulk_allocate_seats(
    tenant_id: str, users: Sequence[Mapping[str, Any]], metadata: Mapping[str, Any] | None
) -> Call[m.BulkAllocation]:
    tenant = check.identifier(tenant_id, "tenant_id")
    body = gen.BulkAllocateRequest(
        requesting_entity_id=tenant,
        users=[
            gen.SeatUser(external_user_id=uid, email=_unset_if_none(email), name=_unset_if_none(name))
            for uid, email, name in check.seat_users(users)
        ],
        metadata=_metadata(check.metadata(metadata)),
    )
    # Never retried: a replay after a lost response could allocate seats twice.
    return _call(
        _operation("capacity.bulk_allocate_seats")._get_kwargs(body=body),
        "bulk_allocate_seats",
        _parse(m.BulkAllocation),
        retryable=False,
        tenant_id=tenant,
    )


def list_seat_allocations(
    tenant_id: str, status: str | None, page: int, limit: int
) -> Call[m.SeatAllocationPage]:
    tenant = check.identifier(tenant_id, "tenant_id")
    status_filter = None
    if status is not None:
        try:
            status_filter = gen.AllocationStatusFilter(status)
        except ValueError:
            raise ValueError("status must be 'active', 'removed' or 'all'") from None
    page = check.positive_int(page, "page")
    limit = check.positive_int(limit, "limit")
    if limit > 100:
        raise ValueError(f"limit must be at most 100, got {limit}")
    kwargs = _operation("capacity.list_seat_allocations")._get_kwargs(
        requesting_entity_id=tenant, status=_unset_if_none(status_filter), page=page, limit=limit
    )
    return _call(kwargs, "list_seat_allocations", _parse(m.SeatAllocationPage))


def create_proration_checkout(
    external_tenant_id: str,
    new_capacity: int,
    plan_id: str | None,
    success_url: str | None,
    cancel_url: str | None,
) -> Call[m.ProrationCheckout]:
    tenant = check.identifier(external_tenant_id, "external_tenant_id")
    body = gen.ProrationCheckoutRequest(
        external_tenant_id=tenant,
        new_capacity=check.positive_int(new_capacity, "new_capacity"),
        plan_id=_unset_if_none(check.optional_identifier(plan_id, "plan_id")),
        success_url=_unset_if_none(check.optional_text(success_url, "success_url")),
        cancel_url=_unset_if_none(check.optional_text(cancel_url, "cancel_url")),
    )
    return _call(
        _operation("capacity.create_proration_checkout")._get_kwargs(body=body),
        "create_proration_checkout",
        _parse(m.ProrationCheckout),
        retryable=False,
        tenant_id=tenant,
    )
