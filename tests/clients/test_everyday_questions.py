"""Safe answers: prisoner numbers upper-cased wherever the client sends them, and the
questions services ask answered in one call each. Sync and async, against the fake API
over loopback (which, like the service, matches numbers exactly as stored), and a raw
loopback server for what goes on the wire."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hmpps_non_associations_api import (
    OUTSIDE_PRISON_ID,
    TRANSFER_PRISON_ID,
    ApiConfig,
    AsyncNonAssociationsApi,
    ByPrisoner,
    CreateNonAssociationRequest,
    NonAssociationsApi,
    NotFoundError,
    OtherPrisonerDetails,
    PrisonerNonAssociation,
    PrisonerNonAssociations,
    group_by_location,
    prisoner_pair,
)
from hmpps_non_associations_api.testing import ALL_ROLES, FakeApiServer, mint_token

from tests.clients.either import call
from tests.clients.faults import NON_ASSOCIATION, FaultServer, Reply

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])

TOKEN = mint_token(roles=ALL_ROLES, username="EVERYDAY_USER")


@pytest.fixture(scope="module")
def served() -> Iterator[FakeApiServer]:
    with FakeApiServer() as server:
        yield server


@pytest.fixture
def fake_api(served: FakeApiServer) -> FakeApiServer:
    served.fake.reset()
    return served


def make(kind: str, url: str) -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(TOKEN, ApiConfig(url))


def ids(items: list[Any]) -> list[int]:
    return [item.id for item in items]


# --- lower-case numbers -------------------------------------------------------------------


async def test_the_fake_matches_numbers_exactly_as_the_service_does(
    kind: str, fake_api: FakeApiServer
) -> None:
    """What makes the tests below able to fail: sent as typed (request() sends what it is
    given), a lower-case pair with an open CELL non-association reads as none."""
    api = make(kind, fake_api.url)
    raw = await call(
        api, "request", "POST", "/non-associations/between", json=["a1234bc", "b2345cd"]
    )
    assert raw == []


async def test_every_read_finds_a_lower_case_prisoner(kind: str, fake_api: FakeApiServer) -> None:
    api = make(kind, fake_api.url)
    listing = await call(api, "list_non_associations", "a1234bc")
    assert listing.prisoner_number == "A1234BC" and ids(listing.non_associations) == [1]
    assert ids(await call(api, "list_non_associations_between", ["a1234bc", "b2345cd"])) == [1]
    involving = await call(api, "list_non_associations_involving", ["a1234bc"])
    assert sorted(ids(involving)) == [1, 2]
    answer = await call(api, "non_associations_with", "a1234bc", ["b2345cd"])
    assert ids(answer["B2345CD"]) == [1]
    by_prisoner = await call(api, "non_associations_by_prisoner", ["d4567ef"])
    assert ids(by_prisoner["D4567EF"]) == [2]
    sar = await call(api, "subject_access_request", prn="a1234bc")
    assert sar is not None


async def test_a_create_sends_upper_case_numbers_and_leaves_the_callers_model(
    kind: str, fake_api: FakeApiServer
) -> None:
    api = make(kind, fake_api.url)
    request = CreateNonAssociationRequest.from_dict(
        {
            "firstPrisonerNumber": "c3456de",
            "firstPrisonerRole": "VICTIM",
            "secondPrisonerNumber": "d4567ef",
            "secondPrisonerRole": "PERPETRATOR",
            "reason": "VIOLENCE",
            "restrictionType": "WING",
            "comment": "Typed in lower case",
        }
    )
    created = await call(api, "create_non_association", request)
    assert (created.first_prisoner_number, created.second_prisoner_number) == (
        "C3456DE",
        "D4567EF",
    )
    assert request.first_prisoner_number == "c3456de"  # the caller's model as given
    found = await call(api, "list_non_associations_between", ["C3456DE", "D4567EF"])
    assert ids(found) == [created.id]


async def test_the_same_prisoner_in_two_cases_is_one_prisoner(
    kind: str, fake_api: FakeApiServer
) -> None:
    api = make(kind, fake_api.url)
    with pytest.raises(ValueError, match="the same prisoner"):
        await call(
            api,
            "create_non_association",
            {
                "firstPrisonerNumber": "a1234bc",
                "firstPrisonerRole": "VICTIM",
                "secondPrisonerNumber": "A1234BC",
                "secondPrisonerRole": "PERPETRATOR",
                "reason": "VIOLENCE",
                "restrictionType": "WING",
                "comment": "x",
            },
        )
    with pytest.raises(ValueError, match="at least 2 distinct"):
        await call(api, "list_non_associations_between", ["a1234bc", "A1234BC"])
    assert fake_api.fake.requests == []


async def test_the_wire_carries_upper_case_numbers(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(body=[NON_ASSOCIATION])]
    api = make(kind, fault_server.url)
    await call(api, "list_non_associations_between", ["a1234bc", "b2345cd"])
    await call(api, "list_non_associations_involving", ["a1234bc"])
    await call(api, "non_associations_with", "a1234bc", ["b2345cd"])
    await call(api, "non_associations_by_prisoner", ["a1234bc", "b2345cd"])
    await call(api, "request", "POST", "/non-associations/between", json=["a1234bc", "x"])
    bodies = [json.loads(seen.body) for seen in fault_server.seen]
    assert bodies == [
        ["A1234BC", "B2345CD"],
        ["A1234BC"],
        ["A1234BC", "B2345CD"],
        ["A1234BC", "B2345CD"],
        ["a1234bc", "x"],  # request() sends what it is given
    ]
    fault_server.seen.clear()
    fault_server.script = [Reply(201, body=NON_ASSOCIATION)]
    await call(
        api,
        "create_non_association",
        {
            "firstPrisonerNumber": "a1234bc",
            "firstPrisonerRole": "VICTIM",
            "secondPrisonerNumber": "b2345cd",
            "secondPrisonerRole": "PERPETRATOR",
            "reason": "VIOLENCE",
            "restrictionType": "WING",
            "comment": "x",
        },
    )
    [created] = [json.loads(seen.body) for seen in fault_server.seen]
    assert (created["firstPrisonerNumber"], created["secondPrisonerNumber"]) == (
        "A1234BC",
        "B2345CD",
    )
    fault_server.seen.clear()
    fault_server.script = [Reply(404, body={"status": 404})]
    for method, args, kwargs in (
        ("list_non_associations", ("a1234bc",), {}),
        ("subject_access_request", (), {"prn": "a1234bc"}),
    ):
        with pytest.raises(NotFoundError):
            await call(api, method, *args, **kwargs)
    paths = [seen.path for seen in fault_server.seen]
    assert paths[0].startswith("/prisoner/A1234BC/non-associations?")
    assert "prn=A1234BC" in paths[1]


# --- which candidates have a non-association with this prisoner? ----------------------------


async def test_with_gives_every_candidate_its_own_pairs(kind: str, fake_api: FakeApiServer) -> None:
    # One between two candidates: not with the prisoner, so in nobody's answer.
    fake_api.fake.add_non_association("B2345CD", "D4567EF")
    api = make(kind, fake_api.url)
    answer = await call(api, "non_associations_with", "A1234BC", ["B2345CD", "C3456DE", "D4567EF"])
    assert isinstance(answer, ByPrisoner)
    assert list(answer) == ["B2345CD", "C3456DE", "D4567EF"]
    assert {number: ids(items) for number, items in answer.items()} == {
        "B2345CD": [1],
        "C3456DE": [],  # number 3 is closed
        "D4567EF": [2],
    }
    assert answer.found() == ["B2345CD", "D4567EF"]
    assert answer["c3456de"] == [] and answer.get("d4567ef") == answer["D4567EF"]
    with pytest.raises(KeyError, match="not among the prisoners asked about"):
        answer["G7890HJ"]


async def test_with_counts_closed_ones_when_asked_and_keeps_to_a_prison(
    kind: str, fake_api: FakeApiServer
) -> None:
    api = make(kind, fake_api.url)
    closed_too = await call(
        api, "non_associations_with", "A1234BC", ["C3456DE"], include_closed=True
    )
    assert ids(closed_too["C3456DE"]) == [3]
    in_moorland = await call(
        api, "non_associations_with", "A1234BC", ["B2345CD", "D4567EF"], prison_id="MDI"
    )
    assert {n: ids(items) for n, items in in_moorland.items()} == {"B2345CD": [1], "D4567EF": []}


async def test_an_unknown_candidate_has_none_and_that_is_all_it_says(
    kind: str, fake_api: FakeApiServer
) -> None:
    """The limits of an empty answer, as documented: the service does not check the
    numbers given, with or without a prison."""
    api = make(kind, fake_api.url)
    for prison_id in (None, "MDI"):
        answer = await call(
            api, "non_associations_with", "A1234BC", ["Z9999ZZ"], prison_id=prison_id
        )
        assert answer["Z9999ZZ"] == []


async def test_a_pair_found_with_a_prisoner_unknown_to_search_is_not_found(
    kind: str, fake_api: FakeApiServer
) -> None:
    fake_api.fake.add_non_association("A1234BC", "Z9999ZZ")
    api = make(kind, fake_api.url)
    with pytest.raises(NotFoundError):
        await call(api, "non_associations_with", "A1234BC", ["Z9999ZZ"], prison_id="MDI")


@pytest.mark.parametrize(
    ("candidates", "said"),
    [
        (["B2345CD", "a1234bc"], "holds the prisoner A1234BC themselves"),
        (["B2345CD", "b2345cd"], "holds B2345CD more than once"),
        ([], "candidates is empty"),
        (["B2345CD", "not-a-number"], "not a prisoner number"),
    ],
)
async def test_with_refuses_a_question_it_cannot_answer_before_sending(
    kind: str, candidates: list[str], said: str, fake_api: FakeApiServer
) -> None:
    api = make(kind, fake_api.url)
    with pytest.raises(ValueError, match=said):
        await call(api, "non_associations_with", "A1234BC", candidates)
    with pytest.raises(TypeError):
        await call(api, "non_associations_with", "A1234BC", "B2345CD")
    assert fake_api.fake.requests == []


# --- which of these prisoners is in any non-association? -------------------------------------


async def test_by_prisoner_gives_each_prisoner_what_involves_them(
    kind: str, fake_api: FakeApiServer
) -> None:
    api = make(kind, fake_api.url)
    answer = await call(
        api, "non_associations_by_prisoner", ["A1234BC", "D4567EF", "G7890HJ", "c3456de"]
    )
    assert {number: sorted(ids(items)) for number, items in answer.items()} == {
        "A1234BC": [1, 2],
        "D4567EF": [2],  # the one between two of them is in both lists
        "G7890HJ": [],
        "C3456DE": [],  # closed
    }
    assert answer.found() == ["A1234BC", "D4567EF"]
    closed_too = await call(api, "non_associations_by_prisoner", ["C3456DE"], include_closed=True)
    assert ids(closed_too["C3456DE"]) == [3]
    in_moorland = await call(api, "non_associations_by_prisoner", ["A1234BC"], prison_id="MDI")
    assert ids(in_moorland["A1234BC"]) == [1]


# --- where are the other prisoners? ---------------------------------------------------------


async def test_a_listing_in_three_groups(kind: str, fake_api: FakeApiServer) -> None:
    fake = fake_api.fake
    fake.add_non_association("A1234BC", "E5678FG")  # in transfer
    fake.add_non_association("A1234BC", "F6789GH")  # released
    fake.add_non_association("A1234BC", "G7890HJ")  # no booking: no prison
    api = make(kind, fake_api.url)
    listing = await call(api, "list_non_associations", "A1234BC", include_other_prisons=True)
    groups = group_by_location(listing)
    assert api.group_by_location(listing) == groups
    numbers = {
        name: [item.other_prisoner_details.prisoner_number for item in getattr(groups, name)]
        for name in ("same_prison", "other_prisons", "outside")
    }
    listed_order = [
        item.other_prisoner_details.prisoner_number for item in listing.non_associations
    ]
    assert numbers == {
        "same_prison": ["B2345CD"],
        "other_prisons": ["D4567EF"],
        "outside": [n for n in listed_order if n in {"E5678FG", "F6789GH", "G7890HJ"}],
    }
    assert len(numbers["outside"]) == 3


async def test_a_prisoner_not_in_a_prison_has_no_same_prison(
    kind: str, fake_api: FakeApiServer
) -> None:
    fake = fake_api.fake
    fake.add_non_association("E5678FG", "B2345CD")  # E5678FG is in transfer; B2345CD in MDI
    api = make(kind, fake_api.url)
    listing = await call(api, "list_non_associations", "E5678FG", include_other_prisons=True)
    assert listing.prison_id == TRANSFER_PRISON_ID
    groups = group_by_location(listing)
    assert groups.same_prison == []
    assert [i.other_prisoner_details.prisoner_number for i in groups.other_prisons] == ["B2345CD"]
    assert [i.other_prisoner_details.prisoner_number for i in groups.outside] == ["F6789GH"]


# --- a pair's identity ----------------------------------------------------------------------


async def test_a_pair_is_the_same_value_whichever_prisoner_is_first(
    kind: str, fake_api: FakeApiServer
) -> None:
    api = make(kind, fake_api.url)
    second_first = await call(api, "get_non_association", 2)  # D4567EF first, A1234BC second
    assert prisoner_pair(second_first) == ("A1234BC", "D4567EF")
    legacy = await call(api, "get_legacy_non_association", 2)
    assert prisoner_pair(legacy) == prisoner_pair(second_first)
    page = await call(api, "paged_non_associations", include_closed=True, size=200)
    by_pair = {prisoner_pair(item): item.id for item in page.content}
    assert by_pair[("A1234BC", "B2345CD")] == 1


# --- group_by_location's rules, on listings made by hand -----------------------------------


def listed(prison_id: Any, *others: Any) -> PrisonerNonAssociations:
    """A listing for A1234BC in `prison_id`, one non-association per other prison ID."""
    template = PrisonerNonAssociation.from_dict(
        {
            "id": 0,
            "role": "VICTIM",
            "roleDescription": "Victim",
            "reason": "THREAT",
            "reasonDescription": "Threat",
            "restrictionType": "CELL",
            "restrictionTypeDescription": "Cell only",
            "comment": "c",
            "authorisedBy": "A",
            "whenCreated": "2024-01-01T00:00:00",
            "whenUpdated": "2024-01-01T00:00:00",
            "updatedBy": "A",
            "isClosed": False,
            "isOpen": True,
            "otherPrisonerDetails": {
                "prisonerNumber": "B2345CD",
                "role": "PERPETRATOR",
                "roleDescription": "Perpetrator",
                "firstName": "F",
                "lastName": "L",
            },
        }
    )
    items = []
    for number, other in enumerate(others, start=1):
        details = OtherPrisonerDetails.from_dict(template.other_prisoner_details.to_dict())
        details.prison_id = other
        item = PrisonerNonAssociation.from_dict(template.to_dict())
        item.id, item.other_prisoner_details = number, details
        items.append(item)
    listing = PrisonerNonAssociations.from_dict(
        {
            "prisonerNumber": "A1234BC",
            "firstName": "F",
            "lastName": "L",
            "openCount": len(items),
            "closedCount": 0,
            "nonAssociations": [],
        }
    )
    listing.prison_id, listing.non_associations = prison_id, items
    return listing


def test_group_by_location_rules(kind: str) -> None:
    groups = group_by_location(listed("MDI", "MDI", "LEI", "TRN", "OUT", None, "", "MDI"))
    assert ids(groups.same_prison) == [1, 7]
    assert ids(groups.other_prisons) == [2]
    assert ids(groups.outside) == [3, 4, 5, 6]
    for not_in_a_prison in (TRANSFER_PRISON_ID, OUTSIDE_PRISON_ID, None, ""):
        groups = group_by_location(listed(not_in_a_prison, "MDI", "LEI", "OUT"))
        assert groups.same_prison == [] and ids(groups.other_prisons) == [1, 2]
        assert ids(groups.outside) == [3]
    assert group_by_location(listed("MDI")) == group_by_location(listed("MDI"))
