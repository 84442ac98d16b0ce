from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legacy_reason_code import LegacyReasonCode

# Makes the generated class's instances in from_dict, which sets their attributes itself.
_new_object = object.__new__

_LEGACY_REASON_CODE_BY_VALUE: dict[str, LegacyReasonCode] = {
    member.value: member for member in LegacyReasonCode
}


T = TypeVar("T", bound="LegacyNonAssociationOtherPrisonerDetails")


@_attrs_define
class LegacyNonAssociationOtherPrisonerDetails:
    """The prisoner on the other side, in the old NOMIS shape

    Attributes:
        offender_no (str): Their prisoner number Example: H1093PL.
        reason_code (LegacyReasonCode): Reason codes of the old NOMIS record
        reason_description (str): Display text of that reason code Example: Victim.
    """

    offender_no: str
    reason_code: LegacyReasonCode
    reason_description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offender_no = self.offender_no

        reason_code = self.reason_code.value

        reason_description = self.reason_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offenderNo": offender_no,
                "reasonCode": reason_code,
                "reasonDescription": reason_description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        if cls is not LegacyNonAssociationOtherPrisonerDetails:
            read = LegacyNonAssociationOtherPrisonerDetails.from_dict(src_dict)
            made = cls(
                read.offender_no,
                read.reason_code,
                read.reason_description,
            )
            made.additional_properties = read.additional_properties
            return made
        if type(src_dict) is not dict:
            src_dict = dict(src_dict)
        legacy_non_association_other_prisoner_details = _new_object(cls)
        legacy_non_association_other_prisoner_details.offender_no = src_dict[
            "offenderNo"
        ]

        _reason_code = src_dict["reasonCode"]
        reason_code: LegacyReasonCode
        try:
            reason_code = _LEGACY_REASON_CODE_BY_VALUE[_reason_code]
        except (KeyError, TypeError):
            reason_code = LegacyReasonCode(_reason_code)

        legacy_non_association_other_prisoner_details.reason_code = reason_code

        legacy_non_association_other_prisoner_details.reason_description = src_dict[
            "reasonDescription"
        ]

        legacy_non_association_other_prisoner_details.additional_properties = {}

        if len(src_dict) != 3:
            legacy_non_association_other_prisoner_details.additional_properties = {
                key: value
                for key, value in src_dict.items()
                if key
                not in {
                    "offenderNo",
                    "reasonCode",
                    "reasonDescription",
                }
            }
        return legacy_non_association_other_prisoner_details

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
