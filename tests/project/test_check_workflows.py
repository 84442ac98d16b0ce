"""scripts/check_workflows.py: pins, permissions and Dependabot coverage, checked statically.

Each check runs on a copy of this repository's own .github/, pyproject.toml and npm
manifests: the copy passes, and each deliberate mistake made in it is reported, exactly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import check_workflows
import pytest

from tests.conftest import ROOT

CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1"
NPM_DIRECTORIES = ["tests/contract", ".github/lint", "benchmarks/node"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The files the checks read, copied from this repository."""
    shutil.copytree(ROOT / ".github" / "workflows", tmp_path / ".github" / "workflows")
    shutil.copy(ROOT / ".github" / "dependabot.yml", tmp_path / ".github")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for directory in NPM_DIRECTORIES:
        (tmp_path / directory).mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(ROOT / directory / name, tmp_path / directory)
    return tmp_path


def problems(root: Path) -> list[str]:
    return [
        *check_workflows.check_pins(root),
        *check_workflows.check_permissions(root),
        *check_workflows.check_dependabot(root),
    ]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_this_repository_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_workflows.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert problems(ROOT) == []


def test_the_copy_passes_and_every_workflow_is_read(repo: Path) -> None:
    assert problems(repo) == []
    uses = [
        value
        for path in check_workflows.workflow_files(repo)
        for value in check_workflows.uses_values(check_workflows.load_yaml(path))
    ]
    assert len(uses) >= 15 and all("@" in value for value in uses)


@pytest.mark.parametrize(
    ("written", "reported"),
    [
        ("actions/checkout@v4", "is not pinned to a full commit SHA"),
        ("actions/checkout@main", "is not pinned to a full commit SHA"),
        ("actions/checkout@3d3c42e", "is not pinned to a full commit SHA"),
        (f"{CHECKOUT.upper().replace('ACTIONS/CHECKOUT', 'actions/checkout')}  # v7.0.1", "SHA"),
        (f"{CHECKOUT}", "has no `# vX.Y.Z` comment naming its version"),
        (f"{CHECKOUT}  # v7", "has no `# vX.Y.Z` comment naming its version"),
        (f"{CHECKOUT}  # latest", "has no `# vX.Y.Z` comment naming its version"),
        ("docker://alpine:3.20", "is not pinned to a sha256 digest"),
    ],
)
def test_an_unpinned_uses_is_reported(repo: Path, written: str, reported: str) -> None:
    test_yml = repo / ".github" / "workflows" / "test.yml"
    edit(test_yml, f"{CHECKOUT}  # v7.0.1", written)
    found = problems(repo)
    assert len(found) == 1, found
    assert found[0].startswith(".github/workflows/test.yml:")
    assert reported in found[0]


def test_a_local_action_and_a_docker_digest_pass(repo: Path) -> None:
    action = repo / "ci" / "local" / "action.yml"
    action.parent.mkdir(parents=True)
    digest = "docker://alpine@sha256:" + "ab" * 32
    action.write_text(
        f"name: local\nruns:\n  using: composite\n  steps:\n    - uses: {digest}\n"
        "    - uses: ./other\n"
    )
    edit(
        repo / ".github" / "dependabot.yml",
        "  - package-ecosystem: github-actions\n    directory: /\n",
        "  - package-ecosystem: github-actions\n    directories: [/, /ci/local]\n",
    )
    assert problems(repo) == []


def test_a_composite_action_is_held_to_the_same_rules(repo: Path) -> None:
    action = repo / ".github" / "actions" / "setup" / "action.yml"
    action.parent.mkdir(parents=True)
    action.write_text(
        "name: setup\nruns:\n  using: composite\n  steps:\n"
        "    - uses: actions/setup-python@v5\n      with:\n        python-version: '3.11'\n"
    )
    assert problems(repo) == [
        ".github/actions/setup/action.yml:5: actions/setup-python@v5 "
        "is not pinned to a full commit SHA",
        "dependabot.yml: no github-actions entry for /.github/actions/setup",
    ]


def test_a_uses_in_flow_style_is_not_missed(repo: Path) -> None:
    test_yml = repo / ".github" / "workflows" / "test.yml"
    edit(
        test_yml,
        f"      - uses: {CHECKOUT}  # v7.0.1\n"
        "        with:\n"
        "          persist-credentials: false\n",
        "      - {uses: actions/checkout@v4}\n",
    )
    assert problems(repo) == [
        ".github/workflows/test.yml: a `uses:` is written in a form this check cannot read"
    ]


def test_one_action_pinned_to_two_commits_is_reported(repo: Path) -> None:
    other = "actions/checkout@" + "0" * 40
    edit(
        repo / ".github" / "workflows" / "drift.yml", f"{CHECKOUT}  # v7.0.1", f"{other}  # v6.0.0"
    )
    (found,) = problems(repo)
    assert found == (
        "actions/checkout is pinned differently in different places: "
        "000000000000 (v6.0.0), 3d3c42e5aac5 (v7.0.1)"
    )


def test_missing_and_writing_permissions_are_reported(repo: Path) -> None:
    workflows = repo / ".github" / "workflows"
    edit(workflows / "test.yml", "permissions: {}\n", "permissions:\n  contents: write\n")
    edit(workflows / "drift.yml", "permissions: {}\n", "")
    edit(
        workflows / "test.yml",
        "    permissions:\n      contents: read\n    strategy:",
        "    strategy:",
    )
    assert problems(repo) == [
        ".github/workflows/drift.yml: top-level permissions must be a mapping, not 'missing'",
        ".github/workflows/test.yml: top-level permissions grant write; grant it per job",
        ".github/workflows/test.yml: job test declares no permissions of its own",
    ]


def test_a_new_npm_directory_needs_a_dependabot_entry(repo: Path) -> None:
    (repo / "tools" / "site").mkdir(parents=True)
    (repo / "tools" / "site" / "package.json").write_text("{}")
    # Installed packages are not the project's manifests.
    (repo / "tests" / "contract" / "node_modules" / "x").mkdir(parents=True)
    (repo / "tests" / "contract" / "node_modules" / "x" / "package.json").write_text("{}")
    assert problems(repo) == ["dependabot.yml: no npm entry for /tools/site"]


def test_an_entry_for_a_directory_without_manifests_is_reported(repo: Path) -> None:
    shutil.rmtree(repo / "benchmarks")
    assert problems(repo) == ["dependabot.yml: npm entry for /benchmarks/node, which has none"]


def test_a_missing_ecosystem_is_reported(repo: Path) -> None:
    config = repo / ".github" / "dependabot.yml"
    text = config.read_text()
    start = text.index("  # Every action in .github/workflows")
    end = text.index("  # Stoplight Prism")
    config.write_text(text[:start] + text[end:])
    assert problems(repo) == ["dependabot.yml: no github-actions entry for /"]


def test_ungrouped_or_not_weekly_entries_are_reported(repo: Path) -> None:
    config = repo / ".github" / "dependabot.yml"
    edit(config, '    groups:\n      workflow-lint:\n        patterns: ["*"]\n', "")
    edit(
        config,
        "    directory: /.github/lint\n    schedule:\n      interval: weekly",
        "    directory: /.github/lint\n    schedule:\n      interval: daily",
    )
    assert problems(repo) == [
        "dependabot.yml entry 4 (npm /.github/lint): not weekly",
        "dependabot.yml entry 4 (npm /.github/lint): no groups, so each update would be a "
        "pull request",
    ]


def test_a_new_runtime_dependency_must_join_the_runtime_group(repo: Path) -> None:
    edit(repo / "pyproject.toml", '    "yarl>=1.12",\n', '    "yarl>=1.12",\n    "Brotli>=1.1",\n')
    (found,) = problems(repo)
    assert found.startswith("dependabot.yml entry 1 (pip /): the first group's patterns")
    assert "'brotli'" in found


def test_no_dependabot_configuration_is_reported(repo: Path) -> None:
    (repo / ".github" / "dependabot.yml").unlink()
    assert check_workflows.check_dependabot(repo) == [".github/dependabot.yml is missing"]


def test_the_command_exits_1_and_lists_the_problems(repo: Path) -> None:
    edit(
        repo / ".github" / "workflows" / "test.yml", f"{CHECKOUT}  # v7.0.1", "actions/checkout@v4"
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_workflows.py"), "--root", str(repo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "actions/checkout@v4 is not pinned to a full commit SHA" in result.stdout
    assert result.stdout.endswith("check_workflows: 1 problem(s)\n")


def check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            "vendor.dependabot",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_dependabot_yml_fits_the_schema_and_a_mistyped_key_does_not(repo: Path) -> None:
    """make lint also validates dependabot.yml against SchemaStore's schema."""
    good = check_jsonschema(repo / ".github" / "dependabot.yml")
    assert good.returncode == 0, good.stdout + good.stderr
    edit(repo / ".github" / "dependabot.yml", "default-days: 7", "default: 7")
    bad = check_jsonschema(repo / ".github" / "dependabot.yml")
    assert bad.returncode == 1
    assert "default" in bad.stdout
