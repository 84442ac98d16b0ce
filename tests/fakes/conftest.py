"""Helpers shared by the fake API's tests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hmpps_non_associations_api.testing import FakeNonAssociationsApi, FakeTransport, mint_token

from tests.fakes.fake_api_cases import ALL_ROLES


@pytest.fixture
def fake() -> FakeNonAssociationsApi:
    return FakeNonAssociationsApi()


@pytest.fixture
def client(fake: FakeNonAssociationsApi) -> Iterator[httpx.Client]:
    """A client with every role, as user TEST_USER, served in process by `fake`."""
    token = mint_token(roles=ALL_ROLES, username="TEST_USER")
    with httpx.Client(
        transport=FakeTransport(fake),
        base_url="http://fake.test",
        headers={"Authorization": f"Bearer {token}"},
    ) as client:
        yield client
