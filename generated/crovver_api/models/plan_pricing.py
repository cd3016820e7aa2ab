from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.billing_interval import BillingInterval
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanPricing")


@_attrs_define
class PlanPricing:
    """The plan's first (default) price. A flat plan carries `amount`; a seat-based plan carries
    `basePrice`, `includedSeats`, `perSeatPrice`, `minSeats`, `maxSeats` instead (docs).

    """

    currency: str
    interval: BillingInterval | str | Unset = UNSET
    is_seat_based: bool | Unset = UNSET
    amount: float | None | str | Unset = UNSET
    base_price: float | None | str | Unset = UNSET
    included_seats: int | None | Unset = UNSET
    per_seat_price: float | None | str | Unset = UNSET
    min_seats: int | None | Unset = UNSET
    max_seats: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        interval: str | Unset
        if isinstance(self.interval, Unset):
            interval = UNSET
        elif isinstance(self.interval, BillingInterval):
            interval = self.interval.value
        else:
            interval = self.interval

        is_seat_based = self.is_seat_based

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

        included_seats: int | None | Unset
        if isinstance(self.included_seats, Unset):
            included_seats = UNSET
        else:
            included_seats = self.included_seats

        per_seat_price: float | None | str | Unset
        if isinstance(self.per_seat_price, Unset):
            per_seat_price = UNSET
        else:
            per_seat_price = self.per_seat_price

        min_seats: int | None | Unset
        if isinstance(self.min_seats, Unset):
            min_seats = UNSET
        else:
            min_seats = self.min_seats

        max_seats: int | None | Unset
        if isinstance(self.max_seats, Unset):
            max_seats = UNSET
        else:
            max_seats = self.max_seats

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
            }
        )
        if interval is not UNSET:
            field_dict["interval"] = interval
        if is_seat_based is not UNSET:
            field_dict["isSeatBased"] = is_seat_based
        if amount is not UNSET:
            field_dict["amount"] = amount
        if base_price is not UNSET:
            field_dict["basePrice"] = base_price
        if included_seats is not UNSET:
            field_dict["includedSeats"] = included_seats
        if per_seat_price is not UNSET:
            field_dict["perSeatPrice"] = per_seat_price
        if min_seats is not UNSET:
            field_dict["minSeats"] = min_seats
        if max_seats is not UNSET:
            field_dict["maxSeats"] = max_seats

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        def _parse_interval(data: object) -> BillingInterval | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interval_type_0 = BillingInterval(data)

                return interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingInterval | str | Unset, data)

        interval = _parse_interval(d.pop("interval", UNSET))

        is_seat_based = d.pop("isSeatBased", UNSET)

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

        def _parse_included_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        included_seats = _parse_included_seats(d.pop("includedSeats", UNSET))

        def _parse_per_seat_price(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        per_seat_price = _parse_per_seat_price(d.pop("perSeatPrice", UNSET))

        def _parse_min_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_seats = _parse_min_seats(d.pop("minSeats", UNSET))

        def _parse_max_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_seats = _parse_max_seats(d.pop("maxSeats", UNSET))

        plan_pricing = cls(
            currency=currency,
            interval=interval,
            is_seat_based=is_seat_based,
            amount=amount,
            base_price=base_price,
            included_seats=included_seats,
            per_seat_price=per_seat_price,
            min_seats=min_seats,
            max_seats=max_seats,
        )

        plan_pricing.additional_properties = d
        return plan_pricing

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
