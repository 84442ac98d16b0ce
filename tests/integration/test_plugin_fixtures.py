"""The pytest plugin's client fixtures, used as the README shows."""

from __future__ import annotations

from hmpps_non_associations_api import AsyncNonAssociationsApi, NonAssociationsApi
from hmpps_non_associations_api.testing import FakeApiServer


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
