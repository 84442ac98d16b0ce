"""scripts/drift_pr.py from a changed live document to one pull request, without GitHub.

The live document is a changed copy of upstream/api-docs.json served on 127.0.0.1.
`prepare` runs in a clone of a throwaway repository holding this working tree (never
the real repository's branches), with tests/generation/test_facade_coverage.py as the test
command so each case takes seconds; `publish` and `clean` push to a bare repository
standing in for GitHub's and talk to a fake gh CLI that keeps pull requests in a file.
"""

from __future__ import annotations

import http.server
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import drift
import drift_pr
import facade_coverage
import pytest
import release

from tests.conftest import ROOT, UPSTREAM_DOC

BRANCH = drift_pr.BRANCH
RUN_URL = "https://github.com/o/r/actions/runs/7"
TEST_COMMAND = f"{shlex.quote(sys.executable)} -m pytest -q -p no:cacheprovider" + (
    " tests/generation/test_facade_coverage.py"
)
HISTORY_MODULE = "generated/hmpps_non_associations_api_client/api/non_associations/"
HISTORY_MODULE += "get_non_association_history.py"

FAKE_GH = """
import json, os, sys

state_path = os.environ["FAKE_GH_STATE"]
with open(state_path) as handle:
    state = json.load(handle)
args = sys.argv[1:]
body = sys.stdin.read() if "--body-file" in args else None
state["calls"].append(args[:2])
if os.environ.get("FAKE_GH_FAIL") == " ".join(args[:2]):
    sys.exit("HTTP 403: Resource not accessible by integration")
prs = state["prs"]

def option(name):
    return args[args.index(name) + 1] if name in args else None

match args[:2]:
    case ["pr", "list"]:
        wanted = option("--state").upper()
        found = [
            {k: pr[k] for k in ("number", "state", "title", "body", "url")}
            for pr in prs
            if pr["head"] == option("--head") and wanted in ("ALL", pr["state"])
        ]
        print(json.dumps(found))
    case ["label", "create"]:
        state["labels"].append(args[2])
    case ["pr", "create"]:
        number = len(prs) + 1
        url = f"https://github.com/o/r/pull/{number}"
        prs.append({
            "number": number, "state": "OPEN", "title": option("--title"), "body": body,
            "head": option("--head"), "base": option("--base"), "url": url,
            "labels": [option("--label")], "comments": [], "branch_deleted": False,
        })
        print(url)
    case ["pr", "edit"]:
        pr = prs[int(args[2]) - 1]
        pr["body"] = body
        pr["title"] = option("--title") or pr["title"]
    case ["pr", "comment"]:
        prs[int(args[2]) - 1]["comments"].append(body)
    case ["pr", "close"]:
        pr = prs[int(args[2]) - 1]
        pr["state"] = "CLOSED"
        pr["comments"].append(option("--comment"))
        pr["branch_deleted"] = "--delete-branch" in args
    case _:
        sys.exit(f"unknown command {args}")
with open(state_path, "w") as handle:
    json.dump(state, handle)
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()


def commit_as_maintainer(repo: Path, message: str) -> None:
    identity = ["-c", "user.name=A Maintainer", "-c", "user.email=maintainer@example.com"]
    git(repo, *identity, "commit", "-q", "--allow-empty", "-m", message)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose main holds this working tree as it is now."""
    repo = tmp_path_factory.mktemp("source")
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "--all")
    commit_as_maintainer(repo, "main as it is")
    return repo


@dataclass
class GitHub:
    """A bare repository standing in for GitHub's, a clone of it, and the fake gh."""

    origin: Path
    checkout: Path
    state_path: Path
    env: dict[str, str]

    @property
    def state(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.state_path.read_text())
        return loaded

    def drift_pr(self, *args: str, fail: str = "") -> subprocess.CompletedProcess[str]:
        state = self.state
        state["calls"] = []
        self.state_path.write_text(json.dumps(state))
        return subprocess.run(
            [sys.executable, str(self.checkout / "scripts" / "drift_pr.py"), *args],
            cwd=self.checkout,
            env={**self.env, "FAKE_GH_FAIL": fail},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def branch_file(self, path: str) -> bytes:
        return subprocess.run(
            ["git", "show", f"{BRANCH}:{path}"], cwd=self.origin, capture_output=True, check=True
        ).stdout

    def branch_head(self) -> str:
        return git(self.origin, "rev-parse", f"refs/heads/{BRANCH}")

    def writes(self) -> list[list[str]]:
        return [call for call in self.state["calls"] if call != ["pr", "list"]]


def make_github(source: Path, tmp: Path) -> GitHub:
    origin, checkout = tmp / "origin.git", tmp / "checkout"
    subprocess.run(["git", "clone", "-q", "--bare", str(source), str(origin)], check=True)
    subprocess.run(["git", "clone", "-q", str(origin), str(checkout)], check=True)
    state_path = tmp / "gh-state.json"
    state_path.write_text(json.dumps({"prs": [], "labels": [], "calls": []}))
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(f"#!{sys.executable}\n{FAKE_GH}")
    gh.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "FAKE_GH_STATE": str(state_path),
        # The clone's own packages, ahead of the editable install of this working tree.
        "PYTHONPATH": os.pathsep.join([str(checkout / "generated"), str(checkout / "facade")]),
    }
    return GitHub(origin, checkout, state_path, env)


@pytest.fixture(scope="module")
def served() -> Iterator[Callable[[bytes], str]]:
    """Serve documents on 127.0.0.1 for the whole module; returns each one's URL."""
    documents: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = documents.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def serve(body: bytes) -> str:
        path = f"/{len(documents)}/v3/api-docs"
        documents[path] = body
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield serve
    server.shutdown()
    server.server_close()


def upstream() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(UPSTREAM_DOC.read_text(encoding="utf-8"))
    return loaded


def with_history_and_witness() -> dict[str, Any]:
    """A new operation, and a new required field in a request body: both need the facade."""
    live = upstream()
    live["paths"]["/non-associations/{id}/history"] = {
        "get": {
            "tags": ["Non-Associations"],
            "summary": "History of a non-association",
            "operationId": "getNonAssociationHistory",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "format": "int64"},
                }
            ],
            "responses": {
                "200": {
                    "description": "Every version of the non-association",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/NonAssociation"},
                            }
                        }
                    },
                }
            },
        }
    }
    close = live["components"]["schemas"]["CloseNonAssociationRequest"]
    close["properties"]["witness"] = {"type": "string", "description": "Who saw it"}
    close["required"].append("witness")
    return live


def with_legacy_reason() -> dict[str, Any]:
    """A new value of an enum the facade has no table for: readable as it is."""
    live = upstream()
    for schema in ("LegacyNonAssociation", "LegacyNonAssociationOtherPrisonerDetails"):
        live["components"]["schemas"][schema]["properties"]["reasonCode"]["enum"].append("GNG")
    return live


def with_new_wording() -> dict[str, Any]:
    live = upstream()
    live["paths"]["/constants"]["get"]["description"] = "Codes, now with retired ones"
    return live


@dataclass
class Prepared:
    github: GitHub
    out: Path
    result: subprocess.CompletedProcess[str]
    served: bytes

    @property
    def pr(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads((self.out / "pr.json").read_text())
        return loaded

    def on_branch(self, path: str) -> bytes:
        return subprocess.run(
            ["git", "show", f"{BRANCH}:{path}"],
            cwd=self.github.checkout,
            capture_output=True,
            check=True,
        ).stdout

    def changed_files(self) -> list[str]:
        return git(self.github.checkout, "diff", "--name-only", f"main..{BRANCH}").split("\n")


def prepare(source: Path, tmp: Path, url: str, served: bytes = b"") -> Prepared:
    github = make_github(source, tmp)
    out = tmp / "out"
    result = github.drift_pr("prepare", str(out), "--url", url, "--test-command", TEST_COMMAND)
    return Prepared(github, out, result, served)


def prepared_for(
    make: Callable[[], dict[str, Any]],
) -> Callable[[Path, pytest.TempPathFactory, Callable[[bytes], str]], Prepared]:
    def fixture(
        source: Path,
        tmp_path_factory: pytest.TempPathFactory,
        served: Callable[[bytes], str],
    ) -> Prepared:
        body = json.dumps(make(), indent=1).encode()
        done = prepare(source, tmp_path_factory.mktemp(make.__name__), served(body), body)
        assert done.result.returncode == 1, done.result.stdout + done.result.stderr
        return done

    return fixture


needs_facade = pytest.fixture(scope="module")(prepared_for(with_history_and_witness))
enum_only = pytest.fixture(scope="module")(prepared_for(with_legacy_reason))
prose_only = pytest.fixture(scope="module")(prepared_for(with_new_wording))


def expected_next(bump: str) -> str:
    return drift.bumped(release.project_version(), bump)  # type: ignore[arg-type]


# --- prepare --------------------------------------------------------------------------


def test_the_branch_takes_the_document_generated_code_and_changelog(
    needs_facade: Prepared,
) -> None:
    assert needs_facade.on_branch("upstream/api-docs.json") == needs_facade.served
    spec = json.loads(needs_facade.on_branch("openapi.json"))
    assert "/non-associations/{id}/history" in spec["paths"]
    assert "witness" in spec["components"]["schemas"]["CloseNonAssociationRequest"]["required"]
    assert b"def sync_detailed" in needs_facade.on_branch(HISTORY_MODULE)
    changed = needs_facade.changed_files()
    assert {"CHANGELOG.md", "openapi.json", "upstream/api-docs.json", HISTORY_MODULE} <= set(
        changed
    )
    assert not [name for name in changed if name.startswith(("tests/", "scripts/", "docs/"))]
    message = git(needs_facade.github.checkout, "log", "-1", "--format=%B", BRANCH)
    assert f"{drift_pr.TRAILER}: {needs_facade.pr['fingerprint']}" in message


def test_the_changelog_entry_goes_under_unreleased(needs_facade: Prepared) -> None:
    text = needs_facade.on_branch("CHANGELOG.md").decode()
    section = text[text.index("## [Unreleased]") : text.index("## [0.1.0]")]
    added = section[section.index("### Added") : section.index("### Changed")]
    assert (
        "- Live API: operation added"
        " `GET /non-associations/{id}/history (getNonAssociationHistory)`." in added
    )
    assert (
        "- Live API, **breaking**: property added `CloseNonAssociationRequest.witness`"
        " (required)." in added
    )
    changed = section[section.index("### Changed") :]
    nxt = expected_next("minor")
    assert f"breaking change, proposed minor release ({release.project_version()} -> {nxt})" in (
        changed
    )
    # Everything main had is still there, once.
    before = (ROOT / "CHANGELOG.md").read_text()
    assert text.count("## [Unreleased]") == 1
    for line in before.splitlines():
        assert line in text


def test_failing_tests_still_give_a_pull_request_marked_failing(needs_facade: Prepared) -> None:
    pr = needs_facade.pr
    assert pr["tests"]["passed"] is False
    assert pr["tests"]["summary"] == "3 failed, 5 passed"
    coverage = "FAILED tests/generation/test_facade_coverage.py::"
    assert pr["tests"]["failed"] == [
        f"{coverage}test_each_client_wraps_every_operation",
        f"{coverage}test_every_generated_operation_is_wrapped",
        f"{coverage}test_the_fake_reads_every_required_request_field",
    ]
    body = pr["body"]
    assert "❌ **TESTS FAILED: do not merge as it is**" in body
    assert f"- `{coverage}test_every_generated_operation_is_wrapped`" in body
    assert "The end of the test log" in body


def test_the_description_says_what_the_facade_must_do(needs_facade: Prepared) -> None:
    body = needs_facade.pr["body"]
    todo = body[body.index("## What the facade must do") : body.index("## Changelog entry")]
    assert f"- [ ] **New operation** `{HISTORY_MODULE}`: no facade method calls it." in todo
    assert "- [ ] **New required request field** `CloseNonAssociationRequest.witness`" in todo
    assert todo.count("- [ ]") == 2


def test_the_description_has_the_report_and_the_bump(needs_facade: Prepared) -> None:
    pr = needs_facade.pr
    report = pr["report"]
    assert (report["impact"], report["bump"]) == ("breaking", "minor")
    assert report["next_version"] == expected_next("minor")
    assert pr["title"] == f"Live API drift: breaking change, minor bump to {expected_next('minor')}"
    body = pr["body"]
    assert (
        "| **breaking** | property added | `CloseNonAssociationRequest.witness` | required |"
        in (body)
    )
    assert (
        "| non-breaking | operation added"
        " | `GET /non-associations/{id}/history (getNonAssociationHistory)` |  |" in body
    )
    version, nxt = release.project_version(), expected_next("minor")
    assert f"Proposed bump: **minor**, {version} -> **{nxt}** (impact: breaking)." in body
    assert drift_pr.reported(body) == drift_pr.fingerprint(report["changes"])
    block = body[body.index("```json\n") + 8 : body.index("\n```\n\n</details>\n\n<!--")]
    assert json.loads(block) == report


def test_a_new_enum_value_passes_with_a_note(enum_only: Prepared) -> None:
    pr = enum_only.pr
    assert pr["tests"] | {"tail": ""} == {
        "command": TEST_COMMAND,
        "passed": True,
        "summary": "8 passed",  # tests/generation/test_facade_coverage.py
        "failed": [],
        "tail": "",
    }
    assert (pr["report"]["impact"], pr["report"]["bump"]) == ("compatible", "minor")
    body = pr["body"]
    assert "✅ **Tests passed**" in body and "TESTS FAILED" not in body
    assert "Nothing before merging: no change here needs the facade." in body
    assert "- **New enum value** `GNG` of `LegacyReasonCode`: nothing to do." in body
    legacy = enum_only.on_branch(
        "generated/hmpps_non_associations_api_client/models/legacy_reason_code.py"
    )
    assert b'GNG = "GNG"' in legacy


def test_prose_alone_is_a_patch_that_changes_only_the_raw_copy(prose_only: Prepared) -> None:
    pr = prose_only.pr
    assert (pr["report"]["impact"], pr["report"]["bump"]) == ("prose", "patch")
    assert pr["report"]["next_version"] == expected_next("patch")
    assert pr["report"]["changes"] == [
        {
            "change": "prose changed",
            "where": "GET /constants description",
            "breaking": False,
            "detail": "now: Codes, now with retired ones",
        }
    ]
    assert sorted(prose_only.changed_files()) == ["CHANGELOG.md", "upstream/api-docs.json"]
    assert pr["tests"]["passed"] is True
    assert "- **Prose only**: upstream reworded its descriptions." in pr["body"]
    changelog = prose_only.on_branch("CHANGELOG.md").decode()
    assert "- Live API: its own descriptions changed in 1 place(s);" in changelog


def test_no_drift_no_branch(source: Path, tmp_path: Path, served: Callable[[bytes], str]) -> None:
    done = prepare(source, tmp_path, served(UPSTREAM_DOC.read_bytes()))
    assert done.result.returncode == 0, done.result.stderr
    assert done.result.stdout.strip() == "No drift."
    assert not (done.out / "pr.json").exists()
    assert git(done.github.checkout, "branch", "--list", BRANCH) == ""


def test_a_checkout_out_of_step_with_openapi_json_is_an_error_not_drift(
    source: Path, tmp_path: Path, served: Callable[[bytes], str]
) -> None:
    github = make_github(source, tmp_path)
    role = github.checkout / "generated" / facade_coverage.PACKAGE / "models" / "role.py"
    role.write_text(role.read_text() + "# edited by hand\n")
    git(github.checkout, "add", str(role))
    commit_as_maintainer(github.checkout, "edit generated/ by hand")
    out = tmp_path / "out"
    result = github.drift_pr(
        "prepare", str(out), "--url", served(UPSTREAM_DOC.read_bytes()), "--test-command", "false"
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "out of step with openapi.json (run `make regenerate`)" in result.stderr
    assert "generated file differs" in result.stderr
    assert not (out / "pr.json").exists()
    assert git(github.checkout, "branch", "--list", BRANCH) == ""


def test_an_unreachable_document_never_makes_a_pull_request(source: Path, tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = prepare(source, tmp_path, f"http://127.0.0.1:{port}/v3/api-docs")
    assert done.result.returncode == 2
    assert "cannot reach" in done.result.stderr
    assert "Traceback" not in done.result.stderr
    assert not (done.out / "pr.json").exists()
    assert git(done.github.checkout, "branch", "--list", BRANCH) == ""


def test_a_document_the_generator_fails_on_still_gives_a_pull_request(
    source: Path, tmp_path: Path, served: Callable[[bytes], str]
) -> None:
    """Generation fails after the raw copy is written: the branch carries it, marked."""
    live = upstream()
    live["paths"]["/non-associations/import"] = {
        "post": {
            "tags": ["Non-Associations"],
            "operationId": "importNonAssociations",
            "requestBody": {
                "required": True,
                "content": {"application/xml": {"schema": {"type": "string"}}},
            },
            "responses": {"204": {"description": "Imported"}},
        }
    }
    body = json.dumps(live).encode()
    done = prepare(source, tmp_path, served(body))
    assert done.result.returncode == 1, done.result.stdout + done.result.stderr
    pr = done.pr
    assert pr["regeneration_failed"] is True
    assert "❌ **Regeneration failed**" in pr["body"]
    assert "generation failed" in pr["body"]
    assert done.on_branch("upstream/api-docs.json") == body
    assert "/non-associations/import" in json.loads(done.on_branch("openapi.json"))["paths"]


# --- publish --------------------------------------------------------------------------


def published(source: Path, tmp: Path) -> GitHub:
    return make_github(source, tmp)


def test_the_first_drift_opens_one_pull_request(
    source: Path, tmp_path: Path, needs_facade: Prepared
) -> None:
    github = published(source, tmp_path)
    result = github.drift_pr("publish", str(needs_facade.out), "--run-url", RUN_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"opened https://github.com/o/r/pull/1 (run {RUN_URL})"
    (pr,) = github.state["prs"]
    prepared = needs_facade.pr
    assert (pr["head"], pr["base"], pr["labels"]) == (BRANCH, "main", ["api-drift"])
    assert (pr["title"], pr["body"]) == (prepared["title"], prepared["body"])
    assert github.state["labels"] == ["api-drift"]
    # The branch GitHub has is the one prepare built, parent main.
    built = git(needs_facade.github.checkout, "rev-parse", BRANCH)
    assert github.branch_head() == built
    assert git(github.origin, "rev-parse", f"{BRANCH}~1") == git(github.origin, "rev-parse", "main")
    assert github.branch_file("upstream/api-docs.json") == needs_facade.served


def test_the_same_drift_again_changes_nothing(
    source: Path, tmp_path: Path, needs_facade: Prepared
) -> None:
    github = published(source, tmp_path)
    github.drift_pr("publish", str(needs_facade.out))
    head = github.branch_head()
    result = github.drift_pr("publish", str(needs_facade.out), "--run-url", RUN_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"#1 is up to date (run {RUN_URL})"
    assert github.writes() == []
    assert github.branch_head() == head
    assert len(github.state["prs"]) == 1


def test_a_changed_drift_rebuilds_the_branch_and_comments(
    source: Path, tmp_path: Path, needs_facade: Prepared, enum_only: Prepared
) -> None:
    github = published(source, tmp_path)
    github.drift_pr("publish", str(needs_facade.out))
    result = github.drift_pr("publish", str(enum_only.out), "--run-url", RUN_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"updated #1 (run {RUN_URL})"
    (pr,) = github.state["prs"]
    assert (pr["title"], pr["body"]) == (enum_only.pr["title"], enum_only.pr["body"])
    (comment,) = pr["comments"]
    assert comment.startswith(f"The drift report changed (run {RUN_URL}): now 1 change(s),")
    assert github.branch_head() == git(enum_only.github.checkout, "rev-parse", BRANCH)
    assert b"get_non_association_history" not in github.branch_file("openapi.json")


def test_a_branch_with_maintainers_commits_is_left_alone(
    source: Path, tmp_path: Path, needs_facade: Prepared, enum_only: Prepared
) -> None:
    github = published(source, tmp_path)
    github.drift_pr("publish", str(needs_facade.out))
    # A maintainer adds the facade method on the branch.
    work = tmp_path / "maintainer"
    subprocess.run(["git", "clone", "-q", "-b", BRANCH, str(github.origin), str(work)], check=True)
    commit_as_maintainer(work, "Facade: get_non_association_history")
    git(work, "push", "-q", "origin", BRANCH)
    theirs = github.branch_head()

    result = github.drift_pr("publish", str(enum_only.out), "--run-url", RUN_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"commented on #1: it has maintainers' commits (run {RUN_URL})"
    assert github.branch_head() == theirs
    (pr,) = github.state["prs"]
    (comment,) = pr["comments"]
    assert "Facade: get_non_association_history" in comment
    assert "left as it is" in comment
    assert drift_pr.reported(pr["body"]) == enum_only.pr["fingerprint"]
    assert pr["title"] == needs_facade.pr["title"]

    again = github.drift_pr("publish", str(enum_only.out))
    assert again.stdout.strip() == "#1 has maintainers' commits and already has this report"
    assert github.writes() == []


def test_a_pull_request_closed_unmerged_is_not_reopened_for_the_same_report(
    source: Path, tmp_path: Path, needs_facade: Prepared, enum_only: Prepared
) -> None:
    github = published(source, tmp_path)
    github.drift_pr("publish", str(needs_facade.out))
    state = github.state
    state["prs"][0]["state"] = "CLOSED"
    github.state_path.write_text(json.dumps(state))

    result = github.drift_pr("publish", str(needs_facade.out))
    assert result.stdout.strip() == "#1 was closed unmerged with this same report: left closed"
    assert github.writes() == []

    result = github.drift_pr("publish", str(enum_only.out))
    assert result.stdout.strip() == "opened https://github.com/o/r/pull/2"
    assert [pr["state"] for pr in github.state["prs"]] == ["CLOSED", "OPEN"]
    assert github.branch_head() == git(enum_only.github.checkout, "rev-parse", BRANCH)


def test_a_clean_check_closes_the_open_pull_request(
    source: Path, tmp_path: Path, needs_facade: Prepared
) -> None:
    github = published(source, tmp_path)
    result = github.drift_pr("clean")
    assert result.stdout.strip() == "no drift pull request is open"
    github.drift_pr("publish", str(needs_facade.out))
    result = github.drift_pr("clean", "--run-url", RUN_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "closed #1"
    (pr,) = github.state["prs"]
    assert pr["state"] == "CLOSED" and pr["branch_deleted"] is True
    assert pr["comments"] == [
        f"The live document matches `openapi.json` on main again (run {RUN_URL}). Closing."
    ]


def test_a_gh_failure_is_reported_without_a_traceback(
    source: Path, tmp_path: Path, needs_facade: Prepared
) -> None:
    github = published(source, tmp_path)
    result = github.drift_pr("publish", str(needs_facade.out), fail="pr create")
    assert result.returncode == 3
    assert "error: gh pr create failed: HTTP 403" in result.stderr
    assert "Traceback" not in result.stderr


# --- the pieces -----------------------------------------------------------------------


def test_changelog_sections_are_made_in_order_and_kept() -> None:
    text = (
        "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a fix\n\n"
        "## [0.1.0] - 2026-01-01\n\n### Added\n\n- first\n\n[Unreleased]: x\n"
    )
    entries = {"Added": ["- new op"], "Fixed": ["- another"], "Changed": ["- lead"]}
    assert drift_pr.add_to_unreleased(text, entries) == (
        "# Changelog\n\n## [Unreleased]\n\n"
        "### Added\n\n- new op\n\n### Changed\n\n- lead\n\n### Fixed\n\n- a fix\n- another\n\n"
        "## [0.1.0] - 2026-01-01\n\n### Added\n\n- first\n\n[Unreleased]: x\n"
    )
    with pytest.raises(drift_pr.DriftPrError, match="no '## \\[Unreleased\\]' section"):
        drift_pr.add_to_unreleased("# Changelog\n", entries)


def test_an_enum_with_display_text_needs_an_entry() -> None:
    summary = drift.summarise(
        [
            {
                "change": "enum value added",
                "where": "Reason CONTRABAND",
                "breaking": False,
                "detail": "",
            }
        ],
        "1.0.0",
    )
    coverage = facade_coverage.scan(ROOT)
    todo, notes = drift_pr.facade_actions(summary, coverage, ROOT)
    assert notes == []
    (item,) = todo
    assert item.startswith("- [ ] **New enum value** `CONTRABAND` of `Reason`: give it display")
    assert "`facade/hmpps_non_associations_api/_spec/_constants.py`" in item


def test_a_removed_operation_still_wrapped_is_listed() -> None:
    coverage = facade_coverage.scan(ROOT)
    coverage.generated.discard("non_associations.constants")
    summary = drift.summarise([], "1.0.0")
    (item,) = drift_pr.facade_actions(summary, coverage, ROOT)[0]
    assert item.startswith("- [ ] **Removed operation** `non_associations.constants`:")
    users = sorted(coverage.referenced["non_associations.constants"])
    assert users and all(path.startswith("facade/hmpps_non_associations_api/") for path in users)
    assert ", ".join(f"`{path}`" for path in users) + " still call it" in item


def test_the_fingerprint_follows_the_changes() -> None:
    change = {"change": "x", "where": "y", "breaking": False, "detail": ""}
    same = {"detail": "", "breaking": False, "where": "y", "change": "x"}
    assert drift_pr.fingerprint([change]) == drift_pr.fingerprint([same])
    assert drift_pr.fingerprint([change]) != drift_pr.fingerprint([{**change, "breaking": True}])


def test_a_long_description_gives_up_its_json_block_first(needs_facade: Prepared) -> None:
    body = needs_facade.pr["body"]
    assert drift_pr.fit(body) == body
    shorter = drift_pr.fit(body, limit=len(body) - 10)
    assert "JSON report" not in shorter and "The end of the test log" in shorter
    assert drift_pr.TOO_LONG in shorter
    assert drift_pr.reported(shorter) == needs_facade.pr["fingerprint"]
    shortest = drift_pr.fit(body, limit=1000)
    assert "The end of the test log" not in shortest
    assert shortest.count(drift_pr.TOO_LONG) == 2
