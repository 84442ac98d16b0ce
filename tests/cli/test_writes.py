"""The writes: bodies from a file or stdin, confirmation on a terminal, `--yes` off
one, and nothing sent when the command or the client refuses first."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hmpps_non_associations_api.testing import Prisoner

from tests.cli.conftest import Cli

USER = "CLI_USER"


PAIRS = itertools.count(1)


@pytest.fixture
def kept_apart(cli: Cli) -> int:
    """A new open non-association, between a pair of prisoners of its own."""
    pair = next(PAIRS)
    return cli.api.fake.add_non_association(f"K{pair:04d}KK", f"L{pair:04d}LL").id


def new_pair(cli: Cli, first: str, second: str) -> dict[str, str]:
    """The body creating a non-association between two new prisoners in Moorland."""
    for number, cell in ((first, "1-1-101"), (second, "2-1-202")):
        cli.api.fake.add_prisoner(
            Prisoner.in_prison(
                number, "Sam", "Vale", prison_id="MDI", prison_name="Moorland", cell_location=cell
            )
        )
    return {
        "firstPrisonerNumber": first,
        "firstPrisonerRole": "VICTIM",
        "secondPrisonerNumber": second,
        "secondPrisonerRole": "PERPETRATOR",
        "reason": "VIOLENCE",
        "restrictionType": "LANDING",
        "comment": "Fight in the servery",
    }


def changes(cli: Cli) -> list[tuple[str, str]]:
    """The requests the fake API has had that are not reads."""
    return [request for request in cli.api.fake.requests if request[0] != "GET"]


def test_create_from_stdin(cli: Cli) -> None:
    body = new_pair(cli, "H1111AA", "H2222AA")
    ran = cli("--username", USER, "create", "--yes", input=json.dumps(body))
    assert ran.status == 0 and ran.stderr == "", ran
    created = json.loads(ran.stdout)
    assert (created["firstPrisonerNumber"], created["secondPrisonerNumber"]) == (
        "H1111AA",
        "H2222AA",
    )
    assert created["updatedBy"] == USER and created["isOpen"] is True
    assert cli.api.fake.non_associations[-1].id == created["id"]


def test_create_from_a_file_asks_on_a_terminal(cli: Cli, tmp_path: Path) -> None:
    body = tmp_path / "new.json"
    body.write_text(json.dumps(new_pair(cli, "H3333AA", "H4444AA")), encoding="utf-8")
    ran = cli.on_terminal("create", "--file", str(body), "--username", USER, stdin=True, answer="y")
    assert ran.status == 0 and ran.stdout, ran
    assert ran.terminal.startswith(
        "Create a non-association between H3333AA and H4444AA? [y/N] y\n"
    )
    assert json.loads(ran.stdout)["secondPrisonerNumber"] == "H4444AA"  # stdout: data only


def test_no_at_the_prompt_changes_nothing(cli: Cli, kept_apart: int) -> None:
    before = changes(cli)
    ran = cli.on_terminal(
        "close", str(kept_apart), "--reason", "Moved", "--username", USER, stdin=True, answer="n"
    )
    assert ran.status == 1, ran
    assert ran.terminal == (
        f"Close non-association {kept_apart}? [y/N] n\n"
        "hmpps-non-associations: nothing changed: not confirmed at the prompt\n"
    )
    assert ran.stdout == ""
    assert changes(cli) == before
    assert cli.api.fake.non_associations[-1].is_open


def test_off_a_terminal_a_write_needs_yes(cli: Cli, kept_apart: int) -> None:
    before = changes(cli)
    closing = cli("close", str(kept_apart), "--reason", "Moved", "--username", USER)
    creating = cli.inline("create", input=json.dumps(new_pair(cli, "H5555AA", "H6666AA")))
    for ran in (closing, creating):
        assert ran.status == 2 and ran.stdout == "", ran
        assert ran.stderr.count("\n") == 1 and "Pass --yes to confirm" in ran.stderr
    assert closing.stderr.startswith(
        f"hmpps-non-associations: not confirmed: Close non-association {kept_apart}?"
    )
    assert changes(cli) == before


def test_update_from_stdin(cli: Cli, kept_apart: int) -> None:
    body = {"restrictionType": "WING", "comment": "Now kept on separate wings"}
    ran = cli("update", str(kept_apart), "--yes", "--username", USER, input=json.dumps(body))
    assert ran.status == 0, ran
    updated = json.loads(ran.stdout)
    assert (updated["restrictionType"], updated["comment"]) == ("WING", body["comment"])


def test_close_reopen_and_delete(cli: Cli, kept_apart: int) -> None:
    number = str(kept_apart)
    closed = cli(
        "close",
        number,
        "--reason",
        "Moved to separate sites",
        "--yes",
        "--username",
        USER,
        "--format",
        "table",
    )
    reopened = cli("reopen", number, "--reason", "Back together", "-y", "--username", USER)
    deleted = cli(
        "delete",
        number,
        "--reason",
        "Made in error",
        "--staff",
        "MANAGER",
        "--yes",
        "--username",
        USER,
        "--format",
        "table",
    )
    for ran in (closed, reopened, deleted):
        assert ran.status == 0 and ran.stderr == "", ran
    assert "Status          closed\n" in closed.stdout
    assert f"by {USER}\n" in closed.stdout
    assert "Closed because  Moved to separate sites\n" in closed.stdout
    assert json.loads(reopened.stdout)["isOpen"] is True
    assert deleted.stdout == f"Non-association {number} deleted.\n"
    gone = cli.inline("get", number)
    assert gone.status == 1 and "404 Not Found" in gone.stderr


def test_bodies_that_are_not_json_are_refused(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"comment": "x",}', encoding="utf-8")
    before = changes(cli)
    from_file = cli.inline("update", "1", "--file", str(broken), "--yes")
    from_stdin = cli.inline("create", "--yes", input="not json")
    missing = cli.inline("create", "--file", str(tmp_path / "missing.json"), "--yes")
    assert [ran.status for ran in (from_file, from_stdin, missing)] == [2, 2, 2]
    assert from_file.stderr == (
        f"hmpps-non-associations: {broken} is not JSON: Expecting property name enclosed in"
        " double quotes at line 1 column 17\n"
    )
    assert from_stdin.stderr == (
        "hmpps-non-associations: standard input is not JSON: Expecting value at line 1 column 1\n"
    )
    assert missing.stderr.endswith("missing.json: No such file or directory\n")
    assert changes(cli) == before


def test_a_body_the_client_refuses_is_never_sent(cli: Cli) -> None:
    before = changes(cli)
    ran = cli.inline("update", "1", "--yes", input='{"restrictionTyp": "WING"}')
    assert ran.status == 2, ran
    assert "has no field 'restrictionTyp'" in ran.stderr and ran.stderr.count("\n") == 1
    assert changes(cli) == before


def test_no_body_and_a_terminal_on_stdin_is_bad_usage_not_a_wait(cli: Cli) -> None:
    ran = cli.on_terminal("create", "--yes", stdin=True, stderr=True)
    assert ran.status == 2
    assert ran.terminal == (
        "hmpps-non-associations: give the request body as JSON: --file PATH, or on standard input\n"
    )


def test_a_write_needs_a_user(cli: Cli, kept_apart: int) -> None:
    ran = cli("close", str(kept_apart), "--reason", "Moved", "--yes")
    assert ran.status == 1 and ran.stdout == ""
    assert ran.stderr.startswith(
        "hmpps-non-associations: PUT /non-associations/{id}/close to http://127.0.0.1:"
    )
    assert "401 Unauthorized" in ran.stderr
    assert ran.stderr.endswith("; here: pass --username with the user the change is made for\n")
    assert ran.stderr.count("\n") == 1
