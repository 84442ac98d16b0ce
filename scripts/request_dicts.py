"""TypedDicts for the request bodies, written from openapi.json beside the generated models.

openapi-python-client generates attrs classes, but applications often pass a request as
a plain dict in the API's JSON shape. For each object schema an operation takes as its
JSON body, this writes a `TypedDict` (named after the schema, plus `Dict`) with the
schema's camelCase keys: required ones plain, optional ones `NotRequired`; enums as the
generated enum or its literal strings; date-times as a `datetime` or an ISO 8601 string;
nullable ones also None. A type checker then refuses a misspelt key or a wrong type in a
literal dict. `scripts/regenerate.py` writes the module into the generated package, so
`--check` holds it to the document like every other generated file. Its annotations are
evaluated (no `from __future__ import annotations`), so `__required_keys__` is right for
code that reads the TypedDicts at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MODULE = "request_dicts.py"

Doc = dict[str, Any]

_HEADER = '''"""TypedDicts for the request bodies, in the API's JSON shape.

Written by scripts/request_dicts.py from openapi.json: never edit by hand.
"""

import datetime
from typing import Literal, NotRequired, TypedDict
'''


def _name(ref: str) -> str:
    return ref.rpartition("/")[2]


def request_schemas(doc: Doc) -> list[str]:
    """The object schemas operations take as JSON bodies, sorted by name."""
    names: set[str] = set()
    for item in doc["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            ref = (body or {}).get("schema", {}).get("$ref")
            if ref and doc["components"]["schemas"][_name(ref)].get("type") == "object":
                names.add(_name(ref))
    return sorted(names)


def _annotation(doc: Doc, schema: Doc, enums: set[str]) -> str:
    """The Python type of one property's value."""
    target, enum_name = schema, None
    if "$ref" in schema:
        enum_name = _name(schema["$ref"])
        target = doc["components"]["schemas"][enum_name]
    types = target.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if [kind for kind in types if kind != "null"] != ["string"]:
        raise NotImplementedError(f"no TypedDict type written for {schema}")
    if "enum" in target:
        if enum_name is None:
            raise NotImplementedError(f"an inline enum has no generated class: {schema}")
        enums.add(enum_name)
        literals = ", ".join(f'"{value}"' for value in sorted(target["enum"]))
        python = f"{enum_name} | Literal[{literals}]"
    elif target.get("format") in ("date-time", "local-date-time"):
        python = "datetime.datetime | str"
    elif "format" not in target:
        python = "str"
    else:
        raise NotImplementedError(f"no TypedDict type written for format {target['format']}")
    return f"{python} | None" if "null" in types else python


def _typed_dict(doc: Doc, name: str, enums: set[str]) -> Iterator[str]:
    schema = doc["components"]["schemas"][name]
    required = set(schema.get("required", ()))
    yield ""
    yield ""
    yield f"class {name}Dict(TypedDict):"
    yield f'    """`{name}` as a dict in the API\'s JSON shape."""'
    yield ""
    for key, prop in schema.get("properties", {}).items():
        python = _annotation(doc, prop, enums)
        yield f"    {key}: {python}" if key in required else f"    {key}: NotRequired[{python}]"


def render(doc: Doc) -> str:
    """The module's source: one TypedDict per request schema."""
    enums: set[str] = set()
    classes = [line for name in request_schemas(doc) for line in _typed_dict(doc, name, enums)]
    imports = "".join(f"\nfrom .models.{_module(enum)} import {enum}" for enum in sorted(enums))
    names = ", ".join(f'"{name}Dict"' for name in request_schemas(doc))
    return f"{_HEADER}{imports}\n\n__all__ = [{names}]\n" + "\n".join(classes) + "\n"


def _module(class_name: str) -> str:
    """The generated module of a model class: its name in snake_case."""
    out = ""
    for index, char in enumerate(class_name):
        if char.isupper() and index:
            out += "_"
        out += char.lower()
    return out
