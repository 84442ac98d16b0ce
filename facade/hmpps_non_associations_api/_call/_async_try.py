"""One try of one request over whichever connections apply: the shared ones (aiohttp,
one session per event loop), or an httpx transport the application passed
(`transport=`). scripts/unasync.py writes the thread twin, `_sync_try.py`.

The API clients and the HMPPS Auth clients both send through here, so both get the
same deadline, failure rules and connection reuse. The try runs within the bounds in
`BOUNDS`; a `SendError` says why no usable reply came.
"""

from __future__ import annotations

import time

import httpx

from .._transport._aiohttp import send_once
from .._transport._destination import Destination
from .._transport._failures import of_httpx
from .._transport._httpx import declared_too_large, reply_from, request_for
from .._transport._sockets import BOUNDS
from .._transport._twins import async_deadline
from .._transport._wire import SendError, WireReply, WireRequest

__all__ = ["async_try_once"]


async def async_try_once(
    destination: Destination, request: WireRequest, inner: httpx.AsyncBaseTransport | None
) -> WireReply:
    """The reply to one try of `request`; a SendError when none usable came."""
    bounds = BOUNDS.get()
    remaining = wait = None
    if bounds is not None:
        remaining = bounds.deadline - time.monotonic()
        if remaining <= 0:
            raise _past_deadline()
        wait = min(bounds.wait, remaining)
    if inner is None:
        return await send_once(destination, request, wait, remaining)
    try:
        async with async_deadline(remaining):
            return await async_send_via_httpx(inner, destination, request, wait)
    except TimeoutError:
        raise _past_deadline() from None


def _past_deadline() -> SendError:
    """A try stopped by the call's deadline (the call then reports the deadline)."""
    return SendError(SendError.TIMEOUT, "TimeoutError: call deadline exceeded", "TimeoutError")


async def async_send_via_httpx(
    inner: httpx.AsyncBaseTransport,
    destination: Destination,
    request: WireRequest,
    wait: float | None,
) -> WireReply:
    """One try through the application's httpx transport (respx in tests, the fake's
    transport, or its own); each wait bounded, as the transport owns its sockets. The
    body is read as it came, encoded, and no further than the limit allows."""
    limit = destination.limits.max_response_size
    try:
        response = await inner.handle_async_request(request_for(destination.origin, request, wait))
        try:
            chunks: list[bytes] | None = None
            if not declared_too_large(response, limit):
                chunks = await _async_chunks(response, limit)
        finally:
            await response.aclose()  # a body left unread: the transport drops the connection
    except httpx.TransportError as exc:
        raise of_httpx(exc) from None
    return reply_from(response, chunks, limit)


async def _async_chunks(response: httpx.Response, limit: int) -> list[bytes] | None:
    """The body's chunks as they came, or None once they pass `limit` bytes."""
    stream = response.stream
    assert isinstance(stream, httpx.AsyncByteStream)
    chunks, size = [], 0
    async for chunk in stream:
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return chunks
