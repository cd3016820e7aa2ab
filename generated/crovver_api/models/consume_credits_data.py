from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consume_outcome import ConsumeOutcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsumeCreditsData")


@_attrs_define
class ConsumeCreditsData:
    """`result` is the answer."""

    result: ConsumeOutcome | str
    remaining: int | Unset = UNSET
    already_processed: bool | Unset = UNSET
    pool_key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: str
        if isinstance(self.result, ConsumeOutcome):
            result = self.result.value
        else:
            result = self.result

        remaining = self.remaining

        already_processed = self.already_processed

        pool_key = self.pool_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if already_processed is not UNSET:
            field_dict["alreadyProcessed"] = already_processed
        if pool_key is not UNSET:
            field_dict["poolKey"] = pool_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_result(data: object) -> ConsumeOutcome | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = ConsumeOutcome(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsumeOutcome | str, data)

        result = _parse_result(d.pop("result"))

        remaining = d.pop("remaining", UNSET)

        already_processed = d.pop("alreadyProcessed", UNSET)

        pool_key = d.pop("poolKey", UNSET)

        consume_credits_data = cls(
            result=result,
            remaining=remaining,
            already_processed=already_processed,
            pool_key=pool_key,
        )

        consume_credits_data.additional_properties = d
        return consume_credits_data

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
