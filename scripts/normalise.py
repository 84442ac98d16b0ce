"""Turn the live API's OpenAPI document into the project's openapi.json.

Each rule is a small named function, listed in RULES in the order applied, and its
docstring names the upstream quirk it answers. The data the rules use sits at the
top of the file. Normalising an already normalised document changes nothing.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import spec_prose

Doc = dict[str, Any]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Operational endpoints that come from shared libraries, not the client surface.
INFRASTRUCTURE_PATH_PREFIXES = ("/queue-admin/", "/reports/", "/definitions")

# Shared enumerations, keyed by the property or parameter names that carry them.
ENUM_FIELDS = {
    "Role": {"firstPrisonerRole", "secondPrisonerRole", "role"},
    "Reason": {"reason"},
    "RestrictionType": {"restrictionType"},
    "LegacyReasonCode": {"reasonCode"},
    "LegacyTypeCode": {"typeCode"},
    "SortBy": {"sortBy"},
    "SortDirection": {"sortDirection"},
}

# Properties the server sends as null although the document does not say they may be.
NULLABLE = {
    "NonAssociation": ("closedBy", "closedReason", "closedAt"),
    "PrisonerNonAssociation": ("closedBy", "closedReason", "closedAt"),
    "PrisonerNonAssociations": ("prisonId", "prisonName", "cellLocation"),
    "OtherPrisonerDetails": ("prisonId", "prisonName", "cellLocation"),
    "LegacyNonAssociation": ("expiryDate", "authorisedBy"),
    "HmppsSubjectAccessRequestContent": ("attachments",),
}

# Request properties listed as required that the server fills in when absent.
SERVER_FILLED = {"ReopenNonAssociationRequest": ("reopenedBy",)}

# Limits the server enforces that the document leaves out: (operationId, parameter) -> keywords.
# Page numbers are read as 32-bit ints: a larger one is silently taken as page 0.
UNDOCUMENTED_LIMITS = {
    ("getNonAssociations", "page"): {"format": "int32"},
    ("getNonAssociations", "size"): {"maximum": 200},
}

# Error statuses the server really returns that the document leaves out:
# operationId -> statuses, each answered with an ErrorResponse.
UNDOCUMENTED_ERRORS = {
    "closeNonAssociation": ("409", "415"),
    "reopenNonAssociation": ("409", "415"),
    "createNonAssociation": ("415",),
    "patchNonAssociation": ("415",),
    "deleteNonAssociation": ("415",),
    "getNonAssociationsBetweenPrisoners": ("415",),
    "getNonAssociationsInvolvingPrisoners": ("415",),
}

# Statuses the server sends without a body, though the document gives them one.
BODILESS_STATUSES = ("204",)

# ErrorResponse properties the service writes as null when they have no value.
NULL_ERROR_FIELDS = ("errorCode", "moreInfo")

# Marks a response whose declared content may be missing: OpenAPI 3 has no way to say
# that a response body is optional. The project's endpoint template reads it, so the
# generated parser answers None for an empty body instead of failing on it.
OPTIONAL_CONTENT = "x-content-optional"

# The security layer answers a missing or unusable token with a 401 that has no body,
# only this challenge header.
CHALLENGE_HEADER = "WWW-Authenticate"

# Writes that look for a username in the token and answer an ErrorResponse 401 (error
# code 401) when there is none, besides the security layer's empty 401.
USERNAME_WRITES = (
    "createNonAssociation",
    "patchNonAssociation",
    "closeNonAssociation",
    "reopenNonAssociation",
)

# The subject access request's "subject not recognised" reply: an ErrorResponse when
# the prisoner number (or another prisoner in the records) is unknown to prisoner
# search, no body when only a case reference was given.
UNKNOWN_SUBJECT = ("getSarContentByReference", "209")

# The optional list of attachments the subject access content gained after the 2025
# snapshot (hmpps-kotlin-lib's Attachment and AttachmentHeader), declared when absent.
SAR_CONTENT = "HmppsSubjectAccessRequestContent"
SAR_ATTACHMENT_SCHEMAS: Doc = {
    "Attachment": {
        "type": "object",
        "properties": {
            "attachmentNumber": {"type": "integer", "format": "int32"},
            "name": {"type": "string"},
            "contentType": {"type": "string"},
            "url": {"type": "string"},
            "filesize": {"type": "integer", "format": "int32"},
            "filename": {"type": "string"},
            "headers": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/AttachmentHeader"},
            },
        },
        "required": ["attachmentNumber", "name", "contentType", "url", "filesize", "filename"],
    },
    "AttachmentHeader": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "value": {"type": "string"}},
        "required": ["name", "value"],
    },
}

# The paged list's `sort` takes Spring Data orders over the NonAssociation JPA entity's
# properties (jpa/NonAssociation.kt in the service); any other name fails with a 500.
PAGE_SORT_OPERATION = ("getNonAssociations", "sort")
SORT_PROPERTY_SCHEMA = "NonAssociationSortProperty"
SORT_PROPERTIES = (
    "id",
    "firstPrisonerNumber",
    "firstPrisonerRole",
    "secondPrisonerNumber",
    "secondPrisonerRole",
    "reason",
    "restrictionType",
    "comment",
    "authorisedBy",
    "isClosed",
    "closedBy",
    "closedReason",
    "closedAt",
    "whenCreated",
    "whenUpdated",
    "updatedBy",
)
# Spring Data reads the direction in any case (`Desc` too); property names are exact.
SORT_DIRECTIONS = ("ASC", "DESC")

# How the API's date-times are declared instead of `format: date-time`: Europe/London
# wall-clock time without an offset, seconds always, and a fraction of up to nine digits
# when there is one (as Java's LocalDateTime is written, and Python's isoformat()).
LOCAL_DATE_TIME = {
    "format": "local-date-time",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?$",
}

# The only security scheme the service still declares.
SECURITY_SCHEME = "bearer-jwt"

PROSE_KEYS = ("summary", "description", "example", "examples", "title")

# The searches whose bodies are lists of prisoner numbers.
GROUP_SEARCHES = ("getNonAssociationsBetweenPrisoners", "getNonAssociationsInvolvingPrisoners")

# How upstream states an operation's authorisation, in its description's prose:
# "Requires READ_NON_ASSOCIATIONS role.", "... role with write scope.",
# "Requires role SAR_DATA_ACCESS or additional role ...".
ROLE_REQUIREMENT = re.compile(
    r"Requires (?:role )?(?P<role>[A-Z][A-Z_]+)(?: role)?(?P<write> with write scope)?"
)


# --- walking helpers -------------------------------------------------------------


def operations(doc: Doc) -> Iterator[tuple[str, str, Doc]]:
    """Yield (path, method, operation) for every operation in the document."""
    for path, item in doc.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def subschemas(schema: Doc) -> Iterator[tuple[str | None, Doc]]:
    """Yield (property name or None, schema) for a schema and everything nested in it."""
    stack: list[tuple[str | None, Doc]] = [(None, schema)]
    while stack:
        name, node = stack.pop()
        yield name, node
        for prop, sub in node.get("properties", {}).items():
            stack.append((prop, sub))
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                stack.append((name, node[key]))
        for key in ("allOf", "anyOf", "oneOf"):
            stack.extend((name, sub) for sub in node.get(key, []))


def all_schemas(doc: Doc) -> Iterator[tuple[str | None, Doc]]:
    """Yield (name, schema) for every schema anywhere: components, parameters, bodies."""
    for component in doc.get("components", {}).get("schemas", {}).values():
        yield from subschemas(component)
    for _, _, op in operations(doc):
        for param in op.get("parameters", []):
            if "schema" in param:
                yield from subschemas_named(param["name"], param["schema"])
        for holder in [op.get("requestBody", {}), *op.get("responses", {}).values()]:
            for media in holder.get("content", {}).values():
                if "schema" in media:
                    yield from subschemas(media["schema"])


def subschemas_named(name: str, schema: Doc) -> Iterator[tuple[str | None, Doc]]:
    for inner_name, node in subschemas(schema):
        yield (inner_name or name), node


def refs_in(node: Any) -> Iterator[str]:
    """Yield the component names referenced anywhere in node."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from refs_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs_in(value)


def ref(name: str) -> Doc:
    return {"$ref": f"#/components/schemas/{name}"}


def any_case(word: str) -> str:
    """An ECMA-262 pattern matching word in any mix of cases (JSON Schema has no flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


def error_content() -> Doc:
    """A response body that is an ErrorResponse."""
    return {"application/json": {"schema": ref("ErrorResponse")}}


def allow_null(node: Doc) -> None:
    """Let a property with a plain type also be null."""
    kind = node.get("type")
    if isinstance(kind, str):
        node["type"] = [kind, "null"]


# --- the rules ----------------------------------------------------------------------


def drop_infrastructure_paths(doc: Doc) -> None:
    """Quirk 5: queue-admin and report endpoints ride along from shared libraries."""
    doc["paths"] = {
        path: item
        for path, item in doc["paths"].items()
        if not path.startswith(INFRASTRUCTURE_PATH_PREFIXES)
    }


def dedupe_enum_values(doc: Doc) -> None:
    """Quirk 1: springdoc lists sortBy and sortDirection values twice; the generator aborts."""
    for _, schema in all_schemas(doc):
        if isinstance(schema.get("enum"), list):
            schema["enum"] = list(dict.fromkeys(schema["enum"]))


def drop_invalid_defaults(doc: Doc) -> None:
    """Quirk 2: `default: "now"` on date-times drops the close and reopen bodies; and
    prisonId's `default: "null"` is the string "null", which a client would send."""
    for _, schema in all_schemas(doc):
        default = schema.get("default")
        if (schema.get("format") == "date-time" and default == "now") or (
            schema.get("type") == "string" and default == "null"
        ):
            del schema["default"]


def local_date_times(doc: Doc) -> None:
    """Date-times are declared `format: date-time`, which requires an offset (RFC 3339),
    yet the API sends and accepts Europe/London local times without one, so a validator
    such as Prism refuses every real value: declare them as what they are."""
    for _, schema in all_schemas(doc):
        if schema.get("format") == "date-time":
            schema.update(LOCAL_DATE_TIME)


def share_enums(doc: Doc) -> None:
    """Quirk 4: every enum is inlined per field, so the generator makes a class per field."""
    components = doc.setdefault("components", {}).setdefault("schemas", {})
    by_field = {field: name for name, fields in ENUM_FIELDS.items() for field in fields}
    values: dict[str, list[Any]] = {}

    def shared(field: str | None, schema: Doc) -> Doc | None:
        name = by_field.get(field or "")
        if name is None or "enum" not in schema:
            return None
        values.setdefault(name, [])
        values[name].extend(v for v in schema["enum"] if v not in values[name])
        keep = {k: v for k, v in schema.items() if k in ("default", *PROSE_KEYS)}
        return {**ref(name), **keep}

    for _, component in list(components.items()):
        for _, node in subschemas(component):
            for prop, sub in list(node.get("properties", {}).items()):
                replacement = shared(prop, sub)
                if replacement is not None:
                    node["properties"][prop] = replacement
    for _, _, op in operations(doc):
        for param in op.get("parameters", []):
            replacement = shared(param["name"], param.get("schema", {}))
            if replacement is not None:
                param["schema"] = replacement
    for name, enum in values.items():
        existing = components.get(name, {}).get("enum", [])
        merged = [*existing, *(v for v in enum if v not in existing)]
        components[name] = {"type": "string", "enum": merged}


def declare_sar_attachments(doc: Doc) -> None:
    """The subject access content has an optional, nullable `attachments` list that the
    2025 snapshot predates."""
    schemas = doc["components"]["schemas"]
    content = schemas.get(SAR_CONTENT)
    if content is None:
        return
    for name, schema in SAR_ATTACHMENT_SCHEMAS.items():
        schemas.setdefault(name, copy.deepcopy(schema))
    attachments = {"type": "array", "items": ref("Attachment")}
    content.setdefault("properties", {}).setdefault("attachments", attachments)


def anchor_patterns(doc: Doc) -> None:
    """The server matches patterns against the whole value (Java `matches`); JSON Schema
    searches, so an unanchored pattern would accept `XA1234BCX`."""
    for _, schema in all_schemas(doc):
        pattern = schema.get("pattern")
        if not isinstance(pattern, str) or (pattern.startswith("^") and pattern.endswith("$")):
            continue
        body = pattern.removeprefix("^").removesuffix("$")
        schema["pattern"] = f"^{body}$" if "|" not in body else f"^(?:{body})$"


def group_prisoner_numbers(doc: Doc) -> None:
    """The `between` and `involving` searches take a list of prisoner numbers, and the
    service holds each to the prisoner number pattern; the document types the items as
    any string. Declare the pattern the prisoner list's path parameter has."""
    pattern = next(
        param["schema"]["pattern"]
        for _, _, op in operations(doc)
        for param in op.get("parameters", [])
        if param["name"] == "prisonerNumber" and "pattern" in param.get("schema", {})
    )
    for _, _, op in operations(doc):
        if op.get("operationId") not in GROUP_SEARCHES:
            continue
        body = op["requestBody"]["content"]["application/json"]["schema"]
        body.setdefault("items", {}).setdefault("pattern", pattern)


def declare_sort_properties(doc: Doc) -> None:
    """The paged list's `sort` is typed as any string, but only the entity's properties
    work (an unknown one is a 500 that the client would retry), with a direction in any
    case."""
    names = "|".join(SORT_PROPERTIES)
    directions = "|".join(any_case(direction) for direction in SORT_DIRECTIONS)
    orders = {"type": "string", "pattern": f"^({names})(,({names}))*(,({directions}))?$"}
    params = [
        param
        for _, _, op in operations(doc)
        for param in op.get("parameters", [])
        if (op.get("operationId"), param["name"]) == PAGE_SORT_OPERATION
    ]
    if not params:
        return
    for param in params:
        schema = param.setdefault("schema", {"type": "array"})
        schema["items"] = {"anyOf": [ref(SORT_PROPERTY_SCHEMA), orders]}
    doc["components"]["schemas"][SORT_PROPERTY_SCHEMA] = {
        "type": "string",
        "enum": list(SORT_PROPERTIES),
        # Member names for the generator: WHEN_CREATED rather than WHENCREATED.
        "x-enum-varnames": list(SORT_PROPERTIES),
    }


def mark_nullable(doc: Doc) -> None:
    """Quirk 3: fields that are null in practice are not nullable, so parsing crashes."""
    schemas = doc["components"]["schemas"]
    for schema_name, props in NULLABLE.items():
        for prop in props:
            node = schemas.get(schema_name, {}).get("properties", {}).get(prop)
            if node is not None and "$ref" not in node:
                allow_null(node)


def nullable_error_fields(doc: Doc) -> None:
    """The service writes every ErrorResponse field, so errorCode and moreInfo arrive as null
    when they have no value."""
    props = doc["components"]["schemas"].get("ErrorResponse", {}).get("properties", {})
    for prop in NULL_ERROR_FIELDS:
        if prop in props:
            allow_null(props[prop])


def json_error_responses(doc: Doc) -> None:
    """Quirk 5: error responses are declared as `*/*`; they are JSON ErrorResponse bodies."""
    for _, _, op in operations(doc):
        for response in op.get("responses", {}).values():
            content = response.get("content", {})
            if "*/*" in content:
                media = content.pop("*/*")
                content.setdefault("application/json", media)


def server_filled_optional(doc: Doc) -> None:
    """Quirk 6: reopenedBy is listed as required, yet the server defaults it from the token."""
    schemas = doc["components"]["schemas"]
    for schema_name, props in SERVER_FILLED.items():
        schema = schemas.get(schema_name)
        if schema and "required" in schema:
            schema["required"] = [r for r in schema["required"] if r not in props]


def add_undocumented_limits(doc: Doc) -> None:
    """The server rejects a page size over 200 and reads the page number as a 32-bit int
    (taking a larger one as 0), but the document says neither."""
    for _, _, op in operations(doc):
        for param in op.get("parameters", []):
            limits = UNDOCUMENTED_LIMITS.get((op.get("operationId"), param["name"]))
            if limits:
                param.setdefault("schema", {}).update(limits)


def declare_undocumented_errors(doc: Doc) -> None:
    """Closing a closed or reopening an open one is a 409 and a body that is not JSON a
    415; the document declares neither."""
    for _, _, op in operations(doc):
        responses = op.setdefault("responses", {})
        for status in UNDOCUMENTED_ERRORS.get(op.get("operationId", ""), ()):
            responses.setdefault(status, {"content": error_content()})


def bodiless_responses(doc: Doc) -> None:
    """The subject access request's 204 carries no body, yet is declared as JSON:
    generated code would try to parse the empty body."""
    for _, _, op in operations(doc):
        for status in BODILESS_STATUSES:
            op.get("responses", {}).get(status, {}).pop("content", None)


def security_layer_401s(doc: Doc) -> None:
    """A missing or unusable token gets an empty 401 with a challenge, not the ErrorResponse
    the document gives every 401 (only writes that need a username can also send one)."""
    for _, _, op in operations(doc):
        needs_username = op.get("operationId") in USERNAME_WRITES
        challenge = {"required": not needs_username, "schema": {"type": "string"}}
        response: Doc = {"headers": {CHALLENGE_HEADER: challenge}}
        if needs_username:
            response.update({"content": error_content(), OPTIONAL_CONTENT: True})
        op.setdefault("responses", {})["401"] = response


def unknown_subject_body(doc: Doc) -> None:
    """The subject access 209 is declared as an empty object, but it is an ErrorResponse, or
    nothing at all when only a case reference was given."""
    operation_id, status = UNKNOWN_SUBJECT
    for _, _, op in operations(doc):
        response = op.get("responses", {}).get(status)
        if op.get("operationId") == operation_id and response is not None:
            response.update({"content": error_content(), OPTIONAL_CONTENT: True})


def declare_roles(doc: Doc) -> None:
    """Upstream gives each operation's role and scope only in prose ("Requires
    WRITE_NON_ASSOCIATIONS role with write scope"), which the project's prose replaces:
    keep them as data, `x-roles` (the token needs one of these authorities; none: any
    valid token) and `x-scopes`, for the client's 403 messages and its documentation.
    An operation whose prose states none keeps what it has (normalising twice changes
    nothing) or gets empty lists."""
    for _, _, op in operations(doc):
        found = ROLE_REQUIREMENT.search(op.get("description") or "")
        if found is not None:
            op["x-roles"] = [f"ROLE_{found['role']}"]
            op["x-scopes"] = ["write"] if found["write"] else []
        else:
            op.setdefault("x-roles", [])
            op.setdefault("x-scopes", [])


def drop_unused_schemas(doc: Doc) -> None:
    """Quirk 5: report and queue schemas stay behind after their endpoints are removed."""
    schemas = doc["components"]["schemas"]
    used: set[str] = set()
    pending = list(refs_in(doc["paths"]))
    while pending:
        name = pending.pop()
        if name not in used and name in schemas:
            used.add(name)
            pending.extend(refs_in(schemas[name]))
    doc["components"]["schemas"] = {k: v for k, v in schemas.items() if k in used}


def keep_current_security(doc: Doc) -> None:
    """Upstream has since dropped the hmpps-auth OAuth2 scheme and the licence block."""
    doc.get("info", {}).pop("license", None)
    schemes = doc["components"].get("securitySchemes", {})
    doc["components"]["securitySchemes"] = {
        k: v for k, v in schemes.items() if k == SECURITY_SCHEME
    }
    doc["security"] = [
        req for req in doc.get("security", []) if set(req) <= {SECURITY_SCHEME} and req
    ]


def strip_prose(node: Any, *, in_properties: bool = False) -> Any:
    """Remove every summary, description and example, but keep properties so named."""
    if isinstance(node, dict):
        return {
            key: strip_prose(value, in_properties=(key == "properties"))
            for key, value in node.items()
            if in_properties or key not in PROSE_KEYS
        }
    if isinstance(node, list):
        return [strip_prose(value) for value in node]
    return node


def apply_project_prose(doc: Doc) -> None:
    """Upstream prose is not ours to republish: replace it with the project's own words."""
    info = doc.setdefault("info", {})
    contact, version = info.get("contact"), info.get("version", "")
    stripped = strip_prose({k: v for k, v in doc.items() if k != "info"})
    doc.clear()
    doc.update(stripped)
    doc["info"] = {**spec_prose.INFO, "version": version}
    if contact:
        doc["info"]["contact"] = {k: v for k, v in contact.items() if k != "description"}
    for server in doc.get("servers", []):
        server["description"] = spec_prose.SERVER_DESCRIPTION
    for tag in doc.get("tags", []):
        if tag.get("name") in spec_prose.TAGS:
            tag["description"] = spec_prose.TAGS[tag["name"]]
    for _, _, op in operations(doc):
        op_id = op.get("operationId", "")
        if op_id in spec_prose.OPERATIONS:
            op["summary"], op["description"] = spec_prose.OPERATIONS[op_id]
        for param in op.get("parameters", []):
            text = spec_prose.PARAMETERS.get((op_id, param["name"]))
            if text:
                param["description"] = text
        if "requestBody" in op and op_id in spec_prose.REQUEST_BODIES:
            op["requestBody"]["description"] = spec_prose.REQUEST_BODIES[op_id]
        for status, response in op.get("responses", {}).items():
            text = spec_prose.OPERATION_RESPONSES.get((op_id, status))
            response["description"] = text or spec_prose.RESPONSES.get(status, f"HTTP {status}")
            for name, header in response.get("headers", {}).items():
                if name in spec_prose.HEADERS:
                    header["description"] = spec_prose.HEADERS[name]
    schemas = doc.get("components", {}).get("schemas", {})
    for name, text in spec_prose.ENUMS.items():
        if name in schemas:
            schemas[name]["description"] = text
    for name, (text, props) in spec_prose.SCHEMAS.items():
        schema = schemas.get(name)
        if schema is None:
            continue
        schema["description"] = text
        for prop, node in schema.get("properties", {}).items():
            if prop in props:
                node["description"] = props[prop]
            if (name, prop) in spec_prose.EXAMPLES:
                node["example"] = spec_prose.EXAMPLES[(name, prop)]


RULES: list[Callable[[Doc], None]] = [
    drop_infrastructure_paths,
    dedupe_enum_values,
    drop_invalid_defaults,
    local_date_times,
    share_enums,
    declare_sar_attachments,
    declare_sort_properties,
    anchor_patterns,
    group_prisoner_numbers,
    mark_nullable,
    nullable_error_fields,
    json_error_responses,
    server_filled_optional,
    add_undocumented_limits,
    declare_undocumented_errors,
    bodiless_responses,
    security_layer_401s,
    unknown_subject_body,
    declare_roles,
    drop_unused_schemas,
    keep_current_security,
    apply_project_prose,
]


# --- canonical form -------------------------------------------------------------------


def canonical(node: Any, *, keep_order: bool = False) -> Any:
    """Sort mapping keys (but not property order) so upstream reordering causes no churn."""
    if isinstance(node, dict):
        keys = list(node) if keep_order else sorted(node)
        return {
            k: canonical(node[k], keep_order=(k == "properties" and not keep_order)) for k in keys
        }
    if isinstance(node, list):
        return [canonical(v) for v in node]
    return node


def normalise(raw: Doc) -> Doc:
    """Apply every rule to a copy of raw and return it in canonical form."""
    doc = copy.deepcopy(raw)
    doc.setdefault("paths", {})
    doc.setdefault("components", {}).setdefault("schemas", {})
    for rule in RULES:
        rule(doc)
    result: Doc = canonical(doc)
    return result


def dumps(doc: Doc) -> str:
    """The exact text written to openapi.json."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
