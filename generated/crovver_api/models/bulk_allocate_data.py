from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seat_capacity import SeatCapacity


T = TypeVar("T", bound="BulkAllocateData")


@_attrs_define
class BulkAllocateData:
    """The three lists are the answer; `message` is present when users were rejected."""

    allocated: list[str]
    skipped: list[str]
    """ Users that already had a seat. """
    rejected: list[str]
    """ Users that did not fit in the capacity. """
    capacity: SeatCapacity | Unset = UNSET
    message: None | str | Unset = UNSET
    """ Present when users were rejected (`string|null` in the PHP SDK's docs). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocated = self.allocated

        skipped = self.skipped

        rejected = self.rejected

        capacity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capacity, Unset):
            capacity = self.capacity.to_dict()

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocated": allocated,
                "skipped": skipped,
                "rejected": rejected,
            }
        )
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seat_capacity import SeatCapacity  # noqa: PLC0415

        d = dict(src_dict)
        allocated = cast(list[str], d.pop("allocated"))

        skipped = cast(list[str], d.pop("skipped"))

        rejected = cast(list[str], d.pop("rejected"))

        _capacity = d.pop("capacity", UNSET)
        capacity: SeatCapacity | Unset
        if isinstance(_capacity, Unset):
            capacity = UNSET
        else:
            capacity = SeatCapacity.from_dict(_capacity)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        bulk_allocate_data = cls(
            allocated=allocated,
            skipped=skipped,
            rejected=rejected,
            capacity=capacity,
            message=message,
        )

        bulk_allocate_data.additional_properties = d
        return bulk_allocate_data

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
