from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legacy_reason_code import LegacyReasonCode

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
        d = dict(src_dict)
        offender_no = d.pop("offenderNo")

        reason_code = LegacyReasonCode(d.pop("reasonCode"))

        reason_description = d.pop("reasonDescription")

        legacy_non_association_other_prisoner_details = cls(
            offender_no=offender_no,
            reason_code=reason_code,
            reason_description=reason_description,
        )

        legacy_non_association_other_prisoner_details.additional_properties = d
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
