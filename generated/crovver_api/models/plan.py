from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_pool_definition import CreditPoolDefinition
    from ..models.payment_provider_info import PaymentProviderInfo
    from ..models.plan_features import PlanFeatures
    from ..models.plan_limits import PlanLimits
    from ..models.plan_price import PlanPrice
    from ..models.plan_pricing import PlanPricing
    from ..models.plan_trial import PlanTrial
    from ..models.product import Product


T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """The docs' plans have no `limits`, `createdAt` or `updatedAt`. crovver-php reads the
    snake_case `payment_providers`, `created_at`, `updated_at` (and `is_free`, `isActive` or
    `is_active`); crovver-node lists both spellings. Each spelling is its own optional property.

    """

    id: str
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    pricing: PlanPricing | Unset = UNSET
    """ The plan's first (default) price. A flat plan carries `amount`; a seat-based plan carries
    `basePrice`, `includedSeats`, `perSeatPrice`, `minSeats`, `maxSeats` instead (docs).
     """
    prices: list[PlanPrice] | Unset = UNSET
    trial: None | PlanTrial | Unset = UNSET
    features: PlanFeatures | Unset = UNSET
    """ Feature key to on/off. """
    limits: PlanLimits | Unset = UNSET
    """ Limit key to a number; null means unlimited. """
    credit_pools: list[CreditPoolDefinition] | Unset = UNSET
    product: Product | Unset = UNSET
    paymentProviders: list[PaymentProviderInfo] | Unset = UNSET
    payment_providers: list[PaymentProviderInfo] | Unset = UNSET
    """ `paymentProviders` under its snake_case name (crovver-php reads this one). """
    isFree: bool | Unset = UNSET
    is_free: bool | Unset = UNSET
    """ `isFree` under its snake_case name (crovver-php falls back to it). """
    is_seat_based: bool | Unset = UNSET
    isActive: bool | None | Unset = UNSET
    """ Whether the plan is active (crovver-php; the docs list only active plans). """
    is_active: bool | None | Unset = UNSET
    """ `isActive` under its snake_case name (crovver-php falls back to it). """
    test_mode: bool | Unset = UNSET
    createdAt: datetime.datetime | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    """ `createdAt` under its snake_case name (crovver-php reads this one). """
    updatedAt: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    """ `updatedAt` under its snake_case name (crovver-php reads this one). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_trial import PlanTrial  # noqa: PLC0415

        id = self.id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pricing, Unset):
            pricing = self.pricing.to_dict()

        prices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.prices, Unset):
            prices = []
            for prices_item_data in self.prices:
                prices_item = prices_item_data.to_dict()
                prices.append(prices_item)

        trial: dict[str, Any] | None | Unset
        if isinstance(self.trial, Unset):
            trial = UNSET
        elif isinstance(self.trial, PlanTrial):
            trial = self.trial.to_dict()
        else:
            trial = self.trial

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

        credit_pools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.credit_pools, Unset):
            credit_pools = []
            for credit_pools_item_data in self.credit_pools:
                credit_pools_item = credit_pools_item_data.to_dict()
                credit_pools.append(credit_pools_item)

        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        paymentProviders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.paymentProviders, Unset):
            paymentProviders = []
            for payment_providers_item_data in self.paymentProviders:
                payment_providers_item = payment_providers_item_data.to_dict()
                paymentProviders.append(payment_providers_item)

        payment_providers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payment_providers, Unset):
            payment_providers = []
            for payment_providers_item_data in self.payment_providers:
                payment_providers_item = payment_providers_item_data.to_dict()
                payment_providers.append(payment_providers_item)

        isFree = self.isFree

        is_free = self.is_free

        is_seat_based = self.is_seat_based

        isActive: bool | None | Unset
        if isinstance(self.isActive, Unset):
            isActive = UNSET
        else:
            isActive = self.isActive

        is_active: bool | None | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        test_mode = self.test_mode

        createdAt: str | Unset = UNSET
        if not isinstance(self.createdAt, Unset):
            createdAt = self.createdAt.isoformat()

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updatedAt: str | Unset = UNSET
        if not isinstance(self.updatedAt, Unset):
            updatedAt = self.updatedAt.isoformat()

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if pricing is not UNSET:
            field_dict["pricing"] = pricing
        if prices is not UNSET:
            field_dict["prices"] = prices
        if trial is not UNSET:
            field_dict["trial"] = trial
        if features is not UNSET:
            field_dict["features"] = features
        if limits is not UNSET:
            field_dict["limits"] = limits
        if credit_pools is not UNSET:
            field_dict["creditPools"] = credit_pools
        if product is not UNSET:
            field_dict["product"] = product
        if paymentProviders is not UNSET:
            field_dict["paymentProviders"] = paymentProviders
        if payment_providers is not UNSET:
            field_dict["payment_providers"] = payment_providers
        if isFree is not UNSET:
            field_dict["isFree"] = isFree
        if is_free is not UNSET:
            field_dict["is_free"] = is_free
        if is_seat_based is not UNSET:
            field_dict["isSeatBased"] = is_seat_based
        if isActive is not UNSET:
            field_dict["isActive"] = isActive
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if test_mode is not UNSET:
            field_dict["test_mode"] = test_mode
        if createdAt is not UNSET:
            field_dict["createdAt"] = createdAt
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updatedAt is not UNSET:
            field_dict["updatedAt"] = updatedAt
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_pool_definition import CreditPoolDefinition  # noqa: PLC0415
        from ..models.payment_provider_info import PaymentProviderInfo  # noqa: PLC0415
        from ..models.plan_features import PlanFeatures  # noqa: PLC0415
        from ..models.plan_limits import PlanLimits  # noqa: PLC0415
        from ..models.plan_price import PlanPrice  # noqa: PLC0415
        from ..models.plan_pricing import PlanPricing  # noqa: PLC0415
        from ..models.plan_trial import PlanTrial  # noqa: PLC0415
        from ..models.product import Product  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _pricing = d.pop("pricing", UNSET)
        pricing: PlanPricing | Unset
        if isinstance(_pricing, Unset):
            pricing = UNSET
        else:
            pricing = PlanPricing.from_dict(_pricing)

        _prices = d.pop("prices", UNSET)
        prices: list[PlanPrice] | Unset = UNSET
        if _prices is not UNSET:
            prices = []
            for prices_item_data in _prices:
                prices_item = PlanPrice.from_dict(prices_item_data)

                prices.append(prices_item)

        def _parse_trial(data: object) -> None | PlanTrial | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trial_type_0 = PlanTrial.from_dict(data)

                return trial_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanTrial | Unset, data)

        trial = _parse_trial(d.pop("trial", UNSET))

        _features = d.pop("features", UNSET)
        features: PlanFeatures | Unset
        if isinstance(_features, Unset):
            features = UNSET
        else:
            features = PlanFeatures.from_dict(_features)

        _limits = d.pop("limits", UNSET)
        limits: PlanLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            limits = PlanLimits.from_dict(_limits)

        _credit_pools = d.pop("creditPools", UNSET)
        credit_pools: list[CreditPoolDefinition] | Unset = UNSET
        if _credit_pools is not UNSET:
            credit_pools = []
            for credit_pools_item_data in _credit_pools:
                credit_pools_item = CreditPoolDefinition.from_dict(credit_pools_item_data)

                credit_pools.append(credit_pools_item)

        _product = d.pop("product", UNSET)
        product: Product | Unset
        if isinstance(_product, Unset):
            product = UNSET
        else:
            product = Product.from_dict(_product)

        _paymentProviders = d.pop("paymentProviders", UNSET)
        paymentProviders: list[PaymentProviderInfo] | Unset = UNSET
        if _paymentProviders is not UNSET:
            paymentProviders = []
            for payment_providers_item_data in _paymentProviders:
                payment_providers_item = PaymentProviderInfo.from_dict(payment_providers_item_data)

                paymentProviders.append(payment_providers_item)

        _payment_providers = d.pop("payment_providers", UNSET)
        payment_providers: list[PaymentProviderInfo] | Unset = UNSET
        if _payment_providers is not UNSET:
            payment_providers = []
            for payment_providers_item_data in _payment_providers:
                payment_providers_item = PaymentProviderInfo.from_dict(payment_providers_item_data)

                payment_providers.append(payment_providers_item)

        isFree = d.pop("isFree", UNSET)

        is_free = d.pop("is_free", UNSET)

        is_seat_based = d.pop("isSeatBased", UNSET)

        def _parse_isActive(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        isActive = _parse_isActive(d.pop("isActive", UNSET))

        def _parse_is_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_active = _parse_is_active(d.pop("is_active", UNSET))

        test_mode = d.pop("test_mode", UNSET)

        _createdAt = d.pop("createdAt", UNSET)
        createdAt: datetime.datetime | Unset
        if isinstance(_createdAt, Unset):
            createdAt = UNSET
        else:
            createdAt = datetime.datetime.fromisoformat(_createdAt)

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

        _updatedAt = d.pop("updatedAt", UNSET)
        updatedAt: datetime.datetime | Unset
        if isinstance(_updatedAt, Unset):
            updatedAt = UNSET
        else:
            updatedAt = datetime.datetime.fromisoformat(_updatedAt)

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

        plan = cls(
            id=id,
            name=name,
            description=description,
            pricing=pricing,
            prices=prices,
            trial=trial,
            features=features,
            limits=limits,
            credit_pools=credit_pools,
            product=product,
            paymentProviders=paymentProviders,
            payment_providers=payment_providers,
            isFree=isFree,
            is_free=is_free,
            is_seat_based=is_seat_based,
            isActive=isActive,
            is_active=is_active,
            test_mode=test_mode,
            createdAt=createdAt,
            created_at=created_at,
            updatedAt=updatedAt,
            updated_at=updated_at,
        )

        plan.additional_properties = d
        return plan

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
