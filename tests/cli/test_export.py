"""`export`: every page, in every format, streamed in about one page of memory, with
progress on a terminal's stderr and nothing there in a pipe."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hmpps_non_associations_api.testing import FakeApiServer, FakeNonAssociationsApi

from tests.cli.api_json import api_json, documented_csv_headings, same_instants
from tests.cli.conftest import Cli


def test_every_record_in_every_format(cli: Cli) -> None:
    piped = cli("export", "--all", "--size", "2")  # in a pipe: jsonl, and no progress
    as_json, as_csv, table = (
        cli.inline("export", "--all", "--size", "2", "--format", format)
        for format in ("json", "csv", "table")
    )
    for ran in (piped, as_json, as_csv, table):
        assert ran.status == 0 and ran.stderr == "", ran
    everything = api_json(
        cli.api.url, "/non-associations", includeOpen="true", includeClosed="true", size=200
    )["content"]
    exported = [same_instants(json.loads(line)) for line in piped.stdout.splitlines()]
    assert exported == everything and len(exported) == 4
    assert same_instants(json.loads(as_json.stdout)) == everything
    heading, *rows = csv.reader(io.StringIO(as_csv.stdout))
    assert heading == documented_csv_headings()["non-association"]
    assert [row[0] for row in rows] == ["1", "2", "3", "4"]
    assert [line.split()[0] for line in table.stdout.splitlines()] == ["ID", "1", "2", "3", "4"]


def test_open_closed_or_all(cli: Cli) -> None:
    def exported(*which: str) -> list[int]:
        ran = cli.inline("export", *which, "--format", "jsonl")
        assert ran.status == 0, ran
        return [json.loads(line)["id"] for line in ran.stdout.splitlines()]

    assert exported() == [1, 2, 4]
    assert exported("--open") == [1, 2, 4]
    assert exported("--closed") == [3]
    assert exported("--all", "--sort", "id,DESC") == [4, 3, 2, 1]


def test_progress_on_a_terminal_and_only_data_on_stdout(cli: Cli) -> None:
    ran = cli.on_terminal("export", "--all", "--size", "2", stderr=True)
    assert ran.status == 0, ran
    assert [json.loads(line)["id"] for line in ran.stdout.splitlines()] == [1, 2, 3, 4]
    # One line, redrawn in place with a carriage return, then ended.
    assert ran.terminal.startswith("\rExported ")
    assert ran.terminal.count("\n") == 1 and ran.terminal.endswith("\n")
    last = ran.terminal.rstrip("\n").split("\r")[-1].rstrip()
    assert re.fullmatch(r"Exported 4 records, 2 pages, [\d,]+ records/s, \d+\.\d s", last), last
    assert "firstPrisonerNumber" not in ran.terminal


OPEN, CLOSED = 8000, 400


@pytest.fixture(scope="module")
def many(cli: Cli) -> Iterator[Cli]:
    """The command against a fake API holding OPEN open and CLOSED closed
    non-associations, each with a long comment, and the module's fake Auth."""
    fake = FakeNonAssociationsApi(seed=False)
    comment = "A long account of what happened. " * 15
    for number in range(OPEN + CLOSED):
        closed = number >= OPEN
        fake.add_non_association(
            f"A{number:04d}AA",
            f"B{number:04d}BB",
            comment=comment,
            closed_by="ME" if closed else None,
            closed_reason="Apart" if closed else None,
            closed_at=datetime.datetime(2024, 1, 2, 3, 4, 5) if closed else None,
        )
    with FakeApiServer(fake) as api:
        yield Cli(api, cli.auth, cli.secret)


PEAK = """
import atexit, os, runpy

def peak():
    with open("/proc/self/status") as status, open(os.environ["PEAK_FILE"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM:")))

atexit.register(peak)
runpy.run_module("hmpps_non_associations_api", run_name="__main__", alter_sys=True)
"""
"""Runs the command as `python -m` does, writing its peak resident memory (VmHWM) as
it exits. (A child's rusage is no use here: it counts this big test process, which
the child was forked from.)"""


def exported_in(cli: Cli, *arguments: str) -> tuple[int, int]:
    """How many records an export wrote, read a line at a time, and the peak resident
    memory of the process (kB)."""
    with tempfile.TemporaryDirectory() as folder:
        peak_file = Path(folder) / "peak"
        process = subprocess.Popen(
            [sys.executable, "-c", PEAK, "export", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli.env(PEAK_FILE=str(peak_file)),
        )
        assert process.stdout is not None and process.stderr is not None
        count = sum(1 for _ in process.stdout)
        assert process.wait(timeout=60) == 0, process.stderr.read()
        assert process.stderr.read() == b""
        peak = peak_file.read_text(encoding="ascii")
    found = re.fullmatch(r"VmHWM:\s+(\d+) kB\s*", peak)
    assert found, peak
    return count, int(found[1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_memory_stays_about_one_page_however_many_records(many: Cli) -> None:
    few, few_peak = exported_in(many, "--closed", "--size", "200")
    lots, lots_peak = exported_in(many, "--open", "--size", "200")
    assert (few, lots) == (CLOSED, OPEN)
    # Each record takes over 1 kB in memory: keeping the 20 times as many would add
    # some 8 MB or more. Streamed, the export takes what one page takes either way.
    assert lots_peak - few_peak < 3 * 1024, (few_peak, lots_peak)


def test_a_reader_that_goes_away_ends_the_export_quietly(many: Cli) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "hmpps_non_associations_api", "export"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=many.env(),
    )
    assert process.stdout is not None and process.stderr is not None
    assert json.loads(process.stdout.readline())["id"] == 1
    process.stdout.close()  # as `| head -1` does
    status = process.wait(timeout=60)
    assert (status, process.stderr.read()) == (141, b"")
