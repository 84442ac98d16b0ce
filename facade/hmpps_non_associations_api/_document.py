"""The API's OpenAPI document as shipped in this package (a copy of the project's
openapi.json), read once, on first use: the rules the request checks compile, the
document the fake API serves, and the roles an operation needs."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import attrs
import orjson

__all__ = ["Authorisation", "authorisation", "document", "document_bytes"]


@functools.cache
def document_bytes() -> bytes:
    """The document as it is stored."""
    return resources.files(__package__).joinpath("openapi.json").read_bytes()


@functools.cache
def document() -> dict[str, Any]:
    """The document, parsed."""
    parsed: dict[str, Any] = orjson.loads(document_bytes())
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
