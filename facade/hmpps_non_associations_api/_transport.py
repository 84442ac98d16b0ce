"""The rules of a call, whatever the I/O: authentication, retries and backoff, the
deadline, redirects, logging, plugins, telemetry and sanitised errors.

`Call` decides, try by try, what comes of each reply or failure; the send loops
(`_async/_send.py` and its generated twin) only send, wait and ask it. `ApiTransport`
holds what a client sends with.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping, Sequence

import attrs
import httpx

from . import _connections, _telemetry
from ._advice import failure_words, reply_hint, transport_hint
from ._config import ApiConfig
from ._errors import ApiTimeoutError, SanitisedError, TransportError
from ._logs import Log
from ._sockets import Limits
from ._tokens import AsyncTokenSource
from ._wire import Origin, SendError, WireReply, WireRequest

__all__ = ["API_NAME", "ApiTransport", "Call", "Plugin", "RequestEvent", "ResponseEvent"]

API_NAME = "Non-associations API"


@attrs.frozen
class RequestEvent:
    """A request about to be sent (each try is one event)."""

    method: str
    path: str
    url_template: str
    attempt: int


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
        """Called before each try."""

    def on_response(self, event: ResponseEvent) -> None:
        """Called after each try, whatever its outcome."""


def _retry_after(status: int, headers: Mapping[str, str]) -> float | None:
    """Seconds the server asked us to wait, for a 429 or 503."""
    value = headers.get("retry-after")
    if status not in (429, 503) or not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


_Outcome = WireReply | SanitisedError | float
"""The final reply, the final error, or seconds to wait before the next try."""


class Call:
    """The rules for one call, whatever the I/O: each try, its outcome, the next wait."""

    def __init__(
        self, transport: ApiTransport, request: WireRequest, template: str, operation: str
    ) -> None:
        self.transport = transport
        self.request = request
        self.method = request.method
        self.path = request.path
        self.template = template
        self.operation = operation
        timeout = transport.config.timeout
        self.limits = Limits(timeout.response, time.monotonic() + timeout.deadline)
        self.attempt = 0
        self.started = 0.0
        self.telemetry = _telemetry.start(
            transport.origin, request, template, operation, transport.config.trace_full_url
        )

    def remaining(self) -> float:
        return self.limits.deadline - time.monotonic()

    def wait(self) -> float:
        """How long the next wait for the server may take."""
        return min(self.limits.wait, self.remaining())

    def within_deadline(self, token: str) -> str:
        """The token, unless getting it used up the whole deadline."""
        if self.remaining() <= 0:
            raise self.fail(self.deadline_error(), _telemetry.DEADLINE_EXCEEDED)
        return token

    def begin(self, token: str | None) -> None:
        """Prepare the next try: the token (None: an endpoint that needs none), logs,
        plugins, trace context."""
        self.attempt += 1
        if token is not None:
            self.request.headers["Authorization"] = f"Bearer {token}"
        if self.attempt == 1:
            self.transport.log.info(f"{API_NAME} {self.method} {self.path}")
        if self.transport.plugins:
            event = RequestEvent(self.method, self.path, self.template, self.attempt)
            self.notify("on_request", event)
        if self.telemetry is not None:
            self.telemetry.try_started(self.request.headers, self.attempt)
        self.started = time.monotonic()

    def responded(self, reply: WireReply) -> _Outcome:
        """After a reply: hand it on, give up with its error, or wait and retry."""
        status = reply.status_code
        self.notify_response(status, None)
        if 200 <= status < 300:
            if self.telemetry is not None:
                self.telemetry.finished(status, None)
            return reply
        if 300 <= status < 400:
            return self.fail(self.redirect_refused(reply), str(status))
        error = SanitisedError.for_status(status, reply.reason, reply.text, reply.headers)
        delay = self.retry_delay(
            status in self.transport.policy.retry_statuses,
            _retry_after(status, reply.headers),
        )
        if delay is None:
            hint = reply_hint(error, self.method, self.template, self.operation)
            return self.fail(error, str(status), hint)
        self.transport.log.info(f"{API_NAME} retrying {self.method} {self.path} after {status}")
        if self.telemetry is not None:
            self.telemetry.retrying(self.attempt, status, str(status), delay)
        return delay

    def failed(self, failure: SendError) -> _Outcome:
        """After a try with no usable reply: give up with a sanitised error, or wait and retry."""
        past_deadline = failure.timed_out and self.remaining() <= 0
        hint = None
        if past_deadline:
            error: TransportError = self.deadline_error()
        else:
            error_class = ApiTimeoutError if failure.timed_out else TransportError
            error = error_class(self.without_path(failure_words(failure)))
            hint = transport_hint(failure, "ApiConfig", self.limits.wait)
        self.notify_response(None, error.message)
        kind = _telemetry.DEADLINE_EXCEEDED if past_deadline else _telemetry.failure_type(failure)
        delay = None if past_deadline else self.retry_delay(failure.retryable, None)
        if delay is None:
            return self.fail(error, kind, hint)
        self.transport.log.info(
            f"{API_NAME} retrying {self.method} {self.path} after {error.message}"
        )
        if self.telemetry is not None:
            self.telemetry.retrying(self.attempt, None, kind, delay)
        return delay

    def without_path(self, words: str) -> str:
        """A library's words with the request's path (which holds IDs and prisoner
        numbers; aiohttp quotes the URL) replaced by its template."""
        for filled in (self.request.target, self.path):
            words = words.replace(filled, self.template)
        return words

    def retry_delay(self, retryable: bool, retry_after: float | None) -> float | None:
        policy = self.transport.policy
        if not retryable or self.method not in policy.retry_methods:
            return None
        if self.attempt >= policy.attempts:
            return None
        delay = policy.delay(self.attempt, retry_after)
        return delay if delay < self.remaining() else None

    @staticmethod
    def finish(outcome: WireReply | SanitisedError) -> WireReply:
        """Hand on the final reply, or raise the final error (outside any except block,
        so no library exception is chained to it)."""
        if isinstance(outcome, SanitisedError):
            raise outcome
        return outcome

    def redirect_refused(self, reply: WireReply) -> SanitisedError:
        """The client never follows a redirect, so the token never reaches another origin."""
        return SanitisedError(
            f"Redirect refused ({reply.reason}): the client does not follow redirects",
            status=reply.status_code,
            text=reply.text,
            headers=reply.headers,
        )

    def deadline_error(self) -> ApiTimeoutError:
        return ApiTimeoutError(f"Deadline of {self.transport.config.timeout.deadline:g}s exceeded")

    def fail(
        self, error: SanitisedError, error_type: str, hint: str | None = None
    ) -> SanitisedError:
        """The call's final error, marked with where the call went and `hint`, and logged;
        `error_type` names it for telemetry."""
        error.located(self.operation, self.method, self.template, self.transport.origin.url, hint)
        self.transport.log.error(f"{API_NAME} {self.method} {self.path} failed: {error.outcome}")
        if self.telemetry is not None:
            self.telemetry.finished(error.status, error_type)
        return error

    def interrupted(self, exc: BaseException) -> None:
        """Anything else that ends the call (a token provider's error, a cancellation)."""
        if self.telemetry is not None:
            self.telemetry.finished(None, type(exc).__qualname__)

    def notify_response(self, status: int | None, error: str | None) -> None:
        """After each try: telemetry's context restored, the debug log, plugins."""
        elapsed = time.monotonic() - self.started
        if self.telemetry is not None:
            self.telemetry.try_ended()
        log = self.transport.log
        if log.debug_enabled():
            outcome = status if status is not None else error
            log.debug(
                f"{API_NAME} {self.method} {self.path} try {self.attempt}: {outcome}"
                f" in {elapsed * 1000:.0f} ms"
            )
        if self.transport.plugins:
            event = ResponseEvent(
                self.method, self.path, self.template, self.attempt, status, elapsed, error
            )
            self.notify("on_response", event)

    def notify(self, hook: str, event: RequestEvent | ResponseEvent) -> None:
        for plugin in self.transport.plugins:
            try:
                getattr(plugin, hook)(event)
            except Exception as exc:
                self.transport.log.warning(
                    f"{API_NAME} plugin {type(plugin).__name__} failed: {exc!r}"
                )


class ApiTransport:
    """What a client sends with: its config, token source, logger, plugins and the
    connections (the shared ones, or `inner`). The send loops (`_async/_send.py` and
    its twin) apply the rules of `Call` to each request.

    `inner` replaces the shared connections with an httpx transport (a fake, respx, or
    the application's own); the caller then owns it.
    """

    def __init__(
        self,
        config: ApiConfig,
        token: AsyncTokenSource,
        log: Log,
        plugins: Sequence[Plugin] = (),
        *,
        inner: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config
        self.origin = Origin.of(config.url)
        self.settings = _connections.PoolSettings.of(config)
        self.token = token
        self.log = log
        self.plugins = tuple(plugins)
        self.inner = inner
        self.policy = config.retry
