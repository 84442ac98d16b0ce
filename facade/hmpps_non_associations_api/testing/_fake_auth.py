"""A stand-in HMPPS Auth token endpoint for tests.

`FakeHmppsAuth` knows the registered system clients and answers the client-credentials
grant with unsigned JWTs, counting every request. Reach it in-process through
`FakeAuthTransport` (an httpx transport, sync and async) or over loopback through
`FakeAuthServer` (a real HTTP/1.1 server; stop it to simulate Auth being down).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import math
import threading
from collections import Counter
from collections.abc import Iterable
from urllib.parse import parse_qs

import attrs

from ._http_exchange import Reply, Request, json_reply
from ._token_claims import ALL_ROLES, mint_token

__all__ = ["FAKE_CLIENT_ID", "FAKE_CLIENT_SECRET", "FakeHmppsAuth", "FakeTokenRequest"]

TOKEN_PATH = "/auth/oauth/token"
"""Where HMPPS Auth serves tokens: under its base URL, which ends in `/auth`. Only
there, so a configuration that leaves `/auth` out fails here as it would in
production."""

FAKE_CLIENT_ID = "hmpps-non-associations-fake-client"
"""The system client the pytest fixtures and `serve-auth` register by default."""
FAKE_CLIENT_SECRET = "fake-client-secret"
"""Its secret: a fixed, published value, good only against the fake."""

_NO_STORE = (("Cache-Control", "no-store"),)
"""Every token endpoint answer forbids caching, as OAuth requires."""


@attrs.frozen
class _RegisteredClient:
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


def _json_number(value: float) -> int | float:
    """A whole number of seconds as a JSON integer, any other as a fraction."""
    return int(value) if float(value).is_integer() else value


class FakeHmppsAuth:
    """Registered system clients, the tokens issued to them, and request counts.

    It starts knowing one system client, `FAKE_CLIENT_ID` with `FAKE_CLIENT_SECRET`,
    whose tokens carry every role the API checks; `register_client` adds or replaces
    clients and `remove_client` forgets one. Thread-safe. Set `response_delay`
    (seconds) to hold every answer back, so that concurrent callers pile up behind one
    request.
    """

    def __init__(self, *, issuer: str = "http://127.0.0.1/auth") -> None:
        self.issuer = issuer
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Back to how it started: only the default client, no requests, no tokens issued,
        no delay (the issuer stays)."""
        with self._lock:
            self.response_delay = 0.0
            self._clients: dict[str, _RegisteredClient] = {}
            self._requests: list[FakeTokenRequest] = []
            self._by_username: Counter[str | None] = Counter()
            self._issued: list[str] = []
        self.register_client(FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, roles=ALL_ROLES)

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
        client = _RegisteredClient(client_id, secret, tuple(roles), expires_in, tuple(scopes))
        with self._lock:
            self._clients[client_id] = client

    def remove_client(self, client_id: str) -> None:
        """Forget a client (its tokens already issued stay valid at the fake API);
        KeyError if it is not registered."""
        with self._lock:
            del self._clients[client_id]

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
        """Token requests with this `username` form field (None: those without one)."""
        with self._lock:
            return self._by_username[username]

    @property
    def requests(self) -> list[FakeTokenRequest]:
        """Every request to the token endpoint, oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def issued_tokens(self) -> list[str]:
        """Every access token handed out, oldest first."""
        with self._lock:
            return list(self._issued)

    def reset_counts(self) -> None:
        """Forget the requests seen so far; clients and issued tokens stay."""
        with self._lock:
            self._requests.clear()
            self._by_username.clear()

    def respond(self, request: Request) -> Reply:
        """Answer one HTTP request at once (the carriers apply `response_delay`)."""
        method, path = request.method, request.target.partition("?")[0]
        if path != TOKEN_PATH:
            return json_reply(404, {"status": 404, "error": "Not Found", "path": path}, _NO_STORE)
        if method != "POST":
            document = {"status": 405, "error": "Method Not Allowed"}
            return json_reply(405, document, (("Allow", "POST"), *_NO_STORE))
        form = {
            key: values[0]
            for key, values in parse_qs(request.body.decode("utf-8", "replace")).items()
        }
        credentials = self._basic_credentials(request.headers.get("authorization"))
        client_id = credentials[0] if credentials else None
        grant_type, username = form.get("grant_type"), form.get("username")
        with self._lock:
            client = self._clients.get(client_id) if client_id is not None else None
            if (
                credentials is None
                or client is None
                or not hmac.compare_digest(client.secret.encode(), credentials[1].encode())
            ):
                response = json_reply(
                    401,
                    {"error": "unauthorized", "error_description": "Bad credentials"},
                    (("WWW-Authenticate", 'Basic realm="oauth2/client"'), *_NO_STORE),
                )
            elif grant_type != "client_credentials":
                response = json_reply(
                    400,
                    {
                        "error": "unsupported_grant_type" if grant_type else "invalid_request",
                        "error_description": f"Unsupported grant type: {grant_type}",
                    },
                    _NO_STORE,
                )
            else:
                token = self._issue_token(client, username)
                self._issued.append(token)
                response = json_reply(
                    200,
                    {
                        "access_token": token,
                        "token_type": "bearer",
                        "expires_in": _json_number(client.expires_in),
                        "scope": " ".join(client.scopes),
                        "sub": username or client.client_id,
                        "auth_source": "none",
                        "iss": self.issuer,
                    },
                    _NO_STORE,
                )
            self._requests.append(
                FakeTokenRequest(method, path, client_id, grant_type, username, response.status)
            )
            self._by_username[username] += 1
        return response

    @staticmethod
    def _issue_token(client: _RegisteredClient, username: str | None) -> str:
        """A token carrying the client's roles and scopes, and the user if one was named."""
        return mint_token(
            roles=client.roles,
            username=username or None,
            scopes=client.scopes,
            client_id=client.client_id,
            expires_in=math.ceil(client.expires_in),
        )

    @staticmethod
    def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
        """The client ID and secret of an HTTP Basic `Authorization` header, if it is one."""
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
