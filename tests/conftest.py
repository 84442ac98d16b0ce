"""Shared fixtures: project paths, the upstream document, a loopback file server, and
the scan for leaked secrets."""

from __future__ import annotations

import gzip
import http.server
import json
import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.leaks import Scan

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
# The live API's own document as last pulled (`scripts/regenerate.py --pull` keeps it).
UPSTREAM_DOC = ROOT / "upstream" / "api-docs.json"

sys.path.insert(0, str(SCRIPTS))


@pytest.fixture
def reference_doc() -> dict[str, Any]:
    """The real document the live API served, from the repository's upstream copy."""
    loaded: dict[str, Any] = json.loads(UPSTREAM_DOC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def project_spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    return loaded


HttpHandler = Callable[[dict[str, Any]], tuple[int, Any]]
"""Given a request as {"method", "path", "body"} (the body parsed from JSON, gunzipped if
need be; b"" when there is none), the status and the JSON to answer (None: no body)."""


@pytest.fixture
def serve_http() -> Iterator[Callable[[HttpHandler], str]]:
    """Serve HTTP on 127.0.0.1, each request answered by handler(request); returns a
    function that starts a server for a handler and gives its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(handler: HttpHandler) -> str:
        class Reply(http.server.BaseHTTPRequestHandler):
            def answer(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                request = {"method": self.command, "path": self.path, "body": body}
                if body:
                    request["body"] = json.loads(body)
                status, reply = handler(request)
                data = json.dumps(reply).encode() if reply is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = answer

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Reply)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve_json(serve_http: Callable[[HttpHandler], str]) -> Callable[[Any], str]:
    """Serve JSON documents over HTTP on 127.0.0.1; returns a function giving each one's URL."""

    def serve(document: Any) -> str:
        return serve_http(lambda request: (200, document)) + "/v3/api-docs"

    return serve


@pytest.fixture
def scan(caplog: pytest.LogCaptureFixture) -> Iterator[Scan]:
    """A test that asks for it (or whose suite adds its secrets from an autouse fixture)
    fails if any secret of the scan's shows in a log record, a collected exception, its
    traceback or a collected text."""
    caplog.set_level(logging.DEBUG)
    collected = Scan()
    yield collected
    records = [r for when in ("setup", "call", "teardown") for r in caplog.get_records(when)]
    leaks = collected.leaks(records)
    assert not leaks, f"a secret or token leaked into: {leaks[:3]}"
