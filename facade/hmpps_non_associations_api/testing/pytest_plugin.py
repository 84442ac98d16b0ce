"""Pytest fixtures for applications that call the Non-associations API.

Installed as the `hmpps_non_associations_api` pytest11 plugin, so the fixtures
are available wherever this distribution is installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from .server import FakeApiServer
from .store import FakeNonAssociationsApi
from .tokens import mint_token

__all__ = [
    "fake_non_associations_api",
    "fake_non_associations_server",
    "non_associations_token",
]

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


# Fixtures that give a facade client bound to the fake belong here, next to these.
