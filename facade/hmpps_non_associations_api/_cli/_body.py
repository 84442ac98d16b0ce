"""A write's request body: JSON from a file or standard input, in the API's shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from ._exits import UsageError

__all__ = ["read_body"]


def read_body(path: str | None, stdin: TextIO) -> Any:
    """The JSON in the file at `path`, or on `stdin` for `-` or no path. With no path
    and a terminal on stdin there is nothing to read: that is bad usage, not a wait."""
    if path is None and stdin.isatty():
        raise UsageError("give the request body as JSON: --file PATH, or on standard input")
    where = "standard input" if path in (None, "-") else path
    try:
        text = stdin.read() if path in (None, "-") else Path(str(path)).read_text("utf-8")
    except OSError as error:
        raise UsageError(f"cannot read {where}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise UsageError(f"{where} is not UTF-8 text: {error.reason}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{where} is not JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
