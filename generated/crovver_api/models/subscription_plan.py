from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_features import PlanFeatures
    from ..models.plan_limits import PlanLimits
    from ..models.plan_pricing import PlanPricing


T = TypeVar("T", bound="SubscriptionPlan")


@_attrs_define
class SubscriptionPlan:
    id: str
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    pricing: None | PlanPricing | Unset = UNSET
    features: PlanFeatures | Unset = UNSET
    """ Feature key to on/off. """
    limits: PlanLimits | Unset = UNSET
    """ Limit key to a number; null means unlimited. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_pricing import PlanPricing  # noqa: PLC0415

        id = self.id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        pricing: dict[str, Any] | None | Unset
        if isinstance(self.pricing, Unset):
            pricing = UNSET
        elif isinstance(self.pricing, PlanPricing):
            pricing = self.pricing.to_dict()
        else:
            pricing = self.pricing

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

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
        if features is not UNSET:
            field_dict["features"] = features
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_features import PlanFeatures  # noqa: PLC0415
        from ..models.plan_limits import PlanLimits  # noqa: PLC0415
        from ..models.plan_pricing import PlanPricing  # noqa: PLC0415

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

        def _parse_pricing(data: object) -> None | PlanPricing | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pricing_type_0 = PlanPricing.from_dict(data)

                return pricing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanPricing | Unset, data)

        pricing = _parse_pricing(d.pop("pricing", UNSET))

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

        subscription_plan = cls(
            id=id,
            name=name,
            description=description,
            pricing=pricing,
            features=features,
            limits=limits,
        )

        subscription_plan.additional_properties = d
        return subscription_plan

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
