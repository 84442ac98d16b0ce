"""Stoplight Prism for the contract tests: one process per document and mode, per session.

Prism comes from tests/contract/node_modules (`make test` installs it with `npm ci`).
Each server writes its log to a file; `Prism.window()` cuts out the lines a test
caused, bracketed by marker requests, so a test can inspect Prism's violation reports.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import normalise
import pytest

from tests.conftest import ROOT, UPSTREAM_DOC

CONTRACT = Path(__file__).resolve().parent
PRISM = CONTRACT / "node_modules" / ".bin" / "prism"
PROJECT_DOC = ROOT / "openapi.json"
READY_TIMEOUT = 30.0
LOG_TIMEOUT = 10.0
MARKER_PATH = "/__contract_marker__/"

_VIOLATION = re.compile(r"Violation: (?P<location>\S+) (?P<message>.*)$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Server:
    """Which document Prism serves."""

    name: str
    document: Path
    is_reference: bool  # the live API's own document (upstream/api-docs.json)

    def served(self, directory: Path) -> Path:
        """The file Prism is given. The live document gets the one correction openapi.json
        has too (normalise.local_date_times): its date-times declared as what the API sends
        and accepts, local times without an offset, where it says RFC 3339 `date-time`,
        which needs one. Otherwise it is served as the API serves it."""
        if not self.is_reference:
            return self.document
        doc = json.loads(self.document.read_text(encoding="utf-8"))
        normalise.local_date_times(doc)
        corrected = directory / f"{self.name}-local-date-times.json"
        corrected.write_text(json.dumps(doc, indent=2), encoding="utf-8")
        return corrected


SERVERS = {
    server.name: server
    for server in (
        Server("project", PROJECT_DOC, is_reference=False),
        Server("raw", UPSTREAM_DOC, is_reference=True),
    )
}


@dataclass(frozen=True)
class Violation:
    """One violation Prism reported: where (`request.body.closedAt`) and what."""

    location: str
    message: str

    @property
    def in_request(self) -> bool:
        return self.location == "request" or self.location.startswith("request.")

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass
class LogWindow:
    """The Prism log lines written between two marker requests."""

    prism: Prism
    tag: str
    lines: list[str] = field(default_factory=list)

    def close(self) -> list[str]:
        """Send the end marker and collect the lines since the start marker."""
        self.lines = self.prism.lines_between(f"{self.tag}-begin", f"{self.tag}-end")
        return self.lines

    @property
    def violations(self) -> list[Violation]:
        found = (_VIOLATION.search(line) for line in self.lines)
        return [Violation(m["location"], m["message"].strip()) for m in found if m]

    def text(self) -> str:
        return "\n".join(self.lines)


class Prism:
    """A running `prism mock` process and its log."""

    def __init__(self, server: Server, document: Path, log_path: Path) -> None:
        self.server = server
        self.document = document
        self.log_path = log_path
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start Prism on a free port and wait until it accepts connections."""
        for _ in range(3):  # another process may take the free port before Prism does
            self.port = _free_port()
            self._launch()
            if self._wait_ready():
                return
            self.stop()
            if "EADDRINUSE" not in self.log_text():
                break
        raise RuntimeError(
            f"Prism did not start on {self.document} ({self.server.name}); "
            f"its log:\n{self.log_text()}"
        )

    def _launch(self) -> None:
        args = [
            str(PRISM),
            "mock",
            str(self.document),
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        self._log = self.log_path.open("wb")
        env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}
        self._proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=CONTRACT,
            env=env,
            start_new_session=True,  # its own process group, so teardown can end it all
        )

    def _wait_ready(self) -> bool:
        assert self._proc is not None
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                return False
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
            except OSError:
                time.sleep(0.1)
            else:
                return True
        return False

    def stop(self) -> None:
        """End Prism's whole process group; wait for it."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=5)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_text(self) -> str:
        raw = self.log_path.read_bytes() if self.log_path.exists() else b""
        return _ANSI.sub("", raw.decode("utf-8", errors="replace"))

    def window(self) -> LogWindow:
        """Start collecting the log lines of what follows; `.close()` ends it."""
        tag = uuid.uuid4().hex
        self._mark(f"{tag}-begin")
        return LogWindow(self, tag)

    def lines_between(self, begin: str, end: str) -> list[str]:
        """The log lines after the `begin` marker request and before the `end` one."""
        self._mark(end)
        deadline = time.monotonic() + LOG_TIMEOUT
        while True:
            lines = self.log_text().splitlines()
            starts = [i for i, line in enumerate(lines) if MARKER_PATH + begin in line]
            ends = [i for i, line in enumerate(lines) if MARKER_PATH + end in line]
            if starts and ends:
                return lines[starts[0] + 1 : ends[0]]
            if time.monotonic() > deadline:
                raise AssertionError(f"Prism's log never showed marker {end!r}")
            time.sleep(0.02)

    def _mark(self, tag: str) -> None:
        """A request Prism logs and answers 404: a known point in its log."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            conn.request("GET", MARKER_PATH + tag)
            conn.getresponse().read()
        finally:
            conn.close()


class PrismServers:
    """Starts each Prism on first use and keeps it for the session."""

    def __init__(self, log_dir: Path) -> None:
        self._log_dir = log_dir
        self._running: dict[str, Prism] = {}
        self._failed: dict[str, str] = {}

    def get(self, server: Server) -> Prism:
        if server.name in self._failed:
            pytest.fail(self._failed[server.name], pytrace=False)
        if server.name not in self._running:
            document = server.served(self._log_dir)
            prism = Prism(server, document, self._log_dir / f"prism-{server.name}.log")
            try:
                prism.start()
            except RuntimeError as error:
                self._failed[server.name] = str(error)
                raise
            self._running[server.name] = prism
        return self._running[server.name]

    def stop_all(self) -> None:
        for prism in self._running.values():
            prism.stop()
        self._running.clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def require_prism() -> None:
    """Fail in CI, skip elsewhere, when npm has not installed Prism."""
    if PRISM.exists():
        return
    reason = (
        f"Stoplight Prism is not installed ({PRISM} is missing); "
        "run `make test` or `npm ci --prefix tests/contract`"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def prism_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServers]:
    servers = PrismServers(tmp_path_factory.mktemp("prism"))
    try:
        yield servers
    finally:
        servers.stop_all()


@pytest.fixture
def prism(request: pytest.FixtureRequest, prism_servers: PrismServers) -> Prism:
    """The Prism named by the test's (indirect) parameter, started once per session."""
    server = SERVERS[request.param]
    require_prism()
    return prism_servers.get(server)
