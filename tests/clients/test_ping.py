"""`ping()`: the service's health check for the application's own `/health`, as DPS
applications check each API they depend on; sent without a token."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    NonAssociationsApi,
    RetryPolicy,
    ServerError,
    TransportError,
)
from hmpps_non_associations_api.testing import FakeApiServer

from tests.clients.faults import FaultServer, Reply

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


def make(kind: str, url: str, token: Any = "a-token") -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(token, ApiConfig(url, retry=RetryPolicy(attempts=1)))


async def ping(api: Any) -> Any:
    result = api.ping()
    return await result if inspect.isawaitable(result) else result


async def test_the_fake_answers_up_without_a_token(kind: str) -> None:
    asked: list[str] = []

    def provider() -> str:
        asked.append("token")
        return "a-token"

    with FakeApiServer() as server:
        assert await ping(make(kind, server.url, provider)) == "UP"
        assert server.fake.requests == [("GET", "/health/ping")]
    assert asked == []  # no token is fetched for it


async def test_no_token_is_sent_and_the_base_path_is_kept(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(body={"status": "UP"})]
    assert await ping(make(kind, f"{fault_server.url}/base")) == "UP"
    [seen] = fault_server.seen
    assert (seen.method, seen.path) == ("GET", "/base/health/ping")
    assert "authorization" not in seen.headers
    assert seen.headers["user-agent"].startswith("hmpps-non-associations-api-python/")


async def test_a_service_that_is_down_raises_as_any_call(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(503, body={"status": "DOWN"})]
    with pytest.raises(ServerError) as raised:
        await ping(make(kind, fault_server.url))
    assert (raised.value.operation, raised.value.path_template) == ("ping", "/health/ping")


async def test_an_answer_without_a_status_is_unreadable(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(body=["UP"])]
    with pytest.raises(TransportError, match="Unreadable response") as raised:
        await ping(make(kind, fault_server.url))
    assert raised.value.operation == "ping"
