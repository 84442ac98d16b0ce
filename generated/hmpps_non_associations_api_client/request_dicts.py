"""TypedDicts for the request bodies, in the API's JSON shape.

Written by scripts/request_dicts.py from openapi.json: never edit by hand.
"""

import datetime
from typing import Literal, NotRequired, TypedDict

from .models.reason import Reason
from .models.restriction_type import RestrictionType
from .models.role import Role

__all__ = [
    "CloseNonAssociationRequestDict",
    "CreateNonAssociationRequestDict",
    "DeleteNonAssociationRequestDict",
    "PatchNonAssociationRequestDict",
    "ReopenNonAssociationRequestDict",
]


class CloseNonAssociationRequestDict(TypedDict):
    """`CloseNonAssociationRequest` as a dict in the API's JSON shape."""

    closedReason: str
    closedAt: NotRequired[datetime.datetime | str]
    closedBy: NotRequired[str]


class CreateNonAssociationRequestDict(TypedDict):
    """`CreateNonAssociationRequest` as a dict in the API's JSON shape."""

    firstPrisonerNumber: str
    firstPrisonerRole: (
        Role | Literal["NOT_RELEVANT", "PERPETRATOR", "UNKNOWN", "VICTIM"]
    )
    secondPrisonerNumber: str
    secondPrisonerRole: (
        Role | Literal["NOT_RELEVANT", "PERPETRATOR", "UNKNOWN", "VICTIM"]
    )
    reason: (
        Reason
        | Literal[
            "BULLYING",
            "GANG_RELATED",
            "LEGAL_REQUEST",
            "ORGANISED_CRIME",
            "OTHER",
            "THREAT",
            "VIOLENCE",
        ]
    )
    restrictionType: RestrictionType | Literal["CELL", "LANDING", "WING"]
    comment: str


class DeleteNonAssociationRequestDict(TypedDict):
    """`DeleteNonAssociationRequest` as a dict in the API's JSON shape."""

    deletionReason: str
    staffUserNameRequestingDeletion: str


class PatchNonAssociationRequestDict(TypedDict):
    """`PatchNonAssociationRequest` as a dict in the API's JSON shape."""

    firstPrisonerRole: NotRequired[
        Role | Literal["NOT_RELEVANT", "PERPETRATOR", "UNKNOWN", "VICTIM"]
    ]
    secondPrisonerRole: NotRequired[
        Role | Literal["NOT_RELEVANT", "PERPETRATOR", "UNKNOWN", "VICTIM"]
    ]
    reason: NotRequired[
        Reason
        | Literal[
            "BULLYING",
            "GANG_RELATED",
            "LEGAL_REQUEST",
            "ORGANISED_CRIME",
            "OTHER",
            "THREAT",
            "VIOLENCE",
        ]
    ]
    restrictionType: NotRequired[RestrictionType | Literal["CELL", "LANDING", "WING"]]
    comment: NotRequired[str]


class ReopenNonAssociationRequestDict(TypedDict):
    """`ReopenNonAssociationRequest` as a dict in the API's JSON shape."""

    reopenReason: str
    reopenedAt: NotRequired[datetime.datetime | str]
    reopenedBy: NotRequired[str]
