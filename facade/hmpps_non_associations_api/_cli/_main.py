"""Running one command: its format chosen, the configuration read, the call made, and
any failure turned into one line on stderr and an exit status."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import traceback
from collections.abc import Sequence

from ._commands import COMMANDS, Command, Context
from ._exits import (
    DONE,
    INTERRUPTED,
    READER_GONE,
    UsageError,
    exit_status,
    one_line,
)
from ._output import Output
from ._parser import PROG, parse
from ._session import Session

__all__ = ["main"]


def _format(command: Command, chosen: str | None) -> str:
    """--format, or the command's default: for people on a terminal, otherwise for
    programs."""
    format = chosen or (command.on_terminal if sys.stdout.isatty() else command.piped)
    if format not in command.formats:
        raise UsageError(
            f"{command.name} writes {' or '.join(command.formats)}, not {format}: choose"
            " one with --format"
        )
    return format


def _log_to_stderr() -> None:
    """--debug: the library's log (each call, try, retry and failure; never a token or
    a secret) on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    library = logging.getLogger("hmpps_non_associations_api")
    library.addHandler(handler)
    library.setLevel(logging.DEBUG)


def _run(command: Command, arguments: argparse.Namespace) -> int:
    output = Output(
        _format(command, arguments.format),
        sys.stdout,
        shutil.get_terminal_size().columns,
        raw_csv=arguments.raw_csv,
    )
    with Session(
        os.environ,
        api_url=arguments.api_url,
        auth_url=arguments.auth_url,
        username=arguments.username,
        needs_token=command.needs_token,
    ) as session:
        status = command.run(Context(arguments, session, output, sys.stdin, sys.stderr))
    sys.stdout.flush()
    return DONE if status is None else status


def main(argv: Sequence[str] | None = None) -> int:
    """Run `hmpps-non-associations` with these arguments (the process's by default);
    returns the exit status."""
    arguments = parse(argv)
    if arguments.debug:
        _log_to_stderr()
    try:
        return _run(COMMANDS[arguments.command], arguments)
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # Nothing more can be written; point stdout at nothing so closing it is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return READER_GONE
    except Exception as error:
        status = exit_status(error)
        if status is None:
            raise
        if arguments.debug:
            traceback.print_exception(error, file=sys.stderr)
        print(f"{PROG}: {one_line(error)}", file=sys.stderr)
        return status
