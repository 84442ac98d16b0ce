"""How the command is found and learnt: the console script and `python -m`, `--help` on
every command with an example that parses, its page (docs/cli.md), and an application of
the library's public names only."""

from __future__ import annotations

import ast
import importlib.metadata
import shlex
import sys
import tomllib
from pathlib import Path

import hmpps_non_associations_api
import pytest
from hmpps_non_associations_api._cli import main
from hmpps_non_associations_api._cli._commands import COMMANDS
from hmpps_non_associations_api._cli._parser import parse

from tests.cli.conftest import Cli, Ran
from tests.conftest import ROOT

FACADE = ROOT / "facade" / "hmpps_non_associations_api"
SCRIPT = "hmpps-non-associations"


def test_the_console_script_and_python_m_run_the_same_command(cli: Cli) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {SCRIPT: "hmpps_non_associations_api._cli:main"}
    (installed,) = importlib.metadata.entry_points(group="console_scripts", name=SCRIPT)
    assert installed.load() is main
    script = Path(sys.executable).parent / SCRIPT
    assert script.exists(), f"{script} is missing: reinstall the package"
    # `python -m hmpps_non_associations_api` is how every other test here runs it.
    version = cli("--version", command=[str(script)])
    assert version == Ran(0, f"{SCRIPT} {hmpps_non_associations_api.__version__}\n", "")
    found = cli("get", "1", "--format", "csv", command=[str(script)])
    assert found.status == 0 and found.stdout.startswith("id,firstPrisonerNumber,")


def test_the_help_lists_every_command_the_settings_and_exit_statuses(cli: Cli) -> None:
    ran = cli("--help")
    assert ran.status == 0 and ran.stderr == ""
    assert ran.stdout.startswith(f"usage: {SCRIPT} ")
    for name, command in COMMANDS.items():
        assert f"    {name.ljust(10)}" in ran.stdout and command.summary in ran.stdout
    for variable in (
        "HMPPS_NON_ASSOCIATIONS_API_URL",
        "HMPPS_AUTH_URL",
        "HMPPS_AUTH_CLIENT_ID",
        "HMPPS_AUTH_CLIENT_SECRET",
    ):
        assert variable in ran.stdout
    assert "exit status: 0 done; 1 refused by the API (4xx)" in ran.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help_with_an_example_that_parses(cli: Cli, name: str) -> None:
    ran = cli.inline(name, "--help")
    assert ran.status == 0 and ran.stderr == ""
    assert ran.stdout.startswith(f"usage: {SCRIPT} {name} ")
    assert COMMANDS[name].summary[1:] in ran.stdout
    assert f"formats: {', '.join(COMMANDS[name].formats)}\n" in ran.stdout
    assert "common options:\n  --api-url URL" in ran.stdout
    example = ran.stdout.split("\nexample:\n  ", 1)[1].strip()
    assert example == COMMANDS[name].example
    words = shlex.split(example.split(" | ")[-1].split(" > ")[0])
    assert words[0] == SCRIPT
    assert parse(words[1:]).command == name  # argparse exits on an example it refuses


def test_the_docs_have_a_row_for_every_command() -> None:
    """docs/cli.md, once the README's "Command line" section: its first table."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page.startswith("# Command line\n")
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    assert [row[3:].split("`")[0].split()[0] for row in rows[: len(COMMANDS)]] == list(COMMANDS)


def imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """Each import in a module: (level, module, names)."""
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or "", [a.name for a in node.names]))
    return found


def test_the_command_line_uses_only_the_public_api() -> None:
    """It is an application of the library: the standard library, the package's
    public names, and its own modules."""
    modules = sorted((FACADE / "_cli").glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        for level, module, names in imports(path):
            where = f"{path.name}: {module} {names}"
            if level:
                assert level == 1 and module.startswith("_"), where
            elif module == hmpps_non_associations_api.__name__:
                assert set(names) <= set(hmpps_non_associations_api.__all__), where
            else:
                assert module.split(".")[0] in sys.stdlib_module_names, where
    assert imports(FACADE / "__main__.py") == [(0, "sys", []), (1, "_cli", ["main"])]
