"""An application that reads its configuration once keeps working across its tests
under the package's fixtures: `non_associations_env` gives the same URLs in every test
of a session, with both fakes reset before each. Run as an application's own test
session (pytest in a subprocess, the plugin loaded from its entry point)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

LAZY_APP = '''
import functools

from hmpps_non_associations_api import ApiConfig, AuthConfig, HmppsAuthClient, NonAssociationsApi


@functools.cache
def settings():
    """Read on first use, so the tests can import this module before any fixture runs."""
    return ApiConfig.from_env(), HmppsAuthClient(AuthConfig.from_env())


def open_count(username, prisoner_number):
    api_config, hmpps_auth = settings()
    api = NonAssociationsApi(hmpps_auth.token_provider(username), api_config)
    return api.list_non_associations(prisoner_number).open_count
'''

EAGER_APP = """
from hmpps_non_associations_api import ApiConfig, AuthConfig, HmppsAuthClient, NonAssociationsApi

API_CONFIG = ApiConfig.from_env()  # at import: the tests import it inside each test
HMPPS_AUTH = HmppsAuthClient(AuthConfig.from_env())


def open_count(username, prisoner_number):
    api = NonAssociationsApi(HMPPS_AUTH.token_provider(username), API_CONFIG)
    return api.list_non_associations(prisoner_number).open_count
"""

LAZY_TESTS = """
import pytest
from hmpps_non_associations_api import TransportError

from lazy_app import open_count  # at the top: no configuration is read yet

SEEN = []


def test_first(non_associations_env):
    SEEN.append(dict(non_associations_env))
    assert open_count("SOME_USER", "A1234BC") == 1


def test_second_sees_only_its_own_data(non_associations_env, fake_non_associations_api):
    SEEN.append(dict(non_associations_env))
    fake_non_associations_api.add_non_association("A1234BC", "C3456DE", reason="THREAT")
    assert open_count("SOME_USER", "A1234BC") == 2


def test_a_test_may_take_the_api_down(non_associations_env, fake_non_associations_server):
    SEEN.append(dict(non_associations_env))
    fake_non_associations_server.stop()
    with pytest.raises(TransportError):
        open_count("SOME_USER", "A1234BC")


def test_the_next_test_finds_it_up_again_and_reset(non_associations_env, fake_hmpps_auth):
    SEEN.append(dict(non_associations_env))
    assert open_count("OTHER_USER", "A1234BC") == 1
    assert fake_hmpps_auth.token_requests_by_username == {"OTHER_USER": 1}


def test_every_test_saw_the_same_urls():
    assert len(SEEN) == 4 and all(seen == SEEN[0] for seen in SEEN)
"""

EAGER_TESTS = """
def test_first(non_associations_env):
    from eager_app import open_count

    assert open_count("SOME_USER", "A1234BC") == 1


def test_second(non_associations_env, fake_non_associations_api):
    from eager_app import open_count

    fake_non_associations_api.add_non_association("A1234BC", "C3456DE", reason="THREAT")
    assert open_count("SOME_USER", "A1234BC") == 2
"""


def run_session(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("HMPPS_")
    }
    environment["PYTHONPATH"] = str(tmp_path)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_configuration_read_once_lazily_keeps_working(tmp_path: Path) -> None:
    result = run_session(tmp_path, {"lazy_app.py": LAZY_APP, "test_lazy.py": LAZY_TESTS})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 passed" in result.stdout


def test_configuration_read_at_import_keeps_working(tmp_path: Path) -> None:
    result = run_session(tmp_path, {"eager_app.py": EAGER_APP, "test_eager.py": EAGER_TESTS})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
