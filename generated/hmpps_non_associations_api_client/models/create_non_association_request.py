from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason import Reason
from ..models.restriction_type import RestrictionType
from ..models.role import Role

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__

_REASON_BY_VALUE: dict[str, Reason] = {member.value: member for member in Reason}
_RESTRICTION_TYPE_BY_VALUE: dict[str, RestrictionType] = {
    member.value: member for member in RestrictionType
}
_ROLE_BY_VALUE: dict[str, Role] = {member.value: member for member in Role}


T = TypeVar("T", bound="CreateNonAssociationRequest")


@_attrs_define
class CreateNonAssociationRequest:
    """What is needed to record a non-association

    Attributes:
        first_prisoner_number (str): Prisoner number of the first prisoner Example: G4821KT.
        first_prisoner_role (Role): A prisoner's part in a non-association
        second_prisoner_number (str): Prisoner number of the second prisoner Example: H1093PL.
        second_prisoner_role (Role): A prisoner's part in a non-association
        reason (Reason): Why the prisoners must be kept apart
        restriction_type (RestrictionType): How far apart the prisoners must be kept
        comment (str): Free-text account of the situation; must not be blank Example: Threats made in the exercise yard.
    """

    first_prisoner_number: str
    first_prisoner_role: Role
    second_prisoner_number: str
    second_prisoner_role: Role
    reason: Reason
    restriction_type: RestrictionType
    comment: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_prisoner_number = self.first_prisoner_number

        first_prisoner_role = self.first_prisoner_role.value

        second_prisoner_number = self.second_prisoner_number

        second_prisoner_role = self.second_prisoner_role.value

        reason = self.reason.value

        restriction_type = self.restriction_type.value

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstPrisonerNumber": first_prisoner_number,
                "firstPrisonerRole": first_prisoner_role,
                "secondPrisonerNumber": second_prisoner_number,
                "secondPrisonerRole": second_prisoner_role,
                "reason": reason,
                "restrictionType": restriction_type,
                "comment": comment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not CreateNonAssociationRequest:
            read = CreateNonAssociationRequest.from_dict(src_dict)
            made = cls(
                read.first_prisoner_number,
                read.first_prisoner_role,
                read.second_prisoner_number,
                read.second_prisoner_role,
                read.reason,
                read.restriction_type,
                read.comment,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        create_non_association_request = _new_object(cls)
        create_non_association_request.first_prisoner_number = src_dict[
            "firstPrisonerNumber"
        ]

        _first_prisoner_role = src_dict["firstPrisonerRole"]
        first_prisoner_role: Role
        try:
            first_prisoner_role = _ROLE_BY_VALUE[_first_prisoner_role]
        except (KeyError, TypeError):
            first_prisoner_role = Role(_first_prisoner_role)

        create_non_association_request.first_prisoner_role = first_prisoner_role

        create_non_association_request.second_prisoner_number = src_dict[
            "secondPrisonerNumber"
        ]

        _second_prisoner_role = src_dict["secondPrisonerRole"]
        second_prisoner_role: Role
        try:
            second_prisoner_role = _ROLE_BY_VALUE[_second_prisoner_role]
        except (KeyError, TypeError):
            second_prisoner_role = Role(_second_prisoner_role)

        create_non_association_request.second_prisoner_role = second_prisoner_role

        _reason = src_dict["reason"]
        reason: Reason
        try:
            reason = _REASON_BY_VALUE[_reason]
        except (KeyError, TypeError):
            reason = Reason(_reason)

        create_non_association_request.reason = reason

        _restriction_type = src_dict["restrictionType"]
        restriction_type: RestrictionType
        try:
            restriction_type = _RESTRICTION_TYPE_BY_VALUE[_restriction_type]
        except (KeyError, TypeError):
            restriction_type = RestrictionType(_restriction_type)

        create_non_association_request.restriction_type = restriction_type

        create_non_association_request.comment = src_dict["comment"]

        create_non_association_request.additional_properties = {}

        if len(src_dict) != 7:
            create_non_association_request.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "firstPrisonerNumber",
                    "firstPrisonerRole",
                    "secondPrisonerNumber",
                    "secondPrisonerRole",
                    "reason",
                    "restrictionType",
                    "comment",
                }
            }
        return create_non_association_request

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
