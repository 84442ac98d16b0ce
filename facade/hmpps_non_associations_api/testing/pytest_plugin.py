"""Pytest fixtures for applications that call the Non-associations API.

Installed as the `hmpps_non_associations_api` pytest11 plugin, so the fixtures
are available wherever this distribution is installed. `non_associations_env`
points an application's own configuration (`ApiConfig.from_env()`,
`AuthConfig.from_env()`) at a fake API and a fake HMPPS Auth.

The two fakes and their servers live for the whole test session, so their URLs are
the same in every test: an application that reads its configuration once (at import,
or cached on first use) keeps reaching them. Each test starts them afresh: the fakes
are reset (seed data, clients, request counts) before it, and a server a test stopped
is started again, on the same port.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from .. import AsyncNonAssociationsApi, NonAssociationsApi
from .._settings._config import API_PREFIX, AUTH_PREFIX, ApiConfig
from ._fake_api import FakeNonAssociationsApi
from ._fake_auth import FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeHmppsAuth
from ._loopback import FakeApiServer, FakeAuthServer
from ._token_claims import ALL_ROLES, mint_token

__all__ = [
    "async_non_associations_client",
    "fake_hmpps_auth",
    "fake_hmpps_auth_server",
    "fake_non_associations_api",
    "fake_non_associations_server",
    "non_associations_client",
    "non_associations_env",
    "non_associations_token",
]

TEST_USERNAME = "TEST_USER"

TokenFactory = Callable[..., str]


@pytest.fixture(scope="session")
def _session_fake_api_server() -> Iterator[FakeApiServer]:
    """The fake API and its server, for the whole session (one URL for every test)."""
    with FakeApiServer(FakeNonAssociationsApi()) as server:
        yield server


@pytest.fixture
def fake_non_associations_api(
    _session_fake_api_server: FakeApiServer,
) -> FakeNonAssociationsApi:
    """The fake API, freshly seeded for this test."""
    fake = _session_fake_api_server.fake
    fake.reset()
    return fake


@pytest.fixture
def fake_non_associations_server(
    _session_fake_api_server: FakeApiServer, fake_non_associations_api: FakeNonAssociationsApi
) -> FakeApiServer:
    """That fake served on 127.0.0.1 (`.url`, `.fake`), at the same URL in every test of
    the session; running at the start of each test, even if an earlier one stopped it."""
    return _session_fake_api_server.start()


@pytest.fixture
def non_associations_token() -> TokenFactory:
    """Mints unsigned tokens the fake accepts: `non_associations_token(roles=[...], ...)`."""

    def factory(
        *,
        roles: Iterable[str] = (),
        username: str | None = None,
        scopes: Iterable[str] = ("read", "write"),
    ) -> str:
        return mint_token(roles=roles, username=username, scopes=scopes)

    return factory


@pytest.fixture
def non_associations_client(
    fake_non_associations_server: FakeApiServer,
) -> Iterator[NonAssociationsApi]:
    """A client bound to the test's fake server, with every role and a username."""
    token = mint_token(roles=ALL_ROLES, username=TEST_USERNAME)
    with NonAssociationsApi(token, ApiConfig(fake_non_associations_server.url)) as client:
        yield client


@pytest.fixture
def async_non_associations_client(
    fake_non_associations_server: FakeApiServer,
) -> AsyncNonAssociationsApi:
    """The asyncio twin of `non_associations_client`. A plain fixture, so it works with
    any async test runner; it owns no connections (the shared pool does)."""
    token = mint_token(roles=ALL_ROLES, username=TEST_USERNAME)
    return AsyncNonAssociationsApi(token, ApiConfig(fake_non_associations_server.url))


@pytest.fixture(scope="session")
def _session_fake_auth_server() -> Iterator[FakeAuthServer]:
    """The fake HMPPS Auth and its server, for the whole session."""
    with FakeAuthServer(FakeHmppsAuth()) as server:
        yield server


@pytest.fixture
def fake_hmpps_auth(_session_fake_auth_server: FakeAuthServer) -> FakeHmppsAuth:
    """The fake HMPPS Auth, reset for this test: it knows the system client
    `FAKE_CLIENT_ID` / `FAKE_CLIENT_SECRET`, whose tokens carry every role; register
    others as needed."""
    fake = _session_fake_auth_server.fake
    fake.reset()
    return fake


@pytest.fixture
def fake_hmpps_auth_server(
    _session_fake_auth_server: FakeAuthServer, fake_hmpps_auth: FakeHmppsAuth
) -> FakeAuthServer:
    """That fake served on 127.0.0.1; `.url` is its base URL (`…/auth`), the same in
    every test of the session."""
    return _session_fake_auth_server.start()


@pytest.fixture
def non_associations_env(
    monkeypatch: pytest.MonkeyPatch,
    fake_non_associations_server: FakeApiServer,
    fake_hmpps_auth_server: FakeAuthServer,
) -> dict[str, str]:
    """Set the variables an application reads (HMPPS_NON_ASSOCIATIONS_API_URL,
    HMPPS_AUTH_URL, HMPPS_AUTH_CLIENT_ID, HMPPS_AUTH_CLIENT_SECRET) to the fake servers,
    for this test; returns them. The values are the same in every test of the session."""
    env = {
        f"{API_PREFIX}URL": fake_non_associations_server.url,
        f"{AUTH_PREFIX}URL": fake_hmpps_auth_server.url,
        f"{AUTH_PREFIX}CLIENT_ID": FAKE_CLIENT_ID,
        f"{AUTH_PREFIX}CLIENT_SECRET": FAKE_CLIENT_SECRET,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env
