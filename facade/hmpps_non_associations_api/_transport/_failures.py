"""What a failed try means, for each connection library in one place: the standard
library's `http.client` and sockets (the thread pool), aiohttp (asyncio) and httpx (a
transport the application passed). Each gives a `SendError` whose kind the retry rules,
the error messages and the telemetry read.
"""

from __future__ import annotations

import http.client
import socket
import ssl

import aiohttp
import httpx

from ._wire import SendError

__all__ = ["describe", "of_aiohttp", "of_http_client", "of_httpx"]


def describe(exc: BaseException) -> str:
    """A library exception in words: its class and message (never a request it holds)."""
    detail = str(exc)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(found) < 10:
        found.append(seen)
        seen = seen.__cause__ or seen.__context__
    return found


def _of_os_error(exc: BaseException) -> str | None:
    """The kind an OS-level cause reveals, wherever it sits in the chain."""
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError | ssl.CertificateError):
            return SendError.CERTIFICATE
        if isinstance(cause, socket.gaierror):
            temporary = cause.errno == socket.EAI_AGAIN
            return SendError.LOOKUP_FAILED if temporary else SendError.HOST_NOT_FOUND
        if isinstance(cause, ConnectionRefusedError):
            return SendError.REFUSED
    return None


def _error(kind: str, exc: BaseException) -> SendError:
    return SendError(kind, describe(exc), type(exc).__qualname__)


def of_http_client(exc: Exception) -> SendError:
    """A failure of the thread pool's try (http.client over the project's sockets)."""
    if isinstance(exc, TimeoutError):
        return _error(SendError.TIMEOUT, exc)
    known = _of_os_error(exc)
    if known is not None:
        return _error(known, exc)
    if isinstance(exc, http.client.BadStatusLine | http.client.LineTooLong):
        return _error(SendError.GARBLED, exc)
    if isinstance(exc, OSError | http.client.HTTPException):
        return _error(SendError.LOST, exc)
    raise exc


def of_aiohttp(exc: BaseException) -> SendError:
    """A failure of the asyncio try (aiohttp)."""
    if isinstance(exc, TimeoutError | aiohttp.ServerTimeoutError):
        return _error(SendError.TIMEOUT, exc)
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return _error(SendError.CERTIFICATE, exc)
    if isinstance(exc, aiohttp.ClientHttpProxyError):
        return _error(SendError.PROXY, exc)
    if isinstance(exc, aiohttp.ClientProxyConnectionError):
        return _error(SendError.PROXY_UNREACHABLE, exc)
    known = _of_os_error(exc)
    if known is not None:
        return _error(known, exc)
    if isinstance(exc, aiohttp.ClientResponseError):
        return _error(SendError.GARBLED, exc)
    if isinstance(exc, aiohttp.InvalidURL):
        return _error(SendError.UNUSABLE, exc)
    return _error(SendError.LOST, exc)


def of_httpx(exc: httpx.TransportError) -> SendError:
    """A failure of an httpx transport the application passed."""
    if isinstance(exc, httpx.TimeoutException):
        return _error(SendError.TIMEOUT, exc)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return _error(SendError.UNUSABLE, exc)
    if isinstance(exc, httpx.ProxyError):
        return _error(SendError.PROXY, exc)
    known = _of_os_error(exc)
    if known is not None:
        return _error(known, exc)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.LocalProtocolError):
        return _error(SendError.GARBLED, exc)
    return _error(SendError.LOST, exc)
