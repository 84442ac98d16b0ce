"""Every public method called with generated arguments, good and bad.

Wrong types, huge, empty and unicode strings, path and query injection in prisoner
numbers, integers at and beyond their limits, request dicts and models with missing,
extra and mistyped fields. Before any traffic only TypeError or ValueError may escape;
whatever is sent must be a request openapi.json allows (judged by openapi-core, not by
the client's own checks).
"""

from __future__ import annotations

import asyncio
import datetime
import inspect
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
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
    Reason,
    ReopenNonAssociationRequest,
    RestrictionType,
    Role,
    SortBy,
    SortDirection,
)
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest

from tests.clients.request_fields import FIELDS, VALID
from tests.conftest import ROOT

BASE_URL = "http://api.test"
TOKEN = "test-token"
FUZZ = settings(
    max_examples=400,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _local_date_time(value: object) -> bool:
    """The API's date-times are Europe/London local times: no offset."""
    if not isinstance(value, str) or "T" not in value:
        return not isinstance(value, str)
    try:
        return datetime.datetime.fromisoformat(value).tzinfo is None
    except ValueError:
        return False


OPENAPI = OpenAPI.from_dict(
    json.loads((ROOT / "openapi.json").read_text(encoding="utf-8")),
    config=Config(extra_format_validators={"date-time": _local_date_time}),
)


def allowed_by_the_document(request: httpx.Request) -> None:
    """Raises unless openapi-core finds the request valid for openapi.json."""
    OPENAPI.validate_request(
        MockRequest(
            BASE_URL,
            request.method,
            request.url.raw_path.decode("ascii").partition("?")[0],
            args=list(request.url.params.multi_items()),  # type: ignore[arg-type]
            headers=dict(request.headers),
            data=request.content,
            content_type=request.headers.get("Content-Type", "application/json"),
        )
    )


class Recorder(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Keeps every request and answers each with a 418, which is not retried."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        body = {"status": 418, "userMessage": "teapot", "developerMessage": "teapot"}
        return httpx.Response(418, json=body)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self.handle_request(request)


class Silent:
    """A logger that drops everything (the 418s would be logged as errors)."""

    def info(self, *args: object, **kwargs: object) -> None: ...
    def error(self, *args: object, **kwargs: object) -> None: ...
    def warning(self, *args: object, **kwargs: object) -> None: ...
    def debug(self, *args: object, **kwargs: object) -> None: ...


# ---------------------------------------------------------------------------------------
# Strategies.

ENUM_MEMBERS = [*Role, *Reason, *RestrictionType, *SortBy, *SortDirection]
ZONES = [
    None,
    datetime.UTC,
    datetime.timezone(datetime.timedelta(hours=14)),
    datetime.timezone(-datetime.timedelta(hours=12)),
]
HUGE = "x" * 100_000
INT_LIMITS = [0, 1, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, -1, -(2**63), -(2**63) - 1]

text = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=70),
    st.text(st.characters(categories=["Cs", "Zs", "Cc"]), max_size=5),  # surrogates, spaces
    st.sampled_from(["", " ", "\t\n", HUGE, "U" * 60, "U" * 61, "\U0001d49c" * 30]),
)
others = st.one_of(  # anything but an int
    st.none(),
    st.booleans(),
    st.floats(),
    text,
    st.binary(max_size=8),
    st.lists(st.text(max_size=8), max_size=3),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=2),
    st.sampled_from(ENUM_MEMBERS),
    st.datetimes(timezones=st.sampled_from(ZONES)),
    st.dates(),
)
anything = st.one_of(st.integers(), st.sampled_from(INT_LIMITS), others)
letters = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
digits = st.sampled_from("0123456789")
good_number = st.builds(
    lambda a, n, b: a + "".join(n) + "".join(b),
    letters,
    st.lists(digits, min_size=4, max_size=4),
    st.lists(letters, min_size=2, max_size=2),
)
injected = st.sampled_from(
    [
        "A1234BC/../x",
        "A1234BC?x=1",
        "A1234BC#x",
        "A1234BC&includeClosed=true",
        "../constants",
        "A1234BC%2F..",
        "A1234BC\n",
        " A1234BC",
        "A1234BC ",
        "A\uff11\uff12\uff13\uff14BC",
    ]
)


class Arg:
    """An argument's good values (which the API takes, or nearly) and bad ones."""

    def __init__(self, good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> None:
        self.good, self.bad = good, bad


def between(low: int, high: int) -> st.SearchStrategy[int]:
    return st.one_of(st.sampled_from([low, high]), st.integers(low, high))


def out_of(low: int, high: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from([low - 1, high + 1, *(n for n in INT_LIMITS if not low <= n <= high)]),
        st.integers(max_value=low - 1),
        st.integers(min_value=high + 1),
        others,
    )


PRISONER_NUMBER = Arg(good_number, st.one_of(injected, text, anything))
PRISONER_NUMBERS = Arg(
    st.lists(good_number, min_size=1, max_size=4),
    st.one_of(
        st.lists(st.one_of(good_number, injected, anything), max_size=4),
        good_number,
        anything,
    ),
)
FLAG = Arg(st.booleans(), st.sampled_from(["false", "true", "", 0, 1, None, [True]]))
ID = Arg(between(1, 2**63 - 1), out_of(1, 2**63 - 1))
PAGE = Arg(between(0, 2**31 - 1), out_of(0, 2**31 - 1))
SIZE = Arg(between(1, 200), out_of(1, 200))
SORT_BY = Arg(st.sampled_from([*SortBy, *(m.value for m in SortBy)]), anything)
DIRECTION = Arg(st.sampled_from([*SortDirection, "ASC", "DESC"]), anything)
SORT_ORDER = st.sampled_from(
    [*NonAssociationSortProperty, "whenCreated,DESC", "id,asc", "reason,whenUpdated,ASC"]
)
SORT = Arg(
    st.one_of(SORT_ORDER, st.lists(SORT_ORDER, max_size=3)),
    st.one_of(
        st.sampled_from(["id&size=1", "id,SIDEWAYS", "", "x y", "id\n", "isOpen", "id,,ASC"]),
        st.just(NonAssociationSortProperty("isOpen")),
        st.lists(st.one_of(st.just("id"), text, anything), min_size=1, max_size=3),
        anything,
    ),
)
PRISON_ID = Arg(st.sampled_from(["MDI", "OUT", "TRN"]) | st.text(min_size=1, max_size=8), anything)
REFERENCE = Arg(st.one_of(good_number, st.text(max_size=12)), anything)
DATE = Arg(
    st.dates(), st.one_of(st.datetimes(), st.integers(), text, st.lists(st.dates(), max_size=1))
)

FIELD_VALUES = st.one_of(
    anything,
    good_number,
    injected,
    st.sampled_from([m.value for m in ENUM_MEMBERS]),
    st.sampled_from(
        [
            "2024-05-01T14:00:00",
            "2024-05-01",
            "2024-05-01T14:00:00+05:00",
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-12:00",
            "yesterday",
        ]
    ),
)
MISSPELT = st.one_of(st.sampled_from(["closdBy", "coment", "reason ", "id"]), st.text(max_size=12))
GOOD_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "text": st.text(min_size=1, max_size=200),
    "username": st.text(min_size=1, max_size=60),
    "prisoner number": good_number,
    "date-time": st.datetimes(timezones=st.sampled_from(ZONES)),
}


def good_value(rule: Any, as_model: bool) -> st.SearchStrategy[Any]:
    if isinstance(rule, type):  # an enum: a member, or (in a dict) its string
        members = list(rule)
        return st.sampled_from(members if as_model else [*members, *(m.value for m in members)])
    if rule == "date-time" and not as_model:
        return GOOD_FIELDS[rule].map(lambda moment: moment.isoformat())
    return GOOD_FIELDS[rule]


@st.composite
def good_request(draw: st.DrawFn, kind: type) -> Any:
    """A dict or model of kind the API takes (or nearly: text the service counts longer),
    optional fields sometimes left out."""
    as_model = draw(st.booleans())
    body: dict[str, Any] = {}
    for model, key, _, required, rule in FIELDS:
        if model is kind and (required or draw(st.booleans())):
            body[key] = draw(good_value(rule, as_model))
    if not as_model:
        return body
    return kind(
        **{attr: body[key] for model, key, attr, *_ in FIELDS if model is kind and key in body}
    )


@st.composite
def bad_request(draw: st.DrawFn, kind: type) -> Any:
    """A dict or model of kind from a valid one with fields dropped, mistyped or added;
    or something else altogether."""
    if draw(st.integers(0, 9)) == 0:
        return draw(anything)
    body: dict[Any, Any] = dict(VALID[kind])
    for key in list(body):
        change = draw(st.sampled_from(["keep", "keep", "drop", "change"]))
        if change == "drop":
            del body[key]
        elif change == "change":
            body[key] = draw(FIELD_VALUES)
    extra = draw(st.dictionaries(MISSPELT, FIELD_VALUES, max_size=1))
    if draw(st.booleans()):
        body.update(extra)
        return body
    model = kind.from_dict(VALID[kind])  # type: ignore[attr-defined]
    for name in inspect.signature(kind).parameters:
        if draw(st.integers(0, 2)) == 0:
            setattr(model, name, draw(FIELD_VALUES))
    for key, value in extra.items():
        model[key] = value
    return model


def request(kind: type) -> Arg:
    return Arg(good_request(kind), bad_request(kind))


def call(name: str, *args: Arg, **kwargs: Arg) -> st.SearchStrategy[Any]:
    """A call with good arguments, one bad one, or any mix; keywords sometimes left out."""
    slots = [*args, *kwargs.values()]

    @st.composite
    def drawn(draw: st.DrawFn) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
        mode = draw(st.sampled_from(["good", "one bad", "one bad", "mixed"])) if slots else "good"
        broken = draw(st.integers(0, len(slots) - 1)) if mode == "one bad" else -1
        values = []
        for index, arg in enumerate(slots):
            if mode == "mixed":
                values.append(draw(st.one_of(arg.good, arg.bad)))
            else:
                values.append(draw(arg.bad if index == broken else arg.good))
        given = {
            key: values[position]
            for position, key in enumerate(kwargs, start=len(args))
            if position == broken or draw(st.booleans())
        }
        return name, tuple(values[: len(args)]), given

    return drawn()


FLAGS = {"include_open": FLAG, "include_closed": FLAG}
CALLS = st.one_of(
    call("constants"),
    call(
        "list_non_associations",
        PRISONER_NUMBER,
        **FLAGS,
        include_other_prisons=FLAG,
        sort_by=SORT_BY,
        sort_direction=DIRECTION,
    ),
    call("list_non_associations_between", PRISONER_NUMBERS, **FLAGS, prison_id=PRISON_ID),
    call("list_non_associations_involving", PRISONER_NUMBERS, **FLAGS, prison_id=PRISON_ID),
    call("paged_non_associations", **FLAGS, page=PAGE, size=SIZE, sort=SORT),
    call("iter_non_associations", **FLAGS, size=SIZE, sort=SORT),
    call("get_non_association", ID),
    call("get_legacy_non_association", ID),
    call("create_non_association", request(CreateNonAssociationRequest)),
    call("update_non_association", ID, request(PatchNonAssociationRequest)),
    call("close_non_association", ID, request(CloseNonAssociationRequest)),
    call("reopen_non_association", ID, request(ReopenNonAssociationRequest)),
    call("delete_non_association", ID, request(DeleteNonAssociationRequest)),
    call("subject_access_request", prn=REFERENCE, crn=REFERENCE, from_date=DATE, to_date=DATE),
)


# ---------------------------------------------------------------------------------------
# The property, for each client.


def outcome(recorder: Recorder, error: BaseException | None) -> None:
    """Refused: nothing sent. Sent: every request allowed by the document."""
    if isinstance(error, TypeError | ValueError):
        event(f"refused ({type(error).__name__})")
        assert recorder.requests == [], f"sent before refusing: {error}"
        return
    event("sent")
    if error is not None and not isinstance(error, ClientError):
        raise error
    assert recorder.requests, "neither refused nor sent"
    for request in recorder.requests:
        allowed_by_the_document(request)


def run_sync(recorder: Recorder, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    client = NonAssociationsApi(TOKEN, ApiConfig(BASE_URL), Silent(), transport=recorder)
    try:
        result = getattr(client, name)(*args, **kwargs)
        if isinstance(result, Iterator):
            list(result)
    finally:
        client.close()


async def run_async(
    recorder: Recorder, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    client = AsyncNonAssociationsApi(TOKEN, ApiConfig(BASE_URL), Silent(), transport=recorder)
    try:
        result = getattr(client, name)(*args, **kwargs)
        if isinstance(result, AsyncIterator):
            [item async for item in result]
        elif inspect.isawaitable(result):
            await result
    finally:
        await client.aclose()


@FUZZ
@given(CALLS)
def test_sync_client_refuses_or_sends_what_the_document_allows(
    drawn: tuple[str, tuple[Any, ...], dict[str, Any]],
) -> None:
    recorder = Recorder()
    try:
        run_sync(recorder, *drawn)
    except (TypeError, ValueError, ClientError) as error:
        outcome(recorder, error)
    else:
        outcome(recorder, None)


@FUZZ
@given(CALLS)
def test_async_client_refuses_or_sends_what_the_document_allows(
    drawn: tuple[str, tuple[Any, ...], dict[str, Any]],
) -> None:
    recorder = Recorder()
    try:
        asyncio.run(run_async(recorder, *drawn))
    except (TypeError, ValueError, ClientError) as error:
        outcome(recorder, error)
    else:
        outcome(recorder, None)


@pytest.mark.parametrize(
    ("method", "path", "query", "body"),
    [
        ("GET", f"/non-associations/{2**63}", [], b""),
        ("GET", "/non-associations", [("page", str(2**31))], b""),
        ("GET", "/non-associations", [("size", "201")], b""),
        ("GET", "/non-associations", [("includeClosed", "maybe")], b""),
        ("POST", "/non-associations/42/delete", [], b'{"deletionReason": "r"}'),
        ("PUT", "/non-associations/42/close", [], b'{"closedReason": ""}'),
        ("PUT", "/non-associations/42/close", [], b'{"closedReason": "r", "closedBy": 5}'),
        ("PUT", "/non-associations/42/close", [], b'{"closedReason": "r", "closedAt": "2024"}'),
        ("POST", "/non-associations/between", [], b'["A1234BC"]'),
        ("POST", "/non-associations/between", [], b'["A1234BC", "A1234BC"]'),
    ],
)
def test_the_oracle_is_not_lax(
    method: str, path: str, query: list[tuple[str, str]], body: bytes
) -> None:
    """openapi-core refuses requests outside the document, so the property means something."""
    request = httpx.Request(
        method,
        BASE_URL + path,
        params=query,
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    with pytest.raises(Exception) as raised:
        allowed_by_the_document(request)
    assert "Invalid" in type(raised.value).__name__ or "Error" in type(raised.value).__name__
