from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutTokenRequest")


@_attrs_define
class CheckoutTokenRequest:
    external_tenant_id: str
    return_url: str
    plan_id: str | Unset = UNSET
    external_user_id: str | Unset = UNSET
    user_email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_tenant_id = self.external_tenant_id

        return_url = self.return_url

        plan_id = self.plan_id

        external_user_id = self.external_user_id

        user_email = self.user_email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalTenantId": external_tenant_id,
                "returnUrl": return_url,
            }
        )
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id
        if user_email is not UNSET:
            field_dict["userEmail"] = user_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_tenant_id = d.pop("externalTenantId")

        return_url = d.pop("returnUrl")

        plan_id = d.pop("planId", UNSET)

        external_user_id = d.pop("externalUserId", UNSET)

        user_email = d.pop("userEmail", UNSET)

        checkout_token_request = cls(
            external_tenant_id=external_tenant_id,
            return_url=return_url,
            plan_id=plan_id,
            external_user_id=external_user_id,
            user_email=user_email,
        )

        checkout_token_request.additional_properties = d
        return checkout_token_request

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
