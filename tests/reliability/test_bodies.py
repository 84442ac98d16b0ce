"""Properties of reply bodies, through the client over loopback, sync and async.

Bodies are generated from openapi.json's 2xx response schemas (a small generator for the
few keywords those schemas use, and a checker of the same keywords). A valid body must
parse into the operation's model. A damaged one (wrong types, missing or extra keys,
nulls, huge strings, deep nesting, bytes that are not JSON) gives the model exactly when
the document still allows it (an extra key, an optional key missing, a null where null
is allowed, any string for an enum, which is open), and an UnreadableResponseError
otherwise: no other exception, no hang, and one try.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import attrs
import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    Constant,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    NonAssociation,
    NonAssociationsApi,
    PageNonAssociation,
    PrisonerNonAssociations,
    Timeout,
    TransportError,
    UnreadableResponseError,
    aclose_pools,
)
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reply_decoders import NULL_READ_AS_NONE

from tests.clients.faults import FaultServer, Reply
from tests.conftest import ROOT
from tests.leaks import Scan
from tests.reliability.conftest import TOKEN, Recorder

SPEC = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
SCHEMAS = SPEC["components"]["schemas"]

# Bounded and repeatable: the same examples on every run, nothing kept between runs.
# The scan fixture (function-scoped) is meant to cover every example of a test.
BOUNDED = settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# A call that takes longer than this (parsing included) counts as a hang.
PROMPT = 5.0


def resolve(node: Any) -> Any:
    """The schema with every $ref inlined (the response schemas have no cycles), each
    inlined schema marked with its name as `x-schema`."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return resolve({**SCHEMAS[name], **rest, "x-schema": name})
        return {key: resolve(value) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(item) for item in node]
    return node


def _date_time() -> st.SearchStrategy[str]:
    """Europe/London local times as the API writes them: no offset, 0 to 9 fraction digits."""
    moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1))
    return st.builds(
        lambda moment, digits: (
            moment.strftime("%Y-%m-%dT%H:%M:%S")
            + (f".{moment.microsecond:06d}{'123'}"[: digits + 1] if digits else "")
        ),
        moments,
        st.integers(0, 9),
    )


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


INTEGER_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def integer_range(schema: dict[str, Any]) -> tuple[int, int]:
    """The integers the schema allows: its format's range within its bounds."""
    low, high = INTEGER_FORMATS[schema["format"]]
    return max(low, schema.get("minimum", low)), min(high, schema.get("maximum", high))


def valid(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """JSON values the schema accepts."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema.get("type", "object")
    if isinstance(kinds, list):
        return st.one_of([valid({**schema, "type": kind}) for kind in kinds])
    if kinds == "null":
        return st.none()
    if kinds == "boolean":
        return st.booleans()
    if kinds == "integer":
        low, high = integer_range(schema)
        return st.integers(min_value=low, max_value=high)
    if kinds == "number":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kinds == "string":
        return _date_time() if schema.get("format") == "local-date-time" else st.text(max_size=12)
    if kinds == "array":
        return st.lists(valid(schema["items"]), max_size=3)
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    if not properties:
        extra = schema.get("additionalProperties")
        values = valid(extra) if isinstance(extra, dict) else JSON_VALUES
        return st.dictionaries(st.text(min_size=1, max_size=8), values, max_size=3)
    return st.fixed_dictionaries(
        {name: valid(sub) for name, sub in properties.items() if name in required},
        optional={name: valid(sub) for name, sub in properties.items() if name not in required},
    )


def conforms(schema: dict[str, Any], value: Any) -> bool:
    """Whether the schema allows the value, as the client reads the document: enums are
    open (any string), objects may hold keys they do not declare, integers are JSON
    integers within their format's range, and the descriptive fields the generator lists
    in NULL_READ_AS_NONE may hold null."""
    kinds = schema.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if value is None:
        return "null" in kinds
    if "enum" in schema or "string" in kinds:
        pattern = schema.get("pattern")
        return isinstance(value, str) and (pattern is None or bool(re.fullmatch(pattern, value)))
    if "boolean" in kinds:
        return isinstance(value, bool)
    if "integer" in kinds:
        low, high = integer_range(schema)
        return type(value) is int and low <= value <= high
    if "array" in kinds:
        return isinstance(value, list) and all(conforms(schema["items"], v) for v in value)
    if not isinstance(value, dict):
        return False
    properties = schema.get("properties", {})
    if any(name not in value for name in schema.get("required", ())):
        return False
    extra = schema.get("additionalProperties")
    lenient = NULL_READ_AS_NONE.get(schema.get("x-schema", ""), ())
    return all(
        (item is None and key in lenient) or conforms(properties[key], item)
        if key in properties
        else not isinstance(extra, dict) or conforms(extra, item)
        for key, item in value.items()
    )


def allowed(schema: dict[str, Any], body: bytes) -> bool:
    """Whether the body is strict JSON (UTF-8, no NaN, not too deep) that the schema
    allows."""

    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    try:
        document = json.loads(body.decode("utf-8"), parse_constant=refuse)
    except (ValueError, RecursionError):
        return False
    return conforms(schema, document)


def response_schema(path: str, method: str) -> dict[str, Any]:
    responses = SPEC["paths"][path][method]["responses"]
    status = next(code for code in responses if code.startswith("2"))
    return resolve(responses[status]["content"]["application/json"]["schema"])


def _list_of(kind: type) -> Callable[[Any], bool]:
    return lambda result: isinstance(result, list) and all(isinstance(i, kind) for i in result)


def _constants(result: Any) -> bool:
    return isinstance(result, dict) and all(
        isinstance(key, str) and _list_of(Constant)(value) for key, value in result.items()
    )


@attrs.frozen
class Operation:
    """A client method, the reply it reads, and what a parsed reply must be."""

    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    path: str
    http_method: str
    status: int
    is_model: Callable[[Any], bool]
    from_dict: Callable[[Any], Any]
    """The result the generated models' from_dict makes of a decoded body."""

    @property
    def schema(self) -> dict[str, Any]:
        return response_schema(self.path, self.http_method)


def _is(kind: type) -> Callable[[Any], bool]:
    return lambda result: isinstance(result, kind)


def _each(from_dict: Callable[[Any], Any]) -> Callable[[list[Any]], list[Any]]:
    return lambda body: [from_dict(item) for item in body]


def _constants_from_dict(body: dict[str, list[Any]]) -> dict[str, list[Constant]]:
    return {name: [Constant.from_dict(item) for item in items] for name, items in body.items()}


PAIR = ["A1234BC", "D5678EF"]
CREATE = {
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "D5678EF",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "BULLYING",
    "restrictionType": "CELL",
    "comment": "Kept apart",
}
NA = "/non-associations/{id}"
OPERATIONS = [
    Operation(
        "get_non_association",
        (7,),
        {},
        NA,
        "get",
        200,
        _is(NonAssociation),
        NonAssociation.from_dict,
    ),
    Operation(
        "create_non_association",
        (CREATE,),
        {},
        "/non-associations",
        "post",
        201,
        _is(NonAssociation),
        NonAssociation.from_dict,
    ),
    Operation(
        "update_non_association",
        (7, {"comment": "c"}),
        {},
        NA,
        "patch",
        200,
        _is(NonAssociation),
        NonAssociation.from_dict,
    ),
    Operation(
        "close_non_association",
        (7, {"closedReason": "r"}),
        {},
        f"{NA}/close",
        "put",
        200,
        _is(NonAssociation),
        NonAssociation.from_dict,
    ),
    Operation(
        "reopen_non_association",
        (7, {"reopenReason": "r"}),
        {},
        f"{NA}/reopen",
        "put",
        200,
        _is(NonAssociation),
        NonAssociation.from_dict,
    ),
    Operation(
        "list_non_associations_between",
        (PAIR,),
        {},
        "/non-associations/between",
        "post",
        200,
        _list_of(NonAssociation),
        _each(NonAssociation.from_dict),
    ),
    Operation(
        "list_non_associations_involving",
        (PAIR,),
        {},
        "/non-associations/involving",
        "post",
        200,
        _list_of(NonAssociation),
        _each(NonAssociation.from_dict),
    ),
    Operation(
        "list_non_associations",
        ("A1234BC",),
        {},
        "/prisoner/{prisonerNumber}/non-associations",
        "get",
        200,
        _is(PrisonerNonAssociations),
        PrisonerNonAssociations.from_dict,
    ),
    Operation(
        "paged_non_associations",
        (),
        {},
        "/non-associations",
        "get",
        200,
        _is(PageNonAssociation),
        PageNonAssociation.from_dict,
    ),
    Operation(
        "get_legacy_non_association",
        (7,),
        {},
        "/legacy/api/non-associations/{id}",
        "get",
        200,
        _is(LegacyNonAssociation),
        LegacyNonAssociation.from_dict,
    ),
    Operation(
        "subject_access_request",
        (),
        {"prn": "A1234BC"},
        "/subject-access-request",
        "get",
        200,
        _is(HmppsSubjectAccessRequestContent),
        HmppsSubjectAccessRequestContent.from_dict,
    ),
    Operation("constants", (), {}, "/constants", "get", 200, _constants, _constants_from_dict),
]
BY_NAME = {operation.method: operation for operation in OPERATIONS}
ITER = Operation(
    "iter_non_associations",
    (),
    {},
    "/non-associations",
    "get",
    200,
    _list_of(NonAssociation),
    _each(NonAssociation.from_dict),
)


# --- the loopback server and clients, shared by every example ---------------------------


class Clients:
    """One body server, one sync and one async client (on a loop of its own), reused."""

    def __init__(self) -> None:
        self.server = FaultServer()
        self.recorder = Recorder()
        self.loop = asyncio.new_event_loop()
        config = ApiConfig(self.server.url, timeout=Timeout(response=PROMPT, deadline=PROMPT))
        self.sync = NonAssociationsApi(TOKEN, config, plugins=[self.recorder])
        self.async_ = AsyncNonAssociationsApi(TOKEN, config, plugins=[self.recorder])

    def outcome(self, kind: str, op: Operation, replies: list[Reply]) -> Any:
        """What one call gives (the result or the TransportError) with these replies; any
        other exception escapes and fails the test. Checks the time and the tries."""
        self.server.script = list(replies)
        self.server.seen.clear()
        tries = self.recorder.tries
        started = time.monotonic()
        try:
            if kind == "sync":
                result = getattr(self.sync, op.method)(*op.args, **op.kwargs)
                outcome = list(result) if op is ITER else result
            else:
                outcome = self.loop.run_until_complete(self._async_call(op))
        except TransportError as error:
            assert error.status is None
            outcome = error
        assert time.monotonic() - started < PROMPT
        assert self.recorder.tries - tries == len(self.server.seen)
        if op is not ITER:
            assert len(self.server.seen) == 1
        return outcome

    async def _async_call(self, op: Operation) -> Any:
        result = getattr(self.async_, op.method)(*op.args, **op.kwargs)
        if op is ITER:
            return [item async for item in result]
        return await result

    def close(self) -> None:
        self.loop.run_until_complete(aclose_pools())
        self.loop.close()
        self.server.close()


@pytest.fixture(scope="module")
def clients() -> Iterator[Clients]:
    shared = Clients()
    yield shared
    shared.close()


def both(clients: Clients, op: Operation, replies: list[Reply], scan: Scan) -> list[Any]:
    """The sync and the async outcome; they must be alike."""
    outcomes = [clients.outcome(kind, op, replies) for kind in ("sync", "async")]
    kinds = [type(outcome) for outcome in outcomes]
    assert kinds[0] is kinds[1], f"sync gave {kinds[0]}, async {kinds[1]}"
    for outcome in outcomes:
        if isinstance(outcome, TransportError):
            scan.texts += [str(outcome), repr(outcome)]
    return outcomes


# --- valid bodies --------------------------------------------------------------------


def as_data(result: Any) -> Any:
    """A result as plain data, every field of every model included, to compare two."""
    if isinstance(result, list):
        return [as_data(item) for item in result]
    if isinstance(result, dict):
        return {key: as_data(value) for key, value in result.items()}
    return result.to_dict()


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.method)
@settings(BOUNDED, max_examples=15)
@given(st.data())
def test_every_valid_reply_parses_into_the_model(
    clients: Clients, scan: Scan, op: Operation, data: st.DataObject
) -> None:
    """The compiled reader gives what the generated models' from_dict gives, field for
    field (the keys the document does not declare included)."""
    body = data.draw(valid(op.schema), label="body")
    reply = Reply(op.status, body=json.dumps(body).encode())
    expected = as_data(op.from_dict(body))
    for outcome in both(clients, op, [reply], scan):
        assert op.is_model(outcome), f"{op.method} gave {outcome!r}"
        assert as_data(outcome) == expected


@settings(BOUNDED, max_examples=20)
@given(st.data())
def test_valid_pages_are_walked_to_the_end(
    clients: Clients, scan: Scan, data: st.DataObject
) -> None:
    """Two valid pages whose paging fields agree: every item of both, in order."""
    schema = BY_NAME["paged_non_associations"].schema
    item = valid(schema["properties"]["content"]["items"])
    pages = [data.draw(valid(schema), label=f"page {number}") for number in (0, 1)]
    for number, page in enumerate(pages):
        page.update(number=number, totalPages=2, last=number == 1)
        page["content"] = data.draw(st.lists(item, min_size=1, max_size=3), label="content")
    replies = [Reply(body=json.dumps(page).encode()) for page in pages]
    expected = [entry["id"] for page in pages for entry in page["content"]]
    for outcome in both(clients, ITER, replies, scan):
        assert [entry.id for entry in outcome] == expected


# --- damaged bodies ------------------------------------------------------------------

DEEP = "\x00deep\x00"  # stands for a nesting too deep to build as Python objects


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    changed = copy.deepcopy(document)
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return changed


def _other_type(value: Any) -> st.SearchStrategy[Any]:
    """A JSON value whose type differs from `value`'s."""
    candidates: list[st.SearchStrategy[Any]] = [
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False),
        st.text(max_size=10),
        st.lists(JSON_VALUES, max_size=3),
        st.dictionaries(st.text(max_size=5), JSON_VALUES, max_size=3),
    ]
    return st.one_of(candidates).filter(lambda new: type(new) is not type(value))


@st.composite
def damaged(draw: st.DrawFn, schema: dict[str, Any]) -> bytes:
    """A body that is valid for `schema` but for one damage."""
    document = draw(valid(schema), label="valid body")
    how = draw(
        st.sampled_from(
            ["wrong type", "missing key", "extra key", "null", "huge string", "deep", "bytes"]
        ),
        label="damage",
    )
    event(f"damage: {how}")
    if how == "bytes":
        text = json.dumps(document).encode()
        return draw(
            st.one_of(
                st.binary(max_size=64),
                st.integers(0, max(len(text) - 1, 0)).map(lambda cut: text[:cut]),
                st.just(text.replace(b"{", b"\xff{", 1) if b"{" in text else b"\xff"),
            ),
            label="bytes",
        )
    paths = list(_paths(document))
    if how in ("missing key", "extra key"):
        paths = [p for p in paths if isinstance(_at(document, p), dict)] or [()]
    path = draw(st.sampled_from(paths), label="path")
    current = _at(document, path)
    if how == "wrong type":
        document = _replace(document, path, draw(_other_type(current), label="value"))
    elif how == "missing key" and isinstance(current, dict) and current:
        key = draw(st.sampled_from(sorted(current)), label="key")
        document = _replace(document, path, {k: v for k, v in current.items() if k != key})
    elif how == "extra key" and isinstance(current, dict):
        key = draw(st.text(min_size=1, max_size=8), label="key")
        document = _replace(document, path, {**current, key: draw(JSON_VALUES)})
    elif how == "null":
        document = _replace(document, path, None)
    elif how == "huge string":
        size = draw(st.sampled_from([10_000, 1_000_000]), label="size")
        document = _replace(document, path, "x" * size)
    elif how == "deep":
        document = _replace(document, path, DEEP)
    text = json.dumps(document).encode()
    if how == "deep":
        depth = draw(st.sampled_from([500, 5_000, 100_000]), label="depth")
        text = text.replace(json.dumps(DEEP).encode(), b"[" * depth + b"]" * depth)
    return text


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.method)
@settings(BOUNDED, max_examples=25)
@given(st.data())
def test_a_damaged_reply_gives_the_model_only_where_the_document_allows_it(
    clients: Clients, scan: Scan, op: Operation, data: st.DataObject
) -> None:
    body = data.draw(damaged(op.schema), label="body")
    expected = allowed(op.schema, body)
    for outcome in both(clients, op, [Reply(op.status, body=body)], scan):
        if expected:
            assert op.is_model(outcome), repr(outcome)
            assert as_data(outcome) == as_data(op.from_dict(json.loads(body)))
        else:
            assert isinstance(outcome, UnreadableResponseError), repr(outcome)
    event(f"outcome: {type(outcome).__name__}")


@settings(BOUNDED, max_examples=40)
@given(st.data())
def test_a_walk_over_damaged_pages_ends(clients: Clients, scan: Scan, data: st.DataObject) -> None:
    """Whatever the pages say, the walk ends: every item, or a TransportError. The server
    answers the damaged page twice (so a repeated page number shows), then an empty one."""
    body = data.draw(damaged(BY_NAME["paged_non_associations"].schema), label="page")
    replies = [Reply(body=body), Reply(body=body), Reply(body=b'{"content": []}')]
    for outcome in both(clients, ITER, replies, scan):
        assert isinstance(outcome, TransportError) or ITER.is_model(outcome), repr(outcome)
    event(f"walk: {type(outcome).__name__}, {len(clients.server.seen)} pages")
