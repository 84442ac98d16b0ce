"""Ports of the service's resource tests for constants, create and update."""

from __future__ import annotations

import httpx

from tests.fidelity.stage import (
    ADA,
    BRAM,
    HAL,
    NOW_TEXT,
    STAFF_USERNAME,
    WRITER,
    Store,
    assert_body_refused,
    assert_error,
    assert_unauthorised,
    bearer,
    local_time,
)

WRITE_ONLY = bearer(roles=["ROLE_WRITE_NON_ASSOCIATIONS"], scopes=["write"])


def request_for(first: str, second: str) -> dict[str, str]:
    return {
        "firstPrisonerNumber": first,
        "firstPrisonerRole": "VICTIM",
        "secondPrisonerNumber": second,
        "secondPrisonerRole": "PERPETRATOR",
        "reason": "VIOLENCE",
        "restrictionType": "CELL",
        "comment": "Fought over a debt in the gym",
    }


# ConstantsAndEnumerations


def test_constants__without_a_valid_token_responds_401_unauthorized(http: httpx.Client) -> None:
    """Kotlin: ConstantsAndEnumerations / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.get("/constants"))


def test_constants__returns_all_enumerations(http: httpx.Client) -> None:
    """Kotlin: ConstantsAndEnumerations / `returns all enumerations`."""
    response = http.get("/constants", headers=bearer())
    assert response.status_code == 200
    assert response.json() == {
        "roles": [
            {"code": "VICTIM", "description": "Victim"},
            {"code": "PERPETRATOR", "description": "Perpetrator"},
            {"code": "NOT_RELEVANT", "description": "Not relevant"},
            {"code": "UNKNOWN", "description": "Unknown"},
        ],
        "reasons": [
            {"code": "BULLYING", "description": "Bullying"},
            {"code": "GANG_RELATED", "description": "Gang related"},
            {"code": "ORGANISED_CRIME", "description": "Organised crime"},
            {"code": "LEGAL_REQUEST", "description": "Police or legal request"},
            {"code": "THREAT", "description": "Threat"},
            {"code": "VIOLENCE", "description": "Violence"},
            {"code": "OTHER", "description": "Other"},
        ],
        "restrictionTypes": [
            {"code": "CELL", "description": "Cell only"},
            {"code": "LANDING", "description": "Cell and landing"},
            {"code": "WING", "description": "Cell, landing and wing"},
        ],
    }


# Create


def test_create__without_a_valid_token_responds_401_unauthorized(http: httpx.Client) -> None:
    """Kotlin: Create / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.post("/non-associations"))


def test_create__without_the_correct_role_and_scope_responds_403_forbidden(
    http: httpx.Client,
) -> None:
    """Kotlin: Create / `without the correct role and scope responds 403 Forbidden`."""
    body = request_for(ADA.prisoner_number, BRAM.prisoner_number)
    for token in (
        bearer(roles=["ROLE_NON_ASSOCIATIONS"]),
        bearer(roles=["ROLE_NON_ASSOCIATIONS"], scopes=["read"]),
    ):
        assert_error(http.post("/non-associations", json=body, headers=token), 403)


def test_create__without_a_valid_request_body_responds_400_bad_request_or_415_unsupported_media_type(  # noqa: E501
    http: httpx.Client,
) -> None:
    """Kotlin: Create / `without a valid request body responds 400 Bad Request or 415
    Unsupported Media Type`."""
    partial = {"firstPrisonerNumber": ADA.prisoner_number}
    assert_body_refused(http, "POST", "/non-associations", WRITE_ONLY, partial)


def test_create__when_any_of_the_prisoners_cant_be_found_in_prisoner_search_responds_404_not_found(
    http: httpx.Client,
) -> None:
    """Kotlin: Create / `when any of the prisoners can't be found in prisoner search
    responds 404 Not Found`."""
    token = bearer(roles=["ROLE_WRITE_NON_ASSOCIATIONS"], scopes=["write", "read"])
    response = http.post(
        "/non-associations", json=request_for(ADA.prisoner_number, "X1111TT"), headers=token
    )
    assert_error(response, 404)
    assert response.json()["userMessage"] == (
        "Missing prisoners: Could not find the following prisoners: [X1111TT]"
    )


def test_create__for_a_valid_request_creates_the_non_association(http: httpx.Client) -> None:
    """Kotlin: Create / `for a valid request creates the non-association`."""
    body = request_for(ADA.prisoner_number, BRAM.prisoner_number)
    response = http.post("/non-associations", json=body, headers=WRITER)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["id"] > 0
    assert created == {
        "id": created["id"],
        "firstPrisonerNumber": ADA.prisoner_number,
        "firstPrisonerRole": "VICTIM",
        "firstPrisonerRoleDescription": "Victim",
        "secondPrisonerNumber": BRAM.prisoner_number,
        "secondPrisonerRole": "PERPETRATOR",
        "secondPrisonerRoleDescription": "Perpetrator",
        "reason": "VIOLENCE",
        "reasonDescription": "Violence",
        "restrictionType": "CELL",
        "restrictionTypeDescription": "Cell only",
        "comment": "Fought over a debt in the gym",
        "whenCreated": NOW_TEXT,
        "whenUpdated": NOW_TEXT,
        "updatedBy": STAFF_USERNAME,
        "isClosed": False,
        "closedReason": None,
        "closedBy": None,
        "closedAt": None,
        "isOpen": True,
    }
    # what was stored, read back over the API: the creator is also who authorised it
    stored = http.get(
        f"/non-associations/{created['id']}", headers=bearer(roles=["ROLE_READ_NON_ASSOCIATIONS"])
    )
    assert stored.json() == created
    legacy = http.get(
        f"/legacy/api/non-associations/{created['id']}",
        headers=bearer(roles=["ROLE_NON_ASSOCIATIONS_SYNC"]),
    )
    assert legacy.json()["authorisedBy"] == STAFF_USERNAME


def test_create__cannot_create_na_for_already_open_na_between_same_prisoners(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Create / `cannot create NA for already open NA between same prisoners`."""
    store(BRAM.prisoner_number, ADA.prisoner_number)
    body = request_for(ADA.prisoner_number, BRAM.prisoner_number)
    assert_error(http.post("/non-associations", json=body, headers=WRITER), 409, 101)


def test_create__cannot_create_na_if_some_prisoner_has_a_null_location(
    http: httpx.Client,
) -> None:
    """Kotlin: Create / `cannot create NA if some prisoner has a null location`."""
    body = request_for(ADA.prisoner_number, HAL.prisoner_number)
    assert_error(http.post("/non-associations", json=body, headers=WRITER), 409, 103)


def test_create__can_create_na_for_already_closed_na_between_same_prisoners(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Create / `can create NA for already closed NA between same prisoners`."""
    store(ADA.prisoner_number, BRAM.prisoner_number, closed=True)
    body = request_for(ADA.prisoner_number, BRAM.prisoner_number)
    assert http.post("/non-associations", json=body, headers=WRITER).status_code == 201


# Update


def test_update__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Update / `without a valid token responds 401 Unauthorized`."""
    record = store()
    assert_unauthorised(http.patch(f"/non-associations/{record.id}"))


def test_update__without_the_correct_role_and_scope_responds_403_forbidden(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Update / `without the correct role and scope responds 403 Forbidden`."""
    record = store()
    for token in (
        bearer(roles=["ROLE_NON_ASSOCIATIONS"]),
        bearer(roles=["ROLE_NON_ASSOCIATIONS"], scopes=["read"]),
    ):
        response = http.patch(
            f"/non-associations/{record.id}", json={"restrictionType": "LANDING"}, headers=token
        )
        assert_error(response, 403)


def test_update__without_a_valid_request_body_responds_400_bad_request_or_415_unsupported_media_type(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Update / `without a valid request body responds 400 Bad Request or 415
    Unsupported Media Type`."""
    url = f"/non-associations/{store().id}"
    assert_body_refused(http, "PATCH", url, WRITE_ONLY, {"firstPrisonerRole": "missing"})


def test_update__for_a_valid_request_updates_the_non_association(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Update / `for a valid request updates the non-association`."""
    record = store()
    response = http.patch(
        f"/non-associations/{record.id}", json={"comment": "Now a debt, too"}, headers=WRITER
    )
    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["id"] == record.id
    assert {key: updated[key] for key in ("firstPrisonerNumber", "secondPrisonerNumber")} == {
        "firstPrisonerNumber": record.first_prisoner_number,
        "secondPrisonerNumber": record.second_prisoner_number,
    }
    assert (updated["firstPrisonerRole"], updated["firstPrisonerRoleDescription"]) == (
        "VICTIM",
        "Victim",
    )
    assert (updated["secondPrisonerRole"], updated["secondPrisonerRoleDescription"]) == (
        "PERPETRATOR",
        "Perpetrator",
    )
    assert (updated["reason"], updated["reasonDescription"]) == ("BULLYING", "Bullying")
    assert (updated["restrictionType"], updated["restrictionTypeDescription"]) == (
        "CELL",
        "Cell only",
    )
    assert (updated["comment"], updated["updatedBy"]) == ("Now a debt, too", STAFF_USERNAME)
    assert updated["isClosed"] is False
    assert updated["closedReason"] is updated["closedBy"] is updated["closedAt"] is None
    assert local_time(updated["whenUpdated"]) >= local_time(updated["whenCreated"])
