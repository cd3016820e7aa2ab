from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.limit_behavior import LimitBehavior
from ..types import UNSET, Unset

T = TypeVar("T", bound="PoolBalance")


@_attrs_define
class PoolBalance:
    """One pool's balance. `total` (base plus add-on credits) is the answer."""

    total: int
    pool_key: str | Unset = UNSET
    """ The pool's key; also the key of this entry in the balance object. """
    display_name: None | str | Unset = UNSET
    base_remaining: int | Unset = UNSET
    addon_remaining: int | Unset = UNSET
    limit: int | None | Unset = UNSET
    limit_behavior: LimitBehavior | str | Unset = UNSET
    next_expiry: datetime.datetime | None | Unset = UNSET
    usage_percent: float | Unset = UNSET
    """ Percent of the period's limit used (0-100 for a pool within its limit). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        pool_key = self.pool_key

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        base_remaining = self.base_remaining

        addon_remaining = self.addon_remaining

        limit: int | None | Unset
        if isinstance(self.limit, Unset):
            limit = UNSET
        else:
            limit = self.limit

        limit_behavior: str | Unset
        if isinstance(self.limit_behavior, Unset):
            limit_behavior = UNSET
        elif isinstance(self.limit_behavior, LimitBehavior):
            limit_behavior = self.limit_behavior.value
        else:
            limit_behavior = self.limit_behavior

        next_expiry: None | str | Unset
        if isinstance(self.next_expiry, Unset):
            next_expiry = UNSET
        elif isinstance(self.next_expiry, datetime.datetime):
            next_expiry = self.next_expiry.isoformat()
        else:
            next_expiry = self.next_expiry

        usage_percent = self.usage_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
            }
        )
        if pool_key is not UNSET:
            field_dict["poolKey"] = pool_key
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if base_remaining is not UNSET:
            field_dict["baseRemaining"] = base_remaining
        if addon_remaining is not UNSET:
            field_dict["addonRemaining"] = addon_remaining
        if limit is not UNSET:
            field_dict["limit"] = limit
        if limit_behavior is not UNSET:
            field_dict["limitBehavior"] = limit_behavior
        if next_expiry is not UNSET:
            field_dict["nextExpiry"] = next_expiry
        if usage_percent is not UNSET:
            field_dict["usagePercent"] = usage_percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        pool_key = d.pop("poolKey", UNSET)

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("displayName", UNSET))

        base_remaining = d.pop("baseRemaining", UNSET)

        addon_remaining = d.pop("addonRemaining", UNSET)

        def _parse_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        limit = _parse_limit(d.pop("limit", UNSET))

        def _parse_limit_behavior(data: object) -> LimitBehavior | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                limit_behavior_type_0 = LimitBehavior(data)

                return limit_behavior_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitBehavior | str | Unset, data)

        limit_behavior = _parse_limit_behavior(d.pop("limitBehavior", UNSET))

        def _parse_next_expiry(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_expiry_type_0 = datetime.datetime.fromisoformat(data)

                return next_expiry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_expiry = _parse_next_expiry(d.pop("nextExpiry", UNSET))

        usage_percent = d.pop("usagePercent", UNSET)

        pool_balance = cls(
            total=total,
            pool_key=pool_key,
            display_name=display_name,
            base_remaining=base_remaining,
            addon_remaining=addon_remaining,
            limit=limit,
            limit_behavior=limit_behavior,
            next_expiry=next_expiry,
            usage_percent=usage_percent,
        )

        pool_balance.additional_properties = d
        return pool_balance

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
