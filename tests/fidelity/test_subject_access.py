"""Ports of the service's resource tests for subject access requests."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from hmpps_non_associations_api.testing import FakeNonAssociationsApi

from tests.fidelity.stage import ADA, BRAM, CORA, NOW, Store, bearer

SAR = {**bearer(roles=["ROLE_SAR_DATA_ACCESS"]), "Content-Type": "application/json"}


def test_sar__when_an_sar_is_made_non_associations_are_returned(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: SAR / `when an SAR is made non-associations are returned`."""
    record = store()
    response = http.get(f"/subject-access-request?prn={ADA.prisoner_number}", headers=SAR)
    assert response.status_code == 200, response.text
    content = response.json()["content"]
    assert {key: content[key] for key in content if key != "nonAssociations"} == {
        "prisonerNumber": ADA.prisoner_number,
        "firstName": ADA.first_name,
        "lastName": ADA.last_name,
        "prisonId": ADA.prison_id,
        "prisonName": ADA.prison_name,
        "cellLocation": ADA.cell_location,
        "openCount": 1,
        "closedCount": 0,
    }
    (item,) = content["nonAssociations"]
    assert item["id"] == record.id
    assert (item["role"], item["roleDescription"]) == ("VICTIM", "Victim")
    assert (item["reason"], item["reasonDescription"]) == ("BULLYING", "Bullying")
    assert (item["restrictionType"], item["restrictionTypeDescription"]) == ("CELL", "Cell only")
    assert (item["comment"], item["authorisedBy"], item["updatedBy"]) == (
        "Repeated intimidation on the wing",
        "Duty Governor",
        "WING_OFFICER",
    )
    assert (item["isClosed"], item["isOpen"]) == (False, True)
    assert item["otherPrisonerDetails"] == {
        "prisonerNumber": BRAM.prisoner_number,
        "role": "PERPETRATOR",
        "roleDescription": "Perpetrator",
        "firstName": BRAM.first_name,
        "lastName": BRAM.last_name,
        "prisonId": BRAM.prison_id,
        "prisonName": BRAM.prison_name,
        "cellLocation": BRAM.cell_location,
    }


def test_sar__sar_about_prisoner_with_no_non_associations_responds_with_204_no_content(
    http: httpx.Client,
) -> None:
    """Kotlin: SAR / `SAR about prisoner with no non-associations responds with 204 No
    Content`."""
    response = http.get(f"/subject-access-request?prn={CORA.prisoner_number}", headers=SAR)
    assert (response.status_code, response.content) == (204, b"")


def test_sar__sar_with_non_associations_outside_given_date_range_responds_with_204_no_content(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: SAR / `SAR with non-associations outside given date range responds with 204
    No Content`."""
    record = store()
    to_date = (record.when_created - timedelta(days=42)).date().isoformat()
    response = http.get(
        f"/subject-access-request?prn={ADA.prisoner_number}&toDate={to_date}", headers=SAR
    )
    assert (response.status_code, response.content) == (204, b"")


DAY_BEFORE = (NOW - timedelta(days=1)).date().isoformat()
SAME_DAY = NOW.date().isoformat()
DAY_AFTER = (NOW + timedelta(days=1)).date().isoformat()


@pytest.mark.parametrize(
    ("from_date", "to_date", "found"),
    [
        (None, None, True),
        (SAME_DAY, None, True),
        (DAY_AFTER, None, False),
        (None, SAME_DAY, True),
        (None, DAY_BEFORE, False),
        (DAY_BEFORE, DAY_BEFORE, False),
        (DAY_AFTER, DAY_AFTER, False),
        (SAME_DAY, SAME_DAY, True),
        (DAY_BEFORE, DAY_AFTER, True),
    ],
)
def test_sar__sar_for_date_ranges(
    http: httpx.Client,
    store: Store,
    from_date: str | None,
    to_date: str | None,
    found: bool,
) -> None:
    """Kotlin: SAR / `SAR for date ranges` (one case per row of its table, the dates
    relative to the frozen clock)."""
    store()
    query = f"prn={ADA.prisoner_number}"
    if from_date is not None:
        query += f"&fromDate={from_date}"
    if to_date is not None:
        query += f"&toDate={to_date}"
    response = http.get(f"/subject-access-request?{query}", headers=SAR)
    assert response.status_code == (200 if found else 204), response.text


def test_sar__sar_about_prisoner_with_non_associations_not_found_in_prisoner_search_responds_209(
    http: httpx.Client, store: Store, fake: FakeNonAssociationsApi
) -> None:
    """Kotlin: SAR / `SAR about prisoner with non-associations not found in Prisoner Search
    responds 209`."""
    store()
    fake.remove_prisoner(ADA.prisoner_number)
    fake.remove_prisoner(BRAM.prisoner_number)
    response = http.get(f"/subject-access-request?prn={ADA.prisoner_number}", headers=SAR)
    assert response.status_code == 209
