"""Keep one GitHub issue in step with the drift check (.github/workflows/drift.yml).

    python scripts/drift_issue.py render REPORT.json            print the issue body
    python scripts/drift_issue.py drift REPORT.json [--run-url U]
        open the drift issue, or update the open one when the report has changed
    python scripts/drift_issue.py clean [--run-url U]
        close the open drift issue, if there is one: the live document agrees again

REPORT.json is the output of `regenerate.py --check --url --json`. The issue is the one
open issue labelled `api-drift`. GitHub is reached through the gh CLI, which takes its
token and repository from GH_TOKEN and GH_REPO. Opening the issue and each comment
notify the repository's watchers; an unchanged report adds nothing, so a drift that
lasts for weeks is not repeated every weekday.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

LABEL = "api-drift"
LABEL_COLOUR = "d93f0b"
TITLE = "The live Non-associations API document has drifted from openapi.json"
_REPORT_BLOCK = re.compile(r"```json\n(?P<json>.*?)\n```", re.DOTALL)


class GhError(Exception):
    """A gh command failed."""


def render(changes: list[dict[str, Any]]) -> str:
    """The issue body: a table of the changes, what to do, and the JSON report."""
    breaking = sum(bool(c["breaking"]) for c in changes)
    rows = [
        "| | change | where | detail |",
        "|---|---|---|---|",
        *(
            f"| {'**breaking**' if c['breaking'] else 'non-breaking'} | {cell(c['change'])}"
            f" | `{cell(c['where'])}` | {cell(c['detail'])} |"
            for c in sorted(changes, key=lambda c: not c["breaking"])
        ),
    ]
    report = json.dumps(changes, indent=2)
    return "\n".join(
        [
            "The weekday drift check found that the document the live Non-associations API",
            f"serves no longer matches `openapi.json`: {len(changes)} change(s),"
            f" {breaking} breaking for code generated from the current `openapi.json`.",
            "",
            *rows,
            "",
            "To take the new document (see docs/maintaining.md):",
            "",
            "1. `make drift` shows this report locally.",
            "2. `.venv/bin/python scripts/regenerate.py --pull` keeps the raw document in"
            " `upstream/api-docs.json`, normalises it into `openapi.json` and regenerates"
            " `generated/`; fix `scripts/normalise.py` first if a rule no longer fits.",
            "3. Adapt the facade and the fake to breaking changes, `make test`, record the"
            " change in `CHANGELOG.md` and release.",
            "",
            "This issue is updated while the drift lasts and closed when the check passes.",
            "",
            "<details><summary>JSON report</summary>",
            "",
            "```json",
            report,
            "```",
            "",
            "</details>",
            "",
        ]
    )


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def reported(body: str) -> Any:
    """The JSON report an issue body carries, or None when it has none (edited by hand)."""
    match = _REPORT_BLOCK.search(body.replace("\r\n", "\n"))
    if not match:
        return None
    try:
        return json.loads(match.group("json"))
    except ValueError:
        return None


def gh(*args: str, stdin: str | None = None) -> str:
    """Run gh and return its output."""
    result = subprocess.run(["gh", *args], input=stdin, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise GhError(f"gh {' '.join(args[:2])} failed: {result.stderr.strip()}")
    return result.stdout


def open_issue() -> dict[str, Any] | None:
    """The open drift issue (number and body), if there is one."""
    found = json.loads(
        gh("issue", "list", "--label", LABEL, "--state", "open", "--json", "number,body")
    )
    return min(found, key=lambda issue: issue["number"]) if found else None


def report_drift(changes: list[dict[str, Any]], run_url: str | None) -> str:
    """Open the drift issue, or bring the open one up to date; say what was done."""
    body = render(changes)
    ran = f" (run {run_url})" if run_url else ""
    issue = open_issue()
    if issue is None:
        description = "The live API document differs from openapi.json"
        gh(
            "label",
            "create",
            LABEL,
            "--force",
            "--color",
            LABEL_COLOUR,
            "--description",
            description,
        )
        url = gh(
            "issue", "create", "--title", TITLE, "--label", LABEL, "--body-file", "-", stdin=body
        )
        return f"opened {url.strip()}{ran}"
    number = str(issue["number"])
    if reported(issue["body"]) == changes:
        return f"issue #{number} already reports this drift{ran}"
    gh("issue", "edit", number, "--body-file", "-", stdin=body)
    breaking = sum(bool(c["breaking"]) for c in changes)
    comment = (
        f"The drift report changed{ran}: now {len(changes)} change(s), {breaking} breaking."
        " The description above has the new report."
    )
    gh("issue", "comment", number, "--body-file", "-", stdin=comment)
    return f"updated issue #{number}{ran}"


def report_clean(run_url: str | None) -> str:
    """Close the open drift issue, if any; say what was done."""
    issue = open_issue()
    if issue is None:
        return "no drift issue is open"
    number = str(issue["number"])
    ran = f" (run {run_url})" if run_url else ""
    comment = f"The live document matches `openapi.json` again{ran}. Closing."
    gh("issue", "close", number, "--comment", comment)
    return f"closed issue #{number}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["render", "drift", "clean"])
    parser.add_argument("report", nargs="?", type=Path, help="the --check --json output")
    parser.add_argument("--run-url", help="the workflow run, linked from the issue")
    args = parser.parse_args(argv)
    if args.command != "clean" and args.report is None:
        parser.error(f"{args.command} needs the JSON report")
    try:
        if args.command == "clean":
            print(report_clean(args.run_url))
            return 0
        changes = json.loads(args.report.read_text(encoding="utf-8"))
        if not isinstance(changes, list) or not changes:
            print(f"error: {args.report} holds no drift report", file=sys.stderr)
            return 1
        print(render(changes) if args.command == "render" else report_drift(changes, args.run_url))
    except (GhError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
