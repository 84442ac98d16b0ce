"""The generated models parse the payloads the real API sends."""

from __future__ import annotations

import datetime
import inspect

from hmpps_non_associations_api_client.api.non_associations import (
    close_non_association,
    reopen_non_association,
)
from hmpps_non_associations_api_client.models import (
    CloseNonAssociationRequest,
    LegacyNonAssociation,
    LegacyReasonCode,
    NonAssociation,
    PageNonAssociation,
    PrisonerNonAssociations,
    Reason,
    ReopenNonAssociationRequest,
    RestrictionType,
    Role,
)

from tests.payloads import OPEN_NON_ASSOCIATION

OPEN = OPEN_NON_ASSOCIATION
CLOSED = {
    **OPEN,
    "isClosed": True,
    "isOpen": False,
    "closedBy": "ASMITH",
    "closedReason": "Moved",
    "closedAt": "2023-08-01T10:00:00",
}


def test_open_non_association_with_null_closed_fields() -> None:
    na = NonAssociation.from_dict(OPEN)
    assert na.closed_at is None and na.closed_by is None and na.closed_reason is None
    assert na.when_created == datetime.datetime(2023, 7, 21, 8, 14, 21)
    assert na.when_updated == datetime.datetime(2023, 7, 21, 8, 14, 21, 123456)
    assert na.first_prisoner_role is Role.VICTIM
    assert na.reason is Reason.BULLYING
    assert na.restriction_type is RestrictionType.CELL
    assert na.to_dict()["closedAt"] is None


def test_closed_non_association() -> None:
    na = NonAssociation.from_dict(CLOSED)
    assert na.is_closed and not na.is_open
    assert na.closed_at == datetime.datetime(2023, 8, 1, 10, 0)
    assert na.closed_by == "ASMITH"


def test_prisoner_list_with_prisoner_out_of_prison() -> None:
    payload = {
        "prisonerNumber": "A1234BC",
        "firstName": "James",
        "lastName": "Hall",
        "prisonId": None,
        "prisonName": None,
        "cellLocation": None,
        "openCount": 1,
        "closedCount": 0,
        "nonAssociations": [
            {
                "id": 42,
                "role": "VICTIM",
                "roleDescription": "Victim",
                "reason": "THREAT",
                "reasonDescription": "Threat",
                "restrictionType": "WING",
                "restrictionTypeDescription": "Cell, landing and wing",
                "comment": "c",
                "authorisedBy": "OFF3_GEN",
                "whenCreated": "2023-07-21T08:14:21",
                "whenUpdated": "2023-07-21T08:14:21",
                "updatedBy": "OFF3_GEN",
                "isClosed": False,
                "isOpen": True,
                "closedBy": None,
                "closedReason": None,
                "closedAt": None,
                "otherPrisonerDetails": {
                    "prisonerNumber": "D5678EF",
                    "role": "PERPETRATOR",
                    "roleDescription": "Perpetrator",
                    "firstName": "Joe",
                    "lastName": "Bloggs",
                    "prisonId": None,
                    "prisonName": None,
                    "cellLocation": None,
                },
            }
        ],
    }
    parsed = PrisonerNonAssociations.from_dict(payload)
    assert parsed.prison_id is None and parsed.cell_location is None
    other = parsed.non_associations[0].other_prisoner_details
    assert other.prison_id is None and other.role is Role.PERPETRATOR
    assert parsed.non_associations[0].when_created.year == 2023


def test_page() -> None:
    page = PageNonAssociation.from_dict(
        {
            "content": [OPEN, CLOSED],
            "totalElements": 2,
            "totalPages": 1,
            "number": 0,
            "size": 20,
            "numberOfElements": 2,
            "first": True,
            "last": True,
            "empty": False,
            "sort": {"empty": False, "sorted": True, "unsorted": False},
            "pageable": {
                "offset": 0,
                "pageNumber": 0,
                "pageSize": 20,
                "paged": True,
                "unpaged": False,
                "sort": {"empty": False, "sorted": True, "unsorted": False},
            },
        }
    )
    assert isinstance(page.content, list)
    assert [na.id for na in page.content] == [42, 42]
    assert page.content[1].closed_at == datetime.datetime(2023, 8, 1, 10, 0)


def test_legacy_record_with_no_expiry() -> None:
    legacy = LegacyNonAssociation.from_dict(
        {
            "id": 42,
            "offenderNo": "A1234BC",
            "reasonCode": "VIC",
            "reasonDescription": "Victim",
            "typeCode": "WING",
            "typeDescription": "Do Not Locate on Same Wing",
            "effectiveDate": "2021-07-05T00:00:00",
            "expiryDate": None,
            "authorisedBy": None,
            "comments": "c",
            "offenderNonAssociation": {
                "offenderNo": "B1234CD",
                "reasonCode": "PER",
                "reasonDescription": "Perpetrator",
            },
        }
    )
    assert legacy.expiry_date is None
    assert legacy.effective_date == datetime.datetime(2021, 7, 5)
    assert legacy.reason_code is LegacyReasonCode.VIC


def test_close_and_reopen_have_typed_bodies() -> None:
    for module, model in (
        (close_non_association, CloseNonAssociationRequest),
        (reopen_non_association, ReopenNonAssociationRequest),
    ):
        params = inspect.signature(module.sync_detailed).parameters
        assert params["body"].annotation in (model, model.__name__)
    assert ReopenNonAssociationRequest(reopen_reason="again").to_dict() == {"reopenReason": "again"}
    close = CloseNonAssociationRequest(
        closed_reason="done", closed_at=datetime.datetime(2024, 1, 2, 3, 4, 5)
    )
    assert close.to_dict() == {"closedReason": "done", "closedAt": "2024-01-02T03:04:05"}
