"""One request per operation and per failure of the fake API, with the reply each must get.

Every case runs against a freshly seeded fake (see `seed.py` in the package):
non-associations 1, 2 and 4 are open, 3 is closed; E5678FG is in transfer,
F6789GH released and G7890HJ has no booking.
The same table drives the in-process tests, the loopback server tests and
the OpenAPI validation.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field

import httpx
from hmpps_non_associations_api.testing import (
    DELETE_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    SAR_DATA_ACCESS,
    WRITE_NON_ASSOCIATIONS,
    mint_token,
)

ALL_ROLES = (
    READ_NON_ASSOCIATIONS,
    WRITE_NON_ASSOCIATIONS,
    DELETE_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    SAR_DATA_ACCESS,
)
NO_BODY = object()

CREATE = {
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "C3456DE",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "VIOLENCE",
    "restrictionType": "WING",
    "comment": "Fight in the servery",
}
CLOSE = {"closedReason": "Moved apart"}
REOPEN = {"reopenReason": "Back together"}
DELETE = {"deletionReason": "Made in error", "staffUserNameRequestingDeletion": "SUPERVISOR"}


@dataclass(frozen=True)
class Case:
    """A request and the status (and error code) the fake must answer with."""

    name: str
    method: str
    url: str
    status: int
    error_code: int | None = None
    json: object = NO_BODY
    roles: tuple[str, ...] = ALL_ROLES
    username: str | None = "TEST_USER"
    scopes: tuple[str, ...] = ("read", "write")
    authorization: str | None = None
    """Sent instead of a minted bearer token when set; "" sends no header at all."""
    content: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    empty: bool = False
    """The reply has no body at all (beyond 204s): the security layer's 401s, and the
    subject access request's 209 for a case reference alone."""

    def request(self, base_url: str) -> httpx.Request:
        """The httpx request for this case."""
        headers = dict(self.headers)
        if self.authorization is None:
            token = mint_token(roles=self.roles, username=self.username, scopes=self.scopes)
            headers["Authorization"] = f"Bearer {token}"
        elif self.authorization:
            headers["Authorization"] = self.authorization
        if self.json is not NO_BODY:
            return httpx.Request(self.method, base_url + self.url, json=self.json, headers=headers)
        return httpx.Request(
            self.method, base_url + self.url, content=self.content, headers=headers
        )


def exact_token(authorities: list[str]) -> str:
    """An unsigned token carrying these authorities exactly (mint_token adds `ROLE_`)."""
    claims = {"authorities": authorities, "scope": ["read"], "client_id": "test-client"}
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"e30.{payload}."


EXPIRED = f"Bearer {mint_token(roles=ALL_ROLES, username='TEST_USER', expires_in=-60)}"

CASES: tuple[Case, ...] = (
    # Every operation, succeeding
    Case("constants", "GET", "/constants", 200, roles=()),
    Case("prisoner list", "GET", "/prisoner/A1234BC/non-associations", 200),
    Case(
        "prisoner list, all",
        "GET",
        "/prisoner/A1234BC/non-associations?includeClosed=true&includeOtherPrisons=true"
        "&sortBy=LAST_NAME&sortDirection=DESC",
        200,
    ),
    Case(
        "prisoner list, transfer",
        "GET",
        "/prisoner/E5678FG/non-associations?includeOtherPrisons=true",
        200,
    ),
    Case("prisoner list, released", "GET", "/prisoner/F6789GH/non-associations", 200),
    Case("page", "GET", "/non-associations", 200),
    Case(
        "page, sorted",
        "GET",
        "/non-associations?includeClosed=true&page=1&size=2&sort=whenCreated,DESC&sort=id",
        200,
    ),
    Case("get", "GET", "/non-associations/1", 200),
    Case("get closed", "GET", "/non-associations/3", 200),
    Case("between", "POST", "/non-associations/between", 200, json=["A1234BC", "B2345CD"]),
    Case(
        "between in prison",
        "POST",
        "/non-associations/between?prisonId=MDI&includeClosed=true",
        200,
        json=["A1234BC", "B2345CD", "C3456DE"],
    ),
    Case("involving", "POST", "/non-associations/involving", 200, json=["A1234BC"]),
    Case(
        "involving in prison",
        "POST",
        "/non-associations/involving?prisonId=LEI&includeOpen=false&includeClosed=true",
        200,
        json=["D4567EF"],
    ),
    Case("create", "POST", "/non-associations", 201, json=CREATE),
    Case("update", "PATCH", "/non-associations/1", 200, json={"reason": "OTHER"}),
    Case("close", "PUT", "/non-associations/1/close", 200, json=CLOSE),
    Case("reopen", "PUT", "/non-associations/3/reopen", 200, json=REOPEN),
    Case("delete", "POST", "/non-associations/1/delete", 204, json=DELETE),
    Case(
        "delete closed, no user",
        "POST",
        "/non-associations/3/delete",
        204,
        json=DELETE,
        username=None,
    ),
    Case("page size zero is the default", "GET", "/non-associations?size=0", 200),
    Case("negative page is the first", "GET", "/non-associations?page=-1", 200),
    Case(
        "close by someone named, no user",
        "PUT",
        "/non-associations/1/close",
        200,
        json={**CLOSE, "closedBy": "SOMEONE"},
        username=None,
    ),
    Case("legacy", "GET", "/legacy/api/non-associations/1", 200),
    Case("legacy closed", "GET", "/legacy/api/non-associations/3", 200),
    Case("sar content", "GET", "/subject-access-request?prn=A1234BC", 200),
    Case(
        "sar in dates",
        "GET",
        "/subject-access-request?prn=A1234BC&fromDate=2023-07-21&toDate=2023-07-21",
        200,
    ),
    Case(
        "sar none in dates", "GET", "/subject-access-request?prn=A1234BC&fromDate=2030-01-01", 204
    ),
    Case("sar nothing held", "GET", "/subject-access-request?prn=G7890HJ", 204),
    Case("sar crn only", "GET", "/subject-access-request?crn=X123456", 209, empty=True),
    Case("sar unknown prn", "GET", "/subject-access-request?prn=Z9999ZZ", 209),
    Case("sar for someone in transfer", "GET", "/subject-access-request?prn=E5678FG", 200),
    # 401: no usable token
    Case("no token", "GET", "/non-associations/1", 401, authorization="", empty=True),
    Case("no token, constants", "GET", "/constants", 401, authorization="", empty=True),
    Case(
        "not a jwt",
        "GET",
        "/non-associations/1",
        401,
        authorization="Bearer not-a-jwt",
        empty=True,
    ),
    Case("expired token", "GET", "/non-associations/1", 401, authorization=EXPIRED, empty=True),
    Case(
        "no token, create",
        "POST",
        "/non-associations",
        401,
        json=CREATE,
        authorization="",
        empty=True,
    ),
    Case(
        "no token, update",
        "PATCH",
        "/non-associations/1",
        401,
        json={"reason": "OTHER"},
        authorization="",
        empty=True,
    ),
    Case(
        "expired token, close",
        "PUT",
        "/non-associations/1/close",
        401,
        json=CLOSE,
        authorization=EXPIRED,
        empty=True,
    ),
    Case(
        "expired token, reopen",
        "PUT",
        "/non-associations/3/reopen",
        401,
        json=REOPEN,
        authorization=EXPIRED,
        empty=True,
    ),
    Case(
        "no token, delete",
        "POST",
        "/non-associations/1/delete",
        401,
        json=DELETE,
        authorization="",
        empty=True,
    ),
    Case(
        "basic auth",
        "GET",
        "/non-associations/1",
        401,
        authorization="Basic dXNlcjpwYXNz",
        empty=True,
    ),
    Case(
        "authority without prefix",
        "GET",
        "/non-associations/1",
        403,
        authorization=f"Bearer {exact_token(['READ_NON_ASSOCIATIONS'])}",
    ),
    # 403: roles and scope
    Case("read without role", "GET", "/non-associations/1", 403, roles=()),
    Case("list without role", "GET", "/prisoner/A1234BC/non-associations", 403, roles=()),
    Case("page without role", "GET", "/non-associations", 403, roles=(WRITE_NON_ASSOCIATIONS,)),
    Case("between without role", "POST", "/non-associations/between", 403, roles=(), json=[]),
    Case(
        "create read-only",
        "POST",
        "/non-associations",
        403,
        roles=(READ_NON_ASSOCIATIONS,),
        json=CREATE,
    ),
    Case(
        "create without write scope",
        "POST",
        "/non-associations",
        403,
        scopes=("read",),
        json=CREATE,
    ),
    Case(
        "delete with write role",
        "POST",
        "/non-associations/1/delete",
        403,
        roles=(READ_NON_ASSOCIATIONS, WRITE_NON_ASSOCIATIONS),
        json=DELETE,
    ),
    Case(
        "reopen with write role",
        "PUT",
        "/non-associations/3/reopen",
        403,
        roles=(READ_NON_ASSOCIATIONS, WRITE_NON_ASSOCIATIONS),
        json=REOPEN,
    ),
    Case(
        "legacy with read role",
        "GET",
        "/legacy/api/non-associations/1",
        403,
        roles=(READ_NON_ASSOCIATIONS,),
    ),
    Case(
        "sar with read role",
        "GET",
        "/subject-access-request?prn=A1234BC",
        403,
        roles=(READ_NON_ASSOCIATIONS,),
    ),
    # 401 with error code 401: writes need a user
    Case("create, no user", "POST", "/non-associations", 401, 401, json=CREATE, username=None),
    Case("update, no user", "PATCH", "/non-associations/1", 401, 401, json={}, username=None),
    Case("close, no user", "PUT", "/non-associations/1/close", 401, 401, json=CLOSE, username=None),
    Case(
        "reopen, no user", "PUT", "/non-associations/3/reopen", 401, 401, json=REOPEN, username=None
    ),
    # 400 with error code 102: request bodies
    Case(
        "create, empty comment",
        "POST",
        "/non-associations",
        400,
        102,
        json={**CREATE, "comment": ""},
    ),
    Case(
        "create, bad number",
        "POST",
        "/non-associations",
        400,
        102,
        json={**CREATE, "secondPrisonerNumber": "12345"},
    ),
    Case("update, blank comment", "PATCH", "/non-associations/1", 400, 102, json={"comment": ""}),
    Case(
        "close, blank reason",
        "PUT",
        "/non-associations/1/close",
        400,
        102,
        json={"closedReason": ""},
    ),
    Case(
        "close, long closer",
        "PUT",
        "/non-associations/1/close",
        400,
        102,
        json={**CLOSE, "closedBy": "X" * 61},
    ),
    Case(
        "reopen, empty reason",
        "PUT",
        "/non-associations/3/reopen",
        400,
        102,
        json={"reopenReason": ""},
    ),
    Case(
        "delete, empty reason",
        "POST",
        "/non-associations/1/delete",
        400,
        102,
        json={**DELETE, "deletionReason": ""},
    ),
    # 400 without an error code: bodies that cannot be read into the request
    Case("create, bad enum", "POST", "/non-associations", 400, json={**CREATE, "reason": "FEUD"}),
    Case(
        "create, missing field",
        "POST",
        "/non-associations",
        400,
        json={k: v for k, v in CREATE.items() if k != "restrictionType"},
    ),
    Case(
        "update, bad enum",
        "PATCH",
        "/non-associations/1",
        400,
        json={"firstPrisonerRole": "BYSTANDER"},
    ),
    Case(
        "close, bad date",
        "PUT",
        "/non-associations/1/close",
        400,
        json={**CLOSE, "closedAt": "yesterday"},
    ),
    Case(
        "close, offset date",
        "PUT",
        "/non-associations/1/close",
        400,
        json={**CLOSE, "closedAt": "2024-06-01T12:00:00+01:00"},
    ),
    Case("reopen, no reason", "PUT", "/non-associations/3/reopen", 400, json={}),
    Case(
        "delete, no requester",
        "POST",
        "/non-associations/1/delete",
        400,
        json={"deletionReason": "Made in error"},
    ),
    # 400 without an error code: other requests
    Case(
        "unreadable body",
        "POST",
        "/non-associations",
        400,
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    ),
    Case(
        "empty body",
        "PUT",
        "/non-associations/1/close",
        400,
        content=b"",
        headers={"Content-Type": "application/json"},
    ),
    Case("array for object", "POST", "/non-associations", 400, json=[CREATE]),
    Case("bad sortBy", "GET", "/prisoner/A1234BC/non-associations?sortBy=AGE", 400),
    Case("bad sortDirection", "GET", "/prisoner/A1234BC/non-associations?sortDirection=UP", 400),
    Case("bad boolean", "GET", "/prisoner/A1234BC/non-associations?includeClosed=maybe", 400),
    Case(
        "nothing included, list",
        "GET",
        "/prisoner/A1234BC/non-associations?includeOpen=false&includeClosed=false",
        400,
    ),
    Case("nothing included, page", "GET", "/non-associations?includeOpen=false", 400),
    Case(
        "nothing included, between",
        "POST",
        "/non-associations/between?includeOpen=false",
        400,
        json=["A1234BC", "B2345CD"],
    ),
    Case(
        "nothing included, involving",
        "POST",
        "/non-associations/involving?includeOpen=false&includeClosed=false",
        400,
        json=["A1234BC"],
    ),
    Case("page too big", "GET", "/non-associations?size=201", 400),
    Case("bad prisoner in path", "GET", "/prisoner/A123/non-associations", 400),
    Case("encoded query in path", "GET", "/prisoner/A1234BC%3Fx%3D1/non-associations", 400),
    Case("id not a number", "GET", "/non-associations/seven", 400),
    Case("get between", "GET", "/non-associations/between", 400, roles=()),
    Case("between without a body", "POST", "/non-associations/between", 400),
    Case(
        "unreadable body with the wrong role",
        "POST",
        "/non-associations",
        400,
        roles=(READ_NON_ASSOCIATIONS,),
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    ),
    Case("between one", "POST", "/non-associations/between", 400, json=["A1234BC"]),
    Case("between same twice", "POST", "/non-associations/between", 400, json=["A1234BC"] * 2),
    Case("between bad number", "POST", "/non-associations/between", 400, json=["A1234BC", "x"]),
    Case("involving none", "POST", "/non-associations/involving", 400, json=[]),
    Case("sar without subject", "GET", "/subject-access-request", 400),
    Case("sar bad date", "GET", "/subject-access-request?prn=A1234BC&fromDate=31/01/2024", 400),
    # 404
    Case("get unknown", "GET", "/non-associations/999", 404, 404),
    Case("update unknown", "PATCH", "/non-associations/999", 404, 404, json={}),
    Case("close unknown", "PUT", "/non-associations/999/close", 404, 404, json=CLOSE),
    Case("reopen unknown", "PUT", "/non-associations/999/reopen", 404, 404, json=REOPEN),
    Case("delete unknown", "POST", "/non-associations/999/delete", 404, 404, json=DELETE),
    Case("legacy unknown", "GET", "/legacy/api/non-associations/999", 404, 404),
    Case("unknown prisoner", "GET", "/prisoner/Z9999ZZ/non-associations", 404),
    Case(
        "create, unknown prisoner",
        "POST",
        "/non-associations",
        404,
        json={**CREATE, "secondPrisonerNumber": "Z9999ZZ"},
    ),
    Case("unknown path", "GET", "/non-associations/1/history", 404),
    # 409
    Case("close closed", "PUT", "/non-associations/3/close", 409, 100, json=CLOSE),
    Case(
        "create, open exists",
        "POST",
        "/non-associations",
        409,
        101,
        json={**CREATE, "firstPrisonerNumber": "A1234BC", "secondPrisonerNumber": "B2345CD"},
    ),
    Case(
        "create, open exists reversed",
        "POST",
        "/non-associations",
        409,
        101,
        json={**CREATE, "firstPrisonerNumber": "B2345CD", "secondPrisonerNumber": "A1234BC"},
    ),
    Case(
        "create, no booking",
        "POST",
        "/non-associations",
        409,
        103,
        json={**CREATE, "secondPrisonerNumber": "G7890HJ"},
    ),
    Case("reopen open", "PUT", "/non-associations/1/reopen", 409, 104, json=REOPEN),
    # 500: the service's catch-all
    Case(
        "create, same prisoner",
        "POST",
        "/non-associations",
        500,
        json={**CREATE, "secondPrisonerNumber": "A1234BC"},
    ),
    Case("unknown sort", "GET", "/non-associations?sort=height,ASC", 500),
    Case("delete verb", "DELETE", "/non-associations/1", 500),
    Case("put constants", "PUT", "/constants", 500, json={}),
    # 415
    Case(
        "create as text",
        "POST",
        "/non-associations",
        415,
        content=b"{}",
        headers={"Content-Type": "text/plain"},
    ),
    Case("between without content type", "POST", "/non-associations/between", 415, content=b"[]"),
    Case(
        "create as text with the wrong role",
        "POST",
        "/non-associations",
        415,
        roles=(READ_NON_ASSOCIATIONS,),
        content=b"{}",
        headers={"Content-Type": "text/plain"},
    ),
)
