"""The commands, one per operation: each one's arguments, help example, formats and
what it does with the client."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import hmpps_non_associations_api as package

from ._body import read_body
from ._confirm import confirm
from ._exits import FOUND
from ._output import FORMATS, Output
from ._session import Session

if TYPE_CHECKING:
    from hmpps_non_associations_api import NonAssociation

    from ._progress import Progress

__all__ = ["COMMANDS", "Command", "Context"]


@dataclass(frozen=True)
class Context:
    """What a command runs with."""

    arguments: argparse.Namespace
    session: Session
    output: Output
    stdin: TextIO
    stderr: TextIO

    def confirm(self, question: str) -> None:
        """Go on only if the user agrees, or gave --yes."""
        confirm(question, yes=self.arguments.yes, stdin=self.stdin, stderr=self.stderr)


@dataclass(frozen=True)
class Command:
    """A command: `summary` for the list of commands, `example` for its --help, the
    `formats` it can write, its default format on a terminal and off one, and `about`:
    what --help says beyond the summary."""

    name: str
    summary: str
    example: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[Context], int | None]
    """Runs the command; an exit status of its own (`check`), or None for 0."""
    formats: tuple[str, ...] = FORMATS
    on_terminal: str = "table"
    piped: str = "json"
    needs_token: bool = True
    about: str = ""


# Arguments shared by several commands


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    """The command takes none."""


def _id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=int, metavar="ID", help="the non-association's ID")


def _which(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    for flag, what in (
        ("open", "open non-associations only (the default)"),
        ("closed", "closed ones only"),
        ("all", "open and closed"),
    ):
        group.add_argument(f"--{flag}", dest="which", action="store_const", const=flag, help=what)
    parser.set_defaults(which="open")


def _inclusion(arguments: argparse.Namespace) -> tuple[bool, bool]:
    """include_open and include_closed, from --open, --closed or --all."""
    which: str = arguments.which
    return which != "closed", which != "open"


def _sort(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sort",
        action="append",
        metavar="PROPERTY[,ASC|DESC]",
        help="order by a field, e.g. whenCreated,DESC (repeat for more)",
    )


def _size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--size",
        type=int,
        help="non-associations per page (1 to 200; the API's default is"
        f" {package.DEFAULT_PAGE_SIZE})",
    )


def _yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes",
        "-y",
        action="store_true",
        help="do not ask for confirmation (needed off a terminal)",
    )


def _reason(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--reason", required=True, help=f"why it is {what}")


def _id_and_reason(what: str) -> Callable[[argparse.ArgumentParser], None]:
    """The arguments of close and reopen."""

    def arguments(parser: argparse.ArgumentParser) -> None:
        _id(parser)
        _reason(parser, what)
        _yes(parser)

    return arguments


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


# Reads


def _constants(context: Context) -> None:
    context.output.constants(context.session.client().constants())


def _get(context: Context) -> None:
    api = context.session.client()
    context.output.non_association(api.get_non_association(context.arguments.id))


def _legacy(context: Context) -> None:
    api = context.session.client()
    context.output.legacy(api.get_legacy_non_association(context.arguments.id))


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("prisoner_number", metavar="PRISONER_NUMBER", help="e.g. A1234BC")
    _which(parser)
    parser.add_argument(
        "--other-prisons",
        action="store_true",
        help="also those whose other prisoner is in another prison or none",
    )
    fields = [member.value for member in package.SortBy]
    parser.add_argument(
        "--sort-by",
        choices=fields,
        default=package.SortBy.WHEN_CREATED.value,
        metavar="FIELD",
        help=f"the field to order by: {', '.join(fields)} (default: %(default)s)",
    )
    parser.add_argument(
        "--sort-direction",
        choices=[member.value for member in package.SortDirection],
        default=package.SortDirection.DESC.value,
        help="ASC or DESC (default: %(default)s)",
    )
    parser.add_argument(
        "--by-location",
        action="store_true",
        help="in three groups: the same prison, other prisons, and outside any (in"
        " transfer, released, or no prison); implies --other-prisons",
    )


def _list(context: Context) -> None:
    arguments = context.arguments
    include_open, include_closed = _inclusion(arguments)
    listing = context.session.client().list_non_associations(
        arguments.prisoner_number,
        include_open=include_open,
        include_closed=include_closed,
        include_other_prisons=arguments.other_prisons or arguments.by_location,
        sort_by=arguments.sort_by,
        sort_direction=arguments.sort_direction,
    )
    if arguments.by_location:
        context.output.prisoner_list_by_location(listing)
    else:
        context.output.prisoner_list(listing)


def _group_arguments(least: str) -> Callable[[argparse.ArgumentParser], None]:
    def arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("prisoner_numbers", nargs="+", metavar="PRISONER_NUMBER", help=least)
        _which(parser)
        parser.add_argument(
            "--prison", metavar="PRISON_ID", help="only those with both prisoners in this prison"
        )

    return arguments


def _group(method: str) -> Callable[[Context], None]:
    """Run the client's group listing `method` (between, involving) on the prisoners given."""

    def run(context: Context) -> None:
        arguments = context.arguments
        include_open, include_closed = _inclusion(arguments)
        found = getattr(context.session.client(), method)(
            arguments.prisoner_numbers,
            include_open=include_open,
            include_closed=include_closed,
            prison_id=arguments.prison,
        )
        context.output.non_associations(found, measure=None)

    return run


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("prisoner_number", metavar="PRISONER", help="e.g. A1234BC")
    parser.add_argument(
        "candidates", nargs="+", metavar="CANDIDATE", help="prisoner numbers to check"
    )
    parser.add_argument(
        "--include-closed", action="store_true", help="closed non-associations count too"
    )
    parser.add_argument(
        "--prison",
        metavar="PRISON_ID",
        help="only pairs with both prisoners in this prison",
    )


def _check(context: Context) -> int | None:
    arguments = context.arguments
    answer = context.session.client().non_associations_with(
        arguments.prisoner_number,
        arguments.candidates,
        include_closed=arguments.include_closed,
        prison_id=arguments.prison,
    )
    context.output.checked(arguments.prisoner_number.upper(), answer)
    return FOUND if answer.found() else None


_EMPTY_ANSWER = (
    "Prisoner numbers are upper-cased before sending. The service does not check that the"
    " prisoners given exist, with --prison or without: a mistyped or unknown number has"
    " no non-associations rather than being an error, so check numbers typed by a"
    " person before acting on 'none'."
)


def _page_arguments(parser: argparse.ArgumentParser) -> None:
    _which(parser)
    parser.add_argument("--page", type=int, help="which page, from 0 (the API's default: 0)")
    _size(parser)
    _sort(parser)


def _page(context: Context) -> None:
    arguments = context.arguments
    include_open, include_closed = _inclusion(arguments)
    page = context.session.client().paged_non_associations(
        include_open=include_open,
        include_closed=include_closed,
        page=arguments.page,
        size=arguments.size,
        sort=arguments.sort,
    )
    context.output.page(page)


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    _which(parser)
    _size(parser)
    _sort(parser)


def _counted(items: Iterable[NonAssociation], progress: Progress) -> Iterator[NonAssociation]:
    for item in items:
        yield item
        progress.record()


def _export(context: Context) -> None:
    arguments = context.arguments
    include_open, include_closed = _inclusion(arguments)
    from ._progress import Progress  # a plugin: only an export on a terminal needs it

    progress = Progress(context.stderr) if context.stderr.isatty() else None
    api = context.session.client([progress] if progress else [])
    items: Iterable[NonAssociation] = api.iter_non_associations(
        include_open=include_open,
        include_closed=include_closed,
        size=arguments.size,
        sort=arguments.sort,
    )
    try:
        if progress is not None:
            items = _counted(items, progress)
        measure = arguments.size or package.DEFAULT_PAGE_SIZE
        context.output.non_associations(items, measure=measure)
    finally:
        if progress is not None:
            progress.finish()


def _sar_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prn", help="the prisoner number")
    parser.add_argument("--crn", help="the probation case reference number")
    parser.add_argument("--from", dest="from_date", type=_date, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="to_date", type=_date, metavar="YYYY-MM-DD")


def _sar(context: Context) -> None:
    arguments = context.arguments
    content = context.session.client().subject_access_request(
        prn=arguments.prn,
        crn=arguments.crn,
        from_date=arguments.from_date,
        to_date=arguments.to_date,
    )
    context.output.document(None if content is None else content.to_dict())


def _ping(context: Context) -> None:
    status = context.session.client().ping()
    if context.output.format == "table":
        context.output.stream.write(f"{status}\n")
    else:
        context.output.document({"status": status})


# Writes


def _body_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--file",
        metavar="PATH",
        help="the request body, JSON in the API's shape (camelCase); - or none: stdin",
    )
    _yes(parser)


def _create(context: Context) -> None:
    body: Any = read_body(context.arguments.file, context.stdin)
    pair = ""
    if isinstance(body, dict) and {"firstPrisonerNumber", "secondPrisonerNumber"} <= body.keys():
        pair = f" between {body['firstPrisonerNumber']} and {body['secondPrisonerNumber']}"
    context.confirm(f"Create a non-association{pair}?")
    context.output.non_association(context.session.client().create_non_association(body))


def _update_arguments(parser: argparse.ArgumentParser) -> None:
    _id(parser)
    _body_arguments(parser)


def _update(context: Context) -> None:
    number = context.arguments.id
    body: Any = read_body(context.arguments.file, context.stdin)
    fields = f" ({', '.join(map(str, body))})" if isinstance(body, dict) and body else ""
    context.confirm(f"Update non-association {number}{fields}?")
    context.output.non_association(context.session.client().update_non_association(number, body))


def _close(context: Context) -> None:
    number = context.arguments.id
    context.confirm(f"Close non-association {number}?")
    closed = context.session.client().close_non_association(
        number, {"closedReason": context.arguments.reason}
    )
    context.output.non_association(closed)


def _reopen(context: Context) -> None:
    number = context.arguments.id
    context.confirm(f"Reopen non-association {number}?")
    reopened = context.session.client().reopen_non_association(
        number, {"reopenReason": context.arguments.reason}
    )
    context.output.non_association(reopened)


def _delete_arguments(parser: argparse.ArgumentParser) -> None:
    _id(parser)
    _reason(parser, "deleted")
    parser.add_argument(
        "--staff", required=True, metavar="USERNAME", help="who asked for the deletion"
    )
    _yes(parser)


def _delete(context: Context) -> None:
    number = context.arguments.id
    context.confirm(f"Delete non-association {number}? It cannot be undone (closing can).")
    context.session.client().delete_non_association(
        number,
        {
            "deletionReason": context.arguments.reason,
            "staffUserNameRequestingDeletion": context.arguments.staff,
        },
    )
    if context.output.format == "table":
        context.output.stream.write(f"Non-association {number} deleted.\n")


_USER = "hmpps-non-associations --username JSMITH_GEN"

COMMANDS = {
    command.name: command
    for command in (
        Command(
            "constants",
            "the role, reason and restriction type codes, with their display text",
            "hmpps-non-associations constants --format csv",
            _no_arguments,
            _constants,
        ),
        Command(
            "get",
            "one non-association",
            "hmpps-non-associations get 12",
            _id,
            _get,
        ),
        Command(
            "legacy",
            "one non-association in the legacy NOMIS shape (needs the sync role)",
            "hmpps-non-associations legacy 12 --format json",
            _id,
            _legacy,
        ),
        Command(
            "list",
            "a prisoner's non-associations, each seen from their side",
            "hmpps-non-associations list A1234BC --all --sort-by LAST_NAME --sort-direction ASC",
            _list_arguments,
            _list,
        ),
        Command(
            "between",
            "the non-associations between two or more prisoners",
            "hmpps-non-associations between A1234BC B2345CD C3456DE --prison MDI",
            _group_arguments("two or more prisoner numbers"),
            _group("list_non_associations_between"),
            about=_EMPTY_ANSWER,
        ),
        Command(
            "involving",
            "the non-associations involving any of one or more prisoners",
            "hmpps-non-associations involving A1234BC --all --format csv",
            _group_arguments("one or more prisoner numbers"),
            _group("list_non_associations_involving"),
            about=_EMPTY_ANSWER,
        ),
        Command(
            "check",
            "which candidates have a non-association with a prisoner",
            "hmpps-non-associations check A1234BC B2345CD C3456DE --prison MDI",
            _check_arguments,
            _check,
            about=(
                "Each candidate is shown, with its non-associations with the prisoner or"
                " none. Exit status 0: none found; 4: at least one found (1, 2 and 3 as"
                f" for every command). {_EMPTY_ANSWER}"
            ),
        ),
        Command(
            "page",
            "one page of all non-associations",
            "hmpps-non-associations page --page 2 --size 50 --sort whenUpdated,DESC",
            _page_arguments,
            _page,
        ),
        Command(
            "export",
            "every non-association, all pages, written as they arrive",
            "hmpps-non-associations export --all --format csv > non-associations.csv",
            _export_arguments,
            _export,
            piped="jsonl",
        ),
        Command(
            "create",
            "record a new non-association (the request body as JSON)",
            f"{_USER} create --file new.json",
            _body_arguments,
            _create,
        ),
        Command(
            "update",
            "change some fields of a non-association (the request body as JSON)",
            f'echo \'{{"restrictionType": "WING"}}\' | {_USER} update 12 --yes',
            _update_arguments,
            _update,
        ),
        Command(
            "close",
            "close a non-association that no longer applies",
            f'{_USER} close 12 --reason "Moved to separate sites"',
            _id_and_reason("closed"),
            _close,
        ),
        Command(
            "reopen",
            "put a closed non-association back in force",
            f'{_USER} reopen 12 --reason "Back on the same wing"',
            _id_and_reason("reopened"),
            _reopen,
        ),
        Command(
            "delete",
            "delete a non-association made in error (prefer closing it)",
            f'{_USER} delete 12 --reason "Recorded in error" --staff JSMITH_GEN',
            _delete_arguments,
            _delete,
        ),
        Command(
            "sar",
            "what the service holds about a person (subject access request)",
            "hmpps-non-associations sar --prn A1234BC --from 2024-01-01 > sar.json",
            _sar_arguments,
            _sar,
            formats=("json", "jsonl"),
            on_terminal="json",
        ),
        Command(
            "ping",
            "whether the API is up (its health check; needs no token)",
            "hmpps-non-associations ping",
            _no_arguments,
            _ping,
            formats=("table", "json", "jsonl"),
            needs_token=False,
        ),
    )
}
"""Every command, by name, in the order --help lists them."""
