from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__

_ROLE_BY_VALUE: dict[str, Role] = {member.value: member for member in Role}


T = TypeVar("T", bound="OtherPrisonerDetails")


@_attrs_define
class OtherPrisonerDetails:
    """The prisoner on the other side of a non-association

    Attributes:
        prisoner_number (str): Their prisoner number Example: H1093PL.
        role (Role): A prisoner's part in a non-association
        role_description (str): Display text of their role Example: Victim.
        first_name (str): Their first name Example: Rhys.
        last_name (str): Their last name Example: Okafor.
        prison_id (None | str | Unset): ID of their prison: OUT once released, TRN while in transfer; null when they
            have no booking Example: LEI.
        prison_name (None | str | Unset): Name of that prison, or a note of the release or transfer; null when they have
            no booking Example: Leeds (HMP).
        cell_location (None | str | Unset): Their cell; null when released, in transfer or without a booking Example:
            2-1-003.
    """

    prisoner_number: str
    role: Role
    role_description: str
    first_name: str
    last_name: str
    prison_id: None | str | Unset = UNSET
    prison_name: None | str | Unset = UNSET
    cell_location: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prisoner_number = self.prisoner_number

        role = self.role.value

        role_description = self.role_description

        first_name = self.first_name

        last_name = self.last_name

        prison_id: None | str | Unset
        if isinstance(self.prison_id, Unset):
            prison_id = UNSET
        else:
            prison_id = self.prison_id

        prison_name: None | str | Unset
        if isinstance(self.prison_name, Unset):
            prison_name = UNSET
        else:
            prison_name = self.prison_name

        cell_location: None | str | Unset
        if isinstance(self.cell_location, Unset):
            cell_location = UNSET
        else:
            cell_location = self.cell_location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prisonerNumber": prisoner_number,
                "role": role,
                "roleDescription": role_description,
                "firstName": first_name,
                "lastName": last_name,
            }
        )
        if prison_id is not UNSET:
            field_dict["prisonId"] = prison_id
        if prison_name is not UNSET:
            field_dict["prisonName"] = prison_name
        if cell_location is not UNSET:
            field_dict["cellLocation"] = cell_location

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not OtherPrisonerDetails:
            read = OtherPrisonerDetails.from_dict(src_dict)
            made = cls(
                read.prisoner_number,
                read.role,
                read.role_description,
                read.first_name,
                read.last_name,
                read.prison_id,
                read.prison_name,
                read.cell_location,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        other_prisoner_details = _new_object(cls)
        other_prisoner_details.prisoner_number = src_dict["prisonerNumber"]

        _role = src_dict["role"]
        role: Role
        try:
            role = _ROLE_BY_VALUE[_role]
        except (KeyError, TypeError):
            role = Role(_role)

        other_prisoner_details.role = role

        other_prisoner_details.role_description = src_dict["roleDescription"]

        other_prisoner_details.first_name = src_dict["firstName"]

        other_prisoner_details.last_name = src_dict["lastName"]

        prison_id: None | str | Unset = src_dict.get("prisonId", UNSET)

        other_prisoner_details.prison_id = prison_id

        prison_name: None | str | Unset = src_dict.get("prisonName", UNSET)

        other_prisoner_details.prison_name = prison_name

        cell_location: None | str | Unset = src_dict.get("cellLocation", UNSET)

        other_prisoner_details.cell_location = cell_location

        other_prisoner_details.additional_properties = {}

        if len(src_dict) != 5 + (prison_id is not UNSET) + (
            prison_name is not UNSET
        ) + (cell_location is not UNSET):
            other_prisoner_details.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "prisonerNumber",
                    "role",
                    "roleDescription",
                    "firstName",
                    "lastName",
                    "prisonId",
                    "prisonName",
                    "cellLocation",
                }
            }
        return other_prisoner_details

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
