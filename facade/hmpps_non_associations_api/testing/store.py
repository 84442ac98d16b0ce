"""The fake API's state and rules: thread-safe, in memory, seeded deterministically."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .clock import london_now
from .errors import (
    ALREADY_CLOSED,
    ALREADY_OPEN,
    NO_LOCATION,
    NOT_FOUND,
    OPEN_ALREADY_EXISTS,
    ApiError,
)
from .records import NonAssociationRecord, Prisoner
from .seed import SEED_NON_ASSOCIATIONS, SEED_PRISONERS
from .validation import CloseCommand, CreateCommand, PatchCommand, ReopenCommand

__all__ = [
    "PRISONER_LIST_SORTS",
    "FakeNonAssociationsApi",
    "Inclusion",
    "PrisonerListing",
]


@dataclass(frozen=True)
class Inclusion:
    """Which non-associations a list takes: open ones, closed ones, or both."""

    open: bool = True
    closed: bool = False

    def admits(self, record: NonAssociationRecord) -> bool:
        """True when the record is of a kind the list takes."""
        return self.closed if record.is_closed else self.open


@dataclass(frozen=True)
class PrisonerListing:
    """One prisoner's non-associations, each paired with the prisoner on the other side."""

    prisoner: Prisoner
    entries: Sequence[tuple[NonAssociationRecord, Prisoner]]
    open_count: int
    closed_count: int


_Entry = tuple[NonAssociationRecord, Prisoner]

PRISONER_LIST_SORTS: dict[str, tuple[Callable[[_Entry], object], bool]] = {
    "WHEN_CREATED": (lambda entry: entry[0].when_created, True),
    "WHEN_UPDATED": (lambda entry: entry[0].when_updated, True),
    "WHEN_CLOSED": (lambda entry: entry[0].closed_at, True),
    "LAST_NAME": (lambda entry: entry[1].last_name, False),
    "FIRST_NAME": (lambda entry: entry[1].first_name, False),
    "PRISONER_NUMBER": (lambda entry: entry[1].prisoner_number, False),
    "PRISON_ID": (lambda entry: entry[1].prison_id, False),
    "PRISON_NAME": (lambda entry: entry[1].prison_name, False),
    "CELL_LOCATION": (lambda entry: entry[1].cell_location, False),
}
"""Each prisoner-list sort: how to read the value, and whether it runs descending by default."""


def _not_found(non_association_id: int) -> ApiError:
    return ApiError(404, f"Non-association {non_association_id} not found", error_code=NOT_FOUND)


class FakeNonAssociationsApi:
    """Everything the fake API knows, with the rules the real API applies to it.

    Safe to share between threads: every read and change holds one lock.
    `seed=False` starts with no prisoners and no non-associations; `clock`
    gives the current Europe/London local time (without tzinfo).
    """

    def __init__(self, *, seed: bool = True, clock: Callable[[], datetime] = london_now) -> None:
        self._seed = seed
        self._clock = clock
        self._lock = threading.RLock()
        self._prisoners: dict[str, Prisoner] = {}
        self._records: dict[int, NonAssociationRecord] = {}
        self._next_id = 1
        self._requests: list[tuple[str, str]] = []
        self.reset()

    # Setting up and looking in, for tests

    def reset(self) -> None:
        """Go back to the starting data (empty if built with `seed=False`) and clear the log."""
        with self._lock:
            self._prisoners = {p.prisoner_number: p for p in SEED_PRISONERS} if self._seed else {}
            records = SEED_NON_ASSOCIATIONS if self._seed else ()
            self._records = {record.id: record for record in records}
            self._next_id = max(self._records, default=0) + 1
            self._requests = []

    def add_prisoner(self, prisoner: Prisoner) -> None:
        """Make a prisoner known, replacing any with the same number (to move them, say)."""
        with self._lock:
            self._prisoners[prisoner.prisoner_number] = prisoner

    def remove_prisoner(self, prisoner_number: str) -> None:
        """Make prisoner search forget a prisoner; their non-associations stay stored.

        Raises KeyError for a prisoner who is not known.
        """
        with self._lock:
            del self._prisoners[prisoner_number]

    def add_non_association(
        self,
        first_prisoner_number: str,
        second_prisoner_number: str,
        *,
        first_prisoner_role: str = "VICTIM",
        second_prisoner_role: str = "PERPETRATOR",
        reason: str = "OTHER",
        restriction_type: str = "CELL",
        comment: str = "Recorded for a test",
        authorised_by: str | None = None,
        updated_by: str = "TEST_USER",
        when_created: datetime | None = None,
        when_updated: datetime | None = None,
        closed_by: str | None = None,
        closed_reason: str | None = None,
        closed_at: datetime | None = None,
    ) -> NonAssociationRecord:
        """Store a non-association directly, as data already in the service's database.

        Nothing is checked against prisoner search, so either prisoner may be
        unknown, released or without a booking. Times default to the clock,
        `when_updated` to `when_created`; give all three closure fields for a
        closed one. Returns the record with its new ID.
        """
        closure = (closed_by, closed_reason, closed_at)
        if any(value is None for value in closure) and any(value is not None for value in closure):
            raise ValueError("closed_by, closed_reason and closed_at go together")
        if first_prisoner_number == second_prisoner_number:
            raise ValueError("a prisoner cannot be non-associated with themselves")
        with self._lock:
            created = when_created or self._clock()
            record = NonAssociationRecord(
                id=self._next_id,
                first_prisoner_number=first_prisoner_number,
                first_prisoner_role=first_prisoner_role,
                second_prisoner_number=second_prisoner_number,
                second_prisoner_role=second_prisoner_role,
                reason=reason,
                restriction_type=restriction_type,
                comment=comment,
                authorised_by=authorised_by,
                when_created=created,
                when_updated=when_updated or created,
                updated_by=updated_by,
                is_closed=closed_at is not None,
                closed_by=closed_by,
                closed_reason=closed_reason,
                closed_at=closed_at,
            )
            self._records[record.id] = record
            self._next_id += 1
            return record

    def prisoner(self, prisoner_number: str) -> Prisoner | None:
        """The prisoner with this number, if known."""
        with self._lock:
            return self._prisoners.get(prisoner_number)

    @property
    def prisoners(self) -> list[Prisoner]:
        """A snapshot of the known prisoners, by prisoner number."""
        with self._lock:
            return sorted(self._prisoners.values(), key=lambda p: p.prisoner_number)

    @property
    def non_associations(self) -> list[NonAssociationRecord]:
        """A snapshot of the stored non-associations, by ID."""
        with self._lock:
            return sorted(self._records.values(), key=lambda record: record.id)

    @property
    def requests(self) -> list[tuple[str, str]]:
        """The (method, path) of every request handled since the last reset."""
        with self._lock:
            return list(self._requests)

    def record_request(self, method: str, path: str) -> None:
        """Add a request to the log."""
        with self._lock:
            self._requests.append((method, path))

    # Single non-associations

    def get(self, non_association_id: int) -> NonAssociationRecord:
        """The non-association with this ID; 404 (error code 404) if there is none."""
        with self._lock:
            record = self._records.get(non_association_id)
            if record is None:
                raise _not_found(non_association_id)
            return record

    def create(self, command: CreateCommand, username: str) -> NonAssociationRecord:
        """Record a new open non-association between two known prisoners with locations."""
        numbers = (command.first_prisoner_number, command.second_prisoner_number)
        with self._lock:
            missing = [number for number in numbers if number not in self._prisoners]
            if missing:
                raise ApiError(404, f"Prisoners not found: {', '.join(missing)}")
            unbooked = [number for number in numbers if not self._prisoners[number].has_booking]
            if unbooked:
                raise ApiError(
                    409,
                    f"Prisoners have no location: {', '.join(unbooked)}",
                    error_code=NO_LOCATION,
                )
            if any(
                record.is_open and record.involves(numbers[0]) and record.involves(numbers[1])
                for record in self._records.values()
            ):
                raise ApiError(
                    409,
                    f"Prisoners {numbers[0]} and {numbers[1]} already have an open non-association",
                    error_code=OPEN_ALREADY_EXISTS,
                )
            now = self._clock()
            record = NonAssociationRecord(
                id=self._next_id,
                first_prisoner_number=command.first_prisoner_number,
                first_prisoner_role=command.first_prisoner_role,
                second_prisoner_number=command.second_prisoner_number,
                second_prisoner_role=command.second_prisoner_role,
                reason=command.reason,
                restriction_type=command.restriction_type,
                comment=command.comment,
                authorised_by=username,
                when_created=now,
                when_updated=now,
                updated_by=username,
            )
            self._records[record.id] = record
            self._next_id += 1
            return record

    def _save(
        self, record: NonAssociationRecord, username: str, now: datetime
    ) -> NonAssociationRecord:
        saved = dataclasses.replace(record, when_updated=now, updated_by=username)
        self._records[saved.id] = saved
        return saved

    def update(
        self, non_association_id: int, command: PatchCommand, username: str
    ) -> NonAssociationRecord:
        """Change the fields given, open or closed."""
        with self._lock:
            current = self.get(non_association_id)
            changed = dataclasses.replace(
                current,
                first_prisoner_role=command.first_prisoner_role or current.first_prisoner_role,
                second_prisoner_role=command.second_prisoner_role or current.second_prisoner_role,
                reason=command.reason or current.reason,
                restriction_type=command.restriction_type or current.restriction_type,
                comment=command.comment or current.comment,
            )
            return self._save(changed, username, self._clock())

    def close(
        self, non_association_id: int, command: CloseCommand, username: str
    ) -> NonAssociationRecord:
        """Close an open non-association; 409 (error code 100) if already closed."""
        with self._lock:
            current = self.get(non_association_id)
            if current.is_closed:
                raise ApiError(
                    409,
                    f"Non-association {non_association_id} is already closed",
                    error_code=ALREADY_CLOSED,
                )
            now = self._clock()
            changed = dataclasses.replace(
                current,
                is_closed=True,
                closed_reason=command.closed_reason,
                closed_at=command.closed_at or now,
                closed_by=command.closed_by or username,
            )
            return self._save(changed, username, now)

    def reopen(
        self, non_association_id: int, command: ReopenCommand, username: str
    ) -> NonAssociationRecord:
        """Reopen a closed non-association; 409 (error code 104) if it is open."""
        with self._lock:
            current = self.get(non_association_id)
            if current.is_open:
                raise ApiError(
                    409,
                    f"Non-association {non_association_id} is already open",
                    error_code=ALREADY_OPEN,
                )
            now = self._clock()
            changed = dataclasses.replace(
                current,
                is_closed=False,
                closed_reason=None,
                closed_at=None,
                closed_by=None,
                reopen_reason=command.reopen_reason,
                reopened_at=command.reopened_at or now,
                reopened_by=command.reopened_by or username,
            )
            return self._save(changed, username, now)

    def delete(self, non_association_id: int) -> None:
        """Remove a non-association for good."""
        with self._lock:
            self.get(non_association_id)
            del self._records[non_association_id]

    # Lists

    def _matching(self, keep: Callable[[NonAssociationRecord], bool]) -> list[NonAssociationRecord]:
        with self._lock:
            return [record for record in self.non_associations if keep(record)]

    def _prison_of(self, prisoner_number: str) -> str | None:
        prisoner = self._prisoners.get(prisoner_number)
        return prisoner.prison_id if prisoner else None

    def prisoner_listing(
        self,
        prisoner_number: str,
        *,
        inclusion: Inclusion,
        include_other_prisons: bool,
        sort_by: str = "WHEN_CREATED",
        descending: bool | None = None,
    ) -> PrisonerListing | None:
        """A prisoner's non-associations seen from their side; None for an unknown prisoner.

        Without `include_other_prisons`, a prisoner held in a prison sees only
        non-associations with prisoners in the same prison; one released or in
        transfer sees all. The counts follow that filter but not `inclusion`.
        Sorting puts missing values first ascending and last descending.
        """
        with self._lock:
            prisoner = self._prisoners.get(prisoner_number)
            if prisoner is None:
                return None
            records = self._matching(lambda record: record.involves(prisoner_number))
            if not include_other_prisons and prisoner.held_in_prison:
                records = [
                    record
                    for record in records
                    if self._prison_of(record.other_than(prisoner_number)) == prisoner.prison_id
                ]
            entries = [
                (record, self._prisoners[record.other_than(prisoner_number)])
                for record in records
                if inclusion.admits(record)
            ]
        value, default_descending = PRISONER_LIST_SORTS[sort_by]
        entries.sort(
            key=lambda entry: (value(entry) is not None, value(entry)),
            reverse=default_descending if descending is None else descending,
        )
        return PrisonerListing(
            prisoner=prisoner,
            entries=entries,
            open_count=sum(record.is_open for record in records),
            closed_count=sum(record.is_closed for record in records),
        )

    def page(
        self,
        *,
        inclusion: Inclusion,
        orders: Sequence[tuple[str, bool]],
        page: int,
        size: int,
    ) -> tuple[list[NonAssociationRecord], int]:
        """One page of all non-associations and the number that match in all.

        `orders` lists (record attribute, descending) pairs, most significant
        first; missing values sort last ascending and first descending.
        """
        records = self._matching(inclusion.admits)
        for attribute, descending in reversed(orders):
            records.sort(
                key=lambda record: (
                    getattr(record, attribute) is None,
                    getattr(record, attribute),
                ),
                reverse=descending,
            )
        return records[page * size : (page + 1) * size], len(records)

    def between(
        self, prisoner_numbers: Iterable[str], *, inclusion: Inclusion, prison_id: str | None
    ) -> list[NonAssociationRecord]:
        """Non-associations with both prisoners in the list (and, if given, both in the prison)."""
        wanted = set(prisoner_numbers)
        with self._lock:
            return self._matching(
                lambda record: (
                    inclusion.admits(record)
                    and {record.first_prisoner_number, record.second_prisoner_number} <= wanted
                    and (
                        prison_id is None
                        or self._prison_of(record.first_prisoner_number)
                        == self._prison_of(record.second_prisoner_number)
                        == prison_id
                    )
                )
            )

    def involving(
        self, prisoner_numbers: Iterable[str], *, inclusion: Inclusion, prison_id: str | None
    ) -> list[NonAssociationRecord]:
        """Non-associations with either prisoner in the list.

        With a prison, only those where a listed prisoner they involve is in that prison.
        """
        wanted = set(prisoner_numbers)
        with self._lock:
            return self._matching(
                lambda record: (
                    inclusion.admits(record)
                    and any(
                        number in wanted
                        and (prison_id is None or self._prison_of(number) == prison_id)
                        for number in (record.first_prisoner_number, record.second_prisoner_number)
                    )
                )
            )

    def subject_access(
        self, prisoner_number: str, *, from_date: date | None, to_date: date | None
    ) -> PrisonerListing | None:
        """A known prisoner's open and closed non-associations in all prisons, for a SAR.

        Only those last updated within the dates (inclusive) are listed, but
        the counts cover all of them; None when none are listed.
        """
        listing = self.prisoner_listing(
            prisoner_number,
            inclusion=Inclusion(open=True, closed=True),
            include_other_prisons=True,
        )
        if listing is None:
            return None
        entries = [
            entry
            for entry in listing.entries
            if (from_date is None or entry[0].when_updated.date() >= from_date)
            and (to_date is None or entry[0].when_updated.date() <= to_date)
        ]
        return dataclasses.replace(listing, entries=entries) if entries else None
