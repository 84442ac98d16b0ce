"""Every operation and failure of the fake, in process and over loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hmpps_non_associations_api.testing import (
    FakeApiServer,
    FakeNonAssociationsApi,
    FakeTransport,
)

from tests.fakes.fake_api_cases import CASES, Case


def check(case: Case, response: httpx.Response) -> None:
    assert response.status_code == case.status, response.text
    if case.status == 204 or case.empty:
        assert response.content == b""
        if case.status == 401:
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
        return
    assert response.headers["Content-Type"] == "application/json"
    body = response.json()
    if case.status >= 400 or case.status == 209:
        assert body["status"] == case.status
        assert body["userMessage"] and body["developerMessage"]
        assert body["errorCode"] == case.error_code
        assert body["moreInfo"] is None


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_in_process(case: Case) -> None:
    with httpx.Client(transport=FakeTransport()) as client:
        check(case, client.send(case.request("http://fake.test")))


@pytest.fixture(scope="module")
def server() -> Iterator[FakeApiServer]:
    with FakeApiServer() as server:
        yield server


@pytest.fixture(scope="module")
def http_client() -> Iterator[httpx.Client]:
    with httpx.Client() as client:
        yield client


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_over_http(case: Case, server: FakeApiServer, http_client: httpx.Client) -> None:
    server.fake.reset()
    check(case, http_client.send(case.request(server.url)))


async def test_async_client() -> None:
    fake = FakeNonAssociationsApi()
    async with httpx.AsyncClient(transport=FakeTransport(fake)) as client:
        for case in CASES:
            fake.reset()
            check(case, await client.send(case.request("http://fake.test")))
