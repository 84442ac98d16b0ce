"""The documentation site (mkdocs.yml): the API reference documents every public name of
`hmpps_non_associations_api` and of `hmpps_non_associations_api.testing` under its public
name, every page under docs/ is on the site, and the site builds with --strict.

The package loads most names on first use (PEP 562), so the reference reads the source
instead: mkdocstrings follows each public name through the imports under TYPE_CHECKING
to where it is defined. A name missing there, or one the reader cannot follow, fails the
strict build, and the tests below check the built page has an entry for each name.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import hmpps_non_associations_api as package
import hmpps_non_associations_api.testing as testing
import pytest
import yaml

from tests.conftest import ROOT

REFERENCE = ROOT / "docs" / "reference.md"
DIRECTIVE = re.compile(r"^::: (?P<identifier>\S+)$", re.MULTILINE)


def public_names() -> list[str]:
    """Every public name, as the reference's identifiers spell it."""
    return [f"{package.__name__}.{name}" for name in package.__all__] + [
        f"{testing.__name__}.{name}" for name in testing.__all__
    ]


def test_the_reference_page_has_one_entry_per_public_name() -> None:
    entries = DIRECTIVE.findall(REFERENCE.read_text(encoding="utf-8"))
    assert len(entries) == len(set(entries))
    assert sorted(entries) == sorted(public_names())


def nav_pages(nav: list[object]) -> list[str]:
    pages: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += nav_pages(value) if isinstance(value, list) else [str(value)]
    return pages


def test_every_page_under_docs_is_on_the_site() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    assert config["docs_dir"] == "docs" and config["strict"] is True
    pages = nav_pages(config["nav"])
    assert pages[0] == "index.md"  # the README, added by scripts/docs_hooks.py
    assert not (ROOT / "docs" / "index.md").exists()
    assert sorted(pages[1:]) == sorted(path.name for path in (ROOT / "docs").glob("*.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `make lint` builds it, into a directory of its own."""
    directory = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return directory


def test_the_built_reference_has_an_entry_headed_by_each_public_name(site: Path) -> None:
    page = (site / "reference" / "index.html").read_text(encoding="utf-8")
    headed = dict(
        re.findall(
            r'<h[2-4] id="(?P<id>[^"]+)" class="doc doc-heading">\s*'
            r'<span class="doc doc-object-name[^"]*">(?P<name>[^<]+)</span>',
            page,
        )
    )
    missing = [name for name in public_names() if name not in headed]
    assert missing == []
    for identifier in public_names():
        assert headed[identifier] == identifier.rsplit(".", 1)[1], identifier


def test_the_home_page_is_the_readme_and_links_leave_the_site_for_the_repository(
    site: Path,
) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="answering-the-everyday-questions"' in home
    repository = "https://github.com/ministryofjustice/hmpps-non-associations-api-python"
    assert f'href="{repository}/blob/main/SECURITY.md"' in home
    assert 'href="client/"' in home  # docs/client.md, a page of the site
    client = (site / "client" / "index.html").read_text(encoding="utf-8")
    assert f'href="{repository}/blob/main/examples/fastapi_app.py"' in client
    assert 'href="../#answering-the-everyday-questions"' in client
