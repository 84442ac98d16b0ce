"""The package's public surface is exactly what the "Public API" of docs/reference.md lists."""

from __future__ import annotations

import pkgutil
import re

import hmpps_non_associations_api as package

from tests.conftest import ROOT


def documented() -> set[str]:
    reference = (ROOT / "docs" / "reference.md").read_text("utf-8")
    section = reference.split("\n## Public API\n", 1)[1].split("\n## ", 1)[0]
    section = section.split("- `hmpps_non_associations_api.testing`", 1)[0]
    names = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", section))
    return {name for name in names if not name.startswith("_")} - {"hmpps_non_associations_api"}


def test_all_is_what_the_reference_lists() -> None:
    assert set(package.__all__) == documented()


def test_nothing_public_leaks_beside_all() -> None:
    public = {name for name in vars(package) if name.isidentifier() and name[0] != "_"}
    assert public - set(package.__all__) <= {"testing"}


def test_every_implementation_module_is_private() -> None:
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    assert {name for name in modules if not name.startswith("_")} == {"testing"}
