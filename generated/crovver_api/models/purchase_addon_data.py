from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PurchaseAddonData")


@_attrs_define
class PurchaseAddonData:
    """A replayed idempotency key answers only `{purchaseId, checkoutUrl, alreadyProcessed}`."""

    purchase_id: str
    checkout_url: None | str | Unset = UNSET
    requires_payment: bool | Unset = UNSET
    addon_name: str | Unset = UNSET
    credit_qty: int | Unset = UNSET
    amount: float | str | Unset = UNSET
    """ A money amount in major units; sent as a JSON number or as a decimal string. """
    currency: str | Unset = UNSET
    already_processed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        purchase_id = self.purchase_id

        checkout_url: None | str | Unset
        if isinstance(self.checkout_url, Unset):
            checkout_url = UNSET
        else:
            checkout_url = self.checkout_url

        requires_payment = self.requires_payment

        addon_name = self.addon_name

        credit_qty = self.credit_qty

        amount: float | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency = self.currency

        already_processed = self.already_processed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "purchaseId": purchase_id,
            }
        )
        if checkout_url is not UNSET:
            field_dict["checkoutUrl"] = checkout_url
        if requires_payment is not UNSET:
            field_dict["requiresPayment"] = requires_payment
        if addon_name is not UNSET:
            field_dict["addonName"] = addon_name
        if credit_qty is not UNSET:
            field_dict["creditQty"] = credit_qty
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if already_processed is not UNSET:
            field_dict["alreadyProcessed"] = already_processed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purchase_id = d.pop("purchaseId")

        def _parse_checkout_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkout_url = _parse_checkout_url(d.pop("checkoutUrl", UNSET))

        requires_payment = d.pop("requiresPayment", UNSET)

        addon_name = d.pop("addonName", UNSET)

        credit_qty = d.pop("creditQty", UNSET)

        def _parse_amount(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        currency = d.pop("currency", UNSET)

        already_processed = d.pop("alreadyProcessed", UNSET)

        purchase_addon_data = cls(
            purchase_id=purchase_id,
            checkout_url=checkout_url,
            requires_payment=requires_payment,
            addon_name=addon_name,
            credit_qty=credit_qty,
            amount=amount,
            currency=currency,
            already_processed=already_processed,
        )

        purchase_addon_data.additional_properties = d
        return purchase_addon_data

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
