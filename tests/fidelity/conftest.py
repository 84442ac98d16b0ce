"""Fixtures of the fidelity suite: a frozen-clock fake behind a real loopback server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hmpps_non_associations_api.testing import FakeApiServer, FakeNonAssociationsApi

from tests.fidelity.stage import CAST, NOW, Store


@pytest.fixture(scope="session")
def fake() -> FakeNonAssociationsApi:
    return FakeNonAssociationsApi(seed=False, clock=lambda: NOW)


@pytest.fixture(scope="session")
def server(fake: FakeNonAssociationsApi) -> Iterator[FakeApiServer]:
    with FakeApiServer(fake) as running:
        yield running


@pytest.fixture(scope="session")
def http(server: FakeApiServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url) as client:
        yield client


@pytest.fixture(autouse=True)
def fresh(fake: FakeNonAssociationsApi) -> None:
    """Every test starts with an empty database and the whole cast in prisoner search."""
    fake.reset()
    for prisoner in CAST:
        fake.add_prisoner(prisoner)


@pytest.fixture
def store(fake: FakeNonAssociationsApi) -> Store:
    return Store(fake)
