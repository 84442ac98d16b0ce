"""Sockets that never wait past the call's deadline, and the process-wide SSL context.

Every connect, read and write on a pooled socket waits at most the per-wait timeout and
never beyond the deadline of the call in progress (`LIMITS`), so a server trickling one
byte at a time cannot hold a call past its deadline.
"""

from __future__ import annotations

import contextvars
import functools
import socket
import ssl
import time
from typing import Any

import httpx

__all__ = ["LIMITS", "Limits", "bounded", "open_socket", "ssl_context"]


class Limits:
    """How long one wait may take, and by when the whole call must end."""

    __slots__ = ("deadline", "wait")

    def __init__(self, wait: float, deadline: float) -> None:
        self.wait = wait
        self.deadline = deadline  # a time.monotonic() value


LIMITS: contextvars.ContextVar[Limits | None] = contextvars.ContextVar(
    "hmpps_non_associations_api_limits", default=None
)


def bounded(wait: float | None = None) -> float | None:
    """Seconds the next wait may take under the current limits; TimeoutError once the
    deadline has passed. Without limits, `wait` as given (None blocks)."""
    limits = LIMITS.get()
    if limits is None:
        return wait
    remaining = limits.deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("call deadline exceeded")
    return min(limits.wait if wait is None else wait, remaining)


class _BoundedSocket(socket.socket):
    """A plain socket whose every blocking operation gets the current bound."""

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        self.settimeout(bounded())
        return super().recv_into(buffer, nbytes, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        self.settimeout(bounded())
        super().sendall(data, flags)


class _BoundedSSLSocket(ssl.SSLSocket):
    """The same for TLS (the SSL context creates these)."""

    def recv_into(self, buffer: Any, nbytes: int | None = None, flags: int = 0) -> int:
        self.settimeout(bounded())
        return super().recv_into(buffer, nbytes, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        self.settimeout(bounded())
        super().sendall(data, flags)


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """One verifying SSL context for the process (building one costs about 20 ms), whose
    sockets honour the call's limits."""
    context = httpx.create_ssl_context()
    context.sslsocket_class = _BoundedSSLSocket
    return context


def open_socket(host: str, port: int, tls: bool) -> Any:
    """A connected socket to host:port (TLS-wrapped and verified when `tls`), bounded
    by the current limits."""
    raw = socket.create_connection((host, port), timeout=bounded())
    try:
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock = _BoundedSocket(fileno=raw.detach())
    except BaseException:
        raw.close()
        raise
    if not tls:
        return sock
    try:
        sock.settimeout(bounded())
        return ssl_context().wrap_socket(sock, server_hostname=host)
    except BaseException:
        sock.close()
        raise
