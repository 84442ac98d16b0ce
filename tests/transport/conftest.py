"""Fixtures for the proxy and TLS tests: a clean environment, a private CA and TLS
servers trusting it, forward proxies, the fakes, and the secret scan (every log record,
collected exception, repr and traceback is searched for the token, the Auth secret and
the proxy's credentials)."""

from __future__ import annotations

import base64
import hashlib
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import trustme
from hmpps_non_associations_api import close_pools
from hmpps_non_associations_api.testing import ALL_ROLES, FakeApiServer, FakeAuthServer, mint_token

from tests.clients.faults import FaultServer, closed_port
from tests.leaks import Scan
from tests.reliability.conftest import SCANNED, Probe
from tests.transport.proxy import ForwardProxy

__all__ = ["closed_port"]

PROXY_USER = "proxy-user"
PROXY_PASSWORD = "pr0xy p@ss-never-shown"
PROXY_PASSWORD_IN_URL = "pr0xy%20p%40ss-never-shown"
PROXY_BASIC = "Basic " + base64.b64encode(f"{PROXY_USER}:{PROXY_PASSWORD}".encode()).decode()
FAKE_API_TOKEN = mint_token(roles=ALL_ROLES, username="PROXY_TESTER")

_ENVIRONMENT = (
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
)


def settled(condition: Callable[[], bool], within: float = 2.0) -> bool:
    """Whether `condition` holds within a moment (a server thread may lag the client)."""
    ends = time.monotonic() + within
    while not condition():
        if time.monotonic() > ends:
            return False
        time.sleep(0.01)
    return True


def with_credentials(proxy_url: str) -> str:
    """The proxy's URL with the test user and password in it."""
    return proxy_url.replace("://", f"://{PROXY_USER}:{PROXY_PASSWORD_IN_URL}@", 1)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No proxy or certificate variable from the machine running the tests; the shared
    synchronous pools closed afterwards (each test's servers are gone by then)."""
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    yield
    close_pools()


@pytest.fixture(autouse=True)
def secrets_scanned(scan: Scan) -> Scan:
    """Every test: no token, Auth secret or proxy credential in any log record (DEBUG
    and up), collected exception, collected text or traceback."""
    scan.secrets |= SCANNED | {
        PROXY_PASSWORD,
        PROXY_PASSWORD_IN_URL,
        PROXY_BASIC.removeprefix("Basic "),
        FAKE_API_TOKEN,
        FAKE_API_TOKEN.split(".")[1],
    }
    return scan


@pytest.fixture
def probe(scan: Scan) -> Callable[..., Probe]:
    """`probe(kind, url, **ApiConfig options)`: a client counting its tries."""

    def make(kind: str, url: str, **options: Any) -> Probe:
        return Probe(kind, url, scan, **options)

    return make


# --- proxies --------------------------------------------------------------------------


@pytest.fixture
def proxies() -> Iterator[Callable[..., ForwardProxy]]:
    """`proxies(refuse=None)`: start a forward proxy, closed after the test."""
    started: list[ForwardProxy] = []

    def start(refuse: int | None = None) -> ForwardProxy:
        started.append(ForwardProxy(refuse))
        return started[-1]

    yield start
    for proxy in started:
        proxy.close()


@pytest.fixture
def proxy(proxies: Callable[..., ForwardProxy]) -> ForwardProxy:
    return proxies()


# --- a private CA and TLS servers -----------------------------------------------------


@attrs.frozen
class Pki:
    """A CA nobody else trusts, its bundle on disk, server contexts for 127.0.0.1 (one
    demanding a client certificate from the CA), and client certificates."""

    ca: trustme.CA
    bundle: str
    server: ssl.SSLContext
    strict_server: ssl.SSLContext
    client_pem: str  # certificate and key in one file
    client_cert: str
    client_key: str
    stranger_pem: str  # a client certificate from another CA
    hashed_dir: str  # the CA's certificate in a directory, named as `openssl rehash` names it


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder: Path = tmp_path_factory.mktemp("pki")
    ca = trustme.CA()
    bundle = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    server_cert = ca.issue_cert("127.0.0.1")
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_cert.configure_cert(server)
    strict = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_cert.configure_cert(strict)
    ca.configure_trust(strict)
    strict.verify_mode = ssl.CERT_REQUIRED
    client = ca.issue_cert("client@example.test")
    client_pem, client_cert, client_key = (
        folder / "client.pem",
        folder / "client.crt",
        folder / "client.key",
    )
    client.private_key_and_cert_chain_pem.write_to_path(str(client_pem))
    client.cert_chain_pems[0].write_to_path(str(client_cert))
    client.private_key_pem.write_to_path(str(client_key))
    stranger = folder / "stranger.pem"
    trustme.CA().issue_cert("client@example.test").private_key_and_cert_chain_pem.write_to_path(
        str(stranger)
    )
    hashed = folder / "hashed"
    hashed.mkdir()
    (hashed / f"{subject_hash(ca.cert_pem.bytes())}.0").write_bytes(ca.cert_pem.bytes())
    return Pki(
        ca,
        str(bundle),
        server,
        strict,
        str(client_pem),
        str(client_cert),
        str(client_key),
        str(stranger),
        str(hashed),
    )


def subject_hash(pem: bytes) -> str:
    """OpenSSL's hash of a certificate's subject (`openssl x509 -hash`), by which a CA
    directory names its files: SHA-1 of the subject's canonical DER (each value a
    lower-cased UTF8String, whitespace collapsed, the outer SEQUENCE left off)."""
    ((_, certificate),) = _der_items(ssl.PEM_cert_to_DER_cert(pem.decode("ascii")))
    (_, signed), *_ = _der_items(certificate)
    # serial number, signature algorithm, issuer, validity, subject (after the version)
    names = [content for tag, content in _der_items(signed) if tag != 0xA0][4]
    canonical = b""
    for _, name in _der_items(names):  # each SET of (type, value) pairs
        pairs = b""
        for _, pair in _der_items(name):
            (oid_tag, oid), (_, value) = _der_items(pair)
            text = " ".join(value.decode().lower().split()).encode()
            pairs += _der(0x30, _der(oid_tag, oid) + _der(0x0C, text))
        canonical += _der(0x31, pairs)
    return f"{int.from_bytes(hashlib.sha1(canonical).digest()[:4], 'little'):08x}"


def _der_items(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The tag and content of each DER element in `data`."""
    at = 0
    while at < len(data):
        tag, length = data[at], data[at + 1]
        at += 2
        if length & 0x80:
            size = length & 0x7F
            length = int.from_bytes(data[at : at + size], "big")
            at += size
        yield tag, data[at : at + length]
        at += length


def _der(tag: int, content: bytes) -> bytes:
    size = len(content)
    if size < 0x80:
        return bytes([tag, size]) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(length)]) + length + content


@pytest.fixture
def tls_server(pki: Pki) -> Iterator[FaultServer]:
    """HTTPS on 127.0.0.1 with a certificate from the private CA."""
    server = FaultServer(tls=pki.server)
    yield server
    server.close()


@pytest.fixture
def strict_tls_server(pki: Pki) -> Iterator[FaultServer]:
    """The same, refusing clients without a certificate from the private CA."""
    server = FaultServer(tls=pki.strict_server)
    yield server
    server.close()


@pytest.fixture
def plain_server() -> Iterator[FaultServer]:
    server = FaultServer()
    yield server
    server.close()


# --- the fakes ------------------------------------------------------------------------


@pytest.fixture
def api_server() -> Iterator[FakeApiServer]:
    with FakeApiServer() as server:
        yield server


@pytest.fixture
def auth_server(scan: Scan) -> Iterator[FakeAuthServer]:
    with FakeAuthServer() as server:
        scan.watch(server.fake)
        yield server


# --- a name only these tests resolve --------------------------------------------------

INTERNAL_HOST = "api.internal.test"


@pytest.fixture
def internal_host(monkeypatch: pytest.MonkeyPatch) -> str:
    """`api.internal.test` resolves to 127.0.0.1 in this process (for the client, its
    thread pool and the proxy alike), so NO_PROXY's domain rules can be tried on a
    name with dots in it."""
    resolve = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        return resolve("127.0.0.1" if host == INTERNAL_HOST else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return INTERNAL_HOST
