from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_status import AccessStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.status_plan import StatusPlan
    from ..models.status_subscription import StatusSubscription
    from ..models.status_tenant import StatusTenant


T = TypeVar("T", bound="SubscriptionStatusData")


@_attrs_define
class SubscriptionStatusData:
    """`active` is the answer (an active or trial subscription grants access). crovver-node's
    unused `SubscriptionStatusResponse` type names it `isActive` and lifts `trialEndsAt` and
    `currentPeriodEnd` to the top; the docs and crovver-react nest them in `subscription`.

    """

    active: bool
    status: AccessStatus | str
    tenant: None | StatusTenant | Unset = UNSET
    subscription: None | StatusSubscription | Unset = UNSET
    plan: None | StatusPlan | Unset = UNSET
    is_active: bool | Unset = UNSET
    """ `active` as crovver-node's type names it; never seen in the docs. """
    trial_ends_at: datetime.datetime | None | Unset = UNSET
    """ crovver-node's type only; the docs nest it in `subscription`. """
    current_period_end: datetime.datetime | None | Unset = UNSET
    """ crovver-node's type only; the docs nest it in `subscription`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.status_plan import StatusPlan  # noqa: PLC0415
        from ..models.status_subscription import StatusSubscription  # noqa: PLC0415
        from ..models.status_tenant import StatusTenant  # noqa: PLC0415

        active = self.active

        status: str
        if isinstance(self.status, AccessStatus):
            status = self.status.value
        else:
            status = self.status

        tenant: dict[str, Any] | None | Unset
        if isinstance(self.tenant, Unset):
            tenant = UNSET
        elif isinstance(self.tenant, StatusTenant):
            tenant = self.tenant.to_dict()
        else:
            tenant = self.tenant

        subscription: dict[str, Any] | None | Unset
        if isinstance(self.subscription, Unset):
            subscription = UNSET
        elif isinstance(self.subscription, StatusSubscription):
            subscription = self.subscription.to_dict()
        else:
            subscription = self.subscription

        plan: dict[str, Any] | None | Unset
        if isinstance(self.plan, Unset):
            plan = UNSET
        elif isinstance(self.plan, StatusPlan):
            plan = self.plan.to_dict()
        else:
            plan = self.plan

        is_active = self.is_active

        trial_ends_at: None | str | Unset
        if isinstance(self.trial_ends_at, Unset):
            trial_ends_at = UNSET
        elif isinstance(self.trial_ends_at, datetime.datetime):
            trial_ends_at = self.trial_ends_at.isoformat()
        else:
            trial_ends_at = self.trial_ends_at

        current_period_end: None | str | Unset
        if isinstance(self.current_period_end, Unset):
            current_period_end = UNSET
        elif isinstance(self.current_period_end, datetime.datetime):
            current_period_end = self.current_period_end.isoformat()
        else:
            current_period_end = self.current_period_end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "status": status,
            }
        )
        if tenant is not UNSET:
            field_dict["tenant"] = tenant
        if subscription is not UNSET:
            field_dict["subscription"] = subscription
        if plan is not UNSET:
            field_dict["plan"] = plan
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if trial_ends_at is not UNSET:
            field_dict["trialEndsAt"] = trial_ends_at
        if current_period_end is not UNSET:
            field_dict["currentPeriodEnd"] = current_period_end

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_plan import StatusPlan  # noqa: PLC0415
        from ..models.status_subscription import StatusSubscription  # noqa: PLC0415
        from ..models.status_tenant import StatusTenant  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        def _parse_status(data: object) -> AccessStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AccessStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccessStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_tenant(data: object) -> None | StatusTenant | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tenant_type_0 = StatusTenant.from_dict(data)

                return tenant_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusTenant | Unset, data)

        tenant = _parse_tenant(d.pop("tenant", UNSET))

        def _parse_subscription(data: object) -> None | StatusSubscription | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subscription_type_0 = StatusSubscription.from_dict(data)

                return subscription_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusSubscription | Unset, data)

        subscription = _parse_subscription(d.pop("subscription", UNSET))

        def _parse_plan(data: object) -> None | StatusPlan | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                plan_type_0 = StatusPlan.from_dict(data)

                return plan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusPlan | Unset, data)

        plan = _parse_plan(d.pop("plan", UNSET))

        is_active = d.pop("isActive", UNSET)

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

        subscription_status_data = cls(
            active=active,
            status=status,
            tenant=tenant,
            subscription=subscription,
            plan=plan,
            is_active=is_active,
            trial_ends_at=trial_ends_at,
            current_period_end=current_period_end,
        )

        subscription_status_data.additional_properties = d
        return subscription_status_data

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
