"""Ports of the service's resource tests for one non-association, its legacy form and
the paged list of all of them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.fidelity.stage import (
    ADA,
    BRAM,
    NOW_TEXT,
    READER,
    Store,
    assert_error,
    assert_unauthorised,
    bearer,
)

SYNC = bearer(roles=["ROLE_NON_ASSOCIATIONS_SYNC"])
OTHER_ROLE = bearer(roles=["ROLE_SOMETHING_ELSE"])


# GetOne


def test_get_one__without_a_valid_token_responds_401_unauthorized(http: httpx.Client) -> None:
    """Kotlin: GetOne / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.get("/non-associations/42"))


def test_get_one__without_the_correct_role_responds_403_forbidden(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetOne / `without the correct role responds 403 Forbidden`."""
    assert_error(http.get(f"/non-associations/{store().id}", headers=OTHER_ROLE), 403)


def test_get_one__when_the_non_association_doesnt_exist_responds_404_not_found(
    http: httpx.Client,
) -> None:
    """Kotlin: GetOne / `when the non-association doesn't exist responds 404 Not Found`."""
    assert_error(http.get("/non-associations/42", headers=READER), 404, 404)


def test_get_one__when_the_non_association_exists_returns_it(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetOne / `when the non-association exists returns it`."""
    record = store()
    response = http.get(f"/non-associations/{record.id}", headers=READER)
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == record.id
    assert (body["firstPrisonerNumber"], body["secondPrisonerNumber"]) == (
        record.first_prisoner_number,
        record.second_prisoner_number,
    )
    assert (body["firstPrisonerRole"], body["firstPrisonerRoleDescription"]) == (
        "VICTIM",
        "Victim",
    )
    assert (body["secondPrisonerRole"], body["secondPrisonerRoleDescription"]) == (
        "PERPETRATOR",
        "Perpetrator",
    )
    assert (body["restrictionType"], body["restrictionTypeDescription"]) == ("CELL", "Cell only")
    assert body["comment"] == record.comment


# GetLegacy


def test_get_legacy__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetLegacy / `without a valid token responds 401 Unauthorized`."""
    response = http.get(
        f"/legacy/api/non-associations/{store().id}", headers={"Content-Type": "application/json"}
    )
    assert_unauthorised(response)


def test_get_legacy__without_the_correct_role_responds_403_forbidden(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetLegacy / `without the correct role responds 403 Forbidden`."""
    assert_error(http.get(f"/legacy/api/non-associations/{store().id}", headers=OTHER_ROLE), 403)


def test_get_legacy__when_the_non_association_doesnt_exist_responds_404_not_found(
    http: httpx.Client,
) -> None:
    """Kotlin: GetLegacy / `when the non-association doesn't exist responds 404 Not Found`."""
    assert_error(http.get("/legacy/api/non-associations/101", headers=SYNC), 404, 404)


def legacy_of(record_id: int, first: str, second: str, expiry: str | None) -> dict[str, Any]:
    """The legacy record of a bullying non-association made by `Store`, cell only."""
    return {
        "id": record_id,
        "offenderNo": first,
        "reasonCode": "BUL",
        "reasonDescription": "Anti Bullying Strategy",
        "typeCode": "CELL",
        "typeDescription": "Do Not Locate in Same Cell",
        "effectiveDate": NOW_TEXT,
        "expiryDate": expiry,
        "authorisedBy": "Duty Governor",
        "comments": "Repeated intimidation on the wing",
        "offenderNonAssociation": {
            "offenderNo": second,
            "reasonCode": "BUL",
            "reasonDescription": "Anti Bullying Strategy",
        },
    }


def test_get_legacy__when_an_open_non_association_exists_returns_it(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetLegacy / `when an open non-association exists returns it`."""
    record = store()
    response = http.get(f"/legacy/api/non-associations/{record.id}", headers=SYNC)
    assert response.status_code == 200
    assert response.json() == legacy_of(
        record.id, ADA.prisoner_number, BRAM.prisoner_number, expiry=None
    )


def test_get_legacy__when_a_closed_non_association_exists_returns_it(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetLegacy / `when a closed non-association exists returns it`."""
    record = store(closed=True)
    response = http.get(f"/legacy/api/non-associations/{record.id}", headers=SYNC)
    assert response.status_code == 200
    assert response.json() == legacy_of(
        record.id, ADA.prisoner_number, BRAM.prisoner_number, expiry=NOW_TEXT
    )


# GetAll


@pytest.fixture
def five(store: Store) -> list[int]:
    """Five non-associations between different pairs; the second and third are closed."""
    return [
        store("A1234AA", "A1234AB").id,
        store("A1235AA", "A1235AB", closed=True).id,
        store("A1236AA", "A1236AB", closed=True).id,
        store("A1237AA", "A1237AB").id,
        store("A1238AA", "A1238AB").id,
    ]


def page(http: httpx.Client, query: str) -> dict[str, Any]:
    response = http.get(f"/non-associations?{query}", headers=READER)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def summary(body: dict[str, Any]) -> list[tuple[int, str, str]]:
    return [
        (item["id"], item["firstPrisonerNumber"], item["secondPrisonerNumber"])
        for item in body["content"]
    ]


def pairs(ids: list[int], *which: int) -> list[tuple[int, str, str]]:
    """The (id, first, second) of the `five` fixture's records at these positions."""
    return [(ids[index], f"A123{4 + index}AA", f"A123{4 + index}AB") for index in which]


def test_get_all__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.get("/non-associations"))


def test_get_all__without_the_correct_role_responds_403_forbidden(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `without the correct role responds 403 Forbidden`."""
    assert_error(http.get("/non-associations", headers=OTHER_ROLE), 403)


def test_get_all__without_a_valid_page_size_responds_400_bad_request(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `without a valid page size responds 400 Bad Request`."""
    assert_error(http.get("/non-associations?size=1000", headers=READER), 400)


def test_get_all__a_paged_list_of_any_non_association_is_returned_for_a_size_of_one(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `a paged list of any non-association is returned for a size of one`."""
    body = page(http, "size=1&includeClosed=true")
    assert summary(body) == pairs(five, 0)
    pageable = body["pageable"]
    assert (pageable["pageNumber"], pageable["pageSize"], pageable["offset"]) == (0, 1, 0)
    assert (pageable["sort"]["sorted"], pageable["paged"], pageable["unpaged"]) == (
        True,
        True,
        False,
    )
    assert (body["totalPages"], body["totalElements"], body["size"], body["number"]) == (5, 5, 1, 0)
    assert (body["numberOfElements"], body["first"], body["last"], body["empty"]) == (
        1,
        True,
        False,
        False,
    )


def test_get_all__a_paged_list_of_only_open_non_associations_for_a_size_of_one(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `a paged list of only open non-associations for a size of one`."""
    body = page(http, "size=1")
    assert summary(body) == pairs(five, 0)
    assert (body["totalPages"], body["totalElements"], body["number"], body["size"]) == (3, 3, 0, 1)
    assert (body["first"], body["last"], body["empty"]) == (True, False, False)


def test_get_all__a_paged_list_of_only_closed_non_associations_for_a_size_of_one(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `a paged list of only closed non-associations for a size of one`."""
    body = page(http, "includeClosed=true&includeOpen=false&size=1")
    assert summary(body) == pairs(five, 1)
    assert (body["totalPages"], body["totalElements"], body["number"], body["size"]) == (2, 2, 0, 1)
    assert (body["first"], body["last"], body["empty"]) == (True, False, False)


def test_get_all__a_paged_list_of_any_non_associations_is_returned_for_a_size_of_two_next_page(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `a paged list of any non-associations is returned for a size of two
    next page`."""
    body = page(http, "size=2&includeClosed=true&page=1")
    assert summary(body) == pairs(five, 2, 3)
    pageable = body["pageable"]
    assert (pageable["pageNumber"], pageable["pageSize"], pageable["offset"]) == (1, 2, 2)
    assert pageable["sort"]["sorted"] is True
    assert (body["totalPages"], body["totalElements"], body["size"], body["number"]) == (3, 5, 2, 1)
    assert (body["numberOfElements"], body["first"], body["last"], body["empty"]) == (
        2,
        False,
        False,
        False,
    )


def test_get_all__a_total_list_of_any_non_associations(http: httpx.Client, five: list[int]) -> None:
    """Kotlin: GetAll / `a total list of any non-associations`."""
    body = page(http, "includeOpen=true&includeClosed=true&size=6")
    assert summary(body) == pairs(five, 0, 1, 2, 3, 4)
    assert (body["pageable"]["pageSize"], body["pageable"]["offset"]) == (6, 0)
    assert (body["totalPages"], body["totalElements"], body["size"], body["number"]) == (1, 5, 6, 0)
    assert (body["numberOfElements"], body["first"], body["last"], body["empty"]) == (
        5,
        True,
        True,
        False,
    )


def test_get_all__a_total_list_of_only_open_non_associations(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `a total list of only open non-associations`."""
    body = page(http, "size=100")
    assert summary(body) == pairs(five, 0, 3, 4)
    assert (body["totalPages"], body["totalElements"], body["size"]) == (1, 3, 100)
    assert (body["first"], body["last"], body["empty"]) == (True, True, False)


def test_get_all__a_total_list_of_only_closed_non_associations(
    http: httpx.Client, five: list[int]
) -> None:
    """Kotlin: GetAll / `a total list of only closed non-associations`."""
    body = page(http, "includeOpen=false&includeClosed=true&size=100")
    assert summary(body) == pairs(five, 1, 2)
    assert (body["totalPages"], body["totalElements"], body["size"]) == (1, 2, 100)
    assert (body["first"], body["last"], body["empty"]) == (True, True, False)
