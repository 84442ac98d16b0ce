"""The layer between the client and the pooled connection: authentication, retries,
the call deadline, logging, plugins and sanitised errors.

`ApiTransport` is an httpx transport (sync and async) wrapped around an inner one,
the shared pool by default. All rules live in `_Call`; the sync and async paths
only differ in how they wait.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import random
import time
from collections.abc import Sequence

import attrs
import httpx

from .config import ApiConfig
from .errors import SanitisedError, TransportError, describe
from .logs import Log
from .pools import DEADLINE, async_pool, sync_pool
from .tokens import AsyncTokenSource, async_token, sync_token

__all__ = ["OPERATION", "ApiTransport", "Plugin", "RequestEvent", "ResponseEvent", "RetryPolicy"]

API_NAME = "Non-associations API"

OPERATION: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "hmpps_non_associations_api_operation", default=None
)
"""The URL template of the operation being called (`/non-associations/{id}`), for plugins."""


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


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asked us to wait, for a 429 or 503."""
    value = response.headers.get("Retry-After")
    if response.status_code not in (429, 503) or not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


_Outcome = httpx.Response | SanitisedError | float
"""The final response, the final error, or seconds to wait before the next try."""


class _Call:
    """The rules for one call, whatever the I/O: each try, its outcome, the next wait."""

    def __init__(self, transport: ApiTransport, request: httpx.Request) -> None:
        self.transport = transport
        self.request = request
        self.method = request.method
        self.path = request.url.path
        self.template = OPERATION.get() or self.path
        self.deadline = time.monotonic() + transport.config.timeout.deadline
        self.attempt = 0
        self.started = 0.0

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def begin(self, token: str) -> contextvars.Token[float | None]:
        """Prepare the next try: headers, timeouts, logs, plugins."""
        self.attempt += 1
        remaining = self.remaining()
        if remaining <= 0:  # the token provider took it all
            raise self.fail(self.deadline_error())
        self.request.headers["Authorization"] = f"Bearer {token}"
        bound = min(self.transport.config.timeout.response, remaining)
        self.request.extensions["timeout"] = httpx.Timeout(bound).as_dict()
        if self.attempt == 1:
            self.transport.log.info(f"{API_NAME} {self.method} {self.path}")
        self.notify("on_request", RequestEvent(self.method, self.path, self.template, self.attempt))
        self.started = time.monotonic()
        return DEADLINE.set(self.deadline)

    def responded(self, response: httpx.Response, body: bytes) -> _Outcome:
        """After a response: hand it on, give up with its error, or wait and retry."""
        status = response.status_code
        self.notify_response(status, None)
        if 200 <= status < 300:
            return _fresh(response, body)
        text = body.decode(response.encoding or "utf-8", errors="replace")
        error = SanitisedError.for_status(status, response.reason_phrase, text, response.headers)
        delay = self.retry_delay(
            status in self.transport.policy.retry_statuses, _retry_after(response)
        )
        if delay is None:
            return self.fail(error)
        self.transport.log.info(f"{API_NAME} retrying {self.method} {self.path} after {status}")
        return delay

    def failed(self, exc: httpx.TransportError) -> _Outcome:
        """After a transport failure: give up with a sanitised error, or wait and retry."""
        timed_out = isinstance(exc, httpx.TimeoutException) and self.remaining() <= 0
        error = self.deadline_error() if timed_out else TransportError(describe(exc))
        self.notify_response(None, error.message)
        delay = None if timed_out else self.retry_delay(True, None)
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
    def finish(outcome: httpx.Response | SanitisedError) -> httpx.Response:
        """Hand on the final response, or raise the final error (outside any except block,
        so no httpx exception, which carries the request, is chained to it)."""
        if isinstance(outcome, SanitisedError):
            raise outcome
        return outcome

    def deadline_error(self) -> TransportError:
        return TransportError(f"Deadline of {self.transport.config.timeout.deadline:g}s exceeded")

    def fail(self, error: SanitisedError) -> SanitisedError:
        self.transport.log.error(f"{API_NAME} {self.method} {self.path} failed: {error}")
        return error

    def notify_response(self, status: int | None, error: str | None) -> None:
        elapsed = time.monotonic() - self.started
        outcome = status if status is not None else error
        self.transport.log.debug(
            f"{API_NAME} {self.method} {self.path} try {self.attempt}: {outcome}"
            f" in {elapsed * 1000:.0f} ms"
        )
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


class ApiTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends each request through the retry, deadline, logging and plugin rules.

    `inner` replaces the shared pool (a faster transport, or a fake); the caller
    then owns it.
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
        self.token = token
        self.log = log
        self.plugins = tuple(plugins)
        self.inner = inner
        self.policy = RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self.inner or sync_pool(self.config)
        if not isinstance(inner, httpx.BaseTransport):
            raise TypeError("a sync client needs an httpx.BaseTransport")
        call = _Call(self, request)
        while True:
            reset = call.begin(sync_token(self.token))
            try:
                response = inner.handle_request(request)
                try:
                    body = response.read()
                finally:
                    response.close()
            except httpx.TransportError as exc:
                outcome = call.failed(exc)
            else:
                outcome = call.responded(response, body)
            finally:
                DEADLINE.reset(reset)
            if not isinstance(outcome, float):
                return call.finish(outcome)
            time.sleep(outcome)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self.inner or async_pool(self.config)
        if not isinstance(inner, httpx.AsyncBaseTransport):
            raise TypeError("an async client needs an httpx.AsyncBaseTransport")
        call = _Call(self, request)
        while True:
            reset = call.begin(await async_token(self.token))
            try:
                response = await inner.handle_async_request(request)
                try:
                    body = await response.aread()
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:
                outcome = call.failed(exc)
            else:
                outcome = call.responded(response, body)
            finally:
                DEADLINE.reset(reset)
            if not isinstance(outcome, float):
                return call.finish(outcome)
            await asyncio.sleep(outcome)

    def close(self) -> None:
        """Close the inner transport only if it was given (the shared pool stays open)."""
        if isinstance(self.inner, httpx.BaseTransport):
            self.inner.close()

    async def aclose(self) -> None:
        if isinstance(self.inner, httpx.AsyncBaseTransport):
            await self.inner.aclose()


def _fresh(response: httpx.Response, body: bytes) -> httpx.Response:
    """A complete response: the body is already read, within the deadline."""
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in _DECODED_HEADERS
    ]
    return httpx.Response(
        response.status_code, headers=headers, content=body, extensions=response.extensions
    )


# The body handed on is already decoded and complete, so these no longer describe it.
_DECODED_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
