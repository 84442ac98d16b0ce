"""The fake API's state and rules: thread-safe, in memory, seeded deterministically.

Two stores in one, as the service sees them: its own database of
non-associations, and prisoner search, which reports each prisoner's name
and location and may not know a prisoner at all.
"""

from __future__ import annotations

import dataclasses
import enum
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from hmpps_non_associations_api_client.models import Reason, RestrictionType, Role, SortBy

from ._code_lists import known_values
from ._error_replies import (
    already_closed,
    already_open,
    missing_prisoners,
    not_found,
    null_locations,
    open_already_exists,
    unexpected,
)
from ._local_date_time import london_now
from ._request_bodies import CloseCommand, CreateCommand, PatchCommand, ReopenCommand
from ._seed_data import SEED_NON_ASSOCIATIONS, SEED_PRISONERS
from ._stored_records import RELEASED_PRISON_ID, TRANSFER_PRISON_ID, NonAssociationRecord, Prisoner

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


_ListingEntry = tuple[NonAssociationRecord, Prisoner]

PRISONER_LIST_SORTS: dict[str, tuple[Callable[[_ListingEntry], object], bool]] = {
    SortBy.WHEN_CREATED.value: (lambda entry: entry[0].when_created, True),
    SortBy.WHEN_UPDATED.value: (lambda entry: entry[0].when_updated, True),
    SortBy.WHEN_CLOSED.value: (lambda entry: entry[0].closed_at, True),
    SortBy.LAST_NAME.value: (lambda entry: entry[1].last_name, False),
    SortBy.FIRST_NAME.value: (lambda entry: entry[1].first_name, False),
    SortBy.PRISONER_NUMBER.value: (lambda entry: entry[1].prisoner_number, False),
    SortBy.PRISON_ID.value: (lambda entry: entry[1].prison_id, False),
    SortBy.PRISON_NAME.value: (lambda entry: entry[1].prison_name, False),
    SortBy.CELL_LOCATION.value: (lambda entry: entry[1].cell_location, False),
}
"""Each prisoner-list sort: how to read the value, and whether it runs descending by default."""


def _declared_code(kind: type[Role] | type[Reason] | type[RestrictionType], value: str) -> str:
    """A code the enum declares, as plain text; ValueError for any other."""
    text = value.value if isinstance(value, enum.Enum) else value
    if text not in known_values(kind):
        raise ValueError(f"{value!r} is not a {kind.__name__}")
    return text


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
        """Put a prisoner in prisoner search, replacing any with the same number (to move
        them, say)."""
        with self._lock:
            self._prisoners[prisoner.prisoner_number] = prisoner

    def remove_prisoner(self, prisoner_number: str) -> None:
        """Make prisoner search forget a prisoner; their non-associations stay stored.

        Lists that need the prisoner then fail as the service's do (404, or 209 for a
        subject access request). Raises KeyError for a prisoner who is not known.
        """
        with self._lock:
            del self._prisoners[prisoner_number]

    def _relocate(self, prisoner_number: str, prison_id: str, prison_name: str) -> None:
        with self._lock:
            current = self._prisoners[prisoner_number]
            self._prisoners[prisoner_number] = dataclasses.replace(
                current, prison_id=prison_id, prison_name=prison_name, cell_location=None
            )

    def release_prisoner(self, prisoner_number: str, *, prison_name: str = "Outside") -> None:
        """Report a known prisoner as released (prison ID `OUT`, no cell)."""
        self._relocate(prisoner_number, RELEASED_PRISON_ID, prison_name)

    def transfer_prisoner(self, prisoner_number: str) -> None:
        """Report a known prisoner as moving between prisons (prison ID `TRN`, no cell)."""
        self._relocate(prisoner_number, TRANSFER_PRISON_ID, "Transfer")

    def add_non_association(
        self,
        first_prisoner_number: str,
        second_prisoner_number: str,
        *,
        first_prisoner_role: str = Role.VICTIM,
        second_prisoner_role: str = Role.PERPETRATOR,
        reason: str = Reason.OTHER,
        restriction_type: str = RestrictionType.CELL,
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
        unknown, released or without a booking. Roles, reason and restriction
        type take the enum members or their codes. Times default to the clock,
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
                first_prisoner_role=_declared_code(Role, first_prisoner_role),
                second_prisoner_number=second_prisoner_number,
                second_prisoner_role=_declared_code(Role, second_prisoner_role),
                reason=_declared_code(Reason, reason),
                restriction_type=_declared_code(RestrictionType, restriction_type),
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
        """The prisoner with this number, if prisoner search knows them."""
        with self._lock:
            return self._prisoners.get(prisoner_number)

    @property
    def prisoners(self) -> list[Prisoner]:
        """A snapshot of the prisoners in prisoner search, by prisoner number."""
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

    # Prisoner search

    def _search_prisoners(self, prisoner_numbers: Iterable[str]) -> dict[str, Prisoner]:
        """The prisoners asked for; 404 naming those prisoner search does not know, in the
        order asked."""
        wanted = list(dict.fromkeys(prisoner_numbers))
        missing = [number for number in wanted if number not in self._prisoners]
        if missing:
            raise missing_prisoners(missing)
        return {number: self._prisoners[number] for number in wanted}

    # Single non-associations

    def get(self, non_association_id: int) -> NonAssociationRecord:
        """The non-association with this ID; 404 (error code 404) if there is none."""
        with self._lock:
            record = self._records.get(non_association_id)
            if record is None:
                raise not_found(non_association_id)
            return record

    def _open_between(self, prisoner_numbers: Iterable[str]) -> bool:
        wanted = frozenset(prisoner_numbers)
        return any(
            record.is_open and record.is_between(wanted) for record in self._records.values()
        )

    def create(self, command: CreateCommand, username: str) -> NonAssociationRecord:
        """Record a new open non-association, checking as the service does: an open one
        for the pair (409/101), prisoner search (404), locations (409/103)."""
        numbers = [command.first_prisoner_number, command.second_prisoner_number]
        with self._lock:
            if self._open_between(numbers):
                raise open_already_exists(numbers)
            found = self._search_prisoners(numbers)
            unbooked = [number for number, prisoner in found.items() if prisoner.prison_id is None]
            if unbooked:
                raise null_locations(unbooked)
            if numbers[0] == numbers[1]:
                raise unexpected(
                    "could not execute statement: the check constraint "
                    "non_association_different_people was violated"
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

    def _replace_record(self, record: NonAssociationRecord) -> NonAssociationRecord:
        self._records[record.id] = record
        return record

    def update(
        self, non_association_id: int, command: PatchCommand, username: str
    ) -> NonAssociationRecord:
        """Change the fields given, open or closed."""
        with self._lock:
            current = self.get(non_association_id)
            return self._replace_record(
                dataclasses.replace(
                    current,
                    first_prisoner_role=command.first_prisoner_role or current.first_prisoner_role,
                    second_prisoner_role=command.second_prisoner_role
                    or current.second_prisoner_role,
                    reason=command.reason or current.reason,
                    restriction_type=command.restriction_type or current.restriction_type,
                    comment=current.comment if command.comment is None else command.comment,
                    updated_by=username,
                    when_updated=self._clock(),
                )
            )

    def close(
        self, non_association_id: int, command: CloseCommand, closed_by: str
    ) -> NonAssociationRecord:
        """Close an open non-association; 409 (error code 100) if already closed. Who and
        when it closed also become who and when it was last updated."""
        with self._lock:
            current = self.get(non_association_id)
            if current.is_closed:
                raise already_closed(non_association_id)
            closed_at = command.closed_at or self._clock()
            return self._replace_record(
                dataclasses.replace(
                    current,
                    is_closed=True,
                    closed_reason=command.closed_reason,
                    closed_at=closed_at,
                    closed_by=closed_by,
                    updated_by=closed_by,
                    when_updated=closed_at,
                )
            )

    def reopen(
        self, non_association_id: int, command: ReopenCommand, reopened_by: str
    ) -> NonAssociationRecord:
        """Reopen a non-association; 409 (error code 104) while the pair has any open one,
        this one included. The reason replaces the comment; who and when become who and
        when it was last updated."""
        with self._lock:
            current = self.get(non_association_id)
            if self._open_between(current.prisoner_numbers):
                raise already_open(non_association_id)
            return self._replace_record(
                dataclasses.replace(
                    current,
                    is_closed=False,
                    closed_reason=None,
                    closed_at=None,
                    closed_by=None,
                    comment=command.reopen_reason,
                    updated_by=reopened_by,
                    when_updated=command.reopened_at or self._clock(),
                )
            )

    def delete(self, non_association_id: int) -> None:
        """Remove a non-association for good, open or closed."""
        with self._lock:
            self.get(non_association_id)
            del self._records[non_association_id]

    # Lists

    def _records_where(
        self, keep: Callable[[NonAssociationRecord], bool]
    ) -> list[NonAssociationRecord]:
        with self._lock:
            return [record for record in self.non_associations if keep(record)]

    def prisoner_listing(
        self,
        prisoner_number: str,
        *,
        inclusion: Inclusion,
        include_other_prisons: bool,
        sort_by: str = SortBy.WHEN_CREATED.value,
        descending: bool | None = None,
    ) -> PrisonerListing:
        """A prisoner's non-associations seen from their side.

        Prisoner search must know the prisoner and everyone they have a
        non-association with (404 otherwise). Without `include_other_prisons`
        only those whose other prisoner has the same prison ID as this one
        are kept, whatever it is (`OUT`, `TRN` or none included). The counts
        follow that filter but not `inclusion`. Sorting puts missing values
        first ascending and last descending.
        """
        with self._lock:
            records = self._records_where(lambda record: record.involves(prisoner_number))
            found = self._search_prisoners(
                [
                    prisoner_number,
                    *(number for record in records for number in record.prisoner_numbers),
                ]
            )
        prisoner = found[prisoner_number]
        if not include_other_prisons:
            records = [
                record
                for record in records
                if found[record.other_than(prisoner_number)].prison_id == prisoner.prison_id
            ]
        entries = [
            (record, found[record.other_than(prisoner_number)])
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
        records = self._records_where(inclusion.admits)
        for attribute, descending in reversed(orders):
            records.sort(
                key=lambda record: (
                    getattr(record, attribute) is None,
                    getattr(record, attribute),
                ),
                reverse=descending,
            )
        return records[page * size : (page + 1) * size], len(records)

    def _both_in_prison(
        self, records: list[NonAssociationRecord], prison_id: str | None
    ) -> list[NonAssociationRecord]:
        """With a prison, only records whose prisoners are both in it; prisoner search must
        know everyone in the records (404 otherwise)."""
        if prison_id is None or not records:
            return records
        found = self._search_prisoners(
            number for record in records for number in record.prisoner_numbers
        )
        return [
            record
            for record in records
            if all(found[number].prison_id == prison_id for number in record.prisoner_numbers)
        ]

    def between(
        self, prisoner_numbers: Iterable[str], *, inclusion: Inclusion, prison_id: str | None
    ) -> list[NonAssociationRecord]:
        """Non-associations with both prisoners in the list (and, if given, in the prison)."""
        wanted = frozenset(prisoner_numbers)
        with self._lock:
            records = self._records_where(
                lambda record: inclusion.admits(record) and record.is_between(wanted)
            )
            return self._both_in_prison(records, prison_id)

    def involving(
        self, prisoner_numbers: Iterable[str], *, inclusion: Inclusion, prison_id: str | None
    ) -> list[NonAssociationRecord]:
        """Non-associations with either prisoner in the list (and, if given, both in the
        prison)."""
        wanted = frozenset(prisoner_numbers)
        with self._lock:
            records = self._records_where(
                lambda record: (
                    inclusion.admits(record)
                    and any(number in wanted for number in record.prisoner_numbers)
                )
            )
            return self._both_in_prison(records, prison_id)

    def subject_access(
        self, prisoner_number: str, *, from_date: date | None, to_date: date | None
    ) -> PrisonerListing | None:
        """A prisoner's open and closed non-associations in all prisons, for a SAR.

        Only those last updated within the dates (inclusive) are listed, but
        the counts cover all of them; None when none are listed. Prisoner
        search must know everyone involved (404 otherwise).
        """
        listing = self.prisoner_listing(
            prisoner_number,
            inclusion=Inclusion(open=True, closed=True),
            include_other_prisons=True,
        )
        entries = [
            entry
            for entry in listing.entries
            if (from_date is None or entry[0].when_updated.date() >= from_date)
            and (to_date is None or entry[0].when_updated.date() <= to_date)
        ]
        return dataclasses.replace(listing, entries=entries) if entries else None
