"""The API's code lists as the fake uses them: the generated enums, the client's display
texts, and the legacy NOMIS codes the legacy record translates to."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from hmpps_non_associations_api_client.models import (
    LegacyReasonCode,
    LegacyTypeCode,
    Reason,
    RestrictionType,
    Role,
)

from .._spec._constants import reason_options, restriction_type_options, role_options

__all__ = [
    "LEGACY_REASON_DESCRIPTIONS",
    "LEGACY_TYPES",
    "LEGACY_TYPE_DESCRIPTIONS",
    "REASONS",
    "RESTRICTION_TYPES",
    "ROLES",
    "known_values",
    "legacy_reasons",
]


def known_values(kind: type[enum.Enum]) -> tuple[str, ...]:
    """The values an enum declares, in order; asked of its declared members only, so a
    value the enum would take as an unknown one never counts as known."""
    return tuple(str(member.value) for member in kind.__members__.values())


ROLES: Mapping[str, str] = MappingProxyType(
    {role.value: text for role, text in role_options.items()}
)
"""A prisoner's part in a non-association: code to display text, in API order."""

REASONS: Mapping[str, str] = MappingProxyType(
    {reason.value: text for reason, text in reason_options.items()}
)
"""Why prisoners are kept apart: code to display text, in API order."""

RESTRICTION_TYPES: Mapping[str, str] = MappingProxyType(
    {kind.value: text for kind, text in restriction_type_options.items()}
)
"""How far apart prisoners are kept: code to display text, in API order."""

LEGACY_REASON_DESCRIPTIONS: Mapping[LegacyReasonCode, str] = MappingProxyType(
    {
        LegacyReasonCode.BUL: "Anti Bullying Strategy",
        LegacyReasonCode.PER: "Perpetrator",
        LegacyReasonCode.RIV: "Rival Gang",
        LegacyReasonCode.VIC: "Victim",
        LegacyReasonCode.NOT_REL: "Not relevant",
        LegacyReasonCode.UNKNOWN: "Unknown",
    }
)
"""Display text of each NOMIS reason code, as the legacy record gives it."""

LEGACY_TYPES: Mapping[str, LegacyTypeCode] = MappingProxyType(
    {
        RestrictionType.CELL.value: LegacyTypeCode.CELL,
        RestrictionType.LANDING.value: LegacyTypeCode.LAND,
        RestrictionType.WING.value: LegacyTypeCode.WING,
    }
)
"""The NOMIS type code of each restriction type."""

LEGACY_TYPE_DESCRIPTIONS: Mapping[LegacyTypeCode, str] = MappingProxyType(
    {
        LegacyTypeCode.CELL: "Do Not Locate in Same Cell",
        LegacyTypeCode.LAND: "Do Not Locate on Same Landing",
        LegacyTypeCode.WING: "Do Not Locate on Same Wing",
    }
)
"""Display text of each NOMIS type code."""

_LEGACY_FOR_REASON: Mapping[str, LegacyReasonCode] = MappingProxyType(
    {Reason.BULLYING.value: LegacyReasonCode.BUL, Reason.GANG_RELATED.value: LegacyReasonCode.RIV}
)
_LEGACY_FOR_ROLE: Mapping[str, LegacyReasonCode] = MappingProxyType(
    {
        Role.VICTIM.value: LegacyReasonCode.VIC,
        Role.PERPETRATOR.value: LegacyReasonCode.PER,
        Role.NOT_RELEVANT.value: LegacyReasonCode.NOT_REL,
        Role.UNKNOWN.value: LegacyReasonCode.UNKNOWN,
    }
)


def legacy_reasons(
    reason: str, first_role: str, second_role: str
) -> tuple[LegacyReasonCode, LegacyReasonCode]:
    """Each prisoner's NOMIS reason code. Bullying and gang-related non-associations give
    both prisoners the reason's own code; any other reason gives each their role's."""
    shared = _LEGACY_FOR_REASON.get(reason)
    if shared is not None:
        return shared, shared
    return _LEGACY_FOR_ROLE[first_role], _LEGACY_FOR_ROLE[second_role]
