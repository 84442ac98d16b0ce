"""Closing a client: what `aclose()` and `async with` release, for the API and the Auth
clients alike. scripts/unasync.py writes the thread twin, `_sync_closing.py`."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import httpx

__all__ = ["AsyncClosing"]


class AsyncClosing:
    """A client owns only the httpx transport it was given as `transport=`; the shared
    connections stay open for every other instance (`close_pools` closes them)."""

    _given_transport: httpx.AsyncBaseTransport | None

    def _keep(self, transport: object) -> None:
        """Take the transport given as `transport=`, if it is one this client can use
        (an httpx transport of its own kind, sync or async)."""
        kind = httpx.AsyncBaseTransport
        if transport is not None and not isinstance(transport, kind):
            shown = type(transport).__name__
            raise TypeError(f"transport= must be an httpx.{kind.__name__}, not {shown}")
        self._given_transport = transport

    async def aclose(self) -> None:
        """Close the transport given as `transport=`, if any."""
        if self._given_transport is not None:
            await self._given_transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
