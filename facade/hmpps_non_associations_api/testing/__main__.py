"""Command line for the fakes, so a whole application can run against them:

    python -m hmpps_non_associations_api.testing serve --port 8080
    python -m hmpps_non_associations_api.testing serve-auth --port 9090

`serve` runs a freshly seeded fake API; `serve-auth` a fake HMPPS Auth token endpoint
that knows one system client, whose tokens carry every role the API checks. Each
prints the URL it listens on and the `export` lines that point an application at it,
logs each request it answers to stderr (unless `--quiet`), then serves until SIGTERM
or SIGINT and exits 0. A port already in use is one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from .._settings._config import API_PREFIX, AUTH_PREFIX
from ._fake_auth import FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeHmppsAuth
from ._loopback import FakeApiServer, FakeAuthServer, LoopbackServer
from ._token_claims import ALL_ROLES


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    defaults = argparse.ArgumentDefaultsHelpFormatter
    parser = argparse.ArgumentParser(
        prog="python -m hmpps_non_associations_api.testing",
        description="Run the fake HMPPS Non-associations API or a fake HMPPS Auth.",
        formatter_class=defaults,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve",
        help="serve the fake API over HTTP",
        description="Serve a freshly seeded fake Non-associations API over HTTP.",
        formatter_class=defaults,
    )
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (0: any free)")
    auth = commands.add_parser(
        "serve-auth",
        help="serve a fake HMPPS Auth token endpoint over HTTP",
        description="Serve a fake HMPPS Auth token endpoint (at /auth/oauth/token) over HTTP.",
        formatter_class=defaults,
    )
    auth.add_argument("--port", type=int, default=9090, help="port to listen on (0: any free)")
    auth.add_argument(
        "--client-id", default=FAKE_CLIENT_ID, help="the system client's id (HMPPS_AUTH_CLIENT_ID)"
    )
    auth.add_argument(
        "--client-secret",
        default=FAKE_CLIENT_SECRET,
        help="the system client's secret (HMPPS_AUTH_CLIENT_SECRET)",
    )
    for command in (serve, auth):
        command.add_argument("--host", default="127.0.0.1", help="address to listen on")
        command.add_argument(
            "--quiet", action="store_true", help="do not log each request to stderr"
        )
    return parser.parse_args(argv)


def _chosen_server(arguments: argparse.Namespace) -> tuple[str, LoopbackServer]:
    """What the command serves: a name for the banner, and the server."""
    log = None if arguments.quiet else sys.stderr
    where = {"host": arguments.host, "port": arguments.port, "log": log}
    if arguments.command == "serve-auth":
        fake = FakeHmppsAuth()
        if arguments.client_id != FAKE_CLIENT_ID:
            fake.remove_client(FAKE_CLIENT_ID)
        fake.register_client(arguments.client_id, arguments.client_secret, roles=ALL_ROLES)
        return "Fake HMPPS Auth", FakeAuthServer(fake, **where)
    return "Fake Non-associations API", FakeApiServer(**where)


def _exports(arguments: argparse.Namespace, url: str) -> list[str]:
    """The variables that point an application at the fake. A secret given on the
    command line is not echoed: only the fake's published one is."""
    if arguments.command == "serve":
        return [f"export {API_PREFIX}URL={url}"]
    secret = (
        f"export {AUTH_PREFIX}CLIENT_SECRET={FAKE_CLIENT_SECRET}"
        if arguments.client_secret == FAKE_CLIENT_SECRET
        else f"# and {AUTH_PREFIX}CLIENT_SECRET: the secret given with --client-secret"
    )
    return [
        f"export {AUTH_PREFIX}URL={url}",
        f"export {AUTH_PREFIX}CLIENT_ID={arguments.client_id}",
        secret,
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    arguments = _parse_arguments(argv)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    name, server = _chosen_server(arguments)
    try:
        server.start()
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"{name}: cannot listen on {arguments.host}:{arguments.port} ({reason});"
            " choose another port with --port (0 picks a free one)",
            file=sys.stderr,
        )
        return 1
    with server:
        print(f"{name} listening on {server.url}", flush=True)
        print("\n".join(_exports(arguments, server.url)), flush=True)
        stopping.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
