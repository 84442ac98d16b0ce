"""Pytest fixtures for applications that call the Non-associations API.

Installed as the `hmpps_non_associations_api` pytest11 plugin, so the fixtures
are available wherever this distribution is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from ..client import AsyncNonAssociationsApi, NonAssociationsApi
from ..config import ApiConfig
from .server import FakeApiServer
from .store import FakeNonAssociationsApi
from .tokens import ALL_ROLES, mint_token

__all__ = [
    "async_non_associations_client",
    "fake_non_associations_api",
    "fake_non_associations_server",
    "non_associations_client",
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
