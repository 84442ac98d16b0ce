"""One try of one request over whichever connections apply: the shared ones by default
(`_pool` for threads, `_aio` for asyncio), or an httpx transport the application passed.

Both the API clients and the HMPPS Auth clients send through here, so both get the same
deadline, failure classification and connection reuse. The try runs within the limits
in `LIMITS`; a `SendError` says why no usable reply came.
"""

from __future__ import annotations

import asyncio
import time

import httpx

from . import _aio, _pool
from ._async._via_httpx import async_send_via_httpx
from ._pool import PoolSettings
from ._sockets import LIMITS, bounded
from ._sync._via_httpx import send_via_httpx
from ._wire import Origin, SendError, WireReply, WireRequest

__all__ = ["PoolSettings", "async_send_once", "send_once"]

SyncInner = httpx.BaseTransport | None
AsyncInner = httpx.AsyncBaseTransport | None


def send_once(
    origin: Origin, settings: PoolSettings, request: WireRequest, inner: SyncInner
) -> WireReply:
    """One try, from a thread."""
    if inner is None:
        return _pool.send(origin, settings, request)
    try:
        wait = bounded()
    except TimeoutError:
        raise SendError("call deadline exceeded", retryable=False, timed_out=True) from None
    return send_via_httpx(inner, origin, request, wait)


async def async_send_once(
    origin: Origin, settings: PoolSettings, request: WireRequest, inner: AsyncInner
) -> WireReply:
    """One try, from a coroutine: the whole try is cancelled at the deadline."""
    limits = LIMITS.get()
    remaining = None if limits is None else limits.deadline - time.monotonic()
    wait = limits.wait if limits is not None else None
    if remaining is not None and wait is not None:
        wait = min(wait, remaining)
    try:
        async with asyncio.timeout(remaining):
            if inner is None:
                return await _aio.send(origin, settings, request, wait)
            return await async_send_via_httpx(inner, origin, request, wait)
    except TimeoutError:
        raise SendError(
            "TimeoutError: call deadline exceeded", retryable=True, timed_out=True
        ) from None
