"""Text laid out for people: aligned columns fitted to the terminal's width, and a
record as labelled lines. Only for the `table` format; the other formats keep the data
exactly as the API sent it."""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

__all__ = ["Column", "shown", "write_fields", "write_table"]

GAP = "  "
NARROWEST = 8
"""A column is never cut below this (nor below its heading)."""


@dataclass(frozen=True)
class Column:
    """A column's heading, and how it gives way when the line is too wide: `shrink`, cut
    short (with …), the highest first; then `drop`, left out, the highest first (all
    those with the same number together); 0 never."""

    heading: str
    shrink: int = 0
    drop: int = 0
    right: bool = False


def shown(text: str) -> str:
    """Text safe and tidy on a terminal: whitespace runs (newlines too) as one space,
    control characters (a terminal escape in a comment, say) as spaces."""
    return "".join(char if char.isprintable() else " " for char in " ".join(text.split()))


def _narrowed(columns: Sequence[Column], natural: list[int], width: int) -> list[int]:
    """The widths after cutting columns that may shrink (by `shrink`, then widest
    first) until the line fits, or none can be cut further."""
    widths = list(natural)
    floors = [
        min(wide, max(len(column.heading), NARROWEST)) if column.shrink else wide
        for column, wide in zip(columns, widths, strict=True)
    ]
    excess = sum(widths) + len(GAP) * (len(columns) - 1) - width
    while excess > 0:
        spare = [index for index in range(len(columns)) if widths[index] > floors[index]]
        if not spare:
            break
        widest = max(spare, key=lambda index: (columns[index].shrink, widths[index]))
        widths[widest] -= 1
        excess -= 1
    return widths


def _layout(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int
) -> list[int | None]:
    """Each column's width (None: left out) for a line at most `width` long, as far as
    cutting and leaving out the columns that allow it can make one."""
    natural = [
        max([len(column.heading), *(len(row[index]) for row in rows)])
        for index, column in enumerate(columns)
    ]
    kept = list(range(len(columns)))
    while True:
        widths = _narrowed([columns[i] for i in kept], [natural[i] for i in kept], width)
        droppable = [columns[i].drop for i in kept if columns[i].drop]
        if sum(widths) + len(GAP) * (len(kept) - 1) <= width or not droppable:
            layout: list[int | None] = [None] * len(columns)
            for index, wide in zip(kept, widths, strict=True):
                layout[index] = wide
            return layout
        kept = [i for i in kept if columns[i].drop != max(droppable)]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _line(columns: Sequence[Column], cells: Sequence[str], layout: Sequence[int | None]) -> str:
    parts = []
    for column, cell, width in zip(columns, cells, layout, strict=True):
        if width is not None:
            text = _cut(cell, width)
            parts.append(text.rjust(width) if column.right else text.ljust(width))
    return GAP.join(parts).rstrip() + "\n"


def write_table(
    stream: TextIO,
    columns: Sequence[Column],
    rows: Iterable[Sequence[str]],
    width: int,
    *,
    measure: int | None = None,
) -> int:
    """Write the headings and the rows, each cell passed through `shown`, fitted to
    `width` as far as the columns allow; returns how many rows. The layout comes from
    the first `measure` rows (all when None), so a stream of rows is written as it
    comes, holding only those; a later cell too wide for its column is cut short."""
    remaining = iter(rows)
    first = [[shown(cell) for cell in row] for row in itertools.islice(remaining, measure)]
    layout = _layout(columns, first, width)
    stream.write(_line(columns, [column.heading for column in columns], layout))
    count = 0
    for row in itertools.chain(first, ([shown(cell) for cell in row] for row in remaining)):
        stream.write(_line(columns, row, layout))
        count += 1
    return count


def write_fields(stream: TextIO, fields: Sequence[tuple[str, str]], width: int) -> None:
    """One record as `label  value` lines, long values wrapped under their start, a
    missing one shown as `-`."""
    labels = max(len(label) for label, _ in fields)
    room = max(width - labels - len(GAP), 20)
    indent = " " * (labels + len(GAP))
    for label, value in fields:
        lines = textwrap.wrap(shown(value), room) or ["-"]
        stream.write(f"{label.ljust(labels)}{GAP}{lines[0]}".rstrip() + "\n")
        for line in lines[1:]:
            stream.write(f"{indent}{line}\n")
