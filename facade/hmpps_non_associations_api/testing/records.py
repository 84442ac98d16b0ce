"""The fake's data: prisoners as a prisoner search would report them, and non-associations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["TRANSFER_PRISON_ID", "NonAssociationRecord", "Prisoner"]

TRANSFER_PRISON_ID = "TRN"
"""The prison ID reported for a prisoner moving between prisons."""


@dataclass(frozen=True)
class Prisoner:
    """A prisoner known to the fake.

    `prison_id`, `prison_name` and `cell_location` are what the API reports:
    all three None for a released prisoner, `TRN`/`Transfer`/None for one in
    transfer. A prisoner without a booking cannot be given a new
    non-association (error code 103).
    """

    prisoner_number: str
    first_name: str
    last_name: str
    prison_id: str | None = None
    prison_name: str | None = None
    cell_location: str | None = None
    has_booking: bool = True

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
        """A prisoner on the move between prisons."""
        return cls(prisoner_number, first_name, last_name, TRANSFER_PRISON_ID, "Transfer")

    @classmethod
    def released(cls, prisoner_number: str, first_name: str, last_name: str) -> Prisoner:
        """A prisoner no longer in custody."""
        return cls(prisoner_number, first_name, last_name)

    @classmethod
    def without_booking(cls, prisoner_number: str, first_name: str, last_name: str) -> Prisoner:
        """A prisoner record with no booking, so no location at all."""
        return cls(prisoner_number, first_name, last_name, has_booking=False)

    @property
    def held_in_prison(self) -> bool:
        """True when the prisoner is in a prison (not released, not in transfer)."""
        return self.prison_id is not None and self.prison_id != TRANSFER_PRISON_ID


@dataclass(frozen=True)
class NonAssociationRecord:
    """One stored non-association; times are Europe/London local times without offset."""

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
    reopened_by: str | None = None
    reopen_reason: str | None = None
    reopened_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        """Always the opposite of `is_closed`."""
        return not self.is_closed

    def involves(self, prisoner_number: str) -> bool:
        """True when the prisoner is on either side."""
        return prisoner_number in (self.first_prisoner_number, self.second_prisoner_number)

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
