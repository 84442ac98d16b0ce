"""What the fake's operations do to its state and what they report, in process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api.testing import (
    FakeNonAssociationsApi,
    FakeTransport,
    Prisoner,
    mint_token,
)

from tests.fakes.fake_api_cases import ALL_ROLES, CLOSE, CREATE, DELETE, REOPEN

NOW = datetime(2024, 3, 5, 9, 30, 15, 250000)


@pytest.fixture
def fake() -> FakeNonAssociationsApi:
    """A seeded fake whose clock stands still at NOW."""
    return FakeNonAssociationsApi(clock=lambda: NOW)


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


def listing(client: httpx.Client, prisoner_number: str, **params: str) -> dict[str, Any]:
    response = client.get(f"/prisoner/{prisoner_number}/non-associations", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def date_time_values(document: object) -> Iterator[str]:
    """Every value of a field whose name says it is a date-time."""
    if isinstance(document, dict):
        for name, value in document.items():
            if isinstance(value, str) and (
                name.startswith("when") or name.endswith(("At", "Date"))
            ):
                yield value
            else:
                yield from date_time_values(value)
    elif isinstance(document, list):
        for item in document:
            yield from date_time_values(item)


class TestWrites:
    def test_create_sets_history_and_leaves_closure_empty(
        self, client: httpx.Client, fake: FakeNonAssociationsApi
    ) -> None:
        created = client.post("/non-associations", json=CREATE).json()
        assert created == {
            "id": 5,
            "firstPrisonerNumber": "A1234BC",
            "firstPrisonerRole": "VICTIM",
            "firstPrisonerRoleDescription": "Victim",
            "secondPrisonerNumber": "C3456DE",
            "secondPrisonerRole": "PERPETRATOR",
            "secondPrisonerRoleDescription": "Perpetrator",
            "reason": "VIOLENCE",
            "reasonDescription": "Violence",
            "restrictionType": "WING",
            "restrictionTypeDescription": "Cell, landing and wing",
            "comment": "Fight in the servery",
            "whenCreated": "2024-03-05T09:30:15.25",
            "whenUpdated": "2024-03-05T09:30:15.25",
            "updatedBy": "TEST_USER",
            "isClosed": False,
            "closedBy": None,
            "closedReason": None,
            "closedAt": None,
            "isOpen": True,
        }
        assert client.get("/non-associations/5").json() == created
        assert fake.non_associations[-1].authorised_by == "TEST_USER"

    def test_each_prisoner_sees_it_from_their_side(self, client: httpx.Client) -> None:
        client.post("/non-associations", json=CREATE)
        first = listing(client, "A1234BC")["nonAssociations"][0]
        second = listing(client, "C3456DE")["nonAssociations"][0]
        assert (first["id"], first["role"], first["authorisedBy"]) == (5, "VICTIM", "TEST_USER")
        assert first["otherPrisonerDetails"] == {
            "prisonerNumber": "C3456DE",
            "role": "PERPETRATOR",
            "roleDescription": "Perpetrator",
            "firstName": "Callum",
            "lastName": "Ashby",
            "prisonId": "MDI",
            "prisonName": "Moorland (HMP & YOI)",
            "cellLocation": "2-1-007",
        }
        assert (second["role"], second["otherPrisonerDetails"]["role"]) == ("PERPETRATOR", "VICTIM")

    def test_a_closed_pair_can_be_non_associated_again(self, client: httpx.Client) -> None:
        pair = {"firstPrisonerNumber": "C3456DE", "secondPrisonerNumber": "A1234BC"}
        assert client.post("/non-associations", json={**CREATE, **pair}).status_code == 201

    def test_patch_changes_only_what_is_sent(self, client: httpx.Client) -> None:
        before = client.get("/non-associations/1").json()
        after = client.patch("/non-associations/1", json={"comment": "New threats", "reason": None})
        assert after.json() == {
            **before,
            "comment": "New threats",
            "whenUpdated": "2024-03-05T09:30:15.25",
            "updatedBy": "TEST_USER",
        }

    def test_close_defaults_to_now_and_the_token_user(self, client: httpx.Client) -> None:
        closed = client.put("/non-associations/1/close", json=CLOSE).json()
        assert closed["isClosed"] is True and closed["isOpen"] is False
        assert closed["closedAt"] == closed["whenUpdated"] == "2024-03-05T09:30:15.25"
        assert closed["closedBy"] == closed["updatedBy"] == "TEST_USER"
        assert closed["closedReason"] == "Moved apart"

    def test_close_takes_time_and_user_given(self, client: httpx.Client) -> None:
        body = {**CLOSE, "closedAt": "2024-06-01T13:00:00", "closedBy": "SOMEONE_ELSE"}
        closed = client.put("/non-associations/1/close", json=body).json()
        assert closed["closedAt"] == closed["whenUpdated"] == "2024-06-01T13:00:00"
        assert (closed["closedBy"], closed["updatedBy"]) == ("SOMEONE_ELSE", "SOMEONE_ELSE")

    def test_close_refuses_a_time_with_an_offset(self, client: httpx.Client) -> None:
        body = {**CLOSE, "closedAt": "2024-06-01T12:00:00+00:00"}
        response = client.put("/non-associations/1/close", json=body)
        assert (response.status_code, response.json()["errorCode"]) == (400, None)

    def test_reopen_clears_the_closure_and_replaces_the_comment(
        self, client: httpx.Client, fake: FakeNonAssociationsApi
    ) -> None:
        reopened = client.put("/non-associations/3/reopen", json=REOPEN).json()
        assert (reopened["isOpen"], reopened["isClosed"]) == (True, False)
        assert reopened["closedAt"] is reopened["closedBy"] is reopened["closedReason"] is None
        assert (reopened["comment"], reopened["whenUpdated"], reopened["updatedBy"]) == (
            "Back together",
            "2024-03-05T09:30:15.25",
            "TEST_USER",
        )
        stored = fake.non_associations[2]
        assert (stored.when_updated, stored.updated_by, stored.comment) == (
            NOW,
            "TEST_USER",
            "Back together",
        )

    def test_reopen_takes_time_and_user_given(
        self, client: httpx.Client, fake: FakeNonAssociationsApi
    ) -> None:
        body = {**REOPEN, "reopenedAt": "2024-01-02T03:04:05", "reopenedBy": "SOMEONE_ELSE"}
        assert client.put("/non-associations/3/reopen", json=body).status_code == 200
        stored = fake.non_associations[2]
        assert (stored.when_updated, stored.updated_by) == (
            datetime(2024, 1, 2, 3, 4, 5),
            "SOMEONE_ELSE",
        )

    def test_reopen_is_refused_while_the_pair_has_another_open_one(
        self, client: httpx.Client
    ) -> None:
        pair = {"firstPrisonerNumber": "C3456DE", "secondPrisonerNumber": "A1234BC"}
        assert client.post("/non-associations", json={**CREATE, **pair}).status_code == 201
        response = client.put("/non-associations/3/reopen", json=REOPEN)
        assert (response.status_code, response.json()["errorCode"]) == (409, 104)

    def test_delete_removes_it(self, client: httpx.Client, fake: FakeNonAssociationsApi) -> None:
        response = client.post("/non-associations/1/delete", json=DELETE)
        assert (response.status_code, response.content) == (204, b"")
        assert client.get("/non-associations/1").status_code == 404
        assert [record.id for record in fake.non_associations] == [2, 3, 4]

    def test_date_times_are_local_without_offset(self, client: httpx.Client) -> None:
        client.put("/non-associations/1/close", json=CLOSE)
        documents = [
            client.get("/non-associations", params={"includeClosed": "true"}).json(),
            client.get("/legacy/api/non-associations/1").json(),
            listing(client, "A1234BC", includeClosed="true", includeOtherPrisons="true"),
        ]
        values = [value for document in documents for value in date_time_values(document)]
        assert len(values) > 15
        assert all(datetime.fromisoformat(value).tzinfo is None for value in values)


class TestPrisonerList:
    def test_defaults_keep_open_ones_in_the_same_prison(self, client: httpx.Client) -> None:
        body = listing(client, "A1234BC")
        assert (ids(body["nonAssociations"]), body["openCount"], body["closedCount"]) == ([1], 1, 1)
        assert (body["prisonId"], body["prisonName"], body["cellLocation"]) == (
            "MDI",
            "Moorland (HMP & YOI)",
            "1-1-001",
        )

    def test_other_prisons_are_counted_when_included(self, client: httpx.Client) -> None:
        body = listing(client, "A1234BC", includeOtherPrisons="true")
        assert (ids(body["nonAssociations"]), body["openCount"], body["closedCount"]) == (
            [2, 1],
            2,
            1,
        )

    def test_closed_only(self, client: httpx.Client) -> None:
        body = listing(client, "A1234BC", includeOpen="false", includeClosed="true")
        assert ids(body["nonAssociations"]) == [3]
        assert body["nonAssociations"][0]["closedReason"] == "Both moved to separate wings"

    @pytest.mark.parametrize(
        ("sort_by", "direction", "expected"),
        [
            ("WHEN_CREATED", None, [2, 1, 3]),
            ("WHEN_CREATED", "ASC", [3, 1, 2]),
            ("WHEN_UPDATED", None, [2, 1, 3]),
            ("WHEN_CLOSED", None, [3, 1, 2]),
            ("WHEN_CLOSED", "ASC", [1, 2, 3]),
            ("LAST_NAME", None, [3, 1, 2]),
            ("LAST_NAME", "DESC", [2, 1, 3]),
            ("FIRST_NAME", None, [3, 1, 2]),
            ("PRISONER_NUMBER", None, [1, 3, 2]),
            ("PRISON_ID", None, [2, 1, 3]),
            ("PRISON_NAME", None, [2, 1, 3]),
            ("CELL_LOCATION", None, [1, 3, 2]),
            ("CELL_LOCATION", "DESC", [2, 3, 1]),
        ],
    )
    def test_sorting(
        self, client: httpx.Client, sort_by: str, direction: str | None, expected: list[int]
    ) -> None:
        params = {"includeClosed": "true", "includeOtherPrisons": "true", "sortBy": sort_by}
        if direction:
            params["sortDirection"] = direction
        assert ids(listing(client, "A1234BC", **params)["nonAssociations"]) == expected

    def test_prisoner_in_transfer(self, client: httpx.Client) -> None:
        body = listing(client, "E5678FG", includeOtherPrisons="true")
        assert (body["prisonId"], body["prisonName"], body["cellLocation"]) == (
            "TRN",
            "Transfer",
            None,
        )
        other = body["nonAssociations"][0]["otherPrisonerDetails"]
        assert (other["prisonId"], other["prisonName"], other["cellLocation"]) == (
            "OUT",
            "Outside - released from Leeds (HMP)",
            None,
        )

    def test_released_prisoner_sees_only_others_released(self, client: httpx.Client) -> None:
        body = listing(client, "F6789GH")
        assert (body["prisonId"], body["cellLocation"]) == ("OUT", None)
        assert (ids(body["nonAssociations"]), body["openCount"]) == ([], 0)
        everywhere = listing(client, "F6789GH", includeOtherPrisons="true")
        assert ids(everywhere["nonAssociations"]) == [4]

    def test_moving_a_prisoner_changes_what_is_listed(
        self, client: httpx.Client, fake: FakeNonAssociationsApi
    ) -> None:
        fake.add_prisoner(
            Prisoner.in_prison(
                "A1234BC",
                "Darren",
                "Hollis",
                prison_id="LEI",
                prison_name="Leeds (HMP)",
                cell_location="1-1-001",
            )
        )
        assert ids(listing(client, "A1234BC")["nonAssociations"]) == [2]
        assert ids(listing(client, "B2345CD")["nonAssociations"]) == []


class TestOtherReads:
    def test_constants(self, client: httpx.Client) -> None:
        body = client.get("/constants").json()
        assert body["roles"][2] == {"code": "NOT_RELEVANT", "description": "Not relevant"}
        assert [item["code"] for item in body["reasons"]] == [
            "BULLYING",
            "GANG_RELATED",
            "ORGANISED_CRIME",
            "LEGAL_REQUEST",
            "THREAT",
            "VIOLENCE",
            "OTHER",
        ]
        assert body["restrictionTypes"] == [
            {"code": "CELL", "description": "Cell only"},
            {"code": "LANDING", "description": "Cell and landing"},
            {"code": "WING", "description": "Cell, landing and wing"},
        ]

    def test_default_page(self, client: httpx.Client) -> None:
        page = client.get("/non-associations").json()
        assert ids(page["content"]) == [1, 2, 4]
        assert {key: value for key, value in page.items() if key != "content"} == {
            "pageable": {
                "pageNumber": 0,
                "pageSize": 20,
                "sort": {"empty": False, "sorted": True, "unsorted": False},
                "offset": 0,
                "paged": True,
                "unpaged": False,
            },
            "totalElements": 3,
            "totalPages": 1,
            "last": True,
            "size": 20,
            "number": 0,
            "sort": {"empty": False, "sorted": True, "unsorted": False},
            "numberOfElements": 3,
            "first": True,
            "empty": False,
        }

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"sort": "id,DESC"}, [4, 3, 2, 1]),
            ({"sort": "whenUpdated,desc"}, [4, 2, 1, 3]),
            ({"sort": ["isClosed", "id,DESC"]}, [4, 2, 1, 3]),
            ({"sort": "closedAt,ASC"}, [3, 1, 2, 4]),
            ({"sort": "secondPrisonerNumber,firstPrisonerNumber"}, [2, 1, 3, 4]),
            ({"sort": "closedAt,DESC"}, [1, 2, 4, 3]),
        ],
    )
    def test_page_sorting(
        self, client: httpx.Client, params: dict[str, Any], expected: list[int]
    ) -> None:
        page = client.get("/non-associations", params={"includeClosed": "true", **params})
        assert ids(page.json()["content"]) == expected

    def test_later_page(self, client: httpx.Client) -> None:
        params = {"includeClosed": "true", "size": "3", "page": "1", "sort": "id,DESC"}
        page = client.get("/non-associations", params=params).json()
        assert ids(page["content"]) == [1]
        assert (page["totalElements"], page["totalPages"], page["first"], page["last"]) == (
            4,
            2,
            False,
            True,
        )
        assert (page["pageable"]["offset"], page["numberOfElements"]) == (3, 1)

    def test_page_past_the_end(self, client: httpx.Client) -> None:
        page = client.get("/non-associations", params={"page": "5"}).json()
        assert (page["content"], page["empty"], page["last"]) == ([], True, True)

    @pytest.mark.parametrize(
        ("path", "numbers", "params", "expected"),
        [
            ("between", ["A1234BC", "B2345CD", "C3456DE"], {}, [1]),
            ("between", ["A1234BC", "B2345CD", "C3456DE"], {"includeClosed": "true"}, [1, 3]),
            ("between", ["A1234BC", "D4567EF"], {"prisonId": "LEI"}, []),
            ("between", ["A1234BC", "B2345CD"], {"prisonId": "MDI"}, [1]),
            ("involving", ["A1234BC"], {"includeClosed": "true"}, [1, 2, 3]),
            ("involving", ["A1234BC", "E5678FG"], {}, [1, 2, 4]),
            ("involving", ["A1234BC"], {"prisonId": "LEI"}, []),
            ("involving", ["A1234BC", "D4567EF"], {"prisonId": "LEI"}, []),
            ("involving", ["A1234BC"], {"prisonId": "MDI"}, [1]),
        ],
    )
    def test_groups(
        self,
        client: httpx.Client,
        path: str,
        numbers: list[str],
        params: dict[str, str],
        expected: list[int],
    ) -> None:
        response = client.post(f"/non-associations/{path}", params=params, json=numbers)
        assert ids(response.json()) == expected

    def test_legacy_open(self, client: httpx.Client) -> None:
        assert client.get("/legacy/api/non-associations/2").json() == {
            "id": 2,
            "offenderNo": "D4567EF",
            "reasonCode": "BUL",
            "reasonDescription": "Anti Bullying Strategy",
            "typeCode": "WING",
            "typeDescription": "Do Not Locate on Same Wing",
            "effectiveDate": "2023-09-04T14:02:05.12",
            "expiryDate": None,
            "authorisedBy": "SEED_USER",
            "comments": "Repeated bullying before the move to Leeds",
            "offenderNonAssociation": {
                "offenderNo": "A1234BC",
                "reasonCode": "BUL",
                "reasonDescription": "Anti Bullying Strategy",
            },
        }

    def test_legacy_closed(self, client: httpx.Client) -> None:
        legacy = client.get("/legacy/api/non-associations/3").json()
        assert (legacy["reasonCode"], legacy["typeCode"], legacy["expiryDate"]) == (
            "RIV",
            "LAND",
            "2023-06-15T16:45:00",
        )
        assert legacy["offenderNonAssociation"]["reasonCode"] == "RIV"

    def test_legacy_codes_from_roles(self, client: httpx.Client) -> None:
        legacy = client.get("/legacy/api/non-associations/4").json()
        assert (legacy["reasonCode"], legacy["reasonDescription"]) == ("VIC", "Victim")
        other = legacy["offenderNonAssociation"]
        assert (other["reasonCode"], other["reasonDescription"]) == ("PER", "Perpetrator")

    def test_subject_access_lists_everything(self, client: httpx.Client) -> None:
        content = client.get("/subject-access-request", params={"prn": "A1234BC"}).json()["content"]
        assert content["prisonerNumber"] == "A1234BC"
        assert ids(content["nonAssociations"]) == [2, 1, 3]

    def test_subject_access_dates_filter_on_last_update(self, client: httpx.Client) -> None:
        params = {"prn": "A1234BC", "fromDate": "2023-06-15", "toDate": "2023-07-21"}
        content = client.get("/subject-access-request", params=params).json()["content"]
        assert ids(content["nonAssociations"]) == [1, 3]
        assert (content["openCount"], content["closedCount"]) == (2, 1)

    def test_api_docs_need_no_token(self) -> None:
        with httpx.Client(transport=FakeTransport(), base_url="http://fake.test") as client:
            response = client.get("/v3/api-docs")
        assert response.status_code == 200
        assert response.json()["info"]["title"] == "Non-Associations API"


class TestFakeHelpers:
    def test_reset_restores_the_seed_and_clears_the_log(
        self, client: httpx.Client, fake: FakeNonAssociationsApi
    ) -> None:
        client.post("/non-associations/1/delete", json=DELETE)
        client.get("/non-associations/2")
        assert fake.requests == [
            ("POST", "/non-associations/1/delete"),
            ("GET", "/non-associations/2"),
        ]
        fake.reset()
        assert [record.id for record in fake.non_associations] == [1, 2, 3, 4]
        assert fake.requests == []

    def test_empty_fake(self) -> None:
        fake = FakeNonAssociationsApi(seed=False)
        assert fake.prisoners == [] and fake.non_associations == []
        fake.add_prisoner(Prisoner.released("A1111AA", "Ann", "Able"))
        fake.add_prisoner(Prisoner.in_transfer("B2222BB", "Bob", "Baker"))
        token = mint_token(roles=ALL_ROLES, username="ME")
        with httpx.Client(
            transport=FakeTransport(fake),
            base_url="http://fake.test",
            headers={"Authorization": f"Bearer {token}"},
        ) as client:
            body = {**CREATE, "firstPrisonerNumber": "A1111AA", "secondPrisonerNumber": "B2222BB"}
            assert client.post("/non-associations", json=body).json()["id"] == 1
            fake.reset()
            assert client.get("/non-associations/1").status_code == 404
        assert fake.prisoners == []

    def test_snapshots_are_copies(self, fake: FakeNonAssociationsApi) -> None:
        fake.non_associations.clear()
        fake.prisoners.clear()
        assert len(fake.non_associations) == 4 and len(fake.prisoners) == 7
        assert fake.prisoner("G7890HJ") == Prisoner.without_booking("G7890HJ", "Jamie", "Quinn")
