"""Where a client's requests go and over what: the origin, the limits of the shared
connections, TLS and the proxy. Equal destinations share one pool of keep-alive
connections, so it is also the pool's key."""

from __future__ import annotations

import os
import ssl

import attrs

from .._settings._config import Limits
from ._proxies import Proxy, proxy_for
from ._tls import Tls
from ._wire import Origin

__all__ = ["Destination"]


@attrs.frozen(cache_hash=True)  # a key of the shared connections, hashed each request
class Destination:
    """A service's origin and how it is reached (TLS only for https)."""

    origin: Origin
    limits: Limits
    tls: Tls | None
    proxy: Proxy | None

    @classmethod
    def of(
        cls,
        url: str,
        limits: Limits,
        proxy: str | None,
        trust_env: bool,
        verify: bool | str | os.PathLike[str] | ssl.SSLContext,
        cert: str | os.PathLike[str] | tuple[str, str] | None,
    ) -> Destination:
        origin = Origin.of(url)
        tls = Tls.of(verify, cert, trust_env) if origin.scheme == "https" else None
        return cls(origin, limits, tls, proxy_for(origin, proxy, trust_env))
