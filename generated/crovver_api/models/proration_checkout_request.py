from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProrationCheckoutRequest")


@_attrs_define
class ProrationCheckoutRequest:
    external_tenant_id: str
    new_capacity: int
    """ Must be greater than the current capacity. """
    plan_id: str | Unset = UNSET
    success_url: str | Unset = UNSET
    cancel_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_tenant_id = self.external_tenant_id

        new_capacity = self.new_capacity

        plan_id = self.plan_id

        success_url = self.success_url

        cancel_url = self.cancel_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalTenantId": external_tenant_id,
                "newCapacity": new_capacity,
            }
        )
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url
        if cancel_url is not UNSET:
            field_dict["cancelUrl"] = cancel_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_tenant_id = d.pop("externalTenantId")

        new_capacity = d.pop("newCapacity")

        plan_id = d.pop("planId", UNSET)

        success_url = d.pop("successUrl", UNSET)

        cancel_url = d.pop("cancelUrl", UNSET)

        proration_checkout_request = cls(
            external_tenant_id=external_tenant_id,
            new_capacity=new_capacity,
            plan_id=plan_id,
            success_url=success_url,
            cancel_url=cancel_url,
        )

        proration_checkout_request.additional_properties = d
        return proration_checkout_request

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
