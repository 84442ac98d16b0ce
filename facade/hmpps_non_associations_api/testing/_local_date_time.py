"""Europe/London wall-clock time for the fake: the client's own rule for now, and the
service's way of writing and reading local date-times."""

from __future__ import annotations

import re
from datetime import datetime

from .._spec._london import london_now

__all__ = ["format_local", "london_now", "parse_local"]

_LOCAL_DATE_TIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.(?P<fraction>\d{1,9}))?"
)


def format_local(value: datetime) -> str:
    """A local date-time as the service writes one: whole seconds always, then only the
    fraction digits needed (`2023-07-21T08:14:00`, `2023-09-04T14:02:05.12`)."""
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += "." + f"{value.microsecond:06d}".rstrip("0")
    return text


def parse_local(text: str) -> datetime | None:
    """A local date-time as the service reads one (ISO 8601, seconds and fraction optional,
    no offset, no date alone), to the microsecond; None if it is not one."""
    match = _LOCAL_DATE_TIME.fullmatch(text)
    if match is None:
        return None
    fraction = (match["fraction"] or "").ljust(6, "0")[:6]
    try:
        return datetime.fromisoformat(f"{match['date']}T{match['time']}").replace(
            microsecond=int(fraction)
        )
    except ValueError:
        return None
