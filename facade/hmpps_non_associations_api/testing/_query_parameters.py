"""Reading query parameters the way the service's framework converts them.

A value that does not convert (a boolean, an enum, a date) is a plain 400,
found before the role is checked. Paging is lenient instead: a page or size
that is not a number, or out of range, quietly becomes a default.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from urllib.parse import parse_qsl

from hmpps_non_associations_api_client.models import NonAssociationSortProperty

from ._code_lists import known_values
from ._error_replies import enum_mismatch, type_mismatch, validation_exception
from ._fake_api import Inclusion

__all__ = [
    "PAGE_SORT_PROPERTIES",
    "Query",
    "boolean_parameter",
    "check_inclusion",
    "date_parameter",
    "enum_parameter",
    "inclusion_parameters",
    "page_size",
    "paging_number",
    "parse_query",
    "sort_orders",
    "text_parameter",
]

Query = Mapping[str, Sequence[str]]
"""Query parameters, each name with all its values in order."""

_TRUE = {"true", "on", "yes", "1"}
_FALSE = {"false", "off", "no", "0"}
_INT = re.compile(r"[-+]?[0-9]+")
_INT_MAX = 2**31 - 1
_MAX_PAGE_SIZE = 2000
"""Sizes above this are cut to it before the operation's own limit of 200 applies."""

PAGE_SORT_PROPERTIES: dict[str, str] = {
    name: re.sub(r"[A-Z]", lambda capital: "_" + capital[0].lower(), name)
    for name in known_values(NonAssociationSortProperty)
}
"""The stored fields the page of all non-associations can be sorted by (the generated
enum's), each to its record attribute; any other name fails when the query runs (500)."""


def parse_query(query_string: str) -> dict[str, list[str]]:
    """Split a URL's query string into each name's values, decoding them."""
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        query.setdefault(name, []).append(value)
    return query


def text_parameter(query: Query, name: str) -> str | None:
    """The first value of a parameter, if sent."""
    values = query.get(name)
    return values[0] if values else None


def boolean_parameter(query: Query, name: str, default: bool) -> bool:
    """A boolean parameter (true/false, on/off, yes/no, 1/0, any case); blank means the
    default."""
    value = (text_parameter(query, name) or "").strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise type_mismatch(name, "boolean")


def inclusion_parameters(query: Query) -> Inclusion:
    """`includeOpen` (default true) and `includeClosed` (default false), as sent."""
    return Inclusion(
        open=boolean_parameter(query, "includeOpen", True),
        closed=boolean_parameter(query, "includeClosed", False),
    )


def check_inclusion(chosen: Inclusion) -> Inclusion:
    """Refuse a list of neither open nor closed ones (checked after the role)."""
    if not (chosen.open or chosen.closed):
        raise validation_exception("includeOpen and includeClosed cannot both be false")
    return chosen


def enum_parameter(query: Query, name: str, allowed: Iterable[str]) -> str | None:
    """An enum parameter, trimmed; None when not sent or blank."""
    value = (text_parameter(query, name) or "").strip()
    if not value:
        return None
    options = list(allowed)
    if value not in options:
        raise enum_mismatch(name, options)
    return value


def paging_number(query: Query, name: str, *, upper: int = _INT_MAX) -> int | None:
    """A paging number: None when not sent, 0 when not a whole number, else cut to 0 and
    `upper`."""
    value = text_parameter(query, name)
    if not value or not value.strip():
        return None
    if not _INT.fullmatch(value) or not -(2**31) <= int(value) <= _INT_MAX:
        return 0
    return min(max(int(value), 0), upper)


def page_size(query: Query, default: int) -> int:
    """The page size asked for, or `default` when it is missing or below 1."""
    size = paging_number(query, "size", upper=_MAX_PAGE_SIZE)
    return default if size is None or size < 1 else size


def sort_orders(query: Query) -> list[tuple[str, bool]]:
    """Spring Data `sort` values (`property[,property...][,ASC|DESC]`, repeatable), as
    (property, descending) pairs; `id` ascending when none are sent."""
    orders: list[tuple[str, bool]] = []
    for value in query.get("sort", ()):
        parts = [part.strip() for part in value.split(",") if part.strip()]
        descending = False
        if parts and parts[-1].upper() in ("ASC", "DESC"):
            descending = parts.pop().upper() == "DESC"
        orders.extend((part, descending) for part in parts)
    return orders or [("id", False)]


def date_parameter(query: Query, name: str) -> date | None:
    """An ISO 8601 date parameter; None when not sent or blank."""
    value = (text_parameter(query, name) or "").strip()
    if not value:
        return None
    if len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise type_mismatch(name, "java.time.LocalDate")
