"""A stand-in HMPPS Auth token endpoint for tests.

`FakeHmppsAuth` knows the registered system clients and answers the client-credentials
grant with unsigned JWTs, counting every request. Reach it in-process through
`FakeAuthTransport` (an httpx transport, sync and async) or over loopback through
`FakeAuthServer` (a real HTTP/1.1 server; stop it to simulate Auth being down).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import hmac
import http.server
import json
import math
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs

import attrs
import httpx

from .tokens import mint_token

__all__ = [
    "FAKE_CLIENT_ID",
    "FAKE_CLIENT_SECRET",
    "FakeAuthServer",
    "FakeAuthTransport",
    "FakeHmppsAuth",
    "FakeResponse",
    "FakeTokenRequest",
]

TOKEN_PATHS = ("/auth/oauth/token", "/oauth/token")

FAKE_CLIENT_ID = "hmpps-non-associations-fake-client"
"""The system client the pytest fixtures and `serve-auth` register by default."""
FAKE_CLIENT_SECRET = "fake-client-secret"
"""Its secret: a fixed, published value, good only against the fake."""


@attrs.frozen
class _Client:
    client_id: str
    secret: str = attrs.field(repr=False)
    roles: tuple[str, ...]
    expires_in: float
    scopes: tuple[str, ...]


@attrs.frozen
class FakeTokenRequest:
    """One request to the token endpoint, as the fake understood it (no credentials)."""

    method: str
    path: str
    client_id: str | None
    grant_type: str | None
    username: str | None
    status: int


@attrs.frozen
class FakeResponse:
    """What the fake answers: a status, headers and a body."""

    status: int
    headers: Mapping[str, str]
    body: bytes


def _json(status: int, document: Mapping[str, Any], **headers: str) -> FakeResponse:
    body = json.dumps(dict(document)).encode()
    return FakeResponse(
        status, {"Content-Type": "application/json", **headers, "Cache-Control": "no-store"}, body
    )


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class FakeHmppsAuth:
    """Registered system clients, the tokens issued to them, and request counts.

    Thread-safe. Set `response_delay` (seconds) to hold every answer back, so that
    concurrent callers pile up behind one request.
    """

    def __init__(self, *, issuer: str = "http://127.0.0.1/auth") -> None:
        self.issuer = issuer
        self.response_delay = 0.0
        self._lock = threading.Lock()
        self._clients: dict[str, _Client] = {}
        self._requests: list[FakeTokenRequest] = []
        self._by_username: Counter[str | None] = Counter()
        self._issued: list[str] = []

    def register_client(
        self,
        client_id: str,
        secret: str,
        *,
        roles: Iterable[str] = (),
        expires_in: float = 3600,
        scopes: Iterable[str] = ("read", "write"),
    ) -> None:
        """Add (or replace) a client; its tokens last `expires_in` seconds."""
        client = _Client(client_id, secret, tuple(roles), expires_in, tuple(scopes))
        with self._lock:
            self._clients[client_id] = client

    @property
    def token_requests(self) -> int:
        """How many requests reached the token endpoint, whatever their outcome."""
        with self._lock:
            return len(self._requests)

    @property
    def token_requests_by_username(self) -> dict[str | None, int]:
        """Token requests per `username` form field (None when absent)."""
        with self._lock:
            return dict(self._by_username)

    def token_requests_for(self, username: str | None) -> int:
        with self._lock:
            return self._by_username[username]

    @property
    def requests(self) -> list[FakeTokenRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def issued_tokens(self) -> list[str]:
        """Every access token handed out, oldest first."""
        with self._lock:
            return list(self._issued)

    def reset_counts(self) -> None:
        with self._lock:
            self._requests.clear()
            self._by_username.clear()

    def respond(
        self, method: str, path: str, authorization: str | None, body: bytes
    ) -> FakeResponse:
        """Answer one HTTP request (the form body undecoded)."""
        if path not in TOKEN_PATHS:
            return _json(404, {"status": 404, "error": "Not Found", "path": path})
        if method != "POST":
            return _json(405, {"status": 405, "error": "Method Not Allowed"}, Allow="POST")
        form = {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}
        credentials = self._credentials(authorization)
        client_id = credentials[0] if credentials else None
        grant_type, username = form.get("grant_type"), form.get("username")
        with self._lock:
            client = self._clients.get(client_id) if client_id is not None else None
            if (
                credentials is None
                or client is None
                or not hmac.compare_digest(client.secret.encode(), credentials[1].encode())
            ):
                response = _json(
                    401,
                    {"error": "unauthorized", "error_description": "Bad credentials"},
                    **{"WWW-Authenticate": 'Basic realm="oauth2/client"'},
                )
            elif grant_type != "client_credentials":
                response = _json(
                    400,
                    {
                        "error": "unsupported_grant_type" if grant_type else "invalid_request",
                        "error_description": f"Unsupported grant type: {grant_type}",
                    },
                )
            else:
                token = self._mint(client, username)
                self._issued.append(token)
                response = _json(
                    200,
                    {
                        "access_token": token,
                        "token_type": "bearer",
                        "expires_in": _number(client.expires_in),
                        "scope": " ".join(client.scopes),
                        "sub": username or client.client_id,
                        "auth_source": "none",
                        "iss": self.issuer,
                    },
                )
            self._requests.append(
                FakeTokenRequest(method, path, client_id, grant_type, username, response.status)
            )
            self._by_username[username] += 1
        return response

    @staticmethod
    def _mint(client: _Client, username: str | None) -> str:
        return mint_token(
            roles=client.roles,
            username=username or None,
            scopes=client.scopes,
            client_id=client.client_id,
            expires_in=math.ceil(client.expires_in),
        )

    @staticmethod
    def _credentials(authorization: str | None) -> tuple[str, str] | None:
        if not authorization:
            return None
        scheme, _, encoded = authorization.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        client_id, colon, secret = decoded.partition(":")
        return (client_id, secret) if colon else None


class FakeAuthTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport (sync and async) answering from a `FakeHmppsAuth`."""

    def __init__(self, fake: FakeHmppsAuth) -> None:
        self.fake = fake

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        if self.fake.response_delay:
            time.sleep(self.fake.response_delay)
        return self._answer(request, body)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        if self.fake.response_delay:
            await asyncio.sleep(self.fake.response_delay)
        return self._answer(request, body)

    def _answer(self, request: httpx.Request, body: bytes) -> httpx.Response:
        answer = self.fake.respond(
            request.method, request.url.path, request.headers.get("Authorization"), body
        )
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)


class _Server(http.server.ThreadingHTTPServer):
    """Keeps hold of open connections so that stopping really cuts them off."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], fake: FakeHmppsAuth) -> None:
        super().__init__(address, _Handler)
        self.fake = fake
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._stopping = False

    def track(self, connection: socket.socket) -> None:
        with self._connections_lock:
            if not self._stopping:
                self._connections.add(connection)
                return
        _cut(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)

    def cut_all(self) -> None:
        with self._connections_lock:
            self._stopping = True
            connections = list(self._connections)
        for connection in connections:
            _cut(connection)


def _cut(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # idle keep-alive connections are dropped after this
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def do_POST(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        fake = self.server.fake
        if fake.response_delay:
            time.sleep(fake.response_delay)
        answer = fake.respond(
            self.command, self.path.partition("?")[0], self.headers.get("Authorization"), body
        )
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: request lines would only clutter test output."""


class FakeAuthServer:
    """A `FakeHmppsAuth` served over HTTP/1.1 on loopback, in a background thread.

    Use as a context manager; `url` is the Auth base URL (`http://127.0.0.1:PORT/auth`).
    `stop()` closes the port and cuts open connections: Auth is then down.
    """

    def __init__(
        self, fake: FakeHmppsAuth | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.fake = fake if fake is not None else FakeHmppsAuth()
        self._address = (host, port)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the fake Auth server has not been started")
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self._address[0]}:{self.port}/auth"

    def start(self) -> FakeAuthServer:
        if self._server is not None:
            raise RuntimeError("the fake Auth server is already running")
        server = _Server(self._address, self.fake)
        self._server, self._port = server, server.server_address[1]
        self.fake.issuer = self.url
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering: the port is closed and open connections are cut."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.cut_all()
        server.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> FakeAuthServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
