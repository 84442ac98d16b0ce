from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason import Reason
from ..models.restriction_type import RestrictionType
from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.other_prisoner_details import OtherPrisonerDetails


T = TypeVar("T", bound="PrisonerNonAssociation")


@_attrs_define
class PrisonerNonAssociation:
    """A non-association seen from one prisoner's side

    Attributes:
        id (int): Non-association ID Example: 7.
        role (Role): A prisoner's part in a non-association
        role_description (str): Display text of this prisoner's role Example: Perpetrator.
        reason (Reason): Why the prisoners must be kept apart
        reason_description (str): Display text of the reason Example: Threat.
        restriction_type (RestrictionType): How far apart the prisoners must be kept
        restriction_type_description (str): Display text of the restriction type Example: Cell and landing.
        comment (str): Free-text account of the situation Example: Threats made in the exercise yard.
        authorised_by (str): Who authorised it Example: KWALSH_GEN.
        when_created (datetime.datetime): Creation time, Europe/London local time Example: 2024-02-12T09:15:04.318562.
        when_updated (datetime.datetime): Time of the last change, Europe/London local time Example:
            2024-02-12T09:15:04.318562.
        updated_by (str): Username of whoever changed it last Example: KWALSH_GEN.
        is_closed (bool): True once closed Example: False.
        other_prisoner_details (OtherPrisonerDetails): The prisoner on the other side of a non-association
        is_open (bool): True while in force; always the opposite of isClosed Example: True.
        closed_by (None | str | Unset): Username of whoever closed it; null while open
        closed_reason (None | str | Unset): Why it was closed; null while open
        closed_at (datetime.datetime | None | Unset): When it was closed, Europe/London local time; null while open
    """

    id: int
    role: Role
    role_description: str
    reason: Reason
    reason_description: str
    restriction_type: RestrictionType
    restriction_type_description: str
    comment: str
    authorised_by: str
    when_created: datetime.datetime
    when_updated: datetime.datetime
    updated_by: str
    is_closed: bool
    other_prisoner_details: OtherPrisonerDetails
    is_open: bool
    closed_by: None | str | Unset = UNSET
    closed_reason: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        role = self.role.value

        role_description = self.role_description

        reason = self.reason.value

        reason_description = self.reason_description

        restriction_type = self.restriction_type.value

        restriction_type_description = self.restriction_type_description

        comment = self.comment

        authorised_by = self.authorised_by

        when_created = self.when_created.isoformat()

        when_updated = self.when_updated.isoformat()

        updated_by = self.updated_by

        is_closed = self.is_closed

        other_prisoner_details = self.other_prisoner_details.to_dict()

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
                "role": role,
                "roleDescription": role_description,
                "reason": reason,
                "reasonDescription": reason_description,
                "restrictionType": restriction_type,
                "restrictionTypeDescription": restriction_type_description,
                "comment": comment,
                "authorisedBy": authorised_by,
                "whenCreated": when_created,
                "whenUpdated": when_updated,
                "updatedBy": updated_by,
                "isClosed": is_closed,
                "otherPrisonerDetails": other_prisoner_details,
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
        from ..models.other_prisoner_details import OtherPrisonerDetails

        d = dict(src_dict)
        id = d.pop("id")

        role = Role(d.pop("role"))

        role_description = d.pop("roleDescription")

        reason = Reason(d.pop("reason"))

        reason_description = d.pop("reasonDescription")

        restriction_type = RestrictionType(d.pop("restrictionType"))

        restriction_type_description = d.pop("restrictionTypeDescription")

        comment = d.pop("comment")

        authorised_by = d.pop("authorisedBy")

        when_created = datetime.datetime.fromisoformat(d.pop("whenCreated"))

        when_updated = datetime.datetime.fromisoformat(d.pop("whenUpdated"))

        updated_by = d.pop("updatedBy")

        is_closed = d.pop("isClosed")

        other_prisoner_details = OtherPrisonerDetails.from_dict(
            d.pop("otherPrisonerDetails")
        )

        is_open = d.pop("isOpen")

        def _parse_closed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_by = _parse_closed_by(d.pop("closedBy", UNSET))

        def _parse_closed_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_reason = _parse_closed_reason(d.pop("closedReason", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closedAt", UNSET))

        prisoner_non_association = cls(
            id=id,
            role=role,
            role_description=role_description,
            reason=reason,
            reason_description=reason_description,
            restriction_type=restriction_type,
            restriction_type_description=restriction_type_description,
            comment=comment,
            authorised_by=authorised_by,
            when_created=when_created,
            when_updated=when_updated,
            updated_by=updated_by,
            is_closed=is_closed,
            other_prisoner_details=other_prisoner_details,
            is_open=is_open,
            closed_by=closed_by,
            closed_reason=closed_reason,
            closed_at=closed_at,
        )

        prisoner_non_association.additional_properties = d
        return prisoner_non_association

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
