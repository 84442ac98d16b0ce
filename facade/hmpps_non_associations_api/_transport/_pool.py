"""The thread clients' transport: keep-alive connections over the standard library's
`http.client`, shared by every instance.

Applications create a client per user request, so connections cannot belong to a
client: they live here, one pool per destination (origin, limits, TLS, proxy), for the
whole process. `PoolTransport` lends a connection for each try, hands its socket the
try's bounds, and says what a failure of http.client or the socket means; the pool
keeps idle connections for reuse, bounds how many are open, and starts afresh in a
forked worker.
"""

from __future__ import annotations

import http.client
import os
import select
import threading
import time
from typing import Any

from ._destination import Destination
from ._failures import failure, os_error_kind
from ._interface import Bounds, Transport
from ._sockets import ProxyRefused, ProxyUnreachable, open_socket
from ._tls import context_for
from ._wire import SendError, WireReply, WireRequest

__all__ = ["PoolTransport", "close_pools", "pool"]


class _Connection:
    """One kept-alive connection over a deadline-bounded socket: verified TLS for https,
    through the destination's proxy if it has one. The request head is written here,
    from headers already checked where they were given; the reply is read by
    `http.client.HTTPResponse`, the standard library's HTTP/1.1 parser."""

    __slots__ = ("_head", "_proxy", "_tls", "host", "port", "sock")

    def __init__(self, destination: Destination) -> None:
        origin = destination.origin
        self.host, self.port = origin.host, origin.port
        self.sock: Any = None
        self._tls = context_for(destination.tls) if destination.tls is not None else None
        proxy = destination.proxy
        self._proxy = None if proxy is None else (proxy.host, proxy.port, proxy.authorization)
        # Plain HTTP through a proxy: each request names the whole URL to it.
        through_proxy = proxy is not None and self._tls is None
        authority = origin.authority
        if not authority.isascii():
            authority = authority.encode("idna").decode("ascii")
        lines = [f"Host: {authority}"]
        if through_proxy and proxy is not None and proxy.authorization:
            lines.append(f"Proxy-Authorization: {proxy.authorization}")
        self._head = (origin.url if through_proxy else "", "\r\n".join(lines))

    def exchange(
        self, request: WireRequest, limit: int, bounds: Bounds
    ) -> tuple[http.client.HTTPResponse, bytes | None]:
        """Send `request` and read the whole reply, every wait within `bounds`,
        connecting first if need be; the body is None when it is longer than `limit`
        bytes (then left unread)."""
        if self.sock is None:
            self.sock = open_socket(self.host, self.port, self._tls, self._proxy, bounds)
        else:
            self.sock.bounds = bounds
        prefix, fixed = self._head
        lines = [f"{request.method} {prefix}{request.target} HTTP/1.1", fixed]
        lines.extend([f"{name}: {value}" for name, value in request.headers.items()])
        body = request.body
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        elif request.method in _BODY_EXPECTED:
            lines.append("Content-Length: 0")
        lines.append("\r\n")
        head = "\r\n".join(lines).encode("ascii")
        self.sock.sendall(head if body is None else head + body)
        response = http.client.HTTPResponse(self.sock, method=request.method)
        response.begin()
        # A declared length past the limit is not read at all; an undeclared one only
        # that far.
        length = response.length
        if length is None:
            body = response.read(limit + 1)
            return response, body if len(body) <= limit else None
        return response, response.read() if length <= limit else None

    def idle_and_open(self) -> bool:
        """False when the server has closed it (or sent something unasked) while idle."""
        sock = self.sock
        if sock is None:
            return False
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    def close(self) -> None:
        sock, self.sock = self.sock, None
        if sock is not None:
            sock.close()


_BODY_EXPECTED = frozenset({"POST", "PUT", "PATCH"})
"""Methods sent with `Content-Length: 0` when they carry no body, as http.client does."""


class _Pool:
    """The connections to one destination: at most `max_connections` open, the most
    recently used idle one lent first, idle ones dropped after `keepalive_expiry`."""

    def __init__(self, destination: Destination) -> None:
        self.destination = destination
        self.limits = destination.limits
        self._idle: list[tuple[_Connection, float]] = []
        self._open = 0
        self._available = threading.Condition(threading.Lock())

    def lend(self, bounds: Bounds) -> _Connection:
        """A connection for one request, waiting (within `bounds`) while all are busy."""
        with self._available:
            while True:
                now = time.monotonic()
                while self._idle:
                    connection, since = self._idle.pop()
                    if now - since < self.limits.keepalive_expiry and connection.idle_and_open():
                        return connection
                    connection.close()
                    self._open -= 1
                if self._open < self.limits.max_connections:
                    self._open += 1
                    return _Connection(self.destination)
                if not self._available.wait(bounds.next_wait()):
                    raise TimeoutError("no connection became free in time")

    def give_back(self, connection: _Connection, reusable: bool) -> None:
        with self._available:
            if reusable and len(self._idle) < self.limits.max_keepalive_connections:
                self._idle.append((connection, time.monotonic()))
            else:
                connection.close()
                self._open -= 1
            self._available.notify()

    def close(self) -> None:
        with self._available:
            idle, self._idle = self._idle, []
            self._open -= len(idle)
        for connection, _ in idle:
            connection.close()


_lock = threading.Lock()
_pools: dict[Destination, _Pool] = {}


def pool(destination: Destination) -> _Pool:
    """The process-wide pool for a destination."""
    found = _pools.get(destination)
    if found is None:
        with _lock:
            found = _pools.setdefault(destination, _Pool(destination))
    return found


class PoolTransport(Transport):
    """The shared connections to one destination, for the thread clients."""

    __slots__ = ("_destination", "_limit")

    def __init__(self, destination: Destination) -> None:
        self._destination = destination
        self._limit = destination.limits.max_response_size

    def send(self, request: WireRequest, bounds: Bounds) -> WireReply:
        """Send one request on a pooled connection and read the whole reply, every wait
        (for a free connection, to connect, to write, to read) within `bounds`."""
        shared = pool(self._destination)
        try:
            connection = shared.lend(bounds)
        except TimeoutError as exc:
            raise _failed(exc) from None
        reusable = False
        limit = self._limit
        try:
            response, body = connection.exchange(request, limit, bounds)
            # A body left unread (too large) would be read as the next reply: never reused.
            reusable = body is not None and not response.will_close
        except Exception as exc:
            raise _failed(exc) from None
        finally:
            shared.give_back(connection, reusable)
        return WireReply(
            response.status,
            response.reason,
            response.msg.raw_items(),
            body or b"",
            response.msg.get("content-encoding"),
            limit,
            too_large=body is None,
        )

    def close(self) -> None:
        """Nothing of its own: the process's pools stay for every client (`close_pools`)."""


def _failed(exc: Exception) -> SendError:
    """What a failure of http.client or the project's sockets means."""
    if isinstance(exc, ProxyRefused):
        return SendError(SendError.PROXY, str(exc), type(exc).__qualname__)
    if isinstance(exc, ProxyUnreachable):
        cause = type(exc.__cause__ or exc).__qualname__
        return SendError(SendError.PROXY_UNREACHABLE, str(exc), cause)
    if isinstance(exc, TimeoutError):
        return failure(SendError.TIMEOUT, exc)
    known = os_error_kind(exc)
    if known is not None:
        return failure(known, exc)
    if isinstance(exc, http.client.BadStatusLine | http.client.LineTooLong):
        return failure(SendError.GARBLED, exc)
    if isinstance(exc, OSError | http.client.HTTPException):
        return failure(SendError.LOST, exc)
    raise exc


def close_pools() -> None:
    """Close the shared synchronous connections (for application shutdown and tests)."""
    with _lock:
        pools = list(_pools.values())
        _pools.clear()
    for each in pools:
        each.close()


def _forget_after_fork() -> None:
    """A forked worker (gunicorn, multiprocessing) must not share its parent's sockets."""
    global _lock
    _lock = threading.Lock()
    _pools.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)
