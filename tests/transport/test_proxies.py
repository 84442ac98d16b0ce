"""Requests through a forward proxy, sync and async, over real loopback sockets: which
requests the proxy sees (and which go direct), what it sees of them, its credentials,
and what a refusing or absent proxy makes of a call. The autouse scan checks every
test for the token, the Auth secret and the proxy's credentials."""

from __future__ import annotations

import inspect
from collections.abc import Callable
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
    TransportError,
)
from hmpps_non_associations_api.testing import (
    FAKE_CLIENT_ID,
    FAKE_CLIENT_SECRET,
    FakeApiServer,
    FakeAuthServer,
)

from tests.clients.faults import FaultServer
from tests.leaks import Scan
from tests.reliability.conftest import TOKEN, Probe, Recorder
from tests.transport.conftest import (
    FAKE_API_TOKEN,
    PROXY_BASIC,
    Pki,
    with_credentials,
)
from tests.transport.proxy import ForwardProxy, Visit

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])

MakeProbe = Callable[..., Probe]
MakeProxy = Callable[..., ForwardProxy]


async def settle(result: Any) -> Any:
    return await result if inspect.isawaitable(result) else result


async def fetch_token(kind: str, config: AuthConfig, username: str = "USER1") -> str:
    """One system token, from a client made and closed for it."""
    if kind == "sync":
        with HmppsAuthClient(config) as auth:
            return auth.get_system_client_token(username)
    async with AsyncHmppsAuthClient(config) as async_auth:
        return await async_auth.get_system_client_token(username)


def fake_api_client(kind: str, config: ApiConfig) -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(FAKE_API_TOKEN, config)


# --- which proxy, if any --------------------------------------------------------------


async def test_a_configured_proxy_carries_plain_http_as_absolute_urls(
    kind: str, api_server: FakeApiServer, proxy: ForwardProxy
) -> None:
    api = fake_api_client(kind, ApiConfig(api_server.url, proxy=proxy.url))
    assert (await settle(api.get_non_association(1))).id == 1
    assert (await settle(api.get_non_association(2))).id == 2
    assert proxy.targets == [
        f"{api_server.url}/non-associations/1",
        f"{api_server.url}/non-associations/2",
    ]
    assert api_server.fake.requests == [
        ("GET", "/non-associations/1"),
        ("GET", "/non-associations/2"),
    ]


async def test_without_a_proxy_the_proxy_sees_nothing(
    kind: str, api_server: FakeApiServer, proxy: ForwardProxy
) -> None:
    """The control for the test above: the same call, no proxy configured."""
    api = fake_api_client(kind, ApiConfig(api_server.url))
    assert (await settle(api.get_non_association(1))).id == 1
    assert proxy.visits == []
    assert api_server.fake.requests == [("GET", "/non-associations/1")]


@pytest.mark.parametrize(
    ("scheme", "variable", "proxied"),
    [
        ("http", "HTTP_PROXY", True),
        ("http", "http_proxy", True),
        ("http", "ALL_PROXY", True),
        ("https", "HTTPS_PROXY", True),
        ("https", "https_proxy", True),
        ("https", "all_proxy", True),
        ("http", "HTTPS_PROXY", False),  # each scheme has its own variable
        ("https", "HTTP_PROXY", False),
    ],
)
async def test_the_environment_names_the_proxy_for_the_scheme(
    kind: str,
    scheme: str,
    variable: str,
    proxied: bool,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    proxy: ForwardProxy,
    probe: MakeProbe,
    pki: Pki,
) -> None:
    monkeypatch.setenv(variable, proxy.url)
    server = request.getfixturevalue("plain_server" if scheme == "http" else "tls_server")
    client = probe(kind, server.url, verify=pki.bundle)  # proxies are chosen here
    await client.call("get_non_association", 42)
    assert len(server.seen) == 1 and server.seen[0].path == "/non-associations/42"
    host_port = server.url.split("://")[1]
    if not proxied:
        assert proxy.visits == []
    elif scheme == "http":
        assert proxy.visits == [Visit("GET", f"{server.url}/non-associations/42", None)]
    else:
        assert proxy.visits == [Visit("CONNECT", host_port, None)]


@pytest.mark.parametrize(
    ("host", "no_proxy", "direct"),
    [
        ("127.0.0.1", "127.0.0.1", True),
        ("127.0.0.1", "10.0.0.0/8, 127.0.0.0/8", True),
        ("127.0.0.1", "*", True),
        ("127.0.0.1", "127.0.0.1:{port}", True),  # a port in NO_PROXY must be the origin's
        ("127.0.0.1", "127.0.0.1:1", False),
        ("api.internal.test", "api.internal.test", True),
        ("api.internal.test", "internal.test", True),
        ("api.internal.test", ".internal.test", True),
        ("api.internal.test", "elsewhere.test,.internal.test:{port}", True),
        ("api.internal.test", "elsewhere.test,.internal.test:1", False),
        ("api.internal.test", "*", True),
        ("127.0.0.1", "", False),
        ("127.0.0.1", "10.0.0.0/8,127.0.0.2", False),
        ("api.internal.test", "ternal.test,other.internal.test", False),
        ("api.internal.test", "127.0.0.0/8", False),  # a network holds addresses, not names
    ],
)
async def test_no_proxy_sends_the_hosts_it_names_direct(
    kind: str,
    host: str,
    no_proxy: str,
    direct: bool,
    monkeypatch: pytest.MonkeyPatch,
    internal_host: str,
    proxy: ForwardProxy,
    plain_server: FaultServer,
    probe: MakeProbe,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    port = plain_server.url.rpartition(":")[2]
    monkeypatch.setenv("NO_PROXY", no_proxy.format(port=port))
    url = plain_server.url.replace("127.0.0.1", host)
    client = probe(kind, url)
    await client.call("get_non_association", 42)
    assert len(plain_server.seen) == 1
    assert proxy.targets == ([] if direct else [f"{url}/non-associations/42"])


async def test_trust_env_false_ignores_the_environment(
    kind: str,
    monkeypatch: pytest.MonkeyPatch,
    proxy: ForwardProxy,
    plain_server: FaultServer,
    probe: MakeProbe,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    await probe(kind, plain_server.url, trust_env=False).call("get_non_association", 42)
    assert proxy.visits == []
    await probe(kind, plain_server.url).call("get_non_association", 42)  # the control
    assert proxy.targets == [f"{plain_server.url}/non-associations/42"]
    assert len(plain_server.seen) == 2


async def test_a_configured_proxy_wins_over_the_environment_and_no_proxy(
    kind: str,
    monkeypatch: pytest.MonkeyPatch,
    proxies: MakeProxy,
    plain_server: FaultServer,
    probe: MakeProbe,
) -> None:
    named, from_environment = proxies(), proxies()
    monkeypatch.setenv("HTTP_PROXY", from_environment.url)
    monkeypatch.setenv("NO_PROXY", "*")
    await probe(kind, plain_server.url, proxy=named.url).call("get_non_association", 42)
    assert named.targets == [f"{plain_server.url}/non-associations/42"]
    assert from_environment.visits == []


# --- what the proxy sees --------------------------------------------------------------


async def test_https_goes_through_a_tunnel_the_proxy_cannot_read(
    kind: str, proxy: ForwardProxy, tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    client = probe(kind, tls_server.url, proxy=with_credentials(proxy.url), verify=pki.bundle)
    assert (await client.call("get_non_association", 42)).id == 42
    host_port = tls_server.url.removeprefix("https://")
    assert proxy.visits == [Visit("CONNECT", host_port, PROXY_BASIC)]
    # The origin read the request, token and all; the proxy only relayed TLS records.
    (seen,) = tls_server.seen
    assert seen.path == "/non-associations/42"
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"
    assert "proxy-authorization" not in seen.headers
    assert proxy.tunnelled[0] == 0x16  # a TLS handshake record: the ClientHello
    assert len(proxy.tunnelled) > 200 and proxy.tunnelled_back > 200
    for visible in (TOKEN, "Bearer", "/non-associations", "Authorization"):
        assert visible.encode() not in proxy.tunnelled


async def test_proxy_credentials_reach_the_proxy_and_nothing_else(
    kind: str, api_server: FakeApiServer, proxy: ForwardProxy, scan: Scan
) -> None:
    recorder = Recorder()
    config = ApiConfig(api_server.url, proxy=with_credentials(proxy.url))
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    api = cls(FAKE_API_TOKEN, config, plugins=[recorder])
    assert (await settle(api.get_non_association(1))).id == 1
    assert (await settle(api.get_non_association(2))).id == 2
    assert [visit.authorization for visit in proxy.visits] == [PROXY_BASIC, PROXY_BASIC]
    assert all("Proxy-Authorization" not in event.headers for event in recorder.requests)
    shown = [repr(config), str(config), repr(api), str(api)]
    assert "proxy='http://***@127.0.0.1:" in repr(config) and "proxy-user" not in repr(config)
    scan.texts += shown


async def test_auth_config_hides_the_proxy_password(kind: str, scan: Scan) -> None:
    config = AuthConfig(
        url="http://127.0.0.1:9/auth",
        client_id=FAKE_CLIENT_ID,
        client_secret=FAKE_CLIENT_SECRET,
        proxy=with_credentials("http://127.0.0.1:3128"),
    )
    auth = HmppsAuthClient(config) if kind == "sync" else AsyncHmppsAuthClient(config)
    assert "proxy='http://***@127.0.0.1:3128'" in repr(config)
    scan.secrets.add(FAKE_CLIENT_SECRET)
    scan.texts += [repr(config), str(config), repr(auth), str(auth)]


# --- a proxy that refuses, or is not there ----------------------------------------------


@pytest.mark.parametrize("status", [407, 403])
async def test_a_proxy_refusing_the_tunnel_ends_the_call_at_once(
    kind: str,
    status: int,
    proxies: MakeProxy,
    tls_server: FaultServer,
    probe: MakeProbe,
    pki: Pki,
) -> None:
    refusing = proxies(refuse=status)
    client = probe(kind, tls_server.url, proxy=with_credentials(refusing.url), verify=pki.bundle)
    error = await client.fail("get_non_association", 42)
    assert type(error) is TransportError and error.status is None
    assert error.message.startswith("the proxy refused the connection (")
    assert str(status) in error.message
    assert error.hint == "check the proxy (ApiConfig.proxy, or HTTPS_PROXY and NO_PROXY)"
    assert error.hint in str(error)
    assert client.tries == 1 and len(refusing.visits) == 1  # a GET, and still not retried
    assert refusing.visits[0].authorization == PROXY_BASIC
    assert tls_server.connections == 0


async def test_a_proxy_refusing_plain_http_is_a_407_reply(
    kind: str, proxies: MakeProxy, plain_server: FaultServer, probe: MakeProbe
) -> None:
    refusing = proxies(refuse=407)
    client = probe(kind, plain_server.url, proxy=with_credentials(refusing.url))
    error = await client.fail("get_non_association", 42)
    assert type(error) is ClientError and error.status == 407
    assert error.headers["proxy-authenticate"] == 'Basic realm="proxy"'
    assert error.hint is not None and "ApiConfig.proxy" in error.hint
    assert client.tries == 1 and len(refusing.visits) == 1
    assert plain_server.connections == 0


@pytest.mark.parametrize("scheme", ["http", "https"])
async def test_a_proxy_that_is_down_is_named_in_the_error(
    kind: str,
    scheme: str,
    closed_port: int,
    request: pytest.FixtureRequest,
    probe: MakeProbe,
    pki: Pki,
) -> None:
    server = request.getfixturevalue("plain_server" if scheme == "http" else "tls_server")
    down = with_credentials(f"http://127.0.0.1:{closed_port}")
    client = probe(kind, server.url, proxy=down, verify=pki.bundle)
    error = await client.fail("get_non_association", 42)
    assert type(error) is TransportError and error.status is None
    assert error.message.startswith("the proxy could not be reached (")
    assert error.hint is not None and "ApiConfig.proxy" in error.hint
    assert client.tries == 3  # the proxy may be back on the next try, as a server may
    assert server.connections == 0


# --- HMPPS Auth -----------------------------------------------------------------------


async def test_token_requests_go_through_the_configured_proxy(
    kind: str, auth_server: FakeAuthServer, proxy: ForwardProxy
) -> None:
    config = AuthConfig(
        url=auth_server.url,
        client_id=FAKE_CLIENT_ID,
        client_secret=FAKE_CLIENT_SECRET,
        proxy=with_credentials(proxy.url),
    )
    token = await fetch_token(kind, config)
    assert token == auth_server.fake.issued_tokens[0]
    assert proxy.visits == [Visit("POST", f"{auth_server.url}/oauth/token", PROXY_BASIC)]
    assert auth_server.fake.token_requests == 1


async def test_token_requests_honour_the_environment(
    kind: str,
    monkeypatch: pytest.MonkeyPatch,
    auth_server: FakeAuthServer,
    proxy: ForwardProxy,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    config = AuthConfig(
        url=auth_server.url, client_id=FAKE_CLIENT_ID, client_secret=FAKE_CLIENT_SECRET
    )
    await fetch_token(kind, config, "USER1")
    direct = AuthConfig(
        url=auth_server.url,
        client_id=FAKE_CLIENT_ID,
        client_secret=FAKE_CLIENT_SECRET,
        trust_env=False,
    )
    await fetch_token(kind, direct, "USER2")
    assert proxy.targets == [f"{auth_server.url}/oauth/token"]
    assert auth_server.fake.token_requests_by_username == {"USER1": 1, "USER2": 1}


async def test_a_proxy_refusing_the_tunnel_to_auth_names_auth_config(
    kind: str, proxies: MakeProxy, tls_server: FaultServer, pki: Pki, scan: Scan
) -> None:
    refusing = proxies(refuse=407)
    config = AuthConfig(
        url=f"{tls_server.url}/auth",
        client_id=FAKE_CLIENT_ID,
        client_secret=FAKE_CLIENT_SECRET,
        proxy=with_credentials(refusing.url),
        verify=pki.bundle,
    )
    scan.secrets.add(FAKE_CLIENT_SECRET)
    with pytest.raises(TransportError) as raised:
        await fetch_token(kind, config)
    error = scan.exc(raised.value)
    assert error.message.startswith("HMPPS Auth token request failed (the proxy refused")
    assert error.hint == "check the proxy (AuthConfig.proxy, or HTTPS_PROXY and NO_PROXY)"
    assert len(refusing.visits) == 1 and tls_server.connections == 0


async def test_tokens_and_calls_both_go_through_the_proxy(
    kind: str, auth_server: FakeAuthServer, api_server: FakeApiServer, proxy: ForwardProxy
) -> None:
    """End to end: Auth's token, fetched through the proxy, used on a call through it."""
    proxy_url = with_credentials(proxy.url)
    auth_config = AuthConfig(
        url=auth_server.url,
        client_id=FAKE_CLIENT_ID,
        client_secret=FAKE_CLIENT_SECRET,
        proxy=proxy_url,
    )
    config = ApiConfig(api_server.url, proxy=proxy_url)
    if kind == "sync":
        with HmppsAuthClient(auth_config) as auth:
            api: Any = NonAssociationsApi(auth.token_provider("USER1"), config)
            assert api.get_non_association(1).id == 1
    else:
        async with AsyncHmppsAuthClient(auth_config) as async_auth:
            api = AsyncNonAssociationsApi(async_auth.token_provider("USER1"), config)
            assert (await api.get_non_association(1)).id == 1
    assert proxy.targets == [
        f"{auth_server.url}/oauth/token",
        f"{api_server.url}/non-associations/1",
    ]


# --- only http:// proxies ---------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["https", "socks5"])
async def test_a_proxy_the_client_cannot_speak_to_is_refused_when_configured(
    kind: str, scheme: str, monkeypatch: pytest.MonkeyPatch, scan: Scan
) -> None:
    """An https:// proxy expects TLS before the CONNECT: the client would send it the
    proxy's credentials unencrypted. Refused at once, from config or environment."""
    url = with_credentials(f"{scheme}://127.0.0.1:3128")
    for config_class in (ApiConfig, AuthConfig):
        with pytest.raises(ValueError, match=r"proxy must be an http:// URL") as refused:
            if config_class is ApiConfig:
                ApiConfig("https://127.0.0.1:9", proxy=url)
            else:
                AuthConfig(
                    url="https://127.0.0.1:9/auth", client_id="c", client_secret="s", proxy=url
                )
        scan.exc(refused.value)
    monkeypatch.setenv("https_proxy", url)
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    with pytest.raises(ValueError, match=rf"HTTPS_PROXY names a {scheme}:// proxy") as refused:
        cls(TOKEN, ApiConfig("https://127.0.0.1:9"))
    scan.exc(refused.value)
    cls(TOKEN, ApiConfig("https://127.0.0.1:9", trust_env=False))  # what the message offers
