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


T = TypeVar("T", bound="ReopenNonAssociationRequest")


@_attrs_define
class ReopenNonAssociationRequest:
    """Reopening a closed non-association

    Attributes:
        reopen_reason (str): Why it applies again; must not be blank Example: Back on the same site.
        reopened_at (datetime.datetime | Unset): When it applies again from; the server uses the current time if absent
            Example: 2024-06-03T10:00:00.
        reopened_by (str | Unset): Username of the staff member reopening it; the token's user if absent Example:
            KWALSH_GEN.
    """

    reopen_reason: str
    reopened_at: datetime.datetime | Unset = UNSET
    reopened_by: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reopen_reason = self.reopen_reason

        reopened_at: str | Unset = UNSET
        if not isinstance(self.reopened_at, Unset):
            reopened_at = self.reopened_at.isoformat()

        reopened_by = self.reopened_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reopenReason": reopen_reason,
            }
        )
        if reopened_at is not UNSET:
            field_dict["reopenedAt"] = reopened_at
        if reopened_by is not UNSET:
            field_dict["reopenedBy"] = reopened_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not ReopenNonAssociationRequest:
            read = ReopenNonAssociationRequest.from_dict(src_dict)
            made = cls(
                read.reopen_reason,
                read.reopened_at,
                read.reopened_by,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        reopen_non_association_request = _new_object(cls)
        reopen_non_association_request.reopen_reason = src_dict["reopenReason"]

        _reopened_at = src_dict.get("reopenedAt", UNSET)
        reopened_at: datetime.datetime | Unset
        if isinstance(_reopened_at, Unset):
            reopened_at = UNSET
        else:
            reopened_at = _DATETIME_FROM_ISO(_reopened_at)

        reopen_non_association_request.reopened_at = reopened_at

        reopen_non_association_request.reopened_by = reopened_by = src_dict.get(
            "reopenedBy", UNSET
        )

        reopen_non_association_request.additional_properties = {}

        if len(src_dict) != 1 + (reopened_at is not UNSET) + (reopened_by is not UNSET):
            reopen_non_association_request.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "reopenReason",
                    "reopenedAt",
                    "reopenedBy",
                }
            }
        return reopen_non_association_request

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
