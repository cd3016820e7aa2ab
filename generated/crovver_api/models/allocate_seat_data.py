from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.seat_capacity import SeatCapacity
    from ..models.seat_proration import SeatProration


T = TypeVar("T", bound="AllocateSeatData")


@_attrs_define
class AllocateSeatData:
    """One of three shapes: allocated (`success: true`, `message`, `capacity`); at capacity
    (`requiresProration`, `proration`, `message`); proration confirmed (`requiresCheckout`,
    `message`, and in the docs `newCapacity`, from the local Crovver `checkoutUrl` and
    `prorationId`; the docs' text promises a checkout URL its example does not show).

    """

    success: bool | Unset = UNSET
    message: str | Unset = UNSET
    capacity: None | SeatCapacity | Unset = UNSET
    """ Present when a seat was allocated (`AllocateSeatCapacity|null` in the PHP SDK's docs). """
    requires_proration: bool | Unset = UNSET
    proration: None | SeatProration | Unset = UNSET
    """ Present when `requiresProration` is true (`AllocateSeatProration|null` in the PHP SDK's docs). """
    requires_checkout: bool | Unset = UNSET
    checkout_url: None | str | Unset = UNSET
    proration_id: str | Unset = UNSET
    new_capacity: int | Unset = UNSET
    """ The seat count the confirmed upgrade would reach. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.seat_capacity import SeatCapacity  # noqa: PLC0415
        from ..models.seat_proration import SeatProration  # noqa: PLC0415

        success = self.success

        message = self.message

        capacity: dict[str, Any] | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        elif isinstance(self.capacity, SeatCapacity):
            capacity = self.capacity.to_dict()
        else:
            capacity = self.capacity

        requires_proration = self.requires_proration

        proration: dict[str, Any] | None | Unset
        if isinstance(self.proration, Unset):
            proration = UNSET
        elif isinstance(self.proration, SeatProration):
            proration = self.proration.to_dict()
        else:
            proration = self.proration

        requires_checkout = self.requires_checkout

        checkout_url: None | str | Unset
        if isinstance(self.checkout_url, Unset):
            checkout_url = UNSET
        else:
            checkout_url = self.checkout_url

        proration_id = self.proration_id

        new_capacity = self.new_capacity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if message is not UNSET:
            field_dict["message"] = message
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if requires_proration is not UNSET:
            field_dict["requiresProration"] = requires_proration
        if proration is not UNSET:
            field_dict["proration"] = proration
        if requires_checkout is not UNSET:
            field_dict["requiresCheckout"] = requires_checkout
        if checkout_url is not UNSET:
            field_dict["checkoutUrl"] = checkout_url
        if proration_id is not UNSET:
            field_dict["prorationId"] = proration_id
        if new_capacity is not UNSET:
            field_dict["newCapacity"] = new_capacity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seat_capacity import SeatCapacity  # noqa: PLC0415
        from ..models.seat_proration import SeatProration  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success", UNSET)

        message = d.pop("message", UNSET)

        def _parse_capacity(data: object) -> None | SeatCapacity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capacity_type_0 = SeatCapacity.from_dict(data)

                return capacity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeatCapacity | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))

        requires_proration = d.pop("requiresProration", UNSET)

        def _parse_proration(data: object) -> None | SeatProration | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proration_type_0 = SeatProration.from_dict(data)

                return proration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeatProration | Unset, data)

        proration = _parse_proration(d.pop("proration", UNSET))

        requires_checkout = d.pop("requiresCheckout", UNSET)

        def _parse_checkout_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkout_url = _parse_checkout_url(d.pop("checkoutUrl", UNSET))

        proration_id = d.pop("prorationId", UNSET)

        new_capacity = d.pop("newCapacity", UNSET)

        allocate_seat_data = cls(
            success=success,
            message=message,
            capacity=capacity,
            requires_proration=requires_proration,
            proration=proration,
            requires_checkout=requires_checkout,
            checkout_url=checkout_url,
            proration_id=proration_id,
            new_capacity=new_capacity,
        )

        allocate_seat_data.additional_properties = d
        return allocate_seat_data

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
