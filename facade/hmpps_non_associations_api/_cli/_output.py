"""The four output formats, for each kind of result.

`json` is the API's own JSON shape (`to_dict()`, camelCase), indented; `jsonl` one
compact object a line; `csv` one row per non-association under fixed headings (the
columns below, nested objects flattened as `otherPrisonerDetails.firstName`), a cell a
spreadsheet would run as a formula written as text unless asked for raw cells; `table`
aligned columns for people, with display text and minutes-precise local times. Lists
are written as they arrive, so an export holds no more than one page.
"""

from __future__ import annotations

import csv
import datetime
import itertools
import json
import textwrap
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TextIO

import hmpps_non_associations_api as package

from ._table import Column, write_fields, write_table

if TYPE_CHECKING:
    from hmpps_non_associations_api import (
        ByPrisoner,
        Constant,
        LegacyNonAssociation,
        NonAssociation,
        PageNonAssociation,
        PrisonerNonAssociation,
        PrisonerNonAssociations,
    )

__all__ = [
    "CONSTANTS_CSV",
    "FORMATS",
    "LEGACY_CSV",
    "LIST_CSV",
    "NON_ASSOCIATION_CSV",
    "Output",
]

FORMATS = ("table", "json", "jsonl", "csv")

NON_ASSOCIATION_CSV = (
    "id",
    "firstPrisonerNumber",
    "firstPrisonerRole",
    "firstPrisonerRoleDescription",
    "secondPrisonerNumber",
    "secondPrisonerRole",
    "secondPrisonerRoleDescription",
    "reason",
    "reasonDescription",
    "restrictionType",
    "restrictionTypeDescription",
    "comment",
    "whenCreated",
    "whenUpdated",
    "updatedBy",
    "isOpen",
    "isClosed",
    "closedBy",
    "closedReason",
    "closedAt",
)
"""The columns of a non-association (get, between, involving, page, export, writes)."""

LIST_CSV = (
    "prisonerNumber",
    "id",
    "role",
    "roleDescription",
    "reason",
    "reasonDescription",
    "restrictionType",
    "restrictionTypeDescription",
    "comment",
    "authorisedBy",
    "whenCreated",
    "whenUpdated",
    "updatedBy",
    "isOpen",
    "isClosed",
    "closedBy",
    "closedReason",
    "closedAt",
    "otherPrisonerDetails.prisonerNumber",
    "otherPrisonerDetails.role",
    "otherPrisonerDetails.roleDescription",
    "otherPrisonerDetails.firstName",
    "otherPrisonerDetails.lastName",
    "otherPrisonerDetails.prisonId",
    "otherPrisonerDetails.prisonName",
    "otherPrisonerDetails.cellLocation",
)
"""The columns of a prisoner's list: the prisoner listed, then each non-association as
seen from their side."""

LEGACY_CSV = (
    "id",
    "offenderNo",
    "reasonCode",
    "reasonDescription",
    "typeCode",
    "typeDescription",
    "effectiveDate",
    "expiryDate",
    "authorisedBy",
    "comments",
    "offenderNonAssociation.offenderNo",
    "offenderNonAssociation.reasonCode",
    "offenderNonAssociation.reasonDescription",
)

CONSTANTS_CSV = ("list", "code", "description")

CHECK_CSV = ("candidate", *NON_ASSOCIATION_CSV)
"""The columns of `check`: the candidate, then one of its non-associations with the
prisoner; a candidate with none has a row of its own with only the candidate."""

GROUPED_LIST_CSV = ("group", *LIST_CSV)
"""The columns of `list --by-location`: the group (samePrison, otherPrisons, outside),
then the prisoner's list."""

_GROUPS = (
    ("samePrison", "In the same prison"),
    ("otherPrisons", "In other prisons"),
    ("outside", "Outside any prison (in transfer, released, or no prison)"),
)

# On a narrow terminal the comment is cut first, then names and places, then display
# text; if that is not enough, dates are left out, then places, then roles.
_NON_ASSOCIATION_COLUMNS = (
    Column("ID", right=True),
    Column("First"),
    Column("Role", drop=1),
    Column("Second"),
    Column("Role", drop=1),
    Column("Reason", shrink=1),
    Column("Restriction", shrink=1),
    Column("Status"),
    Column("Created", drop=3),
    Column("Comment", shrink=3),
)

_LIST_COLUMNS = (
    Column("ID", right=True),
    Column("Role", drop=1),
    Column("Other"),
    Column("Name", shrink=2),
    Column("Their role", drop=1),
    Column("Where", shrink=2, drop=2),
    Column("Reason", shrink=1),
    Column("Restriction", shrink=1),
    Column("Status"),
    Column("Updated", drop=3),
    Column("Comment", shrink=3),
)


def _when(value: object) -> str:
    """A local date-time as people read it, to the minute; nothing for a missing one."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime.datetime) else ""


def _day(value: object) -> str:
    """A local date-time's date, for a row of a table."""
    return value.strftime("%Y-%m-%d") if isinstance(value, datetime.datetime) else ""


def _text(value: object) -> str:
    """An optional text field: itself, or nothing when the API left it out or null."""
    return value if isinstance(value, str) else ""


def _status(item: NonAssociation | PrisonerNonAssociation) -> str:
    return "closed" if item.is_closed else "open"


def _non_association_row(item: NonAssociation) -> list[str]:
    return [
        str(item.id),
        item.first_prisoner_number,
        item.first_prisoner_role_description,
        item.second_prisoner_number,
        item.second_prisoner_role_description,
        item.reason_description,
        item.restriction_type_description,
        _status(item),
        _day(item.when_created),
        item.comment,
    ]


def _list_row(item: PrisonerNonAssociation) -> list[str]:
    other = item.other_prisoner_details
    where = " ".join(filter(None, (_text(other.prison_id), _text(other.cell_location))))
    return [
        str(item.id),
        item.role_description,
        other.prisoner_number,
        f"{other.first_name} {other.last_name}",
        other.role_description,
        where,
        item.reason_description,
        item.restriction_type_description,
        _status(item),
        _day(item.when_updated),
        item.comment,
    ]


def _closure(item: NonAssociation) -> list[tuple[str, str]]:
    if not item.is_closed:
        return []
    return [
        ("Closed", f"{_when(item.closed_at)} by {_text(item.closed_by)}"),
        ("Closed because", _text(item.closed_reason)),
    ]


def _non_association_fields(item: NonAssociation) -> list[tuple[str, str]]:
    return [
        ("ID", str(item.id)),
        ("First", f"{item.first_prisoner_number} ({item.first_prisoner_role_description})"),
        ("Second", f"{item.second_prisoner_number} ({item.second_prisoner_role_description})"),
        ("Reason", item.reason_description),
        ("Restriction", item.restriction_type_description),
        ("Comment", item.comment),
        ("Status", _status(item)),
        ("Created", _when(item.when_created)),
        ("Updated", f"{_when(item.when_updated)} by {item.updated_by}"),
        *_closure(item),
    ]


def _legacy_fields(item: LegacyNonAssociation) -> list[tuple[str, str]]:
    other = item.offender_non_association
    return [
        ("ID", str(item.id)),
        ("Prisoner", f"{item.offender_no} ({item.reason_description}, {item.reason_code})"),
        ("Other", f"{other.offender_no} ({other.reason_description}, {other.reason_code})"),
        ("Type", f"{item.type_description} ({item.type_code})"),
        ("Effective", _when(item.effective_date)),
        ("Expires", _when(item.expiry_date)),
        ("Authorised by", _text(item.authorised_by)),
        ("Comments", item.comments),
    ]


def _flat(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as `outer.inner` keys."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's CSV injection guidance)."""


def _csv_value(value: object) -> str:
    """A cell as the JSON reads: true and false, nothing for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _neutralised(cell: str) -> str:
    """A cell a spreadsheet shows as text: one starting as a formula does (comments are
    typed by staff, and `=HYPERLINK(...)` in one would run when the export is opened)
    gets a leading `'`, which spreadsheets read as "this is text"."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def _check_rows(answer: ByPrisoner[NonAssociation]) -> Iterator[dict[str, Any]]:
    """A row per candidate and non-association; a candidate with none, a row alone."""
    for candidate, items in answer.items():
        if not items:
            yield {"candidate": candidate}
        for item in items:
            yield {"candidate": candidate, **_flat(item.to_dict())}


class Output:
    """Writes each kind of result to `stream` in one format; `width` is for tables, and
    `raw_csv` writes CSV cells exactly as the API gave them, formulas and all."""

    def __init__(self, format: str, stream: TextIO, width: int, raw_csv: bool = False) -> None:
        self.format = format
        self.stream = stream
        self.width = width
        self.raw_csv = raw_csv

    # The formats, for any data

    def _json(self, data: object) -> None:
        self.stream.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")

    def _json_lines(self, objects: Iterable[object]) -> int:
        count = 0
        for data in objects:
            self.stream.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
        return count

    def _json_array(self, objects: Iterable[object]) -> int:
        """An indented JSON array, written an element at a time."""
        count = 0
        self.stream.write("[")
        for data in objects:
            element = textwrap.indent(json.dumps(data, indent=2, ensure_ascii=False), "  ")
            self.stream.write(("," if count else "") + "\n" + element)
            count += 1
        self.stream.write("\n]\n" if count else "]\n")
        return count

    def _csv(self, columns: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> int:
        writer = csv.writer(self.stream)
        headings = list(columns)
        writer.writerow(headings)
        count = 0
        for row in rows:
            cells = [_csv_value(row.get(heading)) for heading in headings]
            writer.writerow(cells if self.raw_csv else map(_neutralised, cells))
            count += 1
        return count

    def _each(self, objects: Iterable[object]) -> int:
        """A list of objects in the machine-readable formats."""
        if self.format == "jsonl":
            return self._json_lines(objects)
        return self._json_array(objects)

    # Each kind of result

    def _record(
        self, fields: list[tuple[str, str]], headings: Iterable[str], data: Mapping[str, Any]
    ) -> None:
        """One record: labelled lines for people, or its JSON, or one row of CSV."""
        if self.format == "table":
            write_fields(self.stream, fields, self.width)
        elif self.format == "csv":
            self._csv(headings, [_flat(data)])
        elif self.format == "jsonl":
            self._json_lines([data])
        else:
            self._json(data)

    def non_association(self, item: NonAssociation) -> None:
        """One non-association: get, create, update, close, reopen."""
        self._record(_non_association_fields(item), NON_ASSOCIATION_CSV, item.to_dict())

    def legacy(self, item: LegacyNonAssociation) -> None:
        """One non-association in the legacy NOMIS shape."""
        self._record(_legacy_fields(item), LEGACY_CSV, item.to_dict())

    def constants(self, lists: Mapping[str, list[Constant]]) -> None:
        """The code lists: in the tabular formats one row per code, named by its list."""
        rows = [
            {"list": name, "code": constant.code, "description": constant.description}
            for name, constants in lists.items()
            for constant in constants
        ]
        if self.format == "table":
            columns = (Column("List"), Column("Code"), Column("Description", shrink=1))
            cells = ([row["list"], row["code"], row["description"]] for row in rows)
            write_table(self.stream, columns, cells, self.width)
        elif self.format == "csv":
            self._csv(CONSTANTS_CSV, rows)
        elif self.format == "jsonl":
            self._json_lines(rows)
        else:
            self._json(
                {name: [c.to_dict() for c in constants] for name, constants in lists.items()}
            )

    def prisoner_list(self, listing: PrisonerNonAssociations) -> None:
        """A prisoner's non-associations, each seen from their side."""
        items = listing.non_associations
        if self.format == "table":
            self._list_heading(listing)
            if items:
                write_table(self.stream, _LIST_COLUMNS, map(_list_row, items), self.width)
        elif self.format == "csv":
            number = listing.prisoner_number
            rows = ({"prisonerNumber": number, **_flat(item.to_dict())} for item in items)
            self._csv(LIST_CSV, rows)
        elif self.format == "jsonl":
            self._json_lines(item.to_dict() for item in items)
        else:
            self._json(listing.to_dict())

    def prisoner_list_by_location(self, listing: PrisonerNonAssociations) -> None:
        """A prisoner's non-associations in three groups by where the other prisoner is
        (`group_by_location`): in json the listing with `samePrison`, `otherPrisons` and
        `outside` in place of `nonAssociations`; a `group` field or column otherwise."""
        grouped = package.group_by_location(listing)
        groups = dict(
            zip(
                (key for key, _ in _GROUPS),
                (grouped.same_prison, grouped.other_prisons, grouped.outside),
                strict=True,
            )
        )
        if self.format == "table":
            self._list_heading(listing)
            for key, title in _GROUPS:
                items = groups[key]
                self.stream.write(f"\n{title}: {len(items) or 'none'}\n")
                if items:
                    write_table(self.stream, _LIST_COLUMNS, map(_list_row, items), self.width)
        elif self.format == "csv":
            number = listing.prisoner_number
            rows = (
                {"group": key, "prisonerNumber": number, **_flat(item.to_dict())}
                for key, _ in _GROUPS
                for item in groups[key]
            )
            self._csv(GROUPED_LIST_CSV, rows)
        elif self.format == "jsonl":
            self._json_lines(
                {"group": key, **item.to_dict()} for key, _ in _GROUPS for item in groups[key]
            )
        else:
            whole = listing.to_dict()
            del whole["nonAssociations"]
            self._json(
                {**whole, **{key: [item.to_dict() for item in groups[key]] for key, _ in _GROUPS}}
            )

    def checked(self, prisoner_number: str, answer: ByPrisoner[NonAssociation]) -> None:
        """`check`: each candidate's non-associations with the prisoner, every candidate
        shown, with none or some."""
        if self.format == "table":
            for candidate, items in answer.items():
                count = f"{len(items)} non-association{'s' if len(items) != 1 else ''}"
                self.stream.write(
                    f"{candidate}: {count if items else 'none'} with {prisoner_number}\n"
                )
                if items:
                    rows = map(_non_association_row, items)
                    write_table(self.stream, _NON_ASSOCIATION_COLUMNS, rows, self.width)
        elif self.format == "csv":
            self._csv(CHECK_CSV, _check_rows(answer))
        elif self.format == "jsonl":
            self._json_lines(
                {"prisonerNumber": candidate, "nonAssociations": [i.to_dict() for i in items]}
                for candidate, items in answer.items()
            )
        else:
            self._json(
                {
                    candidate: [item.to_dict() for item in items]
                    for candidate, items in answer.items()
                }
            )

    def _list_heading(self, listing: PrisonerNonAssociations) -> None:
        where = ", ".join(filter(None, (_text(listing.prison_name), _text(listing.cell_location))))
        name = f"{listing.prisoner_number} {listing.first_name} {listing.last_name}"
        counts = f"{listing.open_count} open, {listing.closed_count} closed"
        self.stream.write(f"{name}{f' ({where})' if where else ''}: {counts}\n")
        if not listing.non_associations:
            self.stream.write("No non-associations listed.\n")

    def non_associations(self, items: Iterable[NonAssociation], *, measure: int | None) -> int:
        """Non-associations as they come (between, involving, export); table widths from
        the first `measure` (all when None). Returns how many were written."""
        if self.format == "table":
            stream = iter(items)
            first = next(stream, None)
            if first is None:
                self.stream.write("No non-associations.\n")
                return 0
            rows = map(_non_association_row, itertools.chain([first], stream))
            return write_table(
                self.stream, _NON_ASSOCIATION_COLUMNS, rows, self.width, measure=measure
            )
        if self.format == "csv":
            return self._csv(NON_ASSOCIATION_CSV, (_flat(item.to_dict()) for item in items))
        return self._each(item.to_dict() for item in items)

    def page(self, page: PageNonAssociation) -> None:
        """One page of all non-associations: in json the whole page, paging fields and
        all; in the other formats its non-associations (a table adds where it is)."""
        content = page.content if isinstance(page.content, list) else []
        if self.format == "json":
            self._json(page.to_dict())
            return
        self.non_associations(content, measure=None)
        if self.format == "table":
            number = page.number if isinstance(page.number, int) else 0
            pages = page.total_pages if isinstance(page.total_pages, int) else 0
            total = page.total_elements if isinstance(page.total_elements, int) else 0
            self.stream.write(f"Page {number} (pages 0 to {max(pages - 1, 0)}), {total} in all\n")

    def document(self, data: object) -> None:
        """Any other JSON (a subject access request's content, the health check)."""
        if self.format == "jsonl":
            self._json_lines([data])
        else:
            self._json(data)
