"""The default connections send exactly the requests test_requests.py pins down.

Every case of test_requests.py is sent, sync and async, over the shared keep-alive
connections (no `transport=`) to a recording server on 127.0.0.1; the bytes that arrive
must be the case's method, path, query, body and headers, and the reply must parse.
"""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs
import pytest
from hmpps_non_associations_api import ApiConfig, AsyncNonAssociationsApi, NonAssociationsApi

from tests.clients.either import TOKEN, Runner
from tests.clients.test_requests import BEARER, CASES, NO_BODY, Case


@attrs.define
class Arrived:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


class Recorder:
    """Answers every request with the scripted reply and keeps what arrived."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.arrived: list[Arrived] = []
        self.status = 200
        self.body: Any = None
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_one(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                recorder.arrived.append(
                    Arrived(
                        self.command,
                        self.path,
                        {name.lower(): value for name, value in self.headers.items()},
                        self.rfile.read(length),
                    )
                )
                payload = b"" if recorder.body is None else json.dumps(recorder.body).encode()
                self.send_response(recorder.status)
                if payload:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = handle_one

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
            daemon_threads = True

        self.server = Server((host, 0), Handler)
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.stop()


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("case", CASES)
async def test_default_connections_send_the_case(kind: str, case: Case, recorder: Recorder) -> None:
    recorder.arrived.clear()
    recorder.status, recorder.body = case.status, case.response
    config = ApiConfig(recorder.url)
    if kind == "sync":
        client: NonAssociationsApi | AsyncNonAssociationsApi = NonAssociationsApi(TOKEN, config)
    else:
        client = AsyncNonAssociationsApi(TOKEN, config)

    result = await Runner(client)(case.call, *case.args, **case.kwargs)

    [arrived] = recorder.arrived
    path, _, query = arrived.target.partition("?")
    assert arrived.method == case.method
    assert path == case.path
    assert sorted(parse_qsl(query, keep_blank_values=True)) == sorted(case.params)
    assert arrived.headers["authorization"] == BEARER
    assert arrived.headers["host"] == urlsplit(recorder.url).netloc
    assert arrived.headers["user-agent"].startswith("hmpps-non-associations-api-python/")
    assert arrived.headers["accept"] == "application/json"
    if case.body is NO_BODY:
        assert arrived.body == b""
    else:
        assert arrived.headers["content-type"] == "application/json"
        assert json.loads(arrived.body) == case.body
    assert case.check(result), result


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_post_without_a_body_says_its_length_is_zero(kind: str, recorder: Recorder) -> None:
    # A server may wait for a body that never comes unless the request says there is none.
    recorder.arrived.clear()
    recorder.status, recorder.body = 200, {"done": True}
    config = ApiConfig(recorder.url)
    client: Any = (NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi)(TOKEN, config)

    result = await Runner(client)("request", "POST", "/some-new-action")

    [arrived] = recorder.arrived
    assert (arrived.method, arrived.target, arrived.body) == ("POST", "/some-new-action", b"")
    assert arrived.headers["content-length"] == "0"
    assert "content-type" not in arrived.headers
    assert result == {"done": True}


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_an_ipv6_address_is_named_in_brackets_in_the_host_header(kind: str) -> None:
    recorder = Recorder("::1")
    try:
        recorder.body = {"status": "UP"}
        config = ApiConfig(recorder.url)
        client: Any = (NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi)(
            TOKEN, config
        )

        assert await Runner(client)("ping") == "UP"
    finally:
        recorder.stop()

    [arrived] = recorder.arrived
    assert arrived.headers["host"] == urlsplit(recorder.url).netloc
    assert arrived.headers["host"].startswith("[::1]:")
