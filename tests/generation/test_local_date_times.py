"""The API's date-times, Europe/London local times without an offset, described as such.

openapi.json declares them `format: local-date-time` with a pattern (the rule
normalise.local_date_times), the generated models still hold `datetime.datetime`
(regenerate.generator_input), and requests carry them as local ISO strings.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from typing import Any

import drift
import normalise
import pytest
import regenerate
from hmpps_non_associations_api_client.models import (
    CloseNonAssociationRequest,
    LegacyNonAssociation,
    NonAssociation,
    PrisonerNonAssociation,
    ReopenNonAssociationRequest,
)

PATTERN = re.compile(normalise.LOCAL_DATE_TIME["pattern"])

# Every date-time the API has, by schema; each must be a local date-time in openapi.json.
DATE_TIMES = {
    "CloseNonAssociationRequest": ["closedAt"],
    "ReopenNonAssociationRequest": ["reopenedAt"],
    "NonAssociation": ["whenCreated", "whenUpdated", "closedAt"],
    "PrisonerNonAssociation": ["whenCreated", "whenUpdated", "closedAt"],
    "LegacyNonAssociation": ["effectiveDate", "expiryDate"],
}
COUNT = sum(len(props) for props in DATE_TIMES.values())


def formats(doc: dict[str, Any]) -> list[str]:
    return [s["format"] for _, s in normalise.all_schemas(doc) if "format" in s]


def test_openapi_json_has_no_rfc3339_date_times(project_spec: dict[str, Any]) -> None:
    assert "date-time" not in formats(project_spec)
    schemas = project_spec["components"]["schemas"]
    found = {
        name: props
        for name, schema in schemas.items()
        if (
            props := [
                prop
                for prop, node in schema.get("properties", {}).items()
                if node.get("format") == "local-date-time"
            ]
        )
    }
    assert found == DATE_TIMES
    for name, props in DATE_TIMES.items():
        for prop in props:
            node = schemas[name]["properties"][prop]
            assert {k: node[k] for k in normalise.LOCAL_DATE_TIME} == normalise.LOCAL_DATE_TIME


def test_the_rule_turns_every_upstream_date_time(reference_doc: dict[str, Any]) -> None:
    """Upstream says RFC 3339 `date-time` (the quirk); normalised, none is left."""
    assert formats(reference_doc).count("date-time") >= COUNT
    normalised = normalise.normalise(reference_doc)
    assert "date-time" not in formats(normalised)
    assert formats(normalised).count("local-date-time") == COUNT


@pytest.mark.parametrize(
    "text",
    [
        "2024-02-12T09:15:00",
        "2024-02-12T09:15:00.123456",
        "2024-02-12T09:15:00.1",
        "2024-02-12T09:15:00.123456789",
    ],
)
def test_pattern_takes_local_times(text: str) -> None:
    assert PATTERN.search(text)
    assert datetime.datetime.fromisoformat(text).tzinfo is None


@pytest.mark.parametrize(
    "text",
    [
        "2024-02-12T09:15:00+00:00",
        "2024-02-12T09:15:00.123456+01:00",
        "2024-02-12T09:15:00Z",
        "2024-02-12T09:15",
        "2024-02-12",
        "2024-02-12 09:15:00",
        "2024-02-12T09:15:00.",
        "2024-02-12T09:15:00.1234567890",
        "now",
        "",
    ],
)
def test_pattern_refuses_anything_else(text: str) -> None:
    assert not PATTERN.search(text)


def test_generator_sees_date_times(project_spec: dict[str, Any]) -> None:
    """So the models keep datetime fields: the generator is given `date-time` for them,
    and nothing else in the document changes."""
    given = json.loads(regenerate.generator_input(json.dumps(project_spec)))

    assert formats(given).count("date-time") == COUNT
    assert "local-date-time" not in formats(given)
    expected = copy.deepcopy(project_spec)
    for _, schema in normalise.all_schemas(expected):
        if schema.get("format") == "local-date-time":
            schema["format"] = "date-time"
    assert given == expected


def test_models_hold_datetimes() -> None:
    for model in (NonAssociation, PrisonerNonAssociation):
        for name in ("when_created", "when_updated", "closed_at"):
            assert "datetime.datetime" in str(model.__annotations__[name])
    assert "datetime.datetime" in str(LegacyNonAssociation.__annotations__["effective_date"])
    legacy = LegacyNonAssociation.__annotations__["expiry_date"]
    assert "datetime.datetime" in str(legacy)


def test_requests_carry_local_iso_strings() -> None:
    closed = CloseNonAssociationRequest(
        closed_reason="r", closed_at=datetime.datetime(2024, 5, 1, 14, 0, 0, 120000)
    )
    reopened = ReopenNonAssociationRequest(
        reopen_reason="r", reopened_at=datetime.datetime(2024, 6, 3, 10, 0)
    )

    assert closed.to_dict()["closedAt"] == "2024-05-01T14:00:00.120000"
    assert reopened.to_dict()["reopenedAt"] == "2024-06-03T10:00:00"
    assert PATTERN.search(closed.to_dict()["closedAt"])
    assert PATTERN.search(reopened.to_dict()["reopenedAt"])


def test_drift_sees_no_change_from_the_format_alone(
    reference_doc: dict[str, Any], project_spec: dict[str, Any]
) -> None:
    assert drift.compare(project_spec, normalise.normalise(reference_doc)) == []


def test_drift_sees_a_date_time_turned_into_something_else(
    reference_doc: dict[str, Any], project_spec: dict[str, Any]
) -> None:
    live = copy.deepcopy(reference_doc)
    live["components"]["schemas"]["NonAssociation"]["properties"]["whenCreated"]["format"] = "date"
    changes = drift.compare(project_spec, normalise.normalise(live))
    assert [(c["change"], c["where"], c["detail"]) for c in changes] == [
        (
            "property retyped",
            "NonAssociation.whenCreated",
            "string(local-date-time) -> string(date)",
        )
    ]
