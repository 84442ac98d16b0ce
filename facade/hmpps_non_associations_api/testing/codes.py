"""The API's code lists with their display text (the client's own constants), and the
legacy NOMIS mappings."""

from __future__ import annotations

from ..constants import reason_options, restriction_type_options, role_options

__all__ = [
    "LEGACY_REASON_DESCRIPTIONS",
    "LEGACY_REASON_FOR_ROLE",
    "LEGACY_TYPES",
    "REASONS",
    "RESTRICTION_TYPES",
    "ROLES",
]

ROLES: dict[str, str] = {role.value: text for role, text in role_options.items()}
"""A prisoner's part in a non-association: code to display text, in API order."""

REASONS: dict[str, str] = {reason.value: text for reason, text in reason_options.items()}
"""Why prisoners are kept apart: code to display text, in API order."""

RESTRICTION_TYPES: dict[str, str] = {
    kind.value: text for kind, text in restriction_type_options.items()
}
"""How far apart prisoners are kept: code to display text, in API order."""

LEGACY_REASON_FOR_ROLE: dict[str, str] = {
    "VICTIM": "VIC",
    "PERPETRATOR": "PER",
    "NOT_RELEVANT": "NOT_REL",
    "UNKNOWN": "UNKNOWN",
}
"""The NOMIS reason code shown for each role in the legacy record."""

LEGACY_REASON_DESCRIPTIONS: dict[str, str] = {
    "BUL": "Bullying",
    "PER": "Perpetrator",
    "RIV": "Rival gang",
    "VIC": "Victim",
    "NOT_REL": "Not relevant",
    "UNKNOWN": "Unknown",
}
"""Display text of each NOMIS reason code."""

LEGACY_TYPES: dict[str, tuple[str, str]] = {
    "CELL": ("CELL", "Do Not Locate in Same Cell"),
    "LANDING": ("LAND", "Do Not Locate on Same Landing"),
    "WING": ("WING", "Do Not Locate on Same Wing"),
}
"""The NOMIS type code and its display text for each restriction type."""
