"""Europe/London wall-clock time, the only kind of time the API sends and accepts."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

__all__ = ["LONDON", "format_local", "london_now", "to_london_local"]

LONDON = ZoneInfo("Europe/London")


def london_now() -> datetime:
    """The current Europe/London local time, without tzinfo."""
    return datetime.now(LONDON).replace(tzinfo=None)


def to_london_local(value: datetime) -> datetime:
    """A Europe/London local time without tzinfo; naive values are taken as local already."""
    if value.tzinfo is None:
        return value
    return value.astimezone(LONDON).replace(tzinfo=None)


def format_local(value: datetime) -> str:
    """ISO 8601 local date-time without offset, e.g. `2023-07-21T08:14:21`."""
    return value.isoformat()
