"""The few primitives the asyncio code and its generated sync twins use differently.

scripts/unasync.py turns each `Async`/`async_` name here into the name beside it.
"""

from __future__ import annotations

import asyncio
import threading
import time

__all__ = ["AsyncLock", "Lock", "async_sleep", "sleep"]

AsyncLock = asyncio.Lock
Lock = threading.Lock
async_sleep = asyncio.sleep
sleep = time.sleep
