"""The requests the facade sends, for the sync and the async client alike.

For every method: the HTTP method, the path, the exact query string, the JSON body and
the Authorization header (as the Node client sends them, see
../shared/reference/node-client.md), captured by respx under an httpx transport passed
as `transport=` (test_wire_requests.py sends the same cases over the default
connections); how the response is parsed; and the checks that refuse a call before
anything is sent.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import respx
from hmpps_non_associations_api import (
    CloseNonAssociationRequest,
    Constant,
    CreateNonAssociationRequest,
    DeleteNonAssociationRequest,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    NonAssociation,
    NonAssociationSortProperty,
    PageNonAssociation,
    PatchNonAssociationRequest,
    PrisonerNonAssociation,
    PrisonerNonAssociations,
    Reason,
    ReopenNonAssociationRequest,
    RestrictionType,
    Role,
    SortBy,
    SortDirection,
)
from hmpps_non_associations_api._clients._operations import OPERATIONS
from hmpps_non_associations_api_client.api.non_associations import (
    get_prisoner_non_associations,
)

from tests.clients.either import BASE_URL, TOKEN, Runner

BEARER = f"Bearer {TOKEN}"
DEFAULT_INCLUDE = [("includeOpen", "true"), ("includeClosed", "false")]
DEFAULT_LIST = [
    ("includeOpen", "true"),
    ("includeClosed", "false"),
    ("includeOtherPrisons", "false"),
    ("sortBy", "WHEN_CREATED"),
    ("sortDirection", "DESC"),
]


# ---------------------------------------------------------------------------------------
# Response bodies, as the API sends them.


def non_association_json(id: int = 42, *, closed: bool = False, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": id,
        "firstPrisonerNumber": "A1234BC",
        "firstPrisonerRole": "VICTIM",
        "firstPrisonerRoleDescription": "Victim",
        "secondPrisonerNumber": "B2345CD",
        "secondPrisonerRole": "PERPETRATOR",
        "secondPrisonerRoleDescription": "Perpetrator",
        "reason": "BULLYING",
        "reasonDescription": "Bullying",
        "restrictionType": "CELL",
        "restrictionTypeDescription": "Cell only",
        "comment": "Threats made in the exercise yard",
        "whenCreated": "2024-02-12T09:15:00",
        "whenUpdated": "2024-02-13T10:30:45",
        "updatedBy": "KWALSH_GEN",
        "isClosed": False,
        "isOpen": True,
        "closedBy": None,
        "closedReason": None,
        "closedAt": None,
    }
    if closed:
        body.update(
            isClosed=True,
            isOpen=False,
            closedBy="KWALSH_GEN",
            closedReason="Both now on separate sites",
            closedAt="2024-03-01T14:00:00",
        )
    body.update(overrides)
    return body


def prisoner_non_association_json(id: int = 42, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": id,
        "role": "VICTIM",
        "roleDescription": "Victim",
        "reason": "THREAT",
        "reasonDescription": "Threat",
        "restrictionType": "LANDING",
        "restrictionTypeDescription": "Cell and landing",
        "comment": "Keep apart",
        "authorisedBy": "Security",
        "whenCreated": "2024-02-12T09:15:00",
        "whenUpdated": "2024-02-13T10:30:45",
        "updatedBy": "KWALSH_GEN",
        "isClosed": False,
        "isOpen": True,
        "closedBy": None,
        "closedReason": None,
        "closedAt": None,
        "otherPrisonerDetails": {
            "prisonerNumber": "B2345CD",
            "role": "PERPETRATOR",
            "roleDescription": "Perpetrator",
            "firstName": "JOHN",
            "lastName": "SMITH",
            "prisonId": "MDI",
            "prisonName": "Moorland (HMP & YOI)",
            "cellLocation": "1-1-001",
        },
    }
    body.update(overrides)
    return body


def prisoner_non_associations_json(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "prisonerNumber": "A1234BC",
        "firstName": "JANE",
        "lastName": "DOE",
        "prisonId": "MDI",
        "prisonName": "Moorland (HMP & YOI)",
        "cellLocation": "2-1-005",
        "openCount": len(items),
        "closedCount": 0,
        "nonAssociations": list(items),
    }


def page_json(
    content: list[dict[str, Any]], *, number: int = 0, size: int = 20, last: bool = True
) -> dict[str, Any]:
    """A Spring page of non-associations."""
    sort = {"empty": True, "sorted": False, "unsorted": True}
    return {
        "content": content,
        "number": number,
        "size": size,
        "numberOfElements": len(content),
        "totalElements": number * size + len(content) if last else (number + 2) * size,
        "totalPages": number + 1 if last else number + 2,
        "first": number == 0,
        "last": last,
        "empty": not content,
        "sort": sort,
        "pageable": {
            "offset": number * size,
            "pageNumber": number,
            "pageSize": size,
            "paged": True,
            "unpaged": False,
            "sort": sort,
        },
    }


def legacy_json(id: int = 42, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": id,
        "offenderNo": "A1234BC",
        "reasonCode": "VIC",
        "reasonDescription": "Victim",
        "typeCode": "LAND",
        "typeDescription": "Do Not Locate on Same Landing",
        "effectiveDate": "2024-02-12T09:15:00",
        "expiryDate": None,
        "authorisedBy": "KWALSH_GEN",
        "comments": "Keep apart",
        "offenderNonAssociation": {
            "offenderNo": "B2345CD",
            "reasonCode": "PER",
            "reasonDescription": "Perpetrator",
        },
    }
    body.update(overrides)
    return body


def constants_json() -> dict[str, Any]:
    return {
        "roles": [
            {"code": "VICTIM", "description": "Victim"},
            {"code": "PERPETRATOR", "description": "Perpetrator"},
        ],
        "reasons": [{"code": "BULLYING", "description": "Bullying"}],
        "restrictionTypes": [{"code": "CELL", "description": "Cell only"}],
    }


CREATE_JSON: dict[str, Any] = {
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "B2345CD",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "BULLYING",
    "restrictionType": "CELL",
    "comment": "Threats made in the exercise yard",
}
CREATE_MODEL = CreateNonAssociationRequest(
    first_prisoner_number="A1234BC",
    first_prisoner_role=Role.VICTIM,
    second_prisoner_number="B2345CD",
    second_prisoner_role=Role.PERPETRATOR,
    reason=Reason.BULLYING,
    restriction_type=RestrictionType.CELL,
    comment="Threats made in the exercise yard",
)
UTC = datetime.UTC


@pytest.fixture
def nothing_sent() -> Iterator[respx.Route]:
    """A catch-all route that must never be called: the call fails before sending."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False, assert_all_mocked=True) as mock:
        route = mock.route().mock(return_value=httpx.Response(200, json={}))
        yield route
        assert not route.called, f"a request was sent: {route.calls.last.request.url}"
        assert not mock.calls


def only_request(route: respx.Route) -> httpx.Request:
    assert route.call_count == 1
    request: httpx.Request = route.calls.last.request
    return request


def raw_path(request: httpx.Request) -> str:
    """The path exactly as sent, percent-encoding and all, without the query."""
    return request.url.raw_path.decode("ascii").partition("?")[0]


def query(request: httpx.Request) -> list[tuple[str, str]]:
    return sorted(request.url.params.multi_items())


NO_BODY = object()


def check_request(
    request: httpx.Request,
    method: str,
    path: str,
    params: list[tuple[str, str]],
    body: Any = NO_BODY,
) -> None:
    assert request.method == method
    assert request.url.host == "api.test"
    assert raw_path(request) == path
    assert query(request) == sorted(params)
    assert request.headers["Authorization"] == BEARER
    if body is NO_BODY:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == body


# ---------------------------------------------------------------------------------------
# 1. Every method's request, with defaults and with other values.


OPERATION = {operation.name: operation for operation in OPERATIONS}


@dataclass(frozen=True)
class Case:
    """A call and what must go out for it. The HTTP method and path template are the
    operation table's (the client method names its row); a row gives only the values
    that fill the path (`path_values`), the query, the body and the reply."""

    call: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    params: list[tuple[str, str]]
    body: Any = NO_BODY
    status: int = 200
    response: Any = None
    check: Callable[[Any], object] = field(default=lambda result: True)
    path_values: dict[str, str] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return OPERATION[self.call].method

    @property
    def path(self) -> str:
        return OPERATION[self.call].template.format(**self.path_values)


def is_list_of_non_associations(result: Any) -> bool:
    return isinstance(result, list) and all(isinstance(na, NonAssociation) for na in result)


def is_non_association(result: Any) -> bool:
    return isinstance(result, NonAssociation) and result.id == 42


def is_constants(result: Any) -> bool:
    return (
        isinstance(result, dict)
        and set(result) == {"roles", "reasons", "restrictionTypes"}
        and result["roles"][1] == Constant(code="PERPETRATOR", description="Perpetrator")
        and all(isinstance(c, Constant) for codes in result.values() for c in codes)
    )


def is_prisoner_list(result: Any) -> bool:
    return (
        isinstance(result, PrisonerNonAssociations)
        and result.prisoner_number == "A1234BC"
        and isinstance(result.non_associations[0], PrisonerNonAssociation)
    )


def is_page(result: Any) -> bool:
    return isinstance(result, PageNonAssociation) and [na.id for na in result.content] == [1, 2]


PRISONER_LIST = prisoner_non_associations_json(prisoner_non_association_json())
LIST_PATH = "/prisoner/A1234BC/non-associations"
PAGE = page_json([non_association_json(1), non_association_json(2)])
BOTH = ["A1234BC", "B2345CD"]

CASES = [
    pytest.param(
        Case("constants", (), {}, [], response=constants_json()),
        id="constants",
    ),
    pytest.param(
        Case(
            "list_non_associations",
            ("A1234BC",),
            {},
            DEFAULT_LIST,
            response=PRISONER_LIST,
            check=is_prisoner_list,
            path_values={"prisonerNumber": "A1234BC"},
        ),
        id="list-defaults-all-five-params",
    ),
    pytest.param(
        Case(
            "list_non_associations",
            ("A1234BC",),
            {
                "include_closed": True,
                "include_other_prisons": True,
                "sort_by": SortBy.LAST_NAME,
                "sort_direction": "ASC",
            },
            [
                ("includeOpen", "true"),
                ("includeClosed", "true"),
                ("includeOtherPrisons", "true"),
                ("sortBy", "LAST_NAME"),
                ("sortDirection", "ASC"),
            ],
            response=PRISONER_LIST,
            check=is_prisoner_list,
            path_values={"prisonerNumber": "A1234BC"},
        ),
        id="list-non-defaults-enum-sort-by",
    ),
    pytest.param(
        Case(
            "list_non_associations",
            ("a1234bc",),
            {
                "include_open": False,
                "include_closed": True,
                "sort_by": "LAST_NAME",
                "sort_direction": SortDirection.ASC,
            },  # upper-cased: stored so, compared as sent
            [
                ("includeOpen", "false"),
                ("includeClosed", "true"),
                ("includeOtherPrisons", "false"),
                ("sortBy", "LAST_NAME"),
                ("sortDirection", "ASC"),
            ],
            response=PRISONER_LIST,
            check=is_prisoner_list,
            path_values={"prisonerNumber": "A1234BC"},
        ),
        id="list-closed-only-string-sort-by",
    ),
    pytest.param(
        Case(
            "list_non_associations_between",
            (BOTH,),
            {},
            DEFAULT_INCLUDE,
            body=BOTH,
            response=[non_association_json()],
            check=is_list_of_non_associations,
        ),
        id="between-defaults",
    ),
    pytest.param(
        Case(
            "list_non_associations_between",
            (["A1234BC", "B2345CD", "A1234BC", "C3456DE"],),
            {"include_closed": True, "prison_id": "MDI"},
            [("includeOpen", "true"), ("includeClosed", "true"), ("prisonId", "MDI")],
            body=["A1234BC", "B2345CD", "C3456DE"],
            response=[],
            check=lambda result: result == [],
        ),
        id="between-prison-id-duplicates-sent-once",
    ),
    pytest.param(
        Case(
            "list_non_associations_between",
            (("a1234bc", "B2345cd", "A1234BC"),),
            {"include_open": False, "include_closed": True},
            [("includeOpen", "false"), ("includeClosed", "true")],
            body=["A1234BC", "B2345CD"],
            response=[non_association_json(closed=True)],
            check=is_list_of_non_associations,
        ),
        id="between-upper-cased-then-distinct",
    ),
    pytest.param(
        Case(
            "list_non_associations_involving",
            (["A1234BC"],),
            {},
            DEFAULT_INCLUDE,
            body=["A1234BC"],
            response=[non_association_json()],
            check=is_list_of_non_associations,
        ),
        id="involving-one-number",
    ),
    pytest.param(
        Case(
            "list_non_associations_involving",
            (["A1234BC", "A1234BC", "B2345CD"],),
            {"prison_id": "MDI"},
            [*DEFAULT_INCLUDE, ("prisonId", "MDI")],
            body=BOTH,
            response=[non_association_json()],
            check=is_list_of_non_associations,
        ),
        id="involving-prison-id-duplicates-sent-once",
    ),
    pytest.param(
        Case(
            "paged_non_associations",
            (),
            {},
            DEFAULT_INCLUDE,
            response=PAGE,
            check=is_page,
        ),
        id="paged-defaults-nothing-else",
    ),
    pytest.param(
        Case(
            "paged_non_associations",
            (),
            {"page": 2, "size": 50},
            [*DEFAULT_INCLUDE, ("page", "2"), ("size", "50")],
            response=PAGE,
            check=is_page,
        ),
        id="paged-page-and-size",
    ),
    pytest.param(
        Case(
            "paged_non_associations",
            (),
            {"page": 0, "size": 200, "include_closed": True},
            [
                ("includeOpen", "true"),
                ("includeClosed", "true"),
                ("page", "0"),
                ("size", "200"),
            ],
            response=PAGE,
            check=is_page,
        ),
        id="paged-page-0-max-size-sent-when-given",
    ),
    pytest.param(
        Case(
            "paged_non_associations",
            (),
            {"sort": "id,DESC"},
            [*DEFAULT_INCLUDE, ("sort", "id,DESC")],
            response=PAGE,
            check=is_page,
        ),
        id="paged-one-sort",
    ),
    pytest.param(
        Case(
            "get_non_association",
            (42,),
            {},
            [],
            response=non_association_json(),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="get",
    ),
    pytest.param(
        Case(
            "create_non_association",
            (CREATE_MODEL,),
            {},
            [],
            body=CREATE_JSON,
            status=201,
            response=non_association_json(),
            check=is_non_association,
        ),
        id="create-model",
    ),
    pytest.param(
        Case(
            "create_non_association",
            (dict(CREATE_JSON),),
            {},
            [],
            body=CREATE_JSON,
            status=201,
            response=non_association_json(),
            check=is_non_association,
        ),
        id="create-dict",
    ),
    pytest.param(
        Case(
            "create_non_association",
            (
                {
                    **CREATE_JSON,
                    "firstPrisonerNumber": CREATE_JSON["firstPrisonerNumber"].lower(),
                    "secondPrisonerNumber": CREATE_JSON["secondPrisonerNumber"].lower(),
                },
            ),
            {},
            [],
            body=CREATE_JSON,
            status=201,
            response=non_association_json(),
            check=is_non_association,
        ),
        id="create-dict-lower-case-numbers",
    ),
    pytest.param(
        Case(
            "update_non_association",
            (42, {"comment": "x"}),
            {},
            [],
            body={"comment": "x"},
            response=non_association_json(comment="x"),
            check=lambda result: is_non_association(result) and result.comment == "x",
            path_values={"id": "42"},
        ),
        id="update-dict-only-given-fields",
    ),
    pytest.param(
        Case(
            "update_non_association",
            (42, PatchNonAssociationRequest(reason=Reason.THREAT)),
            {},
            [],
            body={"reason": "THREAT"},
            response=non_association_json(reason="THREAT"),
            check=lambda result: result.reason == Reason.THREAT,
            path_values={"id": "42"},
        ),
        id="update-model-only-given-fields",
    ),
    pytest.param(
        Case(
            "close_non_association",
            (42, {"closedReason": "r"}),
            {},
            [],
            body={"closedReason": "r"},
            response=non_association_json(closed=True),
            check=lambda result: is_non_association(result) and result.is_closed is True,
            path_values={"id": "42"},
        ),
        id="close-dict",
    ),
    pytest.param(
        Case(
            "close_non_association",
            (
                42,
                CloseNonAssociationRequest(
                    closed_reason="r",
                    closed_at=datetime.datetime(2024, 7, 1, 12, 0, tzinfo=UTC),
                    closed_by="KWALSH_GEN",
                ),
            ),
            {},
            [],
            body={"closedReason": "r", "closedAt": "2024-07-01T13:00:00", "closedBy": "KWALSH_GEN"},
            response=non_association_json(closed=True),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="close-model-aware-closed-at-to-london-summer",
    ),
    pytest.param(
        Case(
            "close_non_association",
            (42, {"closedReason": "r", "closedAt": "2024-01-15T12:00:00+02:00"}),
            {},
            [],
            body={"closedReason": "r", "closedAt": "2024-01-15T10:00:00"},
            response=non_association_json(closed=True),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="close-dict-offset-closed-at-to-london-winter",
    ),
    pytest.param(
        Case(
            "close_non_association",
            (42, {"closedReason": "r", "closedAt": datetime.datetime(2024, 7, 1, 12, tzinfo=UTC)}),
            {},
            [],
            body={"closedReason": "r", "closedAt": "2024-07-01T13:00:00"},
            response=non_association_json(closed=True),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="close-dict-aware-datetime-to-london-summer",
    ),
    pytest.param(
        Case(
            "reopen_non_association",
            (42, {"reopenReason": "r", "reopenedAt": datetime.datetime(2024, 1, 15, 12, 0, 5)}),
            {},
            [],
            body={"reopenReason": "r", "reopenedAt": "2024-01-15T12:00:05"},
            response=non_association_json(),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="reopen-dict-naive-datetime-as-london",
    ),
    pytest.param(
        Case(
            "close_non_association",
            (
                42,
                CloseNonAssociationRequest(
                    closed_reason="r", closed_at=datetime.datetime(2024, 7, 1, 12, 0)
                ),
            ),
            {},
            [],
            body={"closedReason": "r", "closedAt": "2024-07-01T12:00:00"},
            response=non_association_json(closed=True),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="close-model-naive-closed-at-as-given",
    ),
    pytest.param(
        Case(
            "reopen_non_association",
            (42, {"reopenReason": "r"}),
            {},
            [],
            body={"reopenReason": "r"},
            response=non_association_json(),
            check=lambda result: is_non_association(result) and result.is_open is True,
            path_values={"id": "42"},
        ),
        id="reopen-dict",
    ),
    pytest.param(
        Case(
            "reopen_non_association",
            (
                42,
                ReopenNonAssociationRequest(
                    reopen_reason="r",
                    reopened_at=datetime.datetime(2024, 7, 1, 12, 0, tzinfo=UTC),
                ),
            ),
            {},
            [],
            body={"reopenReason": "r", "reopenedAt": "2024-07-01T13:00:00"},
            response=non_association_json(),
            check=is_non_association,
            path_values={"id": "42"},
        ),
        id="reopen-model-aware-reopened-at-to-london",
    ),
    pytest.param(
        Case(
            "delete_non_association",
            (42, {"deletionReason": "r", "staffUserNameRequestingDeletion": "U"}),
            {},
            [],
            body={"deletionReason": "r", "staffUserNameRequestingDeletion": "U"},
            status=204,
            check=lambda result: result is None,
            path_values={"id": "42"},
        ),
        id="delete-dict-204-none",
    ),
    pytest.param(
        Case(
            "delete_non_association",
            (
                42,
                DeleteNonAssociationRequest(
                    deletion_reason="r", staff_user_name_requesting_deletion="U"
                ),
            ),
            {},
            [],
            body={"deletionReason": "r", "staffUserNameRequestingDeletion": "U"},
            status=204,
            check=lambda result: result is None,
            path_values={"id": "42"},
        ),
        id="delete-model-204-none",
    ),
    pytest.param(
        Case(
            "get_legacy_non_association",
            (42,),
            {},
            [],
            response=legacy_json(),
            check=lambda result: (
                isinstance(result, LegacyNonAssociation) and result.expiry_date is None
            ),
            path_values={"id": "42"},
        ),
        id="legacy-expiry-null",
    ),
    pytest.param(
        Case(
            "subject_access_request",
            (),
            {"prn": "A1234BC"},
            [("prn", "A1234BC")],
            response={"content": {"nonAssociations": []}},
            check=lambda result: (
                isinstance(result, HmppsSubjectAccessRequestContent)
                and result.content.to_dict() == {"nonAssociations": []}
            ),
        ),
        id="sar-prn-200-content",
    ),
    pytest.param(
        Case(
            "subject_access_request",
            (),
            {
                "crn": "X123456",
                "from_date": datetime.date(2024, 1, 1),
                "to_date": datetime.date(2024, 6, 30),
            },
            [("crn", "X123456"), ("fromDate", "2024-01-01"), ("toDate", "2024-06-30")],
            response={"content": {}},
            check=lambda result: isinstance(result, HmppsSubjectAccessRequestContent),
        ),
        id="sar-crn-dates",
    ),
]


@pytest.mark.parametrize("case", CASES)
async def test_request(api: Runner, router: respx.MockRouter, case: Case) -> None:
    response = (
        httpx.Response(case.status)
        if case.response is None
        else httpx.Response(case.status, json=case.response)
    )
    route = router.request(case.method, case.path).mock(return_value=response)

    result = await api(case.call, *case.args, **case.kwargs)

    check_request(only_request(route), case.method, case.path, case.params, case.body)
    assert case.check(result), result


async def test_paged_sorts_are_separate_params_in_order(
    api: Runner, router: respx.MockRouter
) -> None:
    route = router.get("/non-associations").mock(return_value=httpx.Response(200, json=PAGE))

    await api("paged_non_associations", sort=["whenCreated,DESC", "id"])

    request = only_request(route)
    check_request(
        request,
        "GET",
        "/non-associations",
        [*DEFAULT_INCLUDE, ("sort", "whenCreated,DESC"), ("sort", "id")],
    )
    assert request.url.params.get_list("sort") == ["whenCreated,DESC", "id"]
    assert b"sort=whenCreated%2CDESC&sort=id" in request.url.query


async def test_sort_takes_the_generated_property_enum(
    api: Runner, router: respx.MockRouter
) -> None:
    route = router.get("/non-associations").mock(return_value=httpx.Response(200, json=PAGE))

    await api(
        "paged_non_associations",
        sort=[NonAssociationSortProperty.WHEN_UPDATED, f"{NonAssociationSortProperty.ID},DESC"],
    )

    assert only_request(route).url.params.get_list("sort") == ["whenUpdated", "id,DESC"]


async def test_unknown_sort_property_names_the_accepted_ones(
    api: Runner, nothing_sent: respx.Route
) -> None:
    with pytest.raises(ValueError) as refused:
        await api("paged_non_associations", sort="isOpen,DESC")

    message = str(refused.value)
    assert "'isOpen'" in message
    for member in NonAssociationSortProperty:
        assert member.value in message


@pytest.mark.parametrize("status", [204, 209])
async def test_sar_nothing_held_is_none(api: Runner, router: respx.MockRouter, status: int) -> None:
    route = router.get("/subject-access-request").mock(return_value=httpx.Response(status))

    assert await api("subject_access_request", prn="A1234BC") is None

    check_request(only_request(route), "GET", "/subject-access-request", [("prn", "A1234BC")])


async def test_create_parses_the_201_body(api: Runner, router: respx.MockRouter) -> None:
    router.post("/non-associations").mock(
        return_value=httpx.Response(201, json=non_association_json(7))
    )

    created = await api("create_non_association", CREATE_JSON)

    assert isinstance(created, NonAssociation)
    assert created.id == 7
    assert created.first_prisoner_role is Role.VICTIM
    assert created.reason is Reason.BULLYING
    assert created.restriction_type is RestrictionType.CELL
    assert created.is_open is True


# ---------------------------------------------------------------------------------------
# Auto-pagination.


async def test_iter_walks_every_page_until_last(api: Runner, router: respx.MockRouter) -> None:
    pages = {
        "0": page_json([non_association_json(1), non_association_json(2)], size=2, last=False),
        "1": page_json(
            [non_association_json(3), non_association_json(4)], number=1, size=2, last=False
        ),
        "2": page_json([non_association_json(5)], number=2, size=2, last=True),
    }
    route = router.get("/non-associations").mock(
        side_effect=lambda request: httpx.Response(200, json=pages[request.url.params["page"]])
    )

    items = await api.collect("iter_non_associations", size=2)

    assert [item.id for item in items] == [1, 2, 3, 4, 5]
    assert all(isinstance(item, NonAssociation) for item in items)
    assert route.call_count == 3
    for number, call in enumerate(route.calls):
        check_request(
            call.request,
            "GET",
            "/non-associations",
            [*DEFAULT_INCLUDE, ("page", str(number)), ("size", "2")],
        )


async def test_iter_passes_flags_and_sort_on_every_page(
    api: Runner, router: respx.MockRouter
) -> None:
    pages = {
        "0": page_json([non_association_json(1, closed=True)], size=1, last=False),
        "1": page_json([non_association_json(2, closed=True)], number=1, size=1, last=True),
    }
    route = router.get("/non-associations").mock(
        side_effect=lambda request: httpx.Response(200, json=pages[request.url.params["page"]])
    )

    items = await api.collect(
        "iter_non_associations",
        include_open=False,
        include_closed=True,
        sort=["whenCreated,DESC", "id"],
    )

    assert [item.id for item in items] == [1, 2]
    for number, call in enumerate(route.calls):
        check_request(
            call.request,
            "GET",
            "/non-associations",
            [
                ("includeOpen", "false"),
                ("includeClosed", "true"),
                ("page", str(number)),
                ("sort", "whenCreated,DESC"),
                ("sort", "id"),
            ],
        )
        assert call.request.url.params.get_list("sort") == ["whenCreated,DESC", "id"]


async def test_iter_of_one_empty_page_yields_nothing(api: Runner, router: respx.MockRouter) -> None:
    route = router.get("/non-associations").mock(
        return_value=httpx.Response(200, json=page_json([], last=True))
    )

    assert await api.collect("iter_non_associations") == []

    check_request(
        only_request(route), "GET", "/non-associations", [*DEFAULT_INCLUDE, ("page", "0")]
    )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"include_open": False, "include_closed": False},
        {"size": 0},
        {"size": 201},
        {"sort": "id,SIDEWAYS"},
    ],
)
async def test_iter_fails_on_the_call_before_iterating(
    api: Runner, nothing_sent: respx.Route, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        api.client.iter_non_associations(**kwargs)


# ---------------------------------------------------------------------------------------
# 2. Date-times in results.


async def test_non_association_datetimes_are_parsed(api: Runner, router: respx.MockRouter) -> None:
    router.get("/non-associations/42").mock(
        return_value=httpx.Response(200, json=non_association_json(closed=True))
    )
    router.get("/non-associations/43").mock(
        return_value=httpx.Response(200, json=non_association_json(43))
    )

    closed = await api("get_non_association", 42)
    open_ = await api("get_non_association", 43)

    assert closed.when_created == datetime.datetime(2024, 2, 12, 9, 15)
    assert closed.when_updated == datetime.datetime(2024, 2, 13, 10, 30, 45)
    assert closed.closed_at == datetime.datetime(2024, 3, 1, 14, 0)
    assert open_.closed_at is None
    assert open_.closed_by is None
    assert open_.closed_reason is None
    for value in (closed.when_created, closed.when_updated, closed.closed_at, open_.when_created):
        assert type(value) is datetime.datetime


async def test_prisoner_list_datetimes_are_parsed(api: Runner, router: respx.MockRouter) -> None:
    body = prisoner_non_associations_json(
        prisoner_non_association_json(1),
        prisoner_non_association_json(
            2,
            isClosed=True,
            isOpen=False,
            closedBy="KWALSH_GEN",
            closedReason="Moved",
            closedAt="2024-03-01T14:00:00.123456",
        ),
    )
    router.get(LIST_PATH).mock(return_value=httpx.Response(200, json=body))

    result = await api("list_non_associations", "A1234BC", include_closed=True)

    first, second = result.non_associations
    assert first.when_created == datetime.datetime(2024, 2, 12, 9, 15)
    assert first.when_updated == datetime.datetime(2024, 2, 13, 10, 30, 45)
    assert first.closed_at is None
    assert second.closed_at == datetime.datetime(2024, 3, 1, 14, 0, 0, 123456)
    assert first.other_prisoner_details.prisoner_number == "B2345CD"


async def test_page_and_between_datetimes_are_parsed(api: Runner, router: respx.MockRouter) -> None:
    router.get("/non-associations").mock(
        return_value=httpx.Response(200, json=page_json([non_association_json(closed=True)]))
    )
    router.post("/non-associations/between").mock(
        return_value=httpx.Response(200, json=[non_association_json()])
    )

    page = await api("paged_non_associations")
    between = await api("list_non_associations_between", BOTH)

    assert page.content[0].closed_at == datetime.datetime(2024, 3, 1, 14, 0)
    assert between[0].when_created == datetime.datetime(2024, 2, 12, 9, 15)
    assert between[0].closed_at is None


async def test_legacy_dates_are_parsed(api: Runner, router: respx.MockRouter) -> None:
    router.get("/legacy/api/non-associations/42").mock(
        return_value=httpx.Response(200, json=legacy_json())
    )
    router.get("/legacy/api/non-associations/43").mock(
        return_value=httpx.Response(200, json=legacy_json(43, expiryDate="2024-05-01T00:00:00"))
    )

    open_ = await api("get_legacy_non_association", 42)
    expired = await api("get_legacy_non_association", 43)

    assert open_.effective_date == datetime.datetime(2024, 2, 12, 9, 15)
    assert open_.expiry_date is None
    assert open_.offender_non_association.offender_no == "B2345CD"
    assert expired.expiry_date == datetime.datetime(2024, 5, 1)


# ---------------------------------------------------------------------------------------
# 3. Percent-encoding of path segments.


@pytest.mark.parametrize(
    ("prisoner_number", "url"),
    [
        ("../constants", "/prisoner/..%2Fconstants/non-associations"),
        ("A1234BC?x=1", "/prisoner/A1234BC%3Fx%3D1/non-associations"),
        ("A1234BC/x#y", "/prisoner/A1234BC%2Fx%23y/non-associations"),
        ("A1234BC", "/prisoner/A1234BC/non-associations"),
    ],
)
def test_generated_operation_keeps_the_prisoner_number_one_segment(
    prisoner_number: str, url: str
) -> None:
    kwargs = get_prisoner_non_associations.request_kwargs(prisoner_number=prisoner_number)

    assert kwargs["url"] == url


@pytest.mark.parametrize("prisoner_number", ["../constants", "A1234BC?x=1", "A1234BC/x"])
async def test_facade_refuses_path_breaking_prisoner_numbers(
    api: Runner, prisoner_number: str
) -> None:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        constants = mock.get("/constants").mock(return_value=httpx.Response(200, json={}))
        anything = mock.route().mock(return_value=httpx.Response(200, json={}))

        with pytest.raises(ValueError, match="prisoner number"):
            await api("list_non_associations", prisoner_number)

    assert not constants.called
    assert not anything.called


# ---------------------------------------------------------------------------------------
# 4. Mistakes refused before any request.


BOTH_FALSE = {"include_open": False, "include_closed": False}
BAD_NUMBERS = ["A123BC", "", "12345AB", "A1234BCD", "A1234B", " A1234BC", "A1234BC\n", "AB234BC"]
BAD_IDS = [0, -1, 2**63]
WRONGLY_TYPED_IDS = ["42", True, False, 1.5, None]
ID_METHODS = [
    ("get_non_association", ()),
    ("update_non_association", ({"comment": "x"},)),
    ("close_non_association", ({"closedReason": "r"},)),
    ("reopen_non_association", ({"reopenReason": "r"},)),
    ("delete_non_association", ({"deletionReason": "r", "staffUserNameRequestingDeletion": "U"},)),
    ("get_legacy_non_association", ()),
]


def missing(key: str) -> dict[str, Any]:
    return {k: v for k, v in CREATE_JSON.items() if k != key}


REFUSED = [
    # neither open nor closed, on every list, page and iterating method
    ("list_non_associations", ("A1234BC",), BOTH_FALSE, ValueError),
    ("list_non_associations_between", (BOTH,), BOTH_FALSE, ValueError),
    ("list_non_associations_involving", (["A1234BC"],), BOTH_FALSE, ValueError),
    ("paged_non_associations", (), BOTH_FALSE, ValueError),
    ("iter_non_associations", (), BOTH_FALSE, ValueError),
    # malformed prisoner numbers
    *[("list_non_associations", (bad,), {}, ValueError) for bad in BAD_NUMBERS],
    ("list_non_associations", (None,), {}, TypeError),
    *[
        ("list_non_associations_between", (["A1234BC", bad],), {}, ValueError)
        for bad in BAD_NUMBERS
    ],
    *[("list_non_associations_involving", ([bad],), {}, ValueError) for bad in BAD_NUMBERS],
    # too few distinct prisoner numbers
    ("list_non_associations_between", (["A1234BC", "A1234BC"],), {}, ValueError),
    ("list_non_associations_between", (["A1234BC"],), {}, ValueError),
    ("list_non_associations_between", ([],), {}, ValueError),
    ("list_non_associations_involving", ([],), {}, ValueError),
    # one string where a list belongs
    ("list_non_associations_between", ("A1234BC",), {}, TypeError),
    ("list_non_associations_involving", ("A1234BC",), {}, TypeError),
    # prison ids
    ("list_non_associations_between", (BOTH,), {"prison_id": ""}, ValueError),
    ("list_non_associations_involving", (["A1234BC"],), {"prison_id": "  "}, ValueError),
    # paging
    ("paged_non_associations", (), {"size": 201}, ValueError),
    ("paged_non_associations", (), {"size": 0}, ValueError),
    ("paged_non_associations", (), {"size": True}, TypeError),
    ("paged_non_associations", (), {"page": -1}, ValueError),
    ("paged_non_associations", (), {"page": "1"}, TypeError),
    ("iter_non_associations", (), {"size": 201}, ValueError),
    ("iter_non_associations", (), {"size": 0}, ValueError),
    # sorting
    ("list_non_associations", ("A1234BC",), {"sort_by": "NOPE"}, ValueError),
    ("list_non_associations", ("A1234BC",), {"sort_by": "last_name"}, ValueError),
    ("list_non_associations", ("A1234BC",), {"sort_direction": "SIDEWAYS"}, ValueError),
    ("paged_non_associations", (), {"sort": "id,SIDEWAYS"}, ValueError),
    ("paged_non_associations", (), {"sort": ["id", "whenCreated,UP"]}, ValueError),
    ("paged_non_associations", (), {"sort": ""}, ValueError),
    ("paged_non_associations", (), {"sort": "id&size=1"}, ValueError),
    ("paged_non_associations", (), {"sort": "isOpen"}, ValueError),
    ("paged_non_associations", (), {"sort": ["id", "lastName,DESC"]}, ValueError),
    ("iter_non_associations", (), {"sort": "prisonId,ASC"}, ValueError),
    ("iter_non_associations", (), {"sort": "id,SIDEWAYS"}, ValueError),
    # ids
    *[(name, (bad, *rest), {}, ValueError) for name, rest in ID_METHODS for bad in BAD_IDS],
    *[
        (name, (bad, *rest), {}, TypeError)
        for name, rest in ID_METHODS
        for bad in WRONGLY_TYPED_IDS
    ],
    # request bodies
    ("create_non_association", (missing("comment"),), {}, ValueError),
    ("create_non_association", (missing("firstPrisonerNumber"),), {}, ValueError),
    (
        "create_non_association",
        ({**CREATE_JSON, "secondPrisonerNumber": "A123BC"},),
        {},
        ValueError,
    ),
    ("create_non_association", ({**CREATE_JSON, "firstPrisonerNumber": "../x"},), {}, ValueError),
    ("create_non_association", ({**CREATE_JSON, "reason": "NOPE"},), {}, ValueError),
    ("create_non_association", ([CREATE_JSON],), {}, TypeError),
    ("update_non_association", (42, {"reason": "NOPE"}), {}, ValueError),
    ("update_non_association", (42, CREATE_MODEL), {}, TypeError),
    ("close_non_association", (42, {}), {}, ValueError),
    ("close_non_association", (42, {"closedReason": "r", "closedAt": "yesterday"}), {}, ValueError),
    ("reopen_non_association", (42, {"reason": "r"}), {}, ValueError),
    ("delete_non_association", (42, {"deletionReason": "r"}), {}, ValueError),
    # subject access request
    ("subject_access_request", (), {}, ValueError),
    ("subject_access_request", (), {"from_date": datetime.date(2024, 1, 1)}, ValueError),
]


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "error"),
    [pytest.param(*refused, id=f"{refused[0]}-{i}") for i, refused in enumerate(REFUSED)],
)
async def test_refused_before_sending(
    api: Runner,
    nothing_sent: respx.Route,
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        await api(name, *args, **kwargs)


# ---------------------------------------------------------------------------------------
# The Europe/London conversion of closedAt / reopenedAt works on a copy.


async def test_close_model_is_unchanged(api: Runner, router: respx.MockRouter) -> None:
    closed_at = datetime.datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
    model = CloseNonAssociationRequest(closed_reason="r", closed_at=closed_at)
    route = router.put("/non-associations/42/close").mock(
        return_value=httpx.Response(200, json=non_association_json(closed=True))
    )

    await api("close_non_association", 42, model)

    check_request(
        only_request(route),
        "PUT",
        "/non-associations/42/close",
        [],
        {"closedReason": "r", "closedAt": "2024-07-01T13:00:00"},
    )
    assert model.closed_at == closed_at
    assert model.closed_at.tzinfo is UTC


async def test_reopen_model_is_unchanged(api: Runner, router: respx.MockRouter) -> None:
    reopened_at = datetime.datetime(2024, 1, 15, 12, 0, tzinfo=UTC)
    model = ReopenNonAssociationRequest(reopen_reason="r", reopened_at=reopened_at)
    route = router.put("/non-associations/42/reopen").mock(
        return_value=httpx.Response(200, json=non_association_json())
    )

    await api("reopen_non_association", 42, model)

    body = json.loads(only_request(route).content)
    assert body == {"reopenReason": "r", "reopenedAt": "2024-01-15T12:00:00"}
    assert model.reopened_at == reopened_at
    assert model.reopened_at.tzinfo is UTC


async def test_iter_stops_at_total_pages_even_if_last_is_wrong(
    api: Runner, router: respx.MockRouter
) -> None:
    """A server that never says `last` cannot keep the iteration going past totalPages."""
    stuck = {**page_json([non_association_json(1)], number=0, last=False), "totalPages": 1}
    route = router.get("/non-associations")
    route.side_effect = [httpx.Response(200, json=stuck)] * 3  # a fourth call would error
    assert [na.id for na in await api.collect("iter_non_associations")] == [1]
    assert route.call_count == 1


def test_every_operation_of_the_table_has_its_request_checked() -> None:
    """The table drives the cases: an operation added to it without a row here fails."""
    checked = {param.values[0].call for param in CASES}  # type: ignore[union-attr]
    assert {operation.name for operation in OPERATIONS} - checked == {"ping"}
