"""One try through an httpx transport the application chose (`transport=`): respx in
tests, the fake's transport, or its own. scripts/unasync.py writes its thread twin,
`_sync/_via_httpx.py`; what the two share is in `_httpx.py`."""

from __future__ import annotations

import httpx

from .._httpx import failure, reply_from, request_for
from .._wire import Origin, WireReply, WireRequest

__all__ = ["async_send_via_httpx"]


async def async_send_via_httpx(
    inner: httpx.AsyncBaseTransport, origin: Origin, request: WireRequest, wait: float | None
) -> WireReply:
    try:
        response = await inner.handle_async_request(request_for(origin, request, wait))
        try:
            body = await response.aread()
        finally:
            await response.aclose()
    except httpx.TransportError as exc:
        raise failure(exc) from None
    return reply_from(response, body)
