"""A real HTTP/1.1 server on the loopback interface, and the two fakes served on it.

For code that cannot take an httpx transport: other HTTP clients, other
processes, or tests of connection handling and of a service going down.
`LoopbackServer` answers every request through a responder; `FakeApiServer`
and `FakeAuthServer` bind it to the fake API and the fake HMPPS Auth.
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from types import TracebackType
from typing import Self, TextIO

from ._api_handler import handle_api_request
from ._fake_api import FakeNonAssociationsApi
from ._fake_auth import FakeHmppsAuth
from ._http_exchange import Reply, Request, Responder

__all__ = ["FakeApiServer", "FakeAuthServer", "LoopbackServer"]


def _shut_down(connection: socket.socket) -> None:
    """End both directions of a connection, so the thread serving it stops reading."""
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class _RequestHandler(http.server.BaseHTTPRequestHandler):
    """Turns each HTTP request on a connection into a call of the server's responder."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _ThreadingServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, open=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, open=False)

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

    def _answer(self) -> None:
        body = self._read_body()
        headers = {name.lower(): value for name, value in self.headers.items()}
        reply = self.server.respond(Request(self.command, self.path, headers, body))
        self.server.log_request_line(self.command, self.path, reply.status)
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.status != 204:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


class _ThreadingServer(http.server.ThreadingHTTPServer):
    """A thread per connection, and a hold on every open one so that stopping cuts
    kept-alive connections off too."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], respond: Responder, log: TextIO | None) -> None:
        self.respond = respond
        self._log = log
        self._log_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._stopping = False
        super().__init__(address, _RequestHandler)

    def log_request_line(self, method: str, target: str, status: int) -> None:
        """One line per request answered, when asked to log: method, path, status (not
        the query, nor any header: the token stays out)."""
        if self._log is not None:
            with self._log_lock:
                print(f"{method} {target.partition('?')[0]} {status}", file=self._log, flush=True)

    def track(self, connection: socket.socket, *, open: bool) -> None:
        """Note a connection opening or closing; one opening while stopping is cut at once."""
        with self._connections_lock:
            if not open:
                self._connections.discard(connection)
                return
            if not self._stopping:
                self._connections.add(connection)
                return
        _shut_down(connection)

    def hang_up(self) -> None:
        """Cut every open connection, and any that opens from now on."""
        with self._connections_lock:
            self._stopping = True
            connections = list(self._connections)
        for connection in connections:
            _shut_down(connection)


class LoopbackServer:
    """Serves HTTP/1.1 on `host` (loopback by default) from a background thread,
    answering every request through `respond`; port 0 picks a free port.

    Use as a context manager (`with server:` then `server.url`), or call `start()`
    and `stop()`. Stopping closes the port and cuts open connections, so a client
    sees the service go down; starting again listens on the same port, so the URL
    stays the same. With `log` (a text stream), each request answered is written to
    it as one line: method, path and status.
    """

    def __init__(
        self,
        respond: Responder,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        thread_name: str = "fake-loopback-server",
        log: TextIO | None = None,
    ) -> None:
        self._respond = respond
        self._address = (host, port)
        self._thread_name = thread_name
        self._log = log
        self._server: _ThreadingServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port listened on; only while running."""
        if self._server is None:
            raise RuntimeError("the server is not running")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The base URL, e.g. `http://127.0.0.1:53211`; only while running."""
        if self._server is None:
            raise RuntimeError("the server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        """Bind and start serving in a daemon thread; nothing more if already running."""
        if self._server is None:
            self._server = _ThreadingServer(self._address, self._respond, self._log)
            self._address = (self._address[0], int(self._server.server_address[1]))
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=self._thread_name,
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections and release the port."""
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


class FakeApiServer(LoopbackServer):
    """A fake Non-associations API served over loopback HTTP; without a fake it makes a
    freshly seeded one, available as `.fake`. `url` is the API's base URL."""

    def __init__(
        self,
        fake: FakeNonAssociationsApi | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log: TextIO | None = None,
    ) -> None:
        self.fake = fake if fake is not None else FakeNonAssociationsApi()
        super().__init__(
            self._answer, host=host, port=port, thread_name="fake-non-associations-api", log=log
        )

    def _answer(self, request: Request) -> Reply:
        return handle_api_request(self.fake, request)


class FakeAuthServer(LoopbackServer):
    """A fake HMPPS Auth served over loopback HTTP; without a fake it makes a new one
    (knowing the default client), available as `.fake`. `url` is the Auth base URL
    (`http://127.0.0.1:PORT/auth`), which becomes the fake's token issuer on start.
    `stop()` makes Auth go down."""

    def __init__(
        self,
        fake: FakeHmppsAuth | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log: TextIO | None = None,
    ) -> None:
        self.fake = fake if fake is not None else FakeHmppsAuth()
        super().__init__(self._answer, host=host, port=port, thread_name="fake-hmpps-auth", log=log)

    @property
    def url(self) -> str:
        """The Auth base URL, e.g. `http://127.0.0.1:53212/auth`; only while running."""
        return f"{super().url}/auth"

    def start(self) -> Self:
        super().start()
        self.fake.issuer = self.url
        return self

    def _answer(self, request: Request) -> Reply:
        if self.fake.response_delay:
            time.sleep(self.fake.response_delay)
        return self.fake.respond(request)
