"""The progress of an export, redrawn on one line of a terminal: records so far, pages,
and the rate. It is a plugin of the export's client, so it counts the pages the client
actually fetched."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from hmpps_non_associations_api import Plugin, ResponseEvent

__all__ = ["Progress"]

REDRAW_EVERY = 0.1
"""Seconds between redraws as records go by (a page arriving redraws at once)."""


class Progress(Plugin):
    """Counts records (`record()`) and fetched pages (each 2xx reply the client gets)
    and redraws `records, pages, rate` over itself with a carriage return; `finish()`
    draws the last count and ends the line."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._started = clock()
        self._drawn_at = self._started
        self._drawn = 0
        self.records = 0
        self.pages = 0

    def on_response(self, event: ResponseEvent) -> None:
        if event.status is not None and 200 <= event.status < 300:
            self.pages += 1
            self._draw()

    def record(self) -> None:
        self.records += 1
        if self._clock() - self._drawn_at >= REDRAW_EVERY:
            self._draw()

    def finish(self) -> None:
        self._draw()
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self) -> None:
        now = self._clock()
        elapsed = now - self._started
        rate = self.records / elapsed if elapsed > 0 else 0.0
        text = (
            f"Exported {_count(self.records, 'record')}, {_count(self.pages, 'page')},"
            f" {rate:,.0f} records/s, {elapsed:.1f} s"
        )
        self._stream.write("\r" + text.ljust(self._drawn))
        self._stream.flush()
        self._drawn = len(text)
        self._drawn_at = now


def _count(number: int, thing: str) -> str:
    return f"{number:,} {thing}{'' if number == 1 else 's'}"
