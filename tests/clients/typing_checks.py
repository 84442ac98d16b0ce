"""Checked by mypy in test_typing.py, never run: the overloads pick open or closed results."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from typing import NoReturn, assert_type

from hmpps_non_associations_api import (
    AsyncNonAssociationsApi,
    ByPrisoner,
    ClosedNonAssociation,
    ClosedNonAssociationsPage,
    ClosedPrisonerNonAssociations,
    CreateNonAssociationRequestDict,
    LocationGroups,
    NonAssociation,
    NonAssociationsApi,
    OpenNonAssociation,
    OpenNonAssociationsPage,
    OpenPrisonerNonAssociations,
    PageNonAssociation,
    PrisonerNonAssociations,
    Reason,
    Role,
    prisoner_pair,
)


def sync_results(api: NonAssociationsApi) -> None:
    assert_type(api.list_non_associations("A1234BC"), OpenPrisonerNonAssociations)
    closed = api.list_non_associations("A1234BC", include_open=False, include_closed=True)
    assert_type(closed, ClosedPrisonerNonAssociations)
    assert_type(closed.non_associations[0].closed_at, datetime.datetime)
    both = api.list_non_associations("A1234BC", include_closed=True)
    assert_type(both, PrisonerNonAssociations)
    assert_type(
        api.list_non_associations("A1234BC", include_open=False, include_closed=False), NoReturn
    )

    between = api.list_non_associations_between(["A1234BC", "B2345CD"])
    assert_type(between, list[OpenNonAssociation])
    assert_type(between[0].closed_at, None)
    assert_type(
        api.list_non_associations_involving(["A1234BC"], include_open=False, include_closed=True),
        list[ClosedNonAssociation],
    )
    assert_type(
        api.list_non_associations_between(["A1234BC", "B2345CD"], include_closed=True),
        list[NonAssociation],
    )

    with_prisoner = api.non_associations_with("A1234BC", ["B2345CD"])
    assert_type(with_prisoner, ByPrisoner[OpenNonAssociation])
    assert_type(with_prisoner["B2345CD"][0].closed_at, None)
    assert_type(
        api.non_associations_by_prisoner(["A1234BC"], include_closed=True),
        ByPrisoner[NonAssociation],
    )
    assert_type(api.group_by_location(api.list_non_associations("A1234BC")), LocationGroups)
    assert_type(prisoner_pair(between[0]), tuple[str, str])

    assert_type(api.paged_non_associations(), OpenNonAssociationsPage)
    assert_type(
        api.paged_non_associations(include_open=False, include_closed=True),
        ClosedNonAssociationsPage,
    )
    assert_type(api.paged_non_associations(include_closed=True), PageNonAssociation)
    assert_type(api.iter_non_associations(), Iterator[OpenNonAssociation])
    flag: bool = True
    assert_type(api.iter_non_associations(include_closed=flag), Iterator[NonAssociation])
    assert_type(api.close_non_association(1, {"closedReason": "r"}), ClosedNonAssociation)
    assert_type(api.reopen_non_association(1, {"reopenReason": "r"}), OpenNonAssociation)
    delete = {"deletionReason": "r", "staffUserNameRequestingDeletion": "U"}
    assert_type(api.delete_non_association(1, delete), None)


def request_dicts(api: NonAssociationsApi) -> None:
    """A literal dict is held to its request's TypedDict: mypy --strict reports each
    line marked `type: ignore` (and, with warn_unused_ignores, would report the mark if
    the line were accepted)."""
    api.update_non_association(1, {"restrictionType": "WING", "reason": Reason.THREAT})
    api.close_non_association(1, {"closedReason": "r", "closedAt": datetime.datetime.now()})
    api.reopen_non_association(1, {"reopenReason": "r", "reopenedAt": "2024-01-02T03:04:05"})
    api.update_non_association(1, {"reasn": "THREAT"})  # type: ignore[arg-type]
    api.close_non_association(1, {"closedReason": 5})  # type: ignore[arg-type]
    api.update_non_association(1, {"restrictionType": "FLOOR"})  # type: ignore[arg-type]
    api.create_non_association({"firstPrisonerNumber": "A1234BC"})  # type: ignore[arg-type]
    body: CreateNonAssociationRequestDict = {
        "firstPrisonerNumber": "A1234BC",
        "firstPrisonerRole": Role.VICTIM,
        "secondPrisonerNumber": "B2345CD",
        "secondPrisonerRole": "PERPETRATOR",
        "reason": "THREAT",
        "restrictionType": "CELL",
        "comment": "Seen together",
    }
    assert_type(api.create_non_association(body), NonAssociation)


async def async_results(api: AsyncNonAssociationsApi) -> None:
    assert_type(await api.list_non_associations("A1234BC"), OpenPrisonerNonAssociations)
    closed = await api.list_non_associations_between(
        ["A1234BC", "B2345CD"], include_open=False, include_closed=True
    )
    assert_type(closed, list[ClosedNonAssociation])
    assert_type(await api.non_associations_by_prisoner(["A1234BC"]), ByPrisoner[OpenNonAssociation])
    assert_type(await api.paged_non_associations(include_closed=True), PageNonAssociation)
    assert_type(api.iter_non_associations(), AsyncIterator[OpenNonAssociation])
    assert_type(
        api.iter_non_associations(include_open=False, include_closed=True),
        AsyncIterator[ClosedNonAssociation],
    )
