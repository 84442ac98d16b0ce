"""The generator of the compiled reply readers refuses a stale null policy."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import reply_decoders

from tests.generation.schema_samples import SCHEMAS


@pytest.mark.parametrize(
    ("schema", "field", "change", "problem"),
    [
        ("PrisonerNonAssociations", "firstName", "optional", "may be absent or null already"),
        ("OtherPrisonerDetails", "firstName", "nullable", "may be absent or null already"),
        ("NonAssociation", "comment", "date-time", "is not a plain string"),
        ("NonAssociation", "comment", "enum", "is not a plain string"),
    ],
)
def test_a_field_the_policy_no_longer_fits_stops_generation(
    schema: str, field: str, change: str, problem: str
) -> None:
    """Each listed field must be a required, non-nullable plain string: once the document
    makes it optional or nullable the entry is stale, and a None in a date or an enum
    would break the model's `to_dict()`."""
    schemas: dict[str, Any] = copy.deepcopy(SCHEMAS)
    target = schemas[schema]
    if change == "optional":
        target["required"].remove(field)
    elif change == "nullable":
        target["properties"][field]["type"] = ["string", "null"]
    elif change == "date-time":
        target["properties"][field]["format"] = "local-date-time"
    else:
        target["properties"][field] = {"$ref": "#/components/schemas/Role"}
    with pytest.raises(ValueError, match=f"^{schema}.{field} {problem}"):
        reply_decoders._check_lenient(schemas)


def test_the_policy_fits_the_document() -> None:
    reply_decoders._check_lenient(SCHEMAS)
