"""The exported code lists: every code the API has, with the API's display text."""

from __future__ import annotations

from hmpps_non_associations_api import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    ErrorCode,
    Reason,
    RestrictionType,
    Role,
    SortBy,
    SortDirection,
    reason_options,
    restriction_type_options,
    role_options,
    sort_by_options,
    sort_direction_options,
    system_users,
)


def test_code_lists_match_the_api() -> None:
    assert dict(role_options) == {
        "VICTIM": "Victim",
        "PERPETRATOR": "Perpetrator",
        "NOT_RELEVANT": "Not relevant",
        "UNKNOWN": "Unknown",
    }
    assert dict(reason_options) == {
        "BULLYING": "Bullying",
        "GANG_RELATED": "Gang related",
        "ORGANISED_CRIME": "Organised crime",
        "LEGAL_REQUEST": "Police or legal request",
        "THREAT": "Threat",
        "VIOLENCE": "Violence",
        "OTHER": "Other",
    }
    assert dict(restriction_type_options) == {
        "CELL": "Cell only",
        "LANDING": "Cell and landing",
        "WING": "Cell, landing and wing",
    }


def test_every_enum_member_has_display_text() -> None:
    for kind, options in (
        (Role, role_options),
        (Reason, reason_options),
        (RestrictionType, restriction_type_options),
        (SortBy, sort_by_options),
        (SortDirection, sort_direction_options),
    ):
        assert set(options) == set(kind), kind
        assert all(options.values())


def test_error_codes_and_limits() -> None:
    assert sorted(code.value for code in ErrorCode) == [100, 101, 102, 103, 104, 401, 404]
    assert (DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) == (20, 200)
    assert "NON_ASSOCIATIONS_API" in system_users and len(system_users) == 6
