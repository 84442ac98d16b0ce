"""Asking before a change: on a terminal the user answers; off one, `--yes` must have
said so already, so a script never changes anything by accident or waits for an answer."""

from __future__ import annotations

from typing import TextIO

from ._exits import Declined, UsageError

__all__ = ["confirm"]


def confirm(question: str, *, yes: bool, stdin: TextIO, stderr: TextIO) -> None:
    """Return when the change may go ahead: `yes` given, or `y` answered to `question`
    (asked on stderr, so stdout keeps only data). Raises `UsageError` off a terminal
    without `yes`, `Declined` for any answer but yes."""
    if yes:
        return
    if not (stdin.isatty() and stderr.isatty()):
        raise UsageError(
            f"not confirmed: {question} Pass --yes to confirm off a terminal"
            " (standard input and error are not both one)"
        )
    stderr.write(f"{question} [y/N] ")
    stderr.flush()
    if stdin.readline().strip().lower() not in ("y", "yes"):
        raise Declined("nothing changed: not confirmed at the prompt")
