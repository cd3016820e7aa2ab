from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_object import ErrorObject
    from ..models.metadata import Metadata


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """The envelope of every error response. `data` is often left out."""

    success: bool
    error: ErrorObject | str
    """ An object with a message and a code, or a plain message string. """
    data: None | Unset = UNSET
    meta: Metadata | Unset = UNSET
    """ Free-form key/value pairs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_object import ErrorObject  # noqa: PLC0415

        success = self.success

        error: dict[str, Any] | str
        if isinstance(self.error, ErrorObject):
            error = self.error.to_dict()
        else:
            error = self.error

        data = self.data

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "error": error,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_object import ErrorObject  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error(data: object) -> ErrorObject | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorObject.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorObject | str, data)

        error = _parse_error(d.pop("error"))

        data = d.pop("data", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: Metadata | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = Metadata.from_dict(_meta)

        error_envelope = cls(
            success=success,
            error=error,
            data=data,
            meta=meta,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
