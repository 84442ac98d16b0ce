"""Rules of the service (../shared/reference/service-rules.md, read from its source) that its
own resource tests do not exercise, each checked over HTTP."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api.testing import FakeNonAssociationsApi, Prisoner

from tests.fidelity.stage import (
    ADA,
    BRAM,
    CORA,
    ELI,
    FERN,
    GUS,
    HAL,
    NOW,
    READER,
    STAFF_USERNAME,
    WRITER,
    Store,
    assert_error,
    assert_unauthorised,
    bearer,
)

JSON = {"Content-Type": "application/json"}
NO_USER_WRITER = bearer(user=None, roles=["ROLE_WRITE_NON_ASSOCIATIONS"], scopes=["write"])
REOPENER = bearer(user=STAFF_USERNAME, roles=["ROLE_REOPEN_NON_ASSOCIATIONS"], scopes=["write"])
DELETER = bearer(user=STAFF_USERNAME, roles=["ROLE_DELETE_NON_ASSOCIATIONS"], scopes=["write"])
SYNC = bearer(roles=["ROLE_NON_ASSOCIATIONS_SYNC"])
SAR = bearer(roles=["ROLE_SAR_DATA_ACCESS"])
DELETION = {"deletionReason": "Entered in error", "staffUserNameRequestingDeletion": "JSMITH"}


def create_body(first: str, second: str, **changes: object) -> dict[str, object]:
    return {
        "firstPrisonerNumber": first,
        "firstPrisonerRole": "PERPETRATOR",
        "secondPrisonerNumber": second,
        "secondPrisonerRole": "VICTIM",
        "reason": "THREAT",
        "restrictionType": "LANDING",
        "comment": "Threatened at the servery",
        **changes,
    }


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


def listing(http: httpx.Client, number: str, query: str = "") -> dict[str, Any]:
    response = http.get(f"/prisoner/{number}/non-associations?{query}", headers=READER)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# Tokens and roles


def test_rule__an_authority_is_used_exactly_as_the_token_gives_it(
    http: httpx.Client, store: Store
) -> None:
    record = store()
    bare = bearer(roles=["READ_NON_ASSOCIATIONS"])
    assert_error(http.get(f"/non-associations/{record.id}", headers=bare), 403)


def test_rule__a_request_body_is_read_before_the_role_is_checked(http: httpx.Client) -> None:
    reader_only = bearer(roles=["ROLE_READ_NON_ASSOCIATIONS"], scopes=["read"])
    unreadable = http.post(
        "/non-associations", content=b"{not json", headers={**reader_only, **JSON}
    )
    assert_error(unreadable, 400)
    as_text = http.post(
        "/non-associations", content=b"{}", headers={**reader_only, "Content-Type": "text/plain"}
    )
    assert_error(as_text, 415)
    invalid = http.post(
        "/non-associations",
        json=create_body(ADA.prisoner_number, "12345"),
        headers=reader_only,
    )
    assert_error(invalid, 400, 102)


def test_rule__checks_in_the_operation_itself_come_after_the_role(http: httpx.Client) -> None:
    wrong = bearer(roles=["ROLE_SOMETHING_ELSE"])
    assert_error(http.get("/non-associations?size=500", headers=wrong), 403)
    both_false = f"/prisoner/{ADA.prisoner_number}/non-associations?includeOpen=false"
    assert_error(http.get(both_false + "&includeClosed=false", headers=wrong), 403)
    assert_error(http.post("/non-associations/between", json=["A1234BC"], headers=wrong), 403)


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer not-a-token",
        "Bearer",
        "Basic dXNlcjpwYXNz",
        "Bearer e30.e30",
        "Bearer e30.bm90IGpzb24.",
    ],
)
def test_rule__an_unusable_token_gets_an_empty_401_with_a_bearer_challenge(
    http: httpx.Client, authorization: str
) -> None:
    response = http.get("/non-associations/1", headers={"Authorization": authorization})
    assert_unauthorised(response)


def test_rule__an_expired_token_gets_an_empty_401(http: httpx.Client) -> None:
    claims = {"authorities": ["ROLE_READ_NON_ASSOCIATIONS"], "exp": 1_000_000_000}
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    response = http.get("/constants", headers={"Authorization": f"Bearer e30.{payload}."})
    assert_unauthorised(response)


# Which writes need a username in the token


def test_rule__create_and_update_need_a_user(http: httpx.Client, store: Store) -> None:
    body = create_body(ADA.prisoner_number, CORA.prisoner_number)
    assert_error(http.post("/non-associations", json=body, headers=NO_USER_WRITER), 401, 401)
    record = store()
    patched = http.patch(f"/non-associations/{record.id}", json={}, headers=NO_USER_WRITER)
    assert_error(patched, 401, 401)


def test_rule__close_needs_a_user_only_without_closed_by(http: httpx.Client, store: Store) -> None:
    record = store()
    url = f"/non-associations/{record.id}/close"
    without = http.put(url, json={"closedReason": "Settled"}, headers=NO_USER_WRITER)
    assert_error(without, 401, 401)
    given = http.put(
        url, json={"closedReason": "Settled", "closedBy": "DEPUTY_GOV"}, headers=NO_USER_WRITER
    )
    assert given.status_code == 200, given.text
    assert (given.json()["closedBy"], given.json()["updatedBy"]) == ("DEPUTY_GOV", "DEPUTY_GOV")


def test_rule__reopen_needs_a_user_only_without_reopened_by(
    http: httpx.Client, store: Store
) -> None:
    record = store(closed=True)
    url = f"/non-associations/{record.id}/reopen"
    no_user = bearer(user=None, roles=["ROLE_REOPEN_NON_ASSOCIATIONS"], scopes=["write"])
    assert_error(http.put(url, json={"reopenReason": "Again"}, headers=no_user), 401, 401)
    given = http.put(
        url, json={"reopenReason": "Again", "reopenedBy": "DEPUTY_GOV"}, headers=no_user
    )
    assert given.status_code == 200, given.text
    assert given.json()["updatedBy"] == "DEPUTY_GOV"


def test_rule__delete_never_needs_a_user(http: httpx.Client, store: Store) -> None:
    record = store()
    no_user = bearer(user=None, roles=["ROLE_DELETE_NON_ASSOCIATIONS"], scopes=["write"])
    response = http.post(f"/non-associations/{record.id}/delete", json=DELETION, headers=no_user)
    assert response.status_code == 204


# Error bodies: 102 only from bean validation


def test_rule__field_rules_of_request_bodies_give_error_code_102(
    http: httpx.Client, store: Store
) -> None:
    open_id, closed_id = (
        store().id,
        store(CORA.prisoner_number, ELI.prisoner_number, closed=True).id,
    )
    cases: list[tuple[str, str, dict[str, object], dict[str, str]]] = [
        ("POST", "/non-associations", create_body("A1234B", BRAM.prisoner_number), WRITER),
        ("POST", "/non-associations", create_body("a1234bc1", BRAM.prisoner_number), WRITER),
        (
            "POST",
            "/non-associations",
            create_body(ADA.prisoner_number, CORA.prisoner_number, comment=""),
            WRITER,
        ),
        ("PATCH", f"/non-associations/{open_id}", {"comment": ""}, WRITER),
        ("PUT", f"/non-associations/{open_id}/close", {"closedReason": ""}, WRITER),
        (
            "PUT",
            f"/non-associations/{open_id}/close",
            {"closedReason": "x", "closedBy": ""},
            WRITER,
        ),
        (
            "PUT",
            f"/non-associations/{open_id}/close",
            {"closedReason": "x", "closedBy": "U" * 61},
            WRITER,
        ),
        ("PUT", f"/non-associations/{closed_id}/reopen", {"reopenReason": ""}, REOPENER),
        (
            "PUT",
            f"/non-associations/{closed_id}/reopen",
            {"reopenReason": "x", "reopenedBy": "U" * 61},
            REOPENER,
        ),
        (
            "POST",
            f"/non-associations/{open_id}/delete",
            {**DELETION, "deletionReason": ""},
            DELETER,
        ),
        (
            "POST",
            f"/non-associations/{open_id}/delete",
            {**DELETION, "staffUserNameRequestingDeletion": "U" * 61},
            DELETER,
        ),
    ]
    for method, url, body, headers in cases:
        assert_error(http.request(method, url, json=body, headers=headers), 400, 102)


def test_rule__whitespace_is_enough_for_reasons_and_comments(
    http: httpx.Client, store: Store
) -> None:
    created = http.post(
        "/non-associations",
        json=create_body(ADA.prisoner_number, CORA.prisoner_number, comment="   "),
        headers=WRITER,
    )
    assert (created.status_code, created.json()["comment"]) == (201, "   ")
    record_id = created.json()["id"]
    patched = http.patch(f"/non-associations/{record_id}", json={"comment": " "}, headers=WRITER)
    assert (patched.status_code, patched.json()["comment"]) == (200, " ")
    closed = http.put(
        f"/non-associations/{record_id}/close", json={"closedReason": "  "}, headers=WRITER
    )
    assert (closed.status_code, closed.json()["closedReason"]) == (200, "  ")
    reopened = http.put(
        f"/non-associations/{record_id}/reopen", json={"reopenReason": "\t"}, headers=REOPENER
    )
    assert (reopened.status_code, reopened.json()["comment"]) == (200, "\t")
    deleted = http.post(
        f"/non-associations/{record_id}/delete",
        json={**DELETION, "deletionReason": " "},
        headers=DELETER,
    )
    assert deleted.status_code == 204


def with_fields(**fields: object) -> bytes:
    return json.dumps(create_body(ADA.prisoner_number, CORA.prisoner_number, **fields)).encode()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"null",
        b"{not json",
        b"[]",
        b'{"firstPrisonerNumber": "A1234BC"}',
        with_fields(reason="FEUD"),
        with_fields(reason=None),
        with_fields(firstPrisonerRole="victim"),
    ],
)
def test_rule__unreadable_or_incomplete_create_bodies_are_400_without_an_error_code(
    http: httpx.Client, content: bytes
) -> None:
    response = http.post("/non-associations", content=content, headers={**WRITER, **JSON})
    assert_error(response, 400)


def test_rule__unknown_enum_values_and_wrong_shapes_elsewhere_are_400_without_an_error_code(
    http: httpx.Client, store: Store
) -> None:
    record = store()
    url = f"/non-associations/{record.id}"
    assert_error(http.patch(url, json={"restrictionType": "PRISON"}, headers=WRITER), 400)
    assert_error(http.patch(url, json=["comment"], headers=WRITER), 400)
    assert_error(http.put(url + "/close", json={"closedReason": None}, headers=WRITER), 400)
    assert_error(http.post("/non-associations/between", json={"a": 1}, headers=READER), 400)


@pytest.mark.parametrize(
    "closed_at", ["2024-02-01T09:00:00+00:00", "2024-02-01T09:00:00Z", "2024-02-01", "soon"]
)
def test_rule__request_times_are_local_date_times_only(
    http: httpx.Client, store: Store, closed_at: str
) -> None:
    record = store()
    response = http.put(
        f"/non-associations/{record.id}/close",
        json={"closedReason": "Settled", "closedAt": closed_at},
        headers=WRITER,
    )
    assert_error(response, 400)


def test_rule__anything_unexpected_is_a_500(http: httpx.Client, store: Store) -> None:
    record = store()
    self_pair = create_body(ADA.prisoner_number, ADA.prisoner_number)
    assert_error(http.post("/non-associations", json=self_pair, headers=WRITER), 500)
    assert_error(http.get("/non-associations?sort=height,ASC", headers=READER), 500)
    assert_error(http.get("/non-associations?sort=isOpen", headers=READER), 500)
    assert_error(http.delete(f"/non-associations/{record.id}", headers=WRITER), 500)
    assert_error(http.put("/constants", json={}, headers=READER), 500)


def test_rule__a_get_on_the_group_paths_is_read_as_a_get_by_id(http: httpx.Client) -> None:
    response = http.get("/non-associations/between", headers=bearer(roles=["ROLE_SOMETHING"]))
    assert_error(response, 400)


def test_rule__an_unknown_path_is_a_404_without_an_error_code(http: httpx.Client) -> None:
    assert_error(http.get("/non-associations/1/history", headers=READER), 404)


# Order of checks on create: user, open pair, prisoner search, location


def test_rule__create_checks_the_user_before_an_open_pair(http: httpx.Client, store: Store) -> None:
    store(ADA.prisoner_number, BRAM.prisoner_number)
    body = create_body(BRAM.prisoner_number, ADA.prisoner_number)
    assert_error(http.post("/non-associations", json=body, headers=NO_USER_WRITER), 401, 401)


def test_rule__create_checks_an_open_pair_before_prisoner_search(
    http: httpx.Client, store: Store
) -> None:
    store(ADA.prisoner_number, "X1111TT")
    body = create_body("X1111TT", ADA.prisoner_number)
    response = http.post("/non-associations", json=body, headers=WRITER)
    assert_error(response, 409, 101)
    assert response.json()["developerMessage"] == (
        "Prisoners [X1111TT, A1234BC] already have open non-associations"
    )


def test_rule__create_checks_prisoner_search_before_locations(http: httpx.Client) -> None:
    body = create_body(HAL.prisoner_number, "X1111TT")
    response = http.post("/non-associations", json=body, headers=WRITER)
    assert_error(response, 404)
    assert response.json()["developerMessage"] == (
        "Could not find the following prisoners: [X1111TT]"
    )
    both = http.post("/non-associations", json=create_body("X2222TT", "X1111TT"), headers=WRITER)
    assert both.json()["userMessage"] == (
        "Missing prisoners: Could not find the following prisoners: [X2222TT, X1111TT]"
    )


def test_rule__a_prisoner_without_a_booking_cannot_be_non_associated(http: httpx.Client) -> None:
    body = create_body(HAL.prisoner_number, ADA.prisoner_number)
    response = http.post("/non-associations", json=body, headers=WRITER)
    assert_error(response, 409, 103)
    assert response.json()["developerMessage"] == "Prisoners [D1234DD] have null locations"


def test_rule__released_and_transferring_prisoners_can_be_non_associated(
    http: httpx.Client,
) -> None:
    body = create_body(GUS.prisoner_number, FERN.prisoner_number)
    assert http.post("/non-associations", json=body, headers=WRITER).status_code == 201


# Prisoners' locations: OUT and TRN are prison ids like any other


@pytest.mark.parametrize("subject", [GUS, FERN, HAL], ids=["released", "in transfer", "no booking"])
def test_rule__the_prison_filter_compares_prison_ids_even_out_of_prison(
    http: httpx.Client, fake: FakeNonAssociationsApi, store: Store, subject: Prisoner
) -> None:
    fellow = Prisoner(
        "Z9999ZZ", "Ivo", "Same", subject.prison_id, subject.prison_name, subject.cell_location
    )
    fake.add_prisoner(fellow)
    same = store(subject.prisoner_number, fellow.prisoner_number)
    elsewhere = store(subject.prisoner_number, ADA.prisoner_number)
    body = listing(http, subject.prisoner_number)
    assert body["prisonId"] == subject.prison_id
    assert (ids(body["nonAssociations"]), body["openCount"]) == ([same.id], 1)
    everything = listing(http, subject.prisoner_number, "includeOtherPrisons=true")
    assert sorted(ids(everything["nonAssociations"])) == [same.id, elsewhere.id]
    assert everything["openCount"] == 2


def test_rule__releasing_or_transferring_a_prisoner_changes_what_their_prison_sees(
    http: httpx.Client, fake: FakeNonAssociationsApi, store: Store
) -> None:
    record = store(ADA.prisoner_number, BRAM.prisoner_number)
    fake.release_prisoner(BRAM.prisoner_number)
    assert listing(http, ADA.prisoner_number)["nonAssociations"] == []
    released = listing(http, BRAM.prisoner_number, "includeOtherPrisons=true")
    assert (released["prisonId"], released["cellLocation"]) == ("OUT", None)
    assert (released["firstName"], released["lastName"]) == (BRAM.first_name, BRAM.last_name)
    assert ids(released["nonAssociations"]) == [record.id]
    fake.transfer_prisoner(BRAM.prisoner_number)
    moving = listing(http, BRAM.prisoner_number)
    assert (moving["prisonId"], moving["prisonName"], moving["cellLocation"]) == (
        "TRN",
        "Transfer",
        None,
    )
    assert moving["nonAssociations"] == []


def test_rule__the_prisoner_list_needs_every_prisoner_in_prisoner_search(
    http: httpx.Client, fake: FakeNonAssociationsApi, store: Store
) -> None:
    store(ADA.prisoner_number, BRAM.prisoner_number, closed=True)
    fake.remove_prisoner(BRAM.prisoner_number)
    response = http.get(f"/prisoner/{ADA.prisoner_number}/non-associations", headers=READER)
    assert_error(response, 404)
    assert response.json()["developerMessage"] == (
        "Could not find the following prisoners: [D5678EF]"
    )
    unknown = http.get("/prisoner/X1111TT/non-associations", headers=READER)
    assert unknown.json()["userMessage"] == (
        "Missing prisoners: Could not find the following prisoners: [X1111TT]"
    )


# Lists


def test_rule__the_prisoner_list_sort_direction_follows_the_sort_field(
    http: httpx.Client, fake: FakeNonAssociationsApi
) -> None:
    older = fake.add_non_association(
        BRAM.prisoner_number, ADA.prisoner_number, when_created=NOW - timedelta(days=3)
    )
    newer = fake.add_non_association(
        BRAM.prisoner_number, CORA.prisoner_number, when_created=NOW - timedelta(days=1)
    )
    by = {
        "": [newer.id, older.id],
        "sortBy=WHEN_CREATED": [newer.id, older.id],
        "sortBy=WHEN_UPDATED": [newer.id, older.id],
        "sortBy=WHEN_CREATED&sortDirection=ASC": [older.id, newer.id],
        "sortBy=LAST_NAME": [newer.id, older.id],  # Ashdown before Lovell
        "sortBy=FIRST_NAME": [older.id, newer.id],  # Ada before Cora
        "sortBy=PRISONER_NUMBER": [older.id, newer.id],
        "sortBy=CELL_LOCATION&sortDirection=DESC": [newer.id, older.id],
    }
    for query, expected in by.items():
        assert ids(listing(http, BRAM.prisoner_number, query)["nonAssociations"]) == expected, query


def test_rule__involving_with_a_prison_keeps_only_pairs_both_in_it(
    http: httpx.Client, store: Store
) -> None:
    store(BRAM.prisoner_number, ELI.prisoner_number)
    kept = store(BRAM.prisoner_number, CORA.prisoner_number)
    response = http.post(
        "/non-associations/involving?prisonId=MDI", json=[BRAM.prisoner_number], headers=READER
    )
    assert ids(response.json()) == [kept.id]
    elsewhere = http.post(
        "/non-associations/involving?prisonId=LEI", json=[BRAM.prisoner_number], headers=READER
    )
    assert elsewhere.json() == []


@pytest.mark.parametrize("path", ["between", "involving"])
def test_rule__a_prison_filter_needs_every_prisoner_found_in_prisoner_search(
    http: httpx.Client, store: Store, path: str
) -> None:
    store(ADA.prisoner_number, "X1111TT")
    numbers = [ADA.prisoner_number, "X1111TT"]
    unfiltered = http.post(f"/non-associations/{path}", json=numbers, headers=READER)
    assert unfiltered.status_code == 200
    filtered = http.post(f"/non-associations/{path}?prisonId=MDI", json=numbers, headers=READER)
    assert_error(filtered, 404)


def test_rule__paging_falls_back_to_its_defaults_quietly(
    http: httpx.Client, fake: FakeNonAssociationsApi
) -> None:
    for index in range(25):
        fake.add_non_association(f"A{index:04d}AA", f"B{index:04d}BB")

    def page(query: str) -> dict[str, Any]:
        response = http.get(f"/non-associations?{query}", headers=READER)
        assert response.status_code == 200, (query, response.text)
        body: dict[str, Any] = response.json()
        return body

    assert (page("")["size"], page("")["numberOfElements"], page("")["totalPages"]) == (20, 20, 2)
    assert ids(page("")["content"])[:3] == [1, 2, 3]
    for query in ("size=0", "size=-4", "size=lots"):
        assert page(query)["size"] == 20, query
    for query in ("page=-1", "page=first"):
        assert page(query)["number"] == 0, query
    assert page("size=200")["size"] == 200
    assert_error(http.get("/non-associations?size=201", headers=READER), 400)
    assert ids(page("sort=id,desc&size=2")["content"]) == [25, 24]


def test_rule__every_stored_field_can_order_the_paged_list(
    http: httpx.Client, store: Store
) -> None:
    store()
    store(CORA.prisoner_number, ELI.prisoner_number, closed=True)
    fields = [
        "id", "firstPrisonerNumber", "firstPrisonerRole", "secondPrisonerNumber",
        "secondPrisonerRole", "reason", "restrictionType", "comment", "authorisedBy",
        "whenCreated", "whenUpdated", "updatedBy", "isClosed", "closedBy", "closedReason",
        "closedAt",
    ]  # fmt: skip
    for field in fields:
        for direction in ("ASC", "DESC"):
            response = http.get(
                f"/non-associations?includeClosed=true&sort={field},{direction}", headers=READER
            )
            assert response.status_code == 200, (field, response.text)
            assert response.json()["totalElements"] == 2


# Close, reopen, delete


def test_rule__closing_records_who_and_when_as_the_last_update(
    http: httpx.Client, store: Store
) -> None:
    record = store()
    response = http.put(
        f"/non-associations/{record.id}/close",
        json={"closedReason": "Settled", "closedBy": "DEPUTY_GOV", "closedAt": "2024-01-15T09:00"},
        headers=WRITER,
    )
    closed = response.json()
    assert (closed["closedBy"], closed["updatedBy"]) == ("DEPUTY_GOV", "DEPUTY_GOV")
    assert closed["closedAt"] == closed["whenUpdated"] == "2024-01-15T09:00:00"


def test_rule__closing_shifts_the_update_time_used_by_sorting_and_subject_access(
    http: httpx.Client, fake: FakeNonAssociationsApi
) -> None:
    first = fake.add_non_association(
        ADA.prisoner_number, BRAM.prisoner_number, when_created=NOW - timedelta(days=30)
    )
    second = fake.add_non_association(
        ADA.prisoner_number, CORA.prisoner_number, when_created=NOW - timedelta(days=5)
    )
    http.put(
        f"/non-associations/{first.id}/close",
        json={"closedReason": "Settled", "closedAt": "2024-02-20T08:00:00"},
        headers=WRITER,
    )
    by_update = listing(http, ADA.prisoner_number, "includeClosed=true&sortBy=WHEN_UPDATED")
    assert ids(by_update["nonAssociations"]) == [second.id, first.id]
    sar = http.get(
        f"/subject-access-request?prn={ADA.prisoner_number}&fromDate=2024-02-20&toDate=2024-02-20",
        headers=SAR,
    )
    content = sar.json()["content"]
    assert ids(content["nonAssociations"]) == [first.id]
    assert (content["openCount"], content["closedCount"]) == (1, 1)


def test_rule__reopening_replaces_the_comment_and_records_who_and_when(
    http: httpx.Client, store: Store
) -> None:
    record = store(closed=True)
    response = http.put(
        f"/non-associations/{record.id}/reopen",
        json={
            "reopenReason": "Trouble started again",
            "reopenedBy": "NIGHT_OSG",
            "reopenedAt": "2024-02-28T23:15:00.5",
        },
        headers=REOPENER,
    )
    reopened = response.json()
    assert reopened["comment"] == "Trouble started again"
    assert (reopened["updatedBy"], reopened["whenUpdated"]) == (
        "NIGHT_OSG",
        "2024-02-28T23:15:00.5",
    )
    assert reopened["closedBy"] is reopened["closedReason"] is reopened["closedAt"] is None
    again = http.get(f"/non-associations/{record.id}", headers=READER).json()
    assert again == reopened


def test_rule__reopening_an_open_one_or_a_missing_one_is_refused(
    http: httpx.Client, store: Store
) -> None:
    record = store()
    url = f"/non-associations/{record.id}/reopen"
    refused = http.put(url, json={"reopenReason": "Again"}, headers=REOPENER)
    assert_error(refused, 409, 104)
    missing = http.put("/non-associations/99/reopen", json={"reopenReason": "x"}, headers=REOPENER)
    assert_error(missing, 404, 404)


def test_rule__closing_or_deleting_a_missing_one_is_404(http: httpx.Client) -> None:
    closing = http.put("/non-associations/99/close", json={"closedReason": "x"}, headers=WRITER)
    assert_error(closing, 404, 404)
    deleting = http.post("/non-associations/99/delete", json=DELETION, headers=DELETER)
    assert_error(deleting, 404, 404)


def test_rule__closed_ones_can_be_deleted(http: httpx.Client, store: Store) -> None:
    record = store(closed=True)
    response = http.post(f"/non-associations/{record.id}/delete", json=DELETION, headers=DELETER)
    assert (response.status_code, response.content) == (204, b"")


# Legacy records


@pytest.mark.parametrize(
    ("reason", "roles", "codes"),
    [
        ("GANG_RELATED", ("VICTIM", "PERPETRATOR"), (("RIV", "Rival Gang"), ("RIV", "Rival Gang"))),
        (
            "BULLYING",
            ("NOT_RELEVANT", "UNKNOWN"),
            (("BUL", "Anti Bullying Strategy"), ("BUL", "Anti Bullying Strategy")),
        ),
        ("THREAT", ("VICTIM", "PERPETRATOR"), (("VIC", "Victim"), ("PER", "Perpetrator"))),
        (
            "OTHER",
            ("NOT_RELEVANT", "UNKNOWN"),
            (("NOT_REL", "Not relevant"), ("UNKNOWN", "Unknown")),
        ),
    ],
)
def test_rule__legacy_reason_codes_come_from_the_reason_first(
    http: httpx.Client,
    fake: FakeNonAssociationsApi,
    reason: str,
    roles: tuple[str, str],
    codes: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    record = fake.add_non_association(
        ADA.prisoner_number,
        BRAM.prisoner_number,
        first_prisoner_role=roles[0],
        second_prisoner_role=roles[1],
        reason=reason,
        restriction_type="LANDING",
    )
    legacy = http.get(f"/legacy/api/non-associations/{record.id}", headers=SYNC).json()
    assert (legacy["reasonCode"], legacy["reasonDescription"]) == codes[0]
    other = legacy["offenderNonAssociation"]
    assert (other["reasonCode"], other["reasonDescription"]) == codes[1]
    assert (legacy["typeCode"], legacy["typeDescription"]) == (
        "LAND",
        "Do Not Locate on Same Landing",
    )
    assert legacy["authorisedBy"] is None


# Subject access requests


def test_rule__subject_access_needs_a_subject(http: httpx.Client) -> None:
    for query in ("", "prn=&crn=", "prn=%20&crn=%20"):
        response = http.get(f"/subject-access-request?{query}", headers=SAR)
        assert_error(response, 400)


def test_rule__subject_access_by_case_reference_alone_is_not_recognised(
    http: httpx.Client,
) -> None:
    response = http.get("/subject-access-request?crn=X123456", headers=SAR)
    assert (response.status_code, response.content) == (209, b"")


def test_rule__subject_access_for_someone_unknown_says_so_in_an_error_body(
    http: httpx.Client, fake: FakeNonAssociationsApi, store: Store
) -> None:
    unknown = http.get("/subject-access-request?prn=X1111TT", headers=SAR)
    assert_error(unknown, 209)
    store(ADA.prisoner_number, BRAM.prisoner_number)
    fake.remove_prisoner(BRAM.prisoner_number)
    other_missing = http.get(f"/subject-access-request?prn={ADA.prisoner_number}", headers=SAR)
    assert_error(other_missing, 209)


def test_rule__subject_access_has_its_own_role(http: httpx.Client, store: Store) -> None:
    store()
    response = http.get(f"/subject-access-request?prn={ADA.prisoner_number}", headers=READER)
    assert_error(response, 403)


# Date-times in responses


def test_rule__response_times_carry_only_the_digits_needed(
    http: httpx.Client, fake: FakeNonAssociationsApi
) -> None:
    whole = fake.add_non_association(
        ADA.prisoner_number, BRAM.prisoner_number, when_created=datetime(2024, 1, 2, 3, 4, 0)
    )
    tenths = fake.add_non_association(
        ADA.prisoner_number,
        CORA.prisoner_number,
        when_created=datetime(2024, 1, 2, 3, 4, 5, 120000),
    )
    assert http.get(f"/non-associations/{whole.id}", headers=READER).json()["whenCreated"] == (
        "2024-01-02T03:04:00"
    )
    assert http.get(f"/non-associations/{tenths.id}", headers=READER).json()["whenCreated"] == (
        "2024-01-02T03:04:05.12"
    )
