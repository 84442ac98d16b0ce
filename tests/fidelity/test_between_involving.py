"""Ports of the service's resource tests for non-associations between and involving a
group of prisoners."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

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

PAIR = [ADA.prisoner_number, BRAM.prisoner_number]


def post(http: httpx.Client, path: str, numbers: list[str], query: str = "") -> list[Any]:
    response = http.post(f"/non-associations/{path}?{query}", json=numbers, headers=READER)
    assert response.status_code == 200, response.text
    body: list[Any] = response.json()
    return body


def triples(body: list[Any]) -> set[tuple[str, str, bool]]:
    """Who and whether closed; the service's tests compare these lists ignoring order."""
    return {
        (item["firstPrisonerNumber"], item["secondPrisonerNumber"], item["isClosed"])
        for item in body
    }


def full(first: str, second: str, *, closed: bool) -> dict[str, Any]:
    """Every field but the ID and times of a `Store` record, as a NonAssociation."""
    return {
        "firstPrisonerNumber": first,
        "firstPrisonerRole": "VICTIM",
        "firstPrisonerRoleDescription": "Victim",
        "secondPrisonerNumber": second,
        "secondPrisonerRole": "PERPETRATOR",
        "secondPrisonerRoleDescription": "Perpetrator",
        "reason": "BULLYING",
        "reasonDescription": "Bullying",
        "restrictionType": "CELL",
        "restrictionTypeDescription": "Cell only",
        "comment": "Repeated intimidation on the wing",
        "updatedBy": "CLOSING_OFFICER" if closed else "WING_OFFICER",
        "isClosed": closed,
        "closedBy": "CLOSING_OFFICER" if closed else None,
        "closedReason": "Reconciled after mediation" if closed else None,
    }


def without_id_and_times(body: list[Any]) -> list[dict[str, Any]]:
    drop = {"id", "whenCreated", "whenUpdated", "closedAt", "isOpen"}
    return sorted(
        ({key: value for key, value in item.items() if key not in drop} for item in body),
        key=lambda item: item["isClosed"],
    )


@pytest.fixture
def graph(store: Store) -> None:
    """Five pairs: 0-1, 0-2, 2-3, 1-4 open and 4-2 closed."""
    store("A0000AA", "A1111AA")
    store("A0000AA", "A2222AA")
    store("A2222AA", "A3333AA")
    store("A1111AA", "A4444AA")
    store("A4444AA", "A2222AA", closed=True)


# GetBetweenPrisoners


def test_between__without_a_valid_token_responds_401_unauthorized(http: httpx.Client) -> None:
    """Kotlin: GetBetweenPrisoners / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.post("/non-associations/between", json=PAIR))


def test_between__without_the_correct_role_responds_403_forbidden(http: httpx.Client) -> None:
    """Kotlin: GetBetweenPrisoners / `without the correct role responds 403 Forbidden`."""
    response = http.post(
        "/non-associations/between", json=PAIR, headers=bearer(roles=["WRONG_ROLE"])
    )
    assert_error(response, 403)


def test_between__without_two_or_more_distinct_prisoner_numbers_responds_with_400_bad_request(
    http: httpx.Client,
) -> None:
    """Kotlin: GetBetweenPrisoners / `without two or more distinct prisoner numbers responds
    with 400 Bad Request`."""
    assert_error(http.post("/non-associations/between", headers=READER), 400)
    for numbers in (
        [],
        [ADA.prisoner_number],
        [ADA.prisoner_number, ADA.prisoner_number],
        [ADA.prisoner_number, ""],
    ):
        response = http.post("/non-associations/between", json=numbers, headers=READER)
        assert_error(response, 400)


def test_between__when_there_are_no_non_associations_between_the_prisoners(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetBetweenPrisoners / `when there are no non-associations between the
    prisoners`."""
    store("A0011AA", ADA.prisoner_number)
    assert post(http, "between", PAIR) == []


def test_between__when_prison_id_is_provided_and_there_are_no_non_associations_between_the_prisoners(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetBetweenPrisoners / `when prisonId is provided and there are no
    non-associations between the prisoners` (prisoner search, which does not know
    A0011AA, must not even be asked)."""
    store("A0011AA", ADA.prisoner_number)
    assert post(http, "between", PAIR, "prisonId=MDI") == []


def test_between__when_there_are_non_associations_between_the_prisoners(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetBetweenPrisoners / `when there are non-associations between the
    prisoners`."""
    store()
    store(closed=True)
    body = post(http, "between", PAIR)
    assert without_id_and_times(body) == [full(*PAIR, closed=False)]
    assert body[0]["closedAt"] is None


def test_between__when_there_are_non_associations_between_the_prisoners_including_open_and_closed(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetBetweenPrisoners / `when there are non-associations between the prisoners
    including open and closed`."""
    store()
    store(closed=True)
    body = post(http, "between", PAIR, "includeClosed=true")
    assert without_id_and_times(body) == [
        full(*PAIR, closed=False),
        full(*PAIR, closed=True),
    ]


def test_between__when_there_are_non_associations_between_the_prisoners_including_only_closed(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetBetweenPrisoners / `when there are non-associations between the prisoners
    including only closed`."""
    store()
    store(closed=True)
    body = post(http, "between", PAIR, "includeOpen=false&includeClosed=true")
    assert without_id_and_times(body) == [full(*PAIR, closed=True)]


def test_between__when_there_are_non_associations_between_the_prisoners_but_neither_open_nor_closed_were_included(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetBetweenPrisoners / `when there are non-associations between the prisoners
    but neither open nor closed were included`."""
    store()
    store(closed=True)
    response = http.post(
        "/non-associations/between?includeOpen=false&includeClosed=false",
        json=PAIR,
        headers=READER,
    )
    assert_error(response, 400)


def test_between__when_non_associations_are_requested_between_more_than_2_prisoners(
    http: httpx.Client, graph: None
) -> None:
    """Kotlin: GetBetweenPrisoners / `when non-associations are requested between more
    than 2 prisoners`."""
    group = ["A0000AA", "A2222AA", "A4444AA", "B0000BB"]
    assert triples(post(http, "between", group)) == {("A0000AA", "A2222AA", False)}
    assert triples(post(http, "between", group, "includeClosed=true")) == {
        ("A0000AA", "A2222AA", False),
        ("A4444AA", "A2222AA", True),
    }


def test_between__when_prison_id_is_provided(http: httpx.Client, store: Store) -> None:
    """Kotlin: GetBetweenPrisoners / `when prisonId is provided`."""
    store(BRAM.prisoner_number, CORA.prisoner_number)  # listed, both in Moorland
    store(CORA.prisoner_number, ADA.prisoner_number)  # Ada is not listed
    store(ELI.prisoner_number, CORA.prisoner_number)  # Eli is in Leeds
    group = [BRAM.prisoner_number, ELI.prisoner_number, CORA.prisoner_number]
    assert triples(post(http, "between", group, "prisonId=MDI")) == {
        (BRAM.prisoner_number, CORA.prisoner_number, False)
    }


# GetInvolvingPrisoners


def test_involving__without_a_valid_token_responds_401_unauthorized(http: httpx.Client) -> None:
    """Kotlin: GetInvolvingPrisoners / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.post("/non-associations/involving", json=PAIR))


def test_involving__without_the_correct_role_responds_403_forbidden(http: httpx.Client) -> None:
    """Kotlin: GetInvolvingPrisoners / `without the correct role responds 403 Forbidden`."""
    response = http.post(
        "/non-associations/involving", json=PAIR, headers=bearer(roles=["WRONG_ROLE"])
    )
    assert_error(response, 403)


def test_involving__without_one_or_more_distinct_prisoner_numbers_responds_with_400_bad_request(
    http: httpx.Client,
) -> None:
    """Kotlin: GetInvolvingPrisoners / `without one or more distinct prisoner numbers
    responds with 400 Bad Request`."""
    assert_error(http.post("/non-associations/involving", headers=READER), 400)
    for numbers in ([], [""]):
        response = http.post("/non-associations/involving", json=numbers, headers=READER)
        assert_error(response, 400)


def test_involving__when_there_are_no_non_associations_involving_the_prisoners(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when there are no non-associations involving the
    prisoners`."""
    store("A0011AA", "D4444DD")
    assert post(http, "involving", PAIR) == []


def test_involving__when_prison_id_is_provided_and_there_are_no_non_associations_involving_the_prisoners(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when prisonId is provided and there are no
    non-associations involving the prisoners`."""
    store("A0011AA", "D4444DD")
    assert post(http, "involving", PAIR, "prisonId=MDI") == []


def test_involving__when_there_are_non_associations_involving_the_prisoners(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when there are non-associations involving the
    prisoners`."""
    store("D4444DD", ADA.prisoner_number)
    store(BRAM.prisoner_number, "C3333CC", closed=True)
    body = post(http, "involving", PAIR)
    assert without_id_and_times(body) == [full("D4444DD", ADA.prisoner_number, closed=False)]
    assert body[0]["closedAt"] is None


def test_involving__when_there_are_non_associations_involving_the_prisoners_including_open_and_closed(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when there are non-associations involving the
    prisoners including open and closed`."""
    store("D4444DD", ADA.prisoner_number)
    store(BRAM.prisoner_number, "C3333CC", closed=True)
    body = post(http, "involving", PAIR, "includeClosed=true")
    assert without_id_and_times(body) == [
        full("D4444DD", ADA.prisoner_number, closed=False),
        full(BRAM.prisoner_number, "C3333CC", closed=True),
    ]


def test_involving__when_there_are_non_associations_involving_the_prisoners_including_only_closed(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when there are non-associations involving the
    prisoners including only closed`."""
    store("D4444DD", ADA.prisoner_number)
    store(BRAM.prisoner_number, "C3333CC", closed=True)
    body = post(http, "involving", PAIR, "includeOpen=false&includeClosed=true")
    assert without_id_and_times(body) == [full(BRAM.prisoner_number, "C3333CC", closed=True)]


def test_involving__when_there_are_non_associations_involving_the_prisoners_but_neither_open_nor_closed_were_included(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when there are non-associations involving the
    prisoners but neither open nor closed were included`."""
    store()
    store(closed=True)
    response = http.post(
        "/non-associations/involving?includeOpen=false&includeClosed=false",
        json=PAIR,
        headers=READER,
    )
    assert_error(response, 400)


def test_involving__when_non_associations_are_requested_involving_more_than_2_prisoners(
    http: httpx.Client, graph: None
) -> None:
    """Kotlin: GetInvolvingPrisoners / `when non-associations are requested involving more
    than 2 prisoners`."""
    group = ["A2222AA", "A4444AA", "B0000BB"]
    open_ones = {
        ("A0000AA", "A2222AA", False),
        ("A2222AA", "A3333AA", False),
        ("A1111AA", "A4444AA", False),
    }
    assert triples(post(http, "involving", group)) == open_ones
    assert triples(post(http, "involving", group, "includeClosed=true")) == open_ones | {
        ("A4444AA", "A2222AA", True)
    }


def test_involving__when_prison_id_is_provided(http: httpx.Client, store: Store) -> None:
    """Kotlin: GetInvolvingPrisoners / `when prisonId is provided`."""
    store(BRAM.prisoner_number, CORA.prisoner_number)  # Bram is listed, both in Moorland
    store(ADA.prisoner_number, BRAM.prisoner_number, closed=True)  # closed
    store(CORA.prisoner_number, ADA.prisoner_number)  # neither is listed
    store(ELI.prisoner_number, CORA.prisoner_number)  # Eli is listed but in Leeds
    group = [BRAM.prisoner_number, ELI.prisoner_number]
    assert triples(post(http, "involving", group, "prisonId=MDI")) == {
        (BRAM.prisoner_number, CORA.prisoner_number, False)
    }
