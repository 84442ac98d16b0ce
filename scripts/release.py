"""Release checks for a tag `vX.Y.Z` (used by .github/workflows/release.yml).

python scripts/release.py check TAG   exit 0 when TAG is `v` + the pyproject.toml
                                      version and CHANGELOG.md has a section for it
python scripts/release.py notes TAG   print that CHANGELOG.md section (the release notes)
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(r"v(\d+\.\d+\.\d+)")


class ReleaseError(Exception):
    """The tag, the package version and the changelog do not agree."""


def project_version(root: Path | None = None) -> str:
    """The version pyproject.toml declares: the single source of the package's version."""
    project = tomllib.loads(((root or ROOT) / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    return str(project["version"])


def version_of(tag: str, root: Path | None = None) -> str:
    """The version a release tag names, once it is checked against pyproject.toml."""
    match = TAG.fullmatch(tag)
    if not match:
        raise ReleaseError(f"tag {tag!r} is not of the form vX.Y.Z")
    declared = project_version(root)
    if match.group(1) != declared:
        raise ReleaseError(f"tag {tag} does not match the version in pyproject.toml ({declared})")
    return declared


def changelog_section(version: str, root: Path | None = None) -> str:
    """The text under `## [version]` in CHANGELOG.md, up to the next section."""
    text = ((root or ROOT) / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n", text, re.MULTILINE)
    if not heading:
        raise ReleaseError(f"CHANGELOG.md has no '## [{version}]' section")
    rest = text[heading.end() :]
    end = re.search(r"^## |^\[[^\]]+\]: ", rest, re.MULTILINE)  # next section or the links
    body = rest[: end.start() if end else len(rest)].strip()
    if not body:
        raise ReleaseError(f"CHANGELOG.md's '## [{version}]' section is empty")
    return body + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["check", "notes"])
    parser.add_argument("tag", help="the release tag, vX.Y.Z")
    args = parser.parse_args(argv)
    try:
        version = version_of(args.tag)
        notes = changelog_section(version)
    except ReleaseError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.command == "notes":
        print(notes, end="")
    else:
        print(f"{args.tag}: pyproject.toml and CHANGELOG.md agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
