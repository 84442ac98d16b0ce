"""Contains some shared types for properties"""

import threading
from collections.abc import Mapping, MutableMapping
from enum import EnumType, StrEnum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, Protocol, Self, TypeVar, cast

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


class ResponseLike(Protocol):
    """What an endpoint's `parse_response` reads of a reply: an httpx.Response, or any
    object with these (the project's own connection layer hands over its own)."""

    @property
    def status_code(self) -> int: ...

    @property
    def content(self) -> bytes: ...

    def json(self) -> Any: ...


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class _OpenEnumType(EnumType):
    """Leaves pseudo-members out of `in`, as they are out of iteration. (Python 3.11 and
    3.12+ answer `in` differently for them; this gives False on every version.)"""

    def __contains__(cls, value: object) -> bool:
        if isinstance(value, OpenStrEnum) and not value.is_known:
            return False
        # typeshed's 3.11 stub takes only members; from 3.12 on any value is allowed
        return super().__contains__(value)  # type: ignore[operator]


class OpenStrEnum(StrEnum, metaclass=_OpenEnumType):
    """A StrEnum that also holds values it was not generated with.

    The API can start sending a new code (a reason, a role, ...) before this client
    knows it. Looking such a value up, `Reason("NEW_REASON")`, gives a pseudo-member:
    an instance of the same class whose value, name and str() are the raw string. It
    is made once per class and value, so `is` comparisons hold, and it is never added
    to the class: iteration, `len()`, `__members__` and `in` see only the known
    members. `member.is_known` tells the two apart. Values that are not strings are
    still refused with ValueError.
    """

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        key = (cls, str.__str__(value))
        member = _pseudo_members.get(key)
        if member is None:
            with _pseudo_members_lock:
                member = _pseudo_members.get(key)
                if member is None:
                    member = str.__new__(cls, key[1])
                    member._value_ = member._name_ = key[1]
                    _pseudo_members[key] = member
        return cast(Self, member)

    @property
    def is_known(self) -> bool:
        """True for a member this client was generated with, False for a pseudo-member."""
        return type(self).__members__.get(self._name_) is self


# Pseudo-members by class and value, kept apart from the enum's own value map: entries
# there would count as members for `in` and friends on some Python versions.
_pseudo_members: dict[tuple[type[OpenStrEnum], str], OpenStrEnum] = {}
_pseudo_members_lock = threading.Lock()


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "Unset",
]
