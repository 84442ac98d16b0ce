"""What watches a call: the points every observer sees (each try about to go out, what
came of it, a retry, the end of the call), and the logging observer.

The retry rules (`_rules.py`) decide; observers only watch: logging here, the
application's plugins (`_plugins.py`) and OpenTelemetry (`_telemetry.py`). An observer
may add headers to a try (`request`); it cannot change what the call does.
"""

from __future__ import annotations

import logging
from typing import Protocol

from .._errors._exceptions import SanitisedError
from .._errors._untrusted import quoted
from .._transport._wire import SendError, WireRequest
from ._logs import Log

__all__ = ["API_NAME", "CallView", "LogObserver", "Observer"]

API_NAME = "Non-associations API"


class CallView(Protocol):
    """What an observer sees of a call (`_call.Call` is one)."""

    @property
    def attempt(self) -> int:
        """The try in progress or just ended, from 1."""

    @property
    def method(self) -> str: ...

    @property
    def path(self) -> str:
        """The path, IDs and prisoner numbers filled in, without the query."""

    @property
    def template(self) -> str: ...

    @property
    def request(self) -> WireRequest:
        """The request, its headers those of the try (the token among them)."""

    @property
    def last_failure(self) -> str:
        """What the last failed try brought, in words."""


class Observer:
    """The four points of a call; each does nothing unless overridden."""

    __slots__ = ()

    def request(self, call: CallView) -> None:
        """A try is about to go out (`call.attempt`, `call.request` with its headers)."""

    def reply(
        self, call: CallView, status: int | None, failure: SendError | None, elapsed: float
    ) -> None:
        """What came of the try: a status, or the failure that left no usable reply."""

    def retry(self, call: CallView, status: int | None, error_type: str, delay: float) -> None:
        """The try failed and another follows after `delay` seconds."""

    def finish(
        self,
        call: CallView,
        status: int | None,
        error: SanitisedError | None,
        error_type: str | None,
    ) -> None:
        """The call is over: the final status, and the error if it failed (`error_type`
        names it for telemetry; a cancellation or a token provider's own exception has
        no `error`)."""


class LogObserver(Observer):
    """The call in the application's log: info once per call and per retry, error for a
    call that fails, debug for each try when enabled. Method and path, never the query,
    a token or a body."""

    __slots__ = ("log",)

    def __init__(self, log: Log) -> None:
        self.log = log

    def request(self, call: CallView) -> None:
        if call.attempt == 1 and self.log.enabled(logging.INFO):
            self.log.info(f"{API_NAME} {call.method} {call.path}")

    def reply(
        self, call: CallView, status: int | None, failure: SendError | None, elapsed: float
    ) -> None:
        if self.log.enabled(logging.DEBUG):
            outcome = status if failure is None else quoted(failure.message)
            self.log.debug(
                f"{API_NAME} {call.method} {call.path} try {call.attempt}: {outcome}"
                f" in {elapsed * 1000:.0f} ms"
            )

    def retry(self, call: CallView, status: int | None, error_type: str, delay: float) -> None:
        cause = status if status is not None else quoted(call.last_failure)
        self.log.info(f"{API_NAME} retrying {call.method} {call.path} after {cause}")

    def finish(
        self,
        call: CallView,
        status: int | None,
        error: SanitisedError | None,
        error_type: str | None,
    ) -> None:
        if error is not None:
            self.log.error(f"{API_NAME} {call.method} {call.path} failed: {error.outcome}")
