from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortalTokenMeta")


@_attrs_define
class PortalTokenMeta:
    portal_url: str | Unset = UNSET
    expires_in: int | Unset = UNSET
    """ Seconds the token is valid (600 in the docs). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        portal_url = self.portal_url

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if portal_url is not UNSET:
            field_dict["portalUrl"] = portal_url
        if expires_in is not UNSET:
            field_dict["expiresIn"] = expires_in

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        portal_url = d.pop("portalUrl", UNSET)

        expires_in = d.pop("expiresIn", UNSET)

        portal_token_meta = cls(
            portal_url=portal_url,
            expires_in=expires_in,
        )

        portal_token_meta.additional_properties = d
        return portal_token_meta

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
