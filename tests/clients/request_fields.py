"""Every field of every request body, with the rule it follows, and a valid request of
each kind: shared by the rule-by-rule tests and the generated-input ones."""

from __future__ import annotations

from typing import Any

from hmpps_non_associations_api import (
    CloseNonAssociationRequest,
    CreateNonAssociationRequest,
    DeleteNonAssociationRequest,
    PatchNonAssociationRequest,
    Reason,
    ReopenNonAssociationRequest,
    RestrictionType,
    Role,
)

TEXT, USER, NUMBER, TIME = "text", "username", "prisoner number", "date-time"

FIELDS: list[tuple[type, str, str, bool, Any]] = [
    # (model, JSON key, model attribute, required, rule)
    (CreateNonAssociationRequest, "firstPrisonerNumber", "first_prisoner_number", True, NUMBER),
    (CreateNonAssociationRequest, "firstPrisonerRole", "first_prisoner_role", True, Role),
    (CreateNonAssociationRequest, "secondPrisonerNumber", "second_prisoner_number", True, NUMBER),
    (CreateNonAssociationRequest, "secondPrisonerRole", "second_prisoner_role", True, Role),
    (CreateNonAssociationRequest, "reason", "reason", True, Reason),
    (CreateNonAssociationRequest, "restrictionType", "restriction_type", True, RestrictionType),
    (CreateNonAssociationRequest, "comment", "comment", True, TEXT),
    (PatchNonAssociationRequest, "firstPrisonerRole", "first_prisoner_role", False, Role),
    (PatchNonAssociationRequest, "secondPrisonerRole", "second_prisoner_role", False, Role),
    (PatchNonAssociationRequest, "reason", "reason", False, Reason),
    (PatchNonAssociationRequest, "restrictionType", "restriction_type", False, RestrictionType),
    (PatchNonAssociationRequest, "comment", "comment", False, TEXT),
    (CloseNonAssociationRequest, "closedReason", "closed_reason", True, TEXT),
    (CloseNonAssociationRequest, "closedAt", "closed_at", False, TIME),
    (CloseNonAssociationRequest, "closedBy", "closed_by", False, USER),
    (ReopenNonAssociationRequest, "reopenReason", "reopen_reason", True, TEXT),
    (ReopenNonAssociationRequest, "reopenedAt", "reopened_at", False, TIME),
    (ReopenNonAssociationRequest, "reopenedBy", "reopened_by", False, USER),
    (DeleteNonAssociationRequest, "deletionReason", "deletion_reason", True, TEXT),
    (
        DeleteNonAssociationRequest,
        "staffUserNameRequestingDeletion",
        "staff_user_name_requesting_deletion",
        True,
        USER,
    ),
]

# A full valid request of each kind.
VALID: dict[type, dict[str, Any]] = {
    CreateNonAssociationRequest: {
        "firstPrisonerNumber": "A1234BC",
        "firstPrisonerRole": "VICTIM",
        "secondPrisonerNumber": "B2345CD",
        "secondPrisonerRole": "PERPETRATOR",
        "reason": "BULLYING",
        "restrictionType": "CELL",
        "comment": "Threats made in the exercise yard",
    },
    PatchNonAssociationRequest: {
        "firstPrisonerRole": "UNKNOWN",
        "secondPrisonerRole": "NOT_RELEVANT",
        "reason": "THREAT",
        "restrictionType": "WING",
        "comment": "Threats repeated on the wing",
    },
    CloseNonAssociationRequest: {
        "closedReason": "Both now on separate sites",
        "closedAt": "2024-05-01T14:00:00",
        "closedBy": "KWALSH_GEN",
    },
    ReopenNonAssociationRequest: {
        "reopenReason": "Back on the same site",
        "reopenedAt": "2024-06-03T10:00:00",
        "reopenedBy": "KWALSH_GEN",
    },
    DeleteNonAssociationRequest: {
        "deletionReason": "Entered against the wrong prisoner",
        "staffUserNameRequestingDeletion": "KWALSH_GEN",
    },
}
