from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SeatProration")


@_attrs_define
class SeatProration:
    """A quoted prorated charge; `amount` in major units of `currency` (the docs send 1.75)."""

    amount: float | str
    """ A money amount in major units; sent as a JSON number or as a decimal string. """
    currency: str
    description: None | str | Unset = UNSET
    days_remaining: int | Unset = UNSET
    total_days_in_period: int | Unset = UNSET
    current_seats: int | Unset = UNSET
    new_seats: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: float | str
        amount = self.amount

        currency = self.currency

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        days_remaining = self.days_remaining

        total_days_in_period = self.total_days_in_period

        current_seats = self.current_seats

        new_seats = self.new_seats

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if days_remaining is not UNSET:
            field_dict["daysRemaining"] = days_remaining
        if total_days_in_period is not UNSET:
            field_dict["totalDaysInPeriod"] = total_days_in_period
        if current_seats is not UNSET:
            field_dict["currentSeats"] = current_seats
        if new_seats is not UNSET:
            field_dict["newSeats"] = new_seats

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> float | str:
            return cast(float | str, data)

        amount = _parse_amount(d.pop("amount"))

        currency = d.pop("currency")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        days_remaining = d.pop("daysRemaining", UNSET)

        total_days_in_period = d.pop("totalDaysInPeriod", UNSET)

        current_seats = d.pop("currentSeats", UNSET)

        new_seats = d.pop("newSeats", UNSET)

        seat_proration = cls(
            amount=amount,
            currency=currency,
            description=description,
            days_remaining=days_remaining,
            total_days_in_period=total_days_in_period,
            current_seats=current_seats,
            new_seats=new_seats,
        )

        seat_proration.additional_properties = d
        return seat_proration

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
