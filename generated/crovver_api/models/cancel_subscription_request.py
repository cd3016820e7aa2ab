from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelSubscriptionRequest")


@_attrs_define
class CancelSubscriptionRequest:
    external_tenant_id: str
    reason: str
    """ The docs list `too_expensive`, `missing_features`, `switching_provider`, `not_using`,
    `other`; free text is accepted.
     """
    feedback: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_tenant_id = self.external_tenant_id

        reason = self.reason

        feedback = self.feedback

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalTenantId": external_tenant_id,
                "reason": reason,
            }
        )
        if feedback is not UNSET:
            field_dict["feedback"] = feedback

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        external_tenant_id = d.pop("externalTenantId")

        reason = d.pop("reason")

        feedback = d.pop("feedback", UNSET)

        cancel_subscription_request = cls(
            external_tenant_id=external_tenant_id,
            reason=reason,
            feedback=feedback,
        )

        cancel_subscription_request.additional_properties = d
        return cancel_subscription_request

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
