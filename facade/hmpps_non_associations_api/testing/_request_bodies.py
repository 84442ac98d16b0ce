"""Reading request bodies into commands, in the service's two steps.

First the body is read into the request type: a body that is missing, not
JSON, of the wrong shape, lacking a required field, or holding an unknown
enum value or a malformed date-time is a plain 400. Then the request's
field rules are checked (bean validation): prisoner-number format and
length limits, every broken rule reported together as a 400 with error
code 102. Blank-looking text passes: only empty text breaks a rule.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import datetime

from hmpps_non_associations_api_client.models import Reason, RestrictionType, Role

from .._spec._document import schema
from .._spec._validation import prisoner_number as _check_prisoner_number
from ._code_lists import known_values
from ._error_replies import bean_validation, unreadable, validation_exception
from ._local_date_time import parse_local

__all__ = [
    "CloseCommand",
    "CreateCommand",
    "DeleteCommand",
    "PatchCommand",
    "ReopenCommand",
    "check_prisoner_numbers",
    "is_prisoner_number",
    "parse_close",
    "parse_create",
    "parse_delete",
    "parse_json",
    "parse_patch",
    "parse_reopen",
    "read_prisoner_numbers",
]

_USERNAME_MAX: int = schema("CloseNonAssociationRequest")["properties"]["closedBy"]["maxLength"]


def is_prisoner_number(value: str) -> bool:
    """True for a prisoner number such as A1234BC (the client's own rule)."""
    try:
        _check_prisoner_number(value)
    except ValueError:
        return False
    return True


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


_MISSING_BODY = "Required request body is missing"


def parse_json(body: bytes) -> object:
    """The decoded JSON body; 400 when it is missing (or `null`) or unreadable."""
    if not body.strip():
        raise unreadable(_MISSING_BODY)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise unreadable(f"JSON parse error: {error}") from None
    if data is None:
        raise unreadable(_MISSING_BODY)
    return data


class _BodyFields:
    """Reads the fields of one request type from a JSON object, then checks its rules."""

    def __init__(self, data: object, request_type: str) -> None:
        if not isinstance(data, dict):
            raise unreadable(
                f"JSON parse error: Cannot deserialize value of type `{request_type}` "
                "from anything but a JSON object"
            )
        self._data: dict[str, object] = data
        self._request_type = request_type
        self._problems: list[tuple[str, object, str]] = []

    def _required_value(self, name: str) -> object:
        value = self._data.get(name)
        if value is None:
            raise unreadable(
                f"JSON parse error: {self._request_type} needs a non-null value for {name}"
            )
        return value

    @staticmethod
    def _as_text(name: str, value: object) -> str:
        if not isinstance(value, str):
            raise unreadable(f"JSON parse error: {name} must be a JSON string")
        return value

    @staticmethod
    def _as_code(kind: type[enum.Enum], value: object) -> str:
        known = known_values(kind)
        if not isinstance(value, str) or value not in known:
            raise unreadable(
                f"JSON parse error: Cannot deserialize value of type `{kind.__name__}` from "
                f"{json.dumps(value)}: not one of the values accepted: [{', '.join(known)}]"
            )
        return value

    def required_text(self, name: str) -> str:
        """A required string field."""
        return self._as_text(name, self._required_value(name))

    def optional_text(self, name: str) -> str | None:
        """A string field, None when absent or null."""
        value = self._data.get(name)
        return None if value is None else self._as_text(name, value)

    def required_code(self, name: str, kind: type[enum.Enum]) -> str:
        """A required enum field: one of the enum's declared values, exactly."""
        return self._as_code(kind, self._required_value(name))

    def optional_code(self, name: str, kind: type[enum.Enum]) -> str | None:
        """An enum field, None when absent or null."""
        value = self._data.get(name)
        return None if value is None else self._as_code(kind, value)

    def optional_date_time(self, name: str) -> datetime | None:
        """An optional Europe/London local date-time, without offset."""
        value = self._data.get(name)
        if value is None:
            return None
        parsed = parse_local(value) if isinstance(value, str) else None
        if parsed is None:
            raise unreadable(
                f"JSON parse error: Cannot deserialize value of type `LocalDateTime` from "
                f"{json.dumps(value)}"
            )
        return parsed

    def note_if_broken(self, name: str, value: object, broken: bool, message: str) -> None:
        """Note a field rule broken by `value`."""
        if broken:
            self._problems.append((name, value, message))

    def check_not_empty(self, name: str, value: str | None, message: str) -> None:
        """Text, when given, must have at least one character."""
        self.note_if_broken(name, value, value == "", message)

    def check_username(self, name: str, value: str | None, message: str) -> None:
        """A username, when given, has 1 to 60 characters."""
        self.note_if_broken(
            name, value, value is not None and not 1 <= len(value) <= _USERNAME_MAX, message
        )

    def check_prisoner_number(self, name: str, value: str) -> None:
        """A prisoner number in the right format."""
        message = "Prisoner number must be in the correct format"
        self.note_if_broken(name, value, not is_prisoner_number(value), message)

    def raise_broken_rules(self) -> None:
        """Raise the broken rules together (400 with error code 102)."""
        if self._problems:
            raise bean_validation(self._request_type, self._problems)


def parse_create(data: object) -> CreateCommand:
    """A create request, or 400 (102 for broken field rules)."""
    fields = _BodyFields(data, "createNonAssociationRequest")
    command = CreateCommand(
        first_prisoner_number=fields.required_text("firstPrisonerNumber"),
        first_prisoner_role=fields.required_code("firstPrisonerRole", Role),
        second_prisoner_number=fields.required_text("secondPrisonerNumber"),
        second_prisoner_role=fields.required_code("secondPrisonerRole", Role),
        reason=fields.required_code("reason", Reason),
        restriction_type=fields.required_code("restrictionType", RestrictionType),
        comment=fields.required_text("comment"),
    )
    fields.check_prisoner_number("firstPrisonerNumber", command.first_prisoner_number)
    fields.check_prisoner_number("secondPrisonerNumber", command.second_prisoner_number)
    fields.check_not_empty("comment", command.comment, "A comment is required")
    fields.raise_broken_rules()
    return command


def parse_patch(data: object) -> PatchCommand:
    """A patch request, or 400 (102 for broken field rules); null fields are left alone."""
    fields = _BodyFields(data, "patchNonAssociationRequest")
    command = PatchCommand(
        first_prisoner_role=fields.optional_code("firstPrisonerRole", Role),
        second_prisoner_role=fields.optional_code("secondPrisonerRole", Role),
        reason=fields.optional_code("reason", Reason),
        restriction_type=fields.optional_code("restrictionType", RestrictionType),
        comment=fields.optional_text("comment"),
    )
    fields.check_not_empty("comment", command.comment, "Comment cannot be blank")
    fields.raise_broken_rules()
    return command


def parse_close(data: object) -> CloseCommand:
    """A close request, or 400 (102 for broken field rules)."""
    fields = _BodyFields(data, "closeNonAssociationRequest")
    command = CloseCommand(
        closed_reason=fields.required_text("closedReason"),
        closed_at=fields.optional_date_time("closedAt"),
        closed_by=fields.optional_text("closedBy"),
    )
    fields.check_not_empty("closedReason", command.closed_reason, "Comment cannot be blank")
    fields.check_username(
        "closedBy", command.closed_by, "Closed by must be a maximum of 60 characters"
    )
    fields.raise_broken_rules()
    return command


def parse_reopen(data: object) -> ReopenCommand:
    """A reopen request, or 400 (102 for broken field rules)."""
    fields = _BodyFields(data, "reopenNonAssociationRequest")
    command = ReopenCommand(
        reopen_reason=fields.required_text("reopenReason"),
        reopened_at=fields.optional_date_time("reopenedAt"),
        reopened_by=fields.optional_text("reopenedBy"),
    )
    fields.check_not_empty(
        "reopenReason", command.reopen_reason, "The reason for re-opening cannot be blank"
    )
    fields.check_username(
        "reopenedBy", command.reopened_by, "Reopened by must be a maximum of 60 characters"
    )
    fields.raise_broken_rules()
    return command


def parse_delete(data: object) -> DeleteCommand:
    """A delete request, or 400 (102 for broken field rules)."""
    fields = _BodyFields(data, "deleteNonAssociationRequest")
    command = DeleteCommand(
        deletion_reason=fields.required_text("deletionReason"),
        staff_username=fields.required_text("staffUserNameRequestingDeletion"),
    )
    fields.check_not_empty("deletionReason", command.deletion_reason, "Comment cannot be blank")
    fields.check_username(
        "staffUserNameRequestingDeletion",
        command.staff_username,
        "Deleted by must be a maximum of 60 characters",
    )
    fields.raise_broken_rules()
    return command


def read_prisoner_numbers(data: object) -> list[str]:
    """A JSON array of strings, as read before the role is checked; else a plain 400."""
    if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
        raise unreadable("JSON parse error: a JSON array of prisoner numbers is expected")
    return list(data)


def check_prisoner_numbers(numbers: list[str], *, minimum: int, operation: str) -> list[str]:
    """The distinct numbers, once each is a prisoner number and there are enough; a plain
    400 otherwise. These checks follow the role check."""
    for index, number in enumerate(numbers):
        if not is_prisoner_number(number):
            raise validation_exception(
                f"{operation}.prisonerNumbers[{index}].<list element>: "
                "Prisoner number must be in the correct format"
            )
    distinct = list(dict.fromkeys(numbers))
    if len(distinct) < minimum:
        count = "Two" if minimum == 2 else "One"
        raise validation_exception(f"{count} or more distinct prisoner numbers are required")
    return distinct
