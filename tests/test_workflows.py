"""The workflows cannot run here; keep them valid and pointed at the right commands."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def test_workflows_pass_yamllint() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "yamllint",
            "--strict",
            "-d",
            "{extends: default, rules: {line-length: {max: 100}}}",
            str(WORKFLOWS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_run_the_project_commands() -> None:
    assert "bash .ci/run" in (WORKFLOWS / "test.yml").read_text()
    drift = (WORKFLOWS / "drift.yml").read_text()
    assert "schedule:" in drift and "--check --url" in drift


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
