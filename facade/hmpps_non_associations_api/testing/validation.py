"""Reading request bodies into commands, with the API's field rules.

Object bodies that break a field rule fail with error code 102; bodies that
are not JSON, or not the right JSON shape at all, fail with a plain 400.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from .clock import to_london_local
from .codes import REASONS, RESTRICTION_TYPES, ROLES
from .errors import bad_request, validation_failure

__all__ = [
    "PRISONER_NUMBER",
    "CloseCommand",
    "CreateCommand",
    "DeleteCommand",
    "PatchCommand",
    "ReopenCommand",
    "parse_close",
    "parse_create",
    "parse_delete",
    "parse_json",
    "parse_patch",
    "parse_prisoner_numbers",
    "parse_reopen",
]

PRISONER_NUMBER = re.compile(r"[a-zA-Z][0-9]{4}[a-zA-Z]{2}")
"""What a prisoner number looks like (matched against the whole string)."""

_USERNAME_MAX = 60


@dataclass(frozen=True)
class CreateCommand:
    """A valid request to record a non-association."""

    first_prisoner_number: str
    first_prisoner_role: str
    second_prisoner_number: str
    second_prisoner_role: str
    reason: str
    restriction_type: str
    comment: str


@dataclass(frozen=True)
class PatchCommand:
    """Changes to apply; None leaves a field as it is."""

    first_prisoner_role: str | None
    second_prisoner_role: str | None
    reason: str | None
    restriction_type: str | None
    comment: str | None


@dataclass(frozen=True)
class CloseCommand:
    """A valid request to close a non-association."""

    closed_reason: str
    closed_at: datetime | None
    closed_by: str | None


@dataclass(frozen=True)
class ReopenCommand:
    """A valid request to reopen a non-association."""

    reopen_reason: str
    reopened_at: datetime | None
    reopened_by: str | None


@dataclass(frozen=True)
class DeleteCommand:
    """A valid request to delete a non-association."""

    deletion_reason: str
    staff_username: str


def parse_json(body: bytes) -> object:
    """The decoded JSON body; 400 when it is missing or unreadable."""
    if not body.strip():
        raise bad_request("Couldn't read request body: Required request body is missing")
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise bad_request(f"Couldn't read request body: {error}") from None


class _Fields:
    """Reads fields of a JSON object, collecting every rule broken."""

    def __init__(self, data: object) -> None:
        if not isinstance(data, dict):
            raise bad_request("Couldn't read request body: a JSON object is expected")
        self._data: dict[str, object] = data
        self.problems: list[str] = []

    def _value(self, name: str, required: bool) -> object:
        value = self._data.get(name)
        if value is None and required:
            self.problems.append(f"{name} must not be null")
        return value

    def text(
        self, name: str, *, required: bool = True, max_length: int | None = None
    ) -> str | None:
        """A string that must not be blank."""
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problems.append(f"{name} must be a string")
            return None
        if not value.strip():
            self.problems.append(f"{name} must not be blank")
            return None
        if max_length is not None and len(value) > max_length:
            self.problems.append(f"{name} must be at most {max_length} characters")
            return None
        return value

    def code(self, name: str, codes: Mapping[str, str], *, required: bool = True) -> str | None:
        """One of a code list's codes."""
        value = self._value(name, required)
        if value is None:
            return None
        if not isinstance(value, str) or value not in codes:
            self.problems.append(f"{name} must be one of {', '.join(codes)}")
            return None
        return value

    def prisoner_number(self, name: str) -> str | None:
        """A prisoner number in the right format."""
        value = self.text(name, max_length=10)
        if value is not None and not PRISONER_NUMBER.fullmatch(value):
            self.problems.append(f"{name} must be a prisoner number like A1234BC")
            return None
        return value

    def date_time(self, name: str) -> datetime | None:
        """An optional ISO 8601 date-time, taken as Europe/London time without an offset."""
        value = self._value(name, required=False)
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return to_london_local(datetime.fromisoformat(value))
            except ValueError:
                pass
        self.problems.append(f"{name} must be an ISO 8601 date-time")
        return None

    def check(self) -> None:
        """Raise the collected problems as one validation failure (102)."""
        if self.problems:
            raise validation_failure("; ".join(self.problems))


def parse_create(data: object) -> CreateCommand:
    """A create request, or 400/102."""
    fields = _Fields(data)
    first = fields.prisoner_number("firstPrisonerNumber")
    first_role = fields.code("firstPrisonerRole", ROLES)
    second = fields.prisoner_number("secondPrisonerNumber")
    second_role = fields.code("secondPrisonerRole", ROLES)
    reason = fields.code("reason", REASONS)
    restriction_type = fields.code("restrictionType", RESTRICTION_TYPES)
    comment = fields.text("comment")
    if first is not None and first == second:
        fields.problems.append("a prisoner cannot be non-associated with themselves")
    fields.check()
    assert first and first_role and second and second_role and reason  # checked above
    assert restriction_type and comment
    return CreateCommand(first, first_role, second, second_role, reason, restriction_type, comment)


def parse_patch(data: object) -> PatchCommand:
    """A patch request, or 400/102; absent and null fields are left alone."""
    fields = _Fields(data)
    command = PatchCommand(
        first_prisoner_role=fields.code("firstPrisonerRole", ROLES, required=False),
        second_prisoner_role=fields.code("secondPrisonerRole", ROLES, required=False),
        reason=fields.code("reason", REASONS, required=False),
        restriction_type=fields.code("restrictionType", RESTRICTION_TYPES, required=False),
        comment=fields.text("comment", required=False),
    )
    fields.check()
    return command


def parse_close(data: object) -> CloseCommand:
    """A close request, or 400/102."""
    fields = _Fields(data)
    reason = fields.text("closedReason")
    closed_at = fields.date_time("closedAt")
    closed_by = fields.text("closedBy", required=False, max_length=_USERNAME_MAX)
    fields.check()
    assert reason is not None
    return CloseCommand(reason, closed_at, closed_by)


def parse_reopen(data: object) -> ReopenCommand:
    """A reopen request, or 400/102."""
    fields = _Fields(data)
    reason = fields.text("reopenReason")
    reopened_at = fields.date_time("reopenedAt")
    reopened_by = fields.text("reopenedBy", required=False, max_length=_USERNAME_MAX)
    fields.check()
    assert reason is not None
    return ReopenCommand(reason, reopened_at, reopened_by)


def parse_delete(data: object) -> DeleteCommand:
    """A delete request, or 400/102."""
    fields = _Fields(data)
    reason = fields.text("deletionReason")
    staff = fields.text("staffUserNameRequestingDeletion", max_length=_USERNAME_MAX)
    fields.check()
    assert reason is not None and staff is not None
    return DeleteCommand(reason, staff)


def parse_prisoner_numbers(data: object, *, minimum: int) -> list[str]:
    """Distinct prisoner numbers from a JSON array, in order; a plain 400 on any problem."""
    if not isinstance(data, list):
        raise bad_request("Couldn't read request body: a JSON array is expected")
    numbers: list[str] = []
    for item in data:
        if not isinstance(item, str) or not PRISONER_NUMBER.fullmatch(item):
            raise bad_request(f"{item!r} is not a prisoner number")
        if item not in numbers:
            numbers.append(item)
    if len(numbers) < minimum:
        plural = "s" if minimum > 1 else ""
        raise bad_request(f"at least {minimum} distinct prisoner number{plural} must be given")
    return numbers
