from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legacy_reason_code import LegacyReasonCode
from ..models.legacy_type_code import LegacyTypeCode
from ..types import UNSET, Unset

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__

_DATETIME_FROM_ISO = datetime.datetime.fromisoformat

_LEGACY_REASON_CODE_BY_VALUE: dict[str, LegacyReasonCode] = {
    member.value: member for member in LegacyReasonCode
}
_LEGACY_TYPE_CODE_BY_VALUE: dict[str, LegacyTypeCode] = {
    member.value: member for member in LegacyTypeCode
}


T = TypeVar("T", bound="LegacyNonAssociation")


@_attrs_define
class LegacyNonAssociation:
    """A non-association in the old NOMIS / Prison API shape

    Attributes:
        id (int): Non-association ID Example: 7.
        offender_no (str): Prisoner number of the first prisoner Example: G4821KT.
        reason_code (LegacyReasonCode): Reason codes of the old NOMIS record
        reason_description (str): Display text of that reason code Example: Perpetrator.
        type_code (LegacyTypeCode): Restriction codes of the old NOMIS record
        type_description (str): Display text of the restriction code Example: Do Not Locate on Same Landing.
        effective_date (datetime.datetime): When it took effect, Europe/London local time Example:
            2024-02-12T09:15:04.318562.
        comments (str): Free-text account of the situation Example: Threats made in the exercise yard.
        offender_non_association (LegacyNonAssociationOtherPrisonerDetails): The prisoner on the other side, in the old
            NOMIS shape
        expiry_date (datetime.datetime | None | Unset): When it stopped applying, Europe/London local time; null while
            open
        authorised_by (None | str | Unset): Who authorised it, free text; may be null Example: KWALSH_GEN.
    """

    id: int
    offender_no: str
    reason_code: LegacyReasonCode
    reason_description: str
    type_code: LegacyTypeCode
    type_description: str
    effective_date: datetime.datetime
    comments: str
    offender_non_association: LegacyNonAssociationOtherPrisonerDetails
    expiry_date: datetime.datetime | None | Unset = UNSET
    authorised_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        offender_no = self.offender_no

        reason_code = self.reason_code.value

        reason_description = self.reason_description

        type_code = self.type_code.value

        type_description = self.type_description

        effective_date = self.effective_date.isoformat()

        comments = self.comments

        offender_non_association = self.offender_non_association.to_dict()

        expiry_date: None | str | Unset
        if isinstance(self.expiry_date, Unset):
            expiry_date = UNSET
        elif isinstance(self.expiry_date, datetime.datetime):
            expiry_date = self.expiry_date.isoformat()
        else:
            expiry_date = self.expiry_date

        authorised_by: None | str | Unset
        if isinstance(self.authorised_by, Unset):
            authorised_by = UNSET
        else:
            authorised_by = self.authorised_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "offenderNo": offender_no,
                "reasonCode": reason_code,
                "reasonDescription": reason_description,
                "typeCode": type_code,
                "typeDescription": type_description,
                "effectiveDate": effective_date,
                "comments": comments,
                "offenderNonAssociation": offender_non_association,
            }
        )
        if expiry_date is not UNSET:
            field_dict["expiryDate"] = expiry_date
        if authorised_by is not UNSET:
            field_dict["authorisedBy"] = authorised_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not LegacyNonAssociation:
            read = LegacyNonAssociation.from_dict(src_dict)
            made = cls(
                read.id,
                read.offender_no,
                read.reason_code,
                read.reason_description,
                read.type_code,
                read.type_description,
                read.effective_date,
                read.comments,
                read.offender_non_association,
                read.expiry_date,
                read.authorised_by,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        legacy_non_association = _new_object(cls)
        legacy_non_association.id = src_dict["id"]

        legacy_non_association.offender_no = src_dict["offenderNo"]

        _reason_code = src_dict["reasonCode"]
        reason_code: LegacyReasonCode
        try:
            reason_code = _LEGACY_REASON_CODE_BY_VALUE[_reason_code]
        except (KeyError, TypeError):
            reason_code = LegacyReasonCode(_reason_code)

        legacy_non_association.reason_code = reason_code

        legacy_non_association.reason_description = src_dict["reasonDescription"]

        _type_code = src_dict["typeCode"]
        type_code: LegacyTypeCode
        try:
            type_code = _LEGACY_TYPE_CODE_BY_VALUE[_type_code]
        except (KeyError, TypeError):
            type_code = LegacyTypeCode(_type_code)

        legacy_non_association.type_code = type_code

        legacy_non_association.type_description = src_dict["typeDescription"]

        effective_date = _DATETIME_FROM_ISO(src_dict["effectiveDate"])

        legacy_non_association.effective_date = effective_date

        legacy_non_association.comments = src_dict["comments"]

        offender_non_association = LegacyNonAssociationOtherPrisonerDetails.from_dict(
            src_dict["offenderNonAssociation"]
        )

        legacy_non_association.offender_non_association = offender_non_association

        expiry_date: datetime.datetime | None | Unset = src_dict.get(
            "expiryDate", UNSET
        )
        if expiry_date is not None and not isinstance(expiry_date, Unset):
            if not isinstance(expiry_date, str):
                raise TypeError("expiryDate is of the wrong type")
            expiry_date_type_0 = _DATETIME_FROM_ISO(expiry_date)

            expiry_date = expiry_date_type_0

        legacy_non_association.expiry_date = expiry_date

        authorised_by: None | str | Unset = src_dict.get("authorisedBy", UNSET)

        legacy_non_association.authorised_by = authorised_by

        legacy_non_association.additional_properties = {}

        if len(src_dict) != 9 + (expiry_date is not UNSET) + (
            authorised_by is not UNSET
        ):
            legacy_non_association.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "id",
                    "offenderNo",
                    "reasonCode",
                    "reasonDescription",
                    "typeCode",
                    "typeDescription",
                    "effectiveDate",
                    "comments",
                    "offenderNonAssociation",
                    "expiryDate",
                    "authorisedBy",
                }
            }
        return legacy_non_association

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
from ..models.legacy_non_association_other_prisoner_details import (
    LegacyNonAssociationOtherPrisonerDetails,
)
