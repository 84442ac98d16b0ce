"""`check` and `list --by-location`: the everyday questions at the command line, in every
format, with lower-case numbers, and `check`'s exit status."""

from __future__ import annotations

import csv
import io
import json

from tests.cli.api_json import documented_csv_headings
from tests.cli.conftest import Cli

FOUND = 4


def test_check_in_every_format_finds_what_the_fake_holds(cli: Cli) -> None:
    arguments = ["check", "a1234bc", "b2345cd", "c3456de", "d4567ef"]  # typed in lower case
    table = cli(*arguments, "--format", "table")
    as_json, as_jsonl, as_csv = (
        cli.inline(*arguments, "--format", format) for format in ("json", "jsonl", "csv")
    )
    for ran in (table, as_json, as_jsonl, as_csv):
        assert ran.status == FOUND and ran.stderr == "", ran
    answer = json.loads(as_json.stdout)
    assert {number: [item["id"] for item in items] for number, items in answer.items()} == {
        "B2345CD": [1],
        "C3456DE": [],  # closed
        "D4567EF": [2],
    }
    assert [json.loads(line)["prisonerNumber"] for line in as_jsonl.stdout.splitlines()] == [
        "B2345CD",
        "C3456DE",
        "D4567EF",
    ]
    heading, *rows = csv.reader(io.StringIO(as_csv.stdout, newline=""))
    assert heading == documented_csv_headings()["check"]
    assert [(row[0], row[1]) for row in rows] == [
        ("B2345CD", "1"),
        ("C3456DE", ""),
        ("D4567EF", "2"),
    ]
    assert "C3456DE: none with A1234BC" in table.stdout
    assert "B2345CD: 1 non-association with A1234BC" in table.stdout


def test_check_exits_0_when_none_is_found_and_says_so(cli: Cli) -> None:
    ran = cli.inline("check", "A1234BC", "C3456DE", "G7890HJ", "--format", "table")
    assert ran.status == 0, ran
    assert ran.stdout.splitlines() == ["C3456DE: none with A1234BC", "G7890HJ: none with A1234BC"]
    closed_too = cli.inline("check", "A1234BC", "C3456DE", "--include-closed", "--format", "json")
    assert closed_too.status == FOUND and json.loads(closed_too.stdout)["C3456DE"][0]["id"] == 3
    in_moorland = cli.inline("check", "A1234BC", "D4567EF", "--prison", "MDI", "--format", "json")
    assert in_moorland.status == 0 and json.loads(in_moorland.stdout) == {"D4567EF": []}


def test_between_and_involving_find_lower_case_numbers(cli: Cli) -> None:
    between = cli.inline("between", "a1234bc", "b2345cd", "--format", "json")
    involving = cli.inline("involving", "d4567ef", "--format", "json")
    assert [item["id"] for item in json.loads(between.stdout)] == [1]
    assert [item["id"] for item in json.loads(involving.stdout)] == [2]


def test_check_refuses_the_prisoner_among_the_candidates(cli: Cli) -> None:
    ran = cli.inline("check", "A1234BC", "a1234bc")
    assert ran.status == 2 and "themselves" in ran.stderr, ran
    assert ran.stdout == ""


def test_check_help_says_what_an_empty_answer_does_not_prove(cli: Cli) -> None:
    for command in ("check", "between", "involving"):
        text = " ".join(cli.inline(command, "--help").stdout.split())
        assert "does not check that the prisoners given exist" in text, command
    assert "4 check found a non-association" in " ".join(cli.inline("--help").stdout.split())


def test_list_by_location_in_every_format(cli: Cli) -> None:
    arguments = ["list", "a1234bc", "--by-location"]  # implies --other-prisons
    table = cli(*arguments, "--format", "table")
    as_json, as_jsonl, as_csv = (
        cli.inline(*arguments, "--format", format) for format in ("json", "jsonl", "csv")
    )
    for ran in (table, as_json, as_jsonl, as_csv):
        assert ran.status == 0 and ran.stderr == "", ran
    grouped = json.loads(as_json.stdout)
    assert grouped["prisonerNumber"] == "A1234BC" and "nonAssociations" not in grouped
    assert {
        key: [item["id"] for item in grouped[key]]
        for key in ("samePrison", "otherPrisons", "outside")
    } == {
        "samePrison": [1],
        "otherPrisons": [2],
        "outside": [],
    }
    assert [
        (json.loads(line)["group"], json.loads(line)["id"]) for line in as_jsonl.stdout.splitlines()
    ] == [
        ("samePrison", 1),
        ("otherPrisons", 2),
    ]
    heading, *rows = csv.reader(io.StringIO(as_csv.stdout, newline=""))
    assert heading == documented_csv_headings()["by-location"]
    assert [(row[0], row[2]) for row in rows] == [("samePrison", "1"), ("otherPrisons", "2")]
    text = table.stdout
    assert "In the same prison: 1" in text and "In other prisons: 1" in text
    assert "Outside any prison (in transfer, released, or no prison): none" in text
