"""The transport a client owns: chosen once, when the client is made, and what closing
the client (`aclose()` and `async with`) releases, for the API and the Auth clients alike.
scripts/unasync.py writes the thread twin, `_sync_owned.py`."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

from ._aiohttp import AiohttpTransport
from ._destination import Destination
from ._interface import AsyncTransport

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncOwnsTransport"]


class AsyncOwnsTransport:
    """A client's transport: the shared connections (`AiohttpTransport`), or an httpx
    transport the application passed as `transport=`, which the client then owns and
    closes; the shared connections stay open for every other instance (`aclose_pools`
    closes them)."""

    _transport: AsyncTransport

    def _choose(
        self, transport: httpx.AsyncBaseTransport | None, destination: Destination
    ) -> AsyncTransport:
        """The transport for requests to `destination`: the shared connections, or
        `transport`, if it is one this client can use (an httpx transport of its own
        kind, sync or async)."""
        if transport is None:
            self._transport = AiohttpTransport(destination)
            return self._transport
        import httpx  # only an application passing a transport has httpx in play

        from ._async_httpx import AsyncHttpxTransport

        kind = httpx.AsyncBaseTransport
        if not isinstance(transport, kind):
            shown = type(transport).__name__
            raise TypeError(f"transport= must be an httpx.{kind.__name__}, not {shown}")
        self._transport = AsyncHttpxTransport(transport, destination)
        return self._transport

    async def aclose(self) -> None:
        """Close the transport given as `transport=`, if any."""
        await self._transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
