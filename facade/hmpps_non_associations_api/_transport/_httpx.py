"""What sending through an httpx transport the application chose (`transport=`) needs
on both sides of the send (`_async/_try.py` and its twin): the request to build and the
reply it gives, its body as it crossed the wire (`_failures.of_httpx` says what a
failure means).

This path is slower than the default one and bounds each wait rather than each socket
operation: the transport owns its sockets.
"""

from __future__ import annotations

import httpx

from ._wire import Origin, WireReply, WireRequest

__all__ = ["declared_too_large", "reply_from", "request_for"]


def request_for(origin: Origin, request: WireRequest, wait: float | None) -> httpx.Request:
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
