"""Known vulnerabilities in what the package installs and in the tools that build it.

    python scripts/audit.py check          the exceptions file is well formed (make lint)
    python scripts/audit.py python         pip-audit: the runtime set and the tool set
    python scripts/audit.py node [DIR...]  npm audit of each npm directory (default: all)
    python scripts/audit.py all            python, then node (make audit)

The runtime set is pyproject.toml's dependencies and extras as an application installs
them today (pip-audit resolves the ranges and everything they pull in); the tool set is
every dependency group and the build backend, exact pins and all they pull in. The npm
directories are audited from their lock files.

Any known vulnerability fails, unless .github/audit-exceptions.toml accepts it with an
entry that is well formed and not past its review_by date; each accepted pip-audit id is
passed on as `--ignore-vuln`. An audit that cannot run, or a dependency it could not
look up, fails too: silence is not a clean result.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXCEPTIONS = ROOT / ".github" / "audit-exceptions.toml"
NPM_DIRECTORIES = ("tests/contract", ".github/lint", "benchmarks/node")
MAX_ACCEPTANCE = datetime.timedelta(days=90)
KEYS = ("id", "ecosystem", "package", "reason", "reviewer", "accepted", "review_by")
ID = re.compile(r"[A-Z][A-Z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*")
GHSA = re.compile(r"GHSA(?:-[0-9a-z]{4}){3}")


class AuditError(Exception):
    """The exceptions file or an audit's output is not what it must be."""


@dataclass(frozen=True)
class Accepted:
    """One reviewed, dated acceptance of a known vulnerability."""

    id: str
    ecosystem: str
    package: str
    reason: str
    reviewer: str
    accepted: datetime.date
    review_by: datetime.date


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_entry(number: int, entry: Any, today: datetime.date, enforce_expiry: bool) -> Accepted:
    where = f"entry {number}"
    if not isinstance(entry, dict):
        raise AuditError(f"{where}: not a table")
    if isinstance(entry.get("id"), str):
        where = f"entry {number} ({entry['id']})"
    missing = [key for key in KEYS if key not in entry]
    unknown = sorted(set(entry) - set(KEYS))
    if missing or unknown:
        raise AuditError(f"{where}: missing {missing}, unknown {unknown}")
    for key in ("id", "ecosystem", "package", "reason", "reviewer"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise AuditError(f"{where}: {key} must be a non-empty string")
    for key in ("accepted", "review_by"):
        value = entry[key]
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise AuditError(f"{where}: {key} must be a date (YYYY-MM-DD, unquoted)")
    if not ID.fullmatch(entry["id"]):
        raise AuditError(f"{where}: id is not a vulnerability id (GHSA-, PYSEC-, CVE-...)")
    if entry["ecosystem"] not in ("pypi", "npm"):
        raise AuditError(f"{where}: ecosystem must be 'pypi' or 'npm'")
    if len(entry["reason"].split()) < 5:
        raise AuditError(f"{where}: the reason must say why, in a sentence")
    accepted, review_by = entry["accepted"], entry["review_by"]
    if accepted > today:
        raise AuditError(f"{where}: accepted {accepted} is in the future")
    if not accepted < review_by <= accepted + MAX_ACCEPTANCE:
        raise AuditError(f"{where}: review_by must be within 90 days after accepted")
    if enforce_expiry and review_by <= today:
        raise AuditError(f"{where}: expired on {review_by}; review it again or fix it")
    package = normalise(entry["package"]) if entry["ecosystem"] == "pypi" else entry["package"]
    return Accepted(
        entry["id"],
        entry["ecosystem"],
        package,
        entry["reason"],
        entry["reviewer"],
        accepted,
        review_by,
    )


def load_exceptions(
    path: Path = EXCEPTIONS, today: datetime.date | None = None, enforce_expiry: bool = True
) -> list[Accepted]:
    """Every entry of the exceptions file; AuditError on the first one that is not valid."""
    today = today or datetime.date.today()
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise AuditError(f"{path.name}: {error}") from None
    unknown = sorted(set(document) - {"accepted"})
    if unknown:
        raise AuditError(f"{path.name}: unknown keys {unknown}; entries are [[accepted]]")
    entries = document.get("accepted", [])
    if not isinstance(entries, list):
        raise AuditError(f"{path.name}: accepted must be an array of tables ([[accepted]])")
    parsed = []
    for number, entry in enumerate(entries, 1):
        try:
            parsed.append(parse_entry(number, entry, today, enforce_expiry))
        except AuditError as error:
            raise AuditError(f"{path.name}: {error}") from None
    seen = [(entry.ecosystem, entry.package, entry.id) for entry in parsed]
    duplicates = sorted({key for key in seen if seen.count(key) > 1})
    if duplicates:
        raise AuditError(f"{path.name}: accepted more than once: {duplicates}")
    return parsed


# --- Python: pip-audit ------------------------------------------------------------------


def python_sets(root: Path = ROOT) -> dict[str, list[str]]:
    """The requirements to audit: `runtime` (dependencies and extras) and `tools`
    (every dependency group, includes resolved, and the build backend)."""
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    runtime = list(project.get("dependencies", []))
    for requirements in project.get("optional-dependencies", {}).values():
        runtime.extend(requirements)
    tools = list(pyproject.get("build-system", {}).get("requires", []))
    for group in pyproject.get("dependency-groups", {}).values():
        tools.extend(entry for entry in group if isinstance(entry, str))
    return {"runtime": sorted(set(runtime)), "tools": sorted(set(tools))}


def pip_audit_command(
    requirements: Path, output: Path, accepted: Iterable[Accepted], options: Sequence[str]
) -> list[str]:
    command = [sys.executable, "-m", "pip_audit", "--strict", "--progress-spinner", "off"]
    command += ["--format", "json", "--output", str(output), "--requirement", str(requirements)]
    for entry in accepted:
        if entry.ecosystem == "pypi":
            command += ["--ignore-vuln", entry.id]
    return [*command, *options]


def pip_audit_findings(report: dict[str, Any]) -> list[str]:
    """What pip-audit's JSON report holds that fails the audit; [] for a clean one."""
    dependencies = report.get("dependencies")
    if not isinstance(dependencies, list) or not dependencies:
        return ["pip-audit audited nothing"]
    findings = []
    for dependency in dependencies:
        name = dependency.get("name", "?")
        if "skip_reason" in dependency:
            findings.append(f"{name}: not audited: {dependency['skip_reason']}")
            continue
        for vuln in dependency.get("vulns", []):
            aliases = ", ".join(vuln.get("aliases", []))
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version"
            findings.append(
                f"{name} {dependency.get('version', '?')}: {vuln['id']}"
                + (f" ({aliases})" if aliases else "")
                + f"; fixed in {fixed}"
            )
    return findings


def audit_python(
    sets: dict[str, list[str]], accepted: list[Accepted], options: Sequence[str]
) -> list[str]:
    """Run pip-audit on each set; the lines that fail the audit, prefixed by the set."""
    failures = []
    for name, requirements in sets.items():
        with tempfile.TemporaryDirectory(prefix=f"audit-{name}-") as temp:
            listing, output = Path(temp) / "requirements.txt", Path(temp) / "report.json"
            listing.write_text("\n".join(requirements) + "\n", encoding="utf-8")
            command = pip_audit_command(listing, output, accepted, options)
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            said = "\n".join(result.stderr.strip().splitlines()[-5:])
            try:
                findings = pip_audit_findings(json.loads(output.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                findings = [f"pip-audit wrote no report; it said:\n{said}"]
            if result.returncode != 0 and not findings:
                findings = [f"pip-audit failed; it said:\n{said}"]
        failures.extend(f"python {name}: {finding}" for finding in findings)
        audited = len(requirements)
        print(f"python {name}: {'FAILED' if findings else 'clean'} ({audited} requirements)")
    return failures


# --- Node: npm audit --------------------------------------------------------------------


@dataclass(frozen=True)
class Advisory:
    id: str
    package: str
    severity: str
    title: str


def npm_advisories(report: dict[str, Any]) -> list[Advisory]:
    """The advisories in an `npm audit --json` report (version 2); AuditError when the
    report is an error or of another version."""
    if "error" in report:
        error = report["error"]
        summary = error.get("summary") if isinstance(error, dict) else error
        raise AuditError(f"npm audit could not run: {summary or report.get('message', '?')}")
    if report.get("auditReportVersion") != 2:
        raise AuditError("not an npm audit report of version 2")
    found = set()
    for vulnerability in report.get("vulnerabilities", {}).values():
        for via in vulnerability.get("via", []):
            if isinstance(via, dict):  # an advisory; a string names a vulnerable dependency
                match = GHSA.search(str(via.get("url", "")))
                advisory_id = match.group() if match else f"npm-{via.get('source', '?')}"
                found.add(
                    Advisory(
                        advisory_id,
                        str(via.get("name", vulnerability.get("name", "?"))),
                        str(via.get("severity", "?")),
                        str(via.get("title", "")),
                    )
                )
    return sorted(found, key=lambda advisory: (advisory.package, advisory.id))


def audit_node(directories: Sequence[Path], accepted: list[Accepted]) -> list[str]:
    npm = shutil.which("npm")
    if npm is None:
        return ["node: npm is not installed"]
    allowed = {(entry.package, entry.id) for entry in accepted if entry.ecosystem == "npm"}
    failures = []
    for directory in directories:
        name = directory.relative_to(ROOT) if directory.is_relative_to(ROOT) else directory
        result = subprocess.run(
            [npm, "audit", "--json", "--package-lock-only"],
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        try:
            advisories = npm_advisories(json.loads(result.stdout))
        except (ValueError, AuditError) as error:
            said = "\n".join(result.stderr.strip().splitlines()[-5:])
            failures.append(f"node {name}: {error}; npm said:\n{said}")
            print(f"node {name}: FAILED (the audit did not run)")
            continue
        open_ones = [a for a in advisories if (a.package, a.id) not in allowed]
        for advisory in open_ones:
            failures.append(
                f"node {name}: {advisory.package}: {advisory.id} ({advisory.severity}) "
                f"{advisory.title}"
            )
        accepted_count = len(advisories) - len(open_ones)
        state = "FAILED" if open_ones else "clean"
        print(f"node {name}: {state} ({accepted_count} accepted)")
    return failures


# --- command line -----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["check", "python", "node", "all"])
    parser.add_argument("directories", nargs="*", type=Path, help="npm directories (node)")
    parser.add_argument("--exceptions", type=Path, default=EXCEPTIONS)
    parser.add_argument(
        "--service", choices=["osv", "pypi"], default="osv", help="pip-audit's data (osv)"
    )
    parser.add_argument("--osv-url", help="another OSV query endpoint (a mirror)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        accepted = load_exceptions(args.exceptions, args.today, args.command != "check")
    except AuditError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{args.exceptions.name}: {len(accepted)} accepted, all well formed")
        return 0
    for entry in accepted:
        print(f"accepted until {entry.review_by}: {entry.ecosystem} {entry.package} {entry.id}")
    failures = []
    if args.command in ("python", "all"):
        options = ["--vulnerability-service", args.service]
        if args.osv_url:
            options += ["--osv-url", args.osv_url]
        failures += audit_python(python_sets(), accepted, options)
    if args.command in ("node", "all"):
        directories = args.directories or [ROOT / name for name in NPM_DIRECTORIES]
        failures += audit_node([path.resolve() for path in directories], accepted)
    for failure in failures:
        print(failure)
    if failures:
        print(f"audit: {len(failures)} finding(s) fail the audit", file=sys.stderr)
        return 1
    print("audit: no known vulnerability that is not accepted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
