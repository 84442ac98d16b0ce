"""Smoke test for an installed wheel, the way an application's project would use it.

Run it with the Python of a fresh virtual environment into which only the wheel and
pytest were installed (CI's wheel job; tests/project/test_packaging.py): both packages import
from that environment rather than from this source tree, `__version__` matches the
installed metadata, and a test file of the application's own picks up the pytest
plugin's fixtures and talks to the embedded fake over HTTP.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE_TREE = Path(__file__).resolve().parents[2]

APPLICATION_TEST = """
import httpx


def test_plugin_fixtures(non_associations_client, fake_non_associations_server):
    assert "reasons" in non_associations_client.constants()
    served = httpx.get(f"{fake_non_associations_server.url}/v3/api-docs").json()
    assert "/non-associations/{id}" in served["paths"]
"""


def main() -> int:
    import hmpps_non_associations_api
    import hmpps_non_associations_api_client
    from hmpps_non_associations_api.testing import pytest_plugin

    for module in (hmpps_non_associations_api, hmpps_non_associations_api_client, pytest_plugin):
        location = Path(str(module.__file__)).resolve()
        if location.is_relative_to(SOURCE_TREE):
            print(f"{module.__name__} was imported from the source tree: {location}")
            return 1
    version = importlib.metadata.version("hmpps-non-associations-api")
    if hmpps_non_associations_api.__version__ != version:
        print(f"__version__ {hmpps_non_associations_api.__version__!r} != metadata {version!r}")
        return 1
    with tempfile.TemporaryDirectory() as project:
        (Path(project) / "test_application.py").write_text(APPLICATION_TEST)
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", project],
            cwd=project,
            check=False,
        )
    if result.returncode != 0:
        print("the application's test did not pass with the installed plugin")
        return 1
    print(f"hmpps-non-associations-api {version}: packages, plugin and fake work when installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
