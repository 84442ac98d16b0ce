from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__


T = TypeVar("T", bound="PrisonerNonAssociations")


@_attrs_define
class PrisonerNonAssociations:
    """One prisoner and their non-associations

    Attributes:
        prisoner_number (str): The prisoner's number Example: G4821KT.
        first_name (str): The prisoner's first name Example: Morgan.
        last_name (str): The prisoner's last name Example: Teale.
        open_count (int): How many open non-associations match the prison filter Example: 1.
        closed_count (int): How many closed non-associations match the prison filter Example: 0.
        non_associations (list[PrisonerNonAssociation]): The non-associations, seen from this prisoner's side
        prison_id (None | str | Unset): ID of the prisoner's prison: OUT once released, TRN while in transfer; null when
            the prisoner has no booking Example: LEI.
        prison_name (None | str | Unset): Name of that prison, or a note of the release or transfer; null when the
            prisoner has no booking Example: Leeds (HMP).
        cell_location (None | str | Unset): The prisoner's cell; null when released, in transfer or without a booking
            Example: 2-3-014.
    """

    prisoner_number: str
    first_name: str
    last_name: str
    open_count: int
    closed_count: int
    non_associations: list[PrisonerNonAssociation]
    prison_id: None | str | Unset = UNSET
    prison_name: None | str | Unset = UNSET
    cell_location: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prisoner_number = self.prisoner_number

        first_name = self.first_name

        last_name = self.last_name

        open_count = self.open_count

        closed_count = self.closed_count

        non_associations = []
        for non_associations_item_data in self.non_associations:
            non_associations_item = non_associations_item_data.to_dict()
            non_associations.append(non_associations_item)

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
                "firstName": first_name,
                "lastName": last_name,
                "openCount": open_count,
                "closedCount": closed_count,
                "nonAssociations": non_associations,
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
        if cls is not PrisonerNonAssociations:
            read = PrisonerNonAssociations.from_dict(src_dict)
            made = cls(
                read.prisoner_number,
                read.first_name,
                read.last_name,
                read.open_count,
                read.closed_count,
                read.non_associations,
                read.prison_id,
                read.prison_name,
                read.cell_location,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        prisoner_non_associations = _new_object(cls)
        prisoner_non_associations.prisoner_number = src_dict["prisonerNumber"]

        prisoner_non_associations.first_name = src_dict["firstName"]

        prisoner_non_associations.last_name = src_dict["lastName"]

        prisoner_non_associations.open_count = src_dict["openCount"]

        prisoner_non_associations.closed_count = src_dict["closedCount"]

        non_associations = []
        _non_associations = src_dict["nonAssociations"]
        for non_associations_item_data in _non_associations:
            non_associations_item = PrisonerNonAssociation.from_dict(
                non_associations_item_data
            )

            non_associations.append(non_associations_item)

        prisoner_non_associations.non_associations = non_associations

        prison_id: None | str | Unset = src_dict.get("prisonId", UNSET)

        prisoner_non_associations.prison_id = prison_id

        prison_name: None | str | Unset = src_dict.get("prisonName", UNSET)

        prisoner_non_associations.prison_name = prison_name

        cell_location: None | str | Unset = src_dict.get("cellLocation", UNSET)

        prisoner_non_associations.cell_location = cell_location

        prisoner_non_associations.additional_properties = {}

        if len(src_dict) != 6 + (prison_id is not UNSET) + (
            prison_name is not UNSET
        ) + (cell_location is not UNSET):
            prisoner_non_associations.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "prisonerNumber",
                    "firstName",
                    "lastName",
                    "openCount",
                    "closedCount",
                    "nonAssociations",
                    "prisonId",
                    "prisonName",
                    "cellLocation",
                }
            }
        return prisoner_non_associations

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
from ..models.prisoner_non_association import PrisonerNonAssociation
