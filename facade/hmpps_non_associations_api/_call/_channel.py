"""What a client's calls go through, made once per client and shared by the clients
`with_options` makes from it: where requests go and the transport that takes them
there, the token source, and the observers every call has (logging, the application's
plugins)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from .._transport._destination import Destination
from .._transport._interface import AsyncTransport, Transport
from ._logs import Log
from ._observers import LogObserver, Observer
from ._plugins import Plugin, PluginObserver
from ._tokens import AsyncTokenSource, is_provider

__all__ = ["Channel"]

TransportT = TypeVar("TransportT", AsyncTransport, Transport)


class Channel(Generic[TransportT]):
    """A client's destination and transport, its token source and the observers of every
    call (an `AsyncTransport` for the asyncio clients, a `Transport` for the thread
    ones)."""

    __slots__ = (
        "destination",
        "fixed_token",
        "log",
        "observers",
        "renewable",
        "token",
        "transport",
    )

    def __init__(
        self,
        destination: Destination,
        transport: TransportT,
        token: AsyncTokenSource,
        log: Log,
        plugins: Iterable[Plugin],
    ) -> None:
        self.destination = destination
        self.transport: TransportT = transport
        self.token = token
        # A token given as a string was checked when the client was made.
        self.fixed_token = token if isinstance(token, str) else None
        self.renewable = is_provider(token)
        self.log = log
        plugins = tuple(plugins)
        observers: tuple[Observer, ...] = (LogObserver(log),)
        if plugins:
            observers += (PluginObserver(plugins, log),)
        self.observers = observers
