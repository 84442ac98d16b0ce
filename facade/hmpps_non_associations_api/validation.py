"""Checks made before any network traffic, so mistakes cost no round trip and read
clearly; and the conversion of what callers pass into what the API expects."""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, Self, TypeVar

import attrs
from hmpps_non_associations_api_client.models import NonAssociationSortProperty
from hmpps_non_associations_api_client.types import OpenStrEnum

from ._london import to_london_local
from .constants import MAX_PAGE_SIZE

__all__ = [
    "check_include",
    "enum_member",
    "in_london",
    "non_association_id",
    "page_number",
    "page_size",
    "prisoner_number",
    "prisoner_numbers",
    "request_model",
    "sort_params",
]

_PRISONER_NUMBER = re.compile(r"[A-Za-z][0-9]{4}[A-Za-z]{2}")
_SORT = re.compile(r"(?P<property>[A-Za-z][A-Za-z0-9_.]*)(,(ASC|DESC|asc|desc))?")
# The properties openapi.json declares for `sort`: the server fails with a 500 on others.
_SORT_PROPERTIES = frozenset(member.value for member in NonAssociationSortProperty)


def prisoner_number(value: object) -> str:
    """A prisoner number such as A1234BC."""
    if not isinstance(value, str) or not _PRISONER_NUMBER.fullmatch(value):
        raise ValueError(f"not a prisoner number (like A1234BC): {value!r}")
    return value


def prisoner_numbers(values: Iterable[str], *, minimum: int) -> list[str]:
    """Distinct prisoner numbers, in the order given; at least `minimum` of them."""
    if isinstance(values, str):
        raise TypeError("prisoner_numbers must be a list of prisoner numbers, not one string")
    distinct = list(dict.fromkeys(prisoner_number(value) for value in values))
    if len(distinct) < minimum:
        raise ValueError(f"need at least {minimum} distinct prisoner number(s), got {distinct}")
    return distinct


def check_include(include_open: bool, include_closed: bool) -> None:
    """The API rejects a request for neither open nor closed non-associations."""
    if not include_open and not include_closed:
        raise ValueError("include_open and include_closed cannot both be False")


def non_association_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"a non-association id is a positive integer, not {value!r}")
    return value


def page_number(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValueError(f"page counts from 0, not {value!r}")
    return value


def page_size(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise ValueError(f"page size must be from 1 to {MAX_PAGE_SIZE}, not {value!r}")
    return value


_Enum = TypeVar("_Enum", bound=OpenStrEnum)


def enum_member(kind: type[_Enum], value: _Enum | str) -> _Enum:
    """The member of kind for a member or its string value. The generated enums take
    values they do not know (as pseudo-members, so responses stay readable); a request
    may carry only the known ones."""
    try:
        member = kind(value)
    except ValueError:
        pass
    else:
        if member.is_known:
            return member
    shown = value.value if isinstance(value, OpenStrEnum) else value
    options = ", ".join(str(member.value) for member in kind)
    raise ValueError(f"{shown!r} is not a {kind.__name__}; use one of {options}")


def sort_params(sort: str | Iterable[str] | None) -> list[str] | None:
    """One `property[,ASC|DESC]` string or several, each sent as its own parameter; the
    property must be one the API can sort by (`NonAssociationSortProperty`)."""
    if sort is None:
        return None
    values = [sort] if isinstance(sort, str) else list(sort)
    for value in values:
        shape = _SORT.fullmatch(value) if isinstance(value, str) else None
        if shape is None:
            raise ValueError(f"sort must look like 'id' or 'whenCreated,DESC', not {value!r}")
        if shape["property"] not in _SORT_PROPERTIES:
            accepted = ", ".join(member.value for member in NonAssociationSortProperty)
            raise ValueError(
                f"cannot sort non-associations by {shape['property']!r}; use one of {accepted}"
            )
    return values


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_Model)


def request_model(kind: type[_M], request: _M | Mapping[str, Any]) -> _M:
    """A generated request model, from itself or from a dict in the API's JSON shape."""
    if isinstance(request, kind):
        model = request
    elif not isinstance(request, Mapping):
        raise TypeError(f"expected {kind.__name__} or a dict, not {type(request).__name__}")
    else:
        try:
            model = kind.from_dict(request)
        except KeyError as missing:
            raise ValueError(f"{kind.__name__} needs {missing.args[0]!r}") from None
        except (TypeError, ValueError) as error:
            raise ValueError(f"invalid {kind.__name__}: {error}") from None
    cls = type(model)
    for field in attrs.fields(cls) if attrs.has(cls) else ():
        value = getattr(model, field.name)
        if isinstance(value, OpenStrEnum):
            try:
                enum_member(type(value), value)
            except ValueError as error:
                raise ValueError(f"invalid {kind.__name__}: {field.name}: {error}") from None
    return model


_Body = TypeVar("_Body")


def in_london(body: _Body, field: str) -> _Body:
    """The API takes Europe/London local times without an offset: body with its `field`
    converted when it is timezone-aware (a copy, so the caller's model stays as given)."""
    value = getattr(body, field)
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        return body
    converted = copy.copy(body)
    setattr(converted, field, to_london_local(value))
    return converted
