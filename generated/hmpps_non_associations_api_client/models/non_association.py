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


T = TypeVar("T", bound="NonAssociation")


@_attrs_define
class NonAssociation:
    """A record that two prisoners must be kept apart

    Attributes:
        id (int): Non-association ID Example: 7.
        first_prisoner_number (str): Prisoner number of the first prisoner Example: G4821KT.
        first_prisoner_role (Role): A prisoner's part in a non-association
        first_prisoner_role_description (str): Display text of the first prisoner's role Example: Perpetrator.
        second_prisoner_number (str): Prisoner number of the second prisoner Example: H1093PL.
        second_prisoner_role (Role): A prisoner's part in a non-association
        second_prisoner_role_description (str): Display text of the second prisoner's role Example: Victim.
        reason (Reason): Why the prisoners must be kept apart
        reason_description (str): Display text of the reason Example: Threat.
        restriction_type (RestrictionType): How far apart the prisoners must be kept
        restriction_type_description (str): Display text of the restriction type Example: Cell and landing.
        comment (str): Free-text account of the situation Example: Threats made in the exercise yard.
        when_created (datetime.datetime): Creation time, Europe/London local time Example: 2024-02-12T09:15:04.318562.
        when_updated (datetime.datetime): Time of the last change, Europe/London local time Example:
            2024-02-12T09:15:04.318562.
        updated_by (str): Username of whoever changed it last Example: KWALSH_GEN.
        is_closed (bool): True once closed Example: False.
        is_open (bool): True while in force; always the opposite of isClosed Example: True.
        closed_by (None | str | Unset): Username of whoever closed it; null while open
        closed_reason (None | str | Unset): Why it was closed; null while open
        closed_at (datetime.datetime | None | Unset): When it was closed, Europe/London local time; null while open
    """

    id: int
    first_prisoner_number: str
    first_prisoner_role: Role
    first_prisoner_role_description: str
    second_prisoner_number: str
    second_prisoner_role: Role
    second_prisoner_role_description: str
    reason: Reason
    reason_description: str
    restriction_type: RestrictionType
    restriction_type_description: str
    comment: str
    when_created: datetime.datetime
    when_updated: datetime.datetime
    updated_by: str
    is_closed: bool
    is_open: bool
    closed_by: None | str | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        first_prisoner_number = self.first_prisoner_number

        first_prisoner_role = self.first_prisoner_role.value

        first_prisoner_role_description = self.first_prisoner_role_description

        second_prisoner_number = self.second_prisoner_number

        second_prisoner_role = self.second_prisoner_role.value

        second_prisoner_role_description = self.second_prisoner_role_description

        reason = self.reason.value

        reason_description = self.reason_description

        restriction_type = self.restriction_type.value

        restriction_type_description = self.restriction_type_description

        comment = self.comment

        when_created = self.when_created.isoformat()

        when_updated = self.when_updated.isoformat()

        updated_by = self.updated_by

        is_closed = self.is_closed

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
                "firstPrisonerNumber": first_prisoner_number,
                "firstPrisonerRole": first_prisoner_role,
                "firstPrisonerRoleDescription": first_prisoner_role_description,
                "secondPrisonerNumber": second_prisoner_number,
                "secondPrisonerRole": second_prisoner_role,
                "secondPrisonerRoleDescription": second_prisoner_role_description,
                "reason": reason,
                "reasonDescription": reason_description,
                "restrictionType": restriction_type,
                "restrictionTypeDescription": restriction_type_description,
                "comment": comment,
                "whenCreated": when_created,
                "whenUpdated": when_updated,
                "updatedBy": updated_by,
                "isClosed": is_closed,
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
        if cls is not NonAssociation:
            read = NonAssociation.from_dict(src_dict)
            made = cls(
                read.id,
                read.first_prisoner_number,
                read.first_prisoner_role,
                read.first_prisoner_role_description,
                read.second_prisoner_number,
                read.second_prisoner_role,
                read.second_prisoner_role_description,
                read.reason,
                read.reason_description,
                read.restriction_type,
                read.restriction_type_description,
                read.comment,
                read.when_created,
                read.when_updated,
                read.updated_by,
                read.is_closed,
                read.is_open,
                read.closed_by,
                read.closed_reason,
                read.closed_at,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        non_association = _new_object(cls)
        non_association.id = src_dict["id"]

        non_association.first_prisoner_number = src_dict["firstPrisonerNumber"]

        _first_prisoner_role = src_dict["firstPrisonerRole"]
        first_prisoner_role: Role
        try:
            first_prisoner_role = _ROLE_BY_VALUE[_first_prisoner_role]
        except (KeyError, TypeError):
            first_prisoner_role = Role(_first_prisoner_role)

        non_association.first_prisoner_role = first_prisoner_role

        non_association.first_prisoner_role_description = src_dict[
            "firstPrisonerRoleDescription"
        ]

        non_association.second_prisoner_number = src_dict["secondPrisonerNumber"]

        _second_prisoner_role = src_dict["secondPrisonerRole"]
        second_prisoner_role: Role
        try:
            second_prisoner_role = _ROLE_BY_VALUE[_second_prisoner_role]
        except (KeyError, TypeError):
            second_prisoner_role = Role(_second_prisoner_role)

        non_association.second_prisoner_role = second_prisoner_role

        non_association.second_prisoner_role_description = src_dict[
            "secondPrisonerRoleDescription"
        ]

        _reason = src_dict["reason"]
        reason: Reason
        try:
            reason = _REASON_BY_VALUE[_reason]
        except (KeyError, TypeError):
            reason = Reason(_reason)

        non_association.reason = reason

        non_association.reason_description = src_dict["reasonDescription"]

        _restriction_type = src_dict["restrictionType"]
        restriction_type: RestrictionType
        try:
            restriction_type = _RESTRICTION_TYPE_BY_VALUE[_restriction_type]
        except (KeyError, TypeError):
            restriction_type = RestrictionType(_restriction_type)

        non_association.restriction_type = restriction_type

        non_association.restriction_type_description = src_dict[
            "restrictionTypeDescription"
        ]

        non_association.comment = src_dict["comment"]

        when_created = _DATETIME_FROM_ISO(src_dict["whenCreated"])

        non_association.when_created = when_created

        when_updated = _DATETIME_FROM_ISO(src_dict["whenUpdated"])

        non_association.when_updated = when_updated

        non_association.updated_by = src_dict["updatedBy"]

        non_association.is_closed = src_dict["isClosed"]

        non_association.is_open = src_dict["isOpen"]

        closed_by: None | str | Unset = src_dict.get("closedBy", UNSET)

        non_association.closed_by = closed_by

        closed_reason: None | str | Unset = src_dict.get("closedReason", UNSET)

        non_association.closed_reason = closed_reason

        closed_at: datetime.datetime | None | Unset = src_dict.get("closedAt", UNSET)
        if closed_at is not None and not isinstance(closed_at, Unset):
            if not isinstance(closed_at, str):
                raise TypeError("closedAt is of the wrong type")
            closed_at_type_0 = _DATETIME_FROM_ISO(closed_at)

            closed_at = closed_at_type_0

        non_association.closed_at = closed_at

        non_association.additional_properties = {}

        if len(src_dict) != 17 + (closed_by is not UNSET) + (
            closed_reason is not UNSET
        ) + (closed_at is not UNSET):
            non_association.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "id",
                    "firstPrisonerNumber",
                    "firstPrisonerRole",
                    "firstPrisonerRoleDescription",
                    "secondPrisonerNumber",
                    "secondPrisonerRole",
                    "secondPrisonerRoleDescription",
                    "reason",
                    "reasonDescription",
                    "restrictionType",
                    "restrictionTypeDescription",
                    "comment",
                    "whenCreated",
                    "whenUpdated",
                    "updatedBy",
                    "isClosed",
                    "isOpen",
                    "closedBy",
                    "closedReason",
                    "closedAt",
                }
            }
        return non_association

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
