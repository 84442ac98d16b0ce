"""The loopback server: keep-alive, framing, the served document, start and stop."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import httpx
import pytest
from hmpps_non_associations_api.testing import (
    FakeApiServer,
    FakeNonAssociationsApi,
    Prisoner,
    mint_token,
)

from tests.fakes.fake_api_cases import ALL_ROLES, CREATE, DELETE

REPO_SPEC = Path(__file__).resolve().parents[2] / "openapi.json"
TOKEN = mint_token(roles=ALL_ROLES, username="TEST_USER")
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def server() -> Iterator[FakeApiServer]:
    with FakeApiServer() as server:
        yield server


@pytest.fixture
def connection(server: FakeApiServer) -> Iterator[http.client.HTTPConnection]:
    port = int(server.url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    yield connection
    connection.close()


def exchange(
    connection: http.client.HTTPConnection, method: str, path: str, body: object = None
) -> http.client.HTTPResponse:
    headers = dict(AUTH)
    content = None
    if body is not None:
        content = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=content, headers=headers)
    response = connection.getresponse()
    response.read()
    return response


def test_requests_share_one_kept_alive_connection(
    connection: http.client.HTTPConnection,
) -> None:
    first = exchange(connection, "GET", "/non-associations/1")
    sock = connection.sock
    second = exchange(connection, "GET", "/non-associations/999")
    assert (first.status, second.status) == (200, 404)
    assert sock is not None and connection.sock is sock
    assert first.getheader("Content-Length") and second.getheader("Content-Length")
    assert first.getheader("Connection") is None


def test_connection_survives_a_no_content_reply(
    connection: http.client.HTTPConnection,
) -> None:
    deleted = exchange(connection, "POST", "/non-associations/1/delete", DELETE)
    sock = connection.sock
    after = exchange(connection, "GET", "/non-associations/1")
    assert (deleted.status, after.status) == (204, 404)
    assert connection.sock is sock


def test_reads_chunked_bodies(connection: http.client.HTTPConnection) -> None:
    connection.request(
        "POST",
        "/non-associations/between",
        body=iter([b'["A1234BC", ', b'"B2345CD"]']),
        headers={**AUTH, "Content-Type": "application/json"},
        encode_chunked=True,
    )
    response = connection.getresponse()
    assert [item["id"] for item in json.loads(response.read())] == [1]
    assert exchange(connection, "GET", "/non-associations/2").status == 200


def test_serves_the_packaged_document_which_is_the_projects(server: FakeApiServer) -> None:
    packaged = resources.files("hmpps_non_associations_api").joinpath("openapi.json").read_bytes()
    assert packaged == REPO_SPEC.read_bytes()
    response = httpx.get(f"{server.url}/v3/api-docs")
    assert (response.status_code, response.content) == (200, packaged)
    assert response.headers["Content-Type"] == "application/json"


def test_concurrent_writes_get_distinct_ids() -> None:
    fake = FakeNonAssociationsApi(seed=False)
    numbers = [f"A{index:04d}AA" for index in range(16)]
    for number in numbers:
        fake.add_prisoner(Prisoner.released(number, "First", "Last"))
    running = FakeApiServer(fake).start()

    def create(pair: int) -> int:
        body = {
            **CREATE,
            "firstPrisonerNumber": numbers[2 * pair],
            "secondPrisonerNumber": numbers[2 * pair + 1],
        }
        with httpx.Client(base_url=running.url, headers=AUTH) as client:
            response = client.post("/non-associations", json=body)
        assert response.status_code == 201
        number: int = response.json()["id"]
        return number

    with running, ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(create, range(8)))
    assert sorted(created) == list(range(1, 9))


def test_stop_hangs_up_and_frees_the_port() -> None:
    server = FakeApiServer().start()
    assert server.start() is server
    url = server.url
    port = int(url.rsplit(":", 1)[1])
    with httpx.Client(base_url=url, headers=AUTH) as client:
        assert client.get("/constants").status_code == 200
        server.stop()
        server.stop()
        with pytest.raises(httpx.TransportError):
            client.get("/constants")
    with pytest.raises(RuntimeError):
        _ = server.url
    with FakeApiServer(port=port) as again:
        assert again.url == url
