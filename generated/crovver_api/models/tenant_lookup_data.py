from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization import Organization
    from ..models.tenant import Tenant
    from ..models.tenant_member import TenantMember


T = TypeVar("T", bound="TenantLookupData")


@_attrs_define
class TenantLookupData:
    tenant: Tenant
    """ The docs' create reply has no `metadata` or `updatedAt`; the lookup and list replies have both.
     """
    members: list[TenantMember] | Unset = UNSET
    organization: Organization | Unset = UNSET
    """ The docs' tenant lookup shows only `{id, name}`; plans and the clients add `type`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant = self.tenant.to_dict()

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        organization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.organization, Unset):
            organization = self.organization.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant": tenant,
            }
        )
        if members is not UNSET:
            field_dict["members"] = members
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization import Organization  # noqa: PLC0415
        from ..models.tenant import Tenant  # noqa: PLC0415
        from ..models.tenant_member import TenantMember  # noqa: PLC0415

        d = dict(src_dict)
        tenant = Tenant.from_dict(d.pop("tenant"))

        _members = d.pop("members", UNSET)
        members: list[TenantMember] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = TenantMember.from_dict(members_item_data)

                members.append(members_item)

        _organization = d.pop("organization", UNSET)
        organization: Organization | Unset
        if isinstance(_organization, Unset):
            organization = UNSET
        else:
            organization = Organization.from_dict(_organization)

        tenant_lookup_data = cls(
            tenant=tenant,
            members=members,
            organization=organization,
        )

        tenant_lookup_data.additional_properties = d
        return tenant_lookup_data

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
