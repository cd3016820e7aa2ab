from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allocate_seat_data import AllocateSeatData


T = TypeVar("T", bound="AllocateSeatEnvelope")


@_attrs_define
class AllocateSeatEnvelope:
    success: bool
    data: AllocateSeatData
    """ One of three shapes: allocated (`success: true`, `message`, `capacity`); at capacity
    (`success: false`, `requiresProration`, `proration`, `message`); proration confirmed
    (`success: false`, `requiresCheckout`, `checkoutUrl`, `prorationId`, `proration`, `message`).
     """
    error: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocate_seat_data import AllocateSeatData  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        data = AllocateSeatData.from_dict(d.pop("data"))

        error = d.pop("error", UNSET)

        allocate_seat_envelope = cls(
            success=success,
            data=data,
            error=error,
        )

        allocate_seat_envelope.additional_properties = d
        return allocate_seat_envelope

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
