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
    return _from_environment(origin.host, origin.port, name, url, _variable("NO_PROXY"))


def _variable(name: str) -> str | None:
    """An environment variable, its lower-case spelling first, as the standard library
    and curl read them. Read one by one rather than through `urllib.request.getproxies()`,
    which scans the whole environment: every client made (one per request) would pay."""
    return os.environ.get(name.lower()) or os.environ.get(name)


@functools.lru_cache(maxsize=64)  # a client made per request reads the same settings
def _from_environment(
    host: str, port: int, name: str, url: str, exempt: str | None
) -> Proxy | None:
    if exempt and _exempt(host, port, exempt):
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


def _exempt(host: str, port: int, no_proxy: str) -> bool:
    """Whether NO_PROXY (`no_proxy`, as read here) exempts host:port. Names
    (`example.org`, `.example.org`, `*`, a name with a port) by the standard library's
    rule, which urllib and requests share (it reads NO_PROXY itself, as this does);
    addresses and networks by the one rule of our own below."""
    import urllib.request  # only a proxy with NO_PROXY set needs it (18 ms to import)

    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return bool(urllib.request.proxy_bypass(authority)) or _in_a_listed_network(
        host, port, no_proxy
    )


def _in_a_listed_network(host: str, port: int, no_proxy: str) -> bool:
    """Whether host:port is an address NO_PROXY lists, or in a network it lists
    (`10.0.0.0/8`, `::1`, `[::1]:8080`, `10.0.0.0/8:443`): the standard library compares
    names only, and clusters list their pod and service networks so
    (tests/transport/test_proxy_rules.py shows its answer). A port, when an entry has
    one, must be the origin's, as for names."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    for entry in (part.strip() for part in no_proxy.split(",")):
        listed, wanted = entry, None
        if entry.startswith("["):
            listed, _, rest = entry[1:].partition("]")
            wanted = rest.removeprefix(":") or None
        elif entry.count(":") == 1:
            listed, _, wanted = entry.partition(":")
        try:
            network = ipaddress.ip_network(listed, strict=False)
        except ValueError:
            continue
        if address in network and (wanted is None or wanted == str(port)):
            return True
    return False
