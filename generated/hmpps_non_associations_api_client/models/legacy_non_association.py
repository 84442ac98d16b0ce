from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legacy_reason_code import LegacyReasonCode
from ..models.legacy_type_code import LegacyTypeCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_non_association_other_prisoner_details import (
        LegacyNonAssociationOtherPrisonerDetails,
    )


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
        from ..models.legacy_non_association_other_prisoner_details import (
            LegacyNonAssociationOtherPrisonerDetails,
        )

        d = dict(src_dict)
        id = d.pop("id")

        offender_no = d.pop("offenderNo")

        reason_code = LegacyReasonCode(d.pop("reasonCode"))

        reason_description = d.pop("reasonDescription")

        type_code = LegacyTypeCode(d.pop("typeCode"))

        type_description = d.pop("typeDescription")

        effective_date = datetime.datetime.fromisoformat(d.pop("effectiveDate"))

        comments = d.pop("comments")

        offender_non_association = LegacyNonAssociationOtherPrisonerDetails.from_dict(
            d.pop("offenderNonAssociation")
        )

        def _parse_expiry_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expiry_date_type_0 = datetime.datetime.fromisoformat(data)

                return expiry_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expiry_date = _parse_expiry_date(d.pop("expiryDate", UNSET))

        def _parse_authorised_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        authorised_by = _parse_authorised_by(d.pop("authorisedBy", UNSET))

        legacy_non_association = cls(
            id=id,
            offender_no=offender_no,
            reason_code=reason_code,
            reason_description=reason_description,
            type_code=type_code,
            type_description=type_description,
            effective_date=effective_date,
            comments=comments,
            offender_non_association=offender_non_association,
            expiry_date=expiry_date,
            authorised_by=authorised_by,
        )

        legacy_non_association.additional_properties = d
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
