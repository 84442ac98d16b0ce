"""Which facade methods wrap which generated operation modules, read from the source.

    python scripts/facade_coverage.py [--json]     print the map and what is missing

Every module under `generated/.../api/<tag>/` is one operation. The facade is read
with `ast`, not imported, so the map holds however the facade is split into
modules and however it imports an operation: `from ...api.<tag> import <op>`,
`from ...api.<tag>.<op> import ...`, `import ...api.<tag>.<op>`, `from ...api
import <tag>` with `<tag>.<op>`, or the dotted name as a string. A public method of
a public class wraps an operation when the operation is reachable from it through
the facade's functions, methods and module-level names (matched by name: a
generous reading, which can only credit a method with too much, never lose one).
`testing/`, the fake API, is not part of the client and is left out.

tests/test_facade_coverage.py fails on any operation no method wraps and any
wrapped operation that is not generated; scripts/drift_pr.py lists both in a
drift pull request.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "hmpps_non_associations_api_client"
API = f"{PACKAGE}.api"
FACADE = "hmpps_non_associations_api"
_DOTTED = re.compile(rf"{re.escape(API)}\.(\w+)\.(\w+)")


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


@dataclass
class _Scope:
    """What one function, method or module-level name refers to."""

    ops: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


class _FileScan:
    """One facade file: its aliases for operations, and each scope's references."""

    def __init__(self, tree: ast.Module) -> None:
        self.ops: dict[str, str] = {}  # local name -> operation
        self.tags: dict[str, str] = {}  # local name -> tag package
        self.scopes: dict[str, list[_Scope]] = {}
        self.public: list[tuple[str, str]] = []  # (class, method)
        self._aliases(tree)
        for node in tree.body:
            self._top(node)

    def _aliases(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                parts = node.module.split(".")
                if node.module == API:
                    for alias in node.names:
                        self.tags[alias.asname or alias.name] = alias.name
                elif node.module.startswith(API + ".") and len(parts) == 3:  # api.<tag>
                    for alias in node.names:
                        self.ops[alias.asname or alias.name] = f"{parts[2]}.{alias.name}"
                elif node.module.startswith(API + ".") and len(parts) == 4:  # api.<tag>.<op>
                    for alias in node.names:
                        self.ops[alias.asname or alias.name] = f"{parts[2]}.{parts[3]}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    match = _DOTTED.fullmatch(alias.name)
                    if match and alias.asname:
                        self.ops[alias.asname] = f"{match[1]}.{match[2]}"

    def _top(self, node: ast.stmt) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self._scope(node.name, node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    self._scope(item.name, item)
                    if not node.name.startswith("_") and not item.name.startswith("_"):
                        self.public.append((node.name, item.name))
                elif isinstance(item, ast.Assign | ast.AnnAssign):
                    self._assignment(item)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            self._assignment(node)

    def _assignment(self, node: ast.Assign | ast.AnnAssign) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Name) and node.value is not None:
                self._scope(target.id, node.value)

    def _scope(self, name: str, node: ast.AST) -> None:
        scope = _Scope()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name):
                scope.names.add(inner.id)
                if inner.id in self.ops:
                    scope.ops.add(self.ops[inner.id])
            elif isinstance(inner, ast.Attribute):
                scope.names.add(inner.attr)
                op = self._attribute_op(inner)
                if op:
                    scope.ops.add(op)
            elif isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                match = _DOTTED.search(inner.value)
                if match:
                    scope.ops.add(f"{match[1]}.{match[2]}")
        self.scopes.setdefault(name, []).append(scope)

    def _attribute_op(self, node: ast.Attribute) -> str | None:
        """`<tag alias>.<op>`, or the full dotted `hmpps_..._client.api.<tag>.<op>`."""
        if isinstance(node.value, ast.Name) and node.value.id in self.tags:
            return f"{self.tags[node.value.id]}.{node.attr}"
        match = _DOTTED.fullmatch(ast.unparse(node))
        return f"{match[1]}.{match[2]}" if match else None

    def referenced(self) -> set[str]:
        found = set(self.ops.values())
        for scopes in self.scopes.values():
            for scope in scopes:
                found |= scope.ops
        return found


def facade_files(root: Path) -> Iterator[Path]:
    facade = root / "facade" / FACADE
    for path in sorted(facade.rglob("*.py")):
        if "testing" not in path.relative_to(facade).parts[:-1]:
            yield path


def scan(root: Path = ROOT) -> Coverage:
    """The coverage of the generated operations by the facade under root."""
    files = {
        path: _FileScan(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for path in facade_files(root)
    }
    graph: dict[str, _Scope] = {}
    referenced: dict[str, set[str]] = {}
    for path, found in files.items():
        for op in found.referenced():
            referenced.setdefault(op, set()).add(path.relative_to(root).as_posix())
        for name, scopes in found.scopes.items():
            merged = graph.setdefault(name, _Scope())
            for scope in scopes:
                merged.ops |= scope.ops
                merged.names |= scope.names

    wrapped: dict[str, set[str]] = {}
    for found in files.values():
        for cls, method in found.public:
            for op in _reachable_ops(method, graph):
                wrapped.setdefault(op, set()).add(f"{cls}.{method}")
    return Coverage(generated_operations(root), referenced, wrapped)


def _reachable_ops(start: str, graph: dict[str, _Scope]) -> set[str]:
    seen, todo, ops = {start}, [start], set()
    while todo:
        scope = graph.get(todo.pop())
        if scope is None:
            continue
        ops |= scope.ops
        for name in scope.names - seen:
            seen.add(name)
            todo.append(name)
    return ops


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
