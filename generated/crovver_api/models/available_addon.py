from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.addon_expiry_type import AddonExpiryType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AvailableAddon")


@_attrs_define
class AvailableAddon:
    id: str
    pool_key: str | Unset = UNSET
    display_name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    credit_qty: int | Unset = UNSET
    expiry_type: AddonExpiryType | str | Unset = UNSET
    expiry_days: int | None | Unset = UNSET
    currency: str | Unset = UNSET
    amount: float | str | Unset = UNSET
    """ A money amount in major units; sent as a JSON number or as a decimal string. """
    current_balance: int | None | Unset = UNSET
    pool_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        pool_key = self.pool_key

        display_name = self.display_name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        credit_qty = self.credit_qty

        expiry_type: str | Unset
        if isinstance(self.expiry_type, Unset):
            expiry_type = UNSET
        elif isinstance(self.expiry_type, AddonExpiryType):
            expiry_type = self.expiry_type.value
        else:
            expiry_type = self.expiry_type

        expiry_days: int | None | Unset
        if isinstance(self.expiry_days, Unset):
            expiry_days = UNSET
        else:
            expiry_days = self.expiry_days

        currency = self.currency

        amount: float | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        current_balance: int | None | Unset
        if isinstance(self.current_balance, Unset):
            current_balance = UNSET
        else:
            current_balance = self.current_balance

        pool_limit: int | None | Unset
        if isinstance(self.pool_limit, Unset):
            pool_limit = UNSET
        else:
            pool_limit = self.pool_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if pool_key is not UNSET:
            field_dict["pool_key"] = pool_key
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if description is not UNSET:
            field_dict["description"] = description
        if credit_qty is not UNSET:
            field_dict["credit_qty"] = credit_qty
        if expiry_type is not UNSET:
            field_dict["expiry_type"] = expiry_type
        if expiry_days is not UNSET:
            field_dict["expiry_days"] = expiry_days
        if currency is not UNSET:
            field_dict["currency"] = currency
        if amount is not UNSET:
            field_dict["amount"] = amount
        if current_balance is not UNSET:
            field_dict["current_balance"] = current_balance
        if pool_limit is not UNSET:
            field_dict["pool_limit"] = pool_limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        pool_key = d.pop("pool_key", UNSET)

        display_name = d.pop("display_name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        credit_qty = d.pop("credit_qty", UNSET)

        def _parse_expiry_type(data: object) -> AddonExpiryType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_type_type_0 = AddonExpiryType(data)

                return expiry_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddonExpiryType | str | Unset, data)

        expiry_type = _parse_expiry_type(d.pop("expiry_type", UNSET))

        def _parse_expiry_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expiry_days = _parse_expiry_days(d.pop("expiry_days", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_amount(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_current_balance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        current_balance = _parse_current_balance(d.pop("current_balance", UNSET))

        def _parse_pool_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pool_limit = _parse_pool_limit(d.pop("pool_limit", UNSET))

        available_addon = cls(
            id=id,
            pool_key=pool_key,
            display_name=display_name,
            description=description,
            credit_qty=credit_qty,
            expiry_type=expiry_type,
            expiry_days=expiry_days,
            currency=currency,
            amount=amount,
            current_balance=current_balance,
            pool_limit=pool_limit,
        )

        available_addon.additional_properties = d
        return available_addon

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
