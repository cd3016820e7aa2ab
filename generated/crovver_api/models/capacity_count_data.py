from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CapacityCountData")


@_attrs_define
class CapacityCountData:
    """`activeCount` is the answer."""

    active_count: int
    capacity_units: int | None | Unset = UNSET
    utilization_percentage: float | None | Unset = UNSET
    billing_mode: None | str | Unset = UNSET
    """ `recurring` or `manual`; the PHP SDK's docs also list `free`. """
    exceeded: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_count = self.active_count

        capacity_units: int | None | Unset
        if isinstance(self.capacity_units, Unset):
            capacity_units = UNSET
        else:
            capacity_units = self.capacity_units

        utilization_percentage: float | None | Unset
        if isinstance(self.utilization_percentage, Unset):
            utilization_percentage = UNSET
        else:
            utilization_percentage = self.utilization_percentage

        billing_mode: None | str | Unset
        if isinstance(self.billing_mode, Unset):
            billing_mode = UNSET
        else:
            billing_mode = self.billing_mode

        exceeded = self.exceeded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activeCount": active_count,
            }
        )
        if capacity_units is not UNSET:
            field_dict["capacityUnits"] = capacity_units
        if utilization_percentage is not UNSET:
            field_dict["utilizationPercentage"] = utilization_percentage
        if billing_mode is not UNSET:
            field_dict["billingMode"] = billing_mode
        if exceeded is not UNSET:
            field_dict["exceeded"] = exceeded

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active_count = d.pop("activeCount")

        def _parse_capacity_units(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity_units = _parse_capacity_units(d.pop("capacityUnits", UNSET))

        def _parse_utilization_percentage(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        utilization_percentage = _parse_utilization_percentage(d.pop("utilizationPercentage", UNSET))

        def _parse_billing_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_mode = _parse_billing_mode(d.pop("billingMode", UNSET))

        exceeded = d.pop("exceeded", UNSET)

        capacity_count_data = cls(
            active_count=active_count,
            capacity_units=capacity_units,
            utilization_percentage=utilization_percentage,
            billing_mode=billing_mode,
            exceeded=exceeded,
        )

        capacity_count_data.additional_properties = d
        return capacity_count_data

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
