"""`make demo`: the quickstart against the fake served by its command line."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def session_processes(session: int) -> list[str]:
    """Processes still alive in a session, as `pid command` lines (pgrep -s)."""
    found = subprocess.run(
        ["pgrep", "-a", "-s", str(session)], capture_output=True, text=True, check=False
    )
    return found.stdout.splitlines()


def test_demo_runs_and_leaves_nothing_behind(tmp_path: Path) -> None:
    # The demo runs in a session of its own, which the fake server it starts inherits:
    # whatever is left in that session afterwards was left by the demo, and fake
    # servers that other tests or people run on this machine are not counted. Output
    # goes to files, not pipes, so a server left behind cannot hold the reads open.
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("w") as stdout_file, err.open("w") as stderr_file:
        demo = subprocess.Popen(
            [sys.executable, str(ROOT / "examples" / "demo.py")],
            stdout=stdout_file,
            stderr=stderr_file,
            start_new_session=True,
        )
    try:
        demo.wait(timeout=60)
        stdout, stderr = out.read_text(), err.read_text()
        assert demo.returncode == 0, stdout + stderr
        for line in (
            "Created #",
            "refused: 409, error code 101",
            "Closed #",
            "Reopened #",
            "Paged through all",
            "reading it now gives 404",
        ):
            assert line in stdout
        assert session_processes(demo.pid) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(demo.pid, signal.SIGKILL)
        demo.wait()
