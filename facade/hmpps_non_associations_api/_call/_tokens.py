"""System tokens: a fixed string, or a provider asked afresh for every try.

A provider lets a long-lived client pick up refreshed tokens; `HmppsAuthClient` hands out
providers that cache and refresh HMPPS Auth tokens, and that can be told a token was
refused (`renew`), so the next call of the provider fetches a new one.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Awaitable, Callable

__all__ = [
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


def sync_token(source: AsyncTokenSource, remaining: float) -> str:
    """The token for the next try; an async provider is refused (use the async client).
    A sync provider needs no `remaining`: its own network waits are bounded by the
    call's deadline (`_sockets.BOUNDS`)."""
    token = source() if callable(source) else source
    if inspect.isawaitable(token):
        if inspect.iscoroutine(token):
            token.close()
        raise TypeError("an async token provider needs AsyncNonAssociationsApi")
    return checked(token)


async def async_token(source: AsyncTokenSource, remaining: float) -> str:
    """The token for the next try; an async provider is given only the `remaining`
    seconds of the call's deadline (TimeoutError when it takes longer)."""
    token = source() if callable(source) else source
    if not inspect.isawaitable(token):
        return checked(token)
    async with asyncio.timeout(max(remaining, 0)):
        return checked(await token)
