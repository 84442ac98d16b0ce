"""Shared fixtures: project paths, the upstream document, and a loopback file server."""

from __future__ import annotations

import http.server
import json
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

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


@pytest.fixture
def serve_json() -> Iterator[Callable[[Any], str]]:
    """Serve JSON documents over HTTP on 127.0.0.1; returns a function giving each one's URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(document: Any) -> str:
        body = json.dumps(document).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/v3/api-docs"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
