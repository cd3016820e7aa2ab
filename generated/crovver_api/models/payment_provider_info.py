from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentProviderInfo")


@_attrs_define
class PaymentProviderInfo:
    """A payment provider configured for the organization. The docs' plans show only
    `{provider_type, is_active}`; crovver-node and crovver-php also read `provider_id` and
    `provider_name`, crovver-node the external price and product ids.

    """

    provider_type: str
    provider_id: str | Unset = UNSET
    provider_name: None | str | Unset = UNSET
    is_active: bool | Unset = UNSET
    external_price_id: str | Unset = UNSET
    """ The provider's price id, for flat plans (crovver-node). """
    external_product_id: str | Unset = UNSET
    """ The provider's product id, for seat-based plans (crovver-node). """
    external_base_price_id: str | Unset = UNSET
    """ The provider's base price id, for seat-based plans (crovver-node). """
    external_per_seat_price_id: str | Unset = UNSET
    """ The provider's per-seat price id, for seat-based plans (crovver-node). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_type = self.provider_type

        provider_id = self.provider_id

        provider_name: None | str | Unset
        if isinstance(self.provider_name, Unset):
            provider_name = UNSET
        else:
            provider_name = self.provider_name

        is_active = self.is_active

        external_price_id = self.external_price_id

        external_product_id = self.external_product_id

        external_base_price_id = self.external_base_price_id

        external_per_seat_price_id = self.external_per_seat_price_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_type": provider_type,
            }
        )
        if provider_id is not UNSET:
            field_dict["provider_id"] = provider_id
        if provider_name is not UNSET:
            field_dict["provider_name"] = provider_name
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if external_price_id is not UNSET:
            field_dict["external_price_id"] = external_price_id
        if external_product_id is not UNSET:
            field_dict["external_product_id"] = external_product_id
        if external_base_price_id is not UNSET:
            field_dict["external_base_price_id"] = external_base_price_id
        if external_per_seat_price_id is not UNSET:
            field_dict["external_per_seat_price_id"] = external_per_seat_price_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_type = d.pop("provider_type")

        provider_id = d.pop("provider_id", UNSET)

        def _parse_provider_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_name = _parse_provider_name(d.pop("provider_name", UNSET))

        is_active = d.pop("is_active", UNSET)

        external_price_id = d.pop("external_price_id", UNSET)

        external_product_id = d.pop("external_product_id", UNSET)

        external_base_price_id = d.pop("external_base_price_id", UNSET)

        external_per_seat_price_id = d.pop("external_per_seat_price_id", UNSET)

        payment_provider_info = cls(
            provider_type=provider_type,
            provider_id=provider_id,
            provider_name=provider_name,
            is_active=is_active,
            external_price_id=external_price_id,
            external_product_id=external_product_id,
            external_base_price_id=external_base_price_id,
            external_per_seat_price_id=external_per_seat_price_id,
        )

        payment_provider_info.additional_properties = d
        return payment_provider_info

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
