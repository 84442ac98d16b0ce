"""The rules of one call, free of any I/O: each try, what comes of it (the final reply,
the final error, or another try after a wait), and the deadline over all of it.

The send loops (`_async_send.py` and its generated twin) do the I/O and ask a `Call`
what next; the call tells its observers (logging, plugins, telemetry) at each point.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping

import attrs

from .._errors._exceptions import (
    ApiTimeoutError,
    ErrorCode,
    RedirectRefusedError,
    SanitisedError,
    TransportError,
)
from .._settings._config import RetryPolicy, Timeout
from .._transport._interface import Bounds
from .._transport._wire import Origin, SendError, WireReply, WireRequest
from . import _telemetry
from ._hints import TOKEN_TOO_LATE, failure_words, reply_hint, transport_hint
from ._observers import Observer

__all__ = ["Call", "Outcome", "Retry"]


@attrs.frozen
class Retry:
    """Try again after `delay` seconds; with `renew_token`, with a new token first."""

    delay: float
    renew_token: bool = False


Outcome = WireReply | Retry | SanitisedError
"""What comes of a try: the final reply, another try, or the call's final error (which
the send loop raises outside any `except` block, so no library exception, which may
hold the request, is chained to it)."""


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


class Call:
    """One call: its request, the options it runs under, the tries so far and the
    observers watching it."""

    __slots__ = (
        "attempt",
        "authorised",
        "bounds",
        "created",
        "finished",
        "last_failure",
        "method",
        "observers",
        "operation",
        "origin",
        "path",
        "read",
        "renewable",
        "request",
        "retry_policy",
        "started",
        "template",
        "timeout",
        "token",
    )

    def __init__(
        self,
        request: WireRequest,
        operation: str,
        template: str,
        origin: Origin,
        timeout: Timeout,
        retry_policy: RetryPolicy,
        observers: tuple[Observer, ...],
        *,
        read: bool = False,
        authorised: bool = True,
        renewable: bool = False,
    ) -> None:
        self.request = request
        self.method = request.method
        self.path = request.path
        self.operation = operation
        self.template = template
        self.origin = origin
        self.timeout = timeout
        self.retry_policy = retry_policy
        self.created = time.monotonic()
        self.bounds = Bounds(timeout.response, self.created + timeout.deadline, timeout.deadline)
        self.observers = observers
        self.read = read  # it changes nothing: a failed try may be repeated
        self.authorised = authorised
        self.renewable = renewable  # the token came from a provider, and may be renewed
        self.attempt = 0
        self.started = 0.0
        self.token: str | None = None
        self.last_failure = ""
        self.finished = False

    def remaining(self) -> float:
        return self.bounds.deadline - time.monotonic()

    def elapsed(self) -> float:
        """Seconds since the call began: every try, wait and token fetch."""
        return time.monotonic() - self.created

    # --- each try ---------------------------------------------------------------------

    def start_try(self, token: str | None) -> None:
        """The next try goes out now, with `token` (None: an endpoint that needs none)."""
        if token is not None and self.remaining() <= 0:
            raise self.token_too_late()
        self.attempt += 1
        self.token = token
        if token is not None:
            self.request.headers["Authorization"] = f"Bearer {token}"
        for observer in self.observers:
            observer.request(self)
        self.started = time.monotonic()

    def after_reply(self, reply: WireReply) -> Outcome:
        """The reply to hand on, another try, or the call's final error."""
        status = reply.status_code
        self._tried(status, None)
        if 200 <= status < 300:
            self._finish(status, None, None)
            return reply
        if 300 <= status < 400:
            refused = RedirectRefusedError(
                f"Redirect refused ({reply.reason}): the client does not follow redirects",
                status=status,
                text=reply.text,
                headers=reply.headers,
            )
            return self.fail(refused, str(status))
        error = SanitisedError.for_status(status, reply.reason, reply.text, reply.headers)
        if self._renews(error):
            self.renewable = False
            return self._retry(Retry(0.0, renew_token=True), status, str(status))
        delay = self._delay(
            status in self.retry_policy.retry_statuses, _retry_after(status, reply.headers)
        )
        if delay is None:
            hint = reply_hint(error, self.method, self.template, self.operation)
            return self.fail(error, str(status), hint)
        return self._retry(Retry(delay), status, str(status))

    def after_failure(self, failure: SendError) -> Outcome:
        """Another try after a failed one, or the call's final error."""
        if failure.timed_out and self.remaining() <= 0:
            deadline = self.deadline_error()
            self.last_failure = deadline.message
            self._tried(None, failure)
            return self.fail(deadline, _telemetry.DEADLINE_EXCEEDED)
        words = self._without_path(failure_words(failure))
        self.last_failure = words
        self._tried(None, failure)
        error_type = failure.cause or _telemetry.OTHER
        delay = self._delay(failure.retryable, None)
        if delay is None:
            error_class = ApiTimeoutError if failure.timed_out else TransportError
            hint = transport_hint(failure, "ApiConfig", self.bounds.wait)
            return self.fail(error_class(words), error_type, hint)
        return self._retry(Retry(delay), None, error_type)

    # --- the end ----------------------------------------------------------------------

    def fail(
        self, error: SanitisedError, error_type: str, hint: str | None = None
    ) -> SanitisedError:
        """The call's final error, marked with where it went and `hint`, with the
        observers told."""
        error.located(self.operation, self.method, self.template, self.origin.url, hint)
        self._finish(error.status, error, error_type)
        return error

    def interrupted(self, exc: BaseException) -> None:
        """Anything else that ends the call (a token provider's error, a cancellation):
        the observers are told, unless the call has already finished."""
        if not self.finished:
            self._finish(None, None, type(exc).__qualname__)

    def deadline_error(self) -> ApiTimeoutError:
        return ApiTimeoutError(f"Deadline of {self.timeout.deadline:g}s exceeded")

    def token_too_late(self) -> SanitisedError:
        """The call's final error when its deadline ran out while the token was fetched."""
        return self.fail(self.deadline_error(), _telemetry.DEADLINE_EXCEEDED, TOKEN_TOO_LATE)

    # --- the rules --------------------------------------------------------------------

    def _renews(self, error: SanitisedError) -> bool:
        """A 401 to a token from a provider, other than a write's "no user in the token",
        is worth one more try with a new token: the one sent may have expired."""
        return (
            self.renewable
            and error.status == 401
            and error.error_code is not ErrorCode.USER_IN_CONTEXT_MISSING
        )

    def _delay(self, retryable: bool, retry_after: float | None) -> float | None:
        """Seconds to wait before another try, or None for no more tries."""
        policy = self.retry_policy
        if not retryable or not self.read:
            return None
        if self.attempt >= policy.attempts:
            return None
        delay = policy.delay(self.attempt, retry_after)
        return delay if delay < self.remaining() else None

    def _without_path(self, words: str) -> str:
        """A library's words with the request's path (which holds IDs and prisoner
        numbers; aiohttp quotes the URL) replaced by its template."""
        for filled in (self.request.target, self.path):
            words = words.replace(filled, self.template)
        return words

    # --- telling the observers ----------------------------------------------------------

    def _tried(self, status: int | None, failure: SendError | None) -> None:
        elapsed = time.monotonic() - self.started
        for observer in self.observers:
            observer.reply(self, status, failure, elapsed)

    def _retry(self, retry: Retry, status: int | None, error_type: str) -> Retry:
        for observer in self.observers:
            observer.retry(self, status, error_type, retry.delay)
        return retry

    def _finish(
        self, status: int | None, error: SanitisedError | None, error_type: str | None
    ) -> None:
        self.finished = True
        for observer in self.observers:
            observer.finish(self, status, error, error_type)
