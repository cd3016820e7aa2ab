from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CreateCheckoutRequest")


@_attrs_define
class CreateCheckoutRequest:
    plan_id: str
    external_tenant_id: str | Unset = UNSET
    """ The tenant (B2B). """
    external_user_id: str | Unset = UNSET
    """ The user (D2C identity). """
    provider: str | Unset = UNSET
    """ `stripe`, `khalti`, `esewa`, …; defaults to the organization's. """
    currency: str | Unset = UNSET
    """ Defaults to the plan's first price. """
    total_capacity_units: int | Unset = UNSET
    """ Seats, for seat-based plans. """
    total_capcity_units: int | Unset = UNSET
    """ The docs' spelling of `totalCapacityUnits` (api-reference/checkout/create-session.mdx). """
    quantity: int | Unset = UNSET
    """ crovver-node's name for the seat count (`CreateCheckoutSessionRequest.quantity`). """
    user_email: str | Unset = UNSET
    user_name: str | Unset = UNSET
    success_url: str | Unset = UNSET
    cancel_url: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        external_tenant_id = self.external_tenant_id

        external_user_id = self.external_user_id

        provider = self.provider

        currency = self.currency

        total_capacity_units = self.total_capacity_units

        total_capcity_units = self.total_capcity_units

        quantity = self.quantity

        user_email = self.user_email

        user_name = self.user_name

        success_url = self.success_url

        cancel_url = self.cancel_url

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "planId": plan_id,
            }
        )
        if external_tenant_id is not UNSET:
            field_dict["externalTenantId"] = external_tenant_id
        if external_user_id is not UNSET:
            field_dict["externalUserId"] = external_user_id
        if provider is not UNSET:
            field_dict["provider"] = provider
        if currency is not UNSET:
            field_dict["currency"] = currency
        if total_capacity_units is not UNSET:
            field_dict["totalCapacityUnits"] = total_capacity_units
        if total_capcity_units is not UNSET:
            field_dict["totalCapcityUnits"] = total_capcity_units
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if user_email is not UNSET:
            field_dict["userEmail"] = user_email
        if user_name is not UNSET:
            field_dict["userName"] = user_name
        if success_url is not UNSET:
            field_dict["successUrl"] = success_url
        if cancel_url is not UNSET:
            field_dict["cancelUrl"] = cancel_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        plan_id = d.pop("planId")

        external_tenant_id = d.pop("externalTenantId", UNSET)

        external_user_id = d.pop("externalUserId", UNSET)

        provider = d.pop("provider", UNSET)

        currency = d.pop("currency", UNSET)

        total_capacity_units = d.pop("totalCapacityUnits", UNSET)

        total_capcity_units = d.pop("totalCapcityUnits", UNSET)

        quantity = d.pop("quantity", UNSET)

        user_email = d.pop("userEmail", UNSET)

        user_name = d.pop("userName", UNSET)

        success_url = d.pop("successUrl", UNSET)

        cancel_url = d.pop("cancelUrl", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)

        create_checkout_request = cls(
            plan_id=plan_id,
            external_tenant_id=external_tenant_id,
            external_user_id=external_user_id,
            provider=provider,
            currency=currency,
            total_capacity_units=total_capacity_units,
            total_capcity_units=total_capcity_units,
            quantity=quantity,
            user_email=user_email,
            user_name=user_name,
            success_url=success_url,
            cancel_url=cancel_url,
            metadata=metadata,
        )

        create_checkout_request.additional_properties = d
        return create_checkout_request

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
