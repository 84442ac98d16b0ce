"""The API's OpenAPI document as shipped in this package (a copy of the project's
openapi.json), read once, on first use, and looked up: the rules the request checks
compile, the limits the fake API applies, the document it serves, and the roles an
operation needs."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final

import attrs
import msgspec

__all__ = [
    "Authorisation",
    "authorisation",
    "document",
    "document_bytes",
    "integer_range",
    "operation",
    "parameter",
    "resolved",
    "schema",
]

_INTEGER_FORMATS: Final = {"int32": 32, "int64": 64}


@functools.cache
def document_bytes() -> bytes:
    """The document as it is stored."""
    return resources.files("hmpps_non_associations_api").joinpath("openapi.json").read_bytes()


@functools.cache
def document() -> dict[str, Any]:
    """The document, parsed."""
    parsed: dict[str, Any] = msgspec.json.decode(document_bytes())
    return parsed


@attrs.frozen
class Authorisation:
    """What a token needs for an operation: one of `roles` (none: any valid token) and
    every one of `scopes`."""

    roles: tuple[str, ...]
    scopes: tuple[str, ...]


@functools.cache
def authorisation(method: str, template: str) -> Authorisation:
    """The roles and scopes the document declares (`x-roles`, `x-scopes`) for the
    operation at `method` and `template`; none for a path it does not describe."""
    operation = document()["paths"].get(template, {}).get(method.lower(), {})
    return Authorisation(tuple(operation.get("x-roles", ())), tuple(operation.get("x-scopes", ())))


def resolved(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """A schema with its `$ref`s followed."""
    while "$ref" in node:
        node = document()["components"]["schemas"][node["$ref"].rpartition("/")[2]]
    return node


def schema(name: str) -> Mapping[str, Any]:
    """A component schema by name."""
    found: Mapping[str, Any] = document()["components"]["schemas"][name]
    return found


@functools.cache
def operation(operation_id: str) -> Mapping[str, Any]:
    """An operation by its operationId."""
    for item in document()["paths"].values():
        for found in item.values():
            if isinstance(found, dict) and found.get("operationId") == operation_id:
                return found
    raise LookupError(f"openapi.json has no operation {operation_id}")


def parameter(operation_id: str, name: str) -> Mapping[str, Any]:
    """An operation's parameter's schema, `$ref`s followed."""
    for declared in operation(operation_id).get("parameters", []):
        if declared["name"] == name:
            return resolved(declared["schema"])
    raise LookupError(f"openapi.json: {operation_id} has no parameter {name}")


@functools.cache
def integer_range(operation_id: str, name: str) -> tuple[int | None, int | None]:
    """The bounds of an integer parameter: its format's, narrowed by minimum and maximum."""
    declared = parameter(operation_id, name)
    low: int | None = None
    high: int | None = None
    bits = _INTEGER_FORMATS.get(declared.get("format", ""))
    if bits:
        low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1
    if "minimum" in declared:
        low = declared["minimum"] if low is None else max(low, declared["minimum"])
    if "maximum" in declared:
        high = declared["maximum"] if high is None else min(high, declared["maximum"])
    return low, high
