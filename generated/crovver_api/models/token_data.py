from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenData")


@_attrs_define
class TokenData:
    """`token` is the answer. The docs put the redirect URL in `meta`; crovver-react's types put
    `checkoutUrl` / `portalUrl` beside the token as well.

    """

    token: str
    expires_at: datetime.datetime | Unset = UNSET
    checkout_url: str | Unset = UNSET
    """ In crovver-react's `CheckoutTokenResponse`; the docs send it in `meta`. """
    portal_url: str | Unset = UNSET
    """ In crovver-react's `PortalTokenResponse`; the docs send it in `meta`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        checkout_url = self.checkout_url

        portal_url = self.portal_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
            }
        )
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if checkout_url is not UNSET:
            field_dict["checkoutUrl"] = checkout_url
        if portal_url is not UNSET:
            field_dict["portalUrl"] = portal_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        checkout_url = d.pop("checkoutUrl", UNSET)

        portal_url = d.pop("portalUrl", UNSET)

        token_data = cls(
            token=token,
            expires_at=expires_at,
            checkout_url=checkout_url,
            portal_url=portal_url,
        )

        token_data.additional_properties = d
        return token_data

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
