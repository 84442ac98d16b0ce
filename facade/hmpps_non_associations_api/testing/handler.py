"""The fake API's one request handler, shared by the in-process transport and the server.

Checks run in this order: bearer token (401), route (404, 405), role and
scope (403), content type (415), query and body (400, or 400 with error code
102), the user in the token for writes (401 with error code 401), then the
rules of the store (404, 409). The real service may report a malformed body
before a missing role; the fake always reports the role first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple
from urllib.parse import unquote

from . import render
from .errors import USER_MISSING, ApiError, bad_request
from .params import Query, choice, flag, inclusion, integer, iso_date, sort_orders, text
from .store import PRISONER_LIST_SORTS, FakeNonAssociationsApi
from .tokens import (
    DELETE_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    SAR_DATA_ACCESS,
    WRITE_NON_ASSOCIATIONS,
    TokenClaims,
    decode_token,
)
from .validation import (
    PRISONER_NUMBER,
    parse_close,
    parse_create,
    parse_delete,
    parse_json,
    parse_patch,
    parse_prisoner_numbers,
    parse_reopen,
)

__all__ = ["Reply", "handle", "openapi_document"]

_JSON = (("Content-Type", "application/json"),)
_INT64 = range(-(2**63), 2**63)
_WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+")


class Reply(NamedTuple):
    """An HTTP response: status, headers and body."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


def _json(status: int, document: object, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, _JSON + headers, json.dumps(document).encode())


def _empty(status: int) -> Reply:
    return Reply(status, (), b"")


@cache
def openapi_document() -> bytes:
    """The OpenAPI document the fake implements: the copy shipped with the client."""
    return resources.files("hmpps_non_associations_api").joinpath("openapi.json").read_bytes()


@dataclass(frozen=True)
class _Call:
    """One routed, authenticated request."""

    claims: TokenClaims | None
    path: Mapping[str, str]
    query: Query
    body: object

    def non_association_id(self) -> int:
        value = self.path["id"]
        if not _WHOLE_NUMBER.fullmatch(value) or int(value) not in _INT64:
            raise bad_request(f"Parameter id must be of type long, not {value!r}")
        return int(value)

    def username(self) -> str:
        """The user in the token, which every write needs."""
        if self.claims is None or self.claims.username is None:
            raise ApiError(
                401, "There is no user in context for this request", error_code=USER_MISSING
            )
        return self.claims.username


# Operations


def _api_docs(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    return Reply(200, _JSON, openapi_document())


def _constants(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    return _json(200, render.constants())


def _prisoner_non_associations(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    prisoner_number = call.path["prisonerNumber"]
    if not PRISONER_NUMBER.fullmatch(prisoner_number):
        raise bad_request(f"{prisoner_number!r} is not a prisoner number")
    chosen = inclusion(call.query)
    other_prisons = flag(call.query, "includeOtherPrisons", False)
    sort_by = choice(call.query, "sortBy", PRISONER_LIST_SORTS) or "WHEN_CREATED"
    direction = choice(call.query, "sortDirection", ("ASC", "DESC"))
    listing = api.prisoner_listing(
        prisoner_number,
        inclusion=chosen,
        include_other_prisons=other_prisons,
        sort_by=sort_by,
        descending=None if direction is None else direction == "DESC",
    )
    if listing is None:
        raise ApiError(404, f"Prisoner {prisoner_number} not found")
    return _json(200, render.prisoner_listing(listing))


def _page(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    chosen = inclusion(call.query)
    number = integer(call.query, "page", default=0, minimum=0)
    size = integer(call.query, "size", default=20, minimum=1, maximum=200)
    orders = sort_orders(call.query)
    content, total = api.page(inclusion=chosen, orders=orders, page=number, size=size)
    return _json(200, render.page(content, total=total, number=number, size=size))


def _get(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    return _json(200, render.non_association(api.get(call.non_association_id())))


def _between(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    chosen = inclusion(call.query)
    numbers = parse_prisoner_numbers(call.body, minimum=2)
    records = api.between(numbers, inclusion=chosen, prison_id=text(call.query, "prisonId"))
    return _json(200, [render.non_association(record) for record in records])


def _involving(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    chosen = inclusion(call.query)
    numbers = parse_prisoner_numbers(call.body, minimum=1)
    records = api.involving(numbers, inclusion=chosen, prison_id=text(call.query, "prisonId"))
    return _json(200, [render.non_association(record) for record in records])


def _create(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    command = parse_create(call.body)
    return _json(201, render.non_association(api.create(command, call.username())))


def _update(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    non_association_id = call.non_association_id()
    command = parse_patch(call.body)
    record = api.update(non_association_id, command, call.username())
    return _json(200, render.non_association(record))


def _close(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    non_association_id = call.non_association_id()
    command = parse_close(call.body)
    record = api.close(non_association_id, command, call.username())
    return _json(200, render.non_association(record))


def _reopen(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    non_association_id = call.non_association_id()
    command = parse_reopen(call.body)
    record = api.reopen(non_association_id, command, call.username())
    return _json(200, render.non_association(record))


def _delete(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    non_association_id = call.non_association_id()
    parse_delete(call.body)  # the reason and requester are checked, not kept
    call.username()
    api.delete(non_association_id)
    return _empty(204)


def _legacy(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    return _json(200, render.legacy_non_association(api.get(call.non_association_id())))


def _subject_access(api: FakeNonAssociationsApi, call: _Call) -> Reply:
    prn = (text(call.query, "prn") or "").strip()
    crn = (text(call.query, "crn") or "").strip()
    from_date = iso_date(call.query, "fromDate")
    to_date = iso_date(call.query, "toDate")
    if not prn and not crn:
        raise bad_request("One of prn or crn must be supplied.")
    if not prn or api.prisoner(prn) is None:
        return _empty(209)
    listing = api.subject_access(prn, from_date=from_date, to_date=to_date)
    if listing is None:
        return _empty(204)
    return _json(200, {"content": render.prisoner_listing(listing)})


# Routing

_Handler = Callable[[FakeNonAssociationsApi, _Call], Reply]


@dataclass(frozen=True)
class _Operation:
    run: _Handler
    role: str | None = READ_NON_ASSOCIATIONS
    """The authority the token needs; None when any valid token will do."""
    public: bool = False
    """Served without a token."""
    writes: bool = False
    """Needs the `write` scope."""
    reads_body: bool = False
    """Takes a JSON body."""


def _write(run: _Handler, role: str = WRITE_NON_ASSOCIATIONS) -> _Operation:
    return _Operation(run, role, writes=True, reads_body=True)


_ROUTES: tuple[tuple[tuple[str, ...], dict[str, _Operation]], ...] = (
    (("v3", "api-docs"), {"GET": _Operation(_api_docs, None, public=True)}),
    (("constants",), {"GET": _Operation(_constants, None)}),
    (
        ("prisoner", "{prisonerNumber}", "non-associations"),
        {"GET": _Operation(_prisoner_non_associations)},
    ),
    (("non-associations",), {"GET": _Operation(_page), "POST": _write(_create)}),
    (("non-associations", "between"), {"POST": _Operation(_between, reads_body=True)}),
    (("non-associations", "involving"), {"POST": _Operation(_involving, reads_body=True)}),
    (("non-associations", "{id}"), {"GET": _Operation(_get), "PATCH": _write(_update)}),
    (("non-associations", "{id}", "close"), {"PUT": _write(_close)}),
    (("non-associations", "{id}", "reopen"), {"PUT": _write(_reopen, REOPEN_NON_ASSOCIATIONS)}),
    (("non-associations", "{id}", "delete"), {"POST": _write(_delete, DELETE_NON_ASSOCIATIONS)}),
    (
        ("legacy", "api", "non-associations", "{id}"),
        {"GET": _Operation(_legacy, NON_ASSOCIATIONS_SYNC)},
    ),
    (("subject-access-request",), {"GET": _Operation(_subject_access, SAR_DATA_ACCESS)}),
)
"""Each path pattern with its operations; literal segments come before `{parameters}`."""


def _route(path: str) -> tuple[dict[str, _Operation], dict[str, str]] | None:
    """The operations at a path and its path parameters; each segment is decoded once."""
    segments = [unquote(segment) for segment in path.split("/")[1:]]
    for pattern, operations in _ROUTES:
        if len(pattern) != len(segments):
            continue
        parameters: dict[str, str] = {}
        for expected, actual in zip(pattern, segments, strict=True):
            if expected.startswith("{"):
                parameters[expected[1:-1]] = actual
            elif expected != actual:
                break
        else:
            return operations, parameters
    return None


def _authenticate(headers: Mapping[str, str]) -> TokenClaims:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    claims = decode_token(token.strip()) if scheme.lower() == "bearer" else None
    if claims is None:
        raise ApiError(
            401,
            "A valid bearer token is required",
            headers=(("WWW-Authenticate", "Bearer"),),
        )
    return claims


def _authorise(operation: _Operation, claims: TokenClaims) -> None:
    if operation.role is not None and operation.role not in claims.roles:
        raise ApiError(403, f"Forbidden: the token lacks {operation.role}")
    if operation.writes and "write" not in claims.scopes:
        raise ApiError(403, "Forbidden: the token lacks the write scope")


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def _dispatch(
    api: FakeNonAssociationsApi,
    method: str,
    path: str,
    query: Query,
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    found = _route(path)
    operation = found[0].get(method) if found else None
    claims = None
    if operation is None or not operation.public:
        claims = _authenticate(headers)
    if found is None:
        raise ApiError(404, f"No endpoint {method} {path}")
    if operation is None:
        allowed = ", ".join(sorted(found[0]))
        raise ApiError(
            405, f"Request method {method!r} is not supported", headers=(("Allow", allowed),)
        )
    if claims is not None:
        _authorise(operation, claims)
    parsed: object = None
    if operation.reads_body:
        content_type = headers.get("content-type", "")
        if not _is_json(content_type):
            raise ApiError(415, f"Content-Type {content_type!r} is not supported")
        parsed = parse_json(body)
    return operation.run(api, _Call(claims, found[1], query, parsed))


def handle(
    api: FakeNonAssociationsApi,
    method: str,
    path: str,
    query: Query,
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    """Answer one request against the fake's state.

    `path` is the raw (still percent-encoded) path without the query string;
    `query` maps each parameter name to its values; header names may be in
    any case.
    """
    api.record_request(method, path)
    lowered = {name.lower(): value for name, value in headers.items()}
    try:
        return _dispatch(api, method.upper(), path, query, lowered, body)
    except ApiError as error:
        return _json(error.status, error.body(), error.headers)
