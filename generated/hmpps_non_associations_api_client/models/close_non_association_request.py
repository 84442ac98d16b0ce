from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__

_DATETIME_FROM_ISO = datetime.datetime.fromisoformat


T = TypeVar("T", bound="CloseNonAssociationRequest")


@_attrs_define
class CloseNonAssociationRequest:
    """Closing a non-association

    Attributes:
        closed_reason (str): Why it no longer applies; must not be blank Example: Both now on separate sites.
        closed_at (datetime.datetime | Unset): When it stopped applying; the server uses the current time if absent
            Example: 2024-05-01T14:00:00.
        closed_by (str | Unset): Username of the staff member closing it; the token's user if absent Example:
            KWALSH_GEN.
    """

    closed_reason: str
    closed_at: datetime.datetime | Unset = UNSET
    closed_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        closed_reason = self.closed_reason

        closed_at: str | Unset = UNSET
        if not isinstance(self.closed_at, Unset):
            closed_at = self.closed_at.isoformat()

        closed_by = self.closed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closedReason": closed_reason,
            }
        )
        if closed_at is not UNSET:
            field_dict["closedAt"] = closed_at
        if closed_by is not UNSET:
            field_dict["closedBy"] = closed_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not CloseNonAssociationRequest:
            read = CloseNonAssociationRequest.from_dict(src_dict)
            made = cls(
                read.closed_reason,
                read.closed_at,
                read.closed_by,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        close_non_association_request = _new_object(cls)
        close_non_association_request.closed_reason = src_dict["closedReason"]

        _closed_at = src_dict.get("closedAt", UNSET)
        closed_at: datetime.datetime | Unset
        if isinstance(_closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = _DATETIME_FROM_ISO(_closed_at)

        close_non_association_request.closed_at = closed_at

        close_non_association_request.closed_by = closed_by = src_dict.get(
            "closedBy", UNSET
        )

        close_non_association_request.additional_properties = {}

        if len(src_dict) != 1 + (closed_at is not UNSET) + (closed_by is not UNSET):
            close_non_association_request.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "closedReason",
                    "closedAt",
                    "closedBy",
                }
            }
        return close_non_association_request

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
