from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusSubscription")


@_attrs_define
class StatusSubscription:
    """The status reply's subscription. `concepts/subscriptions.mdx` shows the same camelCase object
    with `tenantId`, `planId`, `canceledAt`, `providerSubscriptionId`, `providerCustomerId`;
    crovver-react reads `canceledAt`.

    """

    id: str
    status: str | SubscriptionStatus
    tenant_id: str | Unset = UNSET
    plan_id: str | Unset = UNSET
    trial_ends_at: datetime.datetime | None | Unset = UNSET
    current_period_start: datetime.datetime | None | Unset = UNSET
    current_period_end: datetime.datetime | None | Unset = UNSET
    canceled_at: datetime.datetime | None | Unset = UNSET
    capacity_units: int | None | Unset = UNSET
    used_capacity: int | None | Unset = UNSET
    provider_subscription_id: None | str | Unset = UNSET
    provider_customer_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str
        if isinstance(self.status, SubscriptionStatus):
            status = self.status.value
        else:
            status = self.status

        tenant_id = self.tenant_id

        plan_id = self.plan_id

        trial_ends_at: None | str | Unset
        if isinstance(self.trial_ends_at, Unset):
            trial_ends_at = UNSET
        elif isinstance(self.trial_ends_at, datetime.datetime):
            trial_ends_at = self.trial_ends_at.isoformat()
        else:
            trial_ends_at = self.trial_ends_at

        current_period_start: None | str | Unset
        if isinstance(self.current_period_start, Unset):
            current_period_start = UNSET
        elif isinstance(self.current_period_start, datetime.datetime):
            current_period_start = self.current_period_start.isoformat()
        else:
            current_period_start = self.current_period_start

        current_period_end: None | str | Unset
        if isinstance(self.current_period_end, Unset):
            current_period_end = UNSET
        elif isinstance(self.current_period_end, datetime.datetime):
            current_period_end = self.current_period_end.isoformat()
        else:
            current_period_end = self.current_period_end

        canceled_at: None | str | Unset
        if isinstance(self.canceled_at, Unset):
            canceled_at = UNSET
        elif isinstance(self.canceled_at, datetime.datetime):
            canceled_at = self.canceled_at.isoformat()
        else:
            canceled_at = self.canceled_at

        capacity_units: int | None | Unset
        if isinstance(self.capacity_units, Unset):
            capacity_units = UNSET
        else:
            capacity_units = self.capacity_units

        used_capacity: int | None | Unset
        if isinstance(self.used_capacity, Unset):
            used_capacity = UNSET
        else:
            used_capacity = self.used_capacity

        provider_subscription_id: None | str | Unset
        if isinstance(self.provider_subscription_id, Unset):
            provider_subscription_id = UNSET
        else:
            provider_subscription_id = self.provider_subscription_id

        provider_customer_id: None | str | Unset
        if isinstance(self.provider_customer_id, Unset):
            provider_customer_id = UNSET
        else:
            provider_customer_id = self.provider_customer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if trial_ends_at is not UNSET:
            field_dict["trialEndsAt"] = trial_ends_at
        if current_period_start is not UNSET:
            field_dict["currentPeriodStart"] = current_period_start
        if current_period_end is not UNSET:
            field_dict["currentPeriodEnd"] = current_period_end
        if canceled_at is not UNSET:
            field_dict["canceledAt"] = canceled_at
        if capacity_units is not UNSET:
            field_dict["capacityUnits"] = capacity_units
        if used_capacity is not UNSET:
            field_dict["usedCapacity"] = used_capacity
        if provider_subscription_id is not UNSET:
            field_dict["providerSubscriptionId"] = provider_subscription_id
        if provider_customer_id is not UNSET:
            field_dict["providerCustomerId"] = provider_customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> str | SubscriptionStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = SubscriptionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | SubscriptionStatus, data)

        status = _parse_status(d.pop("status"))

        tenant_id = d.pop("tenantId", UNSET)

        plan_id = d.pop("planId", UNSET)

        def _parse_trial_ends_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trial_ends_at_type_0 = datetime.datetime.fromisoformat(data)

                return trial_ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        trial_ends_at = _parse_trial_ends_at(d.pop("trialEndsAt", UNSET))

        def _parse_current_period_start(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_start_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_start = _parse_current_period_start(d.pop("currentPeriodStart", UNSET))

        def _parse_current_period_end(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_period_end_type_0 = datetime.datetime.fromisoformat(data)

                return current_period_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        current_period_end = _parse_current_period_end(d.pop("currentPeriodEnd", UNSET))

        def _parse_canceled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                canceled_at_type_0 = datetime.datetime.fromisoformat(data)

                return canceled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        canceled_at = _parse_canceled_at(d.pop("canceledAt", UNSET))

        def _parse_capacity_units(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity_units = _parse_capacity_units(d.pop("capacityUnits", UNSET))

        def _parse_used_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        used_capacity = _parse_used_capacity(d.pop("usedCapacity", UNSET))

        def _parse_provider_subscription_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_subscription_id = _parse_provider_subscription_id(d.pop("providerSubscriptionId", UNSET))

        def _parse_provider_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_customer_id = _parse_provider_customer_id(d.pop("providerCustomerId", UNSET))

        status_subscription = cls(
            id=id,
            status=status,
            tenant_id=tenant_id,
            plan_id=plan_id,
            trial_ends_at=trial_ends_at,
            current_period_start=current_period_start,
            current_period_end=current_period_end,
            canceled_at=canceled_at,
            capacity_units=capacity_units,
            used_capacity=used_capacity,
            provider_subscription_id=provider_subscription_id,
            provider_customer_id=provider_customer_id,
        )

        status_subscription.additional_properties = d
        return status_subscription

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
