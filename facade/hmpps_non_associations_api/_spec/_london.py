"""Europe/London wall-clock time: the only kind of time the API sends and accepts.

The zone comes from `zoneinfo`, backed by the `tzdata` package where the system has no
time-zone database, and a missing zone is an error, never a silent fall back to UTC.
"""

from __future__ import annotations

import functools
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["london", "london_now", "to_london_local"]


@functools.cache
def london() -> ZoneInfo:
    """The Europe/London zone; a RuntimeError when no time-zone data can be found."""
    try:
        return ZoneInfo("Europe/London")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RuntimeError(
            "the Europe/London time zone cannot be loaded; install the tzdata package"
        ) from exc


def london_now() -> datetime:
    """The current Europe/London local time, without tzinfo."""
    return datetime.now(london()).replace(tzinfo=None)


def to_london_local(value: datetime) -> datetime:
    """A Europe/London local time without tzinfo; naive values are taken as local already."""
    if value.tzinfo is None:
        return value
    return value.astimezone(london()).replace(tzinfo=None)
