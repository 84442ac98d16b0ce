"""Connection pools shared by every client instance with the same pool settings.

Applications create a client per user request, so a client must not build its own
pool: that would mean a new SSL context, a fresh CA bundle load and no keep-alive
reuse on every request. Pools live here instead, one per pool setting (and, for
async, per event loop), built with one process-wide SSL context.

Their sockets also honour the call deadline: every connect, read and write waits
at most until the deadline in `DEADLINE`, so a server trickling bytes cannot hold
a call past it.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import os
import ssl
import threading
import time
import typing
import weakref
from collections.abc import Iterable

import httpcore
import httpx

from .config import ApiConfig

__all__ = ["DEADLINE", "aclose_pools", "async_pool", "close_pools", "sync_pool"]

DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "hmpps_non_associations_api_deadline", default=None
)
"""time.monotonic() value by which the current call must finish, or None."""


def _bounded(timeout: float | None) -> float | None:
    """timeout, shortened to what remains before the deadline."""
    deadline = DEADLINE.get()
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise httpcore.ReadTimeout("call deadline exceeded")
    return remaining if timeout is None else min(timeout, remaining)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host, port, _bounded(timeout), local_address, socket_options
        )
        return _Stream(stream)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _bounded(timeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _bounded(timeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        inner = await self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout))
        return _AsyncStream(inner)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(
            host, port, _bounded(timeout), local_address, socket_options
        )
        return _AsyncStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One SSL context for the process: building one costs about 20 ms."""
    return httpx.create_ssl_context()


_PoolKey = tuple[int, int, float]


def _key(config: ApiConfig) -> _PoolKey:
    return (config.max_connections, config.max_keepalive_connections, config.keepalive_expiry)


def _limits(key: _PoolKey) -> httpx.Limits:
    return httpx.Limits(
        max_connections=key[0], max_keepalive_connections=key[1], keepalive_expiry=key[2]
    )


_lock = threading.Lock()
_sync_pools: dict[_PoolKey, httpx.HTTPTransport] = {}
_async_pools: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, dict[_PoolKey, httpx.AsyncHTTPTransport]
] = weakref.WeakKeyDictionary()


def sync_pool(config: ApiConfig) -> httpx.HTTPTransport:
    """The process-wide pooled transport for config's pool settings."""
    key = _key(config)
    with _lock:
        pool = _sync_pools.get(key)
        if pool is None:
            pool = httpx.HTTPTransport(verify=_ssl_context(), limits=_limits(key))
            # httpx takes no network backend, so give its httpcore pool the
            # deadline-aware one (httpx is pinned below 0.29 for this).
            pool._pool._network_backend = _Backend()
            _sync_pools[key] = pool
        return pool


def async_pool(config: ApiConfig) -> httpx.AsyncHTTPTransport:
    """The pooled transport for config's pool settings on the running event loop."""
    key = _key(config)
    loop = asyncio.get_running_loop()
    with _lock:
        pools = _async_pools.setdefault(loop, {})
        pool = pools.get(key)
        if pool is None:
            pool = httpx.AsyncHTTPTransport(verify=_ssl_context(), limits=_limits(key))
            pool._pool._network_backend = _AsyncBackend()
            pools[key] = pool
        return pool


def close_pools() -> None:
    """Close the shared sync pools (for application shutdown and tests)."""
    with _lock:
        pools = list(_sync_pools.values())
        _sync_pools.clear()
    for pool in pools:
        pool.close()


def _forget_pools_after_fork() -> None:
    """A forked worker (gunicorn, multiprocessing) must not share its parent's sockets:
    it starts with no pools and a fresh lock."""
    global _lock
    _lock = threading.Lock()
    _sync_pools.clear()
    _async_pools.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pools_after_fork)


async def aclose_pools() -> None:
    """Close the running event loop's shared pools (for an async application's shutdown)."""
    with _lock:
        pools = list(_async_pools.pop(asyncio.get_running_loop(), {}).values())
    for pool in pools:
        await pool.aclose()
