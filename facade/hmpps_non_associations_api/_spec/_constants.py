"""Code lists with display text, paging limits and the API's own system usernames."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from hmpps_non_associations_api_client.models import (
    Reason,
    RestrictionType,
    Role,
    SortBy,
    SortDirection,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "reason_options",
    "restriction_type_options",
    "role_options",
    "sort_by_options",
    "sort_direction_options",
    "system_users",
]

role_options: Final[Mapping[Role, str]] = MappingProxyType(
    {
        Role.VICTIM: "Victim",
        Role.PERPETRATOR: "Perpetrator",
        Role.NOT_RELEVANT: "Not relevant",
        Role.UNKNOWN: "Unknown",
    }
)

reason_options: Final[Mapping[Reason, str]] = MappingProxyType(
    {
        Reason.BULLYING: "Bullying",
        Reason.GANG_RELATED: "Gang related",
        Reason.ORGANISED_CRIME: "Organised crime",
        Reason.LEGAL_REQUEST: "Police or legal request",
        Reason.THREAT: "Threat",
        Reason.VIOLENCE: "Violence",
        Reason.OTHER: "Other",
    }
)

restriction_type_options: Final[Mapping[RestrictionType, str]] = MappingProxyType(
    {
        RestrictionType.CELL: "Cell only",
        RestrictionType.LANDING: "Cell and landing",
        RestrictionType.WING: "Cell, landing and wing",
    }
)

sort_by_options: Final[Mapping[SortBy, str]] = MappingProxyType(
    {
        SortBy.WHEN_CREATED: "Date created",
        SortBy.WHEN_UPDATED: "Date updated",
        SortBy.WHEN_CLOSED: "Date closed",
        SortBy.LAST_NAME: "Last name",
        SortBy.FIRST_NAME: "First name",
        SortBy.PRISONER_NUMBER: "Prison number",
        SortBy.PRISON_ID: "Prison ID",
        SortBy.PRISON_NAME: "Prison name",
        SortBy.CELL_LOCATION: "Cell location",
    }
)

sort_direction_options: Final[Mapping[SortDirection, str]] = MappingProxyType(
    {SortDirection.ASC: "Ascending", SortDirection.DESC: "Descending"}
)

system_users: Final[tuple[str, ...]] = (
    "NON_ASSOCIATIONS_API",
    "PRISONER_MANAGER_API",
    "hmpps-prisoner-from-nomis-migration-non-associations",
    "hmpps-prisoner-from-nomis-migration-non-associations-1",
    "hmpps-prisoner-to-nomis-update-non-associations",
    "hmpps-prisoner-to-nomis-update-non-associations-1",
)
"""Usernames the API and its NOMIS synchronisation write into authorisedBy, updatedBy
and closedBy, rather than a member of staff."""

DEFAULT_PAGE_SIZE: Final = 20
MAX_PAGE_SIZE: Final = 200
