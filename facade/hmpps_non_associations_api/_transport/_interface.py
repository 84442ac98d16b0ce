"""The transport interface: what a client, API or HMPPS Auth, sends a request through.

A client is given one transport when it is made: the thread pool over http.client
(`PoolTransport`) or aiohttp (`AiohttpTransport`) for the shared keep-alive connections,
or an httpx transport the application passed (`HttpxTransport`, `AsyncHttpxTransport`).
Each sends one try of a request within the try's `Bounds` and turns its own library's
failures into a `SendError`; nothing above this interface knows which library ran.
"""

from __future__ import annotations

import abc
import time

from ._wire import WireReply, WireRequest

__all__ = ["AsyncTransport", "Bounds", "Transport"]


class Bounds:
    """How long one wait for the server may take (`wait`), and by when the whole call
    must end (`deadline`, a `time.monotonic()` value; `seconds` after the call began, as
    configured, for messages)."""

    __slots__ = ("deadline", "seconds", "wait")

    def __init__(self, wait: float, deadline: float, seconds: float) -> None:
        self.wait = wait
        self.deadline = deadline
        self.seconds = seconds

    def remaining(self) -> float:
        """Seconds until the deadline; TimeoutError once it has passed (each transport
        reads it as any timeout of its library's)."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("call deadline exceeded")
        return remaining

    def next_wait(self) -> float:
        """Seconds the next wait may take: the per-wait bound, or what is left of the
        call if that is less; TimeoutError once the deadline has passed."""
        return min(self.wait, self.remaining())


class AsyncTransport(abc.ABC):
    """How the asyncio clients' requests reach the service."""

    __slots__ = ()

    @abc.abstractmethod
    async def send(self, request: WireRequest, bounds: Bounds) -> WireReply:
        """The whole reply to one try of `request`, every wait within `bounds`; a
        `SendError` when no usable reply came."""

    @abc.abstractmethod
    async def aclose(self) -> None:
        """Release what this transport owns (the shared connections are not its own)."""


class Transport(abc.ABC):
    """How the thread clients' requests reach the service."""

    __slots__ = ()

    @abc.abstractmethod
    def send(self, request: WireRequest, bounds: Bounds) -> WireReply:
        """The whole reply to one try of `request`, every wait within `bounds`; a
        `SendError` when no usable reply came."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release what this transport owns (the shared connections are not its own)."""
