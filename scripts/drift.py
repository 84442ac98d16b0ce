"""Compare the surface of two normalised OpenAPI documents, and the prose of two raw ones.

The surface is what generated code depends on: operations (and the tags the
generator files them under), their parameters and bodies, success responses,
schema properties (type, required, nullable) and enum values. Each difference is
marked breaking when code generated from the old document can fail against a server
that follows the new one.

Prose (summaries, descriptions, examples) is not surface: normalisation replaces
upstream prose with the project's own. Upstream rewording still matters to a
maintainer (it often announces a change of behaviour), so `prose_changes` compares
the prose two raw documents give the parts of the API this client covers.

A report's impact decides the version bump proposed for it (docs/maintaining.md,
"Version bumps"): breaking, compatible (additions and loosenings), prose, or none.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Literal, TypedDict

import normalise
from normalise import Doc, operations, refs_in, subschemas


class Change(TypedDict):
    change: str
    where: str
    breaking: bool
    detail: str


Impact = Literal["breaking", "compatible", "prose", "none"]
Bump = Literal["major", "minor", "patch"]


class Report(TypedDict):
    """What `regenerate.py --check --json` prints: the changes and the bump they call for."""

    changes: list[Change]
    impact: Impact
    bump: Bump | None
    version: str
    next_version: str | None


# Findings about this repository, not the API: `make regenerate` fixes them.
LOCAL_CHANGES = frozenset({"generated file differs", "copy differs", "openapi.json not normalised"})
PROSE_CHANGE = "prose changed"
_BUMPS: dict[Impact, Bump] = {"breaking": "major", "compatible": "minor", "prose": "patch"}


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
                # The generated enums read a value they do not know as a pseudo-member,
                # so code generated before keeps working; callers may want to handle it.
                detail = "read as an unknown pseudo-member before" if received(schema) else ""
                add("enum value added", f"{name} {value}", False, detail)
        for value in old_enums[name]:
            if value not in new_enums[name]:
                add("enum value removed", f"{name} {value}", sent(schema) or "." in name)
    for name in sorted(new_enums.keys() - old_enums.keys()):
        add("enum added", name, False, ", ".join(map(str, new_enums[name])))
    for name in sorted(old_enums.keys() - new_enums.keys()):
        add("enum removed", name, True)
    return changes


def report(summary: Report) -> str:
    """A readable text report, breaking changes first, then the proposed bump."""
    changes = summary["changes"]
    if not changes:
        return "No drift."
    lines = []
    for item in sorted(changes, key=lambda c: not c["breaking"]):
        mark = "BREAKING" if item["breaking"] else "non-breaking"
        detail = f" ({item['detail']})" if item["detail"] else ""
        lines.append(f"[{mark}] {item['change']}: {item['where']}{detail}")
    breaking = sum(c["breaking"] for c in changes)
    lines.append(f"{len(changes)} change(s), {breaking} breaking.")
    lines.append(proposal(summary))
    return "\n".join(lines)


def proposal(summary: Report) -> str:
    """One sentence: the impact and the version it calls for."""
    if summary["bump"] is None:
        return "Impact: none (repository findings only); no release needed."
    return (
        f"Impact: {summary['impact']}; proposed bump: {summary['bump']}"
        f" ({summary['version']} -> {summary['next_version']})."
    )


def _prose_texts(node: Any, at: tuple[str, ...], found: dict[tuple[str, ...], str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in normalise.PROSE_KEYS and at[-1:] != ("properties",):
                found[(*at, key)] = value if isinstance(value, str) else repr(value)
            else:
                _prose_texts(value, (*at, key), found)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            # Parameters by name, so a reordering upstream is not a change.
            label = value.get("name") if isinstance(value, dict) else None
            _prose_texts(value, (*at, label if isinstance(label, str) else str(index)), found)


def prose(raw: Doc) -> dict[str, str]:
    """The upstream prose of the parts of raw that normalisation keeps, by location.

    Every rule but the one that swaps in the project's own words runs first, so
    prose on the endpoints the client leaves out, and the build version in
    `info.version` (new on every deploy), are not counted.
    """
    doc = copy.deepcopy(raw)
    doc.setdefault("paths", {})
    doc.setdefault("components", {}).setdefault("schemas", {})
    for rule in normalise.RULES:
        if rule is not normalise.apply_project_prose:
            rule(doc)
    found: dict[tuple[str, ...], str] = {}
    _prose_texts(doc, (), found)
    return {_location(parts): text for parts, text in found.items()}


def _location(parts: tuple[str, ...]) -> str:
    """A readable place for prose: `GET /constants responses.200.description`."""
    match parts:
        case ("paths", path, method, *rest):
            return f"{method.upper()} {path} {'.'.join(rest)}"
        case ("components", "schemas", name, "properties", prop, *rest):
            return f"{name}.{prop} {'.'.join(rest)}"
        case ("components", "schemas", name, *rest):
            return f"{name} {'.'.join(rest)}"
    return ".".join(parts)


def prose_changes(old_raw: Doc, new_raw: Doc) -> list[Change]:
    """Prose reworded, added or removed between two raw upstream documents."""
    before, after = prose(old_raw), prose(new_raw)
    changes: list[Change] = []
    for where in sorted(before.keys() | after.keys()):
        was, now = before.get(where), after.get(where)
        if was == now:
            continue
        detail = "removed" if now is None else f"now: {shorten(now)}"
        changes.append(
            {"change": PROSE_CHANGE, "where": where, "breaking": False, "detail": detail}
        )
    return changes


def shorten(text: str, limit: int = 120) -> str:
    """text on one line, cut to limit characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def impact(changes: list[Change]) -> Impact:
    """The worst effect of the API changes among changes (repository findings aside)."""
    api = [c for c in changes if c["change"] not in LOCAL_CHANGES]
    if any(c["breaking"] for c in api):
        return "breaking"
    if any(c["change"] != PROSE_CHANGE for c in api):
        return "compatible"
    return "prose" if api else "none"


def bump_for(effect: Impact, version: str) -> Bump | None:
    """The part of version to bump: a breaking change is major, or minor while below 1.0."""
    part = _BUMPS.get(effect)
    if part == "major" and version.split(".", 1)[0] == "0":
        return "minor"
    return part


def bumped(version: str, part: Bump) -> str:
    """version with part incremented and the parts after it reset."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", version)
    if not match:
        raise ValueError(f"version {version!r} is not X.Y.Z")
    major, minor, patch = map(int, match.groups())
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def summarise(changes: list[Change], version: str) -> Report:
    """The report for changes against the package's current version."""
    effect = impact(changes)
    part = bump_for(effect, version)
    return {
        "changes": changes,
        "impact": effect,
        "bump": part,
        "version": version,
        "next_version": bumped(version, part) if part else None,
    }
