from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="AllocateSeatRequest")


@_attrs_define
class AllocateSeatRequest:
    requesting_entity_id: str
    external_user_id: str
    email: str | Unset = UNSET
    name: str | Unset = UNSET
    confirm_proration: bool | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requesting_entity_id = self.requesting_entity_id

        external_user_id = self.external_user_id

        email = self.email

        name = self.name

        confirm_proration = self.confirm_proration

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestingEntityId": requesting_entity_id,
                "externalUserId": external_user_id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if name is not UNSET:
            field_dict["name"] = name
        if confirm_proration is not UNSET:
            field_dict["confirmProration"] = confirm_proration
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        requesting_entity_id = d.pop("requestingEntityId")

        external_user_id = d.pop("externalUserId")

        email = d.pop("email", UNSET)

        name = d.pop("name", UNSET)

        confirm_proration = d.pop("confirmProration", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        allocate_seat_request = cls(
            requesting_entity_id=requesting_entity_id,
            external_user_id=external_user_id,
            email=email,
            name=name,
            confirm_proration=confirm_proration,
            metadata=metadata,
        )

        allocate_seat_request.additional_properties = d
        return allocate_seat_request

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
