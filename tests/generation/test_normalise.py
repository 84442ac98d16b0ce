"""Each normalisation rule fixes the upstream quirk it names (reference README, 1-6)."""

from __future__ import annotations

import json
import re
from typing import Any

import drift
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
    error = reference_doc["components"]["schemas"]["ErrorResponse"]["properties"]
    assert error["errorCode"]["type"] == "integer" and error["moreInfo"]["type"] == "string"
    get_one = reference_doc["paths"]["/non-associations/{id}"]["get"]["responses"]
    assert "ErrorResponse" in json.dumps(get_one["401"]["content"])
    sar = reference_doc["paths"]["/subject-access-request"]["get"]["responses"]
    assert sar["209"]["content"]["application/json"]["schema"] == {"type": "object"}


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
    shared = [*normalise.ENUM_FIELDS, normalise.SORT_PROPERTY_SCHEMA]
    assert sorted(enum_nodes) == sorted(id(schemas[name]) for name in shared)
    na = schemas["NonAssociation"]["properties"]
    assert na["firstPrisonerRole"]["$ref"] == na["secondPrisonerRole"]["$ref"]
    enum_modules = sorted(
        p.stem for p in (GENERATED / "models").glob("*.py") if "(OpenStrEnum)" in p.read_text()
    )
    assert enum_modules == [
        "legacy_reason_code",
        "legacy_type_code",
        "non_association_sort_property",
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
            if status.startswith(("4", "5")) and "content" in response:
                assert set(response["content"]) == {"application/json"}
            elif status.startswith(("4", "5")):  # the security layer's empty 401
                assert status == "401" and "WWW-Authenticate" in response["headers"]


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
    assert "content" not in responses["204"]
    assert "content" in responses["200"]


def test_error_code_and_more_info_may_be_null(normalised: dict[str, Any]) -> None:
    error = normalised["components"]["schemas"]["ErrorResponse"]
    assert error["properties"]["errorCode"]["type"] == ["integer", "null"]
    assert error["properties"]["moreInfo"]["type"] == ["string", "null"]
    assert set(error["required"]) == {"status", "userMessage", "developerMessage"}


ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}


def test_security_layer_401_has_no_body_but_a_challenge(normalised: dict[str, Any]) -> None:
    ops = list(normalise.operations(normalised))
    assert len(ops) == 13
    for path, method, op in ops:
        response = op["responses"]["401"]
        where = f"{method} {path}"
        header = response["headers"]["WWW-Authenticate"]
        assert header["schema"] == {"type": "string"} and header["description"], where
        if op["operationId"] in normalise.USERNAME_WRITES:
            assert response["content"] == ERROR_CONTENT, where
            assert response[normalise.OPTIONAL_CONTENT] is True, where
            assert header["required"] is False, where
            assert "error code 401" in response["description"], where
        else:
            assert "content" not in response and normalise.OPTIONAL_CONTENT not in response
            assert header["required"] is True, where
            assert "error code 401" not in response["description"], where


def test_username_writes_are_the_ones_that_look_for_a_username(
    normalised: dict[str, Any],
) -> None:
    by_id = {
        op["operationId"]: (method, path) for path, method, op in normalise.operations(normalised)
    }
    assert {by_id[name] for name in normalise.USERNAME_WRITES} == {
        ("post", "/non-associations"),
        ("patch", "/non-associations/{id}"),
        ("put", "/non-associations/{id}/close"),
        ("put", "/non-associations/{id}/reopen"),
    }


def test_unknown_subject_may_carry_an_error_response(normalised: dict[str, Any]) -> None:
    response = normalised["paths"]["/subject-access-request"]["get"]["responses"]["209"]
    assert response["content"] == ERROR_CONTENT
    assert response[normalise.OPTIONAL_CONTENT] is True
    assert "ErrorResponse" in response["description"] and "no body" in response["description"]


def test_only_responses_that_may_be_empty_are_marked(normalised: dict[str, Any]) -> None:
    marked = {
        (op["operationId"], status)
        for _, _, op in normalise.operations(normalised)
        for status, response in op["responses"].items()
        if normalise.OPTIONAL_CONTENT in response
    }
    writes = {(name, "401") for name in normalise.USERNAME_WRITES}
    assert marked == writes | {normalise.UNKNOWN_SUBJECT}


def test_involving_prison_filter_says_both_prisoners(normalised: dict[str, Any]) -> None:
    for path in ("/non-associations/between", "/non-associations/involving"):
        params = {p["name"]: p for p in normalised["paths"][path]["post"]["parameters"]}
        assert "both prisoners" in params["prisonId"]["description"]


@pytest.mark.parametrize("schema", ["PrisonerNonAssociations", "OtherPrisonerDetails"])
def test_null_location_means_no_booking(normalised: dict[str, Any], schema: str) -> None:
    props = normalised["components"]["schemas"][schema]["properties"]
    prison_id = props["prisonId"]["description"]
    assert "OUT" in prison_id and "TRN" in prison_id and "null when" in prison_id
    for prop in ("prisonId", "prisonName", "cellLocation"):
        text = props[prop]["description"]
        assert "booking" in text, text
        assert "null when out of prison" not in text


def test_response_time_examples_show_fractional_seconds(normalised: dict[str, Any]) -> None:
    received = drift.usage(normalised)["response"] - drift.usage(normalised)["request"]
    schemas = normalised["components"]["schemas"]
    stamps = [
        (name, prop, node["example"])
        for name in received
        for prop, node in schemas[name].get("properties", {}).items()
        if isinstance(node.get("example"), str) and re.match(r"\d{4}-\d\d-\d\dT", node["example"])
    ]
    assert len(stamps) >= 5
    for name, prop, example in stamps:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{1,9}", example), (name, prop)


def test_subject_access_content_declares_attachments(normalised: dict[str, Any]) -> None:
    schemas = normalised["components"]["schemas"]
    content = schemas["HmppsSubjectAccessRequestContent"]
    assert content["required"] == ["content"]
    attachments = content["properties"]["attachments"]
    assert attachments["type"] == ["array", "null"]
    assert attachments["items"] == {"$ref": "#/components/schemas/Attachment"}
    attachment = schemas["Attachment"]
    assert list(attachment["properties"]) == [
        "attachmentNumber",
        "name",
        "contentType",
        "url",
        "filesize",
        "filename",
        "headers",
    ]
    assert "headers" not in attachment["required"]
    assert schemas["AttachmentHeader"]["required"] == ["name", "value"]


def test_a_declared_attachments_field_is_kept() -> None:
    """When the live document declares attachments itself, its declaration stands."""
    own = {"type": "array", "items": {"type": "object"}}
    doc: dict[str, Any] = {
        "components": {
            "schemas": {
                "HmppsSubjectAccessRequestContent": {
                    "type": "object",
                    "properties": {"content": {"type": "object"}, "attachments": own},
                }
            }
        }
    }
    normalise.declare_sar_attachments(doc)
    props = doc["components"]["schemas"]["HmppsSubjectAccessRequestContent"]["properties"]
    assert props["attachments"] == own


def test_generated_content_reads_null_and_listed_attachments() -> None:
    from hmpps_non_associations_api_client.models import HmppsSubjectAccessRequestContent

    none = HmppsSubjectAccessRequestContent.from_dict({"content": {}, "attachments": None})
    assert none.attachments is None
    listed = HmppsSubjectAccessRequestContent.from_dict(
        {
            "content": {"prisonerNumber": "A1234BC"},
            "attachments": [
                {
                    "attachmentNumber": 1,
                    "name": "Photo",
                    "contentType": "image/jpeg",
                    "url": "https://example.test/1",
                    "filesize": 2048,
                    "filename": "photo.jpg",
                    "headers": [{"name": "X-Key", "value": "abc"}],
                }
            ],
        }
    )
    assert isinstance(listed.attachments, list)
    assert listed.attachments[0].filesize == 2048
    headers = listed.attachments[0].headers
    assert isinstance(headers, list) and headers[0].name == "X-Key"


def test_patterns_are_anchored(normalised: dict[str, Any]) -> None:
    patterns = [s["pattern"] for _, s in normalise.all_schemas(normalised) if "pattern" in s]
    prisoner = [
        p for p in patterns if "[0-9]{4}" in p and p != normalise.LOCAL_DATE_TIME["pattern"]
    ]
    # the path parameter, both numbers of a create, and the items of the two group searches
    assert len(prisoner) == 5
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
    for pattern in prisoner:
        assert re.search(pattern, "A1234BC")
        assert not re.search(pattern, "XA1234BCX")


def test_anchoring_keeps_alternatives_whole() -> None:
    doc: dict[str, Any] = {
        "components": {"schemas": {"S": {"type": "string", "pattern": "ab|cd"}}},
        "paths": {},
    }
    normalise.anchor_patterns(doc)
    pattern = doc["components"]["schemas"]["S"]["pattern"]
    assert [bool(re.search(pattern, v)) for v in ("ab", "cd", "abx", "xcd")] == [
        True,
        True,
        False,
        False,
    ]
    normalise.anchor_patterns(doc)
    assert doc["components"]["schemas"]["S"]["pattern"] == pattern


def sort_items(doc: dict[str, Any]) -> dict[str, Any]:
    params = {p["name"]: p for p in doc["paths"]["/non-associations"]["get"]["parameters"]}
    items: dict[str, Any] = params["sort"]["schema"]["items"]
    return items


def test_sort_names_the_entity_properties(normalised: dict[str, Any]) -> None:
    schemas = normalised["components"]["schemas"]
    names = schemas[normalise.SORT_PROPERTY_SCHEMA]["enum"]
    assert names == list(normalise.SORT_PROPERTIES)
    # The entity has every NonAssociation field the server stores, and authorisedBy;
    # isOpen is derived, so the database cannot order by it.
    na = set(schemas["NonAssociation"]["properties"])
    stored = {p for p in na if not p.endswith("Description")} - {"isOpen"}
    assert set(names) == stored | {"authorisedBy"}
    bare, orders = sort_items(normalised)["anyOf"]
    assert bare == {"$ref": f"#/components/schemas/{normalise.SORT_PROPERTY_SCHEMA}"}
    for good in (
        "id",
        "whenCreated,DESC",
        "closedAt,asc",
        "id,Desc",
        "firstPrisonerNumber,reason,ASC",
    ):
        assert re.search(orders["pattern"], good), good
    for bad in ("isOpen", "ID", "prisonId,ASC", "id,UP", "id,ascending", "id,", ",ASC", "id;DESC"):
        assert not re.search(orders["pattern"], bad), bad
    params = {p["name"]: p for p in normalised["paths"]["/non-associations"]["get"]["parameters"]}
    assert normalise.SORT_PROPERTY_SCHEMA in params["sort"]["description"]


def test_roles_and_scopes_are_kept_as_data(normalised: dict[str, Any]) -> None:
    declared = {
        op["operationId"]: (op["x-roles"], op["x-scopes"])
        for _, _, op in normalise.operations(normalised)
    }
    read, write = ["ROLE_READ_NON_ASSOCIATIONS"], ["ROLE_WRITE_NON_ASSOCIATIONS"]
    assert declared == {
        "constants": ([], []),
        "getLegacyById": (["ROLE_NON_ASSOCIATIONS_SYNC"], []),
        "getNonAssociations": (read, []),
        "createNonAssociation": (write, ["write"]),
        "getNonAssociationsBetweenPrisoners": (read, []),
        "getNonAssociationsInvolvingPrisoners": (read, []),
        "getNonAssociation": (read, []),
        "patchNonAssociation": (write, ["write"]),
        "closeNonAssociation": (write, ["write"]),
        "deleteNonAssociation": (["ROLE_DELETE_NON_ASSOCIATIONS"], ["write"]),
        "reopenNonAssociation": (["ROLE_REOPEN_NON_ASSOCIATIONS"], ["write"]),
        "getPrisonerNonAssociations": (read, []),
        "getSarContentByReference": (["ROLE_SAR_DATA_ACCESS"], []),
    }


def test_the_projects_prose_names_the_declared_role(normalised: dict[str, Any]) -> None:
    for _, _, op in normalise.operations(normalised):
        for role in op["x-roles"]:
            assert f"Needs the {role.removeprefix('ROLE_')} role" in op["description"]
        assert ("write scope" in op["description"]) == ("write" in op["x-scopes"])


def test_roles_follow_upstream_when_its_prose_changes(reference_doc: dict[str, Any]) -> None:
    changed = json.loads(json.dumps(reference_doc))
    op = changed["paths"]["/non-associations/{id}"]["get"]
    op["description"] = "Requires role VIEW_NON_ASSOCIATIONS."
    assert normalise.normalise(changed)["paths"]["/non-associations/{id}"]["get"]["x-roles"] == [
        "ROLE_VIEW_NON_ASSOCIATIONS"
    ]


def test_group_searches_hold_each_prisoner_number_to_the_pattern(
    normalised: dict[str, Any],
) -> None:
    pattern = normalised["paths"]["/prisoner/{prisonerNumber}/non-associations"]["get"][
        "parameters"
    ][0]["schema"]["pattern"]
    for path in ("/non-associations/between", "/non-associations/involving"):
        body = normalised["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        assert body["schema"]["items"] == {"type": "string", "pattern": pattern}, path
    assert re.fullmatch(pattern.strip("^$"), "A1234BC")
