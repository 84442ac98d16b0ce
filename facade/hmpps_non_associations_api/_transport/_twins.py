"""The few primitives the asyncio code and its generated sync twins use differently.

scripts/unasync.py turns each `Async`/`async_` name here into the name beside it.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asyncio import Lock as AsyncLock
    from asyncio import sleep as async_sleep
    from asyncio import timeout as async_deadline

__all__ = [
    "AsyncLock",
    "Lock",
    "async_deadline",
    "async_loop_guard",
    "async_sleep",
    "deadline",
    "loop_guard",
    "sleep",
]

Lock = threading.Lock
sleep = time.sleep

_ASYNCIO = {"AsyncLock": "Lock", "async_sleep": "sleep", "async_deadline": "timeout"}
"""The asyncio twins, from asyncio itself when first asked for, so a thread application
never imports asyncio: `asyncio.Lock`, `asyncio.sleep`, and `asyncio.timeout`, which
cancels a coroutine's try through an application's httpx transport when the call's
deadline comes (aiohttp bounds its own tries: `AiohttpTransport.send`)."""


def __getattr__(name: str) -> Any:
    if name in _ASYNCIO:
        import asyncio

        return getattr(asyncio, _ASYNCIO[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def deadline(remaining: float | None) -> contextlib.nullcontext[Any]:
    """Nothing to cancel: a thread cannot be interrupted, so a thread's try through an
    httpx transport relies on each wait's bound, as the pool relies on its sockets'."""
    return _NOTHING_TO_CANCEL


_NOTHING_TO_CANCEL: contextlib.nullcontext[Any] = contextlib.nullcontext()


BLOCKS_THE_LOOP = (
    "NonAssociationsApi and HmppsAuthClient block the thread they are called on, and this"
    " thread runs an asyncio event loop: every task on the loop waits until the API (or"
    " HMPPS Auth) answers. In asyncio code use AsyncNonAssociationsApi and"
    " AsyncHmppsAuthClient"
)
_warned = False


def async_loop_guard() -> None:
    """Nothing to guard: asyncio code waits without blocking its loop."""


def loop_guard() -> None:
    """Warn, once in the process, when a blocking call is made on the thread of a
    running event loop (a sync client in an async web handler, say)."""
    global _warned
    asyncio = sys.modules.get("asyncio")  # not imported: no loop can be running
    if _warned or asyncio is None or asyncio._get_running_loop() is None:
        return
    _warned = True
    warnings.warn(BLOCKS_THE_LOOP, RuntimeWarning, stacklevel=_outside_the_package())


def _outside_the_package() -> int:
    """The stack level of the first caller outside this package (the application)."""
    level, frame = 2, sys._getframe(2)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(
        "hmpps_non_associations_api."
    ):
        level, frame = level + 1, frame.f_back
    return level
