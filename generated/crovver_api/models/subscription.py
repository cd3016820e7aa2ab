from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.payment_provider_info import PaymentProviderInfo
    from ..models.product import Product
    from ..models.subscription_billing import SubscriptionBilling
    from ..models.subscription_cancellation import SubscriptionCancellation
    from ..models.subscription_capacity import SubscriptionCapacity
    from ..models.subscription_plan import SubscriptionPlan
    from ..models.subscription_trial import SubscriptionTrial


T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """No docs example: the shape of crovver-node's and crovver-php's types, snake_case on the
    wire. crovver-php falls back to `providerSubscriptionId`, `paymentProviders`, `createdAt`
    and `updatedAt`; each spelling is its own optional property.

    """

    id: str
    status: str | SubscriptionStatus
    provider_subscription_id: None | str | Unset = UNSET
    providerSubscriptionId: None | str | Unset = UNSET
    """ `provider_subscription_id` in camelCase (crovver-php falls back to it). """
    billing: SubscriptionBilling | Unset = UNSET
    trial: SubscriptionTrial | Unset = UNSET
    cancellation: SubscriptionCancellation | Unset = UNSET
    plan: SubscriptionPlan | Unset = UNSET
    product: None | Product | Unset = UNSET
    payment_providers: list[PaymentProviderInfo] | Unset = UNSET
    paymentProviders: list[PaymentProviderInfo] | Unset = UNSET
    """ `payment_providers` in camelCase (crovver-php falls back to it). """
    capacity: None | SubscriptionCapacity | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    createdAt: datetime.datetime | None | Unset = UNSET
    """ `created_at` in camelCase (crovver-php falls back to it). """
    updated_at: datetime.datetime | None | Unset = UNSET
    updatedAt: datetime.datetime | None | Unset = UNSET
    """ `updated_at` in camelCase (crovver-php falls back to it). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.product import Product  # noqa: PLC0415
        from ..models.subscription_capacity import SubscriptionCapacity  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, SubscriptionStatus):
            status = self.status.value
        else:
            status = self.status

        provider_subscription_id: None | str | Unset
        if isinstance(self.provider_subscription_id, Unset):
            provider_subscription_id = UNSET
        else:
            provider_subscription_id = self.provider_subscription_id

        providerSubscriptionId: None | str | Unset
        if isinstance(self.providerSubscriptionId, Unset):
            providerSubscriptionId = UNSET
        else:
            providerSubscriptionId = self.providerSubscriptionId

        billing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing, Unset):
            billing = self.billing.to_dict()

        trial: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trial, Unset):
            trial = self.trial.to_dict()

        cancellation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cancellation, Unset):
            cancellation = self.cancellation.to_dict()

        plan: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plan, Unset):
            plan = self.plan.to_dict()

        product: dict[str, Any] | None | Unset
        if isinstance(self.product, Unset):
            product = UNSET
        elif isinstance(self.product, Product):
            product = self.product.to_dict()
        else:
            product = self.product

        payment_providers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payment_providers, Unset):
            payment_providers = []
            for payment_providers_item_data in self.payment_providers:
                payment_providers_item = payment_providers_item_data.to_dict()
                payment_providers.append(payment_providers_item)

        paymentProviders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.paymentProviders, Unset):
            paymentProviders = []
            for payment_providers_item_data in self.paymentProviders:
                payment_providers_item = payment_providers_item_data.to_dict()
                paymentProviders.append(payment_providers_item)

        capacity: dict[str, Any] | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        elif isinstance(self.capacity, SubscriptionCapacity):
            capacity = self.capacity.to_dict()
        else:
            capacity = self.capacity

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        createdAt: None | str | Unset
        if isinstance(self.createdAt, Unset):
            createdAt = UNSET
        elif isinstance(self.createdAt, datetime.datetime):
            createdAt = self.createdAt.isoformat()
        else:
            createdAt = self.createdAt

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updatedAt: None | str | Unset
        if isinstance(self.updatedAt, Unset):
            updatedAt = UNSET
        elif isinstance(self.updatedAt, datetime.datetime):
            updatedAt = self.updatedAt.isoformat()
        else:
            updatedAt = self.updatedAt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if provider_subscription_id is not UNSET:
            field_dict["provider_subscription_id"] = provider_subscription_id
        if providerSubscriptionId is not UNSET:
            field_dict["providerSubscriptionId"] = providerSubscriptionId
        if billing is not UNSET:
            field_dict["billing"] = billing
        if trial is not UNSET:
            field_dict["trial"] = trial
        if cancellation is not UNSET:
            field_dict["cancellation"] = cancellation
        if plan is not UNSET:
            field_dict["plan"] = plan
        if product is not UNSET:
            field_dict["product"] = product
        if payment_providers is not UNSET:
            field_dict["payment_providers"] = payment_providers
        if paymentProviders is not UNSET:
            field_dict["paymentProviders"] = paymentProviders
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if createdAt is not UNSET:
            field_dict["createdAt"] = createdAt
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if updatedAt is not UNSET:
            field_dict["updatedAt"] = updatedAt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.payment_provider_info import PaymentProviderInfo  # noqa: PLC0415
        from ..models.product import Product  # noqa: PLC0415
        from ..models.subscription_billing import SubscriptionBilling  # noqa: PLC0415
        from ..models.subscription_cancellation import SubscriptionCancellation  # noqa: PLC0415
        from ..models.subscription_capacity import SubscriptionCapacity  # noqa: PLC0415
        from ..models.subscription_plan import SubscriptionPlan  # noqa: PLC0415
        from ..models.subscription_trial import SubscriptionTrial  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> str | SubscriptionStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SubscriptionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | SubscriptionStatus, data)

        status = _parse_status(d.pop("status"))

        def _parse_provider_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_subscription_id = _parse_provider_subscription_id(d.pop("provider_subscription_id", UNSET))

        def _parse_providerSubscriptionId(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        providerSubscriptionId = _parse_providerSubscriptionId(d.pop("providerSubscriptionId", UNSET))

        _billing = d.pop("billing", UNSET)
        billing: SubscriptionBilling | Unset
        if isinstance(_billing, Unset):
            billing = UNSET
        else:
            billing = SubscriptionBilling.from_dict(_billing)

        _trial = d.pop("trial", UNSET)
        trial: SubscriptionTrial | Unset
        if isinstance(_trial, Unset):
            trial = UNSET
        else:
            trial = SubscriptionTrial.from_dict(_trial)

        _cancellation = d.pop("cancellation", UNSET)
        cancellation: SubscriptionCancellation | Unset
        if isinstance(_cancellation, Unset):
            cancellation = UNSET
        else:
            cancellation = SubscriptionCancellation.from_dict(_cancellation)

        _plan = d.pop("plan", UNSET)
        plan: SubscriptionPlan | Unset
        if isinstance(_plan, Unset):
            plan = UNSET
        else:
            plan = SubscriptionPlan.from_dict(_plan)

        def _parse_product(data: object) -> None | Product | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                product_type_0 = Product.from_dict(data)

                return product_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Product | Unset, data)

        product = _parse_product(d.pop("product", UNSET))

        _payment_providers = d.pop("payment_providers", UNSET)
        payment_providers: list[PaymentProviderInfo] | Unset = UNSET
        if _payment_providers is not UNSET:
            payment_providers = []
            for payment_providers_item_data in _payment_providers:
                payment_providers_item = PaymentProviderInfo.from_dict(payment_providers_item_data)

                payment_providers.append(payment_providers_item)

        _paymentProviders = d.pop("paymentProviders", UNSET)
        paymentProviders: list[PaymentProviderInfo] | Unset = UNSET
        if _paymentProviders is not UNSET:
            paymentProviders = []
            for payment_providers_item_data in _paymentProviders:
                payment_providers_item = PaymentProviderInfo.from_dict(payment_providers_item_data)

                paymentProviders.append(payment_providers_item)

        def _parse_capacity(data: object) -> None | SubscriptionCapacity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capacity_type_0 = SubscriptionCapacity.from_dict(data)

                return capacity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubscriptionCapacity | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_createdAt(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        createdAt = _parse_createdAt(d.pop("createdAt", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_updatedAt(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updatedAt = _parse_updatedAt(d.pop("updatedAt", UNSET))

        subscription = cls(
            id=id,
            status=status,
            provider_subscription_id=provider_subscription_id,
            providerSubscriptionId=providerSubscriptionId,
            billing=billing,
            trial=trial,
            cancellation=cancellation,
            plan=plan,
            product=product,
            payment_providers=payment_providers,
            paymentProviders=paymentProviders,
            capacity=capacity,
            metadata=metadata,
            created_at=created_at,
            createdAt=createdAt,
            updated_at=updated_at,
            updatedAt=updatedAt,
        )

        subscription.additional_properties = d
        return subscription

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
