"""Checks made before any network traffic, so mistakes cost no round trip and read
clearly; and the conversion of what callers pass into what the API expects.

A wrong type raises TypeError and a bad value ValueError, each naming the argument or
field. The rules come from the OpenAPI document shipped in this package (the same
openapi.json the generated client is built from): types, required fields, lengths,
patterns, enums and integer ranges. Each request schema is compiled, on first use,
into one small checker per field, so a check costs microseconds.
"""

from __future__ import annotations

import collections
import copy
import datetime
import enum
import functools
import inspect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, Self, TypeVar
from urllib.parse import quote

from hmpps_non_associations_api_client.types import Unset

from ._document import document as _document
from ._document import integer_range as _integer_range
from ._document import operation as _operation
from ._document import parameter as _parameter
from ._document import resolved as _resolved
from ._london import to_london_local

__all__ = [
    "candidates",
    "check_include",
    "check_subject",
    "enum_member",
    "flag",
    "in_london",
    "non_association_id",
    "optional_date",
    "optional_str",
    "optional_text",
    "page_number",
    "page_size",
    "prisoner_number",
    "prisoner_numbers",
    "request_model",
    "sort_params",
    "two_prisoners",
]

_SHOWN = 40  # characters of a bad value quoted in a message
_URL_TEXT = 2048
"""Most characters a free-text query value (or all sort orders together) may take once
percent-encoded. The document sets no limit, but the service's web server refuses a
request line and headers over 8 KiB (Tomcat's default), and URLs this long break
clients and proxies before that."""


# --- the document ------------------------------------------------------------------


@functools.cache
def _prisoner_number_pattern() -> re.Pattern[str]:
    """The API's prisoner number pattern, matched against the whole string as the
    service's bean validation does (a JSON-schema pattern alone would match anywhere)."""
    pattern = _parameter("getPrisonerNonAssociations", "prisonerNumber")["pattern"]
    return re.compile(pattern, re.ASCII)


@functools.cache
def _sort_rules() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """What a `sort` value may be: one of the document's sort properties, or a string
    matching one of its patterns (properties, then an optional direction)."""
    names: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for option in _parameter("getNonAssociations", "sort")["items"]["anyOf"]:
        option = _resolved(option)
        names.update(option.get("enum", ()))
        if "pattern" in option:
            patterns.append(re.compile(option["pattern"], re.ASCII))
    return frozenset(names), tuple(patterns)


@functools.cache
def _minimum_items(operation_id: str) -> int:
    body = _operation(operation_id)["requestBody"]["content"]["application/json"]["schema"]
    minimum: int = _resolved(body).get("minItems", 0)
    return minimum


# --- messages ----------------------------------------------------------------------


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _shown(value: object) -> str:
    """A bad value for a message: long strings cut short, huge numbers summarised, other
    objects by type (their repr could be anything)."""
    if isinstance(value, str):
        return repr(value) if len(value) <= _SHOWN else f"{value[:_SHOWN]!r}..."
    if isinstance(value, int) and value.bit_length() > 96:
        return f"a {value.bit_length()}-bit integer"
    if value is None or isinstance(value, int | float | enum.Enum):
        return repr(value)
    return f"a {type(value).__name__}"


def _utf16_length(value: str, where: str) -> int:
    """Length as the service counts it (UTF-16 code units, so a character outside the
    Basic Multilingual Plane counts twice); text with a lone surrogate cannot be sent."""
    if value.isascii():
        return len(value)
    try:
        return len(value.encode("utf-16-le")) // 2
    except UnicodeEncodeError:
        raise ValueError(f"{where} is not valid Unicode text (it has a lone surrogate)") from None


# --- arguments ---------------------------------------------------------------------


def flag(name: str, value: object) -> bool:
    """A boolean argument: only True or False (the string "false" would be true)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {_kind(value)}")
    return value


def check_include(include_open: object, include_closed: object) -> None:
    """Both flags are booleans, and not both False (the API rejects asking for nothing)."""
    wanted = (flag("include_open", include_open), flag("include_closed", include_closed))
    if not any(wanted):
        raise ValueError("include_open and include_closed cannot both be False")


def _integer(value: object, name: str, low: int | None, high: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {_kind(value)}")
    if low is not None and value < low:
        raise ValueError(f"{name} must be {_range(low, high)}, not {_shown(value)}")
    if high is not None and value > high:
        raise ValueError(f"{name} must be {_range(low, high)}, not {_shown(value)}")
    return value


def _range(low: int | None, high: int | None) -> str:
    if low is None:
        return f"at most {high}"
    return f"at least {low}" if high is None else f"from {low} to {high}"


def non_association_id(value: object) -> int:
    """A non-association ID: a 64-bit integer, as the API declares, and positive, as
    the service's IDs are."""
    _, high = _integer_range("getNonAssociation", "id")
    return _integer(value, "id", 1, high)


def page_number(value: object) -> int | None:
    """A page number (from 0) or None for the server's default."""
    if value is None:
        return None
    return _integer(value, "page", *_integer_range("getNonAssociations", "page"))


def page_size(value: object) -> int | None:
    """A page size within the API's limits, or None for the server's default."""
    if value is None:
        return None
    return _integer(value, "size", *_integer_range("getNonAssociations", "size"))


def prisoner_number(value: object, name: str = "prisoner_number") -> str:
    """A prisoner number such as A1234BC, in upper case: the API's pattern admits lower
    case, but the service stores numbers in upper case and compares them as sent, so
    `a1234bc` would match nothing and read as "no non-association"."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {_kind(value)}")
    if not _prisoner_number_pattern().fullmatch(value):
        raise ValueError(f"{name} is not a prisoner number (like A1234BC): {_shown(value)}")
    return value.upper()


def _prisoner_list(values: object, name: str) -> list[str]:
    """Each of a list's prisoner numbers, checked and upper-cased, in the order given."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a list of prisoner numbers, not {_kind(values)}")
    return [prisoner_number(value, name) for value in values]


def prisoner_numbers(
    operation_id: str, values: object, name: str = "prisoner_numbers"
) -> list[str]:
    """Distinct prisoner numbers, upper-cased, in the order given; at least as many as the
    operation's body needs."""
    distinct = list(dict.fromkeys(_prisoner_list(values, name)))
    minimum = _minimum_items(operation_id)
    if len(distinct) < minimum:
        raise ValueError(
            f"{name} needs at least {minimum} distinct prisoner number(s), got {len(distinct)}"
        )
    return distinct


def candidates(prisoner: str, values: object) -> list[str]:
    """Prisoner numbers to check against `prisoner` (upper-case already), upper-cased;
    ValueError for none, for one given twice (in any case), or for `prisoner` among
    them: an answer keyed by candidate must have each exactly once."""
    numbers = _prisoner_list(values, "candidates")
    if not numbers:
        raise ValueError("candidates is empty: give at least one prisoner number to check")
    if prisoner in numbers:
        raise ValueError(
            f"candidates holds the prisoner {prisoner} themselves: a non-association is"
            " between two different prisoners"
        )
    twice = sorted(number for number, seen in collections.Counter(numbers).items() if seen > 1)
    if twice:
        raise ValueError(f"candidates holds {', '.join(twice)} more than once")
    return numbers


def optional_str(name: str, value: object) -> str | None:
    """A query parameter's string, or None to leave it out. Not empty: the document
    allows no empty parameter values. No lone surrogate: it could not be encoded."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str or None, not {_kind(value)}")
    if not _utf16_length(value, name):
        raise ValueError(f"{name} must not be empty; leave it out (None) instead")
    _fits_a_url(name, [value])
    return value


def _fits_a_url(name: str, values: list[str]) -> None:
    # Percent-encoding makes at most 9 characters of one: skip the work for short text.
    if sum(len(value) for value in values) * 9 <= _URL_TEXT:
        return
    if sum(len(quote(value, safe="")) for value in values) > _URL_TEXT:
        raise ValueError(f"{name} is too long to send in a URL (over {_URL_TEXT} characters)")


def optional_text(name: str, value: object) -> str | None:
    """A string that is not blank, or None."""
    text = optional_str(name, value)
    if text is not None and not text.strip():
        raise ValueError(f"{name} must not be blank")
    return text


def optional_date(name: str, value: object) -> datetime.date | None:
    """A calendar date (not a datetime, which would be sent with a time), or None."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"{name} must be a datetime.date or None, not {_kind(value)}")
    return value


def check_subject(prn: str | None, crn: str | None) -> None:
    """A subject access request names its subject: the API rejects prn and crn both
    absent or blank."""
    if not (prn and prn.strip()) and not (crn and crn.strip()):
        raise ValueError("give a prn (prisoner number) or a crn (case reference number)")


_Enum = TypeVar("_Enum", bound=enum.Enum)


def enum_member(kind: type[_Enum], value: object, name: str) -> _Enum:
    """The member of kind for a member or its string value. Only defined members count:
    a generated enum may stand in for values it does not know (pseudo-members), and
    those must not be sent."""
    members = kind.__members__.values()
    if isinstance(value, enum.Enum):
        if isinstance(value, kind) and any(value is member for member in members):
            return value
        if not isinstance(value, kind):
            raise TypeError(f"{name} must be a {kind.__name__}, not {_kind(value)}")
    elif not isinstance(value, str):
        raise TypeError(f"{name} must be a {kind.__name__} or its string, not {_kind(value)}")
    else:
        for member in members:
            if member.value == value:
                return member
    raise ValueError(_not_a_member(name, value, kind.__name__, [m.value for m in members]))


def _not_a_member(where: str, value: object, kind: str, options: Iterable[object]) -> str:
    shown = _shown(value.value if isinstance(value, enum.Enum) else value)
    return f"{where}: {shown} is not a {kind}; use one of {', '.join(map(str, options))}"


def sort_params(sort: object) -> list[str] | None:
    """One `property[,ASC|DESC]` string or several, each sent as its own parameter; the
    properties are those the document declares (the server fails with a 500 on others)."""
    if sort is None:
        return None
    if isinstance(sort, str):
        given: Sequence[object] = [sort]
    elif isinstance(sort, Sequence) and not isinstance(sort, bytes):
        given = sort
    else:
        raise TypeError(f"sort must be a str or a list of them, not {_kind(sort)}")
    names, patterns = _sort_rules()
    values: list[str] = []
    for value in given:
        plain = value.value if isinstance(value, enum.Enum) else value
        if not isinstance(plain, str):
            raise TypeError(f"sort must be a str or a list of them, not a list with {_kind(value)}")
        if plain not in names and not any(pattern.fullmatch(plain) for pattern in patterns):
            raise ValueError(_sort_mistake(plain, names))
        values.append(plain)
    _fits_a_url("sort", values)
    return values


def _sort_mistake(value: str, names: frozenset[str]) -> str:
    unknown = [
        repr(part)
        for part in value.split(",")
        if part not in names and part.upper() not in ("ASC", "DESC")
    ]
    problem = f"cannot sort by {', '.join(unknown)[:200]}" if unknown else "malformed"
    return (
        f"sort must be properties and an optional direction, such as 'whenCreated,DESC', "
        f"not {_shown(value)} ({problem}); the properties are {', '.join(sorted(names))}"
    )


# --- request bodies ----------------------------------------------------------------


_CHECKED_KEYWORDS = {"type", "enum", "format", "minLength", "maxLength", "pattern"}


class _Field:
    """One property of a request schema, compiled: how to check its value as a dict
    carries it (the API's JSON shape) and as a generated model's attribute does.

    Patterns must match the whole value, as the service's bean validation requires. A
    keyword with no check here fails the compilation, so a new rule in the document
    cannot be skipped unnoticed."""

    __slots__ = (
        "attr",
        "key",
        "kind",
        "max_length",
        "members",
        "min_length",
        "names",
        "nullable",
        "options",
        "pattern",
        "required",
    )

    def __init__(self, owner: str, key: str, schema: Mapping[str, Any], required: bool) -> None:
        target = _resolved(schema)
        types = target.get("type")
        types = [types] if isinstance(types, str) else list(types or [])
        self.key = key
        self.attr = _snake_case(key)
        self.names = (f"{owner}.{key}", f"{owner}.{self.attr}")  # as a dict, as a model
        self.required = required
        self.nullable = "null" in types
        self.members: frozenset[str] = frozenset(target.get("enum", ()))
        # Named as the generated enum is, with its members in its (sorted) order.
        self.options = (schema.get("$ref", "").rpartition("/")[2] or "value", sorted(self.members))
        self.min_length: int = target.get("minLength", 0)
        self.max_length: int | None = target.get("maxLength")
        pattern = target.get("pattern")
        self.pattern = re.compile(pattern, re.ASCII) if pattern else None
        unsupported = set(target) - _CHECKED_KEYWORDS - {"description", "example", "default"}
        if [t for t in types if t != "null"] != ["string"] or unsupported:
            raise NotImplementedError(f"{owner}.{key}: no check written for {dict(target)}")
        if self.members:
            self.kind = "enum"
        elif target.get("format") in ("date-time", "local-date-time"):
            self.kind = "date-time"
        elif "format" not in target:
            self.kind = "string"
        else:
            raise NotImplementedError(f"{owner}.{key}: no check for format {target['format']}")

    def check(self, value: object, model: bool) -> object:
        """The value to send (an enum's plain string, from a dict); raises if it breaks
        the field's rules."""
        where = self.names[model]
        if value is None:
            if self.nullable:
                return None
            raise TypeError(f"{where} must not be None")
        if self.kind == "enum":
            return self._enum(value, where, model)
        if self.kind == "date-time":
            return self._date_time(value, where, model)
        if not isinstance(value, str):
            raise TypeError(f"{where} must be a str, not {_kind(value)}")
        length = _utf16_length(value, where)
        if length < self.min_length:
            if self.min_length == 1:
                raise ValueError(f"{where} must not be empty")
            raise ValueError(f"{where} must be at least {self.min_length} characters, not {length}")
        if self.max_length is not None and length > self.max_length:
            raise ValueError(f"{where} must be at most {self.max_length} characters, not {length}")
        if self.pattern is not None and not self.pattern.fullmatch(value):
            raise ValueError(f"{where} does not match {self.pattern.pattern}: {_shown(value)}")
        return value

    def _enum(self, value: object, where: str, model: bool) -> object:
        if isinstance(value, enum.Enum):
            plain = value.value
        elif model or not isinstance(value, str):
            wanted = "an enum member" if model else "a str"
            raise TypeError(f"{where} must be {wanted}, not {_kind(value)}")
        else:
            plain = value
        if not isinstance(plain, str) or plain not in self.members:
            raise ValueError(_not_a_member(where, plain, *self.options))
        return value if model else plain

    def _date_time(self, value: object, where: str, model: bool) -> object:
        """A `datetime` (naive: London local time; aware: converted to it before
        sending), or in a dict also its ISO 8601 string."""
        if isinstance(value, datetime.datetime):
            return value if model else value.isoformat()
        if model or not isinstance(value, str):
            wanted = "a datetime.datetime" if model else "a datetime or an ISO 8601 string"
            raise TypeError(f"{where} must be {wanted}, not {_kind(value)}")
        try:
            datetime.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{where} is not an ISO 8601 date-time: {_shown(value)}") from None
        return value


def _snake_case(key: str) -> str:
    """The generated models' attribute name for a JSON property (camelCase)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key).lower()


class _Schema:
    """A request schema, compiled: its fields in the document's order."""

    __slots__ = ("fields", "keys", "name")

    def __init__(self, kind: type) -> None:
        self.name = kind.__name__
        schema = _document()["components"]["schemas"][self.name]
        required = set(schema.get("required", ()))
        self.fields = tuple(
            _Field(self.name, key, prop, key in required)
            for key, prop in schema.get("properties", {}).items()
        )
        self.keys = {field.key: field for field in self.fields}
        attributes = set(inspect.signature(kind).parameters)
        if attributes != {field.attr for field in self.fields}:
            raise RuntimeError(f"{self.name} is out of step with openapi.json: regenerate")

    def _unknown(self, key: object) -> ValueError:
        known = ", ".join(self.keys)
        return ValueError(f"{self.name} has no field {_shown(key)}; its fields are {known}")

    def check_dict(self, request: Mapping[Any, Any]) -> dict[str, Any]:
        """The request with enums as plain strings, ready for the model's from_dict."""
        for key in request:
            if key not in self.keys:
                raise self._unknown(key)
        checked: dict[str, Any] = {}
        for field in self.fields:
            if field.key in request:
                checked[field.key] = field.check(request[field.key], model=False)
            elif field.required:
                raise ValueError(f"{self.name}.{field.key} is required")
        return checked

    def check_model(self, request: Any) -> None:
        for key in request.additional_properties:
            raise self._unknown(key)
        for field in self.fields:
            value = getattr(request, field.attr)
            if isinstance(value, Unset):
                if field.required:
                    raise ValueError(f"{self.name}.{field.attr} is required")
                continue
            field.check(value, model=True)


@functools.cache
def _schema(kind: type) -> _Schema:
    return _Schema(kind)


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_Model)


def request_model(kind: type[_M], request: object) -> _M:
    """A generated request model, from itself or from a dict in the API's JSON shape,
    checked against its schema: no unknown key, every required one, each of the type,
    length, pattern or enum the document gives."""
    schema = _schema(kind)
    if isinstance(request, kind):
        schema.check_model(request)
        return request
    if not isinstance(request, Mapping):
        raise TypeError(f"request must be a {kind.__name__} or a dict, not {_kind(request)}")
    return kind.from_dict(schema.check_dict(request))


class _PrisonerPair(Protocol):
    first_prisoner_number: str
    second_prisoner_number: str


_Pair = TypeVar("_Pair", bound=_PrisonerPair)


def two_prisoners(request: _Pair) -> _Pair:
    """The request with both prisoner numbers upper-cased (a copy, so the caller's model
    stays as given): the service compares numbers as stored, in upper case. And a
    non-association is between two prisoners: the service cannot store one with the
    same prisoner on both sides (its database refuses it, and the caller gets a 500)."""
    first, second = request.first_prisoner_number, request.second_prisoner_number
    if first.upper() == second.upper():
        raise ValueError(
            "CreateNonAssociationRequest: firstPrisonerNumber and secondPrisonerNumber are"
            " the same prisoner; a non-association is between two different prisoners"
        )
    if first.isupper() and second.isupper():
        return request
    upper = copy.copy(request)
    upper.first_prisoner_number, upper.second_prisoner_number = first.upper(), second.upper()
    return upper


_Body = TypeVar("_Body")


def in_london(body: _Body, field: str) -> _Body:
    """The API takes Europe/London local times without an offset: body with its `field`
    converted when it is timezone-aware (a copy, so the caller's model stays as given)."""
    value = getattr(body, field)
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        return body
    try:
        local = to_london_local(value)
    except OverflowError:
        where = f"{type(body).__name__}.{field}"
        raise ValueError(f"{where} is out of range in Europe/London: {value}") from None
    converted = copy.copy(body)
    setattr(converted, field, local)
    return converted
