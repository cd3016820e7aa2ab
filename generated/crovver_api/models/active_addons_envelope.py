from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.active_addon_pool import ActiveAddonPool
    from ..models.metadata import Metadata


T = TypeVar("T", bound="ActiveAddonsEnvelope")


@_attrs_define
class ActiveAddonsEnvelope:
    success: bool
    data: list[ActiveAddonPool]
    error: None | Unset = UNSET
    meta: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        error = self.error

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

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
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.active_addon_pool import ActiveAddonPool  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = ActiveAddonPool.from_dict(data_item_data)

            data.append(data_item)

        error = d.pop("error", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: Metadata | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Metadata.from_dict(_meta)

        active_addons_envelope = cls(
            success=success,
            data=data,
            error=error,
            meta=meta,
        )

        active_addons_envelope.additional_properties = d
        return active_addons_envelope

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
