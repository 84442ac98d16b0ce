"""Pytest fixtures for applications that call the Non-associations API.

Installed as the `hmpps_non_associations_api` pytest11 plugin, so the fixtures
are available wherever this distribution is installed. `non_associations_env`
points an application's own configuration (`ApiConfig.from_env()`,
`AuthConfig.from_env()`) at a fake API and a fake HMPPS Auth for one test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from .. import AsyncNonAssociationsApi, NonAssociationsApi
from .._config import API_PREFIX, AUTH_PREFIX, ApiConfig
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


@pytest.fixture
def fake_non_associations_api() -> FakeNonAssociationsApi:
    """A freshly seeded fake API for this test."""
    return FakeNonAssociationsApi()


@pytest.fixture
def fake_non_associations_server(
    fake_non_associations_api: FakeNonAssociationsApi,
) -> Iterator[FakeApiServer]:
    """The test's fake API served on 127.0.0.1; see `.url` and `.fake`."""
    with FakeApiServer(fake_non_associations_api) as server:
        yield server


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


@pytest.fixture
def fake_hmpps_auth() -> FakeHmppsAuth:
    """A fake HMPPS Auth for this test. It knows the system client `FAKE_CLIENT_ID` /
    `FAKE_CLIENT_SECRET`, whose tokens carry every role; register others as needed."""
    fake = FakeHmppsAuth()
    fake.register_client(FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, roles=ALL_ROLES)
    return fake


@pytest.fixture
def fake_hmpps_auth_server(fake_hmpps_auth: FakeHmppsAuth) -> Iterator[FakeAuthServer]:
    """The test's fake HMPPS Auth served on 127.0.0.1; `.url` is its base URL (`…/auth`)."""
    with FakeAuthServer(fake_hmpps_auth) as server:
        yield server


@pytest.fixture
def non_associations_env(
    monkeypatch: pytest.MonkeyPatch,
    fake_non_associations_server: FakeApiServer,
    fake_hmpps_auth_server: FakeAuthServer,
) -> dict[str, str]:
    """Set the variables an application reads (HMPPS_NON_ASSOCIATIONS_API_URL,
    HMPPS_AUTH_URL, HMPPS_AUTH_CLIENT_ID, HMPPS_AUTH_CLIENT_SECRET) to the test's fake
    servers, for this test only; returns them."""
    env = {
        f"{API_PREFIX}URL": fake_non_associations_server.url,
        f"{AUTH_PREFIX}URL": fake_hmpps_auth_server.url,
        f"{AUTH_PREFIX}CLIENT_ID": FAKE_CLIENT_ID,
        f"{AUTH_PREFIX}CLIENT_SECRET": FAKE_CLIENT_SECRET,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env
