"""Keep-alive connections for the synchronous client, shared by every instance.

Applications create a client per user request, so connections cannot belong to a
client: they live here, one pool per origin and pool settings, for the whole process.
HTTP itself is the standard library's `http.client`; this module only lends its
connections out one request at a time, keeps idle ones for reuse, bounds how many are
open, and starts afresh in a forked worker.
"""

from __future__ import annotations

import http.client
import os
import select
import socket
import ssl
import threading
import time

import attrs

from ._config import ApiConfig
from ._errors import describe
from ._sockets import bounded, open_socket
from ._wire import Origin, SendError, WireReply, WireRequest, decode_body

__all__ = ["PoolSettings", "close_pools", "pool", "send"]


@attrs.frozen
class PoolSettings:
    """How many connections may be open per origin, how many kept idle, and for how long."""

    max_connections: int
    max_keepalive_connections: int
    keepalive_expiry: float

    @classmethod
    def of(cls, config: ApiConfig) -> PoolSettings:
        return cls(
            config.max_connections, config.max_keepalive_connections, config.keepalive_expiry
        )


class _Connection(http.client.HTTPConnection):
    """An http.client connection over a deadline-bounded (and, for https, verified) socket."""

    def __init__(self, origin: Origin) -> None:
        super().__init__(origin.host, origin.port)
        self._tls = origin.scheme == "https"

    def connect(self) -> None:
        self.sock = open_socket(self.host, self.port, self._tls)

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
    """The connections to one origin: at most `max_connections` open, the most recently
    used idle one lent first, idle ones dropped after `keepalive_expiry` seconds."""

    def __init__(self, origin: Origin, settings: PoolSettings) -> None:
        self.origin = origin
        self.settings = settings
        self._idle: list[tuple[_Connection, float]] = []
        self._open = 0
        self._available = threading.Condition(threading.Lock())

    def lend(self) -> _Connection:
        """A connection for one request, waiting (within the call's limits) while all are busy."""
        with self._available:
            while True:
                now = time.monotonic()
                while self._idle:
                    connection, since = self._idle.pop()
                    if now - since < self.settings.keepalive_expiry and connection.idle_and_open():
                        return connection
                    connection.close()
                    self._open -= 1
                if self._open < self.settings.max_connections:
                    self._open += 1
                    return _Connection(self.origin)
                if not self._available.wait(bounded(None)):
                    raise TimeoutError("no connection became free in time")

    def give_back(self, connection: _Connection, reusable: bool) -> None:
        with self._available:
            if reusable and len(self._idle) < self.settings.max_keepalive_connections:
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
_pools: dict[tuple[Origin, PoolSettings], _Pool] = {}


def pool(origin: Origin, settings: PoolSettings) -> _Pool:
    """The process-wide pool for an origin and pool settings."""
    key = (origin, settings)
    pool = _pools.get(key)
    if pool is None:
        with _lock:
            pool = _pools.setdefault(key, _Pool(origin, settings))
    return pool


def send(origin: Origin, settings: PoolSettings, request: WireRequest) -> WireReply:
    """Send one request on a pooled connection and read the whole reply, within the
    limits set in `LIMITS`; a `SendError` when no usable reply came."""
    shared = pool(origin, settings)
    try:
        connection = shared.lend()
    except TimeoutError as exc:
        raise SendError(f"{type(exc).__name__}: {exc}", retryable=True, timed_out=True) from None
    reusable = False
    try:
        connection.request(request.method, request.target, request.body, request.headers)
        response = connection.getresponse()
        body = response.read()
        reusable = not response.will_close
        headers = {name.lower(): value for name, value in response.getheaders()}
    except Exception as exc:
        raise _failure(exc) from None
    finally:
        shared.give_back(connection, reusable)
    content = decode_body(body, headers.get("content-encoding"))
    return WireReply(response.status, response.reason, headers, content)


def _failure(exc: Exception) -> SendError:
    """What a failed try means: a timeout, a failure worth another try, or a final one."""
    detail = describe(exc)
    if isinstance(exc, TimeoutError):
        return SendError(detail, retryable=True, timed_out=True)
    if isinstance(exc, ssl.SSLCertVerificationError | ssl.CertificateError):
        return SendError(detail, retryable=False)
    if isinstance(exc, socket.gaierror):
        return SendError(detail, retryable=exc.errno == socket.EAI_AGAIN)
    if isinstance(exc, OSError | http.client.HTTPException):
        return SendError(detail, retryable=True)
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
