from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActiveAddonPool")


@_attrs_define
class ActiveAddonPool:
    """`addon_remaining` is the answer; the docs send the counts as strings ("500")."""

    pool_key: str
    addon_remaining: int | str
    """ A count, sent as a JSON integer or as an integer string (the docs send "500"). """
    active_addon_grants: int | str | Unset = UNSET
    """ A count, sent as a JSON integer or as an integer string (the docs send "500"). """
    next_addon_expiry: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pool_key = self.pool_key

        addon_remaining: int | str
        addon_remaining = self.addon_remaining

        active_addon_grants: int | str | Unset
        if isinstance(self.active_addon_grants, Unset):
            active_addon_grants = UNSET
        else:
            active_addon_grants = self.active_addon_grants

        next_addon_expiry: None | str | Unset
        if isinstance(self.next_addon_expiry, Unset):
            next_addon_expiry = UNSET
        elif isinstance(self.next_addon_expiry, datetime.datetime):
            next_addon_expiry = self.next_addon_expiry.isoformat()
        else:
            next_addon_expiry = self.next_addon_expiry

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pool_key": pool_key,
                "addon_remaining": addon_remaining,
            }
        )
        if active_addon_grants is not UNSET:
            field_dict["active_addon_grants"] = active_addon_grants
        if next_addon_expiry is not UNSET:
            field_dict["next_addon_expiry"] = next_addon_expiry

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pool_key = d.pop("pool_key")

        def _parse_addon_remaining(data: object) -> int | str:
            return cast(int | str, data)

        addon_remaining = _parse_addon_remaining(d.pop("addon_remaining"))

        def _parse_active_addon_grants(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        active_addon_grants = _parse_active_addon_grants(d.pop("active_addon_grants", UNSET))

        def _parse_next_addon_expiry(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_addon_expiry_type_0 = datetime.datetime.fromisoformat(data)

                return next_addon_expiry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_addon_expiry = _parse_next_addon_expiry(d.pop("next_addon_expiry", UNSET))

        active_addon_pool = cls(
            pool_key=pool_key,
            addon_remaining=addon_remaining,
            active_addon_grants=active_addon_grants,
            next_addon_expiry=next_addon_expiry,
        )

        active_addon_pool.additional_properties = d
        return active_addon_pool

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
