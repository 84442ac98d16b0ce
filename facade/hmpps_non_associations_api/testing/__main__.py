"""Command line: `python -m hmpps_non_associations_api.testing serve --port 8080`.

Serves a freshly seeded fake API until SIGTERM or SIGINT, then exits 0.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from .server import FakeApiServer


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m hmpps_non_associations_api.testing",
        description="Run the fake HMPPS Non-associations API.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the fake API over HTTP")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (0: any free)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    arguments = _arguments(argv)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    with FakeApiServer(host=arguments.host, port=arguments.port) as server:
        print(f"Fake Non-associations API listening on {server.url}", flush=True)
        stopping.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
