"""What the command's exit status says, and the one line it writes about a failure.

0 done; 1 refused: by the API (a 4xx) or at the confirmation prompt; 2 bad usage,
including the client's own checks before sending and missing configuration; 3 the API
or the network failed (a 5xx, a refused redirect, no usable reply, a timeout); 4
`check` found a non-association (0 there: it found none).
"""

from __future__ import annotations

from hmpps_non_associations_api import (
    ClientError,
    ErrorCode,
    SanitisedError,
    UnauthorisedError,
)

from ._table import shown

__all__ = [
    "DONE",
    "FAILED",
    "FOUND",
    "INTERRUPTED",
    "READER_GONE",
    "REFUSED",
    "USAGE",
    "Declined",
    "UsageError",
    "exit_status",
    "one_line",
]

DONE = 0
REFUSED = 1
USAGE = 2
FAILED = 3
FOUND = 4
"""`check` found at least one non-association: a status of its own, so a script that
goes on only after 0 never reads a failure, or a conflict, as "none"."""
INTERRUPTED = 130
"""Ctrl-C, as a shell reports SIGINT."""
READER_GONE = 141
"""The reader of the output went away (`| head`), as a shell reports SIGPIPE."""


class UsageError(Exception):
    """The command was used wrongly; found before anything was sent."""


class Declined(Exception):
    """The user answered no when asked to confirm a change."""


def exit_status(error: Exception) -> int | None:
    """The status for an error the command expects, None for any other (a bug)."""
    if isinstance(error, ClientError | Declined):
        return REFUSED
    if isinstance(error, UsageError | ValueError | TypeError):
        return USAGE
    if isinstance(error, SanitisedError):
        return FAILED
    return None


def one_line(error: Exception) -> str:
    """What failed and what to do, on one line: the client's own message, which says
    where the call went and gives its hint; what the API said in it cannot break the
    line or send the terminal a control sequence."""
    text = shown(str(error))
    if (
        isinstance(error, UnauthorisedError)
        and error.error_code is ErrorCode.USER_IN_CONTEXT_MISSING
    ):
        text += "; here: pass --username with the user the change is made for"
    return text
