"""The custom templates parse exactly as the generator's own templates do.

scripts/templates/ rewrites from_dict for speed. Here every model is generated a
second time with the generator's default templates, and both versions parse the
same payloads: complete ones, and ones with each field missing, null, of the wrong
type or unparsable, with extra keys, and both at once. They must give the same
values of the same types, the same extra keys, or the same exception. Two differences
are intended: unknown enum values (tests/generation/test_unknown_enums.py), and a nullable field
to convert (a date-time, a list of models) whose value is neither null nor
convertible, which the defaults keep as it came (a string in a date-time field) and
ours refuse, so the client reads such a reply as unreadable.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import Any

import attrs
import pytest
from dateutil.parser import isoparse
from hmpps_non_associations_api_client import models
from openapi_python_client.strings import pascal_case

from tests.generation.schema_samples import SCHEMAS, SPEC, sample

REFERENCE_PACKAGE = "reference_models_client"


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The models generated from the same document with the generator's default templates."""
    import regenerate

    work = tmp_path_factory.mktemp("reference")
    spec = work / "openapi.json"
    spec_text = regenerate.SPEC.read_text(encoding="utf-8")
    spec.write_text(regenerate.generator_input(spec_text), encoding="utf-8")
    config = work / "config.yaml"
    config.write_text(f"package_name_override: {REFERENCE_PACKAGE}\n", encoding="utf-8")
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(spec)]
    command += ["--config", str(config), "--meta", "none", "--output-path"]
    command += [str(work / REFERENCE_PACKAGE)]
    subprocess.run(command, cwd=work, check=True, capture_output=True, timeout=300)
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module(f"{REFERENCE_PACKAGE}.models")
    finally:
        sys.path.remove(str(work))
        for name in [name for name in sys.modules if name.startswith(REFERENCE_PACKAGE)]:
            del sys.modules[name]


def model_schemas() -> Iterator[tuple[str, dict[str, Any]]]:
    """(class name, schema) of every object model: components and inline response bodies."""
    for name, schema in SCHEMAS.items():
        if "enum" not in schema:
            yield name, schema
    for item in SPEC["paths"].values():
        for operation in item.values():
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema and "$ref" not in schema and schema.get("type") == "object":
                    yield pascal_case(f"{operation['operationId']} Response {status}"), schema


MODELS = sorted(model_schemas())


def nullable(schema: dict[str, Any]) -> bool:
    kinds = schema.get("type")
    return isinstance(kinds, list) and "null" in kinds


def variants(
    schema: dict[str, Any], schemas: dict[str, Any] = SCHEMAS
) -> Iterator[tuple[str, Any]]:
    """Payloads for one model: complete, then each field changed, then extra keys."""
    full, _ = sample(schema, (), "", schemas)
    yield "complete", full
    yield "read-only mapping", MappingProxyType(full)
    yield "dict subclass", defaultdict(lambda: "default", full)
    yield "empty", {}
    for label, garbage in (("text", "text"), ("null", None), ("pairs", list(full.items()))):
        yield f"not an object: {label}", garbage
    required = set(schema.get("required", ()))
    for key, prop in schema.get("properties", {}).items():
        yield f"{key} missing", {k: v for k, v in full.items() if k != key}
        yield f"{key} null", {**full, key: None}
        for label, wrong in (("number", 12345), ("text", "yesterday"), ("list", [1]), ("dict", {})):
            if label == "text" and mentions_enum(prop, schemas):
                continue  # an unknown enum value: the intended difference
            yield f"{key} {label}", {**full, key: wrong}
        yield (
            f"extra key instead of {key}",
            {
                **{k: v for k, v in full.items() if k != key},
                "newField": "added upstream",
            },
        )
        if key not in required and nullable(prop):
            yield f"{key} null with extra key", {**full, key: None, "newField": 1}
    yield "extra keys", {**full, "newField": {"nested": [1, 2]}, "another": None}


def describe(value: Any) -> Any:
    """A parsed value as comparable data: types by name, models field by field."""
    if attrs.has(type(value)):
        fields = {
            field.name: describe(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.name != "additional_properties"
        }
        extra = describe(value.additional_properties)
        return (type(value).__name__, fields, extra)
    if isinstance(value, list):
        return [describe(item) for item in value]
    if isinstance(value, dict):
        return {key: describe(item) for key, item in value.items()}
    if type(value).__name__ == "Unset":  # either package's
        return "UNSET"
    if isinstance(value, datetime.datetime):
        return ("datetime", value.isoformat(), value.tzinfo is None)
    return (type(value).__name__, value if not hasattr(value, "value") else value.value)


def outcome(model: type[Any], payload: Any) -> Any:
    try:
        parsed = model.from_dict(payload)
    except Exception as error:  # the exception itself is what is compared
        args = error.args if isinstance(error, KeyError) else ()
        return ("raises", type(error).__name__, args)
    try:
        written = parsed.to_dict()
    except Exception as error:  # a value kept as it came may not write back; compared too
        written = ("to_dict raises", type(error).__name__)
    return ("parses", describe(parsed), written)


def converted_when_not_null(prop: dict[str, Any]) -> bool:
    """A nullable field whose one other member is converted: a date-time or date, a
    list, a model or an enum."""
    if "anyOf" in prop:
        others = [member for member in prop["anyOf"] if member.get("type") != "null"]
        if len(others) != 1 or len(prop["anyOf"]) != 2:
            return False
        member = others[0]
    elif nullable(prop):
        member = prop
    else:
        return False
    dated = member.get("format") in ("date-time", "local-date-time", "date")
    return dated or "items" in member or "$ref" in member


def refused_by_ours(schema: dict[str, Any]) -> set[str]:
    """The variants in which a nullable field to convert holds something else: the
    defaults keep it as it came, ours refuse it."""
    labels = set()
    for key, prop in schema.get("properties", {}).items():
        if converted_when_not_null(prop) or converted_when_not_null(prop.get("items", {})):
            labels.update(f"{key} {wrong}" for wrong in ("number", "text", "list", "dict"))
    return labels


def same_or_refused(ours: Any, theirs: Any, label: str, refused: set[str]) -> None:
    if label in refused and ours != theirs:
        assert ours[0] == "raises", label
        assert ours[1] in ("TypeError", "ValueError", "KeyError", "AttributeError"), label
        assert theirs[0] == "parses", label
    else:
        assert ours == theirs, label


@pytest.mark.parametrize(("name", "schema"), MODELS, ids=[name for name, _ in MODELS])
def test_custom_templates_parse_like_the_defaults(
    reference: ModuleType, name: str, schema: dict[str, Any]
) -> None:
    ours, theirs = getattr(models, name), getattr(reference, name)
    refused = refused_by_ours(schema)
    for label, payload in variants(schema):
        same_or_refused(outcome(ours, payload), outcome(theirs, payload), label, refused)


def test_a_date_time_field_never_holds_a_string() -> None:
    payload, _ = sample(SCHEMAS["NonAssociation"], (), "")
    with pytest.raises(ValueError, match="not-a-date"):
        models.NonAssociation.from_dict({**payload, "closedAt": "not-a-date"})
    with pytest.raises(TypeError, match="closedAt"):
        models.NonAssociation.from_dict({**payload, "closedAt": 12345})
    assert models.NonAssociation.from_dict({**payload, "closedAt": None}).closed_at is None


def subclass_of(model: type[Any]) -> type[Any]:
    """A plain subclass, named as the model is, so that describe() compares it alike."""
    return type(model.__name__, (model,), {})


@pytest.mark.parametrize(("name", "schema"), MODELS, ids=[name for name, _ in MODELS])
def test_subclasses_parse_like_the_defaults(
    reference: ModuleType, name: str, schema: dict[str, Any]
) -> None:
    """from_dict builds the generated class itself without its __init__, and a subclass
    through its own: both ways must give what the default templates give."""
    ours, theirs = subclass_of(getattr(models, name)), subclass_of(getattr(reference, name))
    refused = refused_by_ours(schema)
    for label, payload in variants(schema):
        result = outcome(ours, payload)
        same_or_refused(result, outcome(theirs, payload), label, refused)
        if result[0] == "parses":
            assert type(ours.from_dict(payload)) is ours, label


def test_a_subclass_is_made_through_its_own_init() -> None:
    """An application's subclass may change __init__ or add attrs hooks: from_dict runs
    them, with the values the generated class reads, extra keys kept."""
    made: list[dict[str, Any]] = []

    @attrs.define
    class Recorded(models.NonAssociation):
        note: str = "unset"

        def __attrs_post_init__(self) -> None:
            self.note = f"made for {self.id}"
            made.append({"id": self.id, "reason": self.reason})

    payload = {**complete("NonAssociation"), "newField": "added upstream"}

    parsed = Recorded.from_dict(payload)

    assert type(parsed) is Recorded
    assert parsed.note == f"made for {payload['id']}"
    assert made == [{"id": payload["id"], "reason": models.Reason(payload["reason"])}]
    assert parsed.additional_properties == {"newField": "added upstream"}
    expected = describe(models.NonAssociation.from_dict(payload))[1]
    assert describe(parsed)[1] == expected | {"note": ("str", f"made for {payload['id']}")}


def mentions_enum(node: Any, schemas: dict[str, Any]) -> bool:
    """Whether an enum is referred to anywhere in node (a field, a union, a list)."""
    if isinstance(node, dict):
        target = schemas.get(str(node.get("$ref", "")).rsplit("/", 1)[-1], {})
        return "enum" in target or any(mentions_enum(v, schemas) for v in node.values())
    return isinstance(node, list) and any(mentions_enum(v, schemas) for v in node)


def test_payloads_are_not_changed_by_parsing() -> None:
    """from_dict reads the payload in place now: it must leave it as it was."""
    schema = SCHEMAS["PrisonerNonAssociations"]
    payload, _ = sample(schema, (), "")
    payload["newField"] = "added upstream"
    before = repr(payload)

    parsed = models.PrisonerNonAssociations.from_dict(payload)

    assert repr(payload) == before
    assert parsed.additional_properties == {"newField": "added upstream"}
    assert parsed.additional_properties is not payload


@pytest.mark.parametrize(
    "text",
    [
        "2024-02-12T09:15:00",
        "2024-02-12T09:15:00.123456",
        "2024-02-12T09:15:00.1",
        "2024-02-12T09:15:00.12",
        "2024-02-12T09:15:00.123",
        "2024-02-12T09:15:00.123456789",
        "2024-03-31T01:30:00",  # the hour the clocks go forward in London
        "2024-10-27T01:30:00",  # the hour that happens twice
    ],
)
def test_local_times_parse_as_dateutil_would(text: str) -> None:
    """The models use datetime.fromisoformat; on the API's local times it agrees with
    dateutil's isoparse, which earlier generator versions used."""
    parsed = models.NonAssociation.from_dict({**complete("NonAssociation"), "whenCreated": text})

    assert parsed.when_created == isoparse(text)
    assert parsed.when_created.tzinfo is None


def complete(name: str) -> dict[str, Any]:
    payload, _ = sample(SCHEMAS[name], (), name)
    assert isinstance(payload, dict)
    return payload


def test_reference_models_are_really_the_defaults(reference: ModuleType) -> None:
    """Guards the comparison: the reference package was not made with our templates."""
    source = Path(reference.__file__).parent / "non_association.py"
    assert "_BY_VALUE" not in source.read_text(encoding="utf-8")
    assert "_BY_VALUE" in Path(models.__file__).parent.joinpath("non_association.py").read_text()


CYCLE_SPEC = {
    "openapi": "3.0.1",
    "info": {"title": "cycle", "version": "1"},
    "paths": {
        "/a": {
            "get": {
                "operationId": "getA",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/A"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "A": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "b": {"$ref": "#/components/schemas/B"},
                    "parent": {"$ref": "#/components/schemas/A"},
                },
            },
            "B": {
                "type": "object",
                "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/A"}}
                },
            },
        }
    },
}


def test_models_that_refer_to_each_other_load(tmp_path: Path) -> None:
    """The templates import referenced models after the class, not inside from_dict:
    models in a cycle (A holds B, B holds a list of A, A holds A) must still import."""
    import regenerate

    spec = tmp_path / "cycle.json"
    spec.write_text(json.dumps(CYCLE_SPEC), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text("package_name_override: cycle_client\n", encoding="utf-8")
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(spec)]
    command += ["--config", str(config), "--meta", "none", "--custom-template-path"]
    command += [str(regenerate.CUSTOM_TEMPLATES), "--output-path", str(tmp_path / "cycle_client")]
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True, timeout=300)
    body = {"name": "top", "b": {"items": [{"name": "inner", "parent": {"name": "p"}}]}}

    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys; from cycle_client.models import A; "
            "a = A.from_dict(json.loads(sys.argv[1])); "
            "print(type(a.b.items[0].parent).__name__, json.dumps(a.to_dict()))",
            json.dumps(body),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert loaded.returncode == 0, loaded.stderr
    name, dumped = loaded.stdout.split(" ", 1)
    assert name == "A" and json.loads(dumped) == body


def test_from_dict_defines_nothing_and_imports_nothing_per_call() -> None:
    """What made parsing slow before, kept out for good: a helper function defined and an
    import run on every from_dict or to_dict call (benchmarks/parse_models.py times it)."""
    offenders = []
    for source in sorted(Path(models.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in ("from_dict", "to_dict"):
                offenders += [
                    f"{source.name}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if inner is not node
                    and isinstance(inner, ast.FunctionDef | ast.Import | ast.ImportFrom)
                ]
    assert offenders == []


# Shapes this API does not use (yet), so that the custom templates are checked on them
# too: unions of each kind, optional and listed enums, typed extra properties.
SHAPES_SCHEMAS: dict[str, Any] = {
    "Colour": {"type": "string", "enum": ["RED", "GREEN"]},
    "Part": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
    "Mixed": {
        "type": "object",
        "required": ["colour"],
        "properties": {
            "colour": {"$ref": "#/components/schemas/Colour"},
            "optionalColour": {"$ref": "#/components/schemas/Colour"},
            "maybeColour": {"anyOf": [{"$ref": "#/components/schemas/Colour"}, {"type": "null"}]},
            "part": {"anyOf": [{"$ref": "#/components/schemas/Part"}, {"type": "null"}]},
            "when": {"type": ["string", "null"], "format": "date-time"},
            "day": {"type": ["string", "null"], "format": "date"},
            "code": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            "either": {
                "anyOf": [
                    {"$ref": "#/components/schemas/Part"},
                    {"$ref": "#/components/schemas/Colour"},
                ]
            },
            "partOrText": {"anyOf": [{"$ref": "#/components/schemas/Part"}, {"type": "string"}]},
            "colours": {"type": "array", "items": {"$ref": "#/components/schemas/Colour"}},
            "times": {
                "type": "array",
                "items": {"type": ["string", "null"], "format": "date-time"},
            },
        },
    },
    "Extras": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Part"}},
}
SHAPES_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "shapes", "version": "1"},
    "paths": {
        f"/{name.lower()}": {
            "get": {
                "operationId": f"get{name}",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                        },
                    }
                },
            }
        }
        for name in ("Mixed", "Extras")
    },
    "components": {"schemas": SHAPES_SCHEMAS},
}


def generate_package(work: Path, package: str, *, custom: bool) -> ModuleType:
    import regenerate

    spec = work / f"{package}.json"
    spec.write_text(json.dumps(SHAPES_SPEC), encoding="utf-8")
    config = work / f"{package}.yaml"
    config.write_text(f"package_name_override: {package}\n", encoding="utf-8")
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(spec)]
    command += ["--config", str(config), "--meta", "none", "--output-path", str(work / package)]
    if custom:
        command += ["--custom-template-path", str(regenerate.CUSTOM_TEMPLATES)]
    subprocess.run(command, cwd=work, check=True, capture_output=True, timeout=300)
    return importlib.import_module(f"{package}.models")


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, ModuleType]]:
    """The shapes' models made with our templates, and with the generator's own."""
    work = tmp_path_factory.mktemp("shapes")
    sys.path.insert(0, str(work))
    try:
        yield (
            generate_package(work, "shapes_custom", custom=True),
            generate_package(work, "shapes_default", custom=False),
        )
    finally:
        sys.path.remove(str(work))
        for name in [name for name in sys.modules if name.startswith("shapes_")]:
            del sys.modules[name]


@pytest.mark.parametrize("name", ["Mixed", "Extras", "Part"])
def test_custom_templates_parse_other_shapes_like_the_defaults(
    shapes: tuple[ModuleType, ModuleType], name: str
) -> None:
    ours, theirs = (getattr(package, name) for package in shapes)
    refused = refused_by_ours(SHAPES_SCHEMAS[name])
    for label, payload in variants(SHAPES_SCHEMAS[name], SHAPES_SCHEMAS):
        same_or_refused(outcome(ours, payload), outcome(theirs, payload), label, refused)
