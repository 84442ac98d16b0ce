"""System tokens: a fixed string, or a provider asked afresh for every request.

A provider lets a long-lived client pick up refreshed tokens; `HmppsAuthClient`
hands out providers that cache and refresh HMPPS Auth tokens.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from ._telemetry import DEADLINE_EXCEEDED

if TYPE_CHECKING:
    from ._transport import Call

__all__ = [
    "AsyncTokenProvider",
    "AsyncTokenSource",
    "TokenProvider",
    "TokenSource",
    "async_token",
    "checked",
    "sync_token",
]

TokenProvider = Callable[[], str]
"""What `HmppsAuthClient.token_provider` gives."""

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


def sync_token(source: AsyncTokenSource, call: Call) -> str:
    """The token for the call's next try; an async provider is refused (use the async
    client). A provider that used up the call's deadline fails the call."""
    token = source() if callable(source) else source
    if inspect.isawaitable(token):
        if inspect.iscoroutine(token):
            token.close()
        raise TypeError("an async token provider needs AsyncNonAssociationsApi")
    return call.within_deadline(checked(token))


async def async_token(source: AsyncTokenSource, call: Call) -> str:
    """The token for the call's next try; an async provider is given only what is left
    of the call's deadline."""
    token = source() if callable(source) else source
    if not inspect.isawaitable(token):
        return call.within_deadline(checked(token))
    try:
        async with asyncio.timeout(max(call.remaining(), 0)):
            return checked(await token)
    except TimeoutError:
        raise call.fail(call.deadline_error(), DEADLINE_EXCEEDED) from None
