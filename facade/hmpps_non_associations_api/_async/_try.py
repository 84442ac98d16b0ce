"""One try of one request over whichever connections apply: the shared ones (aiohttp,
one session per event loop), or an httpx transport the application passed
(`transport=`). scripts/unasync.py writes the thread twin, `_sync/_try.py`.

The API clients and the HMPPS Auth clients both send through here, so both get the
same deadline, failure rules and connection reuse. The try runs within the bounds in
`BOUNDS`; a `SendError` says why no usable reply came.
"""

from __future__ import annotations

import time

import httpx

from .._aio import send_once
from .._destination import Destination
from .._failures import of_httpx
from .._httpx import reply_from, request_for
from .._sockets import BOUNDS
from .._twins import async_deadline
from .._wire import Origin, SendError, WireReply, WireRequest

__all__ = ["async_try_once"]


async def async_try_once(
    destination: Destination, request: WireRequest, inner: httpx.AsyncBaseTransport | None
) -> WireReply:
    """The reply to one try of `request`; a SendError when none usable came."""
    bounds = BOUNDS.get()
    remaining = None if bounds is None else bounds.deadline - time.monotonic()
    if remaining is not None and remaining <= 0:
        raise SendError(SendError.TIMEOUT, "call deadline exceeded", "TimeoutError")
    wait = None if bounds is None or remaining is None else min(bounds.wait, remaining)
    try:
        async with async_deadline(remaining):
            if inner is None:
                return await send_once(destination, request, wait)
            return await async_send_via_httpx(inner, destination.origin, request, wait)
    except TimeoutError:
        raise SendError(
            SendError.TIMEOUT, "TimeoutError: call deadline exceeded", "TimeoutError"
        ) from None


async def async_send_via_httpx(
    inner: httpx.AsyncBaseTransport, origin: Origin, request: WireRequest, wait: float | None
) -> WireReply:
    """One try through the application's httpx transport (respx in tests, the fake's
    transport, or its own); each wait bounded, as the transport owns its sockets."""
    try:
        response = await inner.handle_async_request(request_for(origin, request, wait))
        try:
            body = await response.aread()
        finally:
            await response.aclose()
    except httpx.TransportError as exc:
        raise of_httpx(exc) from None
    return reply_from(response, body)
