"""scripts/release.py: a release tag must agree with pyproject.toml and CHANGELOG.md."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import release

from tests.conftest import ROOT

PROJECT_URLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "urls"
]

CHANGELOG = """# Changelog

## [Unreleased]

- Something not yet released.

## [1.2.0] - 2030-01-02

### Added

- Feature two.

## [1.1.0] - 2030-01-01

- Feature one.

[Unreleased]: https://example.invalid/compare/v1.2.0...HEAD
[1.2.0]: https://example.invalid/releases/tag/v1.2.0
"""


def project(tmp_path: Path, version: str, changelog: str = CHANGELOG) -> Path:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{version}"\n')
    (tmp_path / "CHANGELOG.md").write_text(changelog)
    return tmp_path


def test_the_repository_is_ready_to_tag_its_version() -> None:
    version = release.project_version()
    assert release.version_of(f"v{version}") == version
    assert release.changelog_section(version).strip()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "release.py"), "check", f"v{version}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("tag", ["1.2.0", "v1.2", "v1.2.0rc1", "release-1.2.0", "v1.2.0 "])
def test_a_tag_not_of_the_form_vxyz_is_refused(tmp_path: Path, tag: str) -> None:
    with pytest.raises(release.ReleaseError, match=r"not of the form vX\.Y\.Z"):
        release.version_of(tag, project(tmp_path, "1.2.0"))


def test_a_tag_naming_another_version_is_refused(tmp_path: Path) -> None:
    with pytest.raises(release.ReleaseError, match=r"v1\.2\.1 does not match .*\(1\.2\.0\)"):
        release.version_of("v1.2.1", project(tmp_path, "1.2.0"))


def test_the_notes_are_the_version_section_only(tmp_path: Path) -> None:
    root = project(tmp_path, "1.2.0")
    assert release.changelog_section("1.2.0", root) == "### Added\n\n- Feature two.\n"
    assert release.changelog_section("1.1.0", root) == "- Feature one.\n"


def test_a_version_missing_from_the_changelog_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, "1.3.0")
    with pytest.raises(release.ReleaseError, match=r"no '## \[1\.3\.0\]' section"):
        release.changelog_section("1.3.0", root)
    with pytest.raises(release.ReleaseError, match=r"no '## \[1\.2\]' section"):
        release.changelog_section("1.2", root)


def test_an_empty_section_is_refused(tmp_path: Path) -> None:
    empty = CHANGELOG.replace("## [1.2.0]", "## [2.0.0] - 2030-02-01\n\n## [1.2.0]")
    root = project(tmp_path, "2.0.0", empty)
    with pytest.raises(release.ReleaseError, match="section is empty"):
        release.changelog_section("2.0.0", root)


def test_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(release, "ROOT", project(tmp_path, "1.2.0"))
    assert release.main(["notes", "v1.2.0"]) == 0
    assert capsys.readouterr().out == "### Added\n\n- Feature two.\n"
    assert release.main(["check", "v1.2.0"]) == 0
    assert "agree" in capsys.readouterr().out
    assert release.main(["check", "v1.1.0"]) == 1
    assert "does not match" in capsys.readouterr().err


def test_the_readme_installs_from_pypi_first_and_names_the_current_release() -> None:
    version = release.project_version()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    first_block = install.split("```sh\n", 1)[1].split("```", 1)[0]
    assert (
        first_block == "pip install hmpps-non-associations-api\nuv add hmpps-non-associations-api\n"
    )
    assert 'pip install "hmpps-non-associations-api[otel]"' in install
    assert 'uv add "hmpps-non-associations-api[otel]"' in install
    assert f"hmpps-non-associations-api=={version}" in install
    # The alternatives, for the release this tree would make.
    repository = PROJECT_URLS["Repository"]
    wheel = f"hmpps_non_associations_api-{version}-py3-none-any.whl"
    assert f"uv add {repository}/releases/download/v{version}/{wheel}" in install
    assert f'pip install "git+{repository}@v{version}"' in install
    assert f"hmpps-non-associations-api @ git+{repository}@v{version}" in install
    # Until a release is on PyPI: the repository's main branch.
    assert f'pip install "git+{repository}@main"' in install
