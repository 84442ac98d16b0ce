"""Europe/London wall-clock time for the fake: the client's own rule, and its format."""

from __future__ import annotations

from datetime import datetime

from .._london import london_now, to_london_local

__all__ = ["format_local", "london_now", "to_london_local"]


def format_local(value: datetime) -> str:
    """ISO 8601 local date-time without offset, e.g. `2023-07-21T08:14:21`."""
    return value.isoformat()
