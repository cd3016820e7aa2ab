from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckoutSessionData")


@_attrs_define
class CheckoutSessionData:
    """The docs show `{checkoutUrl, sessionId, subscriptionId}`. crovver-php requires
    `subscriptionId` and `planName`, reads `isFree`, `provider`, `amount`, `currency`, `error`,
    and takes `checkoutUrl` and `sessionId` as nullable (a free plan needs no payment);
    crovver-node also types `error: string | null`.

    """

    subscription_id: str
    checkout_url: None | str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    plan_name: str | Unset = UNSET
    is_free: bool | Unset = UNSET
    provider: None | str | Unset = UNSET
    amount: float | None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    """ A provider-side problem reported inside a successful reply (crovver-node, crovver-php). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subscription_id = self.subscription_id

        checkout_url: None | str | Unset
        if isinstance(self.checkout_url, Unset):
            checkout_url = UNSET
        else:
            checkout_url = self.checkout_url

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        plan_name = self.plan_name

        is_free = self.is_free

        provider: None | str | Unset
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        amount: float | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscriptionId": subscription_id,
            }
        )
        if checkout_url is not UNSET:
            field_dict["checkoutUrl"] = checkout_url
        if session_id is not UNSET:
            field_dict["sessionId"] = session_id
        if plan_name is not UNSET:
            field_dict["planName"] = plan_name
        if is_free is not UNSET:
            field_dict["isFree"] = is_free
        if provider is not UNSET:
            field_dict["provider"] = provider
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subscription_id = d.pop("subscriptionId")

        def _parse_checkout_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        checkout_url = _parse_checkout_url(d.pop("checkoutUrl", UNSET))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("sessionId", UNSET))

        plan_name = d.pop("planName", UNSET)

        is_free = d.pop("isFree", UNSET)

        def _parse_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        checkout_session_data = cls(
            subscription_id=subscription_id,
            checkout_url=checkout_url,
            session_id=session_id,
            plan_name=plan_name,
            is_free=is_free,
            provider=provider,
            amount=amount,
            currency=currency,
            error=error,
        )

        checkout_session_data.additional_properties = d
        return checkout_session_data

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
