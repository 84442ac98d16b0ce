"""System tokens end to end over loopback: fake HMPPS Auth -> token provider -> API client
-> fake API, which refuses expired tokens."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncHmppsAuthClient,
    AsyncNonAssociationsApi,
    AuthConfig,
    HmppsAuthClient,
    NonAssociationsApi,
    SanitisedError,
)
from hmpps_non_associations_api.testing import (
    READ_NON_ASSOCIATIONS,
    FakeApiServer,
    FakeAuthServer,
)

CLIENT_ID, SECRET = "na-system-client", "s3cr3t-value-never-shown"
LIFETIME = 2  # seconds: the client reuses a token for half of it
CROWD_LIFETIME = 4  # longer, so a crowd of 100 is served well inside one token's reuse


@pytest.fixture
def auth_server(request: pytest.FixtureRequest) -> Iterator[FakeAuthServer]:
    lifetime = getattr(request, "param", LIFETIME)
    with FakeAuthServer() as server:
        server.fake.register_client(
            CLIENT_ID, SECRET, roles=[READ_NON_ASSOCIATIONS], expires_in=lifetime
        )
        yield server


def auth_config(server: FakeAuthServer) -> AuthConfig:
    return AuthConfig(url=server.url, client_id=CLIENT_ID, client_secret=SECRET)


def test_long_lived_client_never_sends_an_expired_token(
    auth_server: FakeAuthServer,
    fake_non_associations_server: FakeApiServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with HmppsAuthClient(auth_config(auth_server)) as auth:
        api = NonAssociationsApi(
            auth.token_provider("USER1"), ApiConfig(fake_non_associations_server.url)
        )
        ends = time.monotonic() + LIFETIME * 1.6
        calls = 0
        while time.monotonic() < ends:
            assert api.get_non_association(1).id == 1
            calls += 1
            time.sleep(0.1)
    # Every call succeeded, so no expired token reached the fake API (it answers 401 to
    # those); tokens are reused for half their lifetime, so about three were fetched.
    assert calls > 20
    assert 3 <= auth_server.fake.token_requests_for("USER1") <= 4
    issued = auth_server.fake.issued_tokens
    texts = [r.getMessage() for r in caplog.records]
    assert any("token fetched for username 'USER1'" in t for t in texts)
    for secret in [SECRET, *issued]:
        assert all(secret not in t for t in texts)


@pytest.mark.parametrize("auth_server", [CROWD_LIFETIME], indirect=True)
async def test_async_provider_end_to_end(
    auth_server: FakeAuthServer, fake_non_associations_server: FakeApiServer
) -> None:
    async with AsyncHmppsAuthClient(auth_config(auth_server)) as auth:
        api = AsyncNonAssociationsApi(
            auth.token_provider("USER2"), ApiConfig(fake_non_associations_server.url)
        )
        results = await asyncio.gather(*(api.get_non_association(1) for _ in range(100)))
        assert {na.id for na in results} == {1}
        assert auth_server.fake.token_requests_for("USER2") == 1
        await asyncio.sleep(CROWD_LIFETIME / 2 + 0.1)
        await asyncio.gather(*(api.get_non_association(2) for _ in range(100)))
        assert auth_server.fake.token_requests_for("USER2") == 2


@pytest.mark.parametrize("auth_server", [CROWD_LIFETIME], indirect=True)
def test_many_threads_one_token_request_per_expiry(
    auth_server: FakeAuthServer, fake_non_associations_server: FakeApiServer
) -> None:
    with HmppsAuthClient(auth_config(auth_server)) as auth:
        config = ApiConfig(fake_non_associations_server.url)

        def one_request(_: int) -> int:
            with NonAssociationsApi(auth.token_provider("USER3"), config) as api:
                return api.get_non_association(1).id

        with ThreadPoolExecutor(max_workers=100) as pool:
            assert set(pool.map(one_request, range(100))) == {1}
            assert auth_server.fake.token_requests_for("USER3") == 1
            time.sleep(CROWD_LIFETIME / 2 + 0.1)
            assert set(pool.map(one_request, range(100))) == {1}
    assert auth_server.fake.token_requests_for("USER3") == 2


def test_auth_refusing_or_down_surfaces_as_sanitised_errors(
    auth_server: FakeAuthServer, fake_non_associations_server: FakeApiServer
) -> None:
    config = ApiConfig(fake_non_associations_server.url)
    wrong = AuthConfig(url=auth_server.url, client_id=CLIENT_ID, client_secret="wrong-secret")
    with HmppsAuthClient(wrong) as auth:
        api = NonAssociationsApi(auth.token_provider("USER4"), config)
        with pytest.raises(SanitisedError) as refused:
            api.get_non_association(1)
    assert refused.value.status == 401
    assert "wrong-secret" not in f"{refused.value} {refused.value!r} {refused.value.text}"

    with HmppsAuthClient(auth_config(auth_server)) as auth:
        auth_server.stop()
        api = NonAssociationsApi(auth.token_provider("USER4"), config)
        with pytest.raises(SanitisedError) as down:
            api.get_non_association(1)
    assert down.value.status is None
    assert SECRET not in f"{down.value} {down.value!r}"
