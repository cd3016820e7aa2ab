from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CreateTenantRequest")


@_attrs_define
class CreateTenantRequest:
    external_tenant_id: str
    name: str
    external_user_id: str
    owner_email: str | Unset = UNSET
    owner_name: str | Unset = UNSET
    slug: str | Unset = UNSET
    """ URL-safe; derived from `name` when omitted. """
    metadata: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_tenant_id = self.external_tenant_id

        name = self.name

        external_user_id = self.external_user_id

        owner_email = self.owner_email

        owner_name = self.owner_name

        slug = self.slug

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalTenantId": external_tenant_id,
                "name": name,
                "externalUserId": external_user_id,
            }
        )
        if owner_email is not UNSET:
            field_dict["ownerEmail"] = owner_email
        if owner_name is not UNSET:
            field_dict["ownerName"] = owner_name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        external_tenant_id = d.pop("externalTenantId")

        name = d.pop("name")

        external_user_id = d.pop("externalUserId")

        owner_email = d.pop("ownerEmail", UNSET)

        owner_name = d.pop("ownerName", UNSET)

        slug = d.pop("slug", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        create_tenant_request = cls(
            external_tenant_id=external_tenant_id,
            name=name,
            external_user_id=external_user_id,
            owner_email=owner_email,
            owner_name=owner_name,
            slug=slug,
            metadata=metadata,
        )

        create_tenant_request.additional_properties = d
        return create_tenant_request

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
