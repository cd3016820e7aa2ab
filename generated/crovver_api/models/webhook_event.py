from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type import WebhookEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.webhook_subscription_data import WebhookSubscriptionData


T = TypeVar("T", bound="WebhookEvent")


@_attrs_define
class WebhookEvent:
    """`id` (to deduplicate redeliveries), `type` and `data` are what a receiver needs."""

    id: str
    type_: str | WebhookEventType
    data: WebhookSubscriptionData
    created_at: datetime.datetime | Unset = UNSET
    org_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str
        if isinstance(self.type_, WebhookEventType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        data = self.data.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        org_id = self.org_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "data": data,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_subscription_data import WebhookSubscriptionData  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_type_(data: object) -> str | WebhookEventType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = WebhookEventType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | WebhookEventType, data)

        type_ = _parse_type_(d.pop("type"))

        data = WebhookSubscriptionData.from_dict(d.pop("data"))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        org_id = d.pop("org_id", UNSET)

        webhook_event = cls(
            id=id,
            type_=type_,
            data=data,
            created_at=created_at,
            org_id=org_id,
        )

        webhook_event.additional_properties = d
        return webhook_event

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
