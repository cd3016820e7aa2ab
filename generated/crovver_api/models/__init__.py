"""Contains all the data models used in inputs/outputs

Loaded lazily (a custom template of the Crovver SDK, kept in .codegen/templates): importing this
package imports no model; ``models.Plan`` imports only the module that defines it.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .access_status import AccessStatus
    from .active_addon_pool import ActiveAddonPool
    from .active_addons_envelope import ActiveAddonsEnvelope
    from .addon_expiry_type import AddonExpiryType
    from .allocate_seat_data import AllocateSeatData
    from .allocate_seat_envelope import AllocateSeatEnvelope
    from .allocate_seat_request import AllocateSeatRequest
    from .allocation_status import AllocationStatus
    from .allocation_status_filter import AllocationStatusFilter
    from .available_addon import AvailableAddon
    from .available_addons_envelope import AvailableAddonsEnvelope
    from .billing_interval import BillingInterval
    from .billing_mode import BillingMode
    from .bulk_allocate_data import BulkAllocateData
    from .bulk_allocate_envelope import BulkAllocateEnvelope
    from .bulk_allocate_request import BulkAllocateRequest
    from .can_access_credits import CanAccessCredits
    from .can_access_data import CanAccessData
    from .can_access_envelope import CanAccessEnvelope
    from .can_access_request import CanAccessRequest
    from .cancel_subscription_data import CancelSubscriptionData
    from .cancel_subscription_envelope import CancelSubscriptionEnvelope
    from .cancel_subscription_request import CancelSubscriptionRequest
    from .capacity_count_data import CapacityCountData
    from .capacity_count_envelope import CapacityCountEnvelope
    from .capacity_count_request import CapacityCountRequest
    from .check_usage_limit_data import CheckUsageLimitData
    from .check_usage_limit_envelope import CheckUsageLimitEnvelope
    from .check_usage_limit_request import CheckUsageLimitRequest
    from .checkout_session_data import CheckoutSessionData
    from .checkout_session_envelope import CheckoutSessionEnvelope
    from .checkout_token_envelope import CheckoutTokenEnvelope
    from .checkout_token_meta import CheckoutTokenMeta
    from .checkout_token_request import CheckoutTokenRequest
    from .consume_credits_data import ConsumeCreditsData
    from .consume_credits_envelope import ConsumeCreditsEnvelope
    from .consume_credits_request import ConsumeCreditsRequest
    from .consume_outcome import ConsumeOutcome
    from .create_checkout_request import CreateCheckoutRequest
    from .create_tenant_data import CreateTenantData
    from .create_tenant_envelope import CreateTenantEnvelope
    from .create_tenant_request import CreateTenantRequest
    from .credit_balance_data import CreditBalanceData
    from .credit_balance_envelope import CreditBalanceEnvelope
    from .credit_pool_definition import CreditPoolDefinition
    from .error_code import ErrorCode
    from .error_envelope import ErrorEnvelope
    from .error_object import ErrorObject
    from .get_tenants_envelope import GetTenantsEnvelope
    from .invoice import Invoice
    from .invoice_status import InvoiceStatus
    from .invoice_type import InvoiceType
    from .invoices_data import InvoicesData
    from .invoices_envelope import InvoicesEnvelope
    from .limit_behavior import LimitBehavior
    from .metadata import Metadata
    from .organization import Organization
    from .organization_type import OrganizationType
    from .pagination import Pagination
    from .payment_provider_info import PaymentProviderInfo
    from .plan import Plan
    from .plan_features import PlanFeatures
    from .plan_limits import PlanLimits
    from .plan_price import PlanPrice
    from .plan_pricing import PlanPricing
    from .plan_trial import PlanTrial
    from .plans_data import PlansData
    from .plans_envelope import PlansEnvelope
    from .pool_balance import PoolBalance
    from .portal_token_envelope import PortalTokenEnvelope
    from .portal_token_meta import PortalTokenMeta
    from .portal_token_request import PortalTokenRequest
    from .product import Product
    from .proration_checkout_data import ProrationCheckoutData
    from .proration_checkout_envelope import ProrationCheckoutEnvelope
    from .proration_checkout_request import ProrationCheckoutRequest
    from .proration_explanation import ProrationExplanation
    from .providers_data import ProvidersData
    from .providers_envelope import ProvidersEnvelope
    from .purchase_addon_data import PurchaseAddonData
    from .purchase_addon_envelope import PurchaseAddonEnvelope
    from .purchase_addon_request import PurchaseAddonRequest
    from .record_usage_data import RecordUsageData
    from .record_usage_envelope import RecordUsageEnvelope
    from .record_usage_request import RecordUsageRequest
    from .refill_behavior import RefillBehavior
    from .seat_allocation import SeatAllocation
    from .seat_allocations_data import SeatAllocationsData
    from .seat_allocations_envelope import SeatAllocationsEnvelope
    from .seat_capacity import SeatCapacity
    from .seat_proration import SeatProration
    from .seat_user import SeatUser
    from .status_plan import StatusPlan
    from .status_subscription import StatusSubscription
    from .status_tenant import StatusTenant
    from .subscription import Subscription
    from .subscription_billing import SubscriptionBilling
    from .subscription_cancellation import SubscriptionCancellation
    from .subscription_capacity import SubscriptionCapacity
    from .subscription_plan import SubscriptionPlan
    from .subscription_status import SubscriptionStatus
    from .subscription_status_data import SubscriptionStatusData
    from .subscription_status_envelope import SubscriptionStatusEnvelope
    from .subscription_tenant import SubscriptionTenant
    from .subscription_trial import SubscriptionTrial
    from .subscriptions_data import SubscriptionsData
    from .subscriptions_envelope import SubscriptionsEnvelope
    from .supported_provider import SupportedProvider
    from .tenant import Tenant
    from .tenant_list_data import TenantListData
    from .tenant_lookup_data import TenantLookupData
    from .tenant_member import TenantMember
    from .tenant_owner import TenantOwner
    from .token_data import TokenData
    from .webhook_event import WebhookEvent
    from .webhook_event_type import WebhookEventType
    from .webhook_subscription_data import WebhookSubscriptionData

_MODULES = {
    "AccessStatus": ".access_status",
    "ActiveAddonPool": ".active_addon_pool",
    "ActiveAddonsEnvelope": ".active_addons_envelope",
    "AddonExpiryType": ".addon_expiry_type",
    "AllocateSeatData": ".allocate_seat_data",
    "AllocateSeatEnvelope": ".allocate_seat_envelope",
    "AllocateSeatRequest": ".allocate_seat_request",
    "AllocationStatus": ".allocation_status",
    "AllocationStatusFilter": ".allocation_status_filter",
    "AvailableAddon": ".available_addon",
    "AvailableAddonsEnvelope": ".available_addons_envelope",
    "BillingInterval": ".billing_interval",
    "BillingMode": ".billing_mode",
    "BulkAllocateData": ".bulk_allocate_data",
    "BulkAllocateEnvelope": ".bulk_allocate_envelope",
    "BulkAllocateRequest": ".bulk_allocate_request",
    "CanAccessCredits": ".can_access_credits",
    "CanAccessData": ".can_access_data",
    "CanAccessEnvelope": ".can_access_envelope",
    "CanAccessRequest": ".can_access_request",
    "CancelSubscriptionData": ".cancel_subscription_data",
    "CancelSubscriptionEnvelope": ".cancel_subscription_envelope",
    "CancelSubscriptionRequest": ".cancel_subscription_request",
    "CapacityCountData": ".capacity_count_data",
    "CapacityCountEnvelope": ".capacity_count_envelope",
    "CapacityCountRequest": ".capacity_count_request",
    "CheckUsageLimitData": ".check_usage_limit_data",
    "CheckUsageLimitEnvelope": ".check_usage_limit_envelope",
    "CheckUsageLimitRequest": ".check_usage_limit_request",
    "CheckoutSessionData": ".checkout_session_data",
    "CheckoutSessionEnvelope": ".checkout_session_envelope",
    "CheckoutTokenEnvelope": ".checkout_token_envelope",
    "CheckoutTokenMeta": ".checkout_token_meta",
    "CheckoutTokenRequest": ".checkout_token_request",
    "ConsumeCreditsData": ".consume_credits_data",
    "ConsumeCreditsEnvelope": ".consume_credits_envelope",
    "ConsumeCreditsRequest": ".consume_credits_request",
    "ConsumeOutcome": ".consume_outcome",
    "CreateCheckoutRequest": ".create_checkout_request",
    "CreateTenantData": ".create_tenant_data",
    "CreateTenantEnvelope": ".create_tenant_envelope",
    "CreateTenantRequest": ".create_tenant_request",
    "CreditBalanceData": ".credit_balance_data",
    "CreditBalanceEnvelope": ".credit_balance_envelope",
    "CreditPoolDefinition": ".credit_pool_definition",
    "ErrorCode": ".error_code",
    "ErrorEnvelope": ".error_envelope",
    "ErrorObject": ".error_object",
    "GetTenantsEnvelope": ".get_tenants_envelope",
    "Invoice": ".invoice",
    "InvoiceStatus": ".invoice_status",
    "InvoiceType": ".invoice_type",
    "InvoicesData": ".invoices_data",
    "InvoicesEnvelope": ".invoices_envelope",
    "LimitBehavior": ".limit_behavior",
    "Metadata": ".metadata",
    "Organization": ".organization",
    "OrganizationType": ".organization_type",
    "Pagination": ".pagination",
    "PaymentProviderInfo": ".payment_provider_info",
    "Plan": ".plan",
    "PlanFeatures": ".plan_features",
    "PlanLimits": ".plan_limits",
    "PlanPrice": ".plan_price",
    "PlanPricing": ".plan_pricing",
    "PlanTrial": ".plan_trial",
    "PlansData": ".plans_data",
    "PlansEnvelope": ".plans_envelope",
    "PoolBalance": ".pool_balance",
    "PortalTokenEnvelope": ".portal_token_envelope",
    "PortalTokenMeta": ".portal_token_meta",
    "PortalTokenRequest": ".portal_token_request",
    "Product": ".product",
    "ProrationCheckoutData": ".proration_checkout_data",
    "ProrationCheckoutEnvelope": ".proration_checkout_envelope",
    "ProrationCheckoutRequest": ".proration_checkout_request",
    "ProrationExplanation": ".proration_explanation",
    "ProvidersData": ".providers_data",
    "ProvidersEnvelope": ".providers_envelope",
    "PurchaseAddonData": ".purchase_addon_data",
    "PurchaseAddonEnvelope": ".purchase_addon_envelope",
    "PurchaseAddonRequest": ".purchase_addon_request",
    "RecordUsageData": ".record_usage_data",
    "RecordUsageEnvelope": ".record_usage_envelope",
    "RecordUsageRequest": ".record_usage_request",
    "RefillBehavior": ".refill_behavior",
    "SeatAllocation": ".seat_allocation",
    "SeatAllocationsData": ".seat_allocations_data",
    "SeatAllocationsEnvelope": ".seat_allocations_envelope",
    "SeatCapacity": ".seat_capacity",
    "SeatProration": ".seat_proration",
    "SeatUser": ".seat_user",
    "StatusPlan": ".status_plan",
    "StatusSubscription": ".status_subscription",
    "StatusTenant": ".status_tenant",
    "Subscription": ".subscription",
    "SubscriptionBilling": ".subscription_billing",
    "SubscriptionCancellation": ".subscription_cancellation",
    "SubscriptionCapacity": ".subscription_capacity",
    "SubscriptionPlan": ".subscription_plan",
    "SubscriptionStatus": ".subscription_status",
    "SubscriptionStatusData": ".subscription_status_data",
    "SubscriptionStatusEnvelope": ".subscription_status_envelope",
    "SubscriptionTenant": ".subscription_tenant",
    "SubscriptionTrial": ".subscription_trial",
    "SubscriptionsData": ".subscriptions_data",
    "SubscriptionsEnvelope": ".subscriptions_envelope",
    "SupportedProvider": ".supported_provider",
    "Tenant": ".tenant",
    "TenantListData": ".tenant_list_data",
    "TenantLookupData": ".tenant_lookup_data",
    "TenantMember": ".tenant_member",
    "TenantOwner": ".tenant_owner",
    "TokenData": ".token_data",
    "WebhookEvent": ".webhook_event",
    "WebhookEventType": ".webhook_event_type",
    "WebhookSubscriptionData": ".webhook_subscription_data",
}

__all__ = (
    "AccessStatus",
    "ActiveAddonPool",
    "ActiveAddonsEnvelope",
    "AddonExpiryType",
    "AllocateSeatData",
    "AllocateSeatEnvelope",
    "AllocateSeatRequest",
    "AllocationStatus",
    "AllocationStatusFilter",
    "AvailableAddon",
    "AvailableAddonsEnvelope",
    "BillingInterval",
    "BillingMode",
    "BulkAllocateData",
    "BulkAllocateEnvelope",
    "BulkAllocateRequest",
    "CanAccessCredits",
    "CanAccessData",
    "CanAccessEnvelope",
    "CanAccessRequest",
    "CancelSubscriptionData",
    "CancelSubscriptionEnvelope",
    "CancelSubscriptionRequest",
    "CapacityCountData",
    "CapacityCountEnvelope",
    "CapacityCountRequest",
    "CheckoutSessionData",
    "CheckoutSessionEnvelope",
    "CheckoutTokenEnvelope",
    "CheckoutTokenMeta",
    "CheckoutTokenRequest",
    "CheckUsageLimitData",
    "CheckUsageLimitEnvelope",
    "CheckUsageLimitRequest",
    "ConsumeCreditsData",
    "ConsumeCreditsEnvelope",
    "ConsumeCreditsRequest",
    "ConsumeOutcome",
    "CreateCheckoutRequest",
    "CreateTenantData",
    "CreateTenantEnvelope",
    "CreateTenantRequest",
    "CreditBalanceData",
    "CreditBalanceEnvelope",
    "CreditPoolDefinition",
    "ErrorCode",
    "ErrorEnvelope",
    "ErrorObject",
    "GetTenantsEnvelope",
    "Invoice",
    "InvoicesData",
    "InvoicesEnvelope",
    "InvoiceStatus",
    "InvoiceType",
    "LimitBehavior",
    "Metadata",
    "Organization",
    "OrganizationType",
    "Pagination",
    "PaymentProviderInfo",
    "Plan",
    "PlanFeatures",
    "PlanLimits",
    "PlanPrice",
    "PlanPricing",
    "PlansData",
    "PlansEnvelope",
    "PlanTrial",
    "PoolBalance",
    "PortalTokenEnvelope",
    "PortalTokenMeta",
    "PortalTokenRequest",
    "Product",
    "ProrationCheckoutData",
    "ProrationCheckoutEnvelope",
    "ProrationCheckoutRequest",
    "ProrationExplanation",
    "ProvidersData",
    "ProvidersEnvelope",
    "PurchaseAddonData",
    "PurchaseAddonEnvelope",
    "PurchaseAddonRequest",
    "RecordUsageData",
    "RecordUsageEnvelope",
    "RecordUsageRequest",
    "RefillBehavior",
    "SeatAllocation",
    "SeatAllocationsData",
    "SeatAllocationsEnvelope",
    "SeatCapacity",
    "SeatProration",
    "SeatUser",
    "StatusPlan",
    "StatusSubscription",
    "StatusTenant",
    "Subscription",
    "SubscriptionBilling",
    "SubscriptionCancellation",
    "SubscriptionCapacity",
    "SubscriptionPlan",
    "SubscriptionsData",
    "SubscriptionsEnvelope",
    "SubscriptionStatus",
    "SubscriptionStatusData",
    "SubscriptionStatusEnvelope",
    "SubscriptionTenant",
    "SubscriptionTrial",
    "SupportedProvider",
    "Tenant",
    "TenantListData",
    "TenantLookupData",
    "TenantMember",
    "TenantOwner",
    "TokenData",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookSubscriptionData",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
