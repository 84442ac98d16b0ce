"""TLS per client, sync and async, against HTTPS servers on 127.0.0.1 whose certificates
come from a private CA: which certificates are trusted (`verify`, `SSL_CERT_FILE`),
client certificates (`cert`), verification turned off, settings kept per client, an
application's own SSL context left as it was, the deadline over TLS, and the same for
HMPPS Auth. The autouse scan checks every test for the token and secrets."""

from __future__ import annotations

import socket
import ssl
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncHmppsAuthClient,
    AuthConfig,
    HmppsAuthClient,
    Timeout,
    TransportError,
)
from hmpps_non_associations_api._settings import _config as config_module

from tests.auth.test_hmpps_auth import CLIENT_ID, SECRET
from tests.clients.faults import NON_ASSOCIATION, FaultServer, Reply
from tests.leaks import Scan
from tests.reliability.conftest import Probe
from tests.transport.conftest import PROXY_BASIC, Pki, settled, with_credentials
from tests.transport.proxy import ForwardProxy, Visit

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])

MakeProbe = Callable[..., Probe]
CERTIFICATE_HINT = (
    "the certificate is not signed by an authority this client trusts (ApiConfig.verify;"
    " SSL_CERT_FILE names the certificates to trust)"
)


async def refused_certificate(client: Probe, server: FaultServer) -> TransportError:
    """The call fails on the server's certificate, at the first try and before any
    request is sent."""
    seen = len(server.seen)
    error = await client.fail("get_non_association", 42)
    assert type(error) is TransportError and error.status is None
    assert "CERTIFICATE_VERIFY_FAILED" in error.message
    assert error.hint == CERTIFICATE_HINT
    assert client.tries == 1 and len(server.seen) == seen
    return error


# --- which certificates are trusted ---------------------------------------------------


async def test_the_default_trust_refuses_a_private_ca(
    kind: str, tls_server: FaultServer, probe: MakeProbe
) -> None:
    await refused_certificate(probe(kind, tls_server.url), tls_server)
    assert tls_server.connections == 1


@pytest.mark.parametrize("form", [str, Path])
async def test_verify_with_the_ca_bundle_trusts_it(
    kind: str, form: type, tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    client = probe(kind, tls_server.url, verify=form(pki.bundle))
    assert (await client.call("get_non_association", 42)).id == 42
    assert (await client.call("get_non_association", 42)).id == 42
    assert len(tls_server.seen) == 2 and tls_server.connections == 1  # kept alive


async def test_an_application_context_is_used_and_left_as_it_was(
    kind: str, tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    context = ssl.create_default_context(cafile=pki.bundle)

    def settings() -> tuple[Any, ...]:
        return (
            context.sslsocket_class,
            context.sslobject_class,
            context.verify_mode,
            context.check_hostname,
            context.verify_flags,
            context.options,
            context.minimum_version,
        )

    before = settings()
    client = probe(kind, tls_server.url, verify=context)
    assert (await client.call("get_non_association", 42)).id == 42
    assert settings() == before and context.sslsocket_class is ssl.SSLSocket
    # The application's own use of its context: a plain SSLSocket, verifying as before.
    address = ("127.0.0.1", int(tls_server.url.rsplit(":", 1)[1]))
    with (
        socket.create_connection(address) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as own,
    ):
        assert type(own) is ssl.SSLSocket
        own.sendall(b"GET /own HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert own.recv(12) == b"HTTP/1.1 200"
    assert [seen.path for seen in tls_server.seen] == ["/non-associations/42", "/own"]


async def test_an_application_context_without_the_ca_is_refused(
    kind: str, tls_server: FaultServer, probe: MakeProbe
) -> None:
    """The control for the test above: the context decides, not the default trust."""
    context = ssl.create_default_context()
    await refused_certificate(probe(kind, tls_server.url, verify=context), tls_server)


async def test_ssl_cert_file_is_trusted_unless_trust_env_is_false(
    kind: str,
    monkeypatch: pytest.MonkeyPatch,
    tls_server: FaultServer,
    probe: MakeProbe,
    pki: Pki,
) -> None:
    """Read when each client is made, as the proxy variables are: a client made before
    SSL_CERT_FILE was set refuses the CA, one made after trusts it."""
    before = probe(kind, tls_server.url)
    monkeypatch.setenv("SSL_CERT_FILE", pki.bundle)
    after = probe(kind, tls_server.url)
    ignoring = probe(kind, tls_server.url, trust_env=False)
    assert (await after.call("get_non_association", 42)).id == 42
    await refused_certificate(before, tls_server)
    await refused_certificate(ignoring, tls_server)
    assert len(tls_server.seen) == 1


@pytest.mark.parametrize("named_by", ["verify", "SSL_CERT_DIR"])
async def test_a_hashed_directory_of_certificates_is_trusted(
    kind: str,
    named_by: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tls_server: FaultServer,
    probe: MakeProbe,
    pki: Pki,
) -> None:
    """A directory as `openssl rehash` leaves it; an empty one is the control."""

    def client(folder: str) -> Probe:
        if named_by == "verify":
            return probe(kind, tls_server.url, verify=folder)
        monkeypatch.setenv("SSL_CERT_DIR", folder)
        return probe(kind, tls_server.url)

    assert (await client(pki.hashed_dir).call("get_non_association", 42)).id == 42
    await refused_certificate(client(str(tmp_path)), tls_server)


# --- turning verification off -----------------------------------------------------------


async def test_verify_false_connects_and_warns_once_per_process(
    kind: str, monkeypatch: pytest.MonkeyPatch, tls_server: FaultServer, probe: MakeProbe
) -> None:
    monkeypatch.setattr(config_module, "_warned_unverified", False)
    with pytest.warns(RuntimeWarning, match=r"ApiConfig.verify=False: TLS certificates") as told:
        ApiConfig(tls_server.url, verify=False)
    assert [Path(w.filename).name for w in told] == [Path(__file__).name]  # the caller's line
    with warnings.catch_warnings(record=True) as later:
        warnings.simplefilter("always")
        client = probe(kind, tls_server.url, verify=False)
        AuthConfig(url=f"{tls_server.url}/auth", client_id="c", client_secret="s", verify=False)
    assert [w for w in later if issubclass(w.category, RuntimeWarning)] == []
    assert (await client.call("get_non_association", 42)).id == 42


async def test_auth_config_verify_false_warns_naming_auth_config(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config_module, "_warned_unverified", False)
    with pytest.warns(RuntimeWarning, match=r"AuthConfig.verify=False"):
        AuthConfig(url="https://127.0.0.1:9/auth", client_id="c", client_secret="s", verify=False)


async def test_tls_settings_belong_to_each_client(
    kind: str, monkeypatch: pytest.MonkeyPatch, tls_server: FaultServer, probe: MakeProbe
) -> None:
    """Two clients of the same origin, one checking certificates and one not: neither
    borrows the other's connections or SSL context, whichever goes first."""
    monkeypatch.setattr(config_module, "_warned_unverified", True)  # said elsewhere
    checking = probe(kind, tls_server.url)
    trusting = probe(kind, tls_server.url, verify=False)
    await refused_certificate(checking, tls_server)
    assert (await trusting.call("get_non_association", 42)).id == 42
    error = await checking.fail("get_non_association", 42)
    assert "CERTIFICATE_VERIFY_FAILED" in error.message
    assert (await trusting.call("get_non_association", 42)).id == 42
    assert len(tls_server.seen) == 2


# --- client certificates --------------------------------------------------------------


@pytest.mark.parametrize("form", ["one file", "pair"])
async def test_a_client_certificate_is_presented(
    kind: str, form: str, strict_tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    cert = pki.client_pem if form == "one file" else (pki.client_cert, pki.client_key)
    client = probe(kind, strict_tls_server.url, verify=pki.bundle, cert=cert)
    assert (await client.call("get_non_association", 42)).id == 42
    assert strict_tls_server.handshake_failures == 0


async def test_an_application_context_carries_its_own_client_certificate(
    kind: str, strict_tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    context = ssl.create_default_context(cafile=pki.bundle)
    context.load_cert_chain(pki.client_pem)
    client = probe(kind, strict_tls_server.url, verify=context)
    assert (await client.call("get_non_association", 42)).id == 42


@pytest.mark.parametrize("cert", ["none", "another CA's"])
async def test_a_server_wanting_a_client_certificate_refuses_without_one(
    kind: str, cert: str, strict_tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    chosen = None if cert == "none" else pki.stranger_pem
    client = probe(kind, strict_tls_server.url, verify=pki.bundle, cert=chosen)
    error = await client.fail("get_non_association", 42)
    assert type(error) is TransportError and error.status is None
    # Under TLS 1.3 the server refuses after the client's handshake is done, by an alert
    # or a reset the client cannot tell from a lost connection: a GET is tried again.
    assert error.message.startswith("connection lost (")
    assert client.tries == 3 and settled(lambda: strict_tls_server.handshake_failures == 3)
    assert strict_tls_server.seen == []


async def test_cert_with_an_application_context_is_refused_when_configured(
    kind: str, pki: Pki
) -> None:
    context = ssl.create_default_context(cafile=pki.bundle)
    with pytest.raises(ValueError, match=r"ApiConfig.cert: with an ssl.SSLContext as verify"):
        ApiConfig("https://127.0.0.1:9", verify=context, cert=pki.client_pem)
    with pytest.raises(ValueError, match=r"AuthConfig.cert: with an ssl.SSLContext as verify"):
        AuthConfig(
            url="https://127.0.0.1:9/auth",
            client_id="c",
            client_secret="s",
            verify=context,
            cert=(pki.client_cert, pki.client_key),
        )


# --- the deadline over TLS ------------------------------------------------------------


async def test_the_deadline_bounds_a_trickling_tls_server(
    kind: str, tls_server: FaultServer, probe: MakeProbe, pki: Pki
) -> None:
    """Each byte comes well within the response timeout, but the whole body would take
    20 s: each read on the TLS socket is bounded by what is left of the deadline."""
    tls_server.script = [Reply(body={**NON_ASSOCIATION, "comment": "x" * 400}, trickle=0.05)]
    timeout = Timeout(response=1.0, deadline=1.5)
    client = probe(kind, tls_server.url, verify=pki.bundle, timeout=timeout)
    started = time.monotonic()
    error = await client.fail("get_non_association", 42)
    elapsed = time.monotonic() - started
    assert type(error).__name__ == "ApiTimeoutError" and "Deadline" in error.message
    assert 1.4 <= elapsed < 2.0


# --- HMPPS Auth -----------------------------------------------------------------------

TOKEN_BODY = {"access_token": "tls-token-never-shown", "token_type": "bearer", "expires_in": 60}


async def fetch_token(kind: str, config: AuthConfig) -> str:
    if kind == "sync":
        with HmppsAuthClient(config) as auth:
            return auth.get_system_client_token("USER1")
    async with AsyncHmppsAuthClient(config) as async_auth:
        return await async_auth.get_system_client_token("USER1")


def auth_config(url: str, **settings: Any) -> AuthConfig:
    return AuthConfig(url=f"{url}/auth", client_id=CLIENT_ID, client_secret=SECRET, **settings)


async def test_auth_over_tls_trusts_what_auth_config_says(
    kind: str, tls_server: FaultServer, pki: Pki, scan: Scan
) -> None:
    scan.secrets.add(TOKEN_BODY["access_token"])
    tls_server.script = [Reply(body=TOKEN_BODY)]
    with pytest.raises(TransportError) as raised:
        await fetch_token(kind, auth_config(tls_server.url))
    error = scan.exc(raised.value)
    assert "CERTIFICATE_VERIFY_FAILED" in error.message
    assert error.hint is not None and "AuthConfig.verify" in error.hint
    assert (
        await fetch_token(kind, auth_config(tls_server.url, verify=pki.bundle))
        == (TOKEN_BODY["access_token"])
    )
    (seen,) = tls_server.seen
    assert seen.method == "POST" and seen.path == "/auth/oauth/token"


async def test_auth_with_a_client_certificate_through_a_proxy(
    kind: str, strict_tls_server: FaultServer, proxy: ForwardProxy, pki: Pki, scan: Scan
) -> None:
    scan.secrets.add(TOKEN_BODY["access_token"])
    strict_tls_server.script = [Reply(body=TOKEN_BODY)]
    config = auth_config(
        strict_tls_server.url,
        verify=pki.bundle,
        cert=(pki.client_cert, pki.client_key),
        proxy=with_credentials(proxy.url),
    )
    assert await fetch_token(kind, config) == TOKEN_BODY["access_token"]
    host_port = strict_tls_server.url.removeprefix("https://")
    assert proxy.visits == [Visit("CONNECT", host_port, PROXY_BASIC)]
    assert SECRET.encode() not in proxy.tunnelled
    assert strict_tls_server.seen[0].headers["authorization"].startswith("Basic ")
