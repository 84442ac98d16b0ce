"""The pytest fixtures the package installs for applications."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from hmpps_non_associations_api.testing import (
    FakeApiServer,
    FakeNonAssociationsApi,
    decode_token,
    pytest_plugin,
)


def test_plugin_is_registered_by_entry_point(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.get_plugin("hmpps_non_associations_api") is pytest_plugin


def test_each_test_gets_a_fresh_fake(fake_non_associations_api: FakeNonAssociationsApi) -> None:
    assert [record.id for record in fake_non_associations_api.non_associations] == [1, 2, 3, 4]
    fake_non_associations_api.reset()


def test_server_serves_the_tests_fake(
    fake_non_associations_server: FakeApiServer,
    fake_non_associations_api: FakeNonAssociationsApi,
    non_associations_token: Callable[..., str],
) -> None:
    assert fake_non_associations_server.fake is fake_non_associations_api
    token = non_associations_token(roles=["READ_NON_ASSOCIATIONS"], username="APP_USER")
    response = httpx.get(
        f"{fake_non_associations_server.url}/non-associations/2",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.json()["id"] == 2
    assert fake_non_associations_api.requests == [("GET", "/non-associations/2")]


def test_token_factory(non_associations_token: Callable[..., str]) -> None:
    claims = decode_token(non_associations_token(roles=["SAR_DATA_ACCESS"], scopes=["read"]))
    assert claims is not None
    assert (claims.roles, claims.scopes, claims.username) == (
        frozenset({"ROLE_SAR_DATA_ACCESS"}),
        frozenset({"read"}),
        None,
    )
