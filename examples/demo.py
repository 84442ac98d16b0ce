"""`make demo`: start the fake API on loopback, run the quickstart, stop the fake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hmpps_non_associations_api.testing",
            "serve",
            "--port",
            "0",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        url = next((word for word in banner.split() if word.startswith("http://")), None)
        if url is None:
            print(f"the fake API did not start: {banner!r}", file=sys.stderr)
            return 1
        print(f"Fake Non-associations API at {url}\n")
        return subprocess.call([sys.executable, str(HERE / "quickstart.py"), "--url", url])
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
