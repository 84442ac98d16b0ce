"""The facade's layers and its freedom from import cycles (pyproject.toml's import-linter
contracts, run by `make lint`), and that the check notices when either is broken."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "facade" / "hmpps_non_associations_api"


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": f"{package_parent}{os.pathsep}{ROOT / 'generated'}"}
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "lint-imports"),
            "--config",
            str(ROOT / "pyproject.toml"),
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=package_parent,
        timeout=120,
        check=False,
    )


def copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package with `line` added at the top of `module`'s code."""
    copied = tmp_path / "hmpps_non_associations_api"
    shutil.copytree(PACKAGE, copied, ignore=shutil.ignore_patterns("__pycache__"))
    target = copied / module
    text = target.read_text(encoding="utf-8")
    marker = "from __future__ import annotations\n"
    target.write_text(text.replace(marker, f"{marker}{line}\n", 1), encoding="utf-8")
    return tmp_path


def test_the_package_keeps_its_contracts() -> None:
    result = lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_import_running_upward_is_caught(tmp_path: Path) -> None:
    parent = copy_with(tmp_path, "_transport/_wire.py", "from .._call import _rules  # noqa")
    result = lint_imports(parent)
    assert result.returncode == 1
    assert "The facade is layered BROKEN" in result.stdout
    words = " ".join(result.stdout.split())  # the report wraps long lines
    assert (
        "hmpps_non_associations_api._transport._wire -> hmpps_non_associations_api._call._rules"
        in words
    )


def test_one_connection_layer_importing_another_is_caught(tmp_path: Path) -> None:
    result = lint_imports(
        copy_with(tmp_path, "_transport/_pool.py", "from . import _sync_httpx  # noqa")
    )
    assert result.returncode == 1
    assert "The connection layers are independent BROKEN" in result.stdout


def test_a_cycle_between_folders_of_one_layer_is_caught(tmp_path: Path) -> None:
    # _spec and _settings share the bottom layer, and neither imports the other: an
    # import each way would be a cycle the layers allow but the last contract does not.
    parent = copy_with(tmp_path, "_spec/_london.py", "from .._settings import _config  # noqa")
    target = parent / "hmpps_non_associations_api" / "_settings" / "_config.py"
    text = target.read_text(encoding="utf-8")
    marker = "from __future__ import annotations\n"
    target.write_text(text.replace(marker, f"{marker}from .._spec import _london  # noqa\n", 1))
    result = lint_imports(parent)
    assert result.returncode == 1
    assert "No import cycles BROKEN" in result.stdout
