"""The deterministic data a fresh fake starts with.

Seven prisoners: three in Moorland (MDI), one in Leeds (LEI), one in transfer
(TRN), one released (OUT) and one without a booking; and four non-associations,
one closed.
"""

from __future__ import annotations

from datetime import datetime

from ._stored_records import NonAssociationRecord, Prisoner

__all__ = ["SEED_NON_ASSOCIATIONS", "SEED_PRISONERS"]

_MOORLAND = {"prison_id": "MDI", "prison_name": "Moorland (HMP & YOI)"}
_LEEDS = {"prison_id": "LEI", "prison_name": "Leeds (HMP)"}

SEED_PRISONERS: tuple[Prisoner, ...] = (
    Prisoner.in_prison("A1234BC", "Darren", "Hollis", cell_location="1-1-001", **_MOORLAND),
    Prisoner.in_prison("B2345CD", "Owen", "Marsh", cell_location="1-2-014", **_MOORLAND),
    Prisoner.in_prison("C3456DE", "Callum", "Ashby", cell_location="2-1-007", **_MOORLAND),
    Prisoner.in_prison("D4567EF", "Rhys", "Okafor", cell_location="3-1-022", **_LEEDS),
    Prisoner.in_transfer("E5678FG", "Luke", "Brennan"),
    Prisoner.released(
        "F6789GH", "Aaron", "Pike", prison_name="Outside - released from Leeds (HMP)"
    ),
    Prisoner.without_booking("G7890HJ", "Jamie", "Quinn"),
)
"""Prisoners known to a fresh fake."""

SEED_NON_ASSOCIATIONS: tuple[NonAssociationRecord, ...] = (
    NonAssociationRecord(
        id=1,
        first_prisoner_number="A1234BC",
        first_prisoner_role="PERPETRATOR",
        second_prisoner_number="B2345CD",
        second_prisoner_role="VICTIM",
        reason="THREAT",
        restriction_type="CELL",
        comment="Threats made on the exercise yard",
        authorised_by="SEED_USER",
        when_created=datetime(2023, 7, 21, 8, 14, 21),
        when_updated=datetime(2023, 7, 21, 8, 14, 21),
        updated_by="SEED_USER",
    ),
    NonAssociationRecord(
        id=2,
        first_prisoner_number="D4567EF",
        first_prisoner_role="PERPETRATOR",
        second_prisoner_number="A1234BC",
        second_prisoner_role="VICTIM",
        reason="BULLYING",
        restriction_type="WING",
        comment="Repeated bullying before the move to Leeds",
        authorised_by="SEED_USER",
        when_created=datetime(2023, 9, 4, 14, 2, 5, 120000),
        when_updated=datetime(2023, 10, 1, 9, 30),
        updated_by="OTHER_USER",
    ),
    NonAssociationRecord(
        id=3,
        first_prisoner_number="A1234BC",
        first_prisoner_role="NOT_RELEVANT",
        second_prisoner_number="C3456DE",
        second_prisoner_role="UNKNOWN",
        reason="GANG_RELATED",
        restriction_type="LANDING",
        comment="Rival groups on the same landing",
        authorised_by="SEED_USER",
        when_created=datetime(2023, 3, 2, 11, 0),
        when_updated=datetime(2023, 6, 15, 16, 45),
        updated_by="SEED_USER",
        is_closed=True,
        closed_by="SEED_USER",
        closed_reason="Both moved to separate wings",
        closed_at=datetime(2023, 6, 15, 16, 45),
    ),
    NonAssociationRecord(
        id=4,
        first_prisoner_number="E5678FG",
        first_prisoner_role="VICTIM",
        second_prisoner_number="F6789GH",
        second_prisoner_role="PERPETRATOR",
        reason="VIOLENCE",
        restriction_type="LANDING",
        comment="Assault during association",
        authorised_by="SEED_USER",
        when_created=datetime(2024, 1, 10, 10, 10, 10),
        when_updated=datetime(2024, 1, 10, 10, 10, 10),
        updated_by="SEED_USER",
    ),
)
"""Non-associations in a fresh fake; number 3 is closed."""
