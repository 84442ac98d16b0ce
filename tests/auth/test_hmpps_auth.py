"""HMPPS Auth system tokens: the request, caching, expiry, concurrency, failures, secrecy."""

from __future__ import annotations

import asyncio
import base64
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import parse_qs

import httpx
import pytest
import respx
from hmpps_non_associations_api import (
    AsyncHmppsAuthClient,
    AuthConfig,
    ClientError,
    HmppsAuthClient,
    ServerError,
    Timeout,
    TransportError,
)
from hmpps_non_associations_api._auth._cache import TokenCache
from hmpps_non_associations_api.testing import (
    FakeAuthServer,
    FakeAuthTransport,
    FakeHmppsAuth,
    decode_token,
)

from tests.leaks import Scan

CLIENT_ID = "hmpps-system-client"
SECRET = "S3cret-value-that-must-never-leak-9f2c"
BASIC = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
AUTH_URL = "https://sign-in-dev.hmpps.service.justice.gov.uk/auth"
TOKEN_URL = f"{AUTH_URL}/oauth/token"
E = TypeVar("E", bound=BaseException)
ROLES = ("READ_NON_ASSOCIATIONS", "WRITE_NON_ASSOCIATIONS")


# ---------------------------------------------------------------------------------------
# The secret scan (tests/leaks.py): the client secret and its Basic credentials.


@pytest.fixture(autouse=True)
def secrets_scanned(scan: Scan) -> Scan:
    scan.secrets |= {SECRET, BASIC}
    return scan


@pytest.fixture
def fake(scan: Scan) -> FakeHmppsAuth:
    auth = scan.watch(FakeHmppsAuth())
    auth.register_client(CLIENT_ID, SECRET, roles=ROLES)
    return auth


@pytest.fixture
def server(fake: FakeHmppsAuth) -> Iterator[FakeAuthServer]:
    with FakeAuthServer(fake) as running:
        yield running


def config_for(url: str, **overrides: Any) -> AuthConfig:
    settings: dict[str, Any] = {"url": url, "client_id": CLIENT_ID, "client_secret": SECRET}
    settings.update({"timeout": Timeout(response=2.0, deadline=20.0), **overrides})
    return AuthConfig(**settings)


def token_response(token: str = "respx-token", expires_in: int = 3600) -> httpx.Response:
    body = {"access_token": token, "token_type": "bearer", "expires_in": expires_in}
    return httpx.Response(200, json={**body, "scope": "read write"})


def run_threads(count: int, work: Callable[[], Any]) -> list[Any]:
    """Run `work` in `count` threads released at the same moment; results or exceptions."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work()
        except Exception as error:
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return results


def test_the_scan_finds_a_leak(caplog: pytest.LogCaptureFixture) -> None:
    probe = Scan(SECRET, BASIC)
    logging.getLogger("anything").debug("sending %s", {"Authorization": f"Basic {BASIC}"})
    try:
        try:
            raise RuntimeError(f"token {SECRET}")
        except RuntimeError:
            raise ValueError("sanitised") from None
    except ValueError as error:
        probe.exc(error)
    texts = probe.searched(caplog.get_records("call"))
    assert any(BASIC in text for text in texts)
    assert any(SECRET in text for text in texts)  # found on __context__ despite `from None`
    caplog.clear()


# ---------------------------------------------------------------------------------------
# Configuration.


def test_config_repr_leaves_out_the_secret(scan: Scan) -> None:
    config = config_for(AUTH_URL + "/")
    scan.texts.append(repr(config))
    assert config.url == AUTH_URL and config.token_url == TOKEN_URL
    assert SECRET not in repr(config) and CLIENT_ID in repr(config)
    assert (config.timeout, config.expiry_margin) == (Timeout(2.0, 20.0), 60.0)
    with HmppsAuthClient(config) as client:
        scan.texts.append(repr(client))


def test_config_from_env() -> None:
    env = {
        "HMPPS_AUTH_URL": AUTH_URL,
        "HMPPS_AUTH_CLIENT_ID": CLIENT_ID,
        "HMPPS_AUTH_CLIENT_SECRET": SECRET,
    }
    config = AuthConfig.from_env(env)
    assert (config.url, config.client_id, config.client_secret) == (AUTH_URL, CLIENT_ID, SECRET)
    assert config.timeout == Timeout(response=10.0, deadline=20.0)
    timed = AuthConfig.from_env({**env, "HMPPS_AUTH_TIMEOUT_RESPONSE": "2500"})
    assert timed.timeout == Timeout(response=2.5, deadline=20.0)


@pytest.mark.parametrize(
    "missing", ["HMPPS_AUTH_URL", "HMPPS_AUTH_CLIENT_ID", "HMPPS_AUTH_CLIENT_SECRET"]
)
def test_config_from_env_names_a_missing_variable(scan: Scan, missing: str) -> None:
    env = {
        "HMPPS_AUTH_URL": AUTH_URL,
        "HMPPS_AUTH_CLIENT_ID": CLIENT_ID,
        "HMPPS_AUTH_CLIENT_SECRET": SECRET,
    }
    for env_without in ({k: v for k, v in env.items() if k != missing}, {**env, missing: ""}):
        with pytest.raises(ValueError, match=missing) as raised:
            AuthConfig.from_env(env_without)
        scan.exc(raised.value)


def test_config_rejects_nonsense(scan: Scan) -> None:
    env = {
        "HMPPS_AUTH_URL": AUTH_URL,
        "HMPPS_AUTH_CLIENT_ID": CLIENT_ID,
        "HMPPS_AUTH_CLIENT_SECRET": SECRET,
    }
    for timeout in ("soon", "0", "-1", "nan", "2.5"):
        with pytest.raises(ValueError, match="HMPPS_AUTH_TIMEOUT_RESPONSE") as raised:
            AuthConfig.from_env({**env, "HMPPS_AUTH_TIMEOUT_RESPONSE": timeout})
        scan.exc(raised.value)
    nonsense: list[dict[str, Any]] = [
        {"url": "sign-in.example"},
        {"url": "https://user:pw@sign-in.example/auth"},
        {"client_id": ""},
        {"expiry_margin": -1},
    ]
    for bad in nonsense:
        settings: dict[str, Any] = {"url": AUTH_URL, "client_id": CLIENT_ID, **bad}
        with pytest.raises(ValueError) as raised:
            AuthConfig(client_secret=SECRET, **settings)
        scan.exc(raised.value)


def test_reuse_rule_clamps_the_margin_for_short_lifetimes() -> None:
    cache = TokenCache(60.0, threading.Lock)
    assert cache.reuse_for(3600) == 3540
    assert cache.reuse_for(100) == 50
    assert cache.reuse_for(2) == 1
    assert cache.reuse_for(0) == 0 and cache.reuse_for(-5) == 0
    assert TokenCache(0.0, threading.Lock).reuse_for(2) == 2


# ---------------------------------------------------------------------------------------
# The request.


def check_token_request(request: httpx.Request, username: str | None) -> None:
    assert request.method == "POST"
    assert str(request.url) == TOKEN_URL
    assert request.headers["Authorization"] == f"Basic {BASIC}"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    expected = {"grant_type": ["client_credentials"]}
    if username is not None:
        expected["username"] = [username]
    assert parse_qs(request.content.decode()) == expected


def test_request_is_a_client_credentials_grant_with_basic_auth(
    respx_mock: respx.MockRouter, scan: Scan
) -> None:
    route = respx_mock.post(TOKEN_URL).mock(return_value=token_response())
    scan.secrets.add("respx-token")
    with HmppsAuthClient(config_for(AUTH_URL), transport=httpx.HTTPTransport()) as client:
        assert client.get_system_client_token("AUSER_GEN") == "respx-token"
        assert client.get_system_client_token() == "respx-token"
    assert route.call_count == 2
    check_token_request(route.calls[0].request, "AUSER_GEN")
    check_token_request(route.calls[1].request, None)


async def test_async_request_is_the_same(respx_mock: respx.MockRouter, scan: Scan) -> None:
    route = respx_mock.post(TOKEN_URL).mock(return_value=token_response())
    scan.secrets.add("respx-token")
    async with AsyncHmppsAuthClient(
        config_for(AUTH_URL), transport=httpx.AsyncHTTPTransport()
    ) as client:
        assert await client.get_system_client_token("AUSER_GEN") == "respx-token"
        assert await client.get_system_client_token() == "respx-token"
    assert route.call_count == 2
    check_token_request(route.calls[0].request, "AUSER_GEN")
    check_token_request(route.calls[1].request, None)


# ---------------------------------------------------------------------------------------
# Caching and expiry.


def test_tokens_are_cached_per_username(fake: FakeHmppsAuth) -> None:
    with HmppsAuthClient(config_for(AUTH_URL), transport=FakeAuthTransport(fake)) as client:
        first = {user: client.get_system_client_token(user) for user in (None, "ALICE", "BOB")}
        again = {user: client.get_system_client_token(user) for user in (None, "ALICE", "BOB")}
        assert client.get_system_client_token("") == first[None]
    assert first == again and len(set(first.values())) == 3
    assert fake.token_requests == 3
    assert fake.token_requests_by_username == {None: 1, "ALICE": 1, "BOB": 1}
    alice = decode_token(first["ALICE"])
    assert alice is not None and alice.username == "ALICE" and alice.client_id == CLIENT_ID
    assert alice.roles == {"ROLE_READ_NON_ASSOCIATIONS", "ROLE_WRITE_NON_ASSOCIATIONS"}
    assert alice.scopes == {"read", "write"}
    system = decode_token(first[None])
    assert system is not None and system.username is None


def test_expired_tokens_are_fetched_again_over_loopback(
    fake: FakeHmppsAuth, server: FakeAuthServer
) -> None:
    fake.register_client(CLIENT_ID, SECRET, roles=ROLES, expires_in=2)  # reused for 1 s
    with HmppsAuthClient(config_for(server.url)) as client:
        first = client.get_system_client_token("ALICE")
        assert client.get_system_client_token("ALICE") == first
        time.sleep(1.05)
        second = client.get_system_client_token("ALICE")
        assert second != first
        assert client.get_system_client_token("ALICE") == second
    assert fake.token_requests_for("ALICE") == 2


async def test_async_expired_tokens_are_fetched_again(
    fake: FakeHmppsAuth, server: FakeAuthServer
) -> None:
    fake.register_client(CLIENT_ID, SECRET, expires_in=1)  # reused for 0.5 s
    async with AsyncHmppsAuthClient(config_for(server.url)) as client:
        first = await client.get_system_client_token("ALICE")
        assert await client.get_system_client_token("ALICE") == first
        await asyncio.sleep(0.55)
        assert await client.get_system_client_token("ALICE") != first
    assert fake.token_requests == 2


# ---------------------------------------------------------------------------------------
# Failures.


def test_bad_credentials_give_a_401_client_error(
    fake: FakeHmppsAuth, server: FakeAuthServer, scan: Scan, caplog: pytest.LogCaptureFixture
) -> None:
    fake.register_client(CLIENT_ID, "a-different-secret")
    scan.secrets.add("a-different-secret")
    with HmppsAuthClient(config_for(server.url)) as client, pytest.raises(ClientError) as raised:
        client.get_system_client_token("ALICE")
    error = scan.exc(raised.value)
    assert isinstance(error, ClientError) and error.status == 401
    assert "Unauthorized" in str(error)
    assert error.data == {"error": "unauthorized", "error_description": "Bad credentials"}
    failures = [r for r in caplog.records if r.name == "hmpps_non_associations_api.auth"]
    assert [r.levelno for r in failures] == [logging.ERROR]
    assert "ALICE" in failures[0].getMessage() and "401" in failures[0].getMessage()


async def test_async_bad_credentials_give_a_401_client_error(
    fake: FakeHmppsAuth, scan: Scan
) -> None:
    config = AuthConfig(url=AUTH_URL, client_id="unknown-client", client_secret=SECRET)
    async with AsyncHmppsAuthClient(config, transport=FakeAuthTransport(fake)) as client:
        with pytest.raises(ClientError) as raised:
            await client.get_system_client_token()
    assert scan.exc(raised.value).status == 401


def test_auth_down_is_a_transport_error(
    fake: FakeHmppsAuth, server: FakeAuthServer, scan: Scan
) -> None:
    with HmppsAuthClient(config_for(server.url)) as client:
        cached = client.get_system_client_token("ALICE")
        server.stop()
        assert client.get_system_client_token("ALICE") == cached  # the cache needs no Auth
        with pytest.raises(TransportError) as raised:
            client.get_system_client_token("BOB")
    error = scan.exc(raised.value)
    assert isinstance(error, TransportError) and error.status is None
    assert "HMPPS Auth token request failed" in str(error)
    assert error.__cause__ is None and error.__context__ is None


async def test_async_auth_down_is_a_transport_error(
    fake: FakeHmppsAuth, server: FakeAuthServer, scan: Scan
) -> None:
    url = server.url
    server.stop()
    async with AsyncHmppsAuthClient(config_for(url)) as client:
        with pytest.raises(TransportError) as raised:
            await client.get_system_client_token("ALICE")
    assert scan.exc(raised.value).status is None
    assert raised.value.__cause__ is None and raised.value.__context__ is None


def test_slow_auth_times_out(fake: FakeHmppsAuth, server: FakeAuthServer, scan: Scan) -> None:
    fake.response_delay = 0.4
    config = config_for(server.url, timeout=Timeout(response=0.1, deadline=20.0))
    with HmppsAuthClient(config) as client, pytest.raises(TransportError, match="timed") as raised:
        client.get_system_client_token("ALICE")
    assert scan.exc(raised.value).status is None


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>sign in</html>"),
        httpx.Response(200, json=["not", "an", "object"]),
        httpx.Response(200, json={"token_type": "bearer", "expires_in": 3600}),
        httpx.Response(200, json={"access_token": "leaky-token", "expires_in": "soon"}),
    ],
)
def test_unusable_token_responses_are_transport_errors(
    respx_mock: respx.MockRouter, scan: Scan, response: httpx.Response
) -> None:
    respx_mock.post(TOKEN_URL).mock(return_value=response)
    scan.secrets.add("leaky-token")
    with (
        HmppsAuthClient(config_for(AUTH_URL), transport=httpx.HTTPTransport()) as client,
        pytest.raises(TransportError, match="invalid token response") as raised,
    ):
        client.get_system_client_token("ALICE")
    error = scan.exc(raised.value)
    assert isinstance(error, TransportError) and error.status is None and error.text == ""
    assert error.__context__ is None


def test_a_failure_is_shared_by_the_callers_waiting_for_it(
    respx_mock: respx.MockRouter, scan: Scan
) -> None:
    def slow_failure(request: httpx.Request) -> httpx.Response:
        time.sleep(0.2)
        return httpx.Response(503, json={"error": "unavailable"})

    route = respx_mock.post(TOKEN_URL).mock(side_effect=slow_failure)
    with HmppsAuthClient(config_for(AUTH_URL), transport=httpx.HTTPTransport()) as client:
        errors = run_threads(50, lambda: client.get_system_client_token("ALICE"))
        assert route.call_count == 1
        assert all(isinstance(e, ServerError) and e.status == 503 for e in errors)
        assert len({id(e) for e in errors}) == 50
        for error in errors:
            scan.exc(error)
        route.mock(return_value=token_response("later-token"))  # later callers try again
        scan.secrets.add("later-token")
        assert client.get_system_client_token("ALICE") == "later-token"


# ---------------------------------------------------------------------------------------
# Concurrency: one request per username per expiry.


def test_100_threads_cause_one_request_per_expiry(
    fake: FakeHmppsAuth, server: FakeAuthServer
) -> None:
    fake.register_client(CLIENT_ID, SECRET, expires_in=2)  # reused for 1 s
    fake.response_delay = 0.1
    with HmppsAuthClient(config_for(server.url)) as client:
        tokens = run_threads(100, lambda: client.get_system_client_token("ALICE"))
        assert all(isinstance(t, str) for t in tokens) and len(set(tokens)) == 1
        assert fake.token_requests == 1
        time.sleep(1.0)
        later = run_threads(100, lambda: client.get_system_client_token("ALICE"))
        assert len(set(later)) == 1 and later[0] != tokens[0]
        assert fake.token_requests == 2


def test_threads_for_different_usernames_do_not_wait_for_each_other(
    fake: FakeHmppsAuth, server: FakeAuthServer
) -> None:
    fake.response_delay = 0.5  # one after another would take 5 s
    users = [f"USER{i}" for i in range(10)]
    with HmppsAuthClient(config_for(server.url)) as client:
        counter = iter(range(100))
        lock = threading.Lock()

        def ask() -> tuple[str, str]:
            with lock:
                user = users[next(counter) % 10]
            return user, client.get_system_client_token(user)

        started = time.monotonic()
        tokens = run_threads(100, ask)
        elapsed = time.monotonic() - started
    assert fake.token_requests_by_username == {user: 1 for user in users}
    assert len({token for _, token in tokens}) == 10
    assert elapsed < 2.5, f"usernames were served one after another ({elapsed:.2f}s)"


async def test_100_tasks_cause_one_request_per_expiry(
    fake: FakeHmppsAuth, server: FakeAuthServer
) -> None:
    fake.register_client(CLIENT_ID, SECRET, expires_in=2)  # reused for 1 s
    fake.response_delay = 0.1
    async with AsyncHmppsAuthClient(config_for(server.url)) as client:
        tokens = await asyncio.gather(
            *(client.get_system_client_token("ALICE") for _ in range(100))
        )
        assert len(set(tokens)) == 1 and fake.token_requests == 1
        await asyncio.sleep(1.0)
        later = await asyncio.gather(*(client.get_system_client_token("ALICE") for _ in range(100)))
        assert len(set(later)) == 1 and later[0] != tokens[0]
        assert fake.token_requests == 2


async def test_tasks_for_different_usernames_do_not_wait_for_each_other(
    fake: FakeHmppsAuth,
) -> None:
    fake.response_delay = 0.4  # one after another would take 4 s
    users = [f"USER{i}" for i in range(10)]
    transport = FakeAuthTransport(fake)
    async with AsyncHmppsAuthClient(config_for(AUTH_URL), transport=transport) as client:
        started = time.monotonic()
        await asyncio.gather(*(client.get_system_client_token(users[i % 10]) for i in range(100)))
        elapsed = time.monotonic() - started
    assert fake.token_requests_by_username == {user: 1 for user in users}
    assert elapsed < 2.0, f"usernames were served one after another ({elapsed:.2f}s)"


# ---------------------------------------------------------------------------------------
# Token providers, as the API clients use them.


def test_provider_never_hands_out_an_expired_token(
    fake: FakeHmppsAuth, server: FakeAuthServer, caplog: pytest.LogCaptureFixture
) -> None:
    fake.register_client(CLIENT_ID, SECRET, roles=ROLES, expires_in=2)  # reused for 1 s
    with HmppsAuthClient(config_for(server.url)) as client:
        provider = client.token_provider("ALICE")
        seen = []
        deadline = time.monotonic() + 1.3
        while time.monotonic() < deadline:
            token = provider()  # as the API client calls it, once per request
            claims = decode_token(token)
            assert claims is not None, "an expired token was handed out"
            assert claims.username == "ALICE"
            seen.append(token)
            time.sleep(0.05)
    assert len(set(seen)) == 2 == fake.token_requests
    fetched = [r for r in caplog.records if r.name == "hmpps_non_associations_api.auth"]
    assert [r.levelno for r in fetched] == [logging.INFO, logging.INFO]
    assert all("'ALICE'" in r.getMessage() for r in fetched)


async def test_async_provider_is_an_awaitable_callable(
    fake: FakeHmppsAuth, server: FakeAuthServer
) -> None:
    fake.register_client(CLIENT_ID, SECRET, expires_in=1)  # reused for 0.5 s
    async with AsyncHmppsAuthClient(config_for(server.url)) as client:
        provider = client.token_provider()
        first = await provider()
        assert await provider() == first
        await asyncio.sleep(0.55)
        second = await provider()
    assert second != first and fake.token_requests_by_username == {None: 2}


def test_any_object_with_info_and_error_can_log(fake: FakeHmppsAuth) -> None:
    class Recorder:
        def __init__(self) -> None:
            self.lines: list[tuple[str, str]] = []

        def info(self, message: str, *args: object) -> None:
            self.lines.append(("info", message % args))

        def error(self, message: str, *args: object) -> None:
            self.lines.append(("error", message % args))

    recorder = Recorder()
    transport = FakeAuthTransport(fake)
    with HmppsAuthClient(config_for(AUTH_URL), logger=recorder, transport=transport) as client:
        token = client.get_system_client_token("ALICE")
    assert [level for level, _ in recorder.lines] == ["info"]
    assert "ALICE" in recorder.lines[0][1] and token not in recorder.lines[0][1]


# ---------------------------------------------------------------------------------------
# The fake itself.


def test_fake_answers_under_auth_only_and_refuses_other_grants(fake: FakeHmppsAuth) -> None:
    """As HMPPS Auth does: an HMPPS_AUTH_URL without `/auth` fails in tests too."""
    with httpx.Client(transport=FakeAuthTransport(fake), base_url="http://auth") as http:
        auth = (CLIENT_ID, SECRET)
        ok = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"}, auth=auth)
        assert ok.status_code == 200
        assert ok.json()["token_type"] == "bearer" and ok.json()["scope"] == "read write"
        again = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"}, auth=auth)
        assert again.status_code == 200
        at_the_root = http.post(
            "/oauth/token", data={"grant_type": "client_credentials"}, auth=auth
        )
        assert at_the_root.status_code == 404
        wrong_grant = http.post("/auth/oauth/token", data={"grant_type": "password"}, auth=auth)
        assert wrong_grant.status_code == 400
        assert wrong_grant.json()["error"] == "unsupported_grant_type"
        no_auth = http.post("/auth/oauth/token", data={"grant_type": "client_credentials"})
        assert no_auth.status_code == 401 and no_auth.json()["error"] == "unauthorized"
        assert http.post("/auth/elsewhere", auth=auth).status_code == 404
        assert http.get("/auth/oauth/token", auth=auth).status_code == 405
    assert fake.token_requests == 4
    assert [r.status for r in fake.requests] == [200, 200, 400, 401]
    assert fake.requests[3].client_id is None
    fake.reset_counts()
    assert fake.token_requests == 0 and fake.token_requests_by_username == {}
