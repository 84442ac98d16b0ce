"""TLS for the connections a configuration makes: the SSL context for its `verify` and
`cert` settings, built once per distinct settings (building one costs about 20 ms) and
shared by every client that uses them."""

from __future__ import annotations

import functools
import os
import ssl

import attrs
import certifi

__all__ = ["Tls", "context_for"]


@attrs.frozen(cache_hash=True)  # a key of the shared connections, hashed each request
class Tls:
    """How a connection's certificates are checked, and the client certificate, if any.

    `verify` is False, an `ssl.SSLContext`, a CA bundle file or directory, or True for
    certifi's bundle. With `trust_env`, True becomes `SSL_CERT_FILE` (else
    `SSL_CERT_DIR`) when the client is made, as the proxy variables are read then: a
    client sees the environment it was made in, and one made after a change is not
    handed a context built before it.
    """

    verify: bool | str | ssl.SSLContext
    cert: str | tuple[str, str] | None

    @classmethod
    def of(
        cls,
        verify: bool | str | os.PathLike[str] | ssl.SSLContext,
        cert: str | os.PathLike[str] | tuple[str, str] | None,
        trust_env: bool,
    ) -> Tls:
        if verify is True and trust_env:
            verify = os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR") or True
        if isinstance(verify, os.PathLike):
            verify = os.fspath(verify)
        if isinstance(cert, os.PathLike):
            cert = os.fspath(cert)
        elif isinstance(cert, tuple):
            cert = (os.fspath(cert[0]), os.fspath(cert[1]))
        return cls(verify, cert)


@functools.cache
def context_for(tls: Tls) -> ssl.SSLContext:
    """The SSL context for these settings. An `ssl.SSLContext` given as `verify` is used
    as it is (and never changed); otherwise a new one trusts certifi's certificates, or
    the bundle (file or directory) given, and presents the client certificate given."""
    verify = tls.verify
    if isinstance(verify, ssl.SSLContext):
        return verify
    if verify is False:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    elif verify is True:
        context = ssl.create_default_context(cafile=certifi.where())
    elif os.path.isdir(verify):
        context = ssl.create_default_context(capath=verify)
    else:
        context = ssl.create_default_context(cafile=verify)
    if isinstance(tls.cert, tuple):
        context.load_cert_chain(*tls.cert)
    elif tls.cert is not None:
        context.load_cert_chain(tls.cert)
    return context
