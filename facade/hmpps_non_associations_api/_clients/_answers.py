"""The questions services ask of the API, answered from its replies without I/O: which
candidates have a non-association with a prisoner, which prisoners are in any, where the
other prisoners of a prisoner's list are, and a pair's identity.

Every answer that is a mapping holds every prisoner asked about as a key, an empty list
when there is nothing, so "no key" can never be read as "no non-association"; and keys
are looked up without case, so `answer.get("a1234bc", [])` finds `A1234BC`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

import attrs
from hmpps_non_associations_api_client.models import (
    LegacyNonAssociation,
    NonAssociation,
    PrisonerNonAssociation,
    PrisonerNonAssociations,
)

__all__ = [
    "OUTSIDE_PRISON_ID",
    "TRANSFER_PRISON_ID",
    "ByPrisoner",
    "LocationGroups",
    "group_by_location",
    "involving_each",
    "prisoner_pair",
    "with_prisoner",
]

TRANSFER_PRISON_ID = "TRN"
"""The prison ID prisoner search gives a prisoner moving between prisons."""
OUTSIDE_PRISON_ID = "OUT"
"""The prison ID prisoner search gives a prisoner who has been released."""

_NOT_IN_A_PRISON = frozenset({TRANSFER_PRISON_ID, OUTSIDE_PRISON_ID})

_Item = TypeVar("_Item")


class ByPrisoner(Mapping[str, list[_Item]]):
    """Non-associations by prisoner number: every prisoner asked about is a key (with an
    empty list when there is none), keys are upper-case, and a lookup ignores case."""

    __slots__ = ("_items",)

    def __init__(self, items: dict[str, list[_Item]]) -> None:
        self._items = items

    def __getitem__(self, prisoner_number: str) -> list[_Item]:
        key = prisoner_number.upper() if isinstance(prisoner_number, str) else prisoner_number
        try:
            return self._items[key]
        except KeyError:
            raise KeyError(f"{prisoner_number} was not among the prisoners asked about") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"ByPrisoner({self._items!r})"

    def found(self) -> list[str]:
        """The prisoners with at least one non-association, in the order asked."""
        return [number for number, items in self._items.items() if items]


def with_prisoner(
    prisoner_number: str, candidates: Sequence[str]
) -> Callable[[list[NonAssociation]], ByPrisoner[NonAssociation]]:
    """What `non_associations_with` makes of a `between` reply: each candidate's
    non-associations with the prisoner (the reply also holds those among candidates)."""

    def shape(items: list[NonAssociation]) -> ByPrisoner[NonAssociation]:
        found: dict[str, list[NonAssociation]] = {candidate: [] for candidate in candidates}
        for item in items:
            first, second = _numbers(item)
            if first == prisoner_number and second in found:
                found[second].append(item)
            elif second == prisoner_number and first in found:
                found[first].append(item)
        return ByPrisoner(found)

    return shape


def involving_each(
    prisoner_numbers: Sequence[str],
) -> Callable[[list[NonAssociation]], ByPrisoner[NonAssociation]]:
    """What `non_associations_by_prisoner` makes of an `involving` reply: each
    prisoner's non-associations (one between two of them is in both lists)."""

    def shape(items: list[NonAssociation]) -> ByPrisoner[NonAssociation]:
        found: dict[str, list[NonAssociation]] = {number: [] for number in prisoner_numbers}
        for item in items:
            for number in dict.fromkeys(_numbers(item)):
                if number in found:
                    found[number].append(item)
        return ByPrisoner(found)

    return shape


def _numbers(item: NonAssociation) -> tuple[str, str]:
    """The first and second prisoner numbers, upper-cased: the service stores them so,
    and a record that somehow is not must still be matched."""
    return item.first_prisoner_number.upper(), item.second_prisoner_number.upper()


def prisoner_pair(item: NonAssociation | LegacyNonAssociation) -> tuple[str, str]:
    """The pair's two prisoner numbers, upper-case and sorted: the same value whichever
    prisoner is first, for comparing pairs (a reconciliation with NOMIS, say) or as a
    dict key."""
    if isinstance(item, LegacyNonAssociation):
        numbers = (item.offender_no.upper(), item.offender_non_association.offender_no.upper())
    else:
        numbers = _numbers(item)
    first, second = sorted(numbers)
    return first, second


@attrs.frozen
class LocationGroups:
    """A prisoner's non-associations by where the other prisoner is, as the
    non-associations UI shows them: in the same prison, in other prisons, and outside
    any (in transfer, released, or with no prison)."""

    same_prison: list[PrisonerNonAssociation]
    other_prisons: list[PrisonerNonAssociation]
    outside: list[PrisonerNonAssociation]


def _in_a_prison(prison_id: object) -> bool:
    return isinstance(prison_id, str) and bool(prison_id) and prison_id not in _NOT_IN_A_PRISON


def group_by_location(listing: PrisonerNonAssociations) -> LocationGroups:
    """The listing's non-associations grouped by where the other prisoner is. One whose
    prison is `TRN` (in transfer), `OUT` (released) or missing is `outside`. When the
    listed prisoner is not in a prison themselves, nothing is in `same_prison` and every
    other prisoner in a prison is in `other_prisons`. Order within a group is the
    listing's. Group a listing made with `include_other_prisons=True`: without it the
    API leaves out everyone in another prison or none."""
    here = listing.prison_id if _in_a_prison(listing.prison_id) else None
    same: list[PrisonerNonAssociation] = []
    other: list[PrisonerNonAssociation] = []
    outside: list[PrisonerNonAssociation] = []
    for item in listing.non_associations:
        prison_id = item.other_prisoner_details.prison_id
        if not _in_a_prison(prison_id):
            outside.append(item)
        elif here is not None and prison_id == here:
            same.append(item)
        else:
            other.append(item)
    return LocationGroups(same, other, outside)
