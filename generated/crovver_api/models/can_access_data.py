from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.can_access_credits import CanAccessCredits


T = TypeVar("T", bound="CanAccessData")


@_attrs_define
class CanAccessData:
    """`canAccess` is the answer; the rest echoes the request."""

    can_access: bool
    feature_key: None | str | Unset = UNSET
    product_slug: None | str | Unset = UNSET
    requesting_entity_id: str | Unset = UNSET
    credits_: CanAccessCredits | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.can_access_credits import CanAccessCredits  # noqa: PLC0415

        can_access = self.can_access

        feature_key: None | str | Unset
        if isinstance(self.feature_key, Unset):
            feature_key = UNSET
        else:
            feature_key = self.feature_key

        product_slug: None | str | Unset
        if isinstance(self.product_slug, Unset):
            product_slug = UNSET
        else:
            product_slug = self.product_slug

        requesting_entity_id = self.requesting_entity_id

        credits_: dict[str, Any] | None | Unset
        if isinstance(self.credits_, Unset):
            credits_ = UNSET
        elif isinstance(self.credits_, CanAccessCredits):
            credits_ = self.credits_.to_dict()
        else:
            credits_ = self.credits_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "canAccess": can_access,
            }
        )
        if feature_key is not UNSET:
            field_dict["featureKey"] = feature_key
        if product_slug is not UNSET:
            field_dict["productSlug"] = product_slug
        if requesting_entity_id is not UNSET:
            field_dict["requestingEntityId"] = requesting_entity_id
        if credits_ is not UNSET:
            field_dict["credits"] = credits_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.can_access_credits import CanAccessCredits  # noqa: PLC0415

        d = dict(src_dict)
        can_access = d.pop("canAccess")

        def _parse_feature_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feature_key = _parse_feature_key(d.pop("featureKey", UNSET))

        def _parse_product_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_slug = _parse_product_slug(d.pop("productSlug", UNSET))

        requesting_entity_id = d.pop("requestingEntityId", UNSET)

        def _parse_credits_(data: object) -> CanAccessCredits | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credits_type_0 = CanAccessCredits.from_dict(data)

                return credits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CanAccessCredits | None | Unset, data)

        credits_ = _parse_credits_(d.pop("credits", UNSET))

        can_access_data = cls(
            can_access=can_access,
            feature_key=feature_key,
            product_slug=product_slug,
            requesting_entity_id=requesting_entity_id,
            credits_=credits_,
        )

        can_access_data.additional_properties = d
        return can_access_data

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
