from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.limit_behavior import LimitBehavior
from ..models.refill_behavior import RefillBehavior
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditPoolDefinition")


@_attrs_define
class CreditPoolDefinition:
    pool_key: str
    display_name: str | Unset = UNSET
    limit_per_period: int | Unset = UNSET
    refill_behavior: RefillBehavior | str | Unset = UNSET
    rollover_cap: int | None | Unset = UNSET
    """ The most credits a rollover pool may carry over; null means no cap. """
    limit_behavior: LimitBehavior | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pool_key = self.pool_key

        display_name = self.display_name

        limit_per_period = self.limit_per_period

        refill_behavior: str | Unset
        if isinstance(self.refill_behavior, Unset):
            refill_behavior = UNSET
        elif isinstance(self.refill_behavior, RefillBehavior):
            refill_behavior = self.refill_behavior.value
        else:
            refill_behavior = self.refill_behavior

        rollover_cap: int | None | Unset
        if isinstance(self.rollover_cap, Unset):
            rollover_cap = UNSET
        else:
            rollover_cap = self.rollover_cap

        limit_behavior: str | Unset
        if isinstance(self.limit_behavior, Unset):
            limit_behavior = UNSET
        elif isinstance(self.limit_behavior, LimitBehavior):
            limit_behavior = self.limit_behavior.value
        else:
            limit_behavior = self.limit_behavior

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "poolKey": pool_key,
            }
        )
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if limit_per_period is not UNSET:
            field_dict["limitPerPeriod"] = limit_per_period
        if refill_behavior is not UNSET:
            field_dict["refillBehavior"] = refill_behavior
        if rollover_cap is not UNSET:
            field_dict["rolloverCap"] = rollover_cap
        if limit_behavior is not UNSET:
            field_dict["limitBehavior"] = limit_behavior

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pool_key = d.pop("poolKey")

        display_name = d.pop("displayName", UNSET)

        limit_per_period = d.pop("limitPerPeriod", UNSET)

        def _parse_refill_behavior(data: object) -> RefillBehavior | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refill_behavior_type_0 = RefillBehavior(data)

                return refill_behavior_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RefillBehavior | str | Unset, data)

        refill_behavior = _parse_refill_behavior(d.pop("refillBehavior", UNSET))

        def _parse_rollover_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rollover_cap = _parse_rollover_cap(d.pop("rolloverCap", UNSET))

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

        credit_pool_definition = cls(
            pool_key=pool_key,
            display_name=display_name,
            limit_per_period=limit_per_period,
            refill_behavior=refill_behavior,
            rollover_cap=rollover_cap,
            limit_behavior=limit_behavior,
        )

        credit_pool_definition.additional_properties = d
        return credit_pool_definition

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
