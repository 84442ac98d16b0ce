from __future__ import annotations

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

_REASON_BY_VALUE: dict[str, Reason] = {member.value: member for member in Reason}
_RESTRICTION_TYPE_BY_VALUE: dict[str, RestrictionType] = {
    member.value: member for member in RestrictionType
}
_ROLE_BY_VALUE: dict[str, Role] = {member.value: member for member in Role}


T = TypeVar("T", bound="PatchNonAssociationRequest")


@_attrs_define
class PatchNonAssociationRequest:
    """Fields of a non-association to change; absent ones stay as they are

    Attributes:
        first_prisoner_role (Role | Unset): A prisoner's part in a non-association
        second_prisoner_role (Role | Unset): A prisoner's part in a non-association
        reason (Reason | Unset): Why the prisoners must be kept apart
        restriction_type (RestrictionType | Unset): How far apart the prisoners must be kept
        comment (str | Unset): The new comment; must not be blank Example: Threats repeated on the wing.
    """

    first_prisoner_role: Role | Unset = UNSET
    second_prisoner_role: Role | Unset = UNSET
    reason: Reason | Unset = UNSET
    restriction_type: RestrictionType | Unset = UNSET
    comment: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_prisoner_role: str | Unset = UNSET
        if not isinstance(self.first_prisoner_role, Unset):
            first_prisoner_role = self.first_prisoner_role.value

        second_prisoner_role: str | Unset = UNSET
        if not isinstance(self.second_prisoner_role, Unset):
            second_prisoner_role = self.second_prisoner_role.value

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        restriction_type: str | Unset = UNSET
        if not isinstance(self.restriction_type, Unset):
            restriction_type = self.restriction_type.value

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_prisoner_role is not UNSET:
            field_dict["firstPrisonerRole"] = first_prisoner_role
        if second_prisoner_role is not UNSET:
            field_dict["secondPrisonerRole"] = second_prisoner_role
        if reason is not UNSET:
            field_dict["reason"] = reason
        if restriction_type is not UNSET:
            field_dict["restrictionType"] = restriction_type
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not PatchNonAssociationRequest:
            read = PatchNonAssociationRequest.from_dict(src_dict)
            made = cls(
                read.first_prisoner_role,
                read.second_prisoner_role,
                read.reason,
                read.restriction_type,
                read.comment,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        patch_non_association_request = _new_object(cls)
        _first_prisoner_role = src_dict.get("firstPrisonerRole", UNSET)
        first_prisoner_role: Role | Unset
        if isinstance(_first_prisoner_role, Unset):
            first_prisoner_role = UNSET
        else:
            try:
                first_prisoner_role = _ROLE_BY_VALUE[_first_prisoner_role]
            except (KeyError, TypeError):
                first_prisoner_role = Role(_first_prisoner_role)

        patch_non_association_request.first_prisoner_role = first_prisoner_role

        _second_prisoner_role = src_dict.get("secondPrisonerRole", UNSET)
        second_prisoner_role: Role | Unset
        if isinstance(_second_prisoner_role, Unset):
            second_prisoner_role = UNSET
        else:
            try:
                second_prisoner_role = _ROLE_BY_VALUE[_second_prisoner_role]
            except (KeyError, TypeError):
                second_prisoner_role = Role(_second_prisoner_role)

        patch_non_association_request.second_prisoner_role = second_prisoner_role

        _reason = src_dict.get("reason", UNSET)
        reason: Reason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            try:
                reason = _REASON_BY_VALUE[_reason]
            except (KeyError, TypeError):
                reason = Reason(_reason)

        patch_non_association_request.reason = reason

        _restriction_type = src_dict.get("restrictionType", UNSET)
        restriction_type: RestrictionType | Unset
        if isinstance(_restriction_type, Unset):
            restriction_type = UNSET
        else:
            try:
                restriction_type = _RESTRICTION_TYPE_BY_VALUE[_restriction_type]
            except (KeyError, TypeError):
                restriction_type = RestrictionType(_restriction_type)

        patch_non_association_request.restriction_type = restriction_type

        patch_non_association_request.comment = comment = src_dict.get("comment", UNSET)

        patch_non_association_request.additional_properties = {}

        if len(src_dict) != 0 + (first_prisoner_role is not UNSET) + (
            second_prisoner_role is not UNSET
        ) + (reason is not UNSET) + (restriction_type is not UNSET) + (
            comment is not UNSET
        ):
            patch_non_association_request.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "firstPrisonerRole",
                    "secondPrisonerRole",
                    "reason",
                    "restrictionType",
                    "comment",
                }
            }
        return patch_non_association_request

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
