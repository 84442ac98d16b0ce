"""scripts/drift_issue.py against a fake gh CLI that keeps a repository's issues in a file.

The drift workflow cannot run here; this drives the script it runs through every
outcome: the first drift opens one issue, the same drift adds nothing, a changed
drift updates it with a comment, and a clean check closes it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import drift
import drift_issue
import normalise
import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "drift_issue.py"
RUN_URL = "https://github.com/o/r/actions/runs/1"

FAKE_GH = """
import json, os, sys

state_path = os.environ["FAKE_GH_STATE"]
with open(state_path) as handle:
    state = json.load(handle)
args = sys.argv[1:]
body = sys.stdin.read() if args[-2:] == ["--body-file", "-"] else None
state["calls"].append(args[:2])
if os.environ.get("FAKE_GH_FAIL") == " ".join(args[:2]):
    sys.exit("HTTP 403: Resource not accessible by integration")
issues = state["issues"]
match args[:2]:
    case ["issue", "list"]:
        label = args[args.index("--label") + 1]
        found = [
            {"number": i["number"], "body": i["body"]}
            for i in issues
            if i["state"] == "open" and label in i["labels"]
        ]
        print(json.dumps(found))
    case ["label", "create"]:
        state["labels"].append(args[2])
    case ["issue", "create"]:
        number = len(issues) + 1
        title = args[args.index("--title") + 1]
        labels = [args[args.index("--label") + 1]]
        issues.append(
            {"number": number, "title": title, "labels": labels, "body": body,
             "state": "open", "comments": []}
        )
        print(f"https://github.com/o/r/issues/{number}")
    case ["issue", "edit"]:
        issues[int(args[2]) - 1]["body"] = body
    case ["issue", "comment"]:
        issues[int(args[2]) - 1]["comments"].append(body)
    case ["issue", "close"]:
        issue = issues[int(args[2]) - 1]
        issue["state"] = "closed"
        issue["comments"].append(args[args.index("--comment") + 1])
    case _:
        sys.exit(f"unknown command {args}")
with open(state_path, "w") as handle:
    json.dump(state, handle)
"""

REPORT = [
    {
        "change": "enum value added",
        "where": "Reason CONTRABAND",
        "breaking": True,
        "detail": "a | b",
    },
    {
        "change": "operation added",
        "where": "GET /non-associations/{id}/history (getNonAssociationHistory)",
        "breaking": False,
        "detail": "",
    },
]


class FakeGitHub:
    """The fake gh on PATH and the repository state it keeps."""

    def __init__(self, tmp_path: Path) -> None:
        self.state_path = tmp_path / "state.json"
        self.report_path = tmp_path / "drift.json"
        self.state_path.write_text(json.dumps({"issues": [], "labels": [], "calls": []}))
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        gh = bin_dir / "gh"
        gh.write_text(f"#!{sys.executable}\n{FAKE_GH}")
        gh.chmod(0o755)
        self.env = {
            **os.environ,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "FAKE_GH_STATE": str(self.state_path),
        }

    @property
    def state(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.state_path.read_text())
        return loaded

    def run(
        self, *args: str, report: Any = None, fail: str = ""
    ) -> subprocess.CompletedProcess[str]:
        if report is not None:
            self.report_path.write_text(json.dumps(report))
        state = self.state
        state["calls"] = []
        self.state_path.write_text(json.dumps(state))
        return subprocess.run(
            [sys.executable, str(SCRIPT), *args],
            env={**self.env, "FAKE_GH_FAIL": fail},
            capture_output=True,
            text=True,
            check=False,
        )

    def drift(self, report: Any) -> subprocess.CompletedProcess[str]:
        return self.run("drift", str(self.report_path), "--run-url", RUN_URL, report=report)


@pytest.fixture
def github(tmp_path: Path) -> FakeGitHub:
    return FakeGitHub(tmp_path)


def test_first_drift_opens_one_labelled_issue_with_the_report(github: FakeGitHub) -> None:
    result = github.drift(REPORT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"opened https://github.com/o/r/issues/1 (run {RUN_URL})"
    (issue,) = github.state["issues"]
    assert issue["title"] == drift_issue.TITLE
    assert issue["labels"] == ["api-drift"]
    assert github.state["labels"] == ["api-drift"]
    assert drift_issue.reported(issue["body"]) == REPORT
    assert "2 change(s), 1 breaking" in issue["body"]
    assert "| **breaking** | enum value added | `Reason CONTRABAND` | a \\| b |" in issue["body"]


def test_the_same_drift_again_adds_nothing(github: FakeGitHub) -> None:
    github.drift(REPORT)
    result = github.drift(REPORT)
    assert result.returncode == 0, result.stderr
    assert "issue #1 already reports this drift" in result.stdout
    assert github.state["calls"] == [["issue", "list"]]
    (issue,) = github.state["issues"]
    assert issue["comments"] == []


def test_a_changed_drift_updates_the_issue_and_comments(github: FakeGitHub) -> None:
    github.drift(REPORT)
    result = github.drift(REPORT[:1])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"updated issue #1 (run {RUN_URL})"
    (issue,) = github.state["issues"]
    assert drift_issue.reported(issue["body"]) == REPORT[:1]
    (comment,) = issue["comments"]
    assert comment.startswith(f"The drift report changed (run {RUN_URL}): now 1 change(s)")


def test_a_hand_edited_issue_body_is_replaced(github: FakeGitHub) -> None:
    github.drift(REPORT)
    state = github.state
    state["issues"][0]["body"] = "Looking into this. -- a maintainer"
    github.state_path.write_text(json.dumps(state))
    github.drift(REPORT)
    assert drift_issue.reported(github.state["issues"][0]["body"]) == REPORT


def test_a_clean_check_closes_the_open_issue(github: FakeGitHub) -> None:
    github.drift(REPORT)
    result = github.run("clean", "--run-url", RUN_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "closed issue #1"
    (issue,) = github.state["issues"]
    assert issue["state"] == "closed"
    assert issue["comments"] == [
        f"The live document matches `openapi.json` again (run {RUN_URL}). Closing."
    ]
    # The next drift opens a new issue rather than reopening the closed one.
    github.drift(REPORT)
    assert [i["state"] for i in github.state["issues"]] == ["closed", "open"]


def test_a_clean_check_with_no_issue_does_nothing(github: FakeGitHub) -> None:
    result = github.run("clean")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no drift issue is open"
    assert github.state["calls"] == [["issue", "list"]]


def test_a_gh_failure_is_reported_without_a_traceback(github: FakeGitHub) -> None:
    result = github.run("drift", str(github.report_path), report=REPORT, fail="issue create")
    assert result.returncode == 1
    assert "error: gh issue create failed: HTTP 403" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("report", [[], {"change": "x"}])
def test_no_report_no_issue(github: FakeGitHub, report: Any) -> None:
    result = github.run("drift", str(github.report_path), report=report)
    assert result.returncode == 1
    assert "holds no drift report" in result.stderr
    assert github.state["calls"] == []


def test_render_prints_the_body_breaking_first(github: FakeGitHub) -> None:
    result = github.run("render", str(github.report_path), report=list(reversed(REPORT)))
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[1].startswith("| **breaking** | enum value added")
    assert rows[2].startswith("| non-breaking | operation added")
    assert github.state["calls"] == []


def test_a_report_from_the_drift_check_round_trips(project_spec: dict[str, Any]) -> None:
    live = json.loads(json.dumps(project_spec))
    live["components"]["schemas"]["Reason"]["enum"].append("CONTRABAND")
    del live["components"]["schemas"]["NonAssociation"]["properties"]["comment"]
    changes = drift.compare(project_spec, normalise.normalise(live))
    assert len(changes) == 2
    body = drift_issue.render(list(changes))
    assert drift_issue.reported(body) == changes
