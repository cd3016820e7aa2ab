from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_interval import BillingInterval
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_limits import PlanLimits


T = TypeVar("T", bound="StatusPlan")


@_attrs_define
class StatusPlan:
    id: str
    name: str | Unset = UNSET
    product_id: None | str | Unset = UNSET
    product_name: None | str | Unset = UNSET
    product_slug: None | str | Unset = UNSET
    billing_interval: BillingInterval | None | str | Unset = UNSET
    is_seat_based: bool | Unset = UNSET
    """ Read by crovver-react; the docs do not show it. """
    features: list[str] | Unset = UNSET
    """ The keys of the features the plan turns on. """
    limits: PlanLimits | Unset = UNSET
    """ Limit key to a number; null means unlimited. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        product_id: None | str | Unset
        if isinstance(self.product_id, Unset):
            product_id = UNSET
        else:
            product_id = self.product_id

        product_name: None | str | Unset
        if isinstance(self.product_name, Unset):
            product_name = UNSET
        else:
            product_name = self.product_name

        product_slug: None | str | Unset
        if isinstance(self.product_slug, Unset):
            product_slug = UNSET
        else:
            product_slug = self.product_slug

        billing_interval: None | str | Unset
        if isinstance(self.billing_interval, Unset):
            billing_interval = UNSET
        elif isinstance(self.billing_interval, BillingInterval):
            billing_interval = self.billing_interval.value
        else:
            billing_interval = self.billing_interval

        is_seat_based = self.is_seat_based

        features: list[str] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features

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
        if product_id is not UNSET:
            field_dict["productId"] = product_id
        if product_name is not UNSET:
            field_dict["productName"] = product_name
        if product_slug is not UNSET:
            field_dict["productSlug"] = product_slug
        if billing_interval is not UNSET:
            field_dict["billingInterval"] = billing_interval
        if is_seat_based is not UNSET:
            field_dict["isSeatBased"] = is_seat_based
        if features is not UNSET:
            field_dict["features"] = features
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_limits import PlanLimits  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_product_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_id = _parse_product_id(d.pop("productId", UNSET))

        def _parse_product_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_name = _parse_product_name(d.pop("productName", UNSET))

        def _parse_product_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_slug = _parse_product_slug(d.pop("productSlug", UNSET))

        def _parse_billing_interval(data: object) -> BillingInterval | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_interval_type_0 = BillingInterval(data)

                return billing_interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingInterval | None | str | Unset, data)

        billing_interval = _parse_billing_interval(d.pop("billingInterval", UNSET))

        is_seat_based = d.pop("isSeatBased", UNSET)

        features = cast(list[str], d.pop("features", UNSET))

        _limits = d.pop("limits", UNSET)
        limits: PlanLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            limits = PlanLimits.from_dict(_limits)

        status_plan = cls(
            id=id,
            name=name,
            product_id=product_id,
            product_name=product_name,
            product_slug=product_slug,
            billing_interval=billing_interval,
            is_seat_based=is_seat_based,
            features=features,
            limits=limits,
        )

        status_plan.additional_properties = d
        return status_plan

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
