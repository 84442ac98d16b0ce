"""Names a type checker uses to tell open results from closed ones.

At run time each is simply the generated model; for a type checker the open
variants have their closed fields typed None and the closed variants have them
set. The list methods' overloads pick the variant from `include_open` and
`include_closed`, as the Node client's types do.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

from hmpps_non_associations_api_client.models import (
    NonAssociation,
    PageNonAssociation,
    PrisonerNonAssociation,
    PrisonerNonAssociations,
)
from hmpps_non_associations_api_client.types import Unset

__all__ = [
    "ClosedNonAssociation",
    "ClosedNonAssociationsPage",
    "ClosedPrisonerNonAssociation",
    "ClosedPrisonerNonAssociations",
    "OpenNonAssociation",
    "OpenNonAssociationsPage",
    "OpenPrisonerNonAssociation",
    "OpenPrisonerNonAssociations",
]

if TYPE_CHECKING:

    class OpenNonAssociation(NonAssociation):
        is_open: Literal[True]
        is_closed: Literal[False]
        closed_at: None
        closed_by: None
        closed_reason: None

    class ClosedNonAssociation(NonAssociation):
        is_open: Literal[False]
        is_closed: Literal[True]
        closed_at: datetime.datetime
        closed_by: str
        closed_reason: str

    class OpenPrisonerNonAssociation(PrisonerNonAssociation):
        is_open: Literal[True]
        is_closed: Literal[False]
        closed_at: None
        closed_by: None
        closed_reason: None

    class ClosedPrisonerNonAssociation(PrisonerNonAssociation):
        is_open: Literal[False]
        is_closed: Literal[True]
        closed_at: datetime.datetime
        closed_by: str
        closed_reason: str

    # Lists are invariant, so narrowing their item type needs the ignores below.
    class OpenPrisonerNonAssociations(PrisonerNonAssociations):
        non_associations: list[OpenPrisonerNonAssociation]  # type: ignore[assignment]

    class ClosedPrisonerNonAssociations(PrisonerNonAssociations):
        non_associations: list[ClosedPrisonerNonAssociation]  # type: ignore[assignment]

    class OpenNonAssociationsPage(PageNonAssociation):
        content: list[OpenNonAssociation] | Unset  # type: ignore[assignment]

    class ClosedNonAssociationsPage(PageNonAssociation):
        content: list[ClosedNonAssociation] | Unset  # type: ignore[assignment]

else:
    OpenNonAssociation = ClosedNonAssociation = NonAssociation
    OpenPrisonerNonAssociation = ClosedPrisonerNonAssociation = PrisonerNonAssociation
    OpenPrisonerNonAssociations = ClosedPrisonerNonAssociations = PrisonerNonAssociations
    OpenNonAssociationsPage = ClosedNonAssociationsPage = PageNonAssociation
