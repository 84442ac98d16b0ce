"""System tokens: a fixed string, or a provider asked afresh for every try.

A provider lets a long-lived client pick up refreshed tokens; `HmppsAuthClient` hands out
providers that cache and refresh HMPPS Auth tokens, and that can be told a token was
refused (`renew`), so the next call of the provider fetches a new one.
"""

from __future__ import annotations

import contextvars
import inspect
import re
import time
from collections.abc import Awaitable, Callable

from .._transport._interface import Bounds

__all__ = [
    "CALL_BOUNDS",
    "AsyncTokenProvider",
    "AsyncTokenSource",
    "TokenProvider",
    "TokenSource",
    "async_token",
    "checked",
    "is_provider",
    "renew",
    "sync_token",
]

TokenProvider = Callable[[], str]
"""A callable giving the current token, as `HmppsAuthClient.token_provider` does."""

AsyncTokenProvider = Callable[[], Awaitable[str]]
"""What `AsyncHmppsAuthClient.token_provider` gives."""

TokenSource = str | Callable[[], str]
"""What the sync client accepts: a token, or a callable returning one."""

AsyncTokenSource = str | Callable[[], str] | Callable[[], Awaitable[str]]
"""What the async client accepts: a token, or a callable returning one or awaiting one."""


_TOKEN = re.compile(r"[!-~]+")  # visible ASCII: nothing that could break the header


def checked(token: object) -> str:
    """The token, if it is one that can be sent as a bearer token."""
    if not isinstance(token, str) or not token:
        raise TypeError("the token provider must return a non-empty string")
    if not _TOKEN.fullmatch(token):
        raise ValueError("the token holds spaces, control or non-ASCII characters")
    return token


def is_provider(source: AsyncTokenSource) -> bool:
    """Whether the token comes from a provider, which may give a new one when asked
    again (a fixed token would only be refused again)."""
    return callable(source)


def renew(source: AsyncTokenSource, refused: str) -> None:
    """Tell a provider that can forget tokens (`HmppsAuthClient.token_provider`'s) that
    `refused` was refused, so its next answer is a fresh token."""
    forget = getattr(source, "renew", None)
    if callable(forget):
        forget(refused)


CALL_BOUNDS: contextvars.ContextVar[Bounds | None] = contextvars.ContextVar(
    "hmpps_non_associations_api_call_bounds", default=None
)
"""The bounds of the call asking a token provider for a token, while it asks, so an
HMPPS Auth client fetching one then stays within the call's deadline. Context rather
than an argument: a provider is the application's own zero-argument callable."""


def sync_token(source: AsyncTokenSource, bounds: Bounds) -> str:
    """The token for the next try; an async provider is refused (use the async client).
    A provider runs with the call's `bounds` in `CALL_BOUNDS`."""
    if not callable(source):
        return checked(source)
    reset = CALL_BOUNDS.set(bounds)
    try:
        token = source()
    finally:
        CALL_BOUNDS.reset(reset)
    if inspect.isawaitable(token):
        if inspect.iscoroutine(token):
            token.close()
        raise TypeError("an async token provider needs AsyncNonAssociationsApi")
    return checked(token)


async def async_token(source: AsyncTokenSource, bounds: Bounds) -> str:
    """The token for the next try; an async provider is given only what is left of the
    call's deadline (TimeoutError when it takes longer), with the call's `bounds` in
    `CALL_BOUNDS`."""
    if not callable(source):
        return checked(source)
    reset = CALL_BOUNDS.set(bounds)
    try:
        token = source()
        if not inspect.isawaitable(token):
            return checked(token)
        import asyncio  # already loaded: this runs on an event loop

        async with asyncio.timeout(max(bounds.deadline - time.monotonic(), 0)):
            return checked(await token)
    finally:
        CALL_BOUNDS.reset(reset)
