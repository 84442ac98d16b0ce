"""The layer between the client and the connections: authentication, retries, the call
deadline, redirects, logging, plugins and sanitised errors.

`ApiTransport` sends a `WireRequest` over the shared connections (`_pool` for threads,
`_aio` for asyncio) or over an httpx transport the application passed in. All rules
live in `_Call`; the sync and async loops only differ in how they send and wait.
"""

from __future__ import annotations

import asyncio
import email.utils
import inspect
import random
import time
from collections.abc import Mapping, Sequence

import attrs
import httpx

from . import _connections
from ._sockets import LIMITS, Limits
from ._wire import Origin, SendError, WireReply, WireRequest
from .config import ApiConfig
from .errors import SanitisedError, TransportError
from .logs import Log
from .tokens import AsyncTokenSource, checked, sync_token

__all__ = ["ApiTransport", "Plugin", "RequestEvent", "ResponseEvent", "RetryPolicy"]

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


@attrs.frozen
class RetryPolicy:
    """When to try again: as the Node client, reads are tried three times on
    connection errors, timeouts and 5xx; writes and the POST searches only once.
    Beyond it: exponential backoff with full jitter, and Retry-After honoured."""

    attempts: int = 3
    retry_methods: frozenset[str] = frozenset({"GET", "HEAD"})
    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    backoff: float = 0.1
    max_backoff: float = 2.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        return random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))


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


class _Call:
    """The rules for one call, whatever the I/O: each try, its outcome, the next wait."""

    def __init__(self, transport: ApiTransport, request: WireRequest, template: str) -> None:
        self.transport = transport
        self.request = request
        self.method = request.method
        self.path = request.path
        self.template = template
        timeout = transport.config.timeout
        self.limits = Limits(timeout.response, time.monotonic() + timeout.deadline)
        self.attempt = 0
        self.started = 0.0

    def remaining(self) -> float:
        return self.limits.deadline - time.monotonic()

    def wait(self) -> float:
        """How long the next wait for the server may take."""
        return min(self.limits.wait, self.remaining())

    def begin(self, token: str) -> None:
        """Prepare the next try: the token, logs, plugins."""
        self.attempt += 1
        if self.remaining() <= 0:  # the token provider took it all
            raise self.fail(self.deadline_error())
        self.request.headers["Authorization"] = f"Bearer {token}"
        if self.attempt == 1:
            self.transport.log.info(f"{API_NAME} {self.method} {self.path}")
        if self.transport.plugins:
            event = RequestEvent(self.method, self.path, self.template, self.attempt)
            self.notify("on_request", event)
        self.started = time.monotonic()

    def responded(self, reply: WireReply) -> _Outcome:
        """After a reply: hand it on, give up with its error, or wait and retry."""
        status = reply.status_code
        self.notify_response(status, None)
        if 200 <= status < 300:
            return reply
        if 300 <= status < 400:
            return self.fail(self.redirect_refused(reply))
        error = SanitisedError.for_status(status, reply.reason, reply.text, reply.headers)
        delay = self.retry_delay(
            status in self.transport.policy.retry_statuses,
            _retry_after(status, reply.headers),
        )
        if delay is None:
            return self.fail(error)
        self.transport.log.info(f"{API_NAME} retrying {self.method} {self.path} after {status}")
        return delay

    def failed(self, failure: SendError) -> _Outcome:
        """After a try with no usable reply: give up with a sanitised error, or wait and retry."""
        past_deadline = failure.timed_out and self.remaining() <= 0
        error = self.deadline_error() if past_deadline else TransportError(failure.message)
        self.notify_response(None, error.message)
        delay = None if past_deadline else self.retry_delay(failure.retryable, None)
        if delay is None:
            return self.fail(error)
        self.transport.log.info(
            f"{API_NAME} retrying {self.method} {self.path} after {error.message}"
        )
        return delay

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

    def deadline_error(self) -> TransportError:
        return TransportError(f"Deadline of {self.transport.config.timeout.deadline:g}s exceeded")

    def fail(self, error: SanitisedError) -> SanitisedError:
        self.transport.log.error(f"{API_NAME} {self.method} {self.path} failed: {error}")
        return error

    def notify_response(self, status: int | None, error: str | None) -> None:
        elapsed = time.monotonic() - self.started
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
    """Sends each request through the retry, deadline, logging and plugin rules.

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
        self.policy = RetryPolicy()

    def send(self, request: WireRequest, template: str) -> WireReply:
        inner = self.inner
        if inner is not None and not isinstance(inner, httpx.BaseTransport):
            raise TypeError("a sync client needs an httpx.BaseTransport")
        call = _Call(self, request, template)
        reset = LIMITS.set(call.limits)
        try:
            while True:
                call.begin(sync_token(self.token))
                try:
                    reply = _connections.send(self.origin, self.settings, request, inner)
                except SendError as failure:
                    outcome = call.failed(failure)
                else:
                    outcome = call.responded(reply)
                if not isinstance(outcome, float):
                    return call.finish(outcome)
                time.sleep(outcome)
        finally:
            LIMITS.reset(reset)

    async def send_async(self, request: WireRequest, template: str) -> WireReply:
        inner = self.inner
        if inner is not None and not isinstance(inner, httpx.AsyncBaseTransport):
            raise TypeError("an async client needs an httpx.AsyncBaseTransport")
        call = _Call(self, request, template)
        reset = LIMITS.set(call.limits)
        try:
            while True:
                call.begin(await self._token_within(call))
                try:
                    reply = await _connections.send_async(
                        self.origin, self.settings, request, inner
                    )
                except SendError as failure:
                    outcome = call.failed(failure)
                else:
                    outcome = call.responded(reply)
                if not isinstance(outcome, float):
                    return call.finish(outcome)
                await asyncio.sleep(outcome)
        finally:
            LIMITS.reset(reset)

    async def _token_within(self, call: _Call) -> str:
        """The token; an async provider is given only what remains of the deadline."""
        token = self.token() if callable(self.token) else self.token
        if not inspect.isawaitable(token):
            return checked(token)
        try:
            async with asyncio.timeout(max(call.remaining(), 0)):
                return checked(await token)
        except TimeoutError:
            raise call.fail(call.deadline_error()) from None

    def close(self) -> None:
        """Close the inner transport only if it was given (the shared pool stays open)."""
        if isinstance(self.inner, httpx.BaseTransport):
            self.inner.close()

    async def aclose(self) -> None:
        if isinstance(self.inner, httpx.AsyncBaseTransport):
            await self.inner.aclose()
