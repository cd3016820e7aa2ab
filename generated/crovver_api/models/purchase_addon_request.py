from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="PurchaseAddonRequest")


@_attrs_define
class PurchaseAddonRequest:
    addon_id: str
    currency: str
    idempotency_key: str
    success_url: str | Unset = UNSET
    cancel_url: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        addon_id = self.addon_id

        currency = self.currency

        idempotency_key = self.idempotency_key

        success_url = self.success_url

        cancel_url = self.cancel_url

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "addonId": addon_id,
                "currency": currency,
                "idempotencyKey": idempotency_key,
            }
        )
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url
        if cancel_url is not UNSET:
            field_dict["cancelUrl"] = cancel_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        addon_id = d.pop("addonId")

        currency = d.pop("currency")

        idempotency_key = d.pop("idempotencyKey")

        success_url = d.pop("successUrl", UNSET)

        cancel_url = d.pop("cancelUrl", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        purchase_addon_request = cls(
            addon_id=addon_id,
            currency=currency,
            idempotency_key=idempotency_key,
            success_url=success_url,
            cancel_url=cancel_url,
            metadata=metadata,
        )

        purchase_addon_request.additional_properties = d
        return purchase_addon_request

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
