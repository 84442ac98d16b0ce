"""Which facade methods wrap which generated operation modules, read from the facade's
table of operations (`facade/hmpps_non_associations_api/_clients/_operations.py`).

    python scripts/facade_coverage.py [--json]     print the map and what is missing

Every module under `generated/.../api/<tag>/` is one operation. The table names, for
each client method, the generated module it calls (`Operation.generated("method",
module)`); a table entry wraps its operation when both clients have that method. The
files are read with `ast`, not imported, so the map can be taken of a drift branch
checked out anywhere.

tests/generation/test_facade_coverage.py fails on any operation no method wraps and any
wrapped operation that is not generated; scripts/drift_pr.py lists both in a
drift pull request.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "hmpps_non_associations_api_client"
API = f"{PACKAGE}.api"
FACADE = "hmpps_non_associations_api"
TABLE = Path("facade") / FACADE / "_clients" / "_operations.py"
CLIENTS = {
    "AsyncNonAssociationsApi": Path("facade") / FACADE / "_clients" / "_async_client.py",
    "NonAssociationsApi": Path("facade") / FACADE / "_clients" / "_sync_client.py",
}


@dataclass
class Coverage:
    """Operations as generated, and as the facade uses them."""

    generated: set[str]
    # operation ("<tag>.<module>") -> the facade files that refer to it
    referenced: dict[str, set[str]]
    # operation -> the public methods reaching it ("NonAssociationsApi.get_non_association")
    wrapped: dict[str, set[str]]

    @property
    def unwrapped(self) -> list[str]:
        """Generated operations no public facade method reaches."""
        return sorted(op for op in self.generated if not self.wrapped.get(op))

    @property
    def missing(self) -> list[str]:
        """Operations the facade refers to that are not generated (any more)."""
        return sorted(self.referenced.keys() - self.generated)

    def clients(self) -> dict[str, set[str]]:
        """Each public class that wraps any operation -> the operations it wraps."""
        found: dict[str, set[str]] = {}
        for op, methods in self.wrapped.items():
            for method in methods:
                found.setdefault(method.split(".", 1)[0], set()).add(op)
        return found

    def as_json(self) -> dict[str, object]:
        return {
            "wrapped": {op: sorted(self.wrapped.get(op, ())) for op in sorted(self.generated)},
            "unwrapped": self.unwrapped,
            "missing": self.missing,
        }


def operation_module(op: str) -> str:
    """The file of an operation, relative to the repository."""
    tag, name = op.split(".")
    return f"generated/{PACKAGE}/api/{tag}/{name}.py"


def generated_operations(root: Path = ROOT) -> set[str]:
    """`<tag>.<module>` for every generated operation module."""
    api = root / "generated" / PACKAGE / "api"
    return {
        f"{path.parent.name}.{path.stem}"
        for path in api.glob("*/*.py")
        if path.name != "__init__.py" and path.parent.name != "__pycache__"
    }


def facade_files(root: Path) -> Iterator[Path]:
    facade = root / "facade" / FACADE
    for path in sorted(facade.rglob("*.py")):
        if "testing" not in path.relative_to(facade).parts[:-1]:
            yield path


def table(root: Path = ROOT) -> dict[str, str]:
    """Each generated operation the table calls ("<tag>.<module>") -> the client method."""
    tree = ast.parse((root / TABLE).read_text(encoding="utf-8"), str(TABLE))
    modules: dict[str, str] = {}  # a name imported into the table -> "<tag>.<module>"
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"{API}."):
            tag = (node.module or "").removeprefix(f"{API}.")
            for alias in node.names:
                modules[alias.asname or alias.name] = f"{tag}.{alias.name}"
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "generated"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[1], ast.Name)
        ):
            op = modules.get(node.args[1].id, f"?.{node.args[1].id}")
            found[op] = str(node.args[0].value)
    return found


def client_methods(root: Path = ROOT) -> dict[str, set[str]]:
    """Each client class -> its public methods."""
    methods: dict[str, set[str]] = {}
    for name, path in CLIENTS.items():
        tree = ast.parse((root / path).read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == name:
                methods[name] = {
                    item.name
                    for item in node.body
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    and not item.name.startswith("_")
                }
    return methods


def scan(root: Path = ROOT) -> Coverage:
    """The coverage of the generated operations by the facade under root."""
    calls = table(root)
    methods = client_methods(root)
    referenced = {op: {TABLE.as_posix()} for op in calls}
    wrapped = {
        op: {f"{client}.{method}" for client, names in methods.items() if method in names}
        for op, method in calls.items()
    }
    return Coverage(generated_operations(root), referenced, wrapped)


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print the map as JSON")
    args = parser.parse_args(argv)
    coverage = scan(root)
    if args.json:
        print(json.dumps(coverage.as_json(), indent=2))
    else:
        for op in sorted(coverage.generated):
            methods = ", ".join(sorted(coverage.wrapped.get(op, ()))) or "NOT WRAPPED"
            print(f"{op}: {methods}")
        for op in coverage.missing:
            print(f"{op}: wrapped by the facade but not generated")
    return 1 if coverage.unwrapped or coverage.missing else 0


if __name__ == "__main__":
    sys.exit(main())
