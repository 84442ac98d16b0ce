"""The fake API's one request handler, shared by the in-process transport and the server.

Checks run in the service's order:

1. the bearer token: a 401 with no body, from the security layer;
2. the route: an unknown path is a 404; a method the path does not take
   falls to the service's catch-all, a 500;
3. the operation's arguments: path and query parameters that do not convert
   (400), the body's content type (415), reading the body (400) and its field
   rules (400 with error code 102);
4. the role and the `write` scope (403);
5. the operation: method validation and its own checks (400), then the
   service's rules (401 with error code 401 for a missing user, 404, 409).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from hmpps_non_associations_api_client.models import SortBy, SortDirection

from .._spec._document import document_bytes, parameter
from . import _response_bodies as render
from ._code_lists import known_values
from ._error_replies import (
    ApiError,
    MissingPrisoners,
    access_denied,
    no_resource,
    type_mismatch,
    unauthorised,
    unexpected,
    unreadable,
    unsupported_media_type,
    user_missing,
    validation_exception,
)
from ._fake_api import FakeNonAssociationsApi
from ._http_exchange import Reply, Request, json_reply
from ._query_parameters import (
    PAGE_SORT_PROPERTIES,
    Query,
    boolean_parameter,
    check_inclusion,
    date_parameter,
    enum_parameter,
    inclusion_parameters,
    page_size,
    paging_number,
    parse_query,
    sort_orders,
    text_parameter,
)
from ._request_bodies import (
    check_prisoner_numbers,
    is_prisoner_number,
    parse_close,
    parse_create,
    parse_delete,
    parse_json,
    parse_patch,
    parse_reopen,
    read_prisoner_numbers,
)
from ._token_claims import (
    DELETE_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    SAR_DATA_ACCESS,
    WRITE_NON_ASSOCIATIONS,
    TokenClaims,
    decode_token,
)

__all__ = ["handle_api_request"]

_INT64 = range(-(2**63), 2**63)
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_HEX = re.compile(r"(?P<sign>[-+]?)(?:0[xX]|#)(?P<digits>[0-9a-fA-F]+)")
_BEARER = re.compile(r"bearer (?P<token>[a-zA-Z0-9\-._~+/]+=*)", re.IGNORECASE)
_DEFAULT_PAGE_SIZE = 20
_MAX_PAGE_SIZE: int = parameter("getNonAssociations", "size")["maximum"]
_SAR_ROLES = (SAR_DATA_ACCESS, "ROLE_SAR_DATA_ACCESS2")
"""The service takes its library's second subject access role too, left at its default."""


def _empty_reply(status: int) -> Reply:
    return Reply(status, (), b"")


def _parse_long(name: str, value: str) -> int:
    """A path parameter converted as the service converts a Long: whitespace ignored,
    decimal or hexadecimal (`0x1F`, `#1F`)."""
    compact = "".join(value.split())
    hexadecimal = _HEX.fullmatch(compact)
    if hexadecimal is not None:
        number = int(hexadecimal["sign"] + hexadecimal["digits"], 16)
    elif _DECIMAL.fullmatch(compact):
        number = int(compact)
    else:
        raise type_mismatch(name, "long")
    if number not in _INT64:
        raise type_mismatch(name, "long")
    return number


def _is_json_media_type(content_type: str) -> bool:
    media_type = content_type.split(";")[0].strip().lower()
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


@dataclass(frozen=True)
class _RoutedCall:
    """One routed, authenticated request."""

    claims: TokenClaims | None
    path: Mapping[str, str]
    query: Query
    headers: Mapping[str, str]
    body: bytes

    def non_association_id(self) -> int:
        return _parse_long("id", self.path["id"])

    def json(self) -> object:
        """The JSON body: 415 for another content type, 400 when missing or unreadable.
        Without a content type, an empty body counts as missing and any other as 415."""
        content_type = self.headers.get("content-type", "").strip()
        if not content_type:
            if not self.body:
                raise unreadable("Required request body is missing")
            raise unsupported_media_type("application/octet-stream")
        if not _is_json_media_type(content_type):
            raise unsupported_media_type(content_type)
        return parse_json(self.body)

    def username(self) -> str:
        """The user in the token, which some writes need (401 with error code 401)."""
        if self.claims is None or self.claims.username is None:
            raise user_missing()
        return self.claims.username


_AfterRoleCheck = Callable[[], Reply]
_OperationHandler = Callable[[FakeNonAssociationsApi, _RoutedCall], _AfterRoleCheck]
"""Reads an operation's arguments and returns what runs once the role is checked."""


# Operations


def _api_docs(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    return lambda: Reply(200, (("Content-Type", "application/json"),), document_bytes())


def _health_ping(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    """What DPS applications' own health checks call: served without a token."""
    return lambda: json_reply(200, {"status": "UP"})


def _constants(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    return lambda: json_reply(200, render.constants())


def _prisoner_non_associations(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    prisoner_number = call.path["prisonerNumber"]
    chosen = inclusion_parameters(call.query)
    other_prisons = boolean_parameter(call.query, "includeOtherPrisons", False)
    sort_by = enum_parameter(call.query, "sortBy", known_values(SortBy))
    direction = enum_parameter(call.query, "sortDirection", known_values(SortDirection))

    def proceed() -> Reply:
        if not is_prisoner_number(prisoner_number):
            raise validation_exception(
                "getPrisonerNonAssociations.prisonerNumber: "
                "Prisoner number must be in the correct format"
            )
        listing = api.prisoner_listing(
            prisoner_number,
            inclusion=check_inclusion(chosen),
            include_other_prisons=other_prisons,
            sort_by=sort_by or SortBy.WHEN_CREATED.value,
            descending=None if direction is None else direction == SortDirection.DESC.value,
        )
        return json_reply(200, render.prisoner_listing(listing))

    return proceed


def _page_of_all(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    chosen = inclusion_parameters(call.query)
    number = paging_number(call.query, "page") or 0
    size = page_size(call.query, _DEFAULT_PAGE_SIZE)
    orders = sort_orders(call.query)

    def proceed() -> Reply:
        if size > _MAX_PAGE_SIZE:
            raise validation_exception(f"Page size must be {_MAX_PAGE_SIZE} or less")
        check_inclusion(chosen)
        for name, _ in orders:
            if name not in PAGE_SORT_PROPERTIES:
                raise unexpected(f"No property '{name}' found for type 'NonAssociation'")
        content, total = api.page(
            inclusion=chosen,
            orders=[(PAGE_SORT_PROPERTIES[name], descending) for name, descending in orders],
            page=number,
            size=size,
        )
        return json_reply(200, render.page(content, total=total, number=number, size=size))

    return proceed


def _get_by_id(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    non_association_id = call.non_association_id()
    return lambda: json_reply(200, render.non_association(api.get(non_association_id)))


def _prisoner_group_lookup(minimum: int, operation: str) -> _OperationHandler:
    """Between (two or more prisoners) or involving (one or more)."""

    def handler(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
        numbers = read_prisoner_numbers(call.json())
        chosen = inclusion_parameters(call.query)
        prison_id = text_parameter(call.query, "prisonId")

        def proceed() -> Reply:
            distinct = check_prisoner_numbers(numbers, minimum=minimum, operation=operation)
            find = api.between if minimum == 2 else api.involving
            records = find(distinct, inclusion=check_inclusion(chosen), prison_id=prison_id)
            return json_reply(200, [render.non_association(record) for record in records])

        return proceed

    return handler


def _create(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    command = parse_create(call.json())
    return lambda: json_reply(201, render.non_association(api.create(command, call.username())))


def _update(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    non_association_id = call.non_association_id()
    command = parse_patch(call.json())

    def proceed() -> Reply:
        record = api.update(non_association_id, command, call.username())
        return json_reply(200, render.non_association(record))

    return proceed


def _close(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    non_association_id = call.non_association_id()
    command = parse_close(call.json())

    def proceed() -> Reply:
        closed_by = command.closed_by if command.closed_by is not None else call.username()
        record = api.close(non_association_id, command, closed_by)
        return json_reply(200, render.non_association(record))

    return proceed


def _reopen(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    non_association_id = call.non_association_id()
    command = parse_reopen(call.json())

    def proceed() -> Reply:
        reopened_by = command.reopened_by if command.reopened_by is not None else call.username()
        record = api.reopen(non_association_id, command, reopened_by)
        return json_reply(200, render.non_association(record))

    return proceed


def _delete(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    non_association_id = call.non_association_id()
    parse_delete(call.json())  # the reason and requester are checked, not kept

    def proceed() -> Reply:
        api.delete(non_association_id)
        return _empty_reply(204)

    return proceed


def _legacy_by_id(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    non_association_id = call.non_association_id()
    return lambda: json_reply(200, render.legacy_non_association(api.get(non_association_id)))


def _subject_access(api: FakeNonAssociationsApi, call: _RoutedCall) -> _AfterRoleCheck:
    prn = text_parameter(call.query, "prn") or ""
    crn = text_parameter(call.query, "crn") or ""
    from_date = date_parameter(call.query, "fromDate")
    to_date = date_parameter(call.query, "toDate")

    def proceed() -> Reply:
        if not prn.strip():
            if not crn.strip():
                raise ApiError(400, "One of prn or crn must be supplied.")
            return _empty_reply(209)  # only prison records here: a case reference means nothing
        try:
            listing = api.subject_access(prn, from_date=from_date, to_date=to_date)
        except MissingPrisoners:
            raise ApiError(209, "Subject Identifier is not recognised by this service") from None
        if listing is None:
            return _empty_reply(204)
        return json_reply(200, render.subject_access(listing))

    return proceed


# Routing


@dataclass(frozen=True)
class _Operation:
    run: _OperationHandler
    roles: tuple[str, ...] = (READ_NON_ASSOCIATIONS,)
    """The token needs one of these authorities; none listed: any valid token will do."""
    writes: bool = False
    """Needs the `write` scope."""


def _write_operation(run: _OperationHandler, role: str = WRITE_NON_ASSOCIATIONS) -> _Operation:
    return _Operation(run, (role,), writes=True)


@dataclass(frozen=True)
class _Route:
    pattern: tuple[str, ...]
    operations: Mapping[str, _Operation]
    public: bool = False
    """Served without a token, whatever the method."""

    def match(self, segments: list[str]) -> dict[str, str] | None:
        """The path parameters, if the (decoded) segments fit the pattern."""
        if len(self.pattern) != len(segments):
            return None
        parameters: dict[str, str] = {}
        for expected, actual in zip(self.pattern, segments, strict=True):
            if expected.startswith("{"):
                parameters[expected[1:-1]] = actual
            elif expected != actual:
                return None
        return parameters


_ROUTES: tuple[_Route, ...] = (
    _Route(("v3", "api-docs"), {"GET": _Operation(_api_docs, ())}, public=True),
    _Route(("health", "ping"), {"GET": _Operation(_health_ping, ())}, public=True),
    _Route(("constants",), {"GET": _Operation(_constants, ())}),
    _Route(
        ("prisoner", "{prisonerNumber}", "non-associations"),
        {"GET": _Operation(_prisoner_non_associations)},
    ),
    _Route(
        ("non-associations",), {"GET": _Operation(_page_of_all), "POST": _write_operation(_create)}
    ),
    _Route(
        ("non-associations", "between"),
        {"POST": _Operation(_prisoner_group_lookup(2, "getNonAssociationsBetweenPrisoners"))},
    ),
    _Route(
        ("non-associations", "involving"),
        {"POST": _Operation(_prisoner_group_lookup(1, "getNonAssociationsInvolvingPrisoners"))},
    ),
    _Route(
        ("non-associations", "{id}"),
        {"GET": _Operation(_get_by_id), "PATCH": _write_operation(_update)},
    ),
    _Route(("non-associations", "{id}", "close"), {"PUT": _write_operation(_close)}),
    _Route(
        ("non-associations", "{id}", "reopen"),
        {"PUT": _write_operation(_reopen, REOPEN_NON_ASSOCIATIONS)},
    ),
    _Route(
        ("non-associations", "{id}", "delete"),
        {"POST": _write_operation(_delete, DELETE_NON_ASSOCIATIONS)},
    ),
    _Route(
        ("legacy", "api", "non-associations", "{id}"),
        {"GET": _Operation(_legacy_by_id, (NON_ASSOCIATIONS_SYNC,))},
    ),
    _Route(("subject-access-request",), {"GET": _Operation(_subject_access, _SAR_ROLES)}),
)
"""Every path pattern with its operations. A request takes the first pattern that fits
both its path and its method, and literal segments come before `{parameters}`: so a
GET of /non-associations/between is a GET by ID, as in the service."""


def _authenticate(headers: Mapping[str, str]) -> TokenClaims:
    """The claims of the bearer token. Another scheme counts as no token at all."""
    authorization = headers.get("authorization", "")
    if not authorization.lower().startswith("bearer"):
        raise unauthorised()
    bearer = _BEARER.fullmatch(authorization)
    if bearer is None:
        raise unauthorised("Bearer token is malformed")
    claims = decode_token(bearer["token"])
    if claims is None:
        raise unauthorised("An error occurred while attempting to decode the Jwt")
    return claims


def _authorise(operation: _Operation, claims: TokenClaims) -> None:
    if operation.roles and claims.roles.isdisjoint(operation.roles):
        raise access_denied()
    if operation.writes and "write" not in claims.scopes:
        raise access_denied()


def _dispatch(
    api: FakeNonAssociationsApi,
    method: str,
    path: str,
    query: Query,
    headers: Mapping[str, str],
    body: bytes,
) -> Reply:
    segments = [unquote(segment) for segment in path.split("/")[1:]]
    matches = [
        (route, parameters)
        for route in _ROUTES
        if (parameters := route.match(segments)) is not None
    ]
    claims = None
    if not any(route.public for route, _ in matches):
        claims = _authenticate(headers)
    if not matches:
        raise no_resource(path)
    chosen = next(
        (
            (route.operations[method], parameters)
            for route, parameters in matches
            if method in route.operations
        ),
        None,
    )
    if chosen is None:
        raise unexpected(f"Request method '{method}' is not supported")
    operation, parameters = chosen
    proceed = operation.run(api, _RoutedCall(claims, parameters, query, headers, body))
    if claims is not None:
        _authorise(operation, claims)
    return proceed()


def handle_api_request(api: FakeNonAssociationsApi, request: Request) -> Reply:
    """Answer one request against the fake API's state."""
    path, _, query = request.target.partition("?")
    api.record_request(request.method, path)
    try:
        return _dispatch(
            api, request.method.upper(), path, parse_query(query), request.headers, request.body
        )
    except ApiError as error:
        if not error.has_body:
            return Reply(error.status, error.headers, b"")
        return json_reply(error.status, error.body(), error.headers)
