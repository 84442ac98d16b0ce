from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason import Reason
from ..models.restriction_type import RestrictionType
from ..models.role import Role
from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__

_DATETIME_FROM_ISO = datetime.datetime.fromisoformat

_REASON_BY_VALUE: dict[str, Reason] = {member.value: member for member in Reason}
_RESTRICTION_TYPE_BY_VALUE: dict[str, RestrictionType] = {
    member.value: member for member in RestrictionType
}
_ROLE_BY_VALUE: dict[str, Role] = {member.value: member for member in Role}


T = TypeVar("T", bound="PrisonerNonAssociation")


@_attrs_define
class PrisonerNonAssociation:
    """A non-association seen from one prisoner's side

    Attributes:
        id (int): Non-association ID Example: 7.
        role (Role): A prisoner's part in a non-association
        role_description (str): Display text of this prisoner's role Example: Perpetrator.
        reason (Reason): Why the prisoners must be kept apart
        reason_description (str): Display text of the reason Example: Threat.
        restriction_type (RestrictionType): How far apart the prisoners must be kept
        restriction_type_description (str): Display text of the restriction type Example: Cell and landing.
        comment (str): Free-text account of the situation Example: Threats made in the exercise yard.
        authorised_by (str): Who authorised it Example: KWALSH_GEN.
        when_created (datetime.datetime): Creation time, Europe/London local time Example: 2024-02-12T09:15:04.318562.
        when_updated (datetime.datetime): Time of the last change, Europe/London local time Example:
            2024-02-12T09:15:04.318562.
        updated_by (str): Username of whoever changed it last Example: KWALSH_GEN.
        is_closed (bool): True once closed Example: False.
        other_prisoner_details (OtherPrisonerDetails): The prisoner on the other side of a non-association
        is_open (bool): True while in force; always the opposite of isClosed Example: True.
        closed_by (None | str | Unset): Username of whoever closed it; null while open
        closed_reason (None | str | Unset): Why it was closed; null while open
        closed_at (datetime.datetime | None | Unset): When it was closed, Europe/London local time; null while open
    """

    id: int
    role: Role
    role_description: str
    reason: Reason
    reason_description: str
    restriction_type: RestrictionType
    restriction_type_description: str
    comment: str
    authorised_by: str
    when_created: datetime.datetime
    when_updated: datetime.datetime
    updated_by: str
    is_closed: bool
    other_prisoner_details: OtherPrisonerDetails
    is_open: bool
    closed_by: None | str | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        role = self.role.value

        role_description = self.role_description

        reason = self.reason.value

        reason_description = self.reason_description

        restriction_type = self.restriction_type.value

        restriction_type_description = self.restriction_type_description

        comment = self.comment

        authorised_by = self.authorised_by

        when_created = self.when_created.isoformat()

        when_updated = self.when_updated.isoformat()

        updated_by = self.updated_by

        is_closed = self.is_closed

        other_prisoner_details = self.other_prisoner_details.to_dict()

        is_open = self.is_open

        closed_by: None | str | Unset
        if isinstance(self.closed_by, Unset):
            closed_by = UNSET
        else:
            closed_by = self.closed_by

        closed_reason: None | str | Unset
        if isinstance(self.closed_reason, Unset):
            closed_reason = UNSET
        else:
            closed_reason = self.closed_reason

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
                "roleDescription": role_description,
                "reason": reason,
                "reasonDescription": reason_description,
                "restrictionType": restriction_type,
                "restrictionTypeDescription": restriction_type_description,
                "comment": comment,
                "authorisedBy": authorised_by,
                "whenCreated": when_created,
                "whenUpdated": when_updated,
                "updatedBy": updated_by,
                "isClosed": is_closed,
                "otherPrisonerDetails": other_prisoner_details,
                "isOpen": is_open,
            }
        )
        if closed_by is not UNSET:
            field_dict["closedBy"] = closed_by
        if closed_reason is not UNSET:
            field_dict["closedReason"] = closed_reason
        if closed_at is not UNSET:
            field_dict["closedAt"] = closed_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not PrisonerNonAssociation:
            read = PrisonerNonAssociation.from_dict(src_dict)
            made = cls(
                read.id,
                read.role,
                read.role_description,
                read.reason,
                read.reason_description,
                read.restriction_type,
                read.restriction_type_description,
                read.comment,
                read.authorised_by,
                read.when_created,
                read.when_updated,
                read.updated_by,
                read.is_closed,
                read.other_prisoner_details,
                read.is_open,
                read.closed_by,
                read.closed_reason,
                read.closed_at,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        prisoner_non_association = _new_object(cls)
        prisoner_non_association.id = src_dict["id"]

        _role = src_dict["role"]
        role: Role
        try:
            role = _ROLE_BY_VALUE[_role]
        except (KeyError, TypeError):
            role = Role(_role)

        prisoner_non_association.role = role

        prisoner_non_association.role_description = src_dict["roleDescription"]

        _reason = src_dict["reason"]
        reason: Reason
        try:
            reason = _REASON_BY_VALUE[_reason]
        except (KeyError, TypeError):
            reason = Reason(_reason)

        prisoner_non_association.reason = reason

        prisoner_non_association.reason_description = src_dict["reasonDescription"]

        _restriction_type = src_dict["restrictionType"]
        restriction_type: RestrictionType
        try:
            restriction_type = _RESTRICTION_TYPE_BY_VALUE[_restriction_type]
        except (KeyError, TypeError):
            restriction_type = RestrictionType(_restriction_type)

        prisoner_non_association.restriction_type = restriction_type

        prisoner_non_association.restriction_type_description = src_dict[
            "restrictionTypeDescription"
        ]

        prisoner_non_association.comment = src_dict["comment"]

        prisoner_non_association.authorised_by = src_dict["authorisedBy"]

        when_created = _DATETIME_FROM_ISO(src_dict["whenCreated"])

        prisoner_non_association.when_created = when_created

        when_updated = _DATETIME_FROM_ISO(src_dict["whenUpdated"])

        prisoner_non_association.when_updated = when_updated

        prisoner_non_association.updated_by = src_dict["updatedBy"]

        prisoner_non_association.is_closed = src_dict["isClosed"]

        other_prisoner_details = OtherPrisonerDetails.from_dict(
            src_dict["otherPrisonerDetails"]
        )

        prisoner_non_association.other_prisoner_details = other_prisoner_details

        prisoner_non_association.is_open = src_dict["isOpen"]

        closed_by: None | str | Unset = src_dict.get("closedBy", UNSET)

        prisoner_non_association.closed_by = closed_by

        closed_reason: None | str | Unset = src_dict.get("closedReason", UNSET)

        prisoner_non_association.closed_reason = closed_reason

        closed_at: datetime.datetime | None | Unset = src_dict.get("closedAt", UNSET)
        if closed_at is not None and not isinstance(closed_at, Unset):
            if not isinstance(closed_at, str):
                raise TypeError("closedAt is of the wrong type")
            closed_at_type_0 = _DATETIME_FROM_ISO(closed_at)

            closed_at = closed_at_type_0

        prisoner_non_association.closed_at = closed_at

        prisoner_non_association.additional_properties = {}

        if len(src_dict) != 15 + (closed_by is not UNSET) + (
            closed_reason is not UNSET
        ) + (closed_at is not UNSET):
            prisoner_non_association.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "id",
                    "role",
                    "roleDescription",
                    "reason",
                    "reasonDescription",
                    "restrictionType",
                    "restrictionTypeDescription",
                    "comment",
                    "authorisedBy",
                    "whenCreated",
                    "whenUpdated",
                    "updatedBy",
                    "isClosed",
                    "otherPrisonerDetails",
                    "isOpen",
                    "closedBy",
                    "closedReason",
                    "closedAt",
                }
            }
        return prisoner_non_association

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


# Imported after the class, so that models which refer to each other still load, and
# from_dict and to_dict need no import on every call.
from ..models.other_prisoner_details import OtherPrisonerDetails
