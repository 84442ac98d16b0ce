"""`AsyncHttpxTransport`: a client's requests through an httpx transport the
application passed as `transport=` (respx in tests, the fakes' transport, or its own).
scripts/unasync.py writes the thread twin, `_sync_httpx.py`."""

from __future__ import annotations

import httpx

from ._destination import Destination
from ._httpx import declared_too_large, failed, reply_from, request_for
from ._interface import AsyncTransport, Bounds
from ._twins import async_deadline
from ._wire import WireReply, WireRequest

__all__ = ["AsyncHttpxTransport"]


class AsyncHttpxTransport(AsyncTransport):
    """An application's httpx transport, owned by the client it was given to."""

    __slots__ = ("_destination", "_inner", "_limit")

    def __init__(self, inner: httpx.AsyncBaseTransport, destination: Destination) -> None:
        self._inner = inner
        self._destination = destination
        self._limit = destination.limits.max_response_size

    async def send(self, request: WireRequest, bounds: Bounds) -> WireReply:
        """One try through the transport, each wait within the per-wait bound (the
        asyncio one cut off at the deadline); the body read as it came, encoded, and no
        further than the limit allows."""
        try:
            remaining = bounds.remaining()
            async with async_deadline(remaining):
                return await self._exchange(request, min(bounds.wait, remaining))
        except (httpx.TransportError, TimeoutError) as exc:
            raise failed(exc) from None

    async def _exchange(self, request: WireRequest, wait: float) -> WireReply:
        limit = self._limit
        built = request_for(self._destination.origin, request, wait)
        response = await self._inner.handle_async_request(built)
        try:
            chunks: list[bytes] | None = None
            if not declared_too_large(response, limit):
                chunks = await _async_chunks(response, limit)
        finally:
            await response.aclose()  # a body left unread: the transport drops the connection
        return reply_from(response, chunks, limit)

    async def aclose(self) -> None:
        """Close the application's transport: the client it was given to owns it."""
        await self._inner.aclose()


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
