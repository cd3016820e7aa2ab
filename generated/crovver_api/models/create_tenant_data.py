from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tenant import Tenant
    from ..models.tenant_owner import TenantOwner


T = TypeVar("T", bound="CreateTenantData")


@_attrs_define
class CreateTenantData:
    """crovver-php reads only `tenant`."""

    tenant: Tenant
    """ The docs' create reply has no `metadata` or `updatedAt`; the lookup and list replies have both.
     """
    owner: TenantOwner | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tenant = self.tenant.to_dict()

        owner: dict[str, Any] | Unset = UNSET
        if not isinstance(self.owner, Unset):
            owner = self.owner.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tenant": tenant,
            }
        )
        if owner is not UNSET:
            field_dict["owner"] = owner
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant import Tenant  # noqa: PLC0415
        from ..models.tenant_owner import TenantOwner  # noqa: PLC0415

        d = dict(src_dict)
        tenant = Tenant.from_dict(d.pop("tenant"))

        _owner = d.pop("owner", UNSET)
        owner: TenantOwner | Unset
        if isinstance(_owner, Unset):
            owner = UNSET
        else:
            owner = TenantOwner.from_dict(_owner)

        message = d.pop("message", UNSET)

        create_tenant_data = cls(
            tenant=tenant,
            owner=owner,
            message=message,
        )

        create_tenant_data.additional_properties = d
        return create_tenant_data

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
