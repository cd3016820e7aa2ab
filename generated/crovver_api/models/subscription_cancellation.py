from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCancellation")


@_attrs_define
class SubscriptionCancellation:
    is_canceled: bool | Unset = UNSET
    canceled_at: datetime.datetime | None | Unset = UNSET
    will_end_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_canceled = self.is_canceled

        canceled_at: None | str | Unset
        if isinstance(self.canceled_at, Unset):
            canceled_at = UNSET
        elif isinstance(self.canceled_at, datetime.datetime):
            canceled_at = self.canceled_at.isoformat()
        else:
            canceled_at = self.canceled_at

        will_end_at: None | str | Unset
        if isinstance(self.will_end_at, Unset):
            will_end_at = UNSET
        elif isinstance(self.will_end_at, datetime.datetime):
            will_end_at = self.will_end_at.isoformat()
        else:
            will_end_at = self.will_end_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_canceled is not UNSET:
            field_dict["is_canceled"] = is_canceled
        if canceled_at is not UNSET:
            field_dict["canceled_at"] = canceled_at
        if will_end_at is not UNSET:
            field_dict["will_end_at"] = will_end_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_canceled = d.pop("is_canceled", UNSET)

        def _parse_canceled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                canceled_at_type_0 = datetime.datetime.fromisoformat(data)

                return canceled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        canceled_at = _parse_canceled_at(d.pop("canceled_at", UNSET))

        def _parse_will_end_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                will_end_at_type_0 = datetime.datetime.fromisoformat(data)

                return will_end_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        will_end_at = _parse_will_end_at(d.pop("will_end_at", UNSET))

        subscription_cancellation = cls(
            is_canceled=is_canceled,
            canceled_at=canceled_at,
            will_end_at=will_end_at,
        )

        subscription_cancellation.additional_properties = d
        return subscription_cancellation

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
