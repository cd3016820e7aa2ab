from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SupportedProvider")


@_attrs_define
class SupportedProvider:
    """No docs example; the shape of crovver-node's and crovver-php's types."""

    id: str
    code: str
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    logo_url: None | str | Unset = UNSET
    is_enabled: bool | Unset = UNSET
    supports_recurring_billing: bool | Unset = UNSET
    supports_webhooks: bool | Unset = UNSET
    supports_test_mode: bool | Unset = UNSET
    capabilities: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        logo_url: None | str | Unset
        if isinstance(self.logo_url, Unset):
            logo_url = UNSET
        else:
            logo_url = self.logo_url

        is_enabled = self.is_enabled

        supports_recurring_billing = self.supports_recurring_billing

        supports_webhooks = self.supports_webhooks

        supports_test_mode = self.supports_test_mode

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if logo_url is not UNSET:
            field_dict["logoUrl"] = logo_url
        if is_enabled is not UNSET:
            field_dict["isEnabled"] = is_enabled
        if supports_recurring_billing is not UNSET:
            field_dict["supportsRecurringBilling"] = supports_recurring_billing
        if supports_webhooks is not UNSET:
            field_dict["supportsWebhooks"] = supports_webhooks
        if supports_test_mode is not UNSET:
            field_dict["supportsTestMode"] = supports_test_mode
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_logo_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        logo_url = _parse_logo_url(d.pop("logoUrl", UNSET))

        is_enabled = d.pop("isEnabled", UNSET)

        supports_recurring_billing = d.pop("supportsRecurringBilling", UNSET)

        supports_webhooks = d.pop("supportsWebhooks", UNSET)

        supports_test_mode = d.pop("supportsTestMode", UNSET)

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        supported_provider = cls(
            id=id,
            code=code,
            name=name,
            description=description,
            logo_url=logo_url,
            is_enabled=is_enabled,
            supports_recurring_billing=supports_recurring_billing,
            supports_webhooks=supports_webhooks,
            supports_test_mode=supports_test_mode,
            capabilities=capabilities,
        )

        supported_provider.additional_properties = d
        return supported_provider

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
