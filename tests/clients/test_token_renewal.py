"""A 401 to a token from a provider: the provider's cached token is dropped, it is asked
once more, and the call is tried once more with the new token (a 401 means the service
did nothing, so writes too). A fixed token gets no second try. And 408 is retried for
reads, as 429 and 5xx are. Sync and async, over loopback sockets."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncHmppsAuthClient,
    AsyncNonAssociationsApi,
    AuthConfig,
    ClientError,
    HmppsAuthClient,
    NonAssociationsApi,
    RetryPolicy,
    Timeout,
    UnauthorisedError,
)
from hmpps_non_associations_api.testing import FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeAuthServer

from tests.clients.faults import FaultServer, Reply

FAST = Timeout(response=2.0, deadline=5.0)
REFUSED = Reply(401, body=None, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
NO_USER = Reply(
    401,
    body={"status": 401, "errorCode": 401, "userMessage": "no user", "developerMessage": "x"},
)
CLOSE = {"closedReason": "Moved on"}

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


def make(kind: str, url: str, token: Any) -> Any:
    config = ApiConfig(url, timeout=FAST, retry=RetryPolicy(backoff=0))
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(token, config)


async def call(method: Any, *args: Any) -> Any:
    result = method(*args)
    return await result if inspect.isawaitable(result) else result


class Tokens:
    """A provider handing out token-1, token-2, ... and counting the asks."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self) -> str:
        self.asked += 1
        return f"token-{self.asked}"


def sent_tokens(server: FaultServer) -> list[str]:
    return [seen.headers["authorization"] for seen in server.seen]


async def test_a_refused_token_is_renewed_once_and_the_call_goes_on(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [REFUSED, Reply()]
    tokens = Tokens()
    raw = await call(make(kind, fault_server.url, tokens).with_raw_response.get_non_association, 42)
    assert raw.parse().id == 42 and raw.tries == 2
    assert sent_tokens(fault_server) == ["Bearer token-1", "Bearer token-2"]


async def test_a_write_is_tried_again_after_a_401(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [REFUSED, Reply()]
    api = make(kind, fault_server.url, Tokens())
    await call(api.close_non_association, 42, CLOSE)
    assert [seen.method for seen in fault_server.seen] == ["PUT", "PUT"]


async def test_a_second_401_is_final(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [REFUSED]
    tokens = Tokens()
    with pytest.raises(UnauthorisedError):
        await call(make(kind, fault_server.url, tokens).get_non_association, 42)
    assert tokens.asked == 2 and len(fault_server.seen) == 2


async def test_a_fixed_token_gets_no_second_try(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [REFUSED, Reply()]
    with pytest.raises(UnauthorisedError):
        await call(make(kind, fault_server.url, "a-fixed-token").get_non_association, 42)
    assert len(fault_server.seen) == 1


async def test_a_write_without_a_user_is_not_renewed(kind: str, fault_server: FaultServer) -> None:
    """The service's own 401 (errorCode 401): the token is fine, it names no user."""
    fault_server.script = [NO_USER, Reply()]
    tokens = Tokens()
    with pytest.raises(UnauthorisedError):
        await call(make(kind, fault_server.url, tokens).close_non_association, 42, CLOSE)
    assert tokens.asked == 1 and len(fault_server.seen) == 1


async def test_an_hmpps_auth_provider_fetches_a_new_token(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [REFUSED, Reply()]
    with FakeAuthServer() as auth_server:
        config = AuthConfig(auth_server.url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET)
        auth: Any = HmppsAuthClient(config) if kind == "sync" else AsyncHmppsAuthClient(config)
        provider = auth.token_provider("SOME_USER")
        await call(make(kind, fault_server.url, provider).get_non_association, 42)
        issued = auth_server.fake.issued_tokens
    assert auth_server.fake.token_requests_for("SOME_USER") == 2  # the cached one was dropped
    assert sent_tokens(fault_server) == [f"Bearer {token}" for token in issued]


async def test_renewing_keeps_a_token_fetched_meanwhile(kind: str) -> None:
    """Another caller may have fetched a new token since this one was refused: that one
    stays."""
    with FakeAuthServer() as auth_server:
        config = AuthConfig(auth_server.url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET)
        auth: Any = HmppsAuthClient(config) if kind == "sync" else AsyncHmppsAuthClient(config)
        provider = auth.token_provider("SOME_USER")
        first = await call(provider)
        provider.renew(first)
        second = await call(provider)
        provider.renew(first)  # an old token, refused late: the current one is kept
        assert await call(provider) == second != first
        assert auth_server.fake.token_requests_for("SOME_USER") == 2
        assert repr(provider).endswith(".token_provider('SOME_USER')")


async def test_408_is_retried_for_reads_only(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(408, body=None), Reply()]
    api = make(kind, fault_server.url, "a-token")
    assert (await call(api.get_non_association, 42)).id == 42
    assert len(fault_server.seen) == 2
    fault_server.seen.clear()
    fault_server.script = [Reply(408, body=None), Reply()]
    with pytest.raises(ClientError) as raised:
        await call(api.close_non_association, 42, CLOSE)
    assert raised.value.status == 408 and len(fault_server.seen) == 1
