from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanPrice")


@_attrs_define
class PlanPrice:
    """One price per currency. The docs send `amount` (flat plans) **or** `basePrice` and
    `perSeatPrice` (seat-based plans), as numbers or decimal strings ("29.00"); crovver-node
    types all three, nullable.

    """

    currency: str
    amount: float | None | str | Unset = UNSET
    base_price: float | None | str | Unset = UNSET
    per_seat_price: float | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        amount: float | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        base_price: float | None | str | Unset
        if isinstance(self.base_price, Unset):
            base_price = UNSET
        else:
            base_price = self.base_price

        per_seat_price: float | None | str | Unset
        if isinstance(self.per_seat_price, Unset):
            per_seat_price = UNSET
        else:
            per_seat_price = self.per_seat_price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if base_price is not UNSET:
            field_dict["basePrice"] = base_price
        if per_seat_price is not UNSET:
            field_dict["perSeatPrice"] = per_seat_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        def _parse_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_base_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        base_price = _parse_base_price(d.pop("basePrice", UNSET))

        def _parse_per_seat_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        per_seat_price = _parse_per_seat_price(d.pop("perSeatPrice", UNSET))

        plan_price = cls(
            currency=currency,
            amount=amount,
            base_price=base_price,
            per_seat_price=per_seat_price,
        )

        plan_price.additional_properties = d
        return plan_price

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
