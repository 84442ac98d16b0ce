"""`hmpps-non-associations` run as a subprocess (`python -m hmpps_non_associations_api`)
against a fake API and a fake HMPPS Auth served on loopback, configured through the
variables an application reads; one pair of servers per test module.

Each command and each format runs as a subprocess; where a test goes through many
combinations of one command's options and formats, the others run `main()` in this
process (`Cli.inline`: the same code with the same environment, stdin, stdout and
stderr, without an interpreter's start-up for each).

Every run is checked for the client secret, its Basic credentials and every token the
fake Auth has issued: none may appear on stdout, stderr or the terminal.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import pty
import secrets
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from unittest import mock

import pytest
from hmpps_non_associations_api._cli import main
from hmpps_non_associations_api.testing import ALL_ROLES, FakeApiServer, FakeAuthServer

COMMAND = [sys.executable, "-m", "hmpps_non_associations_api"]
CLIENT_ID = "cli-test-client"
WIDTH = "200"
"""COLUMNS for every run, so tables are laid out alike on any machine."""


@dataclass(frozen=True)
class Ran:
    """How a run ended: its exit status and what it wrote (the terminal's text, with
    line endings as `\\n`, when it had one)."""

    status: int
    stdout: str
    stderr: str
    terminal: str = ""


class Cli:
    """Runs the command against the module's fakes, checking each run for secrets."""

    def __init__(self, api: FakeApiServer, auth: FakeAuthServer, secret: str) -> None:
        self.api = api
        self.auth = auth
        self.secret = secret
        self.runs = 0

    def env(self, **changes: str | None) -> dict[str, str]:
        """This process's environment less anything pointing a client elsewhere, with
        the four variables set to the fakes; `changes` set (or, with None, remove) more."""
        env = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("HMPPS_", "PYTEST_"))
        }
        env |= {
            "HMPPS_NON_ASSOCIATIONS_API_URL": self.api.url,
            "HMPPS_AUTH_URL": self.auth.url,
            "HMPPS_AUTH_CLIENT_ID": CLIENT_ID,
            "HMPPS_AUTH_CLIENT_SECRET": self.secret,
            "COLUMNS": WIDTH,
        }
        for name, value in changes.items():
            if value is None:
                env.pop(name, None)
            else:
                env[name] = value
        return env

    def __call__(
        self,
        *arguments: str,
        input: str | None = None,
        env: dict[str, str] | None = None,
        command: Sequence[str] = COMMAND,
    ) -> Ran:
        """One run with stdin, stdout and stderr as pipes (stdin empty unless `input`);
        `command` is how the command is started (`python -m` unless given)."""
        result = subprocess.run(
            [*command, *arguments],
            input=input or "",
            capture_output=True,
            text=True,
            env=env or self.env(),
            timeout=60,
            check=False,
        )
        return self._checked(Ran(result.returncode, result.stdout, result.stderr))

    def inline(
        self, *arguments: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Ran:
        """One run of `main()` in this process, its streams pipes as in `__call__`."""
        stdout, stderr = io.StringIO(), io.StringIO()
        with (
            mock.patch.dict(os.environ, env or self.env(), clear=True),
            mock.patch("sys.stdin", io.StringIO(input or "")),
            contextlib.redirect_stdout(stdout),
            contextlib.redirect_stderr(stderr),
        ):
            try:
                status = main(list(arguments))
            except SystemExit as exit:  # argparse: --help, bad usage
                status = int(exit.code or 0)
        return self._checked(Ran(status, stdout.getvalue(), stderr.getvalue()))

    def many(self, *invocations: Sequence[str]) -> list[Ran]:
        """Several runs, two at a time (each pays the interpreter's start-up)."""
        with ThreadPoolExecutor(max_workers=2) as pool:
            return list(pool.map(lambda arguments: self(*arguments), invocations))

    def on_terminal(
        self,
        *arguments: str,
        stdin: bool = False,
        stdout: bool = False,
        stderr: bool = True,
        answer: str | None = None,
        env: dict[str, str] | None = None,
    ) -> Ran:
        """One run with the chosen streams on a pseudo-terminal, the others pipes (stdin
        empty); `answer` is typed when a `[y/N]` question shows on the terminal."""
        master, slave = pty.openpty()
        pipe = subprocess.PIPE
        process = subprocess.Popen(
            [*COMMAND, *arguments],
            stdin=slave if stdin else subprocess.DEVNULL,
            stdout=slave if stdout else pipe,
            stderr=slave if stderr else pipe,
            env=env or self.env(),
        )
        os.close(slave)
        read = {"terminal": b"", "stdout": b"", "stderr": b""}
        with selectors.DefaultSelector() as selector:
            selector.register(master, selectors.EVENT_READ, "terminal")
            for name, stream in (("stdout", process.stdout), ("stderr", process.stderr)):
                if stream is not None:
                    selector.register(stream, selectors.EVENT_READ, name)
            deadline = time.monotonic() + 60
            while selector.get_map() and time.monotonic() < deadline:
                for key, _ in selector.select(timeout=1):
                    try:
                        data = os.read(key.fd, 65536)
                    except OSError:  # EIO: the terminal's last user has gone
                        data = b""
                    if not data:
                        selector.unregister(key.fileobj)
                        continue
                    read[key.data] += data
                    if answer is not None and b"[y/N] " in read["terminal"]:
                        os.write(master, answer.encode() + b"\r")
                        answer = None
        os.close(master)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        status = process.wait(timeout=10)
        text = {name: data.decode().replace("\r\n", "\n") for name, data in read.items()}
        return self._checked(Ran(status, text["stdout"], text["stderr"], text["terminal"]))

    def _checked(self, ran: Ran) -> Ran:
        self.runs += 1
        credentials = base64.b64encode(f"{CLIENT_ID}:{self.secret}".encode()).decode()
        tokens = self.auth.fake.issued_tokens
        payloads = [token.split(".")[1] for token in tokens]
        for output in (ran.stdout, ran.stderr, ran.terminal):
            for secret in (self.secret, credentials, *tokens, *payloads):
                assert secret not in output, "a secret or token was written"
            assert "Authorization" not in output
        return ran


@pytest.fixture(scope="module")
def cli() -> Iterator[Cli]:
    """The command, against a freshly seeded fake API and a fake HMPPS Auth that knows
    one system client (with every role and a secret made up for the module)."""
    secret = f"cli-secret-{secrets.token_hex(16)}"
    with FakeApiServer() as api, FakeAuthServer() as auth:
        auth.fake.register_client(CLIENT_ID, secret, roles=ALL_ROLES)
        yield Cli(api, auth, secret)
