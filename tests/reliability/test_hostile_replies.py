"""What a hostile or broken reply can do, and what each client does instead: repeated,
folded and dirty headers, server text built to forge log lines, replies too large to
hold, and bodies in encodings that cannot be undone. Sync and async over loopback
sockets, and through an application's httpx transport where that reads the wire itself.
"""

from __future__ import annotations

import gzip
import json
import logging
import tracemalloc
import zlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    Limits,
    NonAssociationsApi,
    NotFoundError,
    RetryPolicy,
    ServerError,
    UnreadableResponseError,
)

from tests.clients.either import Runner
from tests.clients.faults import NON_ASSOCIATION, FaultServer, Reply
from tests.reliability.conftest import Probe

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])

MakeProbe = Callable[..., Probe]
BODY = json.dumps(NON_ASSOCIATION).encode()


def raw_reply(head: list[str], body: bytes = BODY) -> bytes:
    """A reply written byte for byte: the status line and headers as given."""
    lines = [*head, f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


# --- 4. reply headers ------------------------------------------------------------------

DIRTY_HEADERS = [
    "HTTP/1.1 200 OK",
    "Content-Type: application/json",
    "Link: <https://api.test/a>; rel=first",
    "Link: <https://api.test/b>; rel=next",
    "X-Folded: first part\r\n\t second part",
    "X-Padded:    padded value   ",
    "X-Escape: before\x1b[31mafter",
    'Warning: 199 - "one"',
    'warning: 199 - "two"',
]


async def test_reply_headers_keep_every_value_trimmed_and_unfolded(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(raw=raw_reply(DIRTY_HEADERS))]
    client = probe(kind, fault_server.url)
    raw = await Runner(client.api.with_raw_response)("get_non_association", 42)
    headers = raw.headers
    assert headers.get_list("link") == [
        "<https://api.test/a>; rel=first",
        "<https://api.test/b>; rel=next",
    ]
    assert headers["Link"] == "<https://api.test/a>; rel=first, <https://api.test/b>; rel=next"
    assert headers.get_list("WARNING") == ['199 - "one"', '199 - "two"']
    assert headers["x-folded"] == "first part second part"
    assert headers["x-padded"] == "padded value"
    assert headers["x-escape"] == "before [31mafter"
    assert headers.get_list("x-absent") == [] and "x-absent" not in headers
    assert "content-type" in headers and "Content-Type" in headers
    for value in (value for _, value in headers.multi_items()):
        assert value == value.strip() and value.isprintable(), value


async def test_an_errors_headers_keep_every_value_too(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    head = ["HTTP/1.1 404 Not Found", *DIRTY_HEADERS[1:]]
    fault_server.script = [Reply(raw=raw_reply(head, b'{"status": 404}'))]
    error = await probe(kind, fault_server.url).fail("get_non_association", 42)
    assert isinstance(error, NotFoundError)
    assert error.headers.get_list("link") == [
        "<https://api.test/a>; rel=first",
        "<https://api.test/b>; rel=next",
    ]
    assert error.headers["x-folded"] == "first part second part"


async def test_headers_through_an_httpx_transport_are_read_alike(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(raw=raw_reply(DIRTY_HEADERS))]
    client = with_transport(kind, fault_server.url)
    raw = await Runner(client.with_raw_response)("get_non_association", 42)
    assert raw.headers.get_list("link") == [
        "<https://api.test/a>; rel=first",
        "<https://api.test/b>; rel=next",
    ]
    assert raw.headers["x-folded"] == "first part second part"
    assert raw.headers["x-padded"] == "padded value"
    assert raw.headers["x-escape"] == "before [31mafter"


# --- 5. server text in messages and logs ------------------------------------------------

FORGED = "Nothing found\r\n2026-12-07 ERROR forged line\x1b[2J\x1b]0;owned\x07"


async def test_the_apis_message_is_escaped_and_cut_short_in_str_and_logs(
    kind: str, fault_server: FaultServer, probe: MakeProbe, caplog: pytest.LogCaptureFixture
) -> None:
    message = FORGED + "x" * 2_000_000
    error_body = {"status": 404, "userMessage": message, "developerMessage": "d"}
    fault_server.script = [Reply(404, body=error_body)]
    error = await probe(kind, fault_server.url).fail("get_non_association", 42)
    shown = [str(error), error.outcome, *(record.getMessage() for record in caplog.records)]
    for text in shown:
        assert "\r" not in text and "\n" not in text and "\x1b" not in text and "\x07" not in text
        assert len(text) < 1_000
    assert "Nothing found\\r\\n2026-12-07 ERROR forged line\\x1b[2J" in str(error)
    assert f"... ({len(message) - 300} more characters)" in str(error)
    # The whole of it stays on the exception.
    assert error.data.user_message == message  # type: ignore[union-attr]
    assert json.loads(error.text)["userMessage"] == message


async def test_a_reason_phrase_with_control_characters_is_escaped(
    kind: str, fault_server: FaultServer, probe: MakeProbe, caplog: pytest.LogCaptureFixture
) -> None:
    head = ["HTTP/1.1 404 Not\x1b[2J Found", "Content-Type: application/json"]
    fault_server.script = [Reply(raw=raw_reply(head, b"{}"))]
    error = await probe(kind, fault_server.url).fail("get_non_association", 42)
    failed = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "Not\\x1b[2J Found" in str(error) and failed
    assert all("\x1b" not in text for text in (str(error), *failed))


async def test_a_library_quoting_a_garbled_reply_cannot_forge_a_log_line(
    kind: str, fault_server: FaultServer, probe: MakeProbe, caplog: pytest.LogCaptureFixture
) -> None:
    fault_server.script = [Reply(raw=b"NOT HTTP\x1b[2J forged\r\n\r\n")]
    client = probe(kind, fault_server.url, retry=RetryPolicy(attempts=2, backoff=0))
    error = await client.fail("get_non_association", 42)
    texts = [str(error), *(record.getMessage() for record in caplog.records)]
    assert all("\x1b" not in text and "\n" not in text for text in texts)


# --- 6. the size of a reply --------------------------------------------------------------

SMALL = Limits(max_response_size=4096)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_a_body_past_the_limit_is_unreadable_and_its_connection_dropped(
    kind: str, chunked: bool, fault_server: FaultServer, probe: MakeProbe
) -> None:
    # Larger than any socket buffer, so the rest is still on its way when the client
    # stops reading: the connection must then be closed, not lent to the next call.
    large = {**NON_ASSOCIATION, "comment": "x" * (16 << 20)}
    fault_server.script = [Reply(body=large, chunked=chunked), Reply(chunked=chunked)]
    client = probe(kind, fault_server.url, limits=SMALL)
    error = await client.fail("get_non_association", 42)
    assert type(error) is UnreadableResponseError and error.status is None
    assert "Limits.max_response_size (4,096 bytes)" in error.message
    assert error.text == ""
    assert client.tries == len(fault_server.seen) == 1  # not retried
    assert (await client.call("get_non_association", 42)).id == 42
    assert fault_server.connections == 2  # the first was closed, not reused


async def test_a_body_at_the_limit_is_read(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(body=BODY)]
    client = probe(kind, fault_server.url, limits=Limits(max_response_size=len(BODY)))
    assert (await client.call("get_non_association", 42)).id == 42
    assert (await client.call("get_non_association", 42)).id == 42
    assert fault_server.connections == 1


def bomb(size: int) -> bytes:
    """`size` bytes of zeros, gzipped: about a thousandth of that on the wire."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1 << 20)
    return b"".join(compressor.compress(block) for _ in range(size >> 20)) + compressor.flush()


async def test_a_gzip_bomb_stops_at_the_limit(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    body = bomb(256 << 20)
    assert len(body) < 300_000
    fault_server.script = [Reply(body=body, headers={"Content-Encoding": "gzip"})]
    client = probe(kind, fault_server.url, limits=Limits(max_response_size=1 << 20))
    tracemalloc.start()
    try:
        error = await client.fail("get_non_association", 42)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert type(error) is UnreadableResponseError
    assert "Limits.max_response_size (1,048,576 bytes)" in error.message
    assert peak < 16 << 20, f"peak {peak:,} bytes"


async def test_the_default_limit_stops_a_bomb_and_reads_a_large_listing(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    assert Limits().max_response_size == 32 << 20
    many = [{**NON_ASSOCIATION, "id": number} for number in range(2_000)]
    fault_server.script = [
        Reply(body=gzip.compress(json.dumps(many).encode()), headers={"Content-Encoding": "gzip"}),
        Reply(body=bomb(64 << 20), headers={"Content-Encoding": "gzip"}),
    ]
    client = probe(kind, fault_server.url)
    assert len(await client.call("list_non_associations_between", ["A1234BC", "B2345CD"])) == 2_000
    error = await client.fail("get_non_association", 42)
    assert "Limits.max_response_size (33,554,432 bytes)" in error.message


async def test_an_error_past_the_limit_keeps_its_status(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(404, body={"userMessage": "x" * 10_000})]
    error = await probe(kind, fault_server.url, limits=SMALL).fail("get_non_association", 42)
    assert type(error) is NotFoundError and error.status == 404 and error.text == ""


async def test_a_server_error_past_the_limit_is_retried_as_any(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(503, body={"userMessage": "x" * 10_000}), Reply()]
    client = probe(kind, fault_server.url, limits=SMALL, retry=RetryPolicy(backoff=0))
    assert (await client.call("get_non_association", 42)).id == 42
    assert client.recorder.outcomes == [503, 200]


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_the_limit_holds_through_an_httpx_transport(
    kind: str, chunked: bool, fault_server: FaultServer
) -> None:
    large = {**NON_ASSOCIATION, "comment": "x" * (16 << 20)}
    fault_server.script = [
        Reply(body=large, chunked=chunked),
        Reply(body=bomb(2 << 20), headers={"Content-Encoding": "gzip"}),  # 2 KB sent
        Reply(),
    ]
    client = with_transport(kind, fault_server.url, limits=SMALL)
    run = Runner(client)
    for _ in range(2):
        with pytest.raises(UnreadableResponseError, match=r"Limits\.max_response_size"):
            await run("get_non_association", 42)
    assert (await run("get_non_association", 42)).id == 42
    # The first closed with its body unread; the bomb, read whole, decoded no further
    # than the limit, left its connection fit for the next call.
    assert fault_server.connections == 2


# --- 7. bodies in an encoding that cannot be undone ---------------------------------------


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_a_corrupt_error_body_keeps_its_status(
    kind: str, encoding: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [
        Reply(404, body=b"\x1f\x8b corrupt", headers={"Content-Encoding": encoding})
    ]
    error = await probe(kind, fault_server.url).fail("get_non_association", 42)
    assert type(error) is NotFoundError and error.status == 404 and error.text == ""


async def test_a_corrupt_server_error_is_still_retried(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    corrupt = Reply(502, body=b"corrupt", headers={"Content-Encoding": "gzip"})
    fault_server.script = [corrupt, corrupt, corrupt]
    client = probe(kind, fault_server.url, retry=RetryPolicy(backoff=0))
    error = await client.fail("get_non_association", 42)
    assert type(error) is ServerError and client.recorder.outcomes == [502, 502, 502]


async def test_raw_response_of_an_undecodable_body_is_an_unreadable_reply(
    kind: str, fault_server: FaultServer, probe: MakeProbe
) -> None:
    fault_server.script = [Reply(body=b"corrupt", headers={"Content-Encoding": "gzip"})]
    client = probe(kind, fault_server.url)
    with pytest.raises(UnreadableResponseError, match="gzip body is corrupt"):
        await Runner(client.api.with_raw_response)("get_non_association", 42)


async def test_encodings_through_an_httpx_transport_decide_alike(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [
        Reply(body=gzip.compress(BODY), headers={"Content-Encoding": "gzip"}),
        Reply(body=b"corrupt", headers={"Content-Encoding": "gzip"}),
        Reply(404, body=b"corrupt", headers={"Content-Encoding": "gzip"}),
    ]
    run = Runner(with_transport(kind, fault_server.url))
    assert (await run("get_non_association", 42)).id == 42
    with pytest.raises(UnreadableResponseError, match="gzip body is corrupt"):
        await run("get_non_association", 42)
    with pytest.raises(NotFoundError) as raised:
        await run("get_non_association", 42)
    assert raised.value.text == ""


def with_transport(kind: str, url: str, **options: Any) -> Any:
    """A client sending through an httpx transport of its own, over real sockets."""
    config = ApiConfig(url, retry=RetryPolicy(attempts=1), **options)
    if kind == "sync":
        return NonAssociationsApi("token", config, transport=httpx.HTTPTransport())
    return AsyncNonAssociationsApi("token", config, transport=httpx.AsyncHTTPTransport())
