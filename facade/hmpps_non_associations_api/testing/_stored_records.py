"""The fake's data: prisoners as prisoner search reports them, and non-associations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .._clients._answers import OUTSIDE_PRISON_ID as RELEASED_PRISON_ID
from .._clients._answers import TRANSFER_PRISON_ID

__all__ = ["RELEASED_PRISON_ID", "TRANSFER_PRISON_ID", "NonAssociationRecord", "Prisoner"]


@dataclass(frozen=True)
class Prisoner:
    """A prisoner as prisoner search reports them.

    `prison_id` is a prison's ID, `OUT` once released or `TRN` while moving
    between prisons; to the service these are prison IDs like any other. It
    is None only for someone with no booking at all, who cannot be given a
    new non-association (error code 103).
    """

    prisoner_number: str
    first_name: str
    last_name: str
    prison_id: str | None = None
    prison_name: str | None = None
    cell_location: str | None = None

    @classmethod
    def in_prison(
        cls,
        prisoner_number: str,
        first_name: str,
        last_name: str,
        *,
        prison_id: str,
        prison_name: str,
        cell_location: str,
    ) -> Prisoner:
        """A prisoner held in a cell of a prison."""
        return cls(prisoner_number, first_name, last_name, prison_id, prison_name, cell_location)

    @classmethod
    def in_transfer(cls, prisoner_number: str, first_name: str, last_name: str) -> Prisoner:
        """A prisoner on the move between prisons: `TRN`, no cell."""
        return cls(prisoner_number, first_name, last_name, TRANSFER_PRISON_ID, "Transfer")

    @classmethod
    def released(
        cls,
        prisoner_number: str,
        first_name: str,
        last_name: str,
        *,
        prison_name: str = "Outside",
    ) -> Prisoner:
        """A prisoner no longer in custody: `OUT`, no cell; prisoner search usually names
        the prison they left, e.g. "Outside - released from Leeds (HMP)"."""
        return cls(prisoner_number, first_name, last_name, RELEASED_PRISON_ID, prison_name)

    @classmethod
    def without_booking(cls, prisoner_number: str, first_name: str, last_name: str) -> Prisoner:
        """A prisoner record with no booking, so no location at all."""
        return cls(prisoner_number, first_name, last_name)


@dataclass(frozen=True)
class NonAssociationRecord:
    """One stored non-association, with the fields the service keeps; times are
    Europe/London local times without offset.

    The service keeps nothing of a reopening apart from its effects: the
    reason becomes the comment, and who and when become the last update.
    """

    id: int
    first_prisoner_number: str
    first_prisoner_role: str
    second_prisoner_number: str
    second_prisoner_role: str
    reason: str
    restriction_type: str
    comment: str
    authorised_by: str | None
    when_created: datetime
    when_updated: datetime
    updated_by: str
    is_closed: bool = False
    closed_by: str | None = None
    closed_reason: str | None = None
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Always the opposite of `is_closed`."""
        return not self.is_closed

    @property
    def prisoner_numbers(self) -> tuple[str, str]:
        """The first and the second prisoner's numbers."""
        return self.first_prisoner_number, self.second_prisoner_number

    def involves(self, prisoner_number: str) -> bool:
        """True when the prisoner is on either side."""
        return prisoner_number in self.prisoner_numbers

    def is_between(self, prisoner_numbers: set[str] | frozenset[str]) -> bool:
        """True when both prisoners are among the given ones."""
        return set(self.prisoner_numbers) <= prisoner_numbers

    def role_of(self, prisoner_number: str) -> str:
        """The given prisoner's role in this non-association."""
        if prisoner_number == self.first_prisoner_number:
            return self.first_prisoner_role
        return self.second_prisoner_role

    def other_than(self, prisoner_number: str) -> str:
        """The prisoner number on the other side from the given one."""
        if prisoner_number == self.first_prisoner_number:
            return self.second_prisoner_number
        return self.first_prisoner_number
