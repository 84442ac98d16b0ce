"""System tokens from HMPPS Auth: the client-credentials grant, cached per username.

`HmppsAuthClient` (sync) and `AsyncHmppsAuthClient` ask HMPPS Auth for a token on
behalf of a username, keep it until shortly before it expires and hand out token
providers for the API clients. Both share `TokenCache`, which holds every rule about
reuse, expiry and concurrent refresh; they differ only in how they lock and wait.

A token is reused until `expires_in - min(expiry_margin, expires_in / 2)` seconds
after its request was sent: an hour-long token is refreshed a minute early, a
2-second token is reused for one second, and a token without a lifetime is not kept.
"""

from __future__ import annotations

import base64
import copy
import itertools
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

import attrs

from .._call._hints import auth_hint, failure_words, transport_hint
from .._call._logs import Log
from .._errors._exceptions import ApiTimeoutError, SanitisedError, TransportError
from .._settings._config import AuthConfig
from .._transport._destination import Destination
from .._transport._interface import Bounds
from .._transport._wire import SendError, WireReply, WireRequest

__all__ = [
    "DEFAULT_LOGGER_NAME",
    "AuthBase",
    "RefreshTicket",
    "TokenCache",
    "transport_failure",
]

DEFAULT_LOGGER_NAME = "hmpps_non_associations_api.auth"

_OPERATION = "get_system_client_token"
"""What a token fetch's errors name as their operation."""


# ---------------------------------------------------------------------------------------
# The cache: every rule about reuse and refresh, whatever the kind of lock.

_LockT = TypeVar("_LockT")


class _Slot(Generic[_LockT]):
    """One username's token, its refresh lock and the last fetch's outcome."""

    __slots__ = ("error", "finished", "lock", "refresh_at", "token", "users")

    def __init__(self, lock: _LockT) -> None:
        self.lock = lock
        self.users = 0
        self.token: str | None = None
        self.refresh_at = 0.0
        self.finished = 0  # sequence number of the last fetch to finish
        self.error: SanitisedError | None = None


@attrs.frozen
class RefreshTicket(Generic[_LockT]):
    """A caller's hold on a slot, and how far the fetch sequence had got when it came."""

    key: str | None
    slot: _Slot[_LockT]
    seen: int

    @property
    def lock(self) -> _LockT:
        return self.slot.lock


class TokenCache(Generic[_LockT]):
    """Tokens per username, and who fetches the next one.

    Callers first try `cached()`. On a miss they `take_ticket()` for the username, take
    its lock, and ask `outcome_since()`: a token or an error from a fetch that finished
    while they waited, so a crowd asking at once causes one request and shares its
    outcome. If it
    says None, the caller fetches and reports with `store()` or `fail()`. Always
    `return_ticket()`; idle slots with nothing worth keeping are dropped.
    """

    def __init__(
        self,
        expiry_margin: float,
        lock_factory: Callable[[], _LockT],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._margin = expiry_margin
        self._lock_factory = lock_factory
        self.clock = clock
        self._mutex = threading.Lock()
        self._slots: dict[str | None, _Slot[_LockT]] = {}
        self._sequence = itertools.count(1)
        self._last = 0

    def reuse_for(self, expires_in: float) -> float:
        """Seconds a token lasting `expires_in` is reused: the margin, capped at half
        the lifetime, comes off the end."""
        if expires_in <= 0:
            return 0.0
        return expires_in - min(self._margin, expires_in / 2)

    def cached(self, key: str | None) -> str | None:
        """The username's token if it is still fresh."""
        with self._mutex:
            slot = self._slots.get(key)
            return self._token_if_fresh(slot) if slot is not None else None

    def take_ticket(self, key: str | None) -> RefreshTicket[_LockT]:
        with self._mutex:
            slot = self._slots.get(key)
            if slot is None:
                slot = self._slots[key] = _Slot(self._lock_factory())
            slot.users += 1
            return RefreshTicket(key, slot, self._last)

    def return_ticket(self, ticket: RefreshTicket[_LockT]) -> None:
        with self._mutex:
            ticket.slot.users -= 1
            self._sweep()

    def outcome_since(self, ticket: RefreshTicket[_LockT]) -> str | None:
        """Call holding the ticket's lock: a fresh token, the outcome of a fetch that
        finished since the ticket (raising a copy of its error), or None to fetch."""
        with self._mutex:
            slot = ticket.slot
            token = self._token_if_fresh(slot)
            if token is not None or slot.finished <= ticket.seen:
                return token
            if slot.error is not None:
                raise _copy(slot.error)
            return slot.token

    def store(
        self, ticket: RefreshTicket[_LockT], token: str, expires_in: float, sent_at: float
    ) -> None:
        """Record a fetched token; its lifetime counts from when the request was sent."""
        with self._mutex:
            slot = ticket.slot
            slot.token, slot.error = token, None
            slot.refresh_at = sent_at + self.reuse_for(expires_in)
            slot.finished = self._last = next(self._sequence)

    def forget(self, key: str | None, token: str) -> None:
        """Drop the username's token if it is `token` (refused by the API); a newer one
        another caller fetched meanwhile stays."""
        with self._mutex:
            slot = self._slots.get(key)
            if slot is not None and slot.token == token:
                slot.token, slot.refresh_at = None, 0.0
                self._sweep()

    def fail(self, ticket: RefreshTicket[_LockT], error: SanitisedError) -> None:
        """Record a failed fetch for the callers already waiting; later ones try again."""
        with self._mutex:
            slot = ticket.slot
            slot.token, slot.error, slot.refresh_at = None, error, 0.0
            slot.finished = self._last = next(self._sequence)

    def _token_if_fresh(self, slot: _Slot[_LockT]) -> str | None:
        if slot.token is not None and self.clock() < slot.refresh_at:
            return slot.token
        return None

    def _sweep(self) -> None:
        stale = [
            key
            for key, slot in self._slots.items()
            if slot.users == 0 and self._token_if_fresh(slot) is None
        ]
        for key in stale:
            del self._slots[key]


def _copy(error: SanitisedError) -> SanitisedError:
    """A fresh exception like `error` (its traceback aside), so each waiting caller
    raises its own."""
    return copy.copy(error)


# ---------------------------------------------------------------------------------------
# The request and its answer, shared by both clients.


def _basic_credentials(config: AuthConfig) -> dict[str, str]:
    """The Authorization header, built only when sending (as the Node clients do)."""
    pair = f"{config.client_id}:{config.client_secret}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}


def _form(username: str | None) -> dict[str, str]:
    form = {"grant_type": "client_credentials"}
    if username:
        form["username"] = username
    return form


def _scrub(text: str, config: AuthConfig) -> str:
    """`text` without the secret or the encoded credentials, should either appear."""
    encoded = _basic_credentials(config)["Authorization"].removeprefix("Basic ")
    for secret in (encoded, config.client_secret):
        text = text.replace(secret, "***")
    return text


def transport_failure(
    failure: SendError, config: AuthConfig, bounds: Bounds, outer: Bounds | None
) -> TransportError:
    """The error for a token request that brought no reply, under `bounds` (its own,
    or those of the API call it runs in, `outer`, when they end sooner)."""
    kind = ApiTimeoutError if failure.timed_out else TransportError
    verb = "timed out" if failure.timed_out else "failed"
    words = _scrub(failure_words(failure), config)[:200]
    error = kind(f"HMPPS Auth token request {verb} ({words})")
    if failure.timed_out:
        error.hint = _timeout_hint(config, bounds, outer)
    else:
        error.hint = transport_hint(failure, "AuthConfig", config.timeout.response)
    return error


def _timeout_hint(config: AuthConfig, bounds: Bounds, outer: Bounds | None) -> str:
    """Which bound ran out: the API call's deadline, the fetch's own, or a wait."""
    if bounds.deadline - time.monotonic() > _CLOCK_SLACK:
        return (
            "HMPPS Auth did not answer within its response timeout"
            f" (AuthConfig.timeout.response, {config.timeout.response:g}s)"
        )
    if outer is not None and outer.deadline <= bounds.deadline:
        return (
            f"the API call's deadline (Timeout.deadline, {outer.seconds:g}s) ran out while"
            " its token was being fetched from HMPPS Auth: allow the call more time, or"
            " fetch a token before a short call"
        )
    return (
        "HMPPS Auth did not issue the token within the fetch's deadline"
        f" (AuthConfig.timeout.deadline, {config.timeout.deadline:g}s)"
    )


_CLOCK_SLACK = 0.001
"""Seconds a timed-out wait may end before the deadline it was cut to and still count
as having reached it (clock resolution)."""


_NOT_JSON = object()


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return _NOT_JSON


def _read_token(reply: WireReply, config: AuthConfig) -> tuple[str, float]:
    """The token and its lifetime from Auth's answer; a sanitised error otherwise.

    Raised outside any `except`, so no library or json exception rides along as context.
    """
    if not 200 <= reply.status_code < 300:
        raise SanitisedError.for_status(
            reply.status_code,
            f"HMPPS Auth token request failed: {reply.reason}",
            _scrub(reply.text, config),
            reply.headers,
        )
    problem = reply.unreadable
    if problem is not None:
        raise TransportError(f"invalid token response from HMPPS Auth: {problem}")
    body = _json(reply.text)
    if not isinstance(body, dict):
        raise TransportError("invalid token response from HMPPS Auth: body is not a JSON object")
    token = body.get("access_token")
    if not isinstance(token, str) or not token:
        raise TransportError("invalid token response from HMPPS Auth: no access_token")
    expires_in = body.get("expires_in", 0)
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float):
        raise TransportError("invalid token response from HMPPS Auth: expires_in is not a number")
    return token, float(expires_in)


def _who(username: str | None) -> str:
    return f"username {username!r}" if username else "no username"


class AuthBase:
    """What both clients share: configuration, logging, the request, and its outcome."""

    _cache: TokenCache[Any]

    def __init__(self, config: AuthConfig, logger: object | None) -> None:
        self.config = config
        self._destination = Destination.of(
            config.token_url,
            config.limits,
            config.proxy,
            config.trust_env,
            config.verify,
            config.cert,
        )
        self._origin = self._destination.origin
        self._log = Log(logging.getLogger(DEFAULT_LOGGER_NAME) if logger is None else logger)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(url={self.config.url!r}, client_id={self.config.client_id!r})"
        )

    def _token_request(self, username: str | None) -> WireRequest:
        path = self._origin.base_path
        headers = {
            **self.config.headers.sent(),
            **_basic_credentials(self.config),
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        body = urlencode(_form(username)).encode("ascii")
        return WireRequest("POST", path, path, headers, body)

    def _bounds(self, outer: Bounds | None) -> Bounds:
        """The fetch's bounds: Auth's response timeout for each wait, and the fetch's
        own deadline, or the API call's (`outer`) if that comes sooner."""
        timeout = self.config.timeout
        deadline = time.monotonic() + timeout.deadline
        if outer is not None and outer.deadline < deadline:
            return Bounds(timeout.response, outer.deadline, outer.seconds)
        return Bounds(timeout.response, deadline, timeout.deadline)

    def _settle(
        self, ticket: RefreshTicket[Any], sent_at: float, answer: WireReply | TransportError
    ) -> str:
        """Record what one fetch brought, for this caller and those waiting: the token,
        or the sanitised error, raised here outside any `except` block."""
        error: SanitisedError | None = answer if isinstance(answer, TransportError) else None
        if isinstance(answer, WireReply):
            try:
                token, expires_in = _read_token(answer, self.config)
            except SanitisedError as refused:
                error = refused
        if error is not None:
            hint = error.hint if error.status is None else auth_hint(error.status)
            error.located(_OPERATION, "POST", self._origin.base_path, self._origin.url, hint)
            self._cache.fail(ticket, error)
            self._log.error(
                f"HMPPS Auth system token request for {_who(ticket.key)} failed: {error.outcome}"
            )
            raise error
        self._cache.store(ticket, token, expires_in, sent_at)
        self._log.info(
            f"HMPPS Auth system token fetched for {_who(ticket.key)} (expires in {expires_in:g}s)"
        )
        return token
