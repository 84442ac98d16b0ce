"""`python -m hmpps_non_associations_api.testing serve` and `serve-auth` as separate
processes, reached over real sockets."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AuthConfig,
    ClientError,
    HmppsAuthClient,
    NonAssociationsApi,
)
from hmpps_non_associations_api.testing import (
    ALL_ROLES,
    FAKE_CLIENT_ID,
    FAKE_CLIENT_SECRET,
    READ_NON_ASSOCIATIONS,
    decode_token,
    mint_token,
)

from tests.conftest import ROOT


def test_serve_answers_logs_and_stops_cleanly_on_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "hmpps_non_associations_api.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Fake Non-associations API listening on http://127.0.0.1:")
        url = line.split()[-1]
        assert process.stdout.readline() == f"export HMPPS_NON_ASSOCIATIONS_API_URL={url}\n"
        token = mint_token(roles=[READ_NON_ASSOCIATIONS])
        response = httpx.get(
            f"{url}/non-associations/1?x=A1234BC",
            headers={"Authorization": f"Bearer {token}"},
            timeout=5,
        )
        assert response.json()["id"] == 1
        assert httpx.get(f"{url}/health/ping", timeout=5).json() == {"status": "UP"}
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=10)
    finally:
        process.kill()
        process.wait(timeout=10)
    assert process.returncode == 0, stderr
    assert stdout == ""
    # Each request on a line of its own: method, path and status; no query, no token.
    assert stderr == "GET /non-associations/1 200\nGET /health/ping 200\n"


@contextlib.contextmanager
def running(*arguments: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Start `python -m hmpps_non_associations_api.testing ARGUMENTS`; yield the process
    and the line it prints on starting."""
    process = subprocess.Popen(
        [sys.executable, "-m", "hmpps_non_associations_api.testing", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process, process.stdout.readline()
    finally:
        process.kill()
        process.wait(timeout=10)


def exports(process: subprocess.Popen[str], count: int) -> dict[str, str]:
    """The next `count` lines the process printed, each `export NAME=VALUE`."""
    assert process.stdout is not None
    found = {}
    for _ in range(count):
        line = process.stdout.readline()
        assert line.startswith("export "), line
        name, _, value = line.removeprefix("export ").rstrip("\n").partition("=")
        found[name] = value
    return found


def stopped(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=10)
    return process.returncode, stdout, stderr


def test_an_application_runs_against_serve_and_serve_auth() -> None:
    with (
        running("serve", "--port", "0") as (api_process, api_banner),
        running("serve-auth", "--port", "0") as (auth_process, auth_banner),
    ):
        assert auth_banner.startswith("Fake HMPPS Auth listening on http://127.0.0.1:")
        # The export lines each prints are what an application's environment needs.
        env = exports(api_process, 1) | exports(auth_process, 3)
        assert env == {
            "HMPPS_NON_ASSOCIATIONS_API_URL": api_banner.split()[-1],
            "HMPPS_AUTH_URL": auth_banner.split()[-1],
            "HMPPS_AUTH_CLIENT_ID": FAKE_CLIENT_ID,
            "HMPPS_AUTH_CLIENT_SECRET": FAKE_CLIENT_SECRET,  # the fake's published one
        }
        assert env["HMPPS_AUTH_URL"].endswith("/auth")
        with HmppsAuthClient(AuthConfig.from_env(env)) as auth:
            api = NonAssociationsApi(auth.token_provider("APP_USER"), ApiConfig.from_env(env))
            # Operations needing each role in turn: the client's tokens carry them all.
            assert api.get_non_association(1).id == 1
            assert api.get_legacy_non_association(1).offender_no == "A1234BC"
            assert api.subject_access_request(prn="A1234BC") is not None
            closed = api.close_non_association(1, {"closedReason": "Moved apart"})
            assert closed.closed_by == "APP_USER"
            api.reopen_non_association(1, {"reopenReason": "Back together"})
            api.delete_non_association(
                1, {"deletionReason": "Made in error", "staffUserNameRequestingDeletion": "ME"}
            )
        auth_status, auth_out, auth_err = stopped(auth_process)
        api_status, _, api_err = stopped(api_process)
    assert (auth_status, api_status) == (0, 0), auth_err + api_err
    assert auth_out == ""
    assert auth_err == "POST /auth/oauth/token 200\n"  # one token: the client caches it
    assert "GET /non-associations/1 200\n" in api_err


def test_serve_auth_knows_only_the_client_it_is_given() -> None:
    secret = "app-secret-from-its-env"
    with running(
        "serve-auth", "--port", "0", "--client-id", "my-app", "--client-secret", secret
    ) as (process, banner):
        url = banner.split()[-1]
        assert process.stdout is not None
        printed = [process.stdout.readline() for _ in range(3)]
        with HmppsAuthClient(AuthConfig(url, "my-app", secret)) as auth:
            claims = decode_token(auth.get_system_client_token("APP_USER"))
        stranger = HmppsAuthClient(AuthConfig(url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET))
        with stranger, pytest.raises(ClientError) as refused:
            stranger.get_system_client_token()
        status, stdout, stderr = stopped(process)
    assert claims is not None
    assert claims.roles == frozenset(ALL_ROLES)
    assert (claims.client_id, claims.username) == ("my-app", "APP_USER")
    assert refused.value.status == 401
    assert status == 0, stderr
    assert secret not in banner + "".join(printed) + stdout + stderr
    assert printed == [
        f"export HMPPS_AUTH_URL={url}\n",
        "export HMPPS_AUTH_CLIENT_ID=my-app\n",
        "# and HMPPS_AUTH_CLIENT_SECRET: the secret given with --client-secret\n",
    ]


def test_a_busy_port_is_one_line_and_a_failure() -> None:
    with running("serve", "--port", "0", "--quiet") as (first, banner):
        port = banner.split(":")[-1].strip()
        for command in ("serve", "serve-auth"):
            taken = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "hmpps_non_associations_api.testing",
                    command,
                    "--port",
                    port,
                ],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            assert taken.returncode == 1
            assert taken.stdout == ""
            assert taken.stderr.count("\n") == 1, taken.stderr
            assert f"cannot listen on 127.0.0.1:{port} (Address already in use)" in taken.stderr
            assert "--port" in taken.stderr and "Traceback" not in taken.stderr
        stopped(first)


def test_quiet_logs_nothing() -> None:
    with running("serve-auth", "--port", "0", "--quiet") as (process, banner):
        url = banner.split()[-1]
        with HmppsAuthClient(AuthConfig(url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET)) as auth:
            auth.get_system_client_token("APP_USER")
        status, _, stderr = stopped(process)
    assert (status, stderr) == (0, "")


def test_help_shows_the_defaults() -> None:
    for command, defaults in (
        ("serve", ["(default: 8080)", "(default: 127.0.0.1)"]),
        ("serve-auth", ["(default: 9090)", f"(default: {FAKE_CLIENT_ID})"]),
    ):
        shown = subprocess.run(
            [sys.executable, "-m", "hmpps_non_associations_api.testing", command, "--help"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
        assert " ".join(shown.split()).count("(default:") >= len(defaults)
        for default in defaults:
            assert default in " ".join(shown.split()), shown


def test_the_docs_shell_example_uses_the_real_defaults() -> None:
    from hmpps_non_associations_api.testing.__main__ import _parse_arguments

    serve_auth = _parse_arguments(["serve-auth"])
    assert (serve_auth.client_id, serve_auth.client_secret) == (FAKE_CLIENT_ID, FAKE_CLIENT_SECRET)
    assert (_parse_arguments(["serve"]).port, serve_auth.port) == (8080, 9090)
    page = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    assert f"export HMPPS_AUTH_CLIENT_ID={FAKE_CLIENT_ID}\n" in page
    assert f"export HMPPS_AUTH_CLIENT_SECRET={FAKE_CLIENT_SECRET}\n" in page
    assert "testing serve --port 8080 &" in page
    assert "testing serve-auth --port 9090 &" in page
    assert "HMPPS_AUTH_URL=http://127.0.0.1:9090/auth\n" in page
