"""System tokens: a fixed string, or a provider asked afresh for every request.

A provider lets a long-lived client pick up refreshed tokens; `HmppsAuthClient`
(in `auth.py`) hands out providers that cache and refresh HMPPS Auth tokens.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable

__all__ = ["AsyncTokenSource", "TokenSource", "checked", "sync_token"]

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


def sync_token(source: AsyncTokenSource) -> str:
    """The token to send now; an async provider is refused (use the async client)."""
    token = source() if callable(source) else source
    if inspect.isawaitable(token):
        if inspect.iscoroutine(token):
            token.close()
        raise TypeError("an async token provider needs AsyncNonAssociationsApi")
    return checked(token)
