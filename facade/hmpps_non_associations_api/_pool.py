"""Keep-alive connections for the synchronous clients, shared by every instance.

Applications create a client per user request, so connections cannot belong to a
client: they live here, one pool per destination (origin, limits, TLS, proxy), for the
whole process. HTTP itself is the standard library's `http.client`; this module only
lends its connections out one request at a time, keeps idle ones for reuse, bounds how
many are open, and starts afresh in a forked worker.
"""

from __future__ import annotations

import http.client
import os
import select
import threading
import time

from ._destination import Destination
from ._failures import of_http_client
from ._sockets import ProxyRefused, ProxyUnreachable, bounded, open_socket
from ._tls import context_for
from ._wire import SendError, WireReply, WireRequest, decode_body

__all__ = ["close_pools", "pool", "send_once"]


class _Connection(http.client.HTTPConnection):
    """An http.client connection over a deadline-bounded socket: verified TLS for https,
    through the destination's proxy if it has one."""

    def __init__(self, destination: Destination) -> None:
        origin = destination.origin
        super().__init__(origin.host, origin.port)
        self._tls = context_for(destination.tls) if destination.tls is not None else None
        proxy = destination.proxy
        self._proxy = None if proxy is None else (proxy.host, proxy.port, proxy.authorization)
        # Plain HTTP through a proxy: each request names the whole URL to it.
        self.absolute_form = origin.url if proxy is not None and self._tls is None else ""
        self.proxy_headers = (
            {"Proxy-Authorization": proxy.authorization}
            if self.absolute_form and proxy is not None and proxy.authorization
            else {}
        )

    def connect(self) -> None:
        self.sock = open_socket(self.host, self.port, self._tls, self._proxy)

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


class _Pool:
    """The connections to one destination: at most `max_connections` open, the most
    recently used idle one lent first, idle ones dropped after `keepalive_expiry`."""

    def __init__(self, destination: Destination) -> None:
        self.destination = destination
        self.limits = destination.limits
        self._idle: list[tuple[_Connection, float]] = []
        self._open = 0
        self._available = threading.Condition(threading.Lock())

    def lend(self) -> _Connection:
        """A connection for one request, waiting (within the call's bounds) while all are
        busy."""
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
                if not self._available.wait(bounded(None)):
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


def send_once(destination: Destination, request: WireRequest, wait: float | None) -> WireReply:
    """Send one request on a pooled connection and read the whole reply; a `SendError`
    when no usable reply came. Each socket operation is bounded by `BOUNDS` itself, so
    `wait` (what the asyncio twin bounds each wait with) is not needed here."""
    shared = pool(destination)
    try:
        connection = shared.lend()
    except TimeoutError as exc:
        raise of_http_client(exc) from None
    reusable = False
    try:
        target = connection.absolute_form + request.target
        sent = (
            {**request.headers, **connection.proxy_headers}
            if connection.proxy_headers
            else request.headers
        )
        connection.request(request.method, target, request.body, sent)
        response = connection.getresponse()
        body = response.read()
        reusable = not response.will_close
        headers = {name.lower(): value for name, value in response.getheaders()}
    except ProxyRefused as exc:
        raise SendError(SendError.PROXY, str(exc), type(exc).__qualname__) from None
    except ProxyUnreachable as exc:
        cause = type(exc.__cause__ or exc).__qualname__
        raise SendError(SendError.PROXY_UNREACHABLE, str(exc), cause) from None
    except Exception as exc:
        raise of_http_client(exc) from None
    finally:
        shared.give_back(connection, reusable)
    content = decode_body(body, headers.get("content-encoding"))
    return WireReply(response.status, response.reason, headers, content)


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
