from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckUsageLimitRequest")


@_attrs_define
class CheckUsageLimitRequest:
    requesting_entity_id: str
    metric: str
    product_slug: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requesting_entity_id = self.requesting_entity_id

        metric = self.metric

        product_slug = self.product_slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestingEntityId": requesting_entity_id,
                "metric": metric,
            }
        )
        if product_slug is not UNSET:
            field_dict["productSlug"] = product_slug

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requesting_entity_id = d.pop("requestingEntityId")

        metric = d.pop("metric")

        product_slug = d.pop("productSlug", UNSET)

        check_usage_limit_request = cls(
            requesting_entity_id=requesting_entity_id,
            metric=metric,
            product_slug=product_slug,
        )

        check_usage_limit_request.additional_properties = d
        return check_usage_limit_request

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
