from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata
    from ..models.seat_user import SeatUser


T = TypeVar("T", bound="BulkAllocateRequest")


@_attrs_define
class BulkAllocateRequest:
    requesting_entity_id: str
    users: list[SeatUser]
    """ Unique `externalUserId`s. """
    metadata: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requesting_entity_id = self.requesting_entity_id

        users = []
        for users_item_data in self.users:
            users_item = users_item_data.to_dict()
            users.append(users_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestingEntityId": requesting_entity_id,
                "users": users,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.seat_user import SeatUser  # noqa: PLC0415

        d = dict(src_dict)
        requesting_entity_id = d.pop("requestingEntityId")

        users = []
        _users = d.pop("users")
        for users_item_data in _users:
            users_item = SeatUser.from_dict(users_item_data)

            users.append(users_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        bulk_allocate_request = cls(
            requesting_entity_id=requesting_entity_id,
            users=users,
            metadata=metadata,
        )

        bulk_allocate_request.additional_properties = d
        return bulk_allocate_request

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
