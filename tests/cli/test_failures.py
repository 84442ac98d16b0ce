"""Failures: one line on stderr saying what failed and what to do, no traceback unless
--debug, and an exit status for each kind: 1 refused, 2 bad usage, 3 the API or the
network failed."""

from __future__ import annotations

import signal
import socket
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from hmpps_non_associations_api.testing import READ_NON_ASSOCIATIONS

from tests.cli.conftest import COMMAND, Cli, Ran
from tests.conftest import HttpHandler

PROG = "hmpps-non-associations: "


def one_line(ran: Ran, status: int) -> str:
    """The run's one line on stderr, after checking its status and empty stdout."""
    assert ran.status == status, ran
    assert ran.stdout == ""
    assert ran.stderr.count("\n") == 1 and ran.stderr.endswith("\n"), ran.stderr
    assert "Traceback" not in ran.stderr
    return ran.stderr


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_api_refusing_is_1(cli: Cli) -> None:
    line = one_line(cli("get", "999"), 1)
    assert line.startswith(f"{PROG}GET /non-associations/{{id}} to {cli.api.url}: 404 Not Found")
    assert line.endswith("[errorCode 404]\n")
    cli.auth.fake.register_client("cli-reader", cli.secret, roles=[READ_NON_ASSOCIATIONS])
    reader = cli.env(HMPPS_AUTH_CLIENT_ID="cli-reader")
    forbidden = one_line(cli.inline("legacy", "1", env=reader), 1)
    assert "403 Forbidden" in forbidden and "ROLE_NON_ASSOCIATIONS_SYNC" in forbidden


def test_hmpps_auth_refusing_the_credentials_is_1(cli: Cli) -> None:
    wrong = cli.env(HMPPS_AUTH_CLIENT_SECRET=f"{cli.secret}-but-wrong")
    line = one_line(cli("get", "1", env=wrong), 1)
    assert line.startswith(f"{PROG}POST /auth/oauth/token to http://127.0.0.1:")
    assert "401" in line and "HMPPS_AUTH_CLIENT_SECRET" in line


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["get", "twelve"], "argument ID: invalid int value: 'twelve'"),
        (["frobnicate"], "argument COMMAND: invalid choice: 'frobnicate'"),
        (["--format", "xml", "get", "1"], "argument --format: invalid choice: 'xml'"),
        (["list"], "the following arguments are required: PRISONER_NUMBER"),
        (["close", "1", "--yes"], "the following arguments are required: --reason"),
        (["list", "A1234BC", "--open", "--closed"], "not allowed with argument --open"),
        (["sar", "--prn", "A1234BC", "--from", "1st May"], "'1st May' is not a date"),
        (["sar", "--prn", "A1234BC", "--format", "csv"], "sar writes json or jsonl, not csv"),
    ],
)
def test_bad_usage_is_2(cli: Cli, arguments: list[str], said: str) -> None:
    line = one_line(cli.inline(*arguments), 2)
    assert line.startswith("hmpps-non-associations")
    assert said in line


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["between", "A1234BC"], "prisoner_numbers needs at least 2 distinct"),
        (["get", "0"], "id must be from 1 to 9223372036854775807, not 0"),
        (["list", "A1234BC/../1"], "prisoner_number is not a prisoner number (like A1234BC)"),
        (["page", "--size", "500"], "size must be from 1 to 200, not 500"),
        (["sar"], "give a prn (prisoner number) or a crn"),
    ],
)
def test_the_clients_own_checks_are_2_and_nothing_is_sent(
    cli: Cli, arguments: list[str], said: str
) -> None:
    before = len(cli.api.fake.requests)
    line = one_line(cli.inline(*arguments), 2)
    assert line.startswith(PROG) and said in line
    assert len(cli.api.fake.requests) == before


def test_bad_usage_and_a_check_as_subprocesses(cli: Cli) -> None:
    usage, check = cli.many(["get", "twelve"], ["between", "A1234BC"])
    assert one_line(usage, 2) == (
        "hmpps-non-associations get: error: argument ID: invalid int value: 'twelve';"
        " see hmpps-non-associations get --help\n"
    )
    assert one_line(check, 2) == (
        f"{PROG}prisoner_numbers needs at least 2 distinct prisoner number(s), got 1\n"
    )


def test_missing_or_bad_configuration_is_2(cli: Cli) -> None:
    no_secret = one_line(cli("get", "1", env=cli.env(HMPPS_AUTH_CLIENT_SECRET=None)), 2)
    assert no_secret.startswith(f"{PROG}HMPPS_AUTH_CLIENT_SECRET is not set; the command reads")
    no_url = one_line(cli.inline("ping", env=cli.env(HMPPS_NON_ASSOCIATIONS_API_URL=None)), 2)
    assert no_url.startswith(f"{PROG}HMPPS_NON_ASSOCIATIONS_API_URL is not set")
    assert "(or --api-url)" in no_url
    slow = cli.env(HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE="soon")
    assert "HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE must be a positive whole number" in (
        one_line(cli.inline("get", "1", env=slow), 2)
    )
    not_a_url = one_line(cli.inline("--auth-url", "sign-in", "get", "1"), 2)
    assert "AuthConfig.url must be an http(s) URL with a host, not 'sign-in'" in not_a_url


def test_no_reply_is_3(cli: Cli) -> None:
    nowhere = f"http://127.0.0.1:{closed_port()}"
    line = one_line(cli("get", "1", env=cli.env(HMPPS_NON_ASSOCIATIONS_API_URL=nowhere)), 3)
    assert line.startswith(f"{PROG}GET /non-associations/{{id}} to {nowhere}: connection refused")
    auth_down = one_line(cli.inline("--auth-url", f"{nowhere}/auth", "get", "1"), 3)
    assert auth_down.startswith(
        f"{PROG}POST /auth/oauth/token to {nowhere}: HMPPS Auth token request failed"
        " (connection refused"
    )


def test_the_api_failing_is_3(cli: Cli, serve_http: Callable[[HttpHandler], str]) -> None:
    answer: dict[str, Any] = {}
    url = serve_http(lambda request: (answer["status"], answer["body"]))
    for status, said in (
        (503, "503 Service Unavailable"),
        (500, "500 Internal Server Error"),
        (302, "302 Redirect refused"),
    ):
        answer.update(status=status, body={"status": status})
        line = one_line(cli.inline("--api-url", url, "get", "1"), 3)
        assert line.startswith(f"{PROG}GET /non-associations/{{id}} to {url}: {said}")
    # What the API says is shown on the one line, without its line breaks or escapes.
    message = "Not here\n\x1b[2J\x1b]0;owned\x07either"
    answer.update(status=404, body={"status": 404, "userMessage": message, "developerMessage": "x"})
    line = one_line(cli.inline("--api-url", url, "get", "1"), 1)
    assert line.endswith(": 404 Not Found - Not here\\n\\x1b[2J\\x1b]0;owned\\x07either\n"), line


def test_no_answer_in_time_is_3(cli: Cli) -> None:
    with socket.socket() as silent:  # takes connections (the kernel does), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        impatient = cli.env(
            HMPPS_NON_ASSOCIATIONS_API_URL=url,
            HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE="200",
            HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_DEADLINE="400",
        )
        line = one_line(cli.inline("get", "1", env=impatient), 3)
    assert line.startswith(f"{PROG}GET /non-associations/{{id}} to {url}: "), line
    assert "Deadline of 0.4s exceeded" in line or "timed out" in line, line


def test_a_deadline_spent_fetching_the_token_is_named_as_such(cli: Cli) -> None:
    with socket.socket() as silent:  # HMPPS Auth takes the connection and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        impatient = cli.env(
            HMPPS_AUTH_URL=f"http://127.0.0.1:{silent.getsockname()[1]}/auth",
            HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE="100",
            HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_DEADLINE="300",
        )
        line = one_line(cli.inline("get", "1", env=impatient), 3)
    assert (
        "the API call's deadline (Timeout.deadline, 0.3s) ran out while its token was being"
        " fetched from HMPPS Auth" in line
    ), line
    assert "response timeout" not in line, line


def test_debug_logs_calls_and_shows_tracebacks_but_no_secret(cli: Cli) -> None:
    issued = len(cli.auth.fake.issued_tokens)
    found, missing = cli.many(
        ["--debug", "get", "1", "--username", "DEBUG_USER"], ["get", "999", "--debug"]
    )
    refused = cli("--debug", "get", "1", env=cli.env(HMPPS_AUTH_CLIENT_SECRET=f"{cli.secret}x"))
    assert len(cli.auth.fake.issued_tokens) > issued  # the runs had tokens they could show
    assert found.status == 0 and found.stdout.startswith("{")
    logged = [line.split(" ", 2)[2] for line in found.stderr.splitlines()]  # after the time
    assert logged == [
        "INFO hmpps_non_associations_api.auth: HMPPS Auth system token fetched for username"
        " 'DEBUG_USER' (expires in 3600s)",
        "INFO hmpps_non_associations_api: Non-associations API GET /non-associations/1",
        logged[2],
    ]
    assert logged[2].startswith(
        "DEBUG hmpps_non_associations_api: Non-associations API GET /non-associations/1 try 1:"
        " 200 in "
    )
    for ran in (missing, refused):
        assert ran.status == 1
        assert "Traceback (most recent call last):" in ran.stderr
        assert ran.stderr.splitlines()[-1].startswith(PROG)
    assert "hmpps_non_associations_api.NotFoundError: GET /non-associations/{id}" in missing.stderr
    assert "hmpps_non_associations_api.UnauthorisedError: POST /auth/oauth/token" in (
        refused.stderr
    )


def test_ctrl_c_is_130_without_a_traceback(cli: Cli) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        silent.settimeout(30)
        process = subprocess.Popen(
            [*COMMAND, "--api-url", f"http://127.0.0.1:{silent.getsockname()[1]}", "get", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli.env(),
        )
        connection, _ = silent.accept()
        with connection:
            connection.settimeout(30)
            asked = b""
            while b"\r\n\r\n" not in asked:  # the request is in: the command waits
                asked += connection.recv(4096)
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=30)
    assert (process.returncode, stdout, stderr) == (
        130,
        "",
        "\nhmpps-non-associations: interrupted\n",
    )
