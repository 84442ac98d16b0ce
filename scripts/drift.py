"""Compare the surface of two normalised OpenAPI documents.

The surface is what generated code depends on: operations (and the tags the
generator files them under), their parameters and bodies, success responses,
schema properties (type, required, nullable) and enum values. Prose is not
surface. Each difference is marked breaking when code generated from the old
document can fail against a server that follows the new one.
"""

from __future__ import annotations

from typing import Any, TypedDict

from normalise import Doc, operations, refs_in, subschemas


class Change(TypedDict):
    change: str
    where: str
    breaking: bool
    detail: str


def describe(schema: Doc) -> str:
    """A short type descriptor: `Role`, `string(date-time)`, `array<NonAssociation>`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[1]
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = "|".join(k for k in kind if k != "null") or "null"
    if kind == "array":
        return f"array<{describe(schema.get('items', {}))}>"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"map<{describe(schema['additionalProperties'])}>"
    if "enum" in schema:
        return f"{kind} enum"
    return f"{kind}({schema['format']})" if "format" in schema else str(kind)


def nullable(schema: Doc) -> bool:
    kind = schema.get("type")
    return isinstance(kind, list) and "null" in kind


def surface(doc: Doc) -> dict[str, Any]:
    """Everything in doc that generated code depends on, as plain comparable data."""
    ops: dict[str, Any] = {}
    enums: dict[str, list[Any]] = {}
    for path, method, op in operations(doc):
        params = {}
        for param in op.get("parameters", []):
            schema = param.get("schema", {})
            params[param["name"]] = {
                "in": param.get("in"),
                "required": bool(param.get("required")),
                "type": describe(schema),
            }
            if "enum" in schema:
                enums[f"{op.get('operationId')}.{param['name']}"] = list(schema["enum"])
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        responses = {
            status: describe(r.get("content", {}).get("application/json", {}).get("schema", {}))
            for status, r in op.get("responses", {}).items()
            if status.startswith("2")
        }
        ops[f"{method.upper()} {path}"] = {
            "operationId": op.get("operationId"),
            "tags": list(op.get("tags", [])),
            "parameters": params,
            "body": describe(body["schema"]) if body else None,
            "responses": responses,
        }
    schemas: dict[str, Any] = {}
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if "enum" in schema:
            enums[name] = list(schema["enum"])
            continue
        required = set(schema.get("required", []))
        props = {}
        for prop, node in schema.get("properties", {}).items():
            props[prop] = {
                "type": describe(node),
                "required": prop in required,
                "nullable": nullable(node),
            }
            for _, inner in subschemas(node):
                if "enum" in inner:
                    enums[f"{name}.{prop}"] = list(inner["enum"])
        schemas[name] = props
    return {"operations": ops, "schemas": schemas, "enums": enums}


def usage(doc: Doc) -> dict[str, set[str]]:
    """Which schemas are sent by the client ("request") and which are received ("response")."""
    schemas = doc.get("components", {}).get("schemas", {})

    def closure(roots: list[str]) -> set[str]:
        seen: set[str] = set()
        while roots:
            name = roots.pop()
            if name not in seen and name in schemas:
                seen.add(name)
                roots.extend(refs_in(schemas[name]))
        return seen

    sent: list[str] = []
    received: list[str] = []
    for _, _, op in operations(doc):
        sent.extend(refs_in(op.get("parameters", [])))
        sent.extend(refs_in(op.get("requestBody", {})))
        received.extend(refs_in(op.get("responses", {})))
    return {"request": closure(sent), "response": closure(received)}


def compare(old: Doc, new: Doc) -> list[Change]:
    """Changes from old (openapi.json) to new (the live document, normalised)."""
    before, after = surface(old), surface(new)
    used_before, used_after = usage(old), usage(new)
    changes: list[Change] = []

    def add(change: str, where: str, breaking: bool, detail: str = "") -> None:
        changes.append({"change": change, "where": where, "breaking": breaking, "detail": detail})

    def sent(schema: str) -> bool:
        return schema in used_before["request"] or schema in used_after["request"]

    def received(schema: str) -> bool:
        return schema in used_before["response"] or schema in used_after["response"]

    old_ops, new_ops = before["operations"], after["operations"]
    for key in sorted(old_ops.keys() - new_ops.keys()):
        add("operation removed", f"{key} ({old_ops[key]['operationId']})", True)
    for key in sorted(new_ops.keys() - old_ops.keys()):
        add("operation added", f"{key} ({new_ops[key]['operationId']})", False)
    for key in sorted(old_ops.keys() & new_ops.keys()):
        was, now = old_ops[key], new_ops[key]
        label = f"{key} ({now['operationId']})"
        if was["operationId"] != now["operationId"]:
            add("operation renamed", label, True, f"was {was['operationId']}")
        if was["tags"] != now["tags"]:
            # The generator files operations by tag: the module path would change.
            add("operation retagged", label, True, f"{was['tags']} -> {now['tags']}")
        for name in sorted(was["parameters"].keys() - now["parameters"].keys()):
            add("parameter removed", f"{label} {name}", True)
        for name in sorted(now["parameters"].keys() - was["parameters"].keys()):
            required = now["parameters"][name]["required"]
            add("parameter added", f"{label} {name}", required, "required" if required else "")
        for name in sorted(was["parameters"].keys() & now["parameters"].keys()):
            p_was, p_now = was["parameters"][name], now["parameters"][name]
            if (p_was["type"], p_was["in"]) != (p_now["type"], p_now["in"]):
                detail = f"{p_was['in']} {p_was['type']} -> {p_now['in']} {p_now['type']}"
                add("parameter retyped", f"{label} {name}", True, detail)
            if p_was["required"] != p_now["required"]:
                state = "required" if p_now["required"] else "optional"
                add(f"parameter now {state}", f"{label} {name}", p_now["required"])
        if was["body"] != now["body"]:
            add("request body changed", label, True, f"{was['body']} -> {now['body']}")
        for status in sorted(was["responses"].keys() | now["responses"].keys()):
            r_was, r_now = was["responses"].get(status), now["responses"].get(status)
            if r_was == r_now:
                continue
            if r_now is None:
                add("response removed", f"{label} {status}", True)
            elif r_was is None:
                add("response added", f"{label} {status}", False)
            else:
                add("response retyped", f"{label} {status}", True, f"{r_was} -> {r_now}")

    old_schemas, new_schemas = before["schemas"], after["schemas"]
    for name in sorted(old_schemas.keys() - new_schemas.keys()):
        add("schema removed", name, True)
    for name in sorted(new_schemas.keys() - old_schemas.keys()):
        add("schema added", name, False)
    for name in sorted(old_schemas.keys() & new_schemas.keys()):
        was, now = old_schemas[name], new_schemas[name]
        for prop in sorted(was.keys() - now.keys()):
            add("property removed", f"{name}.{prop}", sent(name) or was[prop]["required"])
        for prop in sorted(now.keys() - was.keys()):
            required = now[prop]["required"]
            add(
                "property added",
                f"{name}.{prop}",
                sent(name) and required,
                "required" if required else "optional",
            )
        for prop in sorted(was.keys() & now.keys()):
            p_was, p_now, where = was[prop], now[prop], f"{name}.{prop}"
            if p_was["type"] != p_now["type"]:
                add("property retyped", where, True, f"{p_was['type']} -> {p_now['type']}")
            if p_was["required"] != p_now["required"]:
                if p_now["required"]:
                    add("property now required", where, sent(name))
                else:
                    add("property now optional", where, received(name))
            if p_was["nullable"] != p_now["nullable"]:
                if p_now["nullable"]:
                    add("property now nullable", where, received(name))
                else:
                    add("property no longer nullable", where, sent(name))

    old_enums, new_enums = before["enums"], after["enums"]
    for name in sorted(old_enums.keys() & new_enums.keys()):
        schema = name.split(".", 1)[0]
        for value in new_enums[name]:
            if value not in old_enums[name]:
                add("enum value added", f"{name} {value}", received(schema))
        for value in old_enums[name]:
            if value not in new_enums[name]:
                add("enum value removed", f"{name} {value}", sent(schema) or "." in name)
    for name in sorted(new_enums.keys() - old_enums.keys()):
        add("enum added", name, False, ", ".join(map(str, new_enums[name])))
    for name in sorted(old_enums.keys() - new_enums.keys()):
        add("enum removed", name, True)
    return changes


def report(changes: list[Change]) -> str:
    """A readable text report, breaking changes first."""
    if not changes:
        return "No drift."
    lines = []
    for item in sorted(changes, key=lambda c: not c["breaking"]):
        mark = "BREAKING" if item["breaking"] else "non-breaking"
        detail = f" ({item['detail']})" if item["detail"] else ""
        lines.append(f"[{mark}] {item['change']}: {item['where']}{detail}")
    breaking = sum(c["breaking"] for c in changes)
    lines.append(f"{len(changes)} change(s), {breaking} breaking.")
    return "\n".join(lines)
