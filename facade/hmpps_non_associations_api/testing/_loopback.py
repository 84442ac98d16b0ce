"""A real HTTP/1.1 server on the loopback interface, serving a fake API.

For code that cannot take an httpx transport: other HTTP clients, other
processes, or tests of connection handling.
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from types import TracebackType
from typing import Self

from ._api_handler import handle
from ._fake_api import FakeNonAssociationsApi
from ._query_parameters import parse_query

__all__ = ["FakeApiServer"]


class _RequestHandler(http.server.BaseHTTPRequestHandler):
    """Turns each HTTP request into a call of the shared handler."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, open=True)

    def finish(self) -> None:
        self.server.track(self.connection, open=False)
        super().finish()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while size := int(self.rfile.readline().split(b";")[0], 16):
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            return b"".join(chunks)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _serve(self) -> None:
        body = self._read_body()
        path, _, query = self.path.partition("?")
        headers = dict(self.headers)
        reply = handle(self.server.fake, self.command, path, parse_query(query), headers, body)
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.status != 204:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], fake: FakeNonAssociationsApi) -> None:
        self.fake = fake
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _RequestHandler)

    def track(self, connection: socket.socket, *, open: bool) -> None:
        """Note a connection opening or closing, so `hang_up` can reach kept-alive ones."""
        with self._connections_lock:
            if open:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def hang_up(self) -> None:
        """Shut every open connection so its thread ends."""
        with self._connections_lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)


class FakeApiServer:
    """A fake API served over HTTP on `host` (loopback by default); port 0 picks a free port.

    Use as a context manager (`with FakeApiServer() as server:` then call
    `server.url`), or call `start()` and `stop()`.
    """

    def __init__(
        self,
        fake: FakeNonAssociationsApi | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.fake = fake if fake is not None else FakeNonAssociationsApi()
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL, e.g. `http://127.0.0.1:53211`; only while running."""
        if self._server is None:
            raise RuntimeError("the server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        """Bind and start serving in a daemon thread."""
        if self._server is None:
            self._server = _Server(self._address, self.fake)
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="fake-non-associations-api",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close open connections and release the port."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._server = self._thread = None
        server.shutdown()
        server.hang_up()
        server.server_close()
        thread.join()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
