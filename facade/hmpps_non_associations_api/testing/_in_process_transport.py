"""httpx transports that answer requests from a fake in the same process, with no
sockets or threads: `FakeTransport` for the fake API, `FakeAuthTransport` for the
fake HMPPS Auth."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx

from ._api_handler import handle_api_request
from ._fake_api import FakeNonAssociationsApi
from ._fake_auth import FakeHmppsAuth
from ._http_exchange import Reply, Request, Responder

__all__ = ["FakeAuthTransport", "FakeTransport"]


def _no_delay() -> float:
    return 0.0


class _InProcessTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Serves sync and async httpx clients through a responder, after `delay()` seconds
    (slept without blocking an event loop)."""

    def __init__(self, respond: Responder, *, delay: Callable[[], float] = _no_delay) -> None:
        self._respond = respond
        self._delay = delay

    def _answer(self, request: httpx.Request) -> httpx.Response:
        reply = self._respond(
            Request(
                request.method,
                request.url.raw_path.decode("ascii"),
                {name.lower(): value for name, value in request.headers.items()},
                request.content,
            )
        )
        return httpx.Response(reply.status, headers=list(reply.headers), content=reply.body)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a request from a sync client."""
        request.read()
        if delay := self._delay():
            time.sleep(delay)
        return self._answer(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a request from an async client."""
        await request.aread()
        if delay := self._delay():
            await asyncio.sleep(delay)
        return self._answer(request)


class FakeTransport(_InProcessTransport):
    """Serves sync and async httpx clients from a fake API.

    For example `httpx.Client(transport=FakeTransport(fake), base_url="http://fake")`;
    without a fake it makes a freshly seeded one, available as `.fake`.
    """

    def __init__(self, fake: FakeNonAssociationsApi | None = None) -> None:
        self.fake = fake if fake is not None else FakeNonAssociationsApi()
        super().__init__(self._answer_api)

    def _answer_api(self, request: Request) -> Reply:
        return handle_api_request(self.fake, request)


class FakeAuthTransport(_InProcessTransport):
    """Serves sync and async httpx clients from a fake HMPPS Auth, holding each answer
    back by the fake's `response_delay`."""

    def __init__(self, fake: FakeHmppsAuth) -> None:
        self.fake = fake
        super().__init__(self._answer_auth, delay=self._response_delay)

    def _answer_auth(self, request: Request) -> Reply:
        return self.fake.respond(request)

    def _response_delay(self) -> float:
        return self.fake.response_delay
