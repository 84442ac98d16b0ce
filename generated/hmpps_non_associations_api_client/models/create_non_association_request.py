from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason import Reason
from ..models.restriction_type import RestrictionType
from ..models.role import Role

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
        d = dict(src_dict)
        first_prisoner_number = d.pop("firstPrisonerNumber")

        first_prisoner_role = Role(d.pop("firstPrisonerRole"))

        second_prisoner_number = d.pop("secondPrisonerNumber")

        second_prisoner_role = Role(d.pop("secondPrisonerRole"))

        reason = Reason(d.pop("reason"))

        restriction_type = RestrictionType(d.pop("restrictionType"))

        comment = d.pop("comment")

        create_non_association_request = cls(
            first_prisoner_number=first_prisoner_number,
            first_prisoner_role=first_prisoner_role,
            second_prisoner_number=second_prisoner_number,
            second_prisoner_role=second_prisoner_role,
            reason=reason,
            restriction_type=restriction_type,
            comment=comment,
        )

        create_non_association_request.additional_properties = d
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
