"""`python -m hmpps_non_associations_api.testing serve` as a separate process."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx
from hmpps_non_associations_api.testing import READ_NON_ASSOCIATIONS, mint_token


def test_serve_answers_and_stops_cleanly_on_sigterm() -> None:
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
        token = mint_token(roles=[READ_NON_ASSOCIATIONS])
        response = httpx.get(
            f"{url}/non-associations/1", headers={"Authorization": f"Bearer {token}"}, timeout=5
        )
        assert response.json()["id"] == 1
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=10)
    finally:
        process.kill()
        process.wait(timeout=10)
    assert process.returncode == 0, stderr
    assert stdout == stderr == ""
