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
    display_name: str
    limit_per_period: int
    refill_behavior: RefillBehavior | str
    limit_behavior: LimitBehavior | str
    rollover_cap: int | None | Unset = UNSET
    """ The most credits a rollover pool may carry over; null means no cap. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pool_key = self.pool_key

        display_name = self.display_name

        limit_per_period = self.limit_per_period

        refill_behavior: str
        if isinstance(self.refill_behavior, RefillBehavior):
            refill_behavior = self.refill_behavior.value
        else:
            refill_behavior = self.refill_behavior

        limit_behavior: str
        if isinstance(self.limit_behavior, LimitBehavior):
            limit_behavior = self.limit_behavior.value
        else:
            limit_behavior = self.limit_behavior

        rollover_cap: int | None | Unset
        if isinstance(self.rollover_cap, Unset):
            rollover_cap = UNSET
        else:
            rollover_cap = self.rollover_cap

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "poolKey": pool_key,
                "displayName": display_name,
                "limitPerPeriod": limit_per_period,
                "refillBehavior": refill_behavior,
                "limitBehavior": limit_behavior,
            }
        )
        if rollover_cap is not UNSET:
            field_dict["rolloverCap"] = rollover_cap

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pool_key = d.pop("poolKey")

        display_name = d.pop("displayName")

        limit_per_period = d.pop("limitPerPeriod")

        def _parse_refill_behavior(data: object) -> RefillBehavior | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refill_behavior_type_0 = RefillBehavior(data)

                return refill_behavior_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RefillBehavior | str, data)

        refill_behavior = _parse_refill_behavior(d.pop("refillBehavior"))

        def _parse_limit_behavior(data: object) -> LimitBehavior | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                limit_behavior_type_0 = LimitBehavior(data)

                return limit_behavior_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitBehavior | str, data)

        limit_behavior = _parse_limit_behavior(d.pop("limitBehavior"))

        def _parse_rollover_cap(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rollover_cap = _parse_rollover_cap(d.pop("rolloverCap", UNSET))

        credit_pool_definition = cls(
            pool_key=pool_key,
            display_name=display_name,
            limit_per_period=limit_per_period,
            refill_behavior=refill_behavior,
            limit_behavior=limit_behavior,
            rollover_cap=rollover_cap,
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
