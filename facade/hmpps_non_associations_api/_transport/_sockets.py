"""Sockets that never wait past the call's deadline, for the thread pool.

Every connect, read and write waits at most the per-wait timeout and never beyond the
deadline of the try in progress, so a server trickling one byte at a time cannot hold a
call past its deadline. The pool gives each socket the try's `Bounds` before it sends
(http.client then reads the reply through the socket, which applies them to every
wait). A connection may go through a proxy: plain HTTP is sent to it as is, HTTPS
through a `CONNECT` tunnel.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any, cast

from ._interface import Bounds

__all__ = ["ProxyRefused", "ProxyUnreachable", "open_socket"]


def _bound(sock: Any) -> None:
    """Give the socket the wait its bounds allow now. Setting a timeout is a system
    call, so it is made only when the bound changed: mostly it is the same per-wait
    timeout, until the deadline draws nearer than that."""
    wait = sock.bounds.next_wait()
    if wait != sock.gettimeout():
        sock.settimeout(wait)


class _BoundedSocket(socket.socket):
    """A plain socket whose every blocking operation waits within `bounds`."""

    bounds: Bounds

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        _bound(self)
        return super().recv_into(buffer, nbytes, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        _bound(self)
        super().sendall(data, flags)


class _BoundedSSLSocket(ssl.SSLSocket):
    """The same for TLS. A socket any SSL context wraps becomes one of these (its class
    is swapped after the handshake), so an application's own context is never changed."""

    bounds: Bounds

    def recv_into(self, buffer: Any, nbytes: int | None = None, flags: int = 0) -> int:
        _bound(self)
        return super().recv_into(buffer, nbytes, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        _bound(self)
        super().sendall(data, flags)


class ProxyRefused(OSError):
    """The proxy answered the `CONNECT` with something other than 2xx."""


class ProxyUnreachable(OSError):
    """No connection to the proxy (refused, or its host name unknown): the failure is
    the proxy's, not the service's. Its cause is the socket's error."""


def _connected(host: str, port: int, bounds: Bounds) -> _BoundedSocket:
    raw = socket.create_connection((host, port), timeout=bounds.next_wait())
    try:
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock = _BoundedSocket(fileno=raw.detach())
    except BaseException:
        raw.close()
        raise
    sock.bounds = bounds
    return sock


def _tunnel(sock: _BoundedSocket, host: str, port: int, authorization: str | None) -> None:
    """Ask the proxy for a tunnel to host:port; ProxyRefused unless it agrees."""
    authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    lines = [f"CONNECT {authority} HTTP/1.1", f"Host: {authority}"]
    if authorization is not None:
        lines.append(f"Proxy-Authorization: {authorization}")
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
    with sock.makefile("rb") as reply:
        status = reply.readline(65537)
        while reply.readline(65537) not in (b"\r\n", b"\n", b""):
            pass  # the proxy's headers
    parts = status.split(None, 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].startswith(b"2"):
        shown = status.decode("latin-1").strip()[:100] or "nothing"
        raise ProxyRefused(f"the proxy answered CONNECT with {shown}")


def open_socket(
    host: str,
    port: int,
    tls: ssl.SSLContext | None,
    proxy: tuple[str, int, str | None] | None,
    bounds: Bounds,
) -> Any:
    """A connected socket to host:port, each wait within `bounds` (and every later one
    within the bounds the pool gives it): through `proxy` (its host, port and
    Proxy-Authorization) when one is given (a tunnel for TLS), and TLS-wrapped and
    verified with the context `tls`."""
    if proxy is None:
        sock = _connected(host, port, bounds)
    else:
        try:
            sock = _connected(proxy[0], proxy[1], bounds)
        except TimeoutError:
            raise
        except OSError as exc:
            raise ProxyUnreachable(f"{type(exc).__name__}: {exc}") from exc
    try:
        if proxy is not None and tls is not None:
            _tunnel(sock, host, port, proxy[2])
        if tls is None:
            return sock
        sock.settimeout(bounds.next_wait())
        wrapped = tls.wrap_socket(sock, server_hostname=host)
    except BaseException:
        sock.close()
        raise
    wrapped.__class__ = _BoundedSSLSocket
    bounded = cast(_BoundedSSLSocket, wrapped)
    bounded.bounds = bounds
    return bounded
