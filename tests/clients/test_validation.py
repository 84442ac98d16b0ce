"""Caller input checked before sending, rule by rule, for both clients.

Refused calls go to clients whose transport fails the test if it is ever reached;
each must raise TypeError (wrong type) or ValueError (bad value) naming the field.
Calls at the limits go to respx routes, which check what is sent.
"""

from __future__ import annotations

import copy
import datetime
import enum
import inspect
import json
import re
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    ClientError,
    CloseNonAssociationRequest,
    CreateNonAssociationRequest,
    DeleteNonAssociationRequest,
    NonAssociationsApi,
    NonAssociationSortProperty,
    PatchNonAssociationRequest,
    ReopenNonAssociationRequest,
    SanitisedError,
    SortBy,
    SortDirection,
    Timeout,
)
from hmpps_non_associations_api._spec import _validation as validation
from hmpps_non_associations_api._spec._validation import enum_member
from hmpps_non_associations_api_client.types import UNSET

from tests.clients.either import BASE_URL, TOKEN, Runner
from tests.clients.request_fields import FIELDS, NUMBER, TEXT, TIME, USER, VALID
from tests.conftest import ROOT
from tests.payloads import OPEN_NON_ASSOCIATION

INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1


class NoTraffic(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport that fails the test if a request ever reaches it."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        raise AssertionError(f"a request was sent: {request.method} {request.url}")

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.handle_request(request)


@pytest.fixture(params=["sync", "async"])
async def quiet(request: pytest.FixtureRequest) -> AsyncIterator[Runner]:
    """A client that must not send anything."""
    transport = NoTraffic()
    if request.param == "sync":
        sync_client = NonAssociationsApi(TOKEN, ApiConfig(BASE_URL), transport=transport)
        yield Runner(sync_client)
        sync_client.close()
    else:
        async_client = AsyncNonAssociationsApi(TOKEN, ApiConfig(BASE_URL), transport=transport)
        yield Runner(async_client)
        await async_client.aclose()
    assert transport.requests == []


async def refused(
    caller: Runner,
    error: type[Exception],
    names: str | tuple[str, ...],
    call: str,
    *args: Any,
    **kwargs: Any,
) -> str:
    """Assert the call raises exactly `error` mentioning each name; return the message."""
    with pytest.raises((TypeError, ValueError)) as raised:
        await caller(call, *args, **kwargs)
    assert type(raised.value) is error, f"{type(raised.value).__name__}: {raised.value}"
    message = str(raised.value)
    for name in (names,) if isinstance(names, str) else names:
        assert name in message, message
    return message


# ---------------------------------------------------------------------------------------
# Request bodies. Every field of every request schema, with the rule it follows.

# The method taking each kind of request, and where it is sent.
CALLS: dict[type, tuple[str, tuple[Any, ...], str, str]] = {
    CreateNonAssociationRequest: ("create_non_association", (), "POST", "/non-associations"),
    PatchNonAssociationRequest: ("update_non_association", (42,), "PATCH", "/non-associations/42"),
    CloseNonAssociationRequest: (
        "close_non_association",
        (42,),
        "PUT",
        "/non-associations/42/close",
    ),
    ReopenNonAssociationRequest: (
        "reopen_non_association",
        (42,),
        "PUT",
        "/non-associations/42/reopen",
    ),
    DeleteNonAssociationRequest: (
        "delete_non_association",
        (42,),
        "POST",
        "/non-associations/42/delete",
    ),
}


def reply(kind: type) -> httpx.Response:
    """What the API answers a valid request of this kind with."""
    if kind is DeleteNonAssociationRequest:
        return httpx.Response(204)
    status = 201 if kind is CreateNonAssociationRequest else 200
    return httpx.Response(status, json=OPEN_NON_ASSOCIATION)


WRONG_TYPES: dict[Any, list[Any]] = {
    TEXT: [123, None, True, ["a comment"], {"text": "a"}, b"bytes", 1.5],
    USER: [5, None, False, ["KWALSH_GEN"], b"KWALSH_GEN"],
    NUMBER: [1234, None, ["A1234BC"], b"A1234BC"],
    TIME: [1714572000, None, datetime.date(2024, 5, 1), ["2024-05-01T14:00:00"]],
}
ENUM_WRONG_TYPES = [1, None, True, ["VICTIM"]]


def field_id(field: tuple[type, str, str, bool, Any]) -> str:
    return f"{field[0].__name__}.{field[1]}"


def field_params(*rules: Any, optional: bool | None = None) -> list[Any]:
    """The FIELDS following one of the rules (any when none is given), optional or
    required ones only if asked."""
    chosen = [
        f
        for f in FIELDS
        if (not rules or f[4] in rules) and (optional is None or f[3] is not optional)
    ]
    return [pytest.param(*f, id=field_id(f)) for f in chosen]


def enum_fields() -> list[Any]:
    chosen = [f for f in FIELDS if isinstance(f[4], type) and issubclass(f[4], enum.Enum)]
    return [pytest.param(*f, id=field_id(f)) for f in chosen]


def valid_model(kind: type) -> Any:
    return kind.from_dict(VALID[kind])  # type: ignore[attr-defined]


def test_the_field_table_is_the_documents() -> None:
    """Every property of every request body in openapi.json, with its required flag and
    rule, is in FIELDS (so the tests below cover every field)."""
    spec = json.loads((ROOT / "openapi.json").read_text())
    schemas = spec["components"]["schemas"]
    bodies = {
        op["requestBody"]["content"]["application/json"]["schema"].get("$ref", "")
        for item in spec["paths"].values()
        for op in item.values()
        if "requestBody" in op
    }
    names = sorted(ref.rpartition("/")[2] for ref in bodies if ref)
    assert names == sorted(kind.__name__ for kind in CALLS)
    documented = set()
    for name in names:
        schema = schemas[name]
        for key, prop in schema["properties"].items():
            ref = prop.get("$ref", "").rpartition("/")[2]
            if ref:
                rule = ref
            elif prop.get("format") in ("date-time", "local-date-time"):
                rule = TIME
            elif "pattern" in prop:
                rule = NUMBER
            elif prop.get("maxLength") == 60:
                rule = USER
            else:
                rule = TEXT
            documented.add((name, key, key in schema.get("required", []), rule))
    table = {
        (kind.__name__, key, required, rule.__name__ if isinstance(rule, type) else rule)
        for kind, key, _, required, rule in FIELDS
    }
    assert table == documented


@pytest.mark.parametrize("kind", list(CALLS))
async def test_valid_requests_are_sent_as_given(
    api: Runner, router: respx.MockRouter, kind: type
) -> None:
    call, args, method, path = CALLS[kind]
    route = router.route(method=method, path=path).mock(return_value=reply(kind))
    await api(call, *args, VALID[kind])
    await api(call, *args, valid_model(kind))
    for sent in route.calls:
        assert json.loads(sent.request.content) == VALID[kind]


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params())
async def test_a_wrongly_typed_field_is_a_type_error(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    for bad in WRONG_TYPES.get(rule, ENUM_WRONG_TYPES):
        await refused(quiet, TypeError, key, call, *args, {**VALID[kind], key: bad})
        model = valid_model(kind)
        setattr(model, attr, bad)
        await refused(quiet, TypeError, attr, call, *args, model)


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(TIME))
async def test_a_model_takes_a_datetime_not_its_string(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    """A dict carries the API's JSON shape, so may hold the string; a model's field is
    typed as a datetime, and holds one."""
    call, args, _, _ = CALLS[kind]
    model = valid_model(kind)
    setattr(model, attr, "2024-05-01T14:00:00")
    await refused(quiet, TypeError, attr, call, *args, model)


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(optional=False))
async def test_a_missing_required_field_is_a_value_error(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    without = {k: v for k, v in VALID[kind].items() if k != key}
    model = valid_model(kind)
    setattr(model, attr, UNSET)
    await refused(quiet, ValueError, key, call, *args, without)
    await refused(quiet, ValueError, attr, call, *args, model)


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(optional=True))
async def test_an_optional_field_can_be_left_out(
    api: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, method, path = CALLS[kind]
    without = {k: v for k, v in VALID[kind].items() if k != key}
    model = valid_model(kind)
    setattr(model, attr, UNSET)
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.route(method=method, path=path).mock(return_value=reply(kind))
        await api(call, *args, without)
        await api(call, *args, model)
    for sent in route.calls:
        assert json.loads(sent.request.content) == without


MISSPELT = {
    CreateNonAssociationRequest: "coment",
    PatchNonAssociationRequest: "restrictionTyp",
    CloseNonAssociationRequest: "closdBy",
    ReopenNonAssociationRequest: "reopenedby",
    DeleteNonAssociationRequest: "deletionreason",
}


@pytest.mark.parametrize("kind", list(CALLS))
async def test_an_unknown_key_is_refused_listing_the_known_ones(quiet: Runner, kind: type) -> None:
    call, args, _, _ = CALLS[kind]
    known = tuple(key for model, key, *_ in FIELDS if model is kind)
    misspelt = MISSPELT[kind]
    message = await refused(
        quiet, ValueError, (misspelt, *known), call, *args, {**VALID[kind], misspelt: "x"}
    )
    assert kind.__name__ in message
    model = valid_model(kind)
    model[misspelt] = "x"
    await refused(quiet, ValueError, (misspelt, *known), call, *args, model)


async def test_the_same_prisoner_on_both_sides_is_refused(quiet: Runner) -> None:
    """The service's database refuses it, and the caller would get a 500."""
    create = CreateNonAssociationRequest
    same = {**VALID[create], "secondPrisonerNumber": VALID[create]["firstPrisonerNumber"]}
    message = await refused(
        quiet,
        ValueError,
        ("firstPrisonerNumber", "secondPrisonerNumber", "the same prisoner"),
        "create_non_association",
        same,
    )
    assert VALID[create]["firstPrisonerNumber"] not in message
    model = valid_model(create)
    model.second_prisoner_number = model.first_prisoner_number
    await refused(quiet, ValueError, "the same prisoner", "create_non_association", model)


async def test_a_patch_with_only_a_misspelt_key_is_refused(quiet: Runner) -> None:
    """The service would ignore the key and change nothing, answering 200."""
    await refused(quiet, ValueError, "coment", "update_non_association", 42, {"coment": "new"})


async def test_a_key_that_is_not_a_string_is_refused(quiet: Runner) -> None:
    await refused(quiet, ValueError, "1", "update_non_association", 42, {1: "x"})


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(TEXT, USER))
async def test_an_empty_string_is_refused_where_the_api_wants_one_character(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    await refused(quiet, ValueError, key, call, *args, {**VALID[kind], key: ""})
    model = valid_model(kind)
    setattr(model, attr, "")
    await refused(quiet, ValueError, attr, call, *args, model)


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(TEXT))
async def test_a_whitespace_reason_or_comment_is_sent_as_the_service_takes_it(
    api: Runner,
    router: respx.MockRouter,
    kind: type,
    key: str,
    attr: str,
    required: bool,
    rule: Any,
) -> None:
    call, args, method, path = CALLS[kind]
    route = router.route(method=method, path=path).mock(return_value=reply(kind))
    await api(call, *args, {**VALID[kind], key: " \t"})
    assert json.loads(route.calls.last.request.content)[key] == " \t"


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(USER))
async def test_usernames_are_at_most_60_characters(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    for too_long in ("U" * 61, "U" * 1000):
        await refused(quiet, ValueError, (key, "60"), call, *args, {**VALID[kind], key: too_long})
        model = valid_model(kind)
        setattr(model, attr, too_long)
        await refused(quiet, ValueError, (attr, "60"), call, *args, model)
    # The service counts UTF-16 code units: a character beyond the BMP counts twice.
    await refused(quiet, ValueError, key, call, *args, {**VALID[kind], key: "\U0001d49c" * 31})


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(USER))
async def test_usernames_of_60_characters_are_sent(
    api: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, method, path = CALLS[kind]
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.route(method=method, path=path).mock(return_value=reply(kind))
        for longest in ("U" * 60, "\U0001d49c" * 30, "é" * 60):
            await api(call, *args, {**VALID[kind], key: longest})
            assert json.loads(route.calls.last.request.content)[key] == longest


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(TEXT, USER))
async def test_text_with_a_lone_surrogate_is_refused(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    await refused(quiet, ValueError, key, call, *args, {**VALID[kind], key: "bad \ud800 text"})


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(NUMBER))
@pytest.mark.parametrize(
    "bad",
    [
        "",
        "A123BC",
        "A1234BCD",
        "1234ABC",
        "A1234BC/../x",
        "A1234BC?x=1",
        "A1234BC\n",
        " A1234BC",
        "Ä1234BC",
        "A\uff11\uff12\uff13\uff14BC",
    ],
)
async def test_prisoner_numbers_in_a_create_must_match_the_whole_pattern(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any, bad: str
) -> None:
    await refused(quiet, ValueError, key, "create_non_association", {**VALID[kind], key: bad})
    model = valid_model(kind)
    setattr(model, attr, bad)
    await refused(quiet, ValueError, attr, "create_non_association", model)


class Stranger(enum.Enum):
    VICTIM_ISH = "VICTIM_ISH"


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), enum_fields())
async def test_enum_fields_take_only_the_documented_values(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    # rule("NOPE") is the generated enum's pseudo-member for a value it does not know.
    for bad in ("NOPE", "victim", "", SortDirection.ASC, Stranger.VICTIM_ISH, rule("NOPE")):
        await refused(quiet, ValueError, key, call, *args, {**VALID[kind], key: bad})
        model = valid_model(kind)
        setattr(model, attr, bad if isinstance(bad, enum.Enum) else rule)
        if isinstance(bad, enum.Enum):
            await refused(quiet, ValueError, attr, call, *args, model)
    # A model needs a member: a plain string is a type error there.
    model = valid_model(kind)
    setattr(model, attr, next(iter(rule)).value)
    await refused(quiet, TypeError, attr, call, *args, model)


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), enum_fields())
async def test_every_documented_enum_value_is_sent(
    api: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, method, path = CALLS[kind]
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.route(method=method, path=path).mock(return_value=reply(kind))
        for member in rule:
            await api(call, *args, {**VALID[kind], key: member.value})
            await api(call, *args, {**VALID[kind], key: member})
            model = valid_model(kind)
            setattr(model, attr, member)
            await api(call, *args, model)
    assert [json.loads(c.request.content)[key] for c in route.calls] == [
        member.value for member in rule for _ in range(3)
    ]


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(TIME))
async def test_date_times_are_iso_strings_in_dicts_and_datetimes_in_models(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    for bad in ("yesterday", "2024-13-01T00:00:00", "", "2024-05-01T25:00:00"):
        await refused(quiet, ValueError, key, call, *args, {**VALID[kind], key: bad})
    for wrong in ("2024-05-01T14:00:00", datetime.date(2024, 5, 1)):
        model = valid_model(kind)
        setattr(model, attr, wrong)
        await refused(quiet, TypeError, attr, call, *args, model)


@pytest.mark.parametrize(("kind", "key", "attr", "required", "rule"), field_params(TIME))
async def test_an_aware_time_out_of_range_in_london_is_a_value_error(
    quiet: Runner, kind: type, key: str, attr: str, required: bool, rule: Any
) -> None:
    call, args, _, _ = CALLS[kind]
    edge = "9999-12-31T23:59:59-12:00"
    await refused(quiet, ValueError, attr, call, *args, {**VALID[kind], key: edge})


@pytest.mark.parametrize("kind", list(CALLS))
async def test_a_request_of_another_kind_or_shape_is_a_type_error(
    quiet: Runner, kind: type
) -> None:
    call, args, _, _ = CALLS[kind]
    other = next(k for k in CALLS if k is not kind)
    await refused(quiet, TypeError, "request", call, *args, valid_model(other))
    for shape in ([VALID[kind]], "comment", None, 42):
        await refused(quiet, TypeError, "request", call, *args, shape)


# ---------------------------------------------------------------------------------------
# Arguments: ids, paging, flags, enums, sorts, prisoner numbers, prison ids, SAR.

ID_CALLS = [
    ("get_non_association", (), "GET", ""),
    ("update_non_association", ({"comment": "x"},), "PATCH", ""),
    ("close_non_association", ({"closedReason": "r"},), "PUT", "/close"),
    ("reopen_non_association", ({"reopenReason": "r"},), "PUT", "/reopen"),
    (
        "delete_non_association",
        ({"deletionReason": "r", "staffUserNameRequestingDeletion": "U"},),
        "POST",
        "/delete",
    ),
    ("get_legacy_non_association", (), "GET", ""),
]


@pytest.mark.parametrize(("call", "rest", "method", "suffix"), ID_CALLS)
async def test_ids_are_64_bit_positive_ints(
    quiet: Runner, call: str, rest: tuple[Any, ...], method: str, suffix: str
) -> None:
    for bad in (0, -1, 2**63, 2**64, -(2**63), 10**400):
        await refused(quiet, ValueError, "id", call, bad, *rest)
    for wrong in ("42", 42.0, True, False, None, [42]):
        await refused(quiet, TypeError, "id", call, wrong, *rest)


@pytest.mark.parametrize(("call", "rest", "method", "suffix"), ID_CALLS)
async def test_ids_at_the_limits_are_sent(
    api: Runner, call: str, rest: tuple[Any, ...], method: str, suffix: str
) -> None:
    prefix = "/legacy/api/non-associations" if "legacy" in call else "/non-associations"
    not_found = {"status": 404, "userMessage": "Not found", "developerMessage": "Not found"}
    with respx.mock(base_url=BASE_URL) as mock:
        route = mock.route(method=method).mock(return_value=httpx.Response(404, json=not_found))
        for good in (1, INT64_MAX):
            with pytest.raises(ClientError):
                await api(call, good, *rest)
    assert [c.request.url.path for c in route.calls] == [
        f"{prefix}/1{suffix}",
        f"{prefix}/{INT64_MAX}{suffix}",
    ]


async def test_page_numbers_and_sizes_are_in_range(quiet: Runner) -> None:
    for bad in (-1, INT32_MAX + 1, 2**63):
        await refused(quiet, ValueError, "page", "paged_non_associations", page=bad)
    for bad in (0, -1, 201, 2**31):
        await refused(quiet, ValueError, ("size", "200"), "paged_non_associations", size=bad)
        with pytest.raises(ValueError, match="size"):
            quiet.client.iter_non_associations(size=bad)
    for wrong in ("1", 1.0, True, [1]):
        await refused(quiet, TypeError, "page", "paged_non_associations", page=wrong)
        await refused(quiet, TypeError, "size", "paged_non_associations", size=wrong)
        with pytest.raises(TypeError, match="size"):
            quiet.client.iter_non_associations(size=wrong)


async def test_page_numbers_and_sizes_at_the_limits_are_sent(
    api: Runner, router: respx.MockRouter
) -> None:
    page = {"content": [], "last": True, "number": 0, "size": 1, "totalPages": 0}
    route = router.get("/non-associations").mock(return_value=httpx.Response(200, json=page))
    for number, size in ((0, 1), (INT32_MAX, 200)):
        await api("paged_non_associations", page=number, size=size)
    assert [(c.request.url.params["page"], c.request.url.params["size"]) for c in route.calls] == [
        ("0", "1"),
        (str(INT32_MAX), "200"),
    ]


FLAG_CALLS: list[tuple[str, tuple[Any, ...], tuple[str, ...]]] = [
    (
        "list_non_associations",
        ("A1234BC",),
        ("include_open", "include_closed", "include_other_prisons"),
    ),
    (
        "list_non_associations_between",
        (["A1234BC", "B2345CD"],),
        ("include_open", "include_closed"),
    ),
    ("list_non_associations_involving", (["A1234BC"],), ("include_open", "include_closed")),
    ("paged_non_associations", (), ("include_open", "include_closed")),
]


@pytest.mark.parametrize(("call", "args", "flags"), FLAG_CALLS)
async def test_flags_must_be_real_bools(
    quiet: Runner, call: str, args: tuple[Any, ...], flags: tuple[str, ...]
) -> None:
    for name in flags:
        for wrong in ("false", "true", "", 0, 1, None, [False]):
            await refused(quiet, TypeError, name, call, *args, **{name: wrong})
    for wrong in ("false", 0):
        with pytest.raises(TypeError, match="include_closed"):
            quiet.client.iter_non_associations(include_closed=wrong)


async def test_sort_by_and_direction_take_their_own_enum_or_its_string(quiet: Runner) -> None:
    for wrong in (1, None, SortDirection.ASC, [SortBy.LAST_NAME]):
        await refused(
            quiet, TypeError, "sort_by", "list_non_associations", "A1234BC", sort_by=wrong
        )
    for wrong in (0, None, SortBy.LAST_NAME):
        await refused(
            quiet,
            TypeError,
            "sort_direction",
            "list_non_associations",
            "A1234BC",
            sort_direction=wrong,
        )
    for bad in ("NOPE", "last_name", "", SortBy("NOPE")):
        await refused(quiet, ValueError, "sort_by", "list_non_associations", "A1234BC", sort_by=bad)
    await refused(
        quiet,
        ValueError,
        "sort_direction",
        "list_non_associations",
        "A1234BC",
        sort_direction=SortDirection("UP"),
    )


async def test_sort_orders_must_be_strings(quiet: Runner) -> None:
    for wrong in (1, b"id", ["id", 2], {"id": "ASC"}):
        await refused(quiet, TypeError, "sort", "paged_non_associations", sort=wrong)
    for bad in ("id,SIDEWAYS", "id&size=1", "", ["id", "x y"]):
        await refused(quiet, ValueError, "sort", "paged_non_associations", sort=bad)


async def test_prisoner_numbers_and_prison_ids_have_the_right_types(quiet: Runner) -> None:
    for wrong in (1234, None, b"A1234BC", ["A1234BC"]):
        await refused(quiet, TypeError, "prisoner_number", "list_non_associations", wrong)
    for bad in ("A1234BC/../x", "A1234BC?x=1", "A1234BC#x", "", "A1234BC "):
        await refused(quiet, ValueError, "prisoner_number", "list_non_associations", bad)
    for call in ("list_non_associations_between", "list_non_associations_involving"):
        for wrong in ("A1234BC", b"A1234BC", 5, None, {"A1234BC": 1}, ["A1234BC", 7]):
            await refused(quiet, TypeError, "prisoner_numbers", call, wrong)
        for bad in (["A1234BC", "B2345CD/../x"], ["A1234BC", "B2345CD?x=1"]):
            await refused(quiet, ValueError, "prisoner_numbers", call, bad)
        for wrong in (1, ["MDI"], b"MDI"):
            await refused(
                quiet, TypeError, "prison_id", call, ["A1234BC", "B2345CD"], prison_id=wrong
            )
        for bad in ("", "   "):
            await refused(
                quiet, ValueError, "prison_id", call, ["A1234BC", "B2345CD"], prison_id=bad
            )
    await refused(
        quiet, ValueError, "2", "list_non_associations_between", ["A1234BC", "a1234bc"][:1]
    )
    await refused(quiet, ValueError, "1", "list_non_associations_involving", [])


async def test_subject_access_request_arguments(quiet: Runner) -> None:
    sar = "subject_access_request"
    for wrong in (1, ["A1234BC"], b"A1234BC"):
        await refused(quiet, TypeError, "prn", sar, prn=wrong)
        await refused(quiet, TypeError, "crn", sar, crn=wrong)
    for wrong in ("2024-01-01", datetime.datetime(2024, 1, 1), 20240101):
        await refused(quiet, TypeError, "from_date", sar, prn="A1234BC", from_date=wrong)
        await refused(quiet, TypeError, "to_date", sar, prn="A1234BC", to_date=wrong)
    for prn, crn in ((None, None), (" ", None), ("  ", " "), (None, " \t")):
        await refused(quiet, ValueError, ("prn", "crn"), sar, prn=prn, crn=crn)
    # The document allows no empty query parameter: leave it out instead.
    await refused(quiet, ValueError, "prn", sar, prn="", crn="X123456")
    await refused(quiet, ValueError, "crn", sar, prn="A1234BC", crn="")


async def test_free_text_in_the_query_fits_a_url(quiet: Runner) -> None:
    """The document sets no limit, but a request line over 8 KiB is refused unanswered."""
    long = "M" * 2049
    wide = "\u00e9" * 342  # 6 characters each, percent-encoded: 2052
    for text in (long, wide):
        await refused(quiet, ValueError, "prn", "subject_access_request", prn=text)
        await refused(quiet, ValueError, "crn", "subject_access_request", crn=text)
        await refused(
            quiet,
            ValueError,
            "prison_id",
            "list_non_associations_involving",
            ["A1234BC"],
            prison_id=text,
        )
    await refused(quiet, ValueError, "sort", "paged_non_associations", sort=["i" + "d" * 1024] * 2)


async def test_free_text_that_fits_a_url_is_sent(api: Runner, router: respx.MockRouter) -> None:
    route = router.get("/subject-access-request").mock(return_value=httpx.Response(204))
    await api("subject_access_request", prn="M" * 2048, crn="\u00e9" * 341)
    assert route.calls.last.request.url.params["prn"] == "M" * 2048
    assert route.calls.last.request.url.params["crn"] == "\u00e9" * 341


async def test_subject_access_request_with_one_reference_is_sent(
    api: Runner, router: respx.MockRouter
) -> None:
    route = router.get("/subject-access-request").mock(return_value=httpx.Response(204))
    await api("subject_access_request", crn="X123456", prn=" ")
    assert route.calls.last.request.url.params["crn"] == "X123456"


# ---------------------------------------------------------------------------------------
# enum_member: only defined members, whatever the enum does with unknown values.


def test_enum_member_refuses_pseudo_members() -> None:
    assert SortBy("SOMETHING_NEW").value == "SOMETHING_NEW"  # the enum reads it...
    with pytest.raises(ValueError, match="sort_by"):
        enum_member(SortBy, "SOMETHING_NEW", "sort_by")  # ...a request may not carry it
    with pytest.raises(ValueError, match="sort_by"):
        enum_member(SortBy, SortBy("SOMETHING_NEW"), "sort_by")
    assert enum_member(SortBy, "LAST_NAME", "sort_by") is SortBy.LAST_NAME
    assert enum_member(SortBy, SortBy.LAST_NAME, "sort_by") is SortBy.LAST_NAME


async def test_sort_orders_take_only_the_documented_properties(quiet: Runner) -> None:
    for bad in ("isOpen", "isOpen,DESC", "id,isOpen", NonAssociationSortProperty("isOpen")):
        message = await refused(quiet, ValueError, "sort", "paged_non_associations", sort=bad)
        assert "'isOpen'" in message


def test_enum_member_messages_list_the_options() -> None:
    message = ""
    try:
        enum_member(SortDirection, "UP", "sort_direction")
    except ValueError as error:
        message = str(error)
    assert "sort_direction" in message and "ASC" in message and "DESC" in message
    with pytest.raises(TypeError, match="sort_direction"):
        enum_member(SortDirection, SortBy.LAST_NAME, "sort_direction")


async def test_big_bad_values_are_summarised_in_messages(quiet: Runner) -> None:
    message = await refused(quiet, ValueError, "id", "get_non_association", 10**5000)
    assert len(message) < 200
    assert "bit integer" in message


async def test_long_text_is_not_echoed(quiet: Runner) -> None:
    detail = "personal detail " * 10
    request = {"closedReason": "r", "closedBy": detail}
    message = await refused(quiet, ValueError, "closedBy", "close_non_association", 42, request)
    assert "personal detail" not in message
    assert re.search(r"closedBy.*60", message)


# ---------------------------------------------------------------------------------------
# Over the default connections: a refused call opens no connection at all.

REFUSED_CALLS: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = [
    ("get_non_association", (2**63,), {}),
    ("get_legacy_non_association", ("42",), {}),
    ("paged_non_associations", (), {"page": 2**31}),
    ("paged_non_associations", (), {"include_closed": "false"}),
    ("list_non_associations", ("A1234BC/../x",), {}),
    ("list_non_associations", ("A1234BC?x=1",), {}),
    ("list_non_associations_between", (["A1234BC"],), {}),
    ("create_non_association", ({**VALID[CreateNonAssociationRequest], "comment": 123},), {}),
    ("update_non_association", (42, {"coment": "x"}), {}),
    ("close_non_association", (42, {"closedReason": None}), {}),
    ("close_non_association", (42, {"closedReason": "r", "closedBy": "U" * 61}), {}),
    ("reopen_non_association", (42, {"reopenReason": ""}), {}),
    ("delete_non_association", (42, {"deletionReason": "r"}), {}),
    ("subject_access_request", (), {"prn": 5}),
]


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback port that listens but never answers: connections only queue up."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    server.close()


@pytest.mark.parametrize("kind", [NonAssociationsApi, AsyncNonAssociationsApi])
async def test_refused_calls_open_no_connection(listener: socket.socket, kind: type) -> None:
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    config = ApiConfig(url, timeout=Timeout(response=0.2, deadline=0.4))
    api = kind(TOKEN, config)
    client = Runner(api)
    for call, args, kwargs in REFUSED_CALLS:
        with pytest.raises((TypeError, ValueError)):
            await client(call, *args, **kwargs)
    with pytest.raises(BlockingIOError):
        listener.accept()
    # The control: a valid call does connect (and times out, as nothing answers).
    with pytest.raises(SanitisedError):
        await client("create_non_association", VALID[CreateNonAssociationRequest])
    listener.accept()[0].close()
    closed = api.close() if isinstance(api, NonAssociationsApi) else api.aclose()
    if inspect.isawaitable(closed):
        await closed


# ---------------------------------------------------------------------------------------
# The rules are the document's: change the document, and the checks change with it.


@pytest.fixture
def document(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A copy of the package's document that the checks read instead, for one test."""
    copied: dict[str, Any] = copy.deepcopy(validation._document())
    monkeypatch.setattr(validation, "_document", lambda: copied)
    return copied


def close_schema(document: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = document["components"]["schemas"]["CloseNonAssociationRequest"]
    return schema


def test_limits_are_read_from_the_document(document: dict[str, Any]) -> None:
    close_schema(document)["properties"]["closedBy"]["maxLength"] = 5
    close_schema(document)["required"].append("closedBy")
    schema = validation._Schema(CloseNonAssociationRequest)
    with pytest.raises(ValueError, match="closedBy must be at most 5"):
        schema.check_dict({"closedReason": "r", "closedBy": "KWALSH_GEN"})
    with pytest.raises(ValueError, match="closedBy is required"):
        schema.check_dict({"closedReason": "r"})
    assert schema.check_dict({"closedReason": "r", "closedBy": "KWAL"})["closedBy"] == "KWAL"


@pytest.mark.parametrize(
    "change",
    [
        {"format": "email"},
        {"type": "integer"},
        {"multipleOf": 2},
        {"type": "array", "items": {"type": "string"}},
    ],
)
def test_a_rule_with_no_check_fails_loudly(
    document: dict[str, Any], change: dict[str, Any]
) -> None:
    close_schema(document)["properties"]["closedBy"].update(change)
    with pytest.raises(NotImplementedError, match="closedBy"):
        validation._Schema(CloseNonAssociationRequest)


def test_a_model_out_of_step_with_the_document_fails_loudly(document: dict[str, Any]) -> None:
    close_schema(document)["properties"]["closedWhere"] = {"type": "string"}
    with pytest.raises(RuntimeError, match="regenerate"):
        validation._Schema(CloseNonAssociationRequest)


def test_every_request_schema_compiles_from_the_packaged_document() -> None:
    for kind in CALLS:
        compiled = validation._Schema(kind)
        assert [field.key for field in compiled.fields] == [
            key for model, key, *_ in FIELDS if model is kind
        ]
