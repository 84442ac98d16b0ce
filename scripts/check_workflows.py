"""Static supply-chain checks of .github/, run by `make lint`.

    python scripts/check_workflows.py [--root DIR]

- Pins: every `uses:` in .github/workflows/ and in any action.yml names a full 40-hex
  commit followed by its version in a comment, `owner/repo[/path]@<sha> # vX.Y.Z`, and an
  action is pinned to one commit everywhere. Local actions (`./...`) are exempt; a
  `docker://` image needs a `@sha256:` digest.
- Permissions: every workflow declares `permissions:` at the top, granting no write,
  and every job declares its own.
- Dependabot: .github/dependabot.yml has a weekly, grouped entry for each ecosystem
  directory (pip where a pyproject.toml is, npm where a package.json or
  package-lock.json is, github-actions at / for the workflows and wherever an action.yml
  is) and none for a directory without one. pip's first group holds exactly the
  runtime dependencies (with the extras), so their updates arrive apart from the tools'.

Exit 1 and list every problem found; nothing here needs the network.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

PINNED = re.compile(r"(?P<action>[\w.-]+/[\w.-]+(?:/[^@\s]+)?)@(?P<sha>[0-9a-f]{40})")
VERSION_COMMENT = re.compile(r"v\d+\.\d+\.\d+")
DOCKER_DIGEST = re.compile(r"docker://[^@\s]+@sha256:[0-9a-f]{64}")
USES_LINE = re.compile(
    r"^\s*(?:-\s+)?uses:\s*(?P<quote>['\"]?)(?P<ref>[^\s'\"#]+)(?P=quote)"
    r"\s*(?:#\s*(?P<comment>.*?))?\s*$"
)
# Directories never searched for manifests: installed packages, caches, virtual environments.
SKIP_DIRS = {"node_modules", "__pycache__", "dist", "build"}
NPM_MANIFESTS = ("package.json", "package-lock.json")
ACTION_FILES = ("action.yml", "action.yaml")


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflow_files(root: Path) -> list[Path]:
    folder = root / ".github" / "workflows"
    return sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")])


def walk(root: Path) -> list[Path]:
    """Every file below root, outside hidden directories (but .github) and SKIP_DIRS."""
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if name not in SKIP_DIRS and (not name.startswith(".") or name == ".github")
        )
        found.extend(Path(directory) / name for name in sorted(files))
    return found


def action_files(root: Path) -> list[Path]:
    return [path for path in walk(root) if path.name in ACTION_FILES]


def uses_values(document: Any) -> list[str]:
    """The `uses:` of every job and step of a workflow, or every step of an action."""
    if not isinstance(document, dict):
        return []
    found: list[str] = []
    steps: list[Any] = []
    for job in (document.get("jobs") or {}).values():
        if isinstance(job, dict):
            if "uses" in job:
                found.append(str(job["uses"]))
            steps.extend(job.get("steps") or [])
    runs = document.get("runs")
    if isinstance(runs, dict):
        steps.extend(runs.get("steps") or [])
    found.extend(str(step["uses"]) for step in steps if isinstance(step, dict) and "uses" in step)
    return found


def check_pins(root: Path) -> list[str]:
    problems: list[str] = []
    commits: dict[str, set[tuple[str, str]]] = {}
    for path in [*workflow_files(root), *action_files(root)]:
        name = path.relative_to(root).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        written = [
            (number, match)
            for number, line in enumerate(lines, 1)
            if (match := USES_LINE.match(line))
        ]
        if Counter(match["ref"] for _, match in written) != Counter(uses_values(load_yaml(path))):
            problems.append(f"{name}: a `uses:` is written in a form this check cannot read")
        for number, match in written:
            ref, comment = match["ref"], (match["comment"] or "").strip()
            where = f"{name}:{number}: {ref}"
            if ref.startswith("./"):
                continue
            if ref.startswith("docker://"):
                if not DOCKER_DIGEST.fullmatch(ref):
                    problems.append(f"{where} is not pinned to a sha256 digest")
                continue
            pinned = PINNED.fullmatch(ref)
            if not pinned:
                problems.append(f"{where} is not pinned to a full commit SHA")
                continue
            if not VERSION_COMMENT.match(comment):
                problems.append(f"{where} has no `# vX.Y.Z` comment naming its version")
                continue
            commits.setdefault(pinned["action"], set()).add((pinned["sha"], comment))
    for action, pins in sorted(commits.items()):
        if len(pins) > 1:
            listed = ", ".join(f"{sha[:12]} ({comment})" for sha, comment in sorted(pins))
            problems.append(f"{action} is pinned differently in different places: {listed}")
    return problems


def check_permissions(root: Path) -> list[str]:
    problems: list[str] = []
    for path in workflow_files(root):
        name = path.relative_to(root).as_posix()
        document = load_yaml(path)
        top = document.get("permissions", "missing")
        if not isinstance(top, dict):
            problems.append(f"{name}: top-level permissions must be a mapping, not {top!r}")
        elif any(level == "write" for level in top.values()):
            problems.append(f"{name}: top-level permissions grant write; grant it per job")
        for job_name, job in (document.get("jobs") or {}).items():
            if not isinstance(job, dict) or not isinstance(job.get("permissions"), dict):
                problems.append(f"{name}: job {job_name} declares no permissions of its own")
    return problems


def manifest_directories(root: Path) -> dict[str, set[str]]:
    """Per Dependabot ecosystem, the directories (as `/path`) that need an entry."""
    wanted: dict[str, set[str]] = {"pip": set(), "npm": set(), "github-actions": set()}

    def slash(directory: Path) -> str:
        relative = directory.relative_to(root).as_posix()
        return "/" if relative == "." else f"/{relative}"

    for path in walk(root):
        if path.name == "pyproject.toml":
            wanted["pip"].add(slash(path.parent))
        elif path.name in NPM_MANIFESTS:
            wanted["npm"].add(slash(path.parent))
        elif path.name in ACTION_FILES:
            wanted["github-actions"].add(slash(path.parent))
    if workflow_files(root):
        wanted["github-actions"].add("/")
    return wanted


def runtime_names(root: Path) -> set[str]:
    """The runtime dependencies' names, extras included, normalised as PyPI does."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    names = set()
    for requirement in requirements:
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        if match:
            names.add(re.sub(r"[-_.]+", "-", match.group()).lower())
    return names


def check_dependabot(root: Path) -> list[str]:
    path = root / ".github" / "dependabot.yml"
    if not path.is_file():
        return [".github/dependabot.yml is missing"]
    config = load_yaml(path)
    if not isinstance(config, dict) or config.get("version") != 2:
        return [".github/dependabot.yml: not a version 2 configuration"]
    problems: list[str] = []
    covered: dict[str, set[str]] = {}
    for number, entry in enumerate(config.get("updates") or [], 1):
        ecosystem = entry.get("package-ecosystem", "?")
        directories = entry.get("directories") or [entry.get("directory")]
        where = f"dependabot.yml entry {number} ({ecosystem} {', '.join(map(str, directories))})"
        covered.setdefault(ecosystem, set()).update(map(str, directories))
        if (entry.get("schedule") or {}).get("interval") != "weekly":
            problems.append(f"{where}: not weekly")
        if not entry.get("groups"):
            problems.append(f"{where}: no groups, so each update would be a pull request")
        if ecosystem == "pip" and "/" in directories and (root / "pyproject.toml").is_file():
            groups = list((entry.get("groups") or {}).values())
            first = groups[0].get("patterns") if groups else None
            if sorted(first or []) != sorted(runtime_names(root)):
                problems.append(
                    f"{where}: the first group's patterns must be the runtime dependencies "
                    f"{sorted(runtime_names(root))}, not {first}"
                )
    for ecosystem, wanted in manifest_directories(root).items():
        have = covered.get(ecosystem, set())
        for directory in sorted(wanted - have):
            problems.append(f"dependabot.yml: no {ecosystem} entry for {directory}")
        for directory in sorted(have - wanted):
            problems.append(f"dependabot.yml: {ecosystem} entry for {directory}, which has none")
    for ecosystem in sorted(set(covered) - set(manifest_directories(root))):
        problems.append(f"dependabot.yml: {ecosystem} is not an ecosystem this repository uses")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    problems = [*check_pins(root), *check_permissions(root), *check_dependabot(root)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"check_workflows: {len(problems)} problem(s)")
        return 1
    print("check_workflows: actions pinned, permissions declared, every ecosystem in Dependabot")
    return 0


if __name__ == "__main__":
    sys.exit(main())
