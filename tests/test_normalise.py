"""Each normalisation rule fixes the upstream quirk it names (reference README, 1-6)."""

from __future__ import annotations

import json
from typing import Any

import normalise
import pytest

from tests.conftest import ROOT

GENERATED = ROOT / "generated" / "hmpps_non_associations_api_client"


@pytest.fixture
def normalised(reference_doc: dict[str, Any]) -> dict[str, Any]:
    return normalise.normalise(reference_doc)


def all_enums(doc: dict[str, Any]) -> list[list[Any]]:
    return [s["enum"] for _, s in normalise.all_schemas(doc) if "enum" in s]


def test_reference_has_the_quirks(reference_doc: dict[str, Any]) -> None:
    """Guard: the fixes below are only meaningful while the raw document has the problems."""
    assert any(len(e) != len(set(e)) for e in all_enums(reference_doc))
    close = reference_doc["components"]["schemas"]["CloseNonAssociationRequest"]
    assert close["properties"]["closedAt"]["default"] == "now"
    assert "*/*" in json.dumps(reference_doc)
    assert any(p.startswith("/queue-admin/") for p in reference_doc["paths"])


def test_enum_values_are_unique(normalised: dict[str, Any]) -> None:
    assert all(len(e) == len(set(e)) for e in all_enums(normalised))


def test_now_defaults_are_gone_and_bodies_kept(normalised: dict[str, Any]) -> None:
    schemas = normalised["components"]["schemas"]
    assert "default" not in schemas["CloseNonAssociationRequest"]["properties"]["closedAt"]
    assert "default" not in schemas["ReopenNonAssociationRequest"]["properties"]["reopenedAt"]
    for path in ("/non-associations/{id}/close", "/non-associations/{id}/reopen"):
        body = normalised["paths"][path]["put"]["requestBody"]["content"]["application/json"]
        assert body["schema"]["$ref"].endswith("NonAssociationRequest")


def test_prison_id_has_no_string_null_default(normalised: dict[str, Any]) -> None:
    for path in ("/non-associations/between", "/non-associations/involving"):
        params = {p["name"]: p for p in normalised["paths"][path]["post"]["parameters"]}
        assert "default" not in params["prisonId"]["schema"]


@pytest.mark.parametrize(
    ("schema", "prop"),
    [(s, p) for s, props in normalise.NULLABLE.items() for p in props],
)
def test_null_in_practice_is_nullable(normalised: dict[str, Any], schema: str, prop: str) -> None:
    node = normalised["components"]["schemas"][schema]["properties"][prop]
    assert "null" in node["type"]


def test_enums_are_shared_components(normalised: dict[str, Any]) -> None:
    schemas = normalised["components"]["schemas"]
    assert schemas["Role"]["enum"] == ["VICTIM", "PERPETRATOR", "NOT_RELEVANT", "UNKNOWN"]
    assert schemas["RestrictionType"]["enum"] == ["CELL", "LANDING", "WING"]
    assert schemas["LegacyReasonCode"]["enum"] == ["BUL", "PER", "RIV", "VIC", "NOT_REL", "UNKNOWN"]
    assert schemas["LegacyTypeCode"]["enum"] == ["CELL", "LAND", "WING"]
    assert len(schemas["SortBy"]["enum"]) == 9
    assert schemas["SortDirection"]["enum"] == ["ASC", "DESC"]
    enum_nodes = [id(s) for _, s in normalise.all_schemas(normalised) if "enum" in s]
    assert sorted(enum_nodes) == sorted(id(schemas[name]) for name in normalise.ENUM_FIELDS)
    na = schemas["NonAssociation"]["properties"]
    assert na["firstPrisonerRole"]["$ref"] == na["secondPrisonerRole"]["$ref"]
    enum_modules = sorted(
        p.stem for p in (GENERATED / "models").glob("*.py") if "(StrEnum)" in p.read_text()
    )
    assert enum_modules == [
        "legacy_reason_code",
        "legacy_type_code",
        "reason",
        "restriction_type",
        "role",
        "sort_by",
        "sort_direction",
    ]


def test_error_responses_are_json(normalised: dict[str, Any]) -> None:
    assert "*/*" not in json.dumps(normalised)
    for _, _, op in normalise.operations(normalised):
        for status, response in op["responses"].items():
            if status.startswith(("4", "5")):
                assert set(response["content"]) == {"application/json"}


def test_only_the_client_surface_remains(normalised: dict[str, Any]) -> None:
    assert sorted(op["operationId"] for _, _, op in normalise.operations(normalised)) == sorted(
        [
            "constants",
            "getPrisonerNonAssociations",
            "getNonAssociations",
            "getNonAssociation",
            "getNonAssociationsBetweenPrisoners",
            "getNonAssociationsInvolvingPrisoners",
            "createNonAssociation",
            "patchNonAssociation",
            "closeNonAssociation",
            "reopenNonAssociation",
            "deleteNonAssociation",
            "getLegacyById",
            "getSarContentByReference",
        ]
    )
    referenced = set(normalise.refs_in(normalised["paths"]))
    for name in normalised["components"]["schemas"]:
        reachable = name in referenced or any(
            name in set(normalise.refs_in(s)) for s in normalised["components"]["schemas"].values()
        )
        assert reachable, name
    assert "DlqMessage" not in normalised["components"]["schemas"]
    assert list(normalised["components"]["securitySchemes"]) == ["bearer-jwt"]
    assert "license" not in normalised["info"]


def test_server_filled_fields_are_optional(normalised: dict[str, Any]) -> None:
    reopen = normalised["components"]["schemas"]["ReopenNonAssociationRequest"]
    assert reopen["required"] == ["reopenReason"]
    close = normalised["components"]["schemas"]["CloseNonAssociationRequest"]
    assert close["required"] == ["closedReason"]


def test_page_limits_are_declared(normalised: dict[str, Any]) -> None:
    params = {p["name"]: p for p in normalised["paths"]["/non-associations"]["get"]["parameters"]}
    assert params["size"]["schema"]["maximum"] == 200
    assert params["page"]["schema"]["format"] == "int32"


def test_upstream_prose_is_replaced(
    reference_doc: dict[str, Any], normalised: dict[str, Any]
) -> None:
    ours = json.dumps(normalised)
    for _, _, op in normalise.operations(normalise.normalise(reference_doc)):
        assert op["summary"] and op["description"]
    for _, schema in normalise.all_schemas(reference_doc):
        text = schema.get("description")
        if isinstance(text, str) and len(text) > 25:
            assert json.dumps(text) not in ours, text
    for _, _, op in normalise.operations(reference_doc):
        if op.get("summary") and len(op["summary"]) > 25:
            assert json.dumps(op["summary"]) not in ours


def test_constant_keeps_its_description_property(normalised: dict[str, Any]) -> None:
    constant = normalised["components"]["schemas"]["Constant"]
    assert list(constant["properties"]) == ["code", "description"]


def test_undocumented_errors_are_declared(normalised: dict[str, Any]) -> None:
    paths = normalised["paths"]
    assert "409" in paths["/non-associations/{id}/close"]["put"]["responses"]
    assert "409" in paths["/non-associations/{id}/reopen"]["put"]["responses"]
    assert "401" in paths["/constants"]["get"]["responses"]
    assert "415" in paths["/non-associations"]["post"]["responses"]


def test_bodiless_statuses_have_no_content(normalised: dict[str, Any]) -> None:
    responses = normalised["paths"]["/subject-access-request"]["get"]["responses"]
    assert "content" not in responses["204"] and "content" not in responses["209"]
    assert "content" in responses["200"]
