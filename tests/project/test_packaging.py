"""What gets published: the wheel and sdist `python -m build` makes from this tree, and
the CycloneDX SBOM of the runtime dependencies that the GitHub release carries with them.

The wheel ships both packages, their typing markers, the fake's document, the pytest
plugin and the licence; its metadata asks for exactly the distributions the packaged
code imports, and carries no development extras (those are dependency groups).
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.message import Message
from email.parser import HeaderParser
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = PROJECT["version"]
REPOSITORY = "https://github.com/ministryofjustice/hmpps-non-associations-api-python"
PACKAGES = ("hmpps_non_associations_api", "hmpps_non_associations_api_client")
# Imported by the pytest plugin module, which only pytest itself ever loads.
PLUGIN_ONLY = {"pytest"}
# Declared but never imported: zoneinfo reads its time-zone data.
DATA_ONLY = {"tzdata"}
# Namespace packages many distributions share: the one whose modules the client imports.
NAMESPACES = {"opentelemetry": "opentelemetry-api"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it, as a release builds them."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("*.whl")
    assert found.name == f"hmpps_non_associations_api-{VERSION}-py3-none-any.whl"
    return found


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    (found,) = dist.glob("*.tar.gz")
    assert found.name == f"hmpps_non_associations_api-{VERSION}.tar.gz"
    return found


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return HeaderParser().parsestr(archive.read(name).decode())


def requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group()).lower()


def test_wheel_contents(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"hmpps_non_associations_api-{VERSION}.dist-info"
        points = archive.read(f"{info}/entry_points.txt").decode()
        packaged_spec = archive.read("hmpps_non_associations_api/openapi.json")
        licence = archive.read(f"{info}/licenses/LICENSE").decode()
    for expected in (
        "hmpps_non_associations_api/__init__.py",
        "hmpps_non_associations_api/py.typed",
        "hmpps_non_associations_api/_clients/_sync_client.py",
        "hmpps_non_associations_api/_clients/_async_client.py",
        "hmpps_non_associations_api/openapi.json",
        "hmpps_non_associations_api/testing/pytest_plugin.py",
        "hmpps_non_associations_api_client/__init__.py",
        "hmpps_non_associations_api_client/py.typed",
        "hmpps_non_associations_api_client/models/non_association.py",
    ):
        assert expected in names
    top_level = {name.split("/")[0] for name in names}
    assert top_level == {*PACKAGES, info}
    assert packaged_spec == (ROOT / "openapi.json").read_bytes()
    assert "Crown Copyright (Ministry of Justice)" in licence
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert re.search(
        r"^\[pytest11\]\nhmpps_non_associations_api = "
        r"hmpps_non_associations_api\.testing\.pytest_plugin$",
        points,
        re.MULTILINE,
    )
    # The command line (README: Command line), installed with the package.
    assert re.search(
        r"^\[console_scripts\]\nhmpps-non-associations = hmpps_non_associations_api\._cli:main$",
        points,
        re.MULTILINE,
    )


def test_wheel_metadata_declares_runtime_dependencies_only(wheel: Path) -> None:
    metadata = wheel_metadata(wheel)
    assert metadata["Name"] == "hmpps-non-associations-api"
    assert metadata["Version"] == VERSION
    assert metadata["Requires-Python"] == ">=3.11"
    requires = metadata.get_all("Requires-Dist") or []
    assert sorted(requirement_name(r) for r in requires if "extra ==" not in r) == [
        "aiohttp",
        "attrs",
        "certifi",
        "httpx",
        "msgspec",
        "tzdata",
        "yarl",
    ]
    # Development tools are dependency groups: the one extra is OpenTelemetry (README:
    # Observability), nothing for `pip install pkg[test]`.
    assert metadata.get_all("Provides-Extra") == ["otel"]
    assert [r for r in requires if "extra ==" in r] == ["opentelemetry-api>=1.27; extra == 'otel'"]
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL") or [])
    assert urls["Repository"] == REPOSITORY
    assert urls["Changelog"] == f"{REPOSITORY}/blob/main/CHANGELOG.md"
    classifiers = metadata.get_all("Classifier") or []
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert "Typing :: Typed" in classifiers
    assert metadata["Description-Content-Type"] == "text/markdown"


def imported_distributions(wheel: Path) -> set[str]:
    """Distributions providing the top-level modules the wheel's code imports."""
    providers = importlib.metadata.packages_distributions()
    found: set[str] = set()
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if not name.endswith(".py"):
                continue
            tree = ast.parse(archive.read(name), filename=name)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in sys.stdlib_module_names or top in PACKAGES or top == "__future__":
                        continue
                    if top in PLUGIN_ONLY and name.endswith("testing/pytest_plugin.py"):
                        continue
                    assert top in providers, f"{name} imports {top}, which nothing provides"
                    if top in NAMESPACES:
                        found.add(NAMESPACES[top])
                        continue
                    found.update(requirement_name(d) for d in providers[top])
    return found


def test_every_imported_distribution_is_declared(wheel: Path) -> None:
    requires = wheel_metadata(wheel).get_all("Requires-Dist") or []
    declared = {requirement_name(r) for r in requires}
    assert imported_distributions(wheel) == declared - DATA_ONLY


def test_sdist_contents(sdist: Path) -> None:
    prefix = f"hmpps_non_associations_api-{VERSION}"
    with tarfile.open(sdist) as archive:
        names = {name.removeprefix(f"{prefix}/") for name in archive.getnames()}
        pkg_info = archive.extractfile(f"{prefix}/PKG-INFO")
        assert pkg_info is not None
        metadata = HeaderParser().parsestr(pkg_info.read().decode())
    for expected in (
        "pyproject.toml",
        "LICENSE",
        "README.md",
        "CHANGELOG.md",
        "openapi.json",
        "facade/hmpps_non_associations_api/py.typed",
        "facade/hmpps_non_associations_api/openapi.json",
        "generated/hmpps_non_associations_api_client/py.typed",
        "generated/hmpps_non_associations_api_client/models/non_association.py",
    ):
        assert expected in names
    assert not any(
        part in {".venv", "node_modules", "__pycache__", "dist"}
        for name in names
        for part in name.split("/")
    )
    assert metadata["Version"] == VERSION
    assert metadata.get_all("Provides-Extra") == ["otel"]


def test_twine_check_passes(dist: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


def test_installed_wheel_and_sdist_work_in_a_fresh_venv(wheel: Path, sdist: Path) -> None:
    """scripts/smoke_dist.py, as CI and the release run it: each file (its dependencies
    from the package index) and pytest go into a new virtual environment, where
    tests/project/wheel_smoke.py then runs."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "smoke_dist.py"), str(wheel), str(sdist)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("1 passed") == 2, result.stdout
    assert "2 file(s) install and work" in result.stdout


def test_smoke_dist_installs_the_pytest_the_test_group_pins() -> None:
    import smoke_dist

    assert smoke_dist.pytest_requirement() == f"pytest=={importlib.metadata.version('pytest')}"


def test_the_sbom_lists_the_runtime_dependencies_and_nothing_else(
    wheel: Path, tmp_path: Path
) -> None:
    """scripts/sbom.py, as the release runs it: CycloneDX 1.6 for a venv holding only the
    wheel and what it pulls in."""
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    output = tmp_path / "sbom.cdx.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sbom.py"), str(wheel), str(output)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = output.read_text(encoding="utf-8")
    document = json.loads(text)
    assert (document["bomFormat"], document["specVersion"]) == ("CycloneDX", "1.6")
    root = document["metadata"]["component"]
    assert (root["name"], root["version"], root["type"]) == (PROJECT["name"], VERSION, "library")
    assert "serialNumber" not in document and "timestamp" not in document["metadata"]
    names = {requirement_name(component["name"]) for component in document["components"]}
    direct = {"aiohttp", "attrs", "certifi", "httpx", "msgspec", "tzdata", "yarl"}
    assert direct < names  # and what they pull in
    assert not names & {"pip", "setuptools", "pytest", "cyclonedx-bom", PROJECT["name"]}
    for component in document["components"]:
        assert (
            component["purl"]
            == f"pkg:pypi/{requirement_name(component['name'])}@" + (component["version"])
        )
    (graph,) = [node for node in document["dependencies"] if node["ref"] == root["bom-ref"]]
    assert {requirement_name(ref.split("==")[0]) for ref in graph["dependsOn"]} == direct
    validator = JsonStrictValidator(SchemaVersion.V1_6)
    assert validator.validate_str(text) is None
    document["components"][0]["purl"] = 5  # and the validator does catch a broken one
    assert validator.validate_str(json.dumps(document)) is not None
