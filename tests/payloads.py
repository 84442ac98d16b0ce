"""Sample API payloads shared by the tests."""

OPEN_NON_ASSOCIATION = {
    "id": 42,
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "firstPrisonerRoleDescription": "Victim",
    "secondPrisonerNumber": "D5678EF",
    "secondPrisonerRole": "PERPETRATOR",
    "secondPrisonerRoleDescription": "Perpetrator",
    "reason": "BULLYING",
    "reasonDescription": "Bullying",
    "restrictionType": "CELL",
    "restrictionTypeDescription": "Cell only",
    "comment": "Kept apart",
    "whenCreated": "2023-07-21T08:14:21",
    "whenUpdated": "2023-07-21T08:14:21.123456",
    "updatedBy": "OFF3_GEN",
    "isClosed": False,
    "isOpen": True,
    "closedBy": None,
    "closedReason": None,
    "closedAt": None,
}
"""An open non-association as the API sends it: closed fields null, local times."""
