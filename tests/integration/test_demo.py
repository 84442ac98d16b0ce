"""`make demo`: the quickstart against the fake served by its command line."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_demo_runs_and_leaves_nothing_behind() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "demo.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for line in (
        "Created #",
        "refused: 409, error code 101",
        "Closed #",
        "Reopened #",
        "Paged through all",
        "reading it now gives 404",
    ):
        assert line in result.stdout
    leftover = subprocess.run(
        ["pgrep", "-f", "hmpps_non_associations_api.testing serve"],
        capture_output=True,
        check=False,
    )
    assert leftover.stdout == b""
