"""Ports of the service's resource tests for one prisoner's list of non-associations."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hmpps_non_associations_api.testing import (
    FakeNonAssociationsApi,
    NonAssociationRecord,
    Prisoner,
)

from tests.fidelity.stage import (
    ADA,
    BRAM,
    CORA,
    ELI,
    READER,
    Store,
    assert_error,
    assert_unauthorised,
    bearer,
)


def listing(http: httpx.Client, prisoner: Prisoner, query: str = "") -> dict[str, Any]:
    response = http.get(
        f"/prisoner/{prisoner.prisoner_number}/non-associations?{query}", headers=READER
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def location(prisoner: Prisoner) -> dict[str, str | None]:
    return {
        "prisonId": prisoner.prison_id,
        "prisonName": prisoner.prison_name,
        "cellLocation": prisoner.cell_location,
    }


def seen_by(record: NonAssociationRecord, subject: Prisoner, other: Prisoner) -> dict[str, Any]:
    """How `subject`'s list shows a record made by `Store`."""
    role, other_role = (
        (record.first_prisoner_role, record.second_prisoner_role)
        if record.first_prisoner_number == subject.prisoner_number
        else (record.second_prisoner_role, record.first_prisoner_role)
    )
    descriptions = {"VICTIM": "Victim", "PERPETRATOR": "Perpetrator"}
    return {
        "id": record.id,
        "role": role,
        "roleDescription": descriptions[role],
        "reason": "BULLYING",
        "reasonDescription": "Bullying",
        "restrictionType": "CELL",
        "restrictionTypeDescription": "Cell only",
        "comment": record.comment,
        "updatedBy": record.updated_by,
        "isClosed": record.is_closed,
        "closedReason": record.closed_reason,
        "closedBy": record.closed_by,
        "otherPrisonerDetails": {
            "prisonerNumber": other.prisoner_number,
            "role": other_role,
            "roleDescription": descriptions[other_role],
            "firstName": other.first_name,
            "lastName": other.last_name,
            **location(other),
        },
    }


def loosely(item: dict[str, Any]) -> dict[str, Any]:
    """The fields `seen_by` describes, as the service's tests compare leniently."""
    keys = [
        "id",
        "role",
        "roleDescription",
        "reason",
        "reasonDescription",
        "restrictionType",
        "restrictionTypeDescription",
        "comment",
        "updatedBy",
        "isClosed",
        "closedReason",
        "closedBy",
        "otherPrisonerDetails",
    ]
    return {key: item[key] for key in keys}


class Scenario:
    """Bram's non-associations: an open one with Ada (same prison), a closed one with
    Cora (same prison) and an open one with Eli, who is in Leeds."""

    def __init__(self, store: Store) -> None:
        self.with_ada = store(ADA.prisoner_number, BRAM.prisoner_number)
        self.with_cora = store(BRAM.prisoner_number, CORA.prisoner_number, closed=True)
        self.with_eli = store(ELI.prisoner_number, BRAM.prisoner_number)


@pytest.fixture
def scenario(store: Store) -> Scenario:
    return Scenario(store)


def test_get_for_prisoner__list_endpoint_documents_all_sorting_options(
    http: httpx.Client,
) -> None:
    """Kotlin: GetForPrisoner / `list endpoint documents all sorting options` (read here from
    the document the API serves rather than from the controller's annotations)."""
    document = http.get("/v3/api-docs").json()
    operation = document["paths"]["/prisoner/{prisonerNumber}/non-associations"]["get"]
    (sort_by,) = [param for param in operation["parameters"] if param["name"] == "sortBy"]
    schema = sort_by["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    assert set(schema["enum"]) >= {
        "WHEN_CREATED",
        "WHEN_UPDATED",
        "WHEN_CLOSED",
        "LAST_NAME",
        "FIRST_NAME",
        "PRISONER_NUMBER",
        "PRISON_ID",
        "PRISON_NAME",
        "CELL_LOCATION",
    }


def test_get_for_prisoner__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client,
) -> None:
    """Kotlin: GetForPrisoner / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.get(f"/prisoner/{ADA.prisoner_number}/non-associations"))


def test_get_for_prisoner__without_the_correct_role_responds_403_forbidden(
    http: httpx.Client,
) -> None:
    """Kotlin: GetForPrisoner / `without the correct role responds 403 Forbidden`."""
    response = http.get(
        f"/prisoner/{ADA.prisoner_number}/non-associations", headers=bearer(roles=["WRONG_ROLE"])
    )
    assert_error(response, 403)


def test_get_for_prisoner__when_any_of_the_prisoners_cant_be_found_in_prisoner_search_responds_404_not_found(  # noqa: E501
    http: httpx.Client, store: Store, fake: FakeNonAssociationsApi
) -> None:
    """Kotlin: GetForPrisoner / `when any of the prisoners can't be found in prisoner search
    responds 404 Not Found`."""
    store(ADA.prisoner_number, BRAM.prisoner_number)
    fake.remove_prisoner(ADA.prisoner_number)
    fake.remove_prisoner(BRAM.prisoner_number)
    response = http.get(f"/prisoner/{ADA.prisoner_number}/non-associations", headers=READER)
    assert_error(response, 404)
    assert response.json()["userMessage"] == (
        "Missing prisoners: Could not find the following prisoners: [A1234BC, D5678EF]"
    )


def test_get_for_prisoner__when_there_a_no_non_associations_for_the_given_prison_returns_the_prisoner_details(  # noqa: E501
    http: httpx.Client,
) -> None:
    """Kotlin: GetForPrisoner / `when there a no non-associations for the given prison,
    returns the prisoner details`."""
    assert listing(http, ADA) == {
        "prisonerNumber": ADA.prisoner_number,
        "firstName": ADA.first_name,
        "lastName": ADA.last_name,
        **location(ADA),
        "openCount": 0,
        "closedCount": 0,
        "nonAssociations": [],
    }


def test_get_for_prisoner__respond_with_400_if_neither_open_nor_closed_non_associations_are_requested(  # noqa: E501
    http: httpx.Client,
) -> None:
    """Kotlin: GetForPrisoner / `respond with 400 if neither open nor closed
    non-associations are requested`."""
    response = http.get(
        f"/prisoner/{ADA.prisoner_number}/non-associations?includeOpen=false&includeClosed=false",
        headers=READER,
    )
    assert_error(response, 400)


def check_head(body: dict[str, Any], open_count: int, closed_count: int) -> None:
    assert (body["prisonerNumber"], body["firstName"], body["lastName"]) == (
        BRAM.prisoner_number,
        BRAM.first_name,
        BRAM.last_name,
    )
    assert {key: body[key] for key in ("prisonId", "prisonName", "cellLocation")} == location(BRAM)
    assert (body["openCount"], body["closedCount"]) == (open_count, closed_count)


def test_get_for_prisoner__by_default_returns_only_open_non_associations_in_same_prison_the_given_prisoner_is_in(  # noqa: E501
    http: httpx.Client, scenario: Scenario
) -> None:
    """Kotlin: GetForPrisoner / `by default returns only open non-associations in same
    prison the given prisoner is in`."""
    body = listing(http, BRAM)
    check_head(body, 1, 1)
    assert [loosely(item) for item in body["nonAssociations"]] == [
        seen_by(scenario.with_ada, BRAM, ADA)
    ]
    assert body["nonAssociations"][0]["closedAt"] is None


def test_get_for_prisoner__optionally_returns_closed_non_associations(
    http: httpx.Client, scenario: Scenario
) -> None:
    """Kotlin: GetForPrisoner / `optionally returns closed non-associations`."""
    body = listing(http, BRAM, "includeClosed=true")
    check_head(body, 1, 1)
    assert sorted((loosely(item) for item in body["nonAssociations"]), key=lambda i: i["id"]) == [
        seen_by(scenario.with_ada, BRAM, ADA),
        seen_by(scenario.with_cora, BRAM, CORA),
    ]


def test_get_for_prisoner__optionally_returns_only_closed_non_associations(
    http: httpx.Client, scenario: Scenario
) -> None:
    """Kotlin: GetForPrisoner / `optionally returns only closed non-associations`."""
    body = listing(http, BRAM, "includeOpen=false&includeClosed=true")
    check_head(body, 1, 1)
    assert [loosely(item) for item in body["nonAssociations"]] == [
        seen_by(scenario.with_cora, BRAM, CORA)
    ]


def test_get_for_prisoner__optionally_returns_non_associations_in_other_prisons(
    http: httpx.Client, scenario: Scenario
) -> None:
    """Kotlin: GetForPrisoner / `optionally returns non-associations in other prisons`."""
    body = listing(http, BRAM, "includeOtherPrisons=true")
    check_head(body, 2, 1)
    assert sorted((loosely(item) for item in body["nonAssociations"]), key=lambda i: i["id"]) == [
        seen_by(scenario.with_ada, BRAM, ADA),
        seen_by(scenario.with_eli, BRAM, ELI),
    ]


def test_get_for_prisoner__when_invalid_sort_values_are_provided_responds_400_bad_request(
    http: httpx.Client,
) -> None:
    """Kotlin: GetForPrisoner / `when invalid sort values are provided responds 400 Bad
    Request`."""
    response = http.get(
        f"/prisoner/{ADA.prisoner_number}/non-associations?sortBy=InvalidField", headers=READER
    )
    assert_error(response, 400)


def test_get_for_prisoner__non_associations_can_be_sorted(
    http: httpx.Client, scenario: Scenario
) -> None:
    """Kotlin: GetForPrisoner / `non-associations can be sorted`."""
    query = "includeOtherPrisons=true&includeClosed=true&sortBy=LAST_NAME&sortDirection=DESC"
    body = listing(http, BRAM, query)
    last_names = [item["otherPrisonerDetails"]["lastName"] for item in body["nonAssociations"]]
    assert last_names == [ELI.last_name, ADA.last_name, CORA.last_name]
