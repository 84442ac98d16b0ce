"""Reading query parameters the way the API's framework does; a bad value is a plain 400."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from urllib.parse import parse_qsl

from .errors import bad_request
from .store import Inclusion

__all__ = [
    "PAGE_SORT_PROPERTIES",
    "Query",
    "choice",
    "flag",
    "inclusion",
    "integer",
    "iso_date",
    "parse_query",
    "sort_orders",
    "text",
]

Query = Mapping[str, Sequence[str]]
"""Query parameters, each name with all its values in order."""

_TRUE = {"true", "on", "yes", "1"}
_FALSE = {"false", "off", "no", "0"}

PAGE_SORT_PROPERTIES: dict[str, str] = {
    "id": "id",
    "firstPrisonerNumber": "first_prisoner_number",
    "firstPrisonerRole": "first_prisoner_role",
    "secondPrisonerNumber": "second_prisoner_number",
    "secondPrisonerRole": "second_prisoner_role",
    "reason": "reason",
    "restrictionType": "restriction_type",
    "comment": "comment",
    "authorisedBy": "authorised_by",
    "whenCreated": "when_created",
    "whenUpdated": "when_updated",
    "updatedBy": "updated_by",
    "isClosed": "is_closed",
    "closedBy": "closed_by",
    "closedReason": "closed_reason",
    "closedAt": "closed_at",
}
"""Properties the page of all non-associations can be sorted by, to record attributes."""


def parse_query(query_string: str) -> dict[str, list[str]]:
    """Split a URL's query string into each name's values, decoding them."""
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        query.setdefault(name, []).append(value)
    return query


def text(query: Query, name: str) -> str | None:
    """The first value of a parameter, if sent."""
    values = query.get(name)
    return values[0] if values else None


def flag(query: Query, name: str, default: bool) -> bool:
    """A boolean parameter."""
    value = text(query, name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise bad_request(f"Parameter {name} must be of type boolean")


def inclusion(query: Query) -> Inclusion:
    """`includeOpen` (default true) and `includeClosed` (default false); both false is a 400."""
    chosen = Inclusion(
        open=flag(query, "includeOpen", True), closed=flag(query, "includeClosed", False)
    )
    if not (chosen.open or chosen.closed):
        raise bad_request("includeOpen and includeClosed cannot both be false")
    return chosen


def choice(query: Query, name: str, allowed: Iterable[str]) -> str | None:
    """An enum parameter, if sent."""
    value = text(query, name)
    options = list(allowed)
    if value is not None and value not in options:
        raise bad_request(f"Parameter {name} must be one of the following {', '.join(options)}")
    return value


def integer(
    query: Query, name: str, *, default: int, minimum: int, maximum: int | None = None
) -> int:
    """A whole-number parameter within limits."""
    value = text(query, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise bad_request(f"Parameter {name} must be of type int") from None
    if number < minimum or (maximum is not None and number > maximum):
        upper = f" and at most {maximum}" if maximum is not None else ""
        raise bad_request(f"Parameter {name} must be at least {minimum}{upper}")
    return number


def sort_orders(query: Query) -> list[tuple[str, bool]]:
    """Spring Data `sort` values (`property[,property...][,ASC|DESC]`, repeatable).

    Returns (record attribute, descending) pairs; `id,ASC` when none are sent.
    """
    orders: list[tuple[str, bool]] = []
    for value in query.get("sort", ()):
        parts = [part.strip() for part in value.split(",") if part.strip()]
        descending = False
        if parts and parts[-1].upper() in ("ASC", "DESC"):
            descending = parts.pop().upper() == "DESC"
        for part in parts:
            if part not in PAGE_SORT_PROPERTIES:
                raise bad_request(f"No property '{part}' found to sort non-associations by")
            orders.append((PAGE_SORT_PROPERTIES[part], descending))
    return orders or [("id", False)]


def iso_date(query: Query, name: str) -> date | None:
    """An ISO 8601 date parameter, if sent."""
    value = text(query, name)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad_request(f"Parameter {name} must be a date like 2024-01-31") from None
