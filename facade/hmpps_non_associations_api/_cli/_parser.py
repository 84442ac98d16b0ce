"""The command line's grammar: the options every command takes, a sub-parser per
command with its example, and usage errors on one line."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from typing import Any, NoReturn

import hmpps_non_associations_api

from ._commands import COMMANDS
from ._exits import USAGE
from ._output import FORMATS
from ._session import API_URL, AUTH_URL

__all__ = ["PROG", "parse"]

PROG = "hmpps-non-associations"

_ABOUT = f"""\
See what the HMPPS Non-associations API says, and change it, from the command line.

configuration, from the environment, as applications read it:
  {API_URL}  the API's base URL (or --api-url)
  {AUTH_URL}  HMPPS Auth's base URL, ending in /auth (or --auth-url)
  HMPPS_AUTH_CLIENT_ID, HMPPS_AUTH_CLIENT_SECRET  the system client (no option for the secret)
  ..._TIMEOUT_RESPONSE, ..._TIMEOUT_DEADLINE  of either, optional, in milliseconds
"""

_EXITS = """\
output: table for people (the default on a terminal); json, the API's own shape (the
default in a pipe; jsonl for export); jsonl, one object a line; csv, one row per
non-association, cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR
first) made text with a leading ' (--raw-csv writes them as they are). Errors are one
line on stderr.

exit status: 0 done; 1 refused by the API (4xx) or at the prompt; 2 bad usage, or
refused by the client's checks before sending; 3 the API or the network failed (5xx,
no reply, timeout); 4 check found a non-association (0: none); 130 interrupted; 141 the
reader of the output went away.
"""


class _Parser(argparse.ArgumentParser):
    """Reports bad usage on one line, with where to look, and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{self.prog}: error: {message}; see {self.prog} --help\n")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options every command takes, before or after its name. After it, they keep
    what was given before unless given again (no defaults of their own)."""
    unset: object = None if top else argparse.SUPPRESS
    options = parser.add_argument_group("common options")
    options.add_argument(
        "--api-url", metavar="URL", default=unset, help=f"the API's base URL, over {API_URL}"
    )
    options.add_argument(
        "--auth-url", metavar="URL", default=unset, help=f"HMPPS Auth's base URL, over {AUTH_URL}"
    )
    options.add_argument(
        "--username",
        metavar="USER",
        default=unset,
        help="the user the system token is issued for (writes need one)",
    )
    options.add_argument(
        "--format",
        choices=FORMATS,
        default=unset,
        help="table on a terminal, otherwise json (jsonl for export)",
    )
    options.add_argument(
        "--raw-csv",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="write CSV cells exactly as the API gave them; by default a cell starting"
        " with = + - @, a tab or a carriage return gets a leading ' so that a spreadsheet"
        " shows it as text instead of running it as a formula",
    )
    options.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="log each call to stderr and show tracebacks (never tokens or secrets)",
    )


class _Version(argparse.Action):
    """--version: the installed version, looked up only when asked for (finding it
    costs more than the rest of the command's start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        print(f"{PROG} {hmpps_non_associations_api.__version__}")
        parser.exit()


def _parser(filled: str | None) -> argparse.ArgumentParser:
    """The grammar, with the arguments of the command named `filled` only: building one
    command's arguments loads what they list (code lists among them), which the others,
    --help and --version never need."""
    parser = _Parser(
        prog=PROG,
        description=_ABOUT,
        epilog=_EXITS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(
        title="commands", dest="command", required=True, metavar="COMMAND"
    )
    for command in COMMANDS.values():
        formats = ", ".join(command.formats)
        sub = commands.add_parser(
            command.name,
            help=command.summary,
            description=textwrap.fill(
                f"{command.summary[0].upper()}{command.summary[1:]}. {command.about}",
                80,
                break_on_hyphens=False,
            ),
            epilog=f"formats: {formats}\n\nexample:\n  {command.example}\n",
            formatter_class=argparse.RawDescriptionHelpFormatter,
            add_help=command.name == filled,
        )
        if command.name == filled:
            command.arguments(sub)
            _common(sub, top=False)
    _common(parser, top=True)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments, or exit: 0 after --help or --version, 2 after bad usage. Read in
    two steps: which command (every command's own arguments left aside), then that
    command's arguments."""
    chosen, _ = _parser(None).parse_known_args(argv)
    return _parser(chosen.command).parse_args(argv)
