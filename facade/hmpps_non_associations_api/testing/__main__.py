"""Command line for the fakes, so a whole application can run against them:

    python -m hmpps_non_associations_api.testing serve --port 8080
    python -m hmpps_non_associations_api.testing serve-auth --port 9090

`serve` runs a freshly seeded fake API; `serve-auth` a fake HMPPS Auth token endpoint
that knows one system client, whose tokens carry every role the API checks. Each
prints the URL it listens on, then serves until SIGTERM or SIGINT and exits 0.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from ._fake_auth import FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeHmppsAuth
from ._loopback import FakeApiServer, FakeAuthServer, LoopbackServer
from ._token_claims import ALL_ROLES


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m hmpps_non_associations_api.testing",
        description="Run the fake HMPPS Non-associations API or a fake HMPPS Auth.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the fake API over HTTP")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (0: any free)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    auth = commands.add_parser(
        "serve-auth", help="serve a fake HMPPS Auth token endpoint over HTTP"
    )
    auth.add_argument("--port", type=int, default=9090, help="port to listen on (0: any free)")
    auth.add_argument("--host", default="127.0.0.1", help="address to listen on")
    auth.add_argument(
        "--client-id", default=FAKE_CLIENT_ID, help="the system client's id (HMPPS_AUTH_CLIENT_ID)"
    )
    auth.add_argument(
        "--client-secret",
        default=FAKE_CLIENT_SECRET,
        help="the system client's secret (HMPPS_AUTH_CLIENT_SECRET)",
    )
    return parser.parse_args(argv)


def _chosen_server(arguments: argparse.Namespace) -> tuple[str, LoopbackServer]:
    """What the command serves: a name for the banner, and the server."""
    if arguments.command == "serve-auth":
        fake = FakeHmppsAuth()
        fake.register_client(arguments.client_id, arguments.client_secret, roles=ALL_ROLES)
        return "Fake HMPPS Auth", FakeAuthServer(fake, host=arguments.host, port=arguments.port)
    return "Fake Non-associations API", FakeApiServer(host=arguments.host, port=arguments.port)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    arguments = _parse_arguments(argv)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    name, server = _chosen_server(arguments)
    with server:
        print(f"{name} listening on {server.url}", flush=True)
        stopping.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
