"""Turn drift from the live API document into one pull request (.github/workflows/drift.yml).

    python scripts/drift_pr.py prepare OUT [--url [U]] [--test-command CMD]
        In this checkout of main, with no GitHub access: check the live document. On
        drift, take it on the branch api-drift/update (upstream/api-docs.json,
        openapi.json, generated/ and a CHANGELOG.md entry under Unreleased), commit,
        run the tests (default `make test`) and write OUT/: the branch as a git bundle
        and pr.json (title, description, report, test outcome).
        Exit 0: no drift; 1: drift, OUT is ready; 2: the document cannot be read.
    python scripts/drift_pr.py publish OUT [--run-url U]
        Push the branch and open the pull request, or bring the open one up to date.
    python scripts/drift_pr.py clean [--run-url U]
        Close the open drift pull request: the live document agrees with main again.

There is one drift pull request at a time, from the fixed branch api-drift/update,
labelled api-drift. The branch is always built afresh on main; publishing replaces
it only while it holds nothing but this script's commits, so commits a maintainer
pushes to it are never lost (a changed report is then only commented on). GitHub
is reached through the gh CLI (GH_TOKEN, GH_REPO) and git's `origin` remote.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import drift
import facade_coverage
import regenerate

ROOT = Path(__file__).resolve().parent.parent
BRANCH = "api-drift/update"
BASE = "main"
LABEL = "api-drift"
LABEL_COLOUR = "d93f0b"
TRAILER = "Api-Drift-Report"
# Local refs publish works with: the branch from the bundle, and the remote branch.
CANDIDATE = "refs/drift/candidate"
REMOTE = "refs/drift/remote"
BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
DEFAULT_TEST_COMMAND = "make test"
# GitHub refuses a description over 65,536 characters.
BODY_LIMIT = 60_000
TOO_LONG = "(Too long for this description: see the drift-pr artifact of the workflow run.)"
# What the pull is allowed to change; nothing else is committed.
PULLED_PATHS = ("upstream", "openapi.json", "generated", "facade", "CHANGELOG.md")
_MARKER = re.compile(rf"<!-- {TRAILER.lower()}: (?P<id>[0-9a-f]+) -->")
_REPORT_BLOCK = re.compile(r"```json\n(?P<json>.*?)\n```", re.DOTALL)
# pytest's closing line, with or without its rule of `=` (-q leaves it out).
_PYTEST_SUMMARY = re.compile(
    r"^(?:=+ )?(?P<text>\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed)\b.*?)(?: =+)?$"
)
_DURATION = re.compile(r" in [\d.]+s( \([\d:]+\))?$")

# Keep a Changelog's sections, in its order; a change goes to the one its kind names.
SECTIONS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
_ADDED = {"operation", "parameter", "response", "schema", "property", "enum value", "enum"}


class DriftPrError(Exception):
    """A git or gh command failed, or the checkout is not fit to work in."""


# --- running commands ---------------------------------------------------------------


def run(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> str:
    """Run a command and return its output; DriftPrError when it fails."""
    result = subprocess.run(
        list(args), cwd=cwd, input=stdin, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise DriftPrError(f"{' '.join(args[:3])} failed: {result.stderr.strip()}")
    return result.stdout


def git(*args: str, cwd: Path = ROOT) -> str:
    return run("git", *args, cwd=cwd).strip()


def gh(*args: str, stdin: str | None = None) -> str:
    return run("gh", *args, stdin=stdin)


# --- the report ---------------------------------------------------------------------


def fingerprint(changes: list[dict[str, Any]]) -> str:
    """A short stable name for a list of changes: equal reports, equal fingerprints."""
    text = json.dumps(changes, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def api_changes(summary: drift.Report) -> list[drift.Change]:
    return [c for c in summary["changes"] if c["change"] not in drift.LOCAL_CHANGES]


def section_of(change: drift.Change) -> str:
    """The changelog section a change belongs in."""
    kind, _, what = change["change"].rpartition(" ")
    if what == "added" and kind in _ADDED:
        return "Added"
    if what == "removed" and kind in _ADDED:
        return "Removed"
    return "Changed"


def changelog_entries(summary: drift.Report, upstream_version: str) -> dict[str, list[str]]:
    """The bullets the report adds to the changelog, by section."""
    entries: dict[str, list[str]] = {}
    changes = api_changes(summary)
    prose = [c for c in changes if c["change"] == drift.PROSE_CHANGE]
    build = f" (build {upstream_version})" if upstream_version else ""
    lead = (
        f"`openapi.json` and `generated/` follow the live API document{build}:"
        f" {summary['impact']} change, proposed {summary['bump']} release"
        f" ({summary['version']} -> {summary['next_version']})."
    )
    entries.setdefault("Changed", []).append(f"- {lead}")
    for change in changes:
        if change["change"] == drift.PROSE_CHANGE:
            continue
        mark = ", **breaking**" if change["breaking"] else ""
        detail = f" ({change['detail']})" if change["detail"] else ""
        bullet = f"- Live API{mark}: {change['change']} `{change['where']}`{detail}."
        entries.setdefault(section_of(change), []).append(bullet)
    if prose:
        entries["Changed"].append(
            f"- Live API: its own descriptions changed in {len(prose)} place(s);"
            " `openapi.json` keeps this project's wording (`scripts/spec_prose.py`)."
        )
    return {name: entries[name] for name in SECTIONS if name in entries}


def add_to_unreleased(text: str, entries: dict[str, list[str]]) -> str:
    """CHANGELOG.md text with entries appended to their sections under `## [Unreleased]`,
    each section made (in Keep a Changelog's order) where it is missing."""
    heading = re.search(r"^## \[Unreleased\][^\n]*\n", text, re.MULTILINE)
    if not heading:
        raise DriftPrError("CHANGELOG.md has no '## [Unreleased]' section")
    start = heading.end()
    end_match = re.search(r"^## |^\[[^\]]+\]: ", text[start:], re.MULTILINE)
    end = start + end_match.start() if end_match else len(text)
    body = text[start:end]
    parts = re.split(r"^### ", body, flags=re.MULTILINE)
    intro, sections = parts[0], {}
    for part in parts[1:]:
        name, _, rest = part.partition("\n")
        sections[name.strip()] = rest.strip("\n")
    for name, bullets in entries.items():
        existing = sections.get(name, "")
        sections[name] = "\n".join([existing, *bullets]).strip("\n")
    order = [s for s in SECTIONS if s in sections] + [s for s in sections if s not in SECTIONS]
    rebuilt = intro.rstrip("\n") + "\n\n" if intro.strip() else "\n"
    rebuilt += "".join(f"### {name}\n\n{sections[name]}\n\n" for name in order)
    return text[:start] + rebuilt + text[end:]


# --- what the facade must do ----------------------------------------------------------


def enum_display_text(enum: str, root: Path) -> list[str]:
    """Facade files (the fake aside) that key a table by members of enum, e.g.
    display text in _constants.py: a new value needs an entry there."""
    member_key = re.compile(rf"\b{re.escape(enum)}\.[A-Z][A-Z0-9_]*\s*:")
    return [
        path.relative_to(root).as_posix()
        for path in facade_coverage.facade_files(root)
        if member_key.search(path.read_text(encoding="utf-8"))
    ]


def facade_actions(
    summary: drift.Report, coverage: facade_coverage.Coverage, root: Path
) -> tuple[list[str], list[str]]:
    """(what someone must do before merging, notes on what needs nothing), as bullets."""
    todo: list[str] = []
    notes: list[str] = []
    for op in coverage.unwrapped:
        todo.append(
            f"- [ ] **New operation** `{facade_coverage.operation_module(op)}`: no facade"
            " method calls it. Add one to both clients (and serve it from the fake);"
            " `tests/generation/test_facade_coverage.py` fails until then."
        )
    for op in coverage.missing:
        users = ", ".join(f"`{path}`" for path in sorted(coverage.referenced[op]))
        todo.append(
            f"- [ ] **Removed operation** `{op}`: {users} still call it. Remove or"
            " replace the methods that wrap it (breaking for callers);"
            " `tests/generation/test_facade_coverage.py` fails until then."
        )
    for change in api_changes(summary):
        kind, where = change["change"], change["where"]
        if change["breaking"] and kind in ("property added", "property now required"):
            todo.append(
                f"- [ ] **New required request field** `{where}`: callers must send it."
                " Teach the fake to read it (`testing/_request_bodies.py`), add it to the"
                " sample bodies in `tests/generation/test_facade_coverage.py` (which fails until"
                " then) and to the README's examples."
            )
        elif change["breaking"] and kind in ("parameter added", "parameter now required"):
            todo.append(
                f"- [ ] **New required parameter** `{where}`: the facade method must take"
                " it, and the fake read it."
            )
        elif kind == "enum value added":
            enum, _, value = where.rpartition(" ")
            tables = enum_display_text(enum, root)
            if tables:
                places = ", ".join(f"`{path}`" for path in tables)
                todo.append(
                    f"- [ ] **New enum value** `{value}` of `{enum}`: give it display text"
                    f" in {places}; `tests/clients/test_constants.py` fails until then."
                )
            else:
                notes.append(
                    f"- **New enum value** `{value}` of `{enum}`: nothing to do. The"
                    " clients read a value they do not know as a pseudo-member"
                    " (`.is_known` is False), so releases already installed keep working."
                )
    if summary["impact"] == "prose":
        notes.append(
            "- **Prose only**: upstream reworded its descriptions. Read them in the report"
            " below; where they announce a change of behaviour, update"
            " `scripts/spec_prose.py`, the fake or the docs."
        )
    return todo, notes


# --- the tests ------------------------------------------------------------------------


def run_tests(command: str, root: Path, log: Path) -> dict[str, Any]:
    """Run the test command on the branch; its outcome, summary line and failures."""
    result = subprocess.run(
        command, shell=True, cwd=root, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    log.write_text(output, encoding="utf-8")
    lines = output.splitlines()
    summary = ""
    for line in reversed(lines):
        match = _PYTEST_SUMMARY.match(line.strip())
        if match:
            summary = _DURATION.sub("", match["text"])
            break
    if not summary:
        summary = f"`{command}` exited {result.returncode} before pytest reported"
    failed = sorted(
        {line.split(" - ")[0] for line in lines if line.startswith(("FAILED ", "ERROR "))}
    )
    return {
        "command": command,
        "passed": result.returncode == 0,
        "summary": summary,
        "failed": failed,
        "tail": "\n".join(lines[-40:]),
    }


# --- the pull request -----------------------------------------------------------------


def title(summary: drift.Report) -> str:
    return (
        f"Live API drift: {summary['impact']} change,"
        f" {summary['bump']} bump to {summary['next_version']}"
    )


def render(
    summary: drift.Report,
    tests: dict[str, Any],
    regeneration: str,
    todo: list[str],
    notes: list[str],
    changelog: dict[str, list[str]],
) -> str:
    """The pull request's description."""
    changes = api_changes(summary)
    breaking = sum(c["breaking"] for c in changes)
    if tests["passed"]:
        outcome = f"✅ **Tests passed** (`{tests['command']}`): {tests['summary']}"
    else:
        outcome = (
            f"❌ **TESTS FAILED: do not merge as it is** (`{tests['command']}`): {tests['summary']}"
        )
    lines = [
        "The drift check found that the live Non-associations API document differs from"
        f" `openapi.json`: {len(changes)} change(s), {breaking} breaking for code generated"
        " from the current `openapi.json`. This branch takes it: `upstream/api-docs.json`"
        " as served, `openapi.json` normalised from it, `generated/` regenerated, and an"
        " entry under Unreleased in `CHANGELOG.md`.",
        "",
        "## Tests",
        "",
        outcome,
    ]
    if regeneration:
        lines += [
            "",
            "❌ **Regeneration failed**: only the raw document is taken; fix the"
            " normalisation rules (`scripts/normalise.py`) on this branch.",
            "",
            "```text",
            regeneration,
            "```",
        ]
    if tests["failed"]:
        lines += ["", "Failing:", "", *(f"- `{name}`" for name in tests["failed"])]
    if not tests["passed"]:
        lines += [
            "",
            "<details><summary>The end of the test log</summary>",
            "",
            "```text",
            tests["tail"],
            "```",
            "",
            "</details>",
        ]
    lines += [
        "",
        "## Version",
        "",
        f"Proposed bump: **{summary['bump']}**, {summary['version']} ->"
        f" **{summary['next_version']}** (impact: {summary['impact']}). Breaking changes"
        " call for a major release (minor while below 1.0), compatible ones for a minor,"
        ' prose alone for a patch: docs/maintaining.md, "Version bumps".',
        "",
        "## Changes",
        "",
        "| | change | where | detail |",
        "|---|---|---|---|",
        *(
            f"| {'**breaking**' if c['breaking'] else 'non-breaking'} | {cell(c['change'])}"
            f" | `{cell(c['where'])}` | {cell(c['detail'])} |"
            for c in sorted(summary["changes"], key=lambda c: not c["breaking"])
        ),
        "",
        "## What the facade must do",
        "",
    ]
    if todo:
        lines += ["Before merging:", "", *todo]
    else:
        lines.append("Nothing before merging: no change here needs the facade.")
    if notes:
        lines += ["", *notes]
    entry = "\n\n".join(f"### {name}\n\n" + "\n".join(items) for name, items in changelog.items())
    lines += [
        "",
        "## Changelog entry",
        "",
        "Added under `## [Unreleased]`; the release renames that section (docs/maintaining.md,"
        ' "Releasing"):',
        "",
        "```markdown",
        entry,
        "```",
        "",
        "## Reviewing",
        "",
        'docs/maintaining.md, "Drift pull requests", says what to check. Push fixes to this'
        " branch: the drift check then leaves it alone and comments when the live document"
        ' changes again. After merging, release as that file\'s "Releasing" says.',
        "",
        "<details><summary>JSON report</summary>",
        "",
        "```json",
        json.dumps(summary, indent=2, ensure_ascii=False),
        "```",
        "",
        "</details>",
        "",
        f"<!-- {TRAILER.lower()}: {fingerprint(summary['changes'])} -->",
        "",
    ]
    return "\n".join(lines)


def fit(body: str, limit: int = BODY_LIMIT) -> str:
    """body within GitHub's limit for a description: a long report's JSON block and the
    test log's tail give way first (the workflow run keeps both as an artifact)."""
    for block in ("<details><summary>JSON report</summary>", "<details><summary>The end"):
        if len(body) <= limit:
            break
        start = body.find(block)
        if start >= 0:
            end = body.index("</details>", start) + len("</details>")
            body = body[:start] + TOO_LONG + body[end:]
    return body


def reported(body: str) -> str | None:
    """The fingerprint of the report a description was written for, if it has one."""
    match = _MARKER.search(body)
    return match["id"] if match else None


# --- prepare --------------------------------------------------------------------------


def regenerate_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run root's scripts/regenerate.py with args."""
    script = str(root / "scripts" / "regenerate.py")
    return subprocess.run(
        [sys.executable, script, *args], cwd=root, capture_output=True, text=True, check=False
    )


def check(source: str, root: Path) -> tuple[int, drift.Report | None, str]:
    """`regenerate.py --check --url source --json` on root: (exit, report, stderr)."""
    result = regenerate_cli(root, "--check", "--json", "--url", source)
    try:
        report = json.loads(result.stdout) if result.returncode in (0, 1) else None
    except ValueError:  # it crashed: Python exits 1 on an uncaught exception too
        report = None
    return result.returncode, cast(drift.Report | None, report), result.stderr


def prepare(source: str, out: Path, test_command: str, root: Path = ROOT) -> int:
    """Build the drift branch and the pull request's contents in out; the exit status."""
    if git("status", "--porcelain", "--untracked-files=no", cwd=root):
        raise DriftPrError("the checkout has uncommitted changes")
    out.mkdir(parents=True, exist_ok=True)
    try:
        raw = regenerate.read(source)
        live = regenerate.parse(raw, source)
    except regenerate.FetchError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    # Read once: the check and the pull see the same document, byte for byte.
    document = out / "api-docs.json"
    document.write_bytes(raw)
    status, summary, errors = check(str(document), root)
    if status not in (0, 1) or summary is None:
        raise DriftPrError(f"the drift check broke (exit {status}): {errors.strip()}")
    if status == 0:
        print("No drift.")
        return 0
    if not api_changes(summary):
        raise DriftPrError(
            "the live document has not changed, but this checkout is out of step with"
            f" openapi.json (run `make regenerate`):\n{drift.report(summary)}"
        )

    base = git("rev-parse", "HEAD", cwd=root)
    git("checkout", "-q", "-B", BRANCH, cwd=root)
    pulled = regenerate_cli(root, "--pull", "--url", str(document))
    regeneration = "" if pulled.returncode == 0 else (pulled.stdout + pulled.stderr)[-3000:]

    upstream_version = str(live.get("info", {}).get("version", ""))
    entries = changelog_entries(summary, upstream_version)
    changelog = root / "CHANGELOG.md"
    changelog.write_text(
        add_to_unreleased(changelog.read_text(encoding="utf-8"), entries), encoding="utf-8"
    )
    git("add", "--all", "--", *PULLED_PATHS, cwd=root)
    message = (
        f"{title(summary)}\n\n{drift.report(summary)}\n\n"
        f"{TRAILER}: {fingerprint(summary['changes'])}\n"
    )
    run(
        "git",
        "-c",
        f"user.name={BOT_NAME}",
        "-c",
        f"user.email={BOT_EMAIL}",
        "commit",
        "-q",
        "--file",
        "-",
        cwd=root,
        stdin=message,
    )

    tests = run_tests(test_command, root, out / "tests.log")
    coverage = facade_coverage.scan(root)
    todo, notes = facade_actions(summary, coverage, root)
    body = fit(render(summary, tests, regeneration, todo, notes, entries))
    git("bundle", "create", str(out / "branch.bundle"), f"{base}..{BRANCH}", cwd=root)
    pr = {
        "title": title(summary),
        "body": body,
        "report": summary,
        "tests": tests,
        "regeneration_failed": bool(regeneration),
        "base": base,
        "fingerprint": fingerprint(summary["changes"]),
    }
    (out / "pr.json").write_text(json.dumps(pr, indent=2, ensure_ascii=False), encoding="utf-8")
    print(drift.report(summary))
    print(f"tests: {'passed' if tests['passed'] else 'FAILED'}: {tests['summary']}")
    return 1


# --- publish and clean ----------------------------------------------------------------


def pull_requests(state: str) -> list[dict[str, Any]]:
    """The drift pull requests in state (open, closed, merged or all), newest first."""
    found = json.loads(
        gh(
            "pr",
            "list",
            "--head",
            BRANCH,
            "--state",
            state,
            "--json",
            "number,state,title,body,url",
        )
    )
    return sorted(found, key=lambda pr: pr["number"], reverse=True)


def remote_head(root: Path) -> str | None:
    """The commit the remote branch is at, fetched as refs/drift/remote; None if absent."""
    line = git("ls-remote", "origin", f"refs/heads/{BRANCH}", cwd=root)
    if not line:
        return None
    git(
        "fetch",
        "-q",
        "origin",
        f"+refs/heads/{BASE}:refs/remotes/origin/{BASE}",
        f"+refs/heads/{BRANCH}:{REMOTE}",
        cwd=root,
    )
    return line.split()[0]


def foreign_commits(root: Path) -> list[str]:
    """Commits on the remote branch, not on main, that this script did not make."""
    log = git("log", "--format=%h %s%x00%B%x1e", f"origin/{BASE}..{REMOTE}", cwd=root)
    foreign = []
    for entry in filter(None, (item.strip() for item in log.split("\x1e"))):
        subject, _, message = entry.partition("\x00")
        if f"\n{TRAILER}: " not in f"\n{message}":
            foreign.append(subject)
    return foreign


def publish(out: Path, run_url: str | None, root: Path = ROOT) -> str:
    """Push the branch and open or update the one drift pull request; say what was done."""
    pr = json.loads((out / "pr.json").read_text(encoding="utf-8"))
    ran = f" (run {run_url})" if run_url else ""
    candidate = CANDIDATE
    git("fetch", "-q", "--force", str(out / "branch.bundle"), f"{BRANCH}:{candidate}", cwd=root)
    head = remote_head(root)
    existing = pull_requests("all")
    current = next((p for p in existing if p["state"] == "OPEN"), None)

    if current is None:
        latest = existing[0] if existing else None
        if latest and latest["state"] == "CLOSED" and reported(latest["body"]) == pr["fingerprint"]:
            return f"#{latest['number']} was closed unmerged with this same report: left closed"
        push(candidate, head, root)
        gh(
            "label",
            "create",
            LABEL,
            "--force",
            "--color",
            LABEL_COLOUR,
            "--description",
            "The live API document differs from openapi.json",
        )
        url = gh(
            "pr",
            "create",
            "--base",
            BASE,
            "--head",
            BRANCH,
            "--title",
            pr["title"],
            "--label",
            LABEL,
            "--body-file",
            "-",
            stdin=pr["body"],
        )
        return f"opened {url.strip()}{ran}"

    number = str(current["number"])
    changed = reported(current["body"]) != pr["fingerprint"]
    if head is not None:
        others = foreign_commits(root)
        if others:
            return leave_to_maintainers(current, pr, others, changed, ran)
    same_tree = head is not None and tree(REMOTE, root) == tree(candidate, root)
    if same_tree and current["body"] == pr["body"] and current["title"] == pr["title"]:
        return f"#{number} is up to date{ran}"
    if not same_tree:
        push(candidate, head, root)
    gh("pr", "edit", number, "--title", pr["title"], "--body-file", "-", stdin=pr["body"])
    if changed:
        comment = (
            f"The drift report changed{ran}: {summary_line(pr)}. The branch was rebuilt on"
            f" {BASE} and the description has the new report."
        )
        gh("pr", "comment", number, "--body-file", "-", stdin=comment)
    return f"updated #{number}{ran}"


def leave_to_maintainers(
    current: dict[str, Any], pr: dict[str, Any], others: list[str], changed: bool, ran: str
) -> str:
    """The branch has others' commits: keep it, and post a changed report once, as a
    comment (the description's marker records that it was posted)."""
    number = str(current["number"])
    if not changed:
        return f"#{number} has maintainers' commits and already has this report"
    comment = (
        f"The live document changed again{ran}: {summary_line(pr)}. This branch has"
        f" commits from others ({'; '.join(others)}), so it was left as it is. To take"
        " the new document, merge or close this pull request; the next check then opens"
        " a new one.\n\n" + pr["body"]
    )
    gh("pr", "comment", number, "--body-file", "-", stdin=comment)
    marker = f"<!-- {TRAILER.lower()}: {pr['fingerprint']} -->"
    if reported(current["body"]):
        body = _MARKER.sub(marker, current["body"])
    else:
        body = f"{current['body']}\n{marker}\n"
    gh("pr", "edit", number, "--body-file", "-", stdin=body)
    return f"commented on #{number}: it has maintainers' commits{ran}"


def summary_line(pr: dict[str, Any]) -> str:
    """The report and test outcome in one line, for comments."""
    report = pr["report"]
    changes = api_changes(report)
    tests = "tests pass" if pr["tests"]["passed"] else "TESTS FAIL"
    return (
        f"now {len(changes)} change(s), {sum(c['breaking'] for c in changes)} breaking,"
        f" proposed {report['bump']} bump to {report['next_version']}; {tests}"
    )


def tree(ref: str, root: Path) -> str:
    """The tree a commit holds: equal trees, equal contents."""
    return git("rev-parse", f"{ref}^{{tree}}", cwd=root)


def push(candidate: str, head: str | None, root: Path) -> None:
    """Put the candidate on the remote branch, unless someone moved it since we looked."""
    lease = f"--force-with-lease=refs/heads/{BRANCH}:{head or ''}"
    git("push", "-q", lease, "origin", f"{candidate}:refs/heads/{BRANCH}", cwd=root)


def clean(run_url: str | None) -> str:
    """Close the open drift pull request and delete its branch; say what was done."""
    current = pull_requests("open")
    if not current:
        return "no drift pull request is open"
    number = str(current[0]["number"])
    ran = f" (run {run_url})" if run_url else ""
    comment = f"The live document matches `openapi.json` on {BASE} again{ran}. Closing."
    gh("pr", "close", number, "--comment", comment, "--delete-branch")
    return f"closed #{number}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare", help="build the branch and the description")
    prep.add_argument("out", type=Path, help="directory for the bundle and pr.json")
    default_url = os.environ.get(regenerate.URL_VARIABLE) or regenerate.DEFAULT_URL
    prep.add_argument("--url", nargs="?", const=default_url, default=default_url)
    prep.add_argument("--test-command", default=DEFAULT_TEST_COMMAND)
    pub = commands.add_parser("publish", help="push the branch, open or update the PR")
    pub.add_argument("out", type=Path, help="the directory prepare wrote")
    pub.add_argument("--run-url", help="the workflow run, linked from comments")
    cln = commands.add_parser("clean", help="close the open drift pull request")
    cln.add_argument("--run-url", help="the workflow run, linked from the comment")
    args = parser.parse_args(argv)
    try:
        if args.command == "prepare":
            return prepare(args.url, args.out.resolve(), args.test_command)
        if args.command == "publish":
            print(publish(args.out.resolve(), args.run_url))
        else:
            print(clean(args.run_url))
    except (DriftPrError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
