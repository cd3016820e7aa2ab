from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.organization import Organization
    from ..models.subscription import Subscription
    from ..models.subscription_tenant import SubscriptionTenant


T = TypeVar("T", bound="SubscriptionsData")


@_attrs_define
class SubscriptionsData:
    subscriptions: list[Subscription]
    tenant: SubscriptionTenant | Unset = UNSET
    organization: Organization | Unset = UNSET
    """ The docs' tenant lookup shows only `{id, name}`; plans and the clients add `type`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subscriptions = []
        for subscriptions_item_data in self.subscriptions:
            subscriptions_item = subscriptions_item_data.to_dict()
            subscriptions.append(subscriptions_item)

        tenant: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tenant, Unset):
            tenant = self.tenant.to_dict()

        organization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.organization, Unset):
            organization = self.organization.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subscriptions": subscriptions,
            }
        )
        if tenant is not UNSET:
            field_dict["tenant"] = tenant
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization import Organization  # noqa: PLC0415
        from ..models.subscription import Subscription  # noqa: PLC0415
        from ..models.subscription_tenant import SubscriptionTenant  # noqa: PLC0415

        d = dict(src_dict)
        subscriptions = []
        _subscriptions = d.pop("subscriptions")
        for subscriptions_item_data in _subscriptions:
            subscriptions_item = Subscription.from_dict(subscriptions_item_data)

            subscriptions.append(subscriptions_item)

        _tenant = d.pop("tenant", UNSET)
        tenant: SubscriptionTenant | Unset
        if isinstance(_tenant, Unset):
            tenant = UNSET
        else:
            tenant = SubscriptionTenant.from_dict(_tenant)

        _organization = d.pop("organization", UNSET)
        organization: Organization | Unset
        if isinstance(_organization, Unset):
            organization = UNSET
        else:
            organization = Organization.from_dict(_organization)

        subscriptions_data = cls(
            subscriptions=subscriptions,
            tenant=tenant,
            organization=organization,
        )

        subscriptions_data.additional_properties = d
        return subscriptions_data

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
