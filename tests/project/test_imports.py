"""Pay for what you use: what a fresh process loads for each way the package is used.

A thread application, its calls included, never loads aiohttp or httpx; the command
line's --help and --version load neither, nor a generated model. Each case runs in a
process of its own, as an application or a shell would start it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.clients.faults import FaultServer, Reply, fault_server

__all__ = ["fault_server"]

HEAVY = ("aiohttp", "httpx", "hmpps_non_associations_api_client.models.")


def loaded(code: str) -> list[str]:
    """The heavy modules loaded by the time `code` has run in a new interpreter."""
    report = (
        "import json, sys\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\n{report}"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found: list[str] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_importing_the_package_loads_no_connection_library_and_no_model() -> None:
    assert loaded("import hmpps_non_associations_api") == []


def test_a_thread_application_never_loads_aiohttp_or_httpx(fault_server: FaultServer) -> None:
    fault_server.script = [Reply()]
    code = f"""
import hmpps_non_associations_api as api
client = api.NonAssociationsApi("token", api.ApiConfig({fault_server.url!r}))
assert client.get_non_association(42).id == 42
try:
    api.NonAssociationsApi("token", api.ApiConfig("https://127.0.0.1:1")).ping()
except api.TransportError:
    pass  # https: an SSL context made, without httpx
"""
    found = loaded(code)
    assert not [name for name in found if name.startswith(("aiohttp", "httpx"))], found
    assert "hmpps_non_associations_api_client.models.non_association" in found


def test_an_asyncio_application_loads_aiohttp_but_not_httpx() -> None:
    found = loaded("import hmpps_non_associations_api as api\napi.AsyncNonAssociationsApi")
    assert "aiohttp" in found and not [name for name in found if name.startswith("httpx")]


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_the_command_lines_help_and_version_load_nothing_heavy(option: str) -> None:
    code = (
        "from hmpps_non_associations_api._cli import main\n"
        f"try:\n    main([{option!r}])\nexcept SystemExit:\n    pass"
    )
    assert loaded(code) == []
