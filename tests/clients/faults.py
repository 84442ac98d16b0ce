"""A fault-injecting HTTP(S) server on 127.0.0.1 for the facade's behaviour and
reliability tests."""

from __future__ import annotations

import json
import socket
import socketserver
import ssl
import struct
import threading
import time
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import attrs
import pytest

from tests.payloads import OPEN_NON_ASSOCIATION

NON_ASSOCIATION = OPEN_NON_ASSOCIATION


@attrs.define
class Reply:
    """One scripted answer: a status and body, optionally slow, trickled or dropped.

    `drop` closes the connection instead of answering, `reset` aborts it (TCP RST),
    `cut_after` sends the head and only that many body bytes before closing,
    `close_after` answers in full, then closes the connection as a server does with an
    idle keep-alive connection (without announcing it in a `Connection` header), and
    `raw` sends exactly those bytes, whatever they are, and closes; `chunked` sends the
    body in chunks of 4 KiB with no `Content-Length`.
    """

    status: int = 200
    body: Any = attrs.field(factory=lambda: NON_ASSOCIATION)
    headers: dict[str, str] = attrs.field(factory=dict)
    delay: float = 0.0
    trickle: float | None = None
    drop: bool = False
    reset: bool = False
    cut_after: int | None = None
    close_after: bool = False
    raw: bytes | None = None
    chunked: bool = False


@attrs.define
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    client_port: int
    body: bytes = b""


class FaultServer:
    """Answers requests from a script of replies; the last reply repeats.

    `seen` lists the requests read, `connections` counts the connections accepted and
    `handshake_failures` the TLS handshakes that failed. With `tls` (a server-side SSL
    context) it speaks HTTPS, the handshake running in each connection's own thread.
    """

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.script: list[Reply] = [Reply()]
        self.seen: list[Seen] = []
        self.connections = 0
        self.handshake_failures = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            disable_nagle_algorithm = True  # the head and body go out in separate writes

            def setup(self) -> None:
                self.shaken = server._accepted(self, tls)
                super().setup()

            def finish(self) -> None:
                super().finish()
                if tls is not None:
                    self.request.close()

            def handle(self) -> None:
                if not self.shaken:
                    return
                while not server._stop.is_set():
                    line = self.rfile.readline()
                    if not line:
                        return
                    method, path, _ = line.decode().split(" ", 2)
                    headers: dict[str, str] = {}
                    while (header := self.rfile.readline().decode().strip()) != "":
                        name, value = header.split(":", 1)
                        headers[name.strip().lower()] = value.strip()
                    body = self.rfile.read(int(headers.get("content-length", "0")))
                    seen = Seen(method, path, headers, self.client_address[1], body)
                    reply = server._next(seen)
                    if reply.reset:
                        _abort(self.request)
                        return
                    if not server._answer(self.wfile, reply) or reply.close_after:
                        return

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        scheme = "http" if tls is None else "https"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()

    def _accepted(
        self, handler: socketserver.BaseRequestHandler, tls: ssl.SSLContext | None
    ) -> bool:
        """Count a new connection; for TLS, wrap it and shake hands (False if that fails)."""
        with self._lock:
            self.connections += 1
        if tls is None:
            return True
        try:
            handler.request = tls.wrap_socket(handler.request, server_side=True)
        except (ssl.SSLError, OSError):
            with self._lock:
                self.handshake_failures += 1
            return False
        return True

    def _next(self, seen: Seen) -> Reply:
        with self._lock:
            self.seen.append(seen)
            return self.script.pop(0) if len(self.script) > 1 else self.script[0]

    def _answer(self, out: Any, reply: Reply) -> bool:
        if reply.drop:
            return False
        time.sleep(reply.delay)
        if reply.raw is not None:
            out.write(reply.raw)
            out.flush()
            return False
        body = (
            b""
            if reply.body is None
            else (reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode())
        )
        known = reply.status in HTTPStatus._value2member_map_
        phrase = HTTPStatus(reply.status).phrase if known else "Unknown"
        framing = "Transfer-Encoding: chunked" if reply.chunked else f"Content-Length: {len(body)}"
        head = [f"HTTP/1.1 {reply.status} {phrase}", framing]
        if reply.chunked:
            body = b"".join(
                b"%x\r\n%s\r\n" % (len(body[at : at + 4096]), body[at : at + 4096])
                for at in range(0, len(body), 4096)
            )
            body += b"0\r\n\r\n"
        if not isinstance(reply.body, bytes):
            head.append("Content-Type: application/json")
        head += [f"{k}: {v}" for k, v in reply.headers.items()]
        try:
            out.write(("\r\n".join(head) + "\r\n\r\n").encode())
            out.flush()
            if reply.cut_after is not None:
                out.write(body[: reply.cut_after])
                out.flush()
                return False
            if reply.trickle is None:
                out.write(body)
                out.flush()
                return True
            for byte in body:
                if self._stop.is_set():
                    return False
                out.write(bytes([byte]))
                out.flush()
                time.sleep(reply.trickle)
        except OSError:
            return False
        return True

    def close(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()


def _abort(connection: socket.socket) -> None:
    """Close with a TCP reset rather than an orderly shutdown."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer()
    yield server
    server.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port
