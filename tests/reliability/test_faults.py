"""Faults injected over real loopback sockets, sync and async: each case pins the exact
outcome (exception class, status, message) and the exact number of tries, as the server
and the client's plugins count them. The autouse scan checks every case for the token."""

from __future__ import annotations

import asyncio
import email.utils
import gzip
import json
import logging
import math
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from http import HTTPStatus
from typing import Any

import attrs
import pytest
import trustme
from hmpps_non_associations_api import (
    ApiTimeoutError,
    AsyncHmppsAuthClient,
    AuthConfig,
    HmppsAuthClient,
    NonAssociation,
    RedirectRefusedError,
    ServerError,
    Timeout,
    TransportError,
    UnreadableResponseError,
)

from tests.auth.test_hmpps_auth import CLIENT_ID, SECRET
from tests.clients.faults import NON_ASSOCIATION, FaultServer, Reply
from tests.leaks import Scan
from tests.reliability.conftest import Probe

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])

CLOSE = {"closedReason": "Moved to another wing"}


@attrs.frozen
class Op:
    """A client method, its arguments, a good reply body, and whether it is retried."""

    method: str
    args: tuple[Any, ...]
    body: Any
    retried: bool
    status: int = 200

    def reply(self, **options: Any) -> Reply:
        """Its good reply, with the fault server's `options`."""
        return Reply(self.status, body=self.body, **options)

    @staticmethod
    def record(result: Any) -> Any:
        """The record a good reply gives (the first, for a list)."""
        return result[0] if isinstance(result, list) else result


CREATE = {
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "D5678EF",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "VIOLENCE",
    "restrictionType": "CELL",
    "comment": "Fight in the servery",
}

GET = Op("get_non_association", (42,), NON_ASSOCIATION, True)
# A search sent as POST changes nothing: a read, tried again as a GET is.
SEARCH = Op("list_non_associations_between", (["A1234BC", "D5678EF"],), [NON_ASSOCIATION], True)
POST = Op("create_non_association", (CREATE,), NON_ASSOCIATION, False, 201)
PUT = Op("close_non_association", (42, CLOSE), NON_ASSOCIATION, False)
OPS = [
    pytest.param(GET, id="GET"),
    pytest.param(SEARCH, id="POST-search"),
    pytest.param(POST, id="POST"),
    pytest.param(PUT, id="PUT"),
]

# What each layer says for each way a connection can fail (the text after the class name
# is the library's own).
FAILURES = {
    ("drop", "sync"): "RemoteDisconnected: Remote end closed connection without response",
    ("drop", "async"): "ServerDisconnectedError: Server disconnected",
    ("reset", "sync"): "ConnectionResetError: [Errno 104] Connection reset by peer",
    ("reset", "async"): "ClientOSError: [Errno 104] Connection reset by peer",
    ("cut", "sync"): "IncompleteRead: IncompleteRead(10 bytes read, ",
    ("cut", "async"): "ClientPayloadError: Response payload is not completed",
    ("refused", "sync"): "ConnectionRefusedError: [Errno 111] Connection refused",
    ("refused", "async"): "ClientConnectorError: Cannot connect to host 127.0.0.1:",
    ("slow", "sync"): "TimeoutError: timed out",
    ("slow", "async"): "SocketTimeoutError: Timeout on reading data from socket",
}

FAULTS = {
    "drop": Reply(drop=True),
    "reset": Reply(reset=True),
    "cut": Reply(cut_after=10),
}

MakeProbe = Callable[..., Probe]


def settled(condition: Callable[[], bool], within: float = 2.0) -> bool:
    """Whether `condition` holds within a moment (the server thread may lag the client)."""
    ends = time.monotonic() + within
    while not condition():
        if time.monotonic() > ends:
            return False
        time.sleep(0.01)
    return True


# --- connections ---------------------------------------------------------------------


@pytest.mark.parametrize("op", OPS)
async def test_connection_refused(kind: str, op: Op, closed_port: int, probe: MakeProbe) -> None:
    client = probe(kind, f"http://127.0.0.1:{closed_port}")
    error = await client.fail(op.method, *op.args)
    assert type(error) is TransportError and error.status is None
    assert FAILURES["refused", kind] in error.message
    assert client.tries == (3 if op.retried else 1)
    assert all(e.status is None and e.error == error.message for e in client.recorder.responses)


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("op", OPS)
async def test_a_failed_connection_once(
    kind: str, op: Op, fault: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    """A GET is tried again and succeeds; a write is never sent twice."""
    fault_server.script = [attrs.evolve(FAULTS[fault], body=op.body), op.reply()]
    client = probe(kind, fault_server.url)
    if op.retried:
        assert op.record(await client.call(op.method, *op.args)).id == 42
        assert client.tries == len(fault_server.seen) == 2
        assert client.recorder.outcomes[1] == 200
        assert FAILURES[fault, kind] in str(client.recorder.outcomes[0])
        return
    error = await client.fail(op.method, *op.args)
    assert type(error) is TransportError and error.status is None
    assert FAILURES[fault, kind] in error.message
    assert client.tries == len(fault_server.seen) == 1


@pytest.mark.parametrize("fault", sorted(FAULTS))
async def test_a_get_failing_every_time_is_tried_three_times(
    kind: str, fault: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    """Three tries exactly, as the server counts them: the connection library must not
    add tries of its own that the retry rules and plugins never see."""
    fault_server.script = [FAULTS[fault]]
    client = probe(kind, fault_server.url)
    error = await client.fail("get_non_association", 42)
    assert type(error) is TransportError and error.status is None
    assert FAILURES[fault, kind] in error.message
    assert client.tries == len(fault_server.seen) == 3


NOT_HTTP = {
    "sync": "BadStatusLine: HELLO",
    "async": 'ClientResponseError: 400, message="Bad status line:',
}


@pytest.mark.parametrize("op", OPS)
async def test_a_reply_that_is_not_http(
    kind: str, op: Op, fault_server: FaultServer, probe: MakeProbe
) -> None:
    """Something answers, but not in HTTP: no usable reply, tried as a failed connection is."""
    fault_server.script = [Reply(raw=b"HELLO THERE\r\n\r\n")]
    client = probe(kind, fault_server.url)
    error = await client.fail(op.method, *op.args)
    assert type(error) is TransportError and error.status is None
    assert error.message.startswith(f"a reply that is not HTTP ({NOT_HTTP[kind]}")
    assert client.tries == len(fault_server.seen) == (3 if op.retried else 1)


@pytest.mark.parametrize("scheme", ["http", "https"])
async def test_a_server_that_never_answers_the_connection(
    kind: str, scheme: str, probe: MakeProbe
) -> None:
    """The port accepts connections (the kernel completes them) but nothing reads or
    answers, not even a TLS handshake: each try ends at the response timeout."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"{scheme}://127.0.0.1:{silent.getsockname()[1]}"
        client = probe(kind, url, timeout=Timeout(response=0.3, deadline=5))
        started = time.monotonic()
        error = await client.fail("get_non_association", 42)
        elapsed = time.monotonic() - started
    assert type(error) is ApiTimeoutError and error.status is None
    expected = {
        ("sync", "http"): "TimeoutError: timed out",
        ("sync", "https"): "TimeoutError: _ssl.c:",
        ("async", "http"): "SocketTimeoutError: Timeout on reading data from socket",
        ("async", "https"): "ConnectionTimeoutError: Connection timeout to host https://",
    }[kind, scheme]
    assert error.message.startswith(f"no reply in time ({expected}")
    assert str(error).startswith(f"GET /non-associations/{{id}} to {url}: no reply in time (")
    assert str(error).endswith("; the service did not answer within the response timeout (0.3s)")
    assert "/non-associations/42" not in str(error)  # the path holds an ID: never quoted
    assert client.tries == 3
    assert 0.9 <= elapsed < 0.9 + 0.3 + 0.5


@pytest.mark.parametrize("op", OPS)
async def test_a_kept_connection_the_server_closed_is_not_reused(
    kind: str, op: Op, fault_server: FaultServer, probe: MakeProbe
) -> None:
    """The server closes an idle keep-alive connection between calls: the next call,
    even a write that is never retried, goes out on a new connection at the first try."""
    fault_server.script = [op.reply(close_after=True), op.reply()]
    client = probe(kind, fault_server.url)
    await client.call(op.method, *op.args)
    await asyncio.sleep(0.3)  # idle, as a connection is when a server's keep-alive ends
    await client.call(op.method, *op.args)
    assert client.recorder.outcomes == [op.status, op.status]
    assert client.tries == len(fault_server.seen) == 2
    assert fault_server.connections == 2


@pytest.mark.parametrize("op", OPS)
async def test_a_reply_slower_than_the_response_timeout(
    kind: str, op: Op, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [op.reply(delay=1.5)]
    client = probe(kind, fault_server.url, timeout=Timeout(response=0.3, deadline=5))
    started = time.monotonic()
    error = await client.fail(op.method, *op.args)
    elapsed = time.monotonic() - started
    assert type(error) is ApiTimeoutError and error.status is None
    assert FAILURES["slow", kind] in error.message
    tries = 3 if op.retried else 1
    assert client.tries == len(fault_server.seen) == tries
    assert 0.3 * tries <= elapsed < 0.3 * tries + 0.2 * (tries - 1) + 0.4


@pytest.mark.parametrize("op", OPS)
async def test_a_trickling_server_cannot_hold_a_call_past_its_deadline(
    kind: str, op: Op, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [op.reply(trickle=0.02)]
    client = probe(kind, fault_server.url, timeout=Timeout(response=0.5, deadline=1.0))
    started = time.monotonic()
    error = await client.fail(op.method, *op.args)
    elapsed = time.monotonic() - started
    assert type(error) is ApiTimeoutError and error.status is None
    assert error.message == "Deadline of 1s exceeded"
    assert client.tries == len(fault_server.seen) == 1
    assert 1.0 <= elapsed < 1.0 + 0.5


# --- statuses ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
@pytest.mark.parametrize("op", OPS)
async def test_a_server_error_then_success(
    kind: str, op: Op, status: int, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(status, body={"oops": True}), op.reply()]
    client = probe(kind, fault_server.url)
    if op.retried:
        assert op.record(await client.call(op.method, *op.args)).id == 42
        assert client.recorder.outcomes == [status, op.status]
        assert len(fault_server.seen) == 2
        return
    error = await client.fail(op.method, *op.args)
    assert type(error) is ServerError and error.status == status
    assert error.message == HTTPStatus(status).phrase
    assert client.recorder.outcomes == [status]
    assert len(fault_server.seen) == 1


@pytest.mark.parametrize("form", ["seconds", "http-date"])
@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_is_waited_for(
    kind: str, status: int, form: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    not_before = math.floor(time.time()) + 2 if form == "http-date" else time.time() + 1
    value = "1" if form == "seconds" else email.utils.formatdate(not_before, usegmt=True)
    fault_server.script = [Reply(status, body=None, headers={"Retry-After": value}), Reply()]
    client = probe(kind, fault_server.url)
    started = time.monotonic()
    assert (await client.call("get_non_association", 42)).id == 42
    assert time.time() >= not_before - 0.01
    assert time.monotonic() - started < 2.5
    assert client.recorder.outcomes == [status, 200]
    assert len(fault_server.seen) == 2


@pytest.mark.parametrize("status", [301, 302, 307, 308])
@pytest.mark.parametrize("op", OPS)
async def test_a_redirect_is_never_followed(
    kind: str,
    op: Op,
    status: int,
    fault_server: FaultServer,
    other_server: FaultServer,
    probe: MakeProbe,
) -> None:
    """The other origin named in Location receives nothing, so the token stays home."""
    location = f"{other_server.url}/non-associations/42"
    fault_server.script = [Reply(status, body=None, headers={"Location": location})]
    client = probe(kind, fault_server.url)
    error = await client.fail(op.method, *op.args)
    assert type(error) is RedirectRefusedError and error.status == status
    assert error.message.startswith(f"Redirect refused ({HTTPStatus(status).phrase})")
    assert error.headers["location"] == location
    assert client.recorder.outcomes == [status]
    assert len(fault_server.seen) == 1
    assert other_server.connections == 0 and other_server.seen == []


# --- bodies --------------------------------------------------------------------------


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


ENCODED = {
    "gzip": ("gzip", gzip.compress),
    "deflate-zlib": ("deflate", zlib.compress),
    "deflate-raw": ("deflate", _raw_deflate),
}


@pytest.mark.parametrize("encoded", sorted(ENCODED))
@pytest.mark.parametrize("op", OPS)
async def test_compressed_bodies_are_decoded(
    kind: str, op: Op, encoded: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    encoding, compress = ENCODED[encoded]
    body = compress(json.dumps(op.body).encode())
    fault_server.script = [Reply(op.status, body=body, headers={"Content-Encoding": encoding})]
    client = probe(kind, fault_server.url)
    first = op.record(await client.call(op.method, *op.args))
    assert isinstance(first, NonAssociation) and first.comment == NON_ASSOCIATION["comment"]
    assert client.recorder.outcomes == [op.status] and len(fault_server.seen) == 1
    assert fault_server.seen[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    ("encoding", "body", "problem"),
    [
        pytest.param("gzip", b"\x1f\x8b\x08\x00garbage", "cut short", id="gzip-garbage"),
        pytest.param("gzip", b"not gzip at all", "corrupt", id="gzip-not-gzip"),
        pytest.param(
            "gzip",
            gzip.compress(json.dumps(NON_ASSOCIATION).encode())[:40],
            "cut short",
            id="gzip-truncated",
        ),
        pytest.param("deflate", b"\xff\xfe not deflate", "corrupt", id="deflate-corrupt"),
        pytest.param("br", b"whatever", "content encoding 'br'", id="unasked-encoding"),
    ],
)
async def test_an_undecodable_2xx_body_is_an_unreadable_reply_tried_once(
    kind: str, encoding: str, body: bytes, problem: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(body=body, headers={"Content-Encoding": encoding})]
    client = probe(kind, fault_server.url)
    error = await client.fail("get_non_association", 42)
    assert type(error) is UnreadableResponseError and error.status is None
    assert error.message.startswith("Unreadable response (") and problem in error.message
    assert client.tries == len(fault_server.seen) == 1


async def test_a_list_of_10000_parses(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    many = [{**NON_ASSOCIATION, "id": number} for number in range(10_000)]
    fault_server.script = [Reply(body=many)]
    client = probe(kind, fault_server.url)
    result = await client.call(*(SEARCH.method, *SEARCH.args))
    assert len(result) == 10_000 and [result[0].id, result[-1].id] == [0, 9_999]
    assert all(isinstance(item, NonAssociation) for item in result)
    assert client.recorder.outcomes == [200]


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param(b'{"id": 42, "comment": ', "Input data was truncated", id="invalid-json"),
        pytest.param(
            b'{"comment": "\xff\xfe"}',
            "UnicodeDecodeError: 'utf-8' codec can't decode",
            id="not-utf8",
        ),
        pytest.param(b'{"comment": "\\ud800"}', "Input data was truncated", id="lone-surrogate"),
        pytest.param(b'{"id": NaN}', "JSON is malformed: invalid character", id="nan"),
        pytest.param(DEEP, "Expected `object`, got `array`", id="nested-100000-deep"),
        pytest.param(
            b'{"id": 42, "comment": ' + DEEP + b"}",
            "Expected `str`, got `array` - at `$.comment`",
            id="deep-field",
        ),
        pytest.param(b"", "Input data was truncated", id="empty"),
        pytest.param(b"null", "Expected `object`, got `null`", id="null"),
        pytest.param(b"[]", "Expected `object`, got `array`", id="list-for-object"),
    ],
)
@pytest.mark.parametrize("op", [pytest.param(GET, id="GET"), pytest.param(PUT, id="PUT")])
async def test_an_unreadable_2xx_body_is_a_transport_error_tried_once(
    kind: str, op: Op, body: bytes, problem: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(body=body)]
    client = probe(kind, fault_server.url)
    error = await client.fail(op.method, *op.args)
    assert type(error) is UnreadableResponseError and error.status is None
    assert error.message.startswith(f"Unreadable response ({problem}")
    assert client.recorder.outcomes == [200]
    assert len(fault_server.seen) == 1


LISTING = {
    "prisonerNumber": "A1234BC",
    "firstName": "Darren",
    "lastName": "Hollis",
    "prisonId": "MDI",
    "prisonName": "Moorland (HMP & YOI)",
    "cellLocation": "1-1-001",
    "openCount": 1,
    "closedCount": 0,
    "nonAssociations": [
        {
            "id": 42,
            "role": "VICTIM",
            "roleDescription": "Victim",
            "reason": "BULLYING",
            "reasonDescription": "Bullying",
            "restrictionType": "CELL",
            "restrictionTypeDescription": "Cell only",
            "comment": "Kept apart",
            "authorisedBy": "OFF3_GEN",
            "whenCreated": "2023-07-21T08:14:21",
            "whenUpdated": "2023-07-21T08:14:21",
            "updatedBy": "OFF3_GEN",
            "isClosed": False,
            "closedBy": None,
            "closedReason": None,
            "closedAt": None,
            "isOpen": True,
            "otherPrisonerDetails": {
                "prisonerNumber": "D5678EF",
                "role": "PERPETRATOR",
                "roleDescription": "Perpetrator",
                "firstName": "Fred",
                "lastName": "Jones",
                "prisonId": None,
                "prisonName": None,
                "cellLocation": None,
            },
        }
    ],
}
"""A prisoner's non-associations as the API sends them: the other prisoner out of prison."""


REMOVE = object()


def _changed(document: Any, path: str, value: Any) -> Any:
    """A copy of the document with the value at a dotted path (list indexes as numbers)
    replaced, or removed when `value` is REMOVE."""
    changed = json.loads(json.dumps(document))
    *steps, last = [int(step) if step.isdigit() else step for step in path.split(".")]
    parent = changed
    for step in steps:
        parent = parent[step]
    if value is REMOVE:
        del parent[last]
    else:
        parent[last] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        pytest.param(
            "openCount", "1", "Expected `int`, got `str` - at `$.openCount`", id="text-for-int"
        ),
        pytest.param(
            "openCount", 1.5, "Expected `int`, got `float` - at `$.openCount`", id="float-for-int"
        ),
        pytest.param(
            "openCount", True, "Expected `int`, got `bool` - at `$.openCount`", id="bool-for-int"
        ),
        pytest.param("openCount", -1, "Expected `int` >= 0 - at `$.openCount`", id="below-minimum"),
        pytest.param(
            "closedCount",
            2**31,
            "Expected `int` <= 2147483647 - at `$.closedCount`",
            id="past-int32",
        ),
        pytest.param(
            "firstName", 42, "Expected `str`, got `int` - at `$.firstName`", id="int-for-text"
        ),
        pytest.param(
            "prisonerNumber",
            None,
            "Expected `str`, got `null` - at `$.prisonerNumber`",
            id="null-for-identity",
        ),
        pytest.param(
            "nonAssociations.0.restrictionType",
            None,
            "Expected `str`, got `null` - at `$.nonAssociations[0].restrictionType`",
            id="null-for-a-deciding-field",
        ),
        pytest.param(
            "nonAssociations.0.whenCreated",
            None,
            "Expected `datetime`, got `null` - at `$.nonAssociations[0].whenCreated`",
            id="null-for-a-date",
        ),
        pytest.param(
            "prisonId",
            ["MDI"],
            "Expected `str | null`, got `array` - at `$.prisonId`",
            id="list-for-nullable",
        ),
        pytest.param(
            "firstName", REMOVE, "Object missing required field `firstName`", id="missing"
        ),
        pytest.param(
            "nonAssociations",
            {},
            "Expected `array`, got `object` - at `$.nonAssociations`",
            id="object-for-list",
        ),
        pytest.param(
            "nonAssociations.0.id",
            "42",
            "Expected `int`, got `str` - at `$.nonAssociations[0].id`",
            id="nested-text-for-id",
        ),
        pytest.param(
            "nonAssociations.0.isOpen",
            "yes",
            "Expected `bool`, got `str` - at `$.nonAssociations[0].isOpen`",
            id="text-for-bool",
        ),
        pytest.param(
            "nonAssociations.0.reason",
            7,
            "Expected `str`, got `int` - at `$.nonAssociations[0].reason`",
            id="int-for-enum",
        ),
        pytest.param(
            "nonAssociations.0.whenCreated",
            "21/07/2023",
            "Invalid RFC3339 encoded datetime - at `$.nonAssociations[0].whenCreated`",
            id="not-a-date-time",
        ),
        pytest.param(
            "nonAssociations.0.whenCreated",
            "2023-07-21T08:14:21Z",
            "Expected `datetime` with no timezone component"
            " - at `$.nonAssociations[0].whenCreated`",
            id="date-time-with-offset",
        ),
        pytest.param(
            "nonAssociations.0.closedAt",
            0,
            "Expected `datetime | null`, got `int` - at `$.nonAssociations[0].closedAt`",
            id="int-for-nullable-date-time",
        ),
        pytest.param(
            "nonAssociations.0.otherPrisonerDetails",
            "D5678EF",
            "Expected `object`, got `str` - at `$.nonAssociations[0].otherPrisonerDetails`",
            id="text-for-object",
        ),
        pytest.param(
            "nonAssociations.0.otherPrisonerDetails.prisonerNumber",
            5678,
            "Expected `str`, got `int`"
            " - at `$.nonAssociations[0].otherPrisonerDetails.prisonerNumber`",
            id="deeper",
        ),
    ],
)
async def test_a_reply_with_a_field_of_the_wrong_type_is_refused(
    kind: str,
    path: str,
    value: Any,
    problem: str,
    fault_server: FaultServer,
    probe: MakeProbe,
    scan: Scan,
) -> None:
    """Every field is checked against the document as the reply is read: a value the
    document does not allow is an UnreadableResponseError naming where it was, never a
    model holding it. The server did answer, so it is not asked again."""
    fault_server.script = [Reply(body=_changed(LISTING, path, value))]
    client = probe(kind, fault_server.url)
    error = await client.fail("list_non_associations", "A1234BC")
    assert type(error) is UnreadableResponseError and error.status is None
    assert error.message == f"Unreadable response ({problem})"
    assert client.recorder.outcomes == [200] and len(fault_server.seen) == 1
    scan.texts += [error.message, repr(error)]


async def test_the_listing_itself_is_read(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    """The reply the wrong-type cases change, unchanged, is a model."""
    fault_server.script = [Reply(body=LISTING)]
    client = probe(kind, fault_server.url)
    listing = await client.call("list_non_associations", "A1234BC")
    assert listing.non_associations[0].other_prisoner_details.prison_id is None
    assert listing.non_associations[0].when_created == datetime(2023, 7, 21, 8, 14, 21)


async def test_a_null_in_a_descriptive_field_is_read_as_none_and_reported(
    kind: str,
    fault_server: FaultServer,
    probe: MakeProbe,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Names and descriptions only describe a record: a null the document does not allow
    there is read as None, so the reads a safety check depends on still work when the
    service makes such a field nullable, and one warning names the fields (never their
    values) so the client gets updated."""
    body = _changed(LISTING, "firstName", None)
    body = _changed(body, "nonAssociations.0.comment", None)
    body = _changed(body, "nonAssociations.0.otherPrisonerDetails.lastName", None)
    body["nonAssociations"][0]["riskLevel"] = "HIGH"
    fault_server.script = [Reply(body=body)]
    client = probe(kind, fault_server.url)
    with caplog.at_level(logging.WARNING, logger="hmpps_non_associations_api"):
        listing = await client.call("list_non_associations", "A1234BC")
    item = listing.non_associations[0]
    assert listing.first_name is None and listing.last_name == "Hollis"
    assert item.comment is None and item.other_prisoner_details.last_name is None
    assert item.additional_properties == {"riskLevel": "HIGH"}
    assert item.restriction_type == "CELL" and item.other_prisoner_details.first_name == "Fred"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert (
        "null read as None in OtherPrisonerDetails.lastName, PrisonerNonAssociation.comment,"
        " PrisonerNonAssociations.firstName" in warnings[0]
    )
    assert warnings[0].startswith("Non-associations API GET /prisoner/A1234BC/non-associations:")
    assert client.recorder.outcomes == [200] and len(fault_server.seen) == 1


async def test_page_fields_of_the_wrong_type_end_the_walk(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    page = {"content": [NON_ASSOCIATION], "number": "0", "totalPages": "3", "last": False}
    fault_server.script = [Reply(body=page)]
    client = probe(kind, fault_server.url)
    error = await client.fail("iter_non_associations")
    assert type(error) is UnreadableResponseError and error.status is None
    assert error.message == "Unreadable response (Expected `int`, got `str` - at `$.number`)"
    assert error.operation == "iter_non_associations"
    assert client.recorder.outcomes == [200] and len(fault_server.seen) == 1


async def test_a_page_that_does_not_advance_ends_the_walk(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    """More pages promised, but the same page number comes back: an error, not a loop."""
    page = {"content": [NON_ASSOCIATION], "number": 0, "totalPages": 3, "last": False}
    fault_server.script = [Reply(body=page)]
    client = probe(kind, fault_server.url)
    error = await client.fail("iter_non_associations")
    assert type(error) is UnreadableResponseError and error.status is None
    assert error.message == "Unreadable response (asked for page 1, got page 0)"
    assert client.recorder.outcomes == [200, 200]
    assert [seen.path.rsplit("page=", 1)[1][:1] for seen in fault_server.seen] == ["0", "1"]


async def test_unknown_keys_are_kept(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    extra = {"riskLevel": "HIGH", "review": {"due": "2031-01-01", "by": ["A", 1, None]}}
    listing = {
        "prisonerNumber": "A1234BC",
        "firstName": "Darren",
        "lastName": "Hollis",
        "openCount": 1,
        "closedCount": 0,
        "nonAssociations": [],
        **extra,
    }
    nested = _changed(LISTING, "nonAssociations.0.otherPrisonerDetails.age", 31)
    nested["nonAssociations"][0]["riskLevel"] = "HIGH"
    fault_server.script = [
        Reply(body={**NON_ASSOCIATION, **extra}),
        Reply(body=listing),
        Reply(body=nested),
    ]
    client = probe(kind, fault_server.url)
    one = await client.call("get_non_association", 42)
    assert one.additional_properties == extra and one.id == 42
    prisoner = await client.call("list_non_associations", "A1234BC")
    assert prisoner.additional_properties == extra and prisoner.open_count == 1
    deeper = await client.call("list_non_associations", "A1234BC")
    item = deeper.non_associations[0]
    assert deeper.additional_properties == {} and item.additional_properties == {
        "riskLevel": "HIGH"
    }
    assert item.other_prisoner_details.additional_properties == {"age": 31}
    assert item.other_prisoner_details.first_name == "Fred" and item.id == 42
    assert client.recorder.outcomes == [200, 200, 200]


# --- TLS -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def untrusted_tls() -> ssl.SSLContext:
    """A server context with a certificate for 127.0.0.1 from a CA nobody trusts."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("127.0.0.1").configure_cert(context)
    return context


@pytest.fixture
def tls_server(untrusted_tls: ssl.SSLContext) -> Iterator[FaultServer]:
    server = FaultServer(tls=untrusted_tls)
    yield server
    server.close()


@pytest.mark.parametrize("op", OPS)
async def test_an_untrusted_certificate_fails_at_the_first_try(
    kind: str, op: Op, tls_server: FaultServer, probe: MakeProbe
) -> None:
    client = probe(kind, tls_server.url)
    error = await client.fail(op.method, *op.args)
    assert type(error) is TransportError and error.status is None
    assert "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed" in error.message
    assert client.tries == 1
    assert settled(lambda: tls_server.handshake_failures == 1)
    assert tls_server.connections == 1 and tls_server.seen == []


async def test_hmpps_auth_with_an_untrusted_certificate_fails_at_the_first_try(
    kind: str, tls_server: FaultServer, scan: Scan
) -> None:
    config = AuthConfig(url=f"{tls_server.url}/auth", client_id=CLIENT_ID, client_secret=SECRET)
    with pytest.raises(TransportError) as raised:
        if kind == "sync":
            with HmppsAuthClient(config) as auth:
                auth.get_system_client_token("USER1")
        else:
            async with AsyncHmppsAuthClient(config) as async_auth:
                await async_auth.get_system_client_token("USER1")
    error = scan.exc(raised.value)
    assert type(error) is TransportError and error.status is None
    assert error.message.startswith("HMPPS Auth token request failed (")
    assert "CERTIFICATE_VERIFY_FAILED" in error.message
    assert settled(lambda: tls_server.handshake_failures == 1)
    assert tls_server.connections == 1 and tls_server.seen == []


# --- the deadline covers the token ----------------------------------------------------

TRICKLED_TOKEN = "trickled-" + "t" * 600
TOKEN_BODY = {"access_token": TRICKLED_TOKEN, "token_type": "bearer", "expires_in": 3600}


def _auth_client(kind: str, url: str, **config: Any) -> Any:
    settings = AuthConfig(url=f"{url}/auth", client_id=CLIENT_ID, client_secret=SECRET, **config)
    return HmppsAuthClient(settings) if kind == "sync" else AsyncHmppsAuthClient(settings)


async def test_the_api_deadline_bounds_a_trickling_token_fetch(
    kind: str,
    fault_server: FaultServer,
    other_server: FaultServer,
    probe: MakeProbe,
    scan: Scan,
) -> None:
    """HMPPS Auth trickles the token (about 13 s in all); the API call's 2 s deadline
    ends the whole call, token fetch included, and the API is never reached."""
    scan.secrets.add(TRICKLED_TOKEN)
    fault_server.script = [Reply(body=TOKEN_BODY, trickle=0.02)]
    auth = _auth_client(kind, fault_server.url)  # its own deadline is the default 20 s
    client = probe(
        kind,
        other_server.url,
        token=auth.token_provider("USER1"),
        timeout=Timeout(response=2, deadline=2),
    )
    started = time.monotonic()
    error = await client.fail("get_non_association", 42)
    elapsed = time.monotonic() - started
    assert type(error) is ApiTimeoutError and error.status is None
    expected = {
        "sync": "HMPPS Auth token request timed out (",
        "async": "Deadline of 2s exceeded",
    }[kind]
    assert error.message.startswith(expected)
    # Either way the hint names the bound that ran out: the call's deadline, not a wait.
    assert "deadline (Timeout.deadline" in str(error) and "ran out while" in str(error)
    assert "response timeout" not in str(error)
    assert 2 <= elapsed < 2 + 0.5
    assert [seen.path for seen in fault_server.seen] == ["/auth/oauth/token"]
    assert other_server.connections == 0 and client.tries == 0


async def test_a_deadline_shorter_than_any_wait_is_named_in_the_hint(
    kind: str, fault_server: FaultServer, other_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(body=TOKEN_BODY, delay=0.5)]
    auth = _auth_client(kind, fault_server.url)  # Auth's own waits: 10 s
    client = probe(
        kind,
        other_server.url,
        token=auth.token_provider("USER1"),
        timeout=Timeout(response=0.0001, deadline=0.0002),
    )
    error = await client.fail("get_non_association", 42)
    assert type(error) is ApiTimeoutError
    assert "deadline (Timeout.deadline" in str(error) and "ran out while" in str(error)
    assert "response timeout" not in str(error) and "10s" not in str(error)


@pytest.mark.parametrize(
    ("timeout", "named"),
    [
        (Timeout(response=0.2, deadline=5), "response timeout (AuthConfig.timeout.response, 0.2s)"),
        (Timeout(response=0.3, deadline=0.3), "deadline (AuthConfig.timeout.deadline, 0.3s)"),
    ],
)
async def test_a_token_fetch_out_of_time_names_its_own_bound(
    kind: str, timeout: Timeout, named: str, fault_server: FaultServer, scan: Scan
) -> None:
    fault_server.script = [Reply(body=TOKEN_BODY, delay=1)]
    auth = _auth_client(kind, fault_server.url, timeout=timeout)
    with pytest.raises(ApiTimeoutError) as raised:
        token = auth.get_system_client_token("USER1")
        if kind == "async":
            await token
    assert named in str(scan.exc(raised.value))


async def test_the_auth_deadline_alone_bounds_a_trickling_token_fetch(
    kind: str, fault_server: FaultServer, scan: Scan
) -> None:
    scan.secrets.add(TRICKLED_TOKEN)
    fault_server.script = [Reply(body=TOKEN_BODY, trickle=0.02)]
    auth = _auth_client(kind, fault_server.url, timeout=Timeout(response=1.5, deadline=1.5))
    started = time.monotonic()
    with pytest.raises(TransportError) as raised:
        token = auth.get_system_client_token("USER1")
        if kind == "async":
            await token
    elapsed = time.monotonic() - started
    error = scan.exc(raised.value)
    assert type(error) is ApiTimeoutError and error.status is None
    assert error.message.startswith("HMPPS Auth token request timed out (")
    assert 1.5 <= elapsed < 1.5 + 0.5
    assert [seen.path for seen in fault_server.seen] == ["/auth/oauth/token"]
