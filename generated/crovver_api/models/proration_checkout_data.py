from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.proration_explanation import ProrationExplanation
    from ..models.seat_proration import SeatProration


T = TypeVar("T", bound="ProrationCheckoutData")


@_attrs_define
class ProrationCheckoutData:
    """`requiresPayment` is the answer: with a checkout URL (Stripe), or without one when an invoice
    was generated (other providers).

    """

    proration_id: str
    requires_payment: bool
    checkout_url: None | str | Unset = UNSET
    proration_amount: float | str | Unset = UNSET
    """ A money amount in major units; sent as a JSON number or as a decimal string. """
    proration_details: ProrationExplanation | SeatProration | Unset = UNSET
    """ Either a priced quote (`SeatProration`, as allocate sends it) or the docs'
    `{description, calculation}`; crovver-node and crovver-php read a free-form object.
     """
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.seat_proration import SeatProration  # noqa: PLC0415

        proration_id = self.proration_id

        requires_payment = self.requires_payment

        checkout_url: None | str | Unset
        if isinstance(self.checkout_url, Unset):
            checkout_url = UNSET
        else:
            checkout_url = self.checkout_url

        proration_amount: float | str | Unset
        if isinstance(self.proration_amount, Unset):
            proration_amount = UNSET
        else:
            proration_amount = self.proration_amount

        proration_details: dict[str, Any] | Unset
        if isinstance(self.proration_details, Unset):
            proration_details = UNSET
        elif isinstance(self.proration_details, SeatProration):
            proration_details = self.proration_details.to_dict()
        else:
            proration_details = self.proration_details.to_dict()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prorationId": proration_id,
                "requiresPayment": requires_payment,
            }
        )
        if checkout_url is not UNSET:
            field_dict["checkoutUrl"] = checkout_url
        if proration_amount is not UNSET:
            field_dict["prorationAmount"] = proration_amount
        if proration_details is not UNSET:
            field_dict["prorationDetails"] = proration_details
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proration_explanation import ProrationExplanation  # noqa: PLC0415
        from ..models.seat_proration import SeatProration  # noqa: PLC0415

        d = dict(src_dict)
        proration_id = d.pop("prorationId")

        requires_payment = d.pop("requiresPayment")

        def _parse_checkout_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkout_url = _parse_checkout_url(d.pop("checkoutUrl", UNSET))

        def _parse_proration_amount(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        proration_amount = _parse_proration_amount(d.pop("prorationAmount", UNSET))

        def _parse_proration_details(data: object) -> ProrationExplanation | SeatProration | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                proration_details_type_0 = SeatProration.from_dict(data)

                return proration_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            proration_details_type_1 = ProrationExplanation.from_dict(data)

            return proration_details_type_1

        proration_details = _parse_proration_details(d.pop("prorationDetails", UNSET))

        message = d.pop("message", UNSET)

        proration_checkout_data = cls(
            proration_id=proration_id,
            requires_payment=requires_payment,
            checkout_url=checkout_url,
            proration_amount=proration_amount,
            proration_details=proration_details,
            message=message,
        )

        proration_checkout_data.additional_properties = d
        return proration_checkout_data

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
