"""Plugins: the application's own observers of every try (metrics, a correlation ID in
each request's headers), and the observer that hands them each try's events.

A plugin that raises is logged at warning and ignored: it can never fail a call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .._settings._headers import check_header
from .._transport._wire import SendError
from ._logs import Log
from ._observers import API_NAME, CallView, Observer

__all__ = ["Plugin", "PluginObserver", "RequestEvent", "ResponseEvent"]


@attrs.frozen
class RequestEvent:
    """A try about to be sent. `headers` are the try's headers as they stand (without
    the token); `set_header` adds one to this try (a correlation ID, say): the headers
    the client owns (`Authorization`, `Host`, `Content-Length`, `Content-Type`) cannot be
    set."""

    method: str
    path: str
    url_template: str
    attempt: int
    _sent: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False, alias="sent")

    @property
    def headers(self) -> Mapping[str, str]:
        return {name: value for name, value in self._sent.items() if name != "Authorization"}

    def set_header(self, name: str, value: str) -> None:
        """Send `name: value` with this try (replacing a value the application set)."""
        name, value = check_header(name, value, "RequestEvent.set_header")
        for existing in [key for key in self._sent if key.lower() == name.lower()]:
            del self._sent[existing]
        self._sent[name] = value


@attrs.frozen
class ResponseEvent:
    """What came of one try: a status, or an error with no status."""

    method: str
    path: str
    url_template: str
    attempt: int
    status: int | None
    elapsed: float
    error: str | None = None


class Plugin:
    """Observes every request and response; subclass and override what you need.

    A plugin must not raise: an exception in a plugin is logged and ignored.
    """

    def on_request(self, event: RequestEvent) -> None:
        """Called before each try; may add headers to it (`event.set_header`)."""

    def on_response(self, event: ResponseEvent) -> None:
        """Called after each try, whatever its outcome."""


class PluginObserver(Observer):
    """Hands each try to the application's plugins as events."""

    __slots__ = ("log", "plugins")

    def __init__(self, plugins: tuple[Plugin, ...], log: Log) -> None:
        self.plugins = plugins
        self.log = log

    def request(self, call: CallView) -> None:
        event = RequestEvent(
            call.method, call.path, call.template, call.attempt, sent=call.request.headers
        )
        for plugin in self.plugins:
            self._run(plugin, plugin.on_request, event)

    def reply(
        self, call: CallView, status: int | None, failure: SendError | None, elapsed: float
    ) -> None:
        error = None if failure is None else call.last_failure
        event = ResponseEvent(
            call.method, call.path, call.template, call.attempt, status, elapsed, error
        )
        for plugin in self.plugins:
            self._run(plugin, plugin.on_response, event)

    def _run(
        self, plugin: Plugin, hook: Callable[[Any], None], event: RequestEvent | ResponseEvent
    ) -> None:
        try:
            hook(event)
        except Exception as exc:
            self.log.warning(f"{API_NAME} plugin {type(plugin).__name__} failed: {exc!r}")
