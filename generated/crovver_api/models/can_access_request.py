from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CanAccessRequest")


@_attrs_define
class CanAccessRequest:
    """At least one of `featureKey` and `productSlug` is required."""

    requesting_entity_id: str
    feature_key: str | Unset = UNSET
    product_slug: str | Unset = UNSET
    amount: int | Unset = UNSET
    """ Credits needed for a credit-backed feature (default 0). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requesting_entity_id = self.requesting_entity_id

        feature_key = self.feature_key

        product_slug = self.product_slug

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestingEntityId": requesting_entity_id,
            }
        )
        if feature_key is not UNSET:
            field_dict["featureKey"] = feature_key
        if product_slug is not UNSET:
            field_dict["productSlug"] = product_slug
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requesting_entity_id = d.pop("requestingEntityId")

        feature_key = d.pop("featureKey", UNSET)

        product_slug = d.pop("productSlug", UNSET)

        amount = d.pop("amount", UNSET)

        can_access_request = cls(
            requesting_entity_id=requesting_entity_id,
            feature_key=feature_key,
            product_slug=product_slug,
            amount=amount,
        )

        can_access_request.additional_properties = d
        return can_access_request

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
