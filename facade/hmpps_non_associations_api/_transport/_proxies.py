"""Which proxy, if any, a configuration's requests go through: the one given as
`proxy`, or (with `trust_env`) the one `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` name
for the origin's scheme, unless `NO_PROXY` exempts its host, as the standard library,
requests and httpx read them. Only http:// proxies: an https:// or socks:// one is a
ValueError when the client is made, not a connection that fails (or sends the proxy's
credentials unencrypted to a port expecting TLS).

HTTPS goes through the proxy in a `CONNECT` tunnel, so the proxy sees only the host and
port, never the token. Credentials in the proxy's URL become a `Proxy-Authorization`
header and appear nowhere else: not in a repr, a log line or an error.
"""

from __future__ import annotations

import base64
import functools
import ipaddress
import os
import urllib.parse

import attrs

from ._wire import Origin

__all__ = ["Proxy", "proxy_for"]


@attrs.frozen(repr=False)
class Proxy:
    """A forward proxy: where it listens, and the `Proxy-Authorization` to send it."""

    scheme: str
    host: str
    port: int
    authorization: str | None

    @classmethod
    def of(cls, url: str) -> Proxy:
        parts = urllib.parse.urlsplit(url)
        tls = parts.scheme == "https"
        authorization = None
        if parts.username is not None:
            pair = f"{urllib.parse.unquote(parts.username)}:"
            pair += urllib.parse.unquote(parts.password or "")
            authorization = "Basic " + base64.b64encode(pair.encode()).decode("ascii")
        return cls(
            parts.scheme, parts.hostname or "", parts.port or (443 if tls else 80), authorization
        )

    @property
    def url(self) -> str:
        """Where it listens, without credentials."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    def __repr__(self) -> str:
        return f"Proxy({self.url!r})"


def proxy_for(origin: Origin, proxy: str | None, trust_env: bool) -> Proxy | None:
    """The proxy for requests to `origin`. The environment is read afresh (a client made
    after a change sees it), and only as far as needed: the scheme's own variable, then
    `ALL_PROXY`, and `NO_PROXY` only once a proxy is named."""
    if proxy is not None:
        return Proxy.of(proxy)
    if not trust_env:
        return None
    name = "HTTPS_PROXY" if origin.scheme == "https" else "HTTP_PROXY"
    url = _variable(name)
    if not url:
        name, url = "ALL_PROXY", _variable("ALL_PROXY")
    if not url:
        return None
    return _from_environment(origin.host, name, url, _variable("NO_PROXY"))


def _variable(name: str) -> str | None:
    """An environment variable, its lower-case spelling first, as the standard library
    and curl read them."""
    return os.environ.get(name.lower()) or os.environ.get(name)


@functools.lru_cache(maxsize=64)  # a client made per request reads the same settings
def _from_environment(host: str, name: str, url: str, exempt: str | None) -> Proxy | None:
    if exempt and _exempt(host, exempt):
        return None
    if "://" not in url:
        url = f"http://{url}"  # as curl and requests read a bare host:port
    proxy = Proxy.of(url)
    if proxy.scheme != "http":
        # Not the URL itself: it may hold credentials.
        raise ValueError(
            f"{name} names a {proxy.scheme}:// proxy, and the client speaks only to http://"
            " proxies (HTTPS requests stay encrypted, in a CONNECT tunnel through them):"
            " make it an http:// URL, or set the configuration's trust_env=False"
        )
    return proxy


def _exempt(host: str, no_proxy: str) -> bool:
    """Whether NO_PROXY exempts the host: `*`, the host itself, a domain it is in
    (`example.org` or `.example.org`), or a network holding its address (`10.0.0.0/8`);
    a port on an entry (`example.org:8080`, `[::1]:8080`) is not compared."""
    host = host.lower()
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for entry in (part.strip().lower() for part in no_proxy.split(",")):
        if entry == "*":
            return True
        name = _without_port(entry)
        if not name:
            continue
        if address is not None:
            try:
                if address in ipaddress.ip_network(name, strict=False):
                    return True
            except ValueError:
                pass
            continue
        domain = name.lstrip(".")
        if host == domain or host.endswith(f".{domain}"):
            return True
    return False


def _without_port(entry: str) -> str:
    """A NO_PROXY entry's host, domain or network, without a `:port` or IPv6 brackets."""
    if entry.startswith("["):
        return entry[1:].partition("]")[0]
    return entry.partition(":")[0] if entry.count(":") == 1 else entry
