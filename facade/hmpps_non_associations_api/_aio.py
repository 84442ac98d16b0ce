"""Keep-alive connections for the asyncio client: one aiohttp session per event loop
and pool settings, shared by every instance on that loop.

A session belongs to its loop, so it is closed when the loop shuts down its async
generators (as `asyncio.run` and pytest-asyncio do) or by `aclose_pools()`.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
from collections.abc import AsyncGenerator

import aiohttp
from yarl import URL

from ._errors import describe
from ._pool import PoolSettings
from ._sockets import ssl_context
from ._wire import Origin, SendError, WireReply, WireRequest, decode_body

__all__ = ["aclose_pools", "loop_sessions", "send"]


class _ConnectionLost(Exception):
    """A connection failed under a request: carried past aiohttp's own resend."""

    def __init__(self, cause: Exception) -> None:
        super().__init__(describe(cause))


async def _no_resend(
    request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
) -> aiohttp.ClientResponse:
    """aiohttp sends an idempotent request (GET, PUT, DELETE) a second time when a
    reused connection fails under it. The retry rules alone decide what is sent again,
    so every try is one the plugins see and writes go once: a lost connection leaves
    aiohttp as an error it does not resend on."""
    try:
        return await handler(request)
    except aiohttp.ClientConnectorError:
        raise  # no connection was made: aiohttp does not resend these
    except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError) as exc:
        raise _ConnectionLost(exc) from exc


class _LoopSessions:
    """The sessions of one event loop, closed together when the loop shuts down."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.sessions: dict[PoolSettings, aiohttp.ClientSession] = {}
        self._watch = self._close_at_shutdown()

    async def start(self) -> None:
        """Register with the loop: the loop finalises its async generators at shutdown."""
        await self._watch.__anext__()

    async def _close_at_shutdown(self) -> AsyncGenerator[None]:
        try:
            yield
        finally:
            if _sessions.get(self.loop) is self:
                del _sessions[self.loop]
            await self.close()

    async def shut_down(self) -> None:
        await self._watch.aclose()

    def session(self, settings: PoolSettings) -> aiohttp.ClientSession:
        session = self.sessions.get(settings)
        if session is None:
            connector = aiohttp.TCPConnector(
                limit=settings.max_connections,
                limit_per_host=0,
                keepalive_timeout=settings.keepalive_expiry,
                ssl=ssl_context(),
            )
            session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                trust_env=False,
                auto_decompress=False,
                skip_auto_headers=("User-Agent", "Accept-Encoding"),
                middlewares=(_no_resend,),
            )
            self.sessions[settings] = session
        return session

    async def close(self) -> None:
        sessions = list(self.sessions.values())
        self.sessions.clear()
        for session in sessions:
            await session.close()


_sessions: dict[asyncio.AbstractEventLoop, _LoopSessions] = {}


async def loop_sessions() -> _LoopSessions:
    """The running loop's sessions, registered for closing at the loop's shutdown."""
    loop = asyncio.get_running_loop()
    sessions = _sessions.get(loop)
    if sessions is None:
        sessions = _sessions[loop] = _LoopSessions(loop)
        await sessions.start()
    return sessions


async def send(
    origin: Origin, settings: PoolSettings, request: WireRequest, wait: float | None
) -> WireReply:
    """Send one request and read the whole reply; the caller bounds it by the deadline."""
    session = (await loop_sessions()).session(settings)
    url = URL(origin.url + request.target, encoded=True)
    timeout = aiohttp.ClientTimeout(total=None, connect=wait, sock_read=wait)
    try:
        async with session.request(
            request.method,
            url,
            data=request.body,
            headers=request.headers,
            allow_redirects=False,
            timeout=timeout,
        ) as response:
            body = await response.read()
            headers = {name.lower(): value for name, value in response.headers.items()}
            status, reason = response.status, response.reason or ""
    except _ConnectionLost as lost:
        raise SendError(str(lost), retryable=True) from None
    except (aiohttp.ClientError, OSError, TimeoutError) as exc:
        raise _failure(exc) from None
    return WireReply(status, reason, headers, decode_body(body, headers.get("content-encoding")))


def _failure(exc: Exception) -> SendError:
    detail = describe(exc)
    if isinstance(exc, TimeoutError | aiohttp.ServerTimeoutError):
        return SendError(detail, retryable=True, timed_out=True)
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | ssl.SSLCertVerificationError):
        return SendError(detail, retryable=False)
    cause = getattr(exc, "os_error", None)
    if isinstance(cause, socket.gaierror):
        return SendError(detail, retryable=cause.errno == socket.EAI_AGAIN)
    if isinstance(exc, aiohttp.InvalidURL):
        return SendError(detail, retryable=False)
    return SendError(detail, retryable=True)


async def aclose_pools() -> None:
    """Close the running event loop's shared connections (for an async application's
    shutdown; a loop shut down by `asyncio.run` closes them itself)."""
    sessions = _sessions.get(asyncio.get_running_loop())
    if sessions is not None:
        await sessions.shut_down()


def _forget_after_fork() -> None:
    _sessions.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)
