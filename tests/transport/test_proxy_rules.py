"""The rules that choose a proxy from the environment, without sockets: the corners the
loopback tests do not reach (IPv6, case, a bare host:port, which variable wins)."""

from __future__ import annotations

import urllib.request

import pytest
from hmpps_non_associations_api._transport._proxies import Proxy, proxy_for
from hmpps_non_associations_api._transport._wire import Origin


def chosen(url: str) -> str | None:
    found = proxy_for(Origin.of(url), None, trust_env=True)
    return None if found is None else found.url


@pytest.mark.parametrize(
    ("url", "no_proxy", "exempt"),
    [
        ("http://[::1]:8080", "::1", True),
        ("http://[::1]:8080", "[::1]:8080", True),
        ("http://[::1]:8080", "::/64, ::1/128", True),
        ("http://[::1]:8080", "fe80::/10", False),
        ("http://API.Internal.Test", "internal.test", True),
        ("http://api.internal.test", ".Internal.TEST", True),
        ("http://internal.test", ".internal.test", True),
        ("http://notinternal.test", "internal.test", False),
        ("http://api.internal.test", " , ,", False),
        ("http://10.1.2.3", "10.0.0.0/8", True),
        ("http://10.1.2.3", "10.0.0.0/8:80", True),
        ("http://10.1.2.3", "10.0.0.0/8:443", False),
        ("http://[::1]:8080", "[::1]:8443", False),
        ("http://11.1.2.3", "10.0.0.0/8", False),
        ("http://api.test:8080", "api.test:8080", True),
        ("http://api.test:8080", "api.test:9090", False),
        ("http://api.test", "*", True),
    ],
)
def test_no_proxy_entries(
    url: str, no_proxy: str, exempt: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.test:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    assert chosen(url) == (None if exempt else "http://proxy.test:3128")


def test_the_lower_case_variable_wins_as_curl_and_requests_have_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("http_proxy", "http://lower.test:1")
    monkeypatch.setenv("HTTP_PROXY", "http://upper.test:2")
    assert chosen("http://api.test") == "http://lower.test:1"


def test_a_bare_host_and_port_is_an_http_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "proxy.test:3128")
    assert chosen("https://api.test") == "http://proxy.test:3128"


def test_the_scheme_variable_wins_over_all_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://every.test:1")
    monkeypatch.setenv("HTTPS_PROXY", "http://secure.test:2")
    assert chosen("https://api.test") == "http://secure.test:2"
    assert chosen("http://api.test") == "http://every.test:1"


def test_a_proxy_shows_no_credentials() -> None:
    proxy = Proxy.of("http://user:p%40ss@proxy.test:3128")
    assert proxy.authorization == "Basic dXNlcjpwQHNz"  # user:p@ss
    assert repr(proxy) == "Proxy('http://proxy.test:3128')" and proxy.url in repr(proxy)


def test_the_standard_library_compares_names_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why the network rule is our own: urllib (and requests, which asks it) would send
    a cluster's own addresses through the proxy."""
    monkeypatch.setenv("no_proxy", "10.0.0.0/8, ::1")
    assert not urllib.request.proxy_bypass("10.1.2.3:80")
    assert not urllib.request.proxy_bypass("[::1]:80")
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.test:3128")
    monkeypatch.setenv("NO_PROXY", "10.0.0.0/8, ::1")
    assert chosen("http://10.1.2.3") is None and chosen("http://[::1]") is None
