"""The read commands in every format, their options and defaults, as subprocesses
against the fakes."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from tests.cli.api_json import api_json, documented_csv_headings, same_instants
from tests.cli.conftest import Cli, Ran


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def lines(text: str) -> list[Any]:
    """JSON lines, date-times read (`same_instants`)."""
    return [same_instants(json.loads(line)) for line in text.splitlines()]


def parsed(text: str) -> Any:
    """A JSON document, date-times read."""
    return same_instants(json.loads(text))


def ok(*runs: Ran) -> None:
    for ran in runs:
        assert ran.status == 0 and ran.stderr == "", ran


def test_get_in_every_format(cli: Cli) -> None:
    as_json = cli("get", "1")  # in a pipe: json
    table, as_jsonl, as_csv = (
        cli.inline("get", "1", "--format", format) for format in ("table", "jsonl", "csv")
    )
    ok(table, as_json, as_jsonl, as_csv)
    assert parsed(as_json.stdout) == api_json(cli.api.url, "/non-associations/1")
    assert as_json.stdout.startswith('{\n  "id": 1,\n')  # indented, in the API's order
    assert lines(as_jsonl.stdout) == [parsed(as_json.stdout)]
    heading, row = rows(as_csv.stdout)
    assert heading == documented_csv_headings()["non-association"]
    record = dict(zip(heading, row, strict=True))
    assert record["id"] == "1" and record["reasonDescription"] == "Threat"
    assert (record["isOpen"], record["isClosed"], record["closedAt"]) == ("true", "false", "")
    assert record["whenCreated"] == "2023-07-21T08:14:21"
    assert table.stdout.splitlines() == [
        "ID           1",
        "First        A1234BC (Perpetrator)",
        "Second       B2345CD (Victim)",
        "Reason       Threat",
        "Restriction  Cell only",
        "Comment      Threats made on the exercise yard",
        "Status       open",
        "Created      2023-07-21 08:14",
        "Updated      2023-07-21 08:14 by SEED_USER",
    ]


def test_a_closed_one_shows_its_closure(cli: Cli) -> None:
    ran = cli.inline("get", "3", "--format", "table")
    ok(ran)
    assert "Closed          2023-06-15 16:45 by SEED_USER\n" in ran.stdout
    assert "Closed because  Both moved to separate wings\n" in ran.stdout


def test_legacy(cli: Cli) -> None:
    as_csv = cli("legacy", "1", "--format", "csv")
    table, as_json = (cli.inline("legacy", "1", "--format", format) for format in ("table", "json"))
    ok(table, as_json, as_csv)
    assert parsed(as_json.stdout) == api_json(cli.api.url, "/legacy/api/non-associations/1")
    heading, row = rows(as_csv.stdout)
    assert heading == documented_csv_headings()["legacy"]
    record = dict(zip(heading, row, strict=True))
    assert record["offenderNonAssociation.offenderNo"] == "B2345CD"
    assert record["expiryDate"] == ""
    assert "Type           Do Not Locate in Same Cell (CELL)\n" in table.stdout
    assert "Expires        -\n" in table.stdout


def test_constants(cli: Cli) -> None:
    table = cli("constants", "--format", "table")
    as_json, as_jsonl, as_csv = (
        cli.inline("constants", "--format", format) for format in ("json", "jsonl", "csv")
    )
    ok(table, as_json, as_jsonl, as_csv)
    assert parsed(as_json.stdout) == api_json(cli.api.url, "/constants")
    heading, *entries = rows(as_csv.stdout)
    assert heading == documented_csv_headings()["constants"]
    assert ["reasons", "LEGAL_REQUEST", "Police or legal request"] in entries
    assert {"list": "roles", "code": "VICTIM", "description": "Victim"} in lines(as_jsonl.stdout)
    assert len(entries) == len(lines(as_jsonl.stdout)) == 14
    assert table.stdout.splitlines()[:2] == [
        "List              Code             Description",
        "roles             VICTIM           Victim",
    ]


def test_list_in_every_format(cli: Cli) -> None:
    options = ["list", "A1234BC", "--all", "--other-prisons"]
    table = cli(*options, "--format", "table")
    as_json, as_jsonl, as_csv = (
        cli.inline(*options, "--format", format) for format in ("json", "jsonl", "csv")
    )
    ok(table, as_json, as_jsonl, as_csv)
    direct = api_json(
        cli.api.url,
        "/prisoner/A1234BC/non-associations",
        includeOpen="true",
        includeClosed="true",
        includeOtherPrisons="true",
        sortBy="WHEN_CREATED",
        sortDirection="DESC",
    )
    assert parsed(as_json.stdout) == direct
    assert lines(as_jsonl.stdout) == direct["nonAssociations"]
    heading, *entries = rows(as_csv.stdout)
    assert heading == documented_csv_headings()["list"]
    flat = [dict(zip(heading, entry, strict=True)) for entry in entries]
    assert [entry["id"] for entry in flat] == ["2", "1", "3"]
    assert {entry["prisonerNumber"] for entry in flat} == {"A1234BC"}
    assert flat[0]["otherPrisonerDetails.prisonName"] == "Leeds (HMP)"
    assert flat[2]["closedReason"] == "Both moved to separate wings"
    assert table.stdout.splitlines() == [
        "A1234BC Darren Hollis (Moorland (HMP & YOI), 1-1-001): 2 open, 1 closed",
        "ID  Role          Other    Name          Their role   Where        Reason        "
        "Restriction             Status  Updated     Comment",
        " 2  Victim        D4567EF  Rhys Okafor   Perpetrator  LEI 3-1-022  Bullying      "
        "Cell, landing and wing  open    2023-10-01  Repeated bullying before the move to Leeds",
        " 1  Perpetrator   B2345CD  Owen Marsh    Victim       MDI 1-2-014  Threat        "
        "Cell only               open    2023-07-21  Threats made on the exercise yard",
        " 3  Not relevant  C3456DE  Callum Ashby  Unknown      MDI 2-1-007  Gang related  "
        "Cell and landing        closed  2023-06-15  Rival groups on the same landing",
    ]


def test_list_filters_and_sorting(cli: Cli) -> None:
    default, closed, sorted_by_number = (
        cli.inline(*arguments)
        for arguments in (
            ["list", "A1234BC", "--format", "jsonl"],
            ["list", "A1234BC", "--closed", "--format", "jsonl"],
            [
                "list",
                "A1234BC",
                "--all",
                "--other-prisons",
                "--sort-by",
                "PRISONER_NUMBER",
                "--sort-direction",
                "ASC",
                "--format",
                "jsonl",
            ],
        )
    )
    ok(default, closed, sorted_by_number)

    def ids(ran: Ran) -> list[int]:
        return [item["id"] for item in lines(ran.stdout)]

    assert ids(default) == [1]  # open, in Moorland only
    assert ids(closed) == [3]
    others = [
        item["otherPrisonerDetails"]["prisonerNumber"] for item in lines(sorted_by_number.stdout)
    ]
    assert others == ["B2345CD", "C3456DE", "D4567EF"]


def test_between_and_involving(cli: Cli) -> None:
    between, involving_csv = cli.many(
        ["between", "A1234BC", "B2345CD", "D4567EF", "--format", "json"],
        ["involving", "A1234BC", "--closed", "--format", "csv"],
    )
    in_prison, involving, table = (
        cli.inline(*arguments)
        for arguments in (
            ["between", "A1234BC", "B2345CD", "D4567EF", "--prison", "MDI", "--format", "jsonl"],
            ["involving", "A1234BC", "--all", "--format", "jsonl"],
            ["between", "A1234BC", "B2345CD", "--format", "table"],
        )
    )
    ok(between, in_prison, involving, involving_csv, table)
    found = parsed(between.stdout)
    assert [item["id"] for item in found] == [1, 2]
    assert found[0] == api_json(cli.api.url, "/non-associations/1")
    assert [item["id"] for item in lines(in_prison.stdout)] == [1]  # D4567EF is in Leeds
    assert sorted(item["id"] for item in lines(involving.stdout)) == [1, 2, 3]
    heading, *entries = rows(involving_csv.stdout)
    assert heading == documented_csv_headings()["non-association"]
    assert [entry[0] for entry in entries] == ["3"]
    assert table.stdout.splitlines() == [
        "ID  First    Role         Second   Role    Reason  Restriction  Status  Created     "
        "Comment",
        " 1  A1234BC  Perpetrator  B2345CD  Victim  Threat  Cell only    open    2023-07-21  "
        "Threats made on the exercise yard",
    ]


def test_empty_lists(cli: Cli) -> None:
    as_json, as_jsonl, as_csv, table = (
        cli.inline("between", "F6789GH", "G7890HJ", "--format", format)
        for format in ("json", "jsonl", "csv", "table")
    )
    listed = cli.inline("list", "C3456DE", "--format", "table")
    ok(as_json, as_jsonl, as_csv, table, listed)
    assert as_json.stdout == "[]\n"
    assert as_jsonl.stdout == ""
    assert rows(as_csv.stdout) == [documented_csv_headings()["non-association"]]
    assert table.stdout == "No non-associations.\n"
    assert listed.stdout == (
        "C3456DE Callum Ashby (Moorland (HMP & YOI), 2-1-007): 0 open, 1 closed\n"
        "No non-associations listed.\n"
    )


def test_page(cli: Cli) -> None:
    options = ["page", "--all", "--page", "1", "--size", "2", "--sort", "id,ASC"]
    as_json = cli(*options, "--format", "json")
    as_jsonl, as_csv, table = (
        cli.inline(*options, "--format", format) for format in ("jsonl", "csv", "table")
    )
    ok(as_json, as_jsonl, as_csv, table)
    direct = api_json(
        cli.api.url,
        "/non-associations",
        includeOpen="true",
        includeClosed="true",
        page=1,
        size=2,
        sort="id,ASC",
    )
    page = parsed(as_json.stdout)
    assert page == direct
    assert (page["number"], page["totalElements"], page["totalPages"]) == (1, 4, 2)
    assert lines(as_jsonl.stdout) == direct["content"]
    assert [entry[0] for entry in rows(as_csv.stdout)] == ["id", "3", "4"]
    assert [line[:3] for line in table.stdout.splitlines()] == ["ID ", " 3 ", " 4 ", "Pag"]
    assert table.stdout.splitlines()[-1] == "Page 1 (pages 0 to 1), 4 in all"


def test_subject_access_request(cli: Cli) -> None:
    held = cli("sar", "--prn", "A1234BC", "--from", "2023-07-01")
    unknown = cli.inline("sar", "--crn", "X123456")
    jsonl = cli.inline("sar", "--prn", "A1234BC", "--format", "jsonl")
    ok(held, unknown, jsonl)
    content = json.loads(held.stdout)["content"]
    assert content["prisonerNumber"] == "A1234BC"
    assert {item["id"] for item in content["nonAssociations"]} == {1, 2}  # 3: updated before
    assert unknown.stdout == "null\n"  # the service knows no case references (209)
    assert len(jsonl.stdout.splitlines()) == 1


def test_ping_needs_no_hmpps_auth(cli: Cli) -> None:
    bare = cli.env(HMPPS_AUTH_URL=None, HMPPS_AUTH_CLIENT_ID=None, HMPPS_AUTH_CLIENT_SECRET=None)
    requests = cli.auth.fake.token_requests
    table = cli("ping", "--format", "table", env=bare)
    as_json = cli.inline("ping", env=bare)
    ok(table, as_json)
    assert table.stdout == "UP\n"
    assert json.loads(as_json.stdout) == {"status": "UP"}
    assert cli.auth.fake.token_requests == requests


def test_a_terminal_gets_a_table(cli: Cli) -> None:
    on_terminal = cli.on_terminal("get", "1", stdout=True, stderr=False)
    assert on_terminal.status == 0 and on_terminal.stderr == ""
    assert "Restriction  Cell only\n" in on_terminal.terminal


def test_common_options_go_before_or_after_the_command(cli: Cli) -> None:
    before = cli.inline("--format", "csv", "--username", "ASKING_USER", "get", "1")
    after = cli.inline("get", "1", "--format", "csv", "--username", "ASKING_USER")
    ok(before, after)
    assert before.stdout == after.stdout
    assert before.stdout.startswith("id,firstPrisonerNumber,")
    assert cli.auth.fake.token_requests_for("ASKING_USER") == 2


def test_options_override_the_environment(cli: Cli) -> None:
    nowhere = "http://127.0.0.1:9"  # the discard port: nothing listens
    env = cli.env(HMPPS_NON_ASSOCIATIONS_API_URL=nowhere, HMPPS_AUTH_URL=f"{nowhere}/auth")
    ran = cli.inline("--api-url", cli.api.url, "--auth-url", cli.auth.url, "get", "1", env=env)
    ok(ran)
    assert json.loads(ran.stdout)["id"] == 1


@pytest.mark.parametrize(
    ("width", "columns"),
    [(100, ["ID", "Role", "Other", "Name"]), (70, ["ID", "Other", "Name", "Reason"])],
)
def test_tables_fit_the_terminal(cli: Cli, width: int, columns: list[str]) -> None:
    env = cli.env(COLUMNS=str(width))
    ran = cli.inline("list", "A1234BC", "--all", "--other-prisons", "--format", "table", env=env)
    ok(ran)
    heading, *table = ran.stdout.splitlines()
    assert heading.startswith("A1234BC Darren Hollis")
    assert max(len(line) for line in table) <= width
    assert table[0].split()[:4] == columns  # on the narrower one, roles and more left out
    assert "…" in ran.stdout  # long values cut short, not wrapped
