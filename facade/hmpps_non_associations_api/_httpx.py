"""What sending through an httpx transport the application chose (`transport=`) needs
on both sides of the send (`_async/_via_httpx.py` and its twin): the request to build,
the reply it gives, and what a failure means for another try.

This path is slower than the default one and bounds each wait rather than each socket
operation: the transport owns its sockets.
"""

from __future__ import annotations

import ssl

import httpx

from ._errors import describe
from ._wire import Origin, SendError, WireReply, WireRequest

__all__ = ["failure", "reply_from", "request_for"]


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
    headers = {
        name.lower(): value
        for name, value in response.headers.items()
        if name.lower() not in _DECODED_HEADERS
    }
    return WireReply(response.status_code, response.reason_phrase, headers, body)


# The body handed on is already decoded and complete, so these no longer describe it.
_DECODED_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


def failure(exc: httpx.TransportError) -> SendError:
    """What an httpx failure means for another try."""
    detail = describe(exc)
    if isinstance(exc, httpx.TimeoutException):
        return SendError(detail, retryable=True, timed_out=True)
    if isinstance(exc, httpx.UnsupportedProtocol) or _certificate_failure(exc):
        return SendError(detail, retryable=False)
    return SendError(detail, retryable=True)


def _certificate_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError | ssl.CertificateError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
