from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordUsageData")


@_attrs_define
class RecordUsageData:
    """Nothing is guaranteed; the 201 status is the answer."""

    message: str | Unset = UNSET
    metric: str | Unset = UNSET
    recorded_value: int | Unset = UNSET
    success: bool | Unset = UNSET
    """ Read by crovver-node's and crovver-php's types; the docs do not show it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        metric = self.metric

        recorded_value = self.recorded_value

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if metric is not UNSET:
            field_dict["metric"] = metric
        if recorded_value is not UNSET:
            field_dict["recordedValue"] = recorded_value
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        metric = d.pop("metric", UNSET)

        recorded_value = d.pop("recordedValue", UNSET)

        success = d.pop("success", UNSET)

        record_usage_data = cls(
            message=message,
            metric=metric,
            recorded_value=recorded_value,
            success=success,
        )

        record_usage_data.additional_properties = d
        return record_usage_data

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
