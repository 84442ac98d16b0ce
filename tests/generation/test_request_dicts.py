"""scripts/request_dicts.py: the request bodies' TypedDicts follow openapi.json."""

from __future__ import annotations

import copy
from typing import Any, get_type_hints

import pytest
import request_dicts
from hmpps_non_associations_api_client import request_dicts as generated


def test_every_json_object_body_has_one(project_spec: dict[str, Any]) -> None:
    assert request_dicts.request_schemas(project_spec) == [
        "CloseNonAssociationRequest",
        "CreateNonAssociationRequest",
        "DeleteNonAssociationRequest",
        "PatchNonAssociationRequest",
        "ReopenNonAssociationRequest",
    ]
    assert generated.__all__ == [
        f"{name}Dict" for name in request_dicts.request_schemas(project_spec)
    ]


def test_keys_required_and_optional_are_the_schemas(project_spec: dict[str, Any]) -> None:
    for name in request_dicts.request_schemas(project_spec):
        schema = project_spec["components"]["schemas"][name]
        typed = getattr(generated, f"{name}Dict")
        assert list(get_type_hints(typed)) == list(schema["properties"]), name
        assert typed.__required_keys__ == frozenset(schema.get("required", ())), name


def test_a_new_field_in_the_document_appears(project_spec: dict[str, Any]) -> None:
    changed = copy.deepcopy(project_spec)
    schema = changed["components"]["schemas"]["CloseNonAssociationRequest"]
    schema["properties"]["closedWhere"] = {"type": ["string", "null"]}
    schema["required"].append("closedWhere")
    assert "    closedWhere: str | None\n" in request_dicts.render(changed)


def test_a_type_with_no_translation_fails_loudly(project_spec: dict[str, Any]) -> None:
    changed = copy.deepcopy(project_spec)
    schema = changed["components"]["schemas"]["CloseNonAssociationRequest"]
    schema["properties"]["closedBy"] = {"type": "integer"}
    with pytest.raises(NotImplementedError, match="integer"):
        request_dicts.render(changed)
