"""Every ```python block in README.md, SECURITY.md and docs/*.md runs, against the fakes.

A block that defines `test_*` functions is an application's test: it is written to a
file of its own and run by pytest in a subprocess, as the application's project would
run it (the package's pytest plugin loads from the installed entry point; the README's
own pytest settings are its pyproject.toml; examples/ is importable, as the
application's own code would be), and every test in it must pass without a warning.
Any other block runs in a fresh namespace while a fake API and a fake HMPPS Auth are
served on loopback and the variables an application reads point at them (the
`non_associations_env` fixture).

A block that cannot run here is marked in the markdown, right before it, with
`<!-- not run: why -->`; those are listed in NOT_RUN below, so a new one cannot slip in
unnoticed, and each must still compile.

A block marked `<!-- module: name.py -->` is also an application's module: it runs as
any other block, and is written as `name.py` beside the application's tests, so the
README's tests import the very code the README shows.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCUMENTS = [ROOT / "README.md", ROOT / "SECURITY.md", *sorted((ROOT / "docs").glob("*.md"))]

NOT_RUN_MARK = re.compile(r"^<!--\s*not run:\s*(?P<why>.+?)\s*-->$")
MODULE_MARK = re.compile(r"^<!--\s*module:\s*(?P<name>\w+\.py)\s*-->$")
FENCE = re.compile(r"^(?P<indent>\s*)```(?P<info>[^`]*)$")

NOT_RUN = [
    ("docs/observability.md", "needs prometheus_client, which is not a dependency"),
    ("docs/observability.md", "needs azure-monitor-opentelemetry and a connection string"),
    ("docs/observability.md", "needs opentelemetry-exporter-otlp and a collector"),
]
"""Every block deliberately not run: (document, reason), in the order they appear."""


@dataclass(frozen=True)
class Block:
    document: str
    line: int  # of the opening fence, counting from 1
    language: str
    code: str
    not_run: str | None  # the reason given in the mark before it
    module: str | None  # the file name an application's module block is written as

    @property
    def name(self) -> str:
        return f"{self.document}:{self.line}"

    def test_functions(self) -> list[str]:
        """The names of the tests this block defines, if it is an application's tests."""
        return [
            node.name
            for node in ast.parse(self.code).body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test_")
        ]


def read_blocks(path: Path) -> list[Block]:
    """The fenced blocks of a markdown file, with the not-run mark before each, if any."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    previous = ""  # the last non-blank line outside a block
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            if lines[index].strip():
                previous = lines[index].strip()
            index += 1
            continue
        indent, start = opening["indent"], index
        index += 1
        body: list[str] = []
        while index < len(lines) and lines[index].strip() != "```":
            body.append(lines[index])
            index += 1
        if index == len(lines):
            raise AssertionError(f"{path.name}:{start + 1}: the block is never closed")
        mark = NOT_RUN_MARK.match(previous)
        module = MODULE_MARK.match(previous)
        code = textwrap.dedent("\n".join(body)) if indent else "\n".join(body)
        language = opening["info"].strip().split(" ")[0]
        blocks.append(
            Block(
                str(path.relative_to(ROOT)),
                start + 1,
                language,
                code + "\n",
                mark["why"] if mark else None,
                module["name"] if module else None,
            )
        )
        previous = ""
        index += 1
    return blocks


BLOCKS = [block for path in DOCUMENTS for block in read_blocks(path)]
PYTHON = [block for block in BLOCKS if block.language in ("python", "py")]
RUN = [block for block in PYTHON if block.not_run is None]
SCRIPTS = [block for block in RUN if not block.test_functions()]
APPLICATION_TESTS = [block for block in RUN if block.test_functions()]
MODULES = {block.module: block.code for block in RUN if block.module}
"""The application's modules the documents show, by file name."""
PYTEST_SETTINGS = next(
    block for block in BLOCKS if block.language == "toml" and "asyncio_mode" in block.code
)
"""The pytest settings docs/testing.md gives an application: its tests run under them."""


def test_blocks_were_found() -> None:
    """The README keeps a first call, the application's module and the everyday
    questions; the pages under docs/ hold the rest of what it used to."""
    readme = [block for block in RUN if block.document == "README.md"]
    assert len(readme) >= 3
    assert len(RUN) >= 15
    assert APPLICATION_TESTS


def test_the_application_module_is_shown_and_tested() -> None:
    """The README's "In an application" is a module docs/testing.md's tests import."""
    assert list(MODULES) == ["prisoner_app.py"]
    assert [block.document for block in RUN if block.module] == ["README.md"]
    assert any("from prisoner_app import" in block.code for block in APPLICATION_TESTS)


def test_only_python_blocks_are_marked_not_run() -> None:
    marked = [block.name for block in BLOCKS if block.not_run and block not in PYTHON]
    assert marked == []
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        marks = sum(1 for line in text.splitlines() if NOT_RUN_MARK.match(line.strip()))
        blocks = [block for block in PYTHON if block.document == str(path.relative_to(ROOT))]
        assert marks == sum(1 for block in blocks if block.not_run), (
            f"{path.name}: a not-run mark is not right before a python block"
        )


def test_the_blocks_not_run_are_exactly_the_listed_ones() -> None:
    assert [(block.document, block.not_run) for block in PYTHON if block.not_run] == NOT_RUN


@pytest.mark.parametrize(
    "block", [block for block in PYTHON if block.not_run], ids=lambda block: block.name
)
def test_blocks_not_run_still_compile(block: Block) -> None:
    compile(block.code, block.name, "exec")


@pytest.mark.parametrize("block", SCRIPTS, ids=lambda block: block.name)
def test_block_runs_against_the_fakes(block: Block, non_associations_env: dict[str, str]) -> None:
    exec(compile(block.code, block.name, "exec"), {"__name__": "__docs__"})


def without_configuration() -> dict[str, str]:
    """This process's environment less anything that would point a client somewhere."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("HMPPS_", "PYTEST_"))
    }


@pytest.mark.parametrize("block", APPLICATION_TESTS, ids=lambda block: block.name)
def test_application_tests_pass_under_pytest(block: Block, tmp_path: Path) -> None:
    (tmp_path / "test_from_docs.py").write_text(block.code, encoding="utf-8")
    for name, code in MODULES.items():
        (tmp_path / name).write_text(code, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(PYTEST_SETTINGS.code, encoding="utf-8")
    environment = without_configuration()
    environment["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(ROOT / "examples")])
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert f"{len(block.test_functions())} passed" in report, report
    assert "warning" not in report.lower(), report


def test_the_first_block_needs_no_configuration() -> None:
    """The README's first snippet starts its own fake: it runs in a bare environment."""
    first = next(block for block in PYTHON if block.document == "README.md")
    result = subprocess.run(
        [sys.executable, "-c", first.code],
        env=without_configuration(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "VIOLENCE Cell and landing" in result.stdout


def test_python_blocks_are_lint_and_format_clean(tmp_path: Path) -> None:
    """Snippets are copied into applications: they follow this project's ruff rules."""
    files = []
    for number, block in enumerate(PYTHON):
        path = tmp_path / f"block_{number}.py"
        path.write_text(block.code, encoding="utf-8")
        files.append(str(path))
    ruff = [sys.executable, "-m", "ruff"]
    settings = ["--config", str(ROOT / "pyproject.toml")]
    for command in (["check", *settings, *files], ["format", "--check", *settings, *files]):
        result = subprocess.run(
            [*ruff, *command], capture_output=True, text=True, timeout=120, check=False
        )
        names = {file: block.name for file, block in zip(files, PYTHON, strict=True)}
        report = result.stdout + result.stderr
        for file, name in names.items():
            report = report.replace(file, name)
        assert result.returncode == 0, report


LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {slug(heading) for heading in headings}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_relative_links_and_anchors_resolve(document: Path) -> None:
    broken = []
    for match in LINK.finditer(document.read_text(encoding="utf-8")):
        target = match["target"]
        if re.match(r"^[a-z]+:", target):
            continue  # a URL
        file, _, anchor = target.partition("#")
        path = (document.parent / file).resolve() if file else document
        if not path.exists() or (anchor and anchor not in anchors(path)):
            broken.append(target)
    assert broken == []


def test_the_methods_table_lists_the_role_openapi_json_declares() -> None:
    """docs/client.md, "Methods": the role column is each operation's `x-roles`."""
    spec = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "client.md").read_text(encoding="utf-8")
    table = page.split("\n## Methods\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| `")]
    checked = set()
    for method_cell, request, role, _ in rows:
        found = re.match(r"(GET|POST|PUT|PATCH) (/\S*?)[,;]?(?:\s|$)", request)
        operation = found and spec["paths"].get(found[2], {}).get(found[1].lower())
        if not operation:
            continue
        declared = " or ".join(f"`{name}`" for name in operation["x-roles"]) or "none"
        assert role == declared, method_cell
        checked.add(operation["operationId"])
    assert len(checked) == 13  # every operation in the document (the helpers reuse two)


README = ROOT / "README.md"
README_MAX_LINES = 300
FRONT_DOOR = [
    "## Install",
    "## Quick start in a checkout",
    "## A first call",
    "## In an application",
    "### Answering the everyday questions",
    "## Security notes",
    "## Documentation",
]
"""The README's headings, in order: a short front door; the rest is under docs/."""


def headings(text: str) -> list[tuple[int, str]]:
    """The markdown headings outside fenced blocks: (line index, heading line)."""
    found, fenced = [], False
    for index, line in enumerate(text.splitlines()):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and re.match(r"^#+ ", line):
            found.append((index, line))
    return found


def readme_section(heading: str) -> str:
    """A README section's text, up to the next heading of its level or above."""
    lines = README.read_text(encoding="utf-8").splitlines()
    level = len(heading.split(" ", 1)[0])
    found = headings("\n".join(lines))
    (start,) = [index for index, line in found if line == heading]
    ends = [index for index, line in found if index > start and len(line.split(" ", 1)[0]) <= level]
    return "\n".join(lines[start + 1 : ends[0] if ends else len(lines)])


def test_the_readme_is_a_short_front_door() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= README_MAX_LINES
    found = [line for _, line in headings(text)]
    assert found == ["# hmpps-non-associations-api (Python)", *FRONT_DOOR]


def test_the_readme_starts_a_newcomer_with_make_demo_and_make_test() -> None:
    """Both commands are in the quick start, before the first call, and both are real
    targets of the Makefile: `make demo` runs the quickstart, `make test` everything."""
    quick_start = readme_section("## Quick start in a checkout")
    commands = quick_start.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert [line.split("#")[0].strip() for line in commands] == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo: .*\n\t\$\(BIN\)/python examples/demo\.py$", makefile, re.M)
    assert re.search(r"^test: .*\blint\b.*\n\t\$\(BIN\)/python -m pytest$", makefile, re.M)
    assert 'HERE / "quickstart.py"' in (ROOT / "examples" / "demo.py").read_text("utf-8")
    install = readme_section("## Install")
    repository = "https://github.com/ministryofjustice/hmpps-non-associations-api-python"
    assert f'pip install "git+{repository}@main"' in install


def test_the_readme_keeps_the_everyday_questions_and_the_limits_of_an_empty_answer() -> None:
    section = readme_section("### Answering the everyday questions")
    (block,) = [block for block in RUN if block.document == "README.md" and block.code in section]
    assert "non_associations_with(" in block.code and "group_by_location(" in block.code
    assert "\n**The limits of an empty answer.** " in section
    assert "check numbers typed by a person first" in section


def test_the_readme_security_notes_say_what_is_neutralised() -> None:
    notes = readme_section("## Security notes")
    for point in (
        "control characters escaped and cut after 300 characters",
        "`Limits.max_response_size`",
        "`request()` refuses `.` and `..` path segments",
        "belong to the connection cannot be set",
        "shows\n  header names, not values",
        "`--raw-csv` turns that off",
        "[SECURITY.md](SECURITY.md)",
    ):
        assert point in notes, point


def test_the_readme_links_every_page_under_docs() -> None:
    section = readme_section("## Documentation")
    linked = {match["target"] for match in LINK.finditer(section)}
    pages = {f"docs/{path.name}" for path in (ROOT / "docs").glob("*.md")}
    assert pages <= linked, sorted(pages - linked)
