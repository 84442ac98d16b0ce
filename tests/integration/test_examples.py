"""examples/flask_app.py and examples/fastapi_app.py, each driven through its framework's
test client against the fake API and the fake HMPPS Auth served on loopback, configured
from the environment as a deployed application is."""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api.testing import (
    READ_NON_ASSOCIATIONS,
    FakeApiServer,
    FakeNonAssociationsApi,
)

from tests.conftest import ROOT

NEW_NON_ASSOCIATION = {
    "firstPrisonerNumber": "B2345CD",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "C3456DE",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "VIOLENCE",
    "restrictionType": "LANDING",
    "comment": "Fight in the servery",
}


def load_example(name: str) -> ModuleType:
    """Import an example by its path, as `flask --app` or uvicorn would."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FLASK_APP = load_example("flask_app")
FASTAPI_APP = load_example("fastapi_app")


class Answer:
    """An HTTP answer from either application."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body


Send = Callable[[str, str, dict[str, str], Any], Awaitable[Answer]]


class WebClient:
    """Requests to either application, as a signed-in user (`X-User`)."""

    def __init__(self, send: Send) -> None:
        self._send = send

    async def call(
        self, method: str, url: str, user: str | None = "ALICE", json: Any = None
    ) -> Answer:
        return await self._send(method, url, {"X-User": user} if user else {}, json)

    async def get(self, url: str, user: str | None = "ALICE") -> Answer:
        return await self.call("GET", url, user)

    async def post(self, url: str, json: Any, user: str | None = "ALICE") -> Answer:
        return await self.call("POST", url, user, json)

    async def put(self, url: str, json: Any, user: str | None = "ALICE") -> Answer:
        return await self.call("PUT", url, user, json)


@asynccontextmanager
async def flask_client() -> AsyncIterator[WebClient]:
    """The Flask example through Flask's test client (synchronous, as Flask is)."""
    client = FLASK_APP.create_app().test_client()

    async def send(method: str, url: str, headers: dict[str, str], json: Any) -> Answer:
        response = client.open(url, method=method, headers=headers, json=json)
        return Answer(response.status_code, response.get_json(silent=True))

    yield WebClient(send)


@asynccontextmanager
async def fastapi_client() -> AsyncIterator[WebClient]:
    """The FastAPI example through httpx's ASGI transport, on the test's event loop, with
    its lifespan run around the requests (start-up, then shutdown)."""
    app = FASTAPI_APP.app
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://fastapi-app") as client,
    ):

        async def send(method: str, url: str, headers: dict[str, str], json: Any) -> Answer:
            response = await client.request(method, url, headers=headers, json=json)
            return Answer(response.status_code, response.json())

        yield WebClient(send)


AppFactory = Callable[[], AbstractAsyncContextManager[WebClient]]


@pytest.fixture(params=["flask", "fastapi"])
def start_app(request: pytest.FixtureRequest, non_associations_env: dict[str, str]) -> AppFactory:
    """Starts the example with the environment as the test has set it."""
    factory: AppFactory = flask_client if request.param == "flask" else fastapi_client
    return factory


def message(answer: Answer) -> str:
    """The explanation in an error answer (Flask example: message; FastAPI: detail)."""
    body = answer.body or {}
    return str(body.get("message") or body.get("detail"))


async def test_lists_a_prisoners_non_associations_as_the_signed_in_user(
    start_app: AppFactory, fake_hmpps_auth: Any, fake_non_associations_api: FakeNonAssociationsApi
) -> None:
    async with start_app() as web:
        answer = await web.get("/prisoner/A1234BC/non-associations")
    assert answer.status == 200
    assert answer.body["prisonerNumber"] == "A1234BC"
    assert answer.body["openCount"] == 1
    assert answer.body["nonAssociations"][0]["otherPrisonerDetails"]["prisonerNumber"] == "B2345CD"
    assert fake_hmpps_auth.token_requests_by_username == {"ALICE": 1}
    assert fake_non_associations_api.requests == [("GET", "/prisoner/A1234BC/non-associations")]


async def test_creates_then_reads_with_one_cached_token_per_user(
    start_app: AppFactory, fake_hmpps_auth: Any
) -> None:
    async with start_app() as web:
        created = await web.post("/non-associations", json=NEW_NON_ASSOCIATION)
        assert created.status == 201
        fetched = await web.get(f"/non-associations/{created.body['id']}")
        again = await web.get(f"/non-associations/{created.body['id']}")
        by_bob = await web.get(f"/non-associations/{created.body['id']}", user="BOB")
    assert created.body["updatedBy"] == "ALICE"  # the fake API read it from the token
    assert fetched.status == again.status == by_bob.status == 200
    assert fetched.body == created.body
    assert fake_hmpps_auth.token_requests_by_username == {"ALICE": 1, "BOB": 1}


async def test_not_found_is_404(start_app: AppFactory) -> None:
    async with start_app() as web:
        answer = await web.get("/non-associations/999999")
    assert answer.status == 404
    assert answer.body["errorCode"] == 404
    assert "999999" in answer.body["message"]


async def test_a_duplicate_is_409(start_app: AppFactory) -> None:
    async with start_app() as web:
        assert (await web.post("/non-associations", json=NEW_NON_ASSOCIATION)).status == 201
        answer = await web.post("/non-associations", json=NEW_NON_ASSOCIATION)
    assert answer.status == 409
    assert answer.body["errorCode"] == 101


async def test_closing_twice_is_409(start_app: AppFactory) -> None:
    async with start_app() as web:
        first = await web.put("/non-associations/1/close", json={"reason": "Moved to other sites"})
        second = await web.put("/non-associations/1/close", json={"reason": "Moved to other sites"})
    assert first.status == 200
    assert (first.body["isClosed"], first.body["closedBy"]) == (True, "ALICE")
    assert first.body["closedReason"] == "Moved to other sites"
    assert second.status == 409
    assert second.body["errorCode"] == 100


async def test_a_missing_role_is_403(
    start_app: AppFactory, non_associations_env: dict[str, str], fake_hmpps_auth: Any
) -> None:
    fake_hmpps_auth.register_client(
        non_associations_env["HMPPS_AUTH_CLIENT_ID"],
        non_associations_env["HMPPS_AUTH_CLIENT_SECRET"],
        roles=[READ_NON_ASSOCIATIONS],
    )
    async with start_app() as web:
        read = await web.get("/non-associations/1")
        write = await web.post("/non-associations", json=NEW_NON_ASSOCIATION)
    assert read.status == 200
    assert write.status == 403


async def test_input_the_client_refuses_before_sending_is_400(
    start_app: AppFactory, fake_non_associations_api: FakeNonAssociationsApi
) -> None:
    async with start_app() as web:
        number = await web.get("/prisoner/nonsense/non-associations")
        missing = await web.post(
            "/non-associations",
            json={k: v for k, v in NEW_NON_ASSOCIATION.items() if k != "reason"},
        )
        reason = await web.put("/non-associations/1/close", json={"reason": " "})
    assert number.status == missing.status == reason.status == 400
    assert "prisoner" in message(number).lower()
    assert "reason" in message(missing)
    assert fake_non_associations_api.requests == []  # none of them reached the API


async def test_no_signed_in_user_is_401(
    start_app: AppFactory, fake_hmpps_auth: Any, fake_non_associations_api: FakeNonAssociationsApi
) -> None:
    async with start_app() as web:
        answer = await web.get("/non-associations/1", user=None)
    assert answer.status == 401
    assert fake_hmpps_auth.token_requests == 0
    assert fake_non_associations_api.requests == []


async def test_the_api_unreachable_is_502(
    start_app: AppFactory, fake_non_associations_server: FakeApiServer
) -> None:
    fake_non_associations_server.stop()  # connections refused from now on
    async with start_app() as web:
        answer = await web.get("/non-associations/1")
    assert answer.status == 502
    assert answer.body["errorCode"] is None


async def test_credentials_auth_refuses_are_502(
    start_app: AppFactory,
    monkeypatch: pytest.MonkeyPatch,
    fake_non_associations_api: FakeNonAssociationsApi,
) -> None:
    monkeypatch.setenv("HMPPS_AUTH_CLIENT_SECRET", "not-the-secret")
    async with start_app() as web:
        answer = await web.get("/non-associations/1")
    assert answer.status == 502
    assert "HMPPS Auth" in answer.body["message"]
    assert fake_non_associations_api.requests == []


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback port that accepts connections and never answers."""
    with socket.create_server(("127.0.0.1", 0), backlog=16) as listener:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


async def test_the_api_too_slow_is_504(
    start_app: AppFactory, monkeypatch: pytest.MonkeyPatch, silent_server: str
) -> None:
    monkeypatch.setenv("HMPPS_NON_ASSOCIATIONS_API_URL", silent_server)
    monkeypatch.setenv("HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE", "200")
    monkeypatch.setenv("HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_DEADLINE", "500")
    async with start_app() as web:
        answer = await web.get("/non-associations/1")
    assert answer.status == 504
    assert answer.body["errorCode"] is None


def connections_to(port: int) -> int:
    """This process's established TCP connections to a loopback port (Linux /proc)."""
    ours = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                ours.add(target[len("socket:[") : -1])
    count = 0
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            remote_port, state, inode = int(fields[2].rsplit(":", 1)[1], 16), fields[3], fields[9]
            count += remote_port == port and state == "01" and inode in ours
    return count


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/net/tcp").exists(), reason="counts connections through Linux's /proc"
)


def fake_port(server: FakeApiServer) -> int:
    return int(server.url.rsplit(":", 1)[1])


@needs_proc
async def test_fastapi_shutdown_closes_the_connections(
    non_associations_env: dict[str, str], fake_non_associations_server: FakeApiServer
) -> None:
    port = fake_port(fake_non_associations_server)
    async with fastapi_client() as web:
        assert (await web.get("/non-associations/1")).status == 200
        assert connections_to(port) == 1  # kept alive for the next request
    assert connections_to(port) == 0


@needs_proc
def test_flask_closes_the_connections_at_exit(
    monkeypatch: pytest.MonkeyPatch,
    non_associations_env: dict[str, str],
    fake_non_associations_server: FakeApiServer,
) -> None:
    at_exit: list[Callable[[], None]] = []
    monkeypatch.setattr(atexit, "register", at_exit.append)
    module = load_example("flask_app")
    assert at_exit == [module.close_pools]
    port = fake_port(fake_non_associations_server)
    client = module.create_app().test_client()
    assert client.get("/non-associations/1", headers={"X-User": "ALICE"}).status_code == 200
    assert connections_to(port) == 1
    at_exit[0]()
    assert connections_to(port) == 0


async def test_health_reports_the_api_up(
    start_app: AppFactory, fake_hmpps_auth: Any, fake_non_associations_api: FakeNonAssociationsApi
) -> None:
    async with start_app() as web:
        answer = await web.get("/health", user=None)
    assert answer.status == 200
    assert answer.body == {"status": "UP", "components": {"nonAssociationsApi": {"status": "UP"}}}
    assert fake_non_associations_api.requests == [("GET", "/health/ping")]
    assert fake_hmpps_auth.token_requests == 0  # the health check needs no token


async def test_health_reports_the_api_down(
    start_app: AppFactory, fake_non_associations_server: FakeApiServer
) -> None:
    url = fake_non_associations_server.url
    fake_non_associations_server.stop()
    async with start_app() as web:
        answer = await web.get("/health", user=None)
    assert answer.status == 503
    component = answer.body["components"]["nonAssociationsApi"]
    assert answer.body["status"] == component["status"] == "DOWN"
    assert component["error"].startswith(f"GET /health/ping to {url}: connection refused (")
