"""The bodies `make bench` serves are real API replies: each one valid against openapi.json
for the request the suite makes, readable by the generated models, and the pages a
correct 2,000-record walk. No timing here."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hmpps_non_associations_api import NonAssociation, PageNonAssociation, PrisonerNonAssociations
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.response.exceptions import InvalidData

from benchmarks import bodies, server

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.json"


def _local_date_time(value: object) -> bool:
    """The API's date-times: ISO local times without an offset."""
    if not isinstance(value, str) or "T" not in value:
        return not isinstance(value, str)
    try:
        return datetime.fromisoformat(value).tzinfo is None
    except ValueError:
        return False


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    return OpenAPI.from_path(
        SPEC_PATH, config=Config(extra_format_validators={"local-date-time": _local_date_time})
    )


@pytest.fixture(scope="module")
def encoded() -> dict[str, bytes]:
    return {name: bodies.encode(document) for name, document in bodies.documents().items()}


def test_bodies_are_the_same_every_run() -> None:
    assert bodies.documents() == bodies.documents()


@pytest.mark.parametrize("route", server.routes(), ids=lambda route: route.name)
def test_each_served_body_matches_the_document(
    route: server.Route, openapi: OpenAPI, encoded: dict[str, bytes]
) -> None:
    path, _, query = route.path.partition("?")
    args = dict(pair.split("=") for pair in query.split("&")) if query else None
    openapi.validate_response(
        MockRequest("http://api.test", route.method.lower(), path, args=args),
        MockResponse(encoded[route.body_file], content_type="application/json"),
    )


def test_every_page_matches_the_document(openapi: OpenAPI, encoded: dict[str, bytes]) -> None:
    for number in range(bodies.PAGES):
        openapi.validate_response(
            MockRequest("http://api.test", "get", "/non-associations"),
            MockResponse(encoded[bodies.page_file(number)], content_type="application/json"),
        )


def test_a_wrong_body_is_refused(openapi: OpenAPI) -> None:
    """The validation above can fail: a record with an offset date-time is refused."""
    broken: dict[str, Any] = dict(bodies.documents()[bodies.GET_ONE])
    broken["whenCreated"] = "2024-02-12T09:15:00+01:00"
    with pytest.raises(InvalidData):
        openapi.validate_response(
            MockRequest("http://api.test", "get", "/non-associations/42"),
            MockResponse(bodies.encode(broken), content_type="application/json"),
        )


def test_bodies_parse_into_the_generated_models() -> None:
    docs = bodies.documents()
    one = NonAssociation.from_dict(docs[bodies.GET_ONE])
    assert one.id == bodies.NON_ASSOCIATION_ID
    assert (one.first_prisoner_number, one.second_prisoner_number) == bodies.BETWEEN
    listing = PrisonerNonAssociations.from_dict(docs[bodies.PRISONER_LIST])
    assert listing.prisoner_number == bodies.PRISONER_NUMBER
    assert len(listing.non_associations) == listing.open_count == bodies.LIST_SIZE
    assert all(isinstance(item.when_created, datetime) for item in listing.non_associations)
    between = [NonAssociation.from_dict(item) for item in docs[bodies.BETWEEN_LIST]]
    assert {(na.first_prisoner_number, na.second_prisoner_number) for na in between} == {
        bodies.BETWEEN
    }


def test_pages_make_one_walk_of_every_record() -> None:
    docs = bodies.documents()
    pages = [PageNonAssociation.from_dict(docs[bodies.page_file(n)]) for n in range(bodies.PAGES)]
    ids = [na.id for page in pages for na in page.content]
    assert len(ids) == len(set(ids)) == bodies.WALK_RECORDS
    for number, page in enumerate(pages):
        assert page.number == number
        assert page.total_pages == bodies.PAGES
        assert page.total_elements == bodies.WALK_RECORDS
        assert page.size == page.number_of_elements == bodies.PAGE_SIZE
        assert page.first is (number == 0)
        assert page.last is (number == bodies.PAGES - 1)
