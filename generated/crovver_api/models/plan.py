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
    id: str
    name: str
    pricing: PlanPricing
    features: PlanFeatures
    """ Feature key to on/off. """
    limits: PlanLimits
    """ Limit key to a number; null means unlimited. """
    credit_pools: list[CreditPoolDefinition]
    product: Product
    is_free: bool
    is_seat_based: bool
    description: None | str | Unset = UNSET
    prices: list[PlanPrice] | Unset = UNSET
    trial: None | PlanTrial | Unset = UNSET
    payment_providers: list[PaymentProviderInfo] | Unset = UNSET
    test_mode: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_trial import PlanTrial  # noqa: PLC0415

        id = self.id

        name = self.name

        pricing = self.pricing.to_dict()

        features = self.features.to_dict()

        limits = self.limits.to_dict()

        credit_pools = []
        for credit_pools_item_data in self.credit_pools:
            credit_pools_item = credit_pools_item_data.to_dict()
            credit_pools.append(credit_pools_item)

        product = self.product.to_dict()

        is_free = self.is_free

        is_seat_based = self.is_seat_based

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

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

        payment_providers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payment_providers, Unset):
            payment_providers = []
            for payment_providers_item_data in self.payment_providers:
                payment_providers_item = payment_providers_item_data.to_dict()
                payment_providers.append(payment_providers_item)

        test_mode = self.test_mode

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "pricing": pricing,
                "features": features,
                "limits": limits,
                "creditPools": credit_pools,
                "product": product,
                "isFree": is_free,
                "isSeatBased": is_seat_based,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if prices is not UNSET:
            field_dict["prices"] = prices
        if trial is not UNSET:
            field_dict["trial"] = trial
        if payment_providers is not UNSET:
            field_dict["paymentProviders"] = payment_providers
        if test_mode is not UNSET:
            field_dict["test_mode"] = test_mode
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

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

        name = d.pop("name")

        pricing = PlanPricing.from_dict(d.pop("pricing"))

        features = PlanFeatures.from_dict(d.pop("features"))

        limits = PlanLimits.from_dict(d.pop("limits"))

        credit_pools = []
        _credit_pools = d.pop("creditPools")
        for credit_pools_item_data in _credit_pools:
            credit_pools_item = CreditPoolDefinition.from_dict(credit_pools_item_data)

            credit_pools.append(credit_pools_item)

        product = Product.from_dict(d.pop("product"))

        is_free = d.pop("isFree")

        is_seat_based = d.pop("isSeatBased")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        _payment_providers = d.pop("paymentProviders", UNSET)
        payment_providers: list[PaymentProviderInfo] | Unset = UNSET
        if _payment_providers is not UNSET:
            payment_providers = []
            for payment_providers_item_data in _payment_providers:
                payment_providers_item = PaymentProviderInfo.from_dict(payment_providers_item_data)

                payment_providers.append(payment_providers_item)

        test_mode = d.pop("test_mode", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updatedAt", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        plan = cls(
            id=id,
            name=name,
            pricing=pricing,
            features=features,
            limits=limits,
            credit_pools=credit_pools,
            product=product,
            is_free=is_free,
            is_seat_based=is_seat_based,
            description=description,
            prices=prices,
            trial=trial,
            payment_providers=payment_providers,
            test_mode=test_mode,
            created_at=created_at,
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
