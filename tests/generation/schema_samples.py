"""Sample bodies built from openapi.json, with the place of every enum value in them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.conftest import ROOT

SPEC: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
Path = tuple[str | int, ...]
STRING_SAMPLES = {
    "local-date-time": "2024-02-12T09:15:00.123456",
    "date-time": "2024-02-12T09:15:00.123456",
    "date": "2024-02-12",
}


@dataclass(frozen=True)
class EnumField:
    """An enum value's place in a sample body: JSON keys and list indexes from the top."""

    enum: str
    path: Path
    owner: str  # the schema whose property it is

    def __str__(self) -> str:
        return ".".join(str(step) for step in self.path) + f"({self.owner})"


def sample(
    schema: dict[str, Any], path: Path, owner: str, schemas: dict[str, Any] = SCHEMAS
) -> tuple[Any, list[EnumField]]:
    """A valid value for schema, with every property present and non-null where allowed
    (a union gives a value of its first member that is not null)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = schemas[name]
        if "enum" in target:
            return target["enum"][0], [EnumField(name, path, owner)]
        return sample(target, path, name, schemas)
    if "enum" in schema:
        raise AssertionError(f"inline enum at {owner}{path}: normalise.py shares every enum")
    for key in ("anyOf", "oneOf"):
        if key in schema:
            first = next(option for option in schema[key] if option.get("type") != "null")
            return sample(first, path, owner, schemas)
    kinds = schema.get("type", "object")
    kind = next(k for k in kinds if k != "null") if isinstance(kinds, list) else kinds
    found: list[EnumField] = []
    if kind == "object":
        value: dict[str, Any] = {}
        for key, prop in schema.get("properties", {}).items():
            value[key], inner = sample(prop, (*path, key), owner, schemas)
            found += inner
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            value["someKey"], inner = sample(extra, (*path, "someKey"), owner, schemas)
            found += inner
        return value, found
    if kind == "array":
        item, found = sample(schema["items"], (*path, 0), owner, schemas)
        return [item], found
    if kind == "string":
        return STRING_SAMPLES.get(schema.get("format", ""), "text"), []
    return {"integer": 7, "number": 1.5, "boolean": True}[kind], []
