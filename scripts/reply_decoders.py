"""Compiled readers of the API's replies, written from openapi.json beside the generated
models.

For every operation whose success reply is JSON, the module written here reads the
reply's bytes in one pass of msgspec's C decoder into a `Struct` per schema, which
checks every field's type on the way (an `"abc"` where an integer is promised, a
missing required field, a `null` where the document promises a value: each a
`msgspec.ValidationError` naming the field's JSON path and what it held, never its
value), and then builds the generated attrs models from it, setting their attributes
directly. Enum fields are read as strings and looked up in the generated open enums, so
a code the API adds later stays readable. A reply holding a field the document does not
know (the service added one), or a null in one of the descriptive fields listed in
NULL_READ_AS_NONE, is decoded again as plain JSON and checked against a tolerant twin of
each Struct (`msgspec.convert`), the same way otherwise; the unknown fields are kept in
the models' `additional_properties`, and the nulls are read as None and reported to the
caller's `drifted` callback.

`scripts/regenerate.py` writes the module into the generated package, so `--check`
holds it to the document like every other generated file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier

MODULE = "reply_decoders.py"

Doc = dict[str, Any]

_HEADER = '''"""Compiled readers of the API's replies: bytes to checked models in one pass.

Written by scripts/reply_decoders.py from openapi.json: never edit by hand.
"""

import datetime
from collections.abc import Callable
from typing import Annotated, Any

import msgspec

from .types import UNSET
'''

_FOOTER = '''

def _reader(
    strict: msgspec.json.Decoder[Any],
    tolerant: Any,
    build: Callable[[Any], Any],
    tolerate: Callable[[Any, Any, set[str]], None],
) -> Reader:
    """Reads a reply: checked and built in one pass. One the document does not quite
    describe is decoded as plain JSON and checked against the tolerant Structs: keys it
    does not declare are kept in each model's `additional_properties` (as `from_dict`
    keeps them), and the fields that only describe and held a null are read as None and
    named to `drifted`."""

    def read(content: bytes, drifted: Callable[[list[str]], None]) -> Any:
        try:
            return build(strict.decode(content))
        except msgspec.ValidationError as error:
            problem = str(error)
            if not problem.startswith("Object contains unknown field") and (
                "got `null`" not in problem
            ):
                raise
        raw = msgspec.json.decode(content)
        made = build(msgspec.convert(raw, tolerant))
        nulls: set[str] = set()
        tolerate(made, raw, nulls)
        if nulls:
            drifted(sorted(nulls))
        return made

    return read
'''


# Reply fields that only describe a record (text for people, names, who changed it). A
# null in one where the document promises a value is read as None, and reported: the
# service has made fields nullable before (the other prisoner's prisonId and prisonName,
# 2023), and a client released before its document said so must still read the replies
# a safety check depends on. Every other field identifies a record or decides an answer
# (ids, prisoner numbers, roles, reasons, restriction types, open or closed, dates,
# counts, lists, paging), or is a date whose None would break `to_dict()`: a null there
# is refused.
NULL_READ_AS_NONE = {
    "NonAssociation": (
        "firstPrisonerRoleDescription",
        "secondPrisonerRoleDescription",
        "reasonDescription",
        "restrictionTypeDescription",
        "comment",
        "updatedBy",
    ),
    "PrisonerNonAssociations": ("firstName", "lastName"),
    "PrisonerNonAssociation": (
        "roleDescription",
        "reasonDescription",
        "restrictionTypeDescription",
        "comment",
        "authorisedBy",
        "updatedBy",
    ),
    "OtherPrisonerDetails": ("roleDescription", "firstName", "lastName"),
    "LegacyNonAssociation": ("reasonDescription", "typeDescription", "comments"),
    "LegacyNonAssociationOtherPrisonerDetails": ("reasonDescription",),
    "Constant": ("description",),
}

_INTEGER_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_INTEGER_ALIASES = {"_Int32": _INTEGER_RANGES["int32"], "_Int64": _INTEGER_RANGES["int64"]}
_ALIAS_LINES = {
    "_Int32": "_Int32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]",
    "_Int64": "_Int64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]",
    "_LocalDateTime": (
        "# the API's Europe/London wall-clock times carry no offset\n"
        "_LocalDateTime = Annotated[datetime.datetime, msgspec.Meta(tz=False)]"
    ),
}


def _ref(schema: Doc) -> str | None:
    ref = schema.get("$ref")
    return ref.rpartition("/")[2] if isinstance(ref, str) else None


def _types(schema: Doc) -> list[str]:
    kinds = schema.get("type")
    return [kinds] if isinstance(kinds, str) else list(kinds or [])


class _Writer:
    """Walks the reply schemas, collecting what the module defines."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.schemas: Doc = doc["components"]["schemas"]
        self.objects: list[str] = []  # object schemas, in the order they are needed
        self.enums: set[str] = set()
        self.models: set[str] = set()
        self.aliases: set[str] = set()  # the constrained types the Structs use

    # --- what a schema is ----------------------------------------------------------------

    def is_enum(self, name: str) -> bool:
        return "enum" in self.schemas[name]

    def visit(self, name: str) -> None:
        """Collect an object schema and those its properties refer to (referred first)."""
        if name in self.objects:
            return
        for prop in self.schemas[name].get("properties", {}).values():
            for inner in (prop, prop.get("items", {})):
                ref = _ref(inner)
                if ref is not None and not self.is_enum(ref):
                    self.visit(ref)
        self.objects.append(name)
        self.models.add(name)

    def struct_type(self, schema: Doc, tolerant: bool) -> str:
        """The Struct field's type for a property: what msgspec checks."""
        ref = _ref(schema)
        nullable = "null" in _types(schema)
        if ref is not None:
            if self.is_enum(ref):
                self.enums.add(ref)
                python = "str"
            else:
                python = self.struct_name(ref, tolerant)
        else:
            kinds = [kind for kind in _types(schema) if kind != "null"]
            kind = kinds[0] if len(kinds) == 1 else None
            form = schema.get("format", "")
            if kind == "string" and form == "local-date-time":
                python = "_LocalDateTime"
                self.aliases.add(python)
            elif kind == "string" and form.startswith(("date", "time")):
                raise NotImplementedError(f"no Struct type for the string format {form!r}")
            elif kind == "string":
                python = "str"
            elif kind == "integer":
                python = self.integer(schema)
            elif kind == "number":
                python = "float"
            elif kind == "boolean":
                python = "bool"
            elif kind == "array":
                python = f"list[{self.struct_type(schema['items'], tolerant)}]"
            elif kind == "object":
                python = "dict[str, Any]"
            else:
                raise NotImplementedError(f"no Struct type for {schema}")
        return f"{python} | None" if nullable else python

    def integer(self, schema: Doc) -> str:
        """An integer within its format's range (int32, int64) and the schema's bounds."""
        low, high = _INTEGER_RANGES.get(schema.get("format", ""), (None, None))
        if "minimum" in schema:
            low = schema["minimum"] if low is None else max(low, schema["minimum"])
        if "maximum" in schema:
            high = schema["maximum"] if high is None else min(high, schema["maximum"])
        for alias, bounds in _INTEGER_ALIASES.items():
            if (low, high) == bounds:
                self.aliases.add(alias)
                return alias
        limits = [f"ge={low}"] if low is not None else []
        limits += [f"le={high}"] if high is not None else []
        return f"Annotated[int, msgspec.Meta({', '.join(limits)})]" if limits else "int"

    @staticmethod
    def struct_name(name: str, tolerant: bool) -> str:
        return f"_{name}Tolerant" if tolerant else f"_{name}"

    # --- the Structs -----------------------------------------------------------------------

    def struct(self, name: str, tolerant: bool) -> Iterator[str]:
        """A Struct for an object schema: the strict one, or the tolerant one, which
        allows keys the document does not declare and a null in NULL_READ_AS_NONE's
        fields."""
        schema = self.schemas[name]
        required = set(schema.get("required", ()))
        forbid = "False" if tolerant else "True"
        yield ""
        yield ""
        yield (
            f"class {self.struct_name(name, tolerant)}(msgspec.Struct, kw_only=True,"
            f" forbid_unknown_fields={forbid}, gc=False):"
        )
        props = schema.get("properties", {})
        if not props:
            yield "    pass"
        lenient = NULL_READ_AS_NONE.get(name, ()) if tolerant else ()
        for key, prop in props.items():
            attr = PythonIdentifier(key, prefix="field")
            python = self.struct_type(prop, tolerant)
            if key in lenient:
                python += " | None"
            options = [] if attr == key else [f'name="{key}"']
            if key not in required:
                python += " | msgspec.UnsetType"
                options.insert(0, "default=msgspec.UNSET")
            value = f" = msgspec.field({', '.join(options)})" if options else ""
            yield f"    {attr}: {python}{value}"

    # --- the builders ------------------------------------------------------------------------

    def value(self, schema: Doc, read: str) -> str:
        """The expression giving the model's value for a Struct value `read`."""
        ref = _ref(schema)
        if ref is not None and self.is_enum(ref):
            # a known code by a dict lookup; any other string as the open enum's own
            expression = f"(_{ref.upper()}_BY_VALUE.get({read}) or {ref}({read}))"
        elif ref is not None:
            expression = f"_build_{_snake(ref)}({read})"
        elif "array" in _types(schema):
            item = self.value(schema["items"], "item")
            expression = f"[{item} for item in {read}]" if item != "item" else f"list({read})"
        elif "object" in _types(schema):
            raise NotImplementedError(f"a free-form object has no builder: {schema}")
        else:
            return read
        if "null" in _types(schema) and expression != read:
            expression = f"None if {read} is None else {expression}"
        return expression

    def builder(self, name: str) -> Iterator[str]:
        schema = self.schemas[name]
        model = ClassName(name, prefix="")
        variable = "made"
        yield ""
        yield ""
        yield f"def _build_{_snake(name)}(read: _{name} | _{name}Tolerant) -> {model}:"
        yield f"    {variable} = _new({model})"
        required = set(schema.get("required", ()))
        for key, prop in schema.get("properties", {}).items():
            attr = PythonIdentifier(key, prefix="field")
            read = f"read.{attr}"
            if "object" in _types(prop) and _ref(prop) is None:
                model_name = ClassName(f"{name}_{key}", prefix="")
                self.models.add(model_name)
                value = f"{model_name}.from_dict({read})"
            else:
                value = self.value(prop, read)
            if key in required:
                yield f"    {variable}.{attr} = {value}"
            else:
                if value == read:
                    yield f"    {variable}.{attr} = UNSET if {read} is _U else {read}"
                else:
                    yield f"    {variable}.{attr} = UNSET if {read} is _U else {value}"
        yield f"    {variable}.additional_properties = {{}}"
        yield f"    return {variable}"

    def tolerator(self, name: str) -> Iterator[str]:
        """A function for a reply read by the tolerant Structs: it puts the keys that
        `name` does not declare into the model's `additional_properties`, and collects the
        fields read as None where the document promises a value, at every level."""
        schema = self.schemas[name]
        required = set(schema.get("required", ()))
        constant = _snake(name).upper()
        lenient = NULL_READ_AS_NONE.get(name, ())
        yield ""
        yield ""
        yield f"def _tolerate_{_snake(name)}(made: Any, raw: Any, nulls: set[str]) -> None:"
        yield (
            "    made.additional_properties = "
            f"{{k: v for k, v in raw.items() if k not in _{constant}_FIELDS}}"
        )
        if lenient:
            yield f"    for key in _{constant}_NULL_READ_AS_NONE:"
            yield "        if raw[key] is None:"
            yield f'            nulls.add(f"{name}.{{key}}")'
        for key, prop in schema.get("properties", {}).items():
            attr = PythonIdentifier(key, prefix="field")
            item = _ref(prop.get("items", {})) if "array" in _types(prop) else None
            ref = item or _ref(prop)
            if ref is None or self.is_enum(ref):
                continue
            tolerate = f"_tolerate_{_snake(ref)}"
            indent = "    "
            if key not in required or "null" in _types(prop):
                yield f'    if raw.get("{key}") is not None:'
                indent += "    "
            if item is None:
                yield f'{indent}{tolerate}(made.{attr}, raw["{key}"], nulls)'
            else:
                yield f'{indent}for each, each_raw in zip(made.{attr}, raw["{key}"]):'
                yield f"{indent}    {tolerate}(each, each_raw, nulls)"


def _snake(name: str) -> str:
    out = ""
    for index, char in enumerate(name):
        if char.isupper() and index and not name[index - 1].isupper():
            out += "_"
        out += char.lower()
    return out


def _json_replies(doc: Doc) -> list[tuple[str, str, Doc]]:
    """Each operation's success reply in JSON: its generated module's name, the status,
    the schema."""
    found = []
    for item in doc["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for status, response in sorted(operation.get("responses", {}).items()):
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if status.startswith("2") and schema is not None:
                    module = str(PythonIdentifier(operation["operationId"], prefix=""))
                    found.append((module, status, schema))
                    break
    return sorted(found)


def _check_lenient(schemas: Doc) -> None:
    """NULL_READ_AS_NONE names only plain strings (copied as read, so None passes and
    `to_dict()` still works) that the document requires and does not let be null:
    anything else is a stale entry or a field a None would break."""
    for name, keys in NULL_READ_AS_NONE.items():
        schema = schemas[name]
        for key in keys:
            prop = schema["properties"][key]
            if key not in schema.get("required", ()) or "null" in _types(prop):
                raise ValueError(f"{name}.{key} may be absent or null already: drop it")
            if _ref(prop) is not None or _types(prop) != ["string"] or "format" in prop:
                raise ValueError(f"{name}.{key} is not a plain string")


def render(doc: Doc) -> str:
    """The module's source."""
    _check_lenient(doc["components"]["schemas"])
    writer = _Writer(doc)
    replies = _json_replies(doc)
    tops: dict[str, tuple[str, str, str, str]] = {}  # a key per reply type: its four parts
    for module, _, schema in replies:
        key = _top_key(schema)
        if key in tops:
            continue
        ref = _ref(schema)
        if ref is not None:
            writer.visit(ref)
            tops[key] = (
                f"_{ref}",
                f"_{ref}Tolerant",
                f"_build_{_snake(ref)}",
                f"_tolerate_{_snake(ref)}",
            )
        elif "array" in _types(schema):
            item = _ref(schema["items"])
            assert item is not None, schema
            writer.visit(item)
            tops[key] = (
                f"list[_{item}]",
                f"list[_{item}Tolerant]",
                f"_list_of(_build_{_snake(item)})",
                f"_each(_tolerate_{_snake(item)})",
            )
        else:  # an object of named lists (the code lists): a generated model of its own
            item = _ref(schema["additionalProperties"]["items"])
            assert item is not None, schema
            writer.visit(item)
            model = ClassName(f"{module}_response_200", prefix="")
            writer.models.add(model)
            tops[key] = (
                f"dict[str, list[_{item}]]",
                f"dict[str, list[_{item}Tolerant]]",
                f"_named_lists({model}, _build_{_snake(item)})",
                f"_each_named(_tolerate_{_snake(item)})",
            )
    structs = [
        line
        for tolerant in (False, True)
        for name in writer.objects
        for line in writer.struct(name, tolerant)
    ]
    builders = [line for name in writer.objects for line in writer.builder(name)]
    fields = [""] + [
        f"_{_snake(name).upper()}_FIELDS = frozenset("
        f"field.encode_name for field in msgspec.structs.fields(_{name}))"
        for name in writer.objects
    ]
    tolerators = [line for name in writer.objects for line in writer.tolerator(name)]
    fields += [
        f"_{_snake(name).upper()}_NULL_READ_AS_NONE = {NULL_READ_AS_NONE[name]!r}"
        for name in writer.objects
        if name in NULL_READ_AS_NONE
    ]
    aliases = ["", ""] + [_ALIAS_LINES[alias] for alias in sorted(writer.aliases)]
    enum_lines = []
    for enum in sorted(writer.enums):
        enum_lines += [
            "",
            f"_{enum.upper()}_BY_VALUE = {{member.value: member for member in {enum}}}",
        ]
    imports = sorted(writer.models | writer.enums)
    import_lines = "".join(f"from .models.{_module(name)} import {name}\n" for name in imports)
    readers = ["", "", "READERS: dict[str, tuple[int, Reader]] = {"]
    decoders = ["", ""]
    for index, key in enumerate(tops):
        strict, tolerant, build, tolerate = tops[key]
        decoders += [
            f"_READ_{index} = _reader(",
            f"    msgspec.json.Decoder({strict}),",
            f"    {tolerant},",
            f"    {build},",
            f"    {tolerate},",
            ")",
        ]
    for module, status, schema in replies:
        index = list(tops).index(_top_key(schema))
        readers.append(f'    "{module}": ({int(status)}, _READ_{index}),')
    readers.append("}")
    readers.append(
        '"""For each generated operation module: the status of its JSON success reply, and'
    )
    readers.append('its reader."""')
    helpers = [
        "",
        "",
        "Reader = Callable[[bytes, Callable[[list[str]], None]], Any]",
        '"""Bytes to models; the second argument is told the fields read as None where the',
        'document promises a value (see _reader)."""',
        "_Tolerate = Callable[[Any, Any, set[str]], None]",
        "",
        "_U = msgspec.UNSET",
        "_new = object.__new__  # the models' attributes are set here, as from_dict sets them",
        "",
        "",
        "def _list_of(build: Callable[[Any], Any]) -> Callable[[list[Any]], list[Any]]:",
        "    def built(read: list[Any]) -> list[Any]:",
        "        return [build(item) for item in read]",
        "",
        "    return built",
        "",
        "",
        "def _named_lists(model: Any, build: Callable[[Any], Any]) -> Callable[[Any], Any]:",
        "    def built(read: dict[str, list[Any]]) -> Any:",
        "        made = model()",
        "        made.additional_properties = {",
        "            name: [build(item) for item in items] for name, items in read.items()",
        "        }",
        "        return made",
        "",
        "    return built",
        "",
        "",
        "def _each(tolerate: _Tolerate) -> _Tolerate:",
        "    def tolerated(made: list[Any], raw: list[Any], nulls: set[str]) -> None:",
        "        for each, each_raw in zip(made, raw):",
        "            tolerate(each, each_raw, nulls)",
        "",
        "    return tolerated",
        "",
        "",
        "def _each_named(tolerate: _Tolerate) -> _Tolerate:",
        "    def tolerated(made: Any, raw: dict[str, list[Any]], nulls: set[str]) -> None:",
        "        for name, items in raw.items():",
        "            for each, each_raw in zip(made.additional_properties[name], items):",
        "                tolerate(each, each_raw, nulls)",
        "",
        "    return tolerated",
    ]
    body = "\n".join(
        [
            *helpers,
            *aliases,
            *enum_lines,
            *structs,
            *builders,
            *fields,
            *tolerators,
            _FOOTER.rstrip(),
            *decoders,
            *readers,
        ]
    )
    return f'{_HEADER}{import_lines}\n__all__ = ["READERS", "Reader"]\n{body}\n'


def _top_key(schema: Doc) -> str:
    import json

    return json.dumps(schema, sort_keys=True)


def _module(class_name: str) -> str:
    """The generated module of a model class: its name in snake_case."""
    return str(PythonIdentifier(class_name, prefix=""))
