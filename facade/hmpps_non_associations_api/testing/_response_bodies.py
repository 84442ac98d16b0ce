"""The JSON shapes the API sends, built from the fake's records."""

from __future__ import annotations

from collections.abc import Sequence

from ._code_lists import (
    LEGACY_REASON_DESCRIPTIONS,
    LEGACY_TYPE_DESCRIPTIONS,
    LEGACY_TYPES,
    REASONS,
    RESTRICTION_TYPES,
    ROLES,
    legacy_reasons,
)
from ._fake_api import PrisonerListing
from ._local_date_time import format_local
from ._stored_records import NonAssociationRecord, Prisoner

__all__ = [
    "constants",
    "legacy_non_association",
    "non_association",
    "page",
    "prisoner_listing",
    "subject_access",
]

JsonObject = dict[str, object]


def constants() -> JsonObject:
    """Every code list with display text."""
    return {
        name: [{"code": code, "description": text} for code, text in codes.items()]
        for name, codes in (
            ("roles", ROLES),
            ("reasons", REASONS),
            ("restrictionTypes", RESTRICTION_TYPES),
        )
    }


def _closure_fields(record: NonAssociationRecord) -> JsonObject:
    return {
        "isClosed": record.is_closed,
        "closedBy": record.closed_by,
        "closedReason": record.closed_reason,
        "closedAt": format_local(record.closed_at) if record.closed_at else None,
        "isOpen": record.is_open,
    }


def _detail_fields(record: NonAssociationRecord) -> JsonObject:
    return {
        "reason": record.reason,
        "reasonDescription": REASONS[record.reason],
        "restrictionType": record.restriction_type,
        "restrictionTypeDescription": RESTRICTION_TYPES[record.restriction_type],
        "comment": record.comment,
    }


def _history_fields(record: NonAssociationRecord) -> JsonObject:
    return {
        "whenCreated": format_local(record.when_created),
        "whenUpdated": format_local(record.when_updated),
        "updatedBy": record.updated_by,
    }


def non_association(record: NonAssociationRecord) -> JsonObject:
    """A NonAssociation."""
    return {
        "id": record.id,
        "firstPrisonerNumber": record.first_prisoner_number,
        "firstPrisonerRole": record.first_prisoner_role,
        "firstPrisonerRoleDescription": ROLES[record.first_prisoner_role],
        "secondPrisonerNumber": record.second_prisoner_number,
        "secondPrisonerRole": record.second_prisoner_role,
        "secondPrisonerRoleDescription": ROLES[record.second_prisoner_role],
        **_detail_fields(record),
        **_history_fields(record),
        **_closure_fields(record),
    }


def _location_fields(prisoner: Prisoner) -> JsonObject:
    return {
        "prisonId": prisoner.prison_id,
        "prisonName": prisoner.prison_name,
        "cellLocation": prisoner.cell_location,
    }


def _listing_entry(
    record: NonAssociationRecord, prisoner_number: str, other: Prisoner
) -> JsonObject:
    role = record.role_of(prisoner_number)
    other_role = record.role_of(other.prisoner_number)
    return {
        "id": record.id,
        "role": role,
        "roleDescription": ROLES[role],
        **_detail_fields(record),
        "authorisedBy": record.authorised_by or "",  # the list shows no authoriser as ""
        **_history_fields(record),
        **_closure_fields(record),
        "otherPrisonerDetails": {
            "prisonerNumber": other.prisoner_number,
            "role": other_role,
            "roleDescription": ROLES[other_role],
            "firstName": other.first_name,
            "lastName": other.last_name,
            **_location_fields(other),
        },
    }


def prisoner_listing(listing: PrisonerListing) -> JsonObject:
    """A PrisonerNonAssociations."""
    prisoner = listing.prisoner
    return {
        "prisonerNumber": prisoner.prisoner_number,
        "firstName": prisoner.first_name,
        "lastName": prisoner.last_name,
        **_location_fields(prisoner),
        "openCount": listing.open_count,
        "closedCount": listing.closed_count,
        "nonAssociations": [
            _listing_entry(record, prisoner.prisoner_number, other)
            for record, other in listing.entries
        ],
    }


def legacy_non_association(record: NonAssociationRecord) -> JsonObject:
    """A LegacyNonAssociation, in the old NOMIS layout."""
    reason_code, other_reason_code = legacy_reasons(
        record.reason, record.first_prisoner_role, record.second_prisoner_role
    )
    type_code = LEGACY_TYPES[record.restriction_type]
    return {
        "id": record.id,
        "offenderNo": record.first_prisoner_number,
        "reasonCode": reason_code.value,
        "reasonDescription": LEGACY_REASON_DESCRIPTIONS[reason_code],
        "typeCode": type_code.value,
        "typeDescription": LEGACY_TYPE_DESCRIPTIONS[type_code],
        "effectiveDate": format_local(record.when_created),
        "expiryDate": format_local(record.closed_at) if record.closed_at else None,
        "authorisedBy": record.authorised_by,
        "comments": record.comment,
        "offenderNonAssociation": {
            "offenderNo": record.second_prisoner_number,
            "reasonCode": other_reason_code.value,
            "reasonDescription": LEGACY_REASON_DESCRIPTIONS[other_reason_code],
        },
    }


def subject_access(listing: PrisonerListing) -> JsonObject:
    """An HmppsSubjectAccessRequestContent: the prisoner list, and no attachments."""
    return {"content": prisoner_listing(listing), "attachments": None}


def page(
    content: Sequence[NonAssociationRecord], *, total: int, number: int, size: int
) -> JsonObject:
    """A Spring Data page of NonAssociations; the fake always sorts, so `sorted` is true."""
    total_pages = -(-total // size)
    sort = {"empty": False, "sorted": True, "unsorted": False}
    return {
        "content": [non_association(record) for record in content],
        "pageable": {
            "pageNumber": number,
            "pageSize": size,
            "sort": sort,
            "offset": number * size,
            "paged": True,
            "unpaged": False,
        },
        "totalElements": total,
        "totalPages": total_pages,
        "last": number >= total_pages - 1,
        "size": size,
        "number": number,
        "sort": sort,
        "numberOfElements": len(content),
        "first": number == 0,
        "empty": not content,
    }
