"""mypy --strict: the facade itself, and the open/closed overloads as callers see them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def mypy(*targets: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_overloads_select_open_and_closed_results() -> None:
    result = mypy("tests/clients/typing_checks.py")
    assert result.returncode == 0, result.stdout


def test_a_wrong_expectation_is_reported(tmp_path: Path) -> None:
    """Guard against a checker that passes everything."""
    bad = tmp_path / "typing_wrong.py"
    bad.write_text(
        "from typing import assert_type\n"
        "from hmpps_non_associations_api import NonAssociationsApi, ClosedPrisonerNonAssociations\n"
        "def f(api: NonAssociationsApi) -> None:\n"
        "    assert_type(api.list_non_associations('A1234BC'), ClosedPrisonerNonAssociations)\n"
    )
    result = mypy(str(bad))
    assert result.returncode == 1
    assert "assert-type" in result.stdout
