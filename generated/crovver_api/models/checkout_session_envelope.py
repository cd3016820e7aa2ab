from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checkout_session_data import CheckoutSessionData
    from ..models.metadata import Metadata


T = TypeVar("T", bound="CheckoutSessionEnvelope")


@_attrs_define
class CheckoutSessionEnvelope:
    success: bool
    data: CheckoutSessionData
    """ The docs show `{checkoutUrl, sessionId, subscriptionId}`. crovver-php requires
    `subscriptionId` and `planName`, reads `isFree`, `provider`, `amount`, `currency`, `error`,
    and takes `checkoutUrl` and `sessionId` as nullable (a free plan needs no payment);
    crovver-node also types `error: string | null`.
     """
    error: None | Unset = UNSET
    meta: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        error = self.error

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkout_session_data import CheckoutSessionData  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        data = CheckoutSessionData.from_dict(d.pop("data"))

        error = d.pop("error", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: Metadata | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Metadata.from_dict(_meta)

        checkout_session_envelope = cls(
            success=success,
            data=data,
            error=error,
            meta=meta,
        )

        checkout_session_envelope.additional_properties = d
        return checkout_session_envelope

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
