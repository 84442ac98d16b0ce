"""An httpx transport that answers requests from a fake API in the same process."""

from __future__ import annotations

import httpx

from ._api_handler import handle
from ._fake_api import FakeNonAssociationsApi
from ._query_parameters import parse_query

__all__ = ["FakeTransport"]


class FakeTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Serves sync and async httpx clients from a fake, with no sockets involved.

    For example `httpx.Client(transport=FakeTransport(fake), base_url="http://fake")`;
    without a fake it makes a freshly seeded one, available as `.fake`.
    """

    def __init__(self, fake: FakeNonAssociationsApi | None = None) -> None:
        self.fake = fake if fake is not None else FakeNonAssociationsApi()

    def _respond(self, request: httpx.Request) -> httpx.Response:
        path, _, query = request.url.raw_path.decode("ascii").partition("?")
        reply = handle(
            self.fake,
            request.method,
            path,
            parse_query(query),
            dict(request.headers),
            request.content,
        )
        return httpx.Response(reply.status, headers=list(reply.headers), content=reply.body)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a request from a sync client."""
        request.read()
        return self._respond(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer a request from an async client."""
        await request.aread()
        return self._respond(request)
