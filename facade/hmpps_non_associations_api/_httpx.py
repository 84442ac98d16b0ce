"""What sending through an httpx transport the application chose (`transport=`) needs
on both sides of the send (`_async/_try.py` and its twin): the request to build and the
reply it gives (`_failures.of_httpx` says what a failure means).

This path is slower than the default one and bounds each wait rather than each socket
operation: the transport owns its sockets.
"""

from __future__ import annotations

import httpx

from ._wire import Origin, WireReply, WireRequest

__all__ = ["reply_from", "request_for"]


def request_for(origin: Origin, request: WireRequest, wait: float | None) -> httpx.Request:
    return httpx.Request(
        request.method,
        origin.url + request.target,
        headers=request.headers,
        content=request.body,
        extensions={"timeout": httpx.Timeout(wait).as_dict()},
    )


def reply_from(response: httpx.Response, body: bytes) -> WireReply:
    """The reply to a read response: httpx has already undone its content encoding."""
    headers = [
        (name, value)
        for name, value in response.headers.items()  # httpx gives the names lower-case
        if name not in _DECODED_HEADERS
    ]
    return WireReply(response.status_code, response.reason_phrase, headers, body)


# The body handed on is already decoded and complete, so these no longer describe it.
_DECODED_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
