"""The asyncio clients' transport: aiohttp, with one session per event loop and
connection settings (limits and TLS), shared by every instance on that loop.

A session belongs to its loop, so it is closed when the loop shuts down its async
generators (as `asyncio.run` and pytest-asyncio do) or by `aclose_pools()`.
"""

from __future__ import annotations

import asyncio
import math
import os
import time
from collections.abc import AsyncGenerator

import aiohttp
from yarl import URL

from .._settings._config import Limits
from ._destination import Destination
from ._failures import failure, os_error_kind
from ._interface import AsyncTransport, Bounds
from ._tls import Tls, context_for
from ._wire import SendError, WireReply, WireRequest

__all__ = ["AiohttpTransport", "aclose_pools", "loop_sessions"]

_QUIET = 0.01
"""Seconds without a new try after which the loop is given a turn before the next one
(see `AiohttpTransport.send`): far longer than the gap between tries while calls keep coming."""


class _LoopSessions:
    """The sessions of one event loop, closed together when the loop shuts down."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.sessions: dict[tuple[Limits, Tls | None], aiohttp.ClientSession] = {}
        self.last_try = -math.inf  # when the latest try started, time.monotonic()
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

    def session(self, limits: Limits, tls: Tls | None) -> aiohttp.ClientSession:
        key = (limits, tls)
        session = self.sessions.get(key)
        if session is None:
            connector = aiohttp.TCPConnector(
                limit=limits.max_connections,
                limit_per_host=0,
                keepalive_timeout=limits.keepalive_expiry,
                timeout_ceil_threshold=math.inf,  # each wait as given, not rounded up
                ssl=context_for(tls) if tls is not None else True,
            )
            session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),
                trust_env=False,  # the proxy is chosen by the configuration, not here
                auto_decompress=False,
                # The request's own headers name its body's type; aiohttp would call an
                # empty POST's body application/octet-stream, which the sync client does not.
                skip_auto_headers=("User-Agent", "Accept-Encoding", "Content-Type"),
            )
            # aiohttp sends an idempotent request (GET, PUT, DELETE) a second time when a
            # reused connection fails under it. The retry rules alone decide what is sent
            # again, so every try is one the plugins see. The switch is private (aiohttp
            # has no public one); tests/reliability fails if it stops working, and a
            # middleware doing the same costs each request 3% of its time.
            session._retry_connection = False
            self.sessions[key] = session
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


class AiohttpTransport(AsyncTransport):
    """The shared sessions' connections to one destination, for the asyncio clients."""

    __slots__ = ("_destination", "_limit", "_url")

    def __init__(self, destination: Destination) -> None:
        self._destination = destination
        self._limit = destination.limits.max_response_size
        self._url = destination.origin.url

    async def send(self, request: WireRequest, bounds: Bounds) -> WireReply:
        """Send one request and read the whole reply, each socket wait within the per-wait
        bound and the whole try within what is left of the call.

        After a quiet spell the loop is given one turn first: a script or worker that
        runs its loop only while it makes calls (`run_until_complete` per job) leaves
        the server's close of an idle kept-alive connection unread until then, and the
        turn lets the loop see it, so the request goes out on a live connection instead
        of failing on the closed one. While tries keep coming the loop is running and has
        seen any close."""
        try:
            remaining = bounds.remaining()
        except TimeoutError as exc:
            raise _failed(exc) from None
        wait = min(bounds.wait, remaining)
        destination = self._destination
        sessions = _sessions.get(asyncio.get_running_loop()) or await loop_sessions()
        now = time.monotonic()
        if now - sessions.last_try > _QUIET:
            await asyncio.sleep(0)
        sessions.last_try = now
        session = sessions.session(destination.limits, destination.tls)
        limit = self._limit
        url = URL(self._url + request.target, encoded=True)
        timeout = aiohttp.ClientTimeout(
            total=remaining, connect=wait, sock_read=wait, ceil_threshold=math.inf
        )
        proxy = destination.proxy
        sent, proxy_headers = request.headers, None
        if proxy is not None and proxy.authorization:
            # aiohttp sends `proxy_headers` only with a CONNECT: plain HTTP, which the
            # proxy reads itself, carries the header on the request (a copy: plugins
            # never see it).
            if destination.tls is None:
                sent = {**sent, "Proxy-Authorization": proxy.authorization}
            else:
                proxy_headers = {"Proxy-Authorization": proxy.authorization}
        try:
            async with session.request(
                request.method,
                url,
                data=request.body,
                headers=sent,
                allow_redirects=False,
                timeout=timeout,
                proxy=proxy.url if proxy is not None else None,
                proxy_headers=proxy_headers,
            ) as response:
                # A declared length past the limit is not read at all; an undeclared one
                # only that far. The rest unread, the connection is dropped, not reused.
                length = response.content_length
                if length is None:
                    body = await _up_to(response, limit)
                else:
                    body = await response.read() if length <= limit else None
                if body is None:
                    response.close()
                headers = response.headers
                status, reason = response.status, response.reason or ""
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            raise _failed(exc) from None
        return WireReply(
            status,
            reason,
            headers,
            body or b"",
            headers.get("Content-Encoding"),
            limit,
            too_large=body is None,
        )

    async def aclose(self) -> None:
        """Nothing of its own: the loop's sessions close with the loop (or
        `aclose_pools`)."""


def _failed(exc: BaseException) -> SendError:
    """What a failure of aiohttp (or the call's deadline) means."""
    if isinstance(exc, TimeoutError | aiohttp.ServerTimeoutError):
        return failure(SendError.TIMEOUT, exc)
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return failure(SendError.CERTIFICATE, exc)
    if isinstance(exc, aiohttp.ClientHttpProxyError):
        return failure(SendError.PROXY, exc)
    if isinstance(exc, aiohttp.ClientProxyConnectionError):
        return failure(SendError.PROXY_UNREACHABLE, exc)
    known = os_error_kind(exc)
    if known is not None:
        return failure(known, exc)
    if isinstance(exc, aiohttp.ClientResponseError):
        return failure(SendError.GARBLED, exc)
    if isinstance(exc, aiohttp.InvalidURL):
        return failure(SendError.UNUSABLE, exc)
    return failure(SendError.LOST, exc)


async def _up_to(response: aiohttp.ClientResponse, limit: int) -> bytes | None:
    """A body of no declared length, or None once it passes `limit` bytes."""
    chunks, size = [], 0
    async for chunk in response.content.iter_any():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


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
