"""What both httpx transports (`_async_httpx.py` and its twin) share: the request to
build, the reply a response gives with its body as it crossed the wire, and what an
httpx failure means.

An application's httpx transport owns its sockets, so each wait is bounded rather than
each socket operation, and the asyncio one is cut off at the deadline.
"""

from __future__ import annotations

import httpx

from ._failures import failure, os_error_kind
from ._wire import Origin, SendError, WireReply, WireRequest

__all__ = ["declared_too_large", "failed", "reply_from", "request_for"]


def request_for(origin: Origin, request: WireRequest, wait: float) -> httpx.Request:
    return httpx.Request(
        request.method,
        origin.url + request.target,
        headers=request.headers,
        content=request.body,
        extensions={"timeout": httpx.Timeout(wait).as_dict()},
    )


def declared_too_large(response: httpx.Response, limit: int) -> bool:
    """Whether the reply's `Content-Length` says its body is longer than `limit`."""
    length = response.headers.get("content-length", "")
    return length.isdigit() and int(length) > limit


def reply_from(response: httpx.Response, chunks: list[bytes] | None, limit: int) -> WireReply:
    """The reply to a response whose body was read as it came (`chunks`; None when it
    was longer than `limit` bytes). Encoded: `WireReply` decodes it, as for every
    connection layer."""
    return WireReply(
        response.status_code,
        response.reason_phrase,
        response.headers.multi_items(),
        b"".join(chunks) if chunks is not None else b"",
        response.headers.get("content-encoding"),
        limit,
        too_large=chunks is None,
    )


def failed(exc: Exception) -> SendError:
    """What a failure of an httpx transport (or the call's deadline) means."""
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return failure(SendError.TIMEOUT, exc)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return failure(SendError.UNUSABLE, exc)
    if isinstance(exc, httpx.ProxyError):
        return failure(SendError.PROXY, exc)
    known = os_error_kind(exc)
    if known is not None:
        return failure(known, exc)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.LocalProtocolError):
        return failure(SendError.GARBLED, exc)
    return failure(SendError.LOST, exc)
