"""The pytest plugin's client fixtures, used as the README shows."""

from __future__ import annotations

import json
import os
import re

from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    AuthConfig,
    HmppsAuthClient,
    NonAssociationsApi,
)
from hmpps_non_associations_api.testing import (
    ALL_ROLES,
    FAKE_CLIENT_ID,
    FAKE_CLIENT_SECRET,
    FakeApiServer,
    FakeAuthServer,
    FakeHmppsAuth,
    FakeNonAssociationsApi,
)

from tests.conftest import ROOT


def test_my_view(
    non_associations_client: NonAssociationsApi, fake_non_associations_server: FakeApiServer
) -> None:
    prisoner = non_associations_client.list_non_associations("A1234BC")
    assert prisoner.open_count == 1
    assert prisoner.non_associations[0].other_prisoner_details.prisoner_number == "B2345CD"


async def test_async_client_fixture(
    async_non_associations_client: AsyncNonAssociationsApi,
) -> None:
    created = await async_non_associations_client.create_non_association(
        {
            "firstPrisonerNumber": "B2345CD",
            "firstPrisonerRole": "VICTIM",
            "secondPrisonerNumber": "C3456DE",
            "secondPrisonerRole": "PERPETRATOR",
            "reason": "OTHER",
            "restrictionType": "CELL",
            "comment": "Made through the fixture",
        }
    )
    assert created.updated_by == "TEST_USER"


def test_client_fixture_has_every_role(non_associations_client: NonAssociationsApi) -> None:
    assert non_associations_client.subject_access_request(prn="A1234BC") is not None
    assert non_associations_client.get_legacy_non_association(1).id == 1
    non_associations_client.close_non_association(1, {"closedReason": "Moved"})
    non_associations_client.reopen_non_association(1, {"reopenReason": "Back"})
    non_associations_client.delete_non_association(
        1, {"deletionReason": "Made in error", "staffUserNameRequestingDeletion": "ME"}
    )


def test_every_role_the_api_names_is_in_all_roles() -> None:
    spec = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    named = {
        f"ROLE_{role}"
        for item in spec["paths"].values()
        for op in item.values()
        for role in re.findall(r"\b([A-Z_]{4,}) role\b", op["description"])
    }
    assert len(named) == 6
    assert named == set(ALL_ROLES)


def test_an_application_configured_from_the_environment(
    non_associations_env: dict[str, str],
    fake_hmpps_auth: FakeHmppsAuth,
    fake_non_associations_api: FakeNonAssociationsApi,
) -> None:
    # What an application does at start-up and in a request handler.
    hmpps_auth = HmppsAuthClient(AuthConfig.from_env())
    with hmpps_auth:
        api = NonAssociationsApi(hmpps_auth.token_provider("APP_USER"), ApiConfig.from_env())
        assert api.subject_access_request(prn="A1234BC") is not None
        created = api.create_non_association(
            {
                "firstPrisonerNumber": "B2345CD",
                "firstPrisonerRole": "VICTIM",
                "secondPrisonerNumber": "C3456DE",
                "secondPrisonerRole": "PERPETRATOR",
                "reason": "OTHER",
                "restrictionType": "CELL",
                "comment": "Made by the application",
            }
        )
    assert created.updated_by == "APP_USER"
    assert fake_hmpps_auth.token_requests_for("APP_USER") == 1
    assert fake_non_associations_api.requests[-1] == ("POST", "/non-associations")
    assert os.environ["HMPPS_AUTH_CLIENT_SECRET"] == FAKE_CLIENT_SECRET
    assert non_associations_env == {
        name: os.environ[name]
        for name in (
            "HMPPS_NON_ASSOCIATIONS_API_URL",
            "HMPPS_AUTH_URL",
            "HMPPS_AUTH_CLIENT_ID",
            "HMPPS_AUTH_CLIENT_SECRET",
        )
    }


def test_auth_server_fixture_serves_the_tests_fake(
    fake_hmpps_auth_server: FakeAuthServer, fake_hmpps_auth: FakeHmppsAuth
) -> None:
    assert fake_hmpps_auth_server.fake is fake_hmpps_auth
    config = AuthConfig(fake_hmpps_auth_server.url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET)
    with HmppsAuthClient(config) as auth:
        token = auth.get_system_client_token()
    assert fake_hmpps_auth.issued_tokens == [token]
