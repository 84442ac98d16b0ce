"""Each sync twin (`_sync_*.py`) is exactly what scripts/unasync.py writes from the
`_async_*.py` module beside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import unasync  # scripts/, on the path through tests/conftest.py

from tests.conftest import ROOT


def test_the_twins_are_current() -> None:
    done = subprocess.run(
        [sys.executable, "scripts/unasync.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_keywords_go_and_names_are_swapped_keeping_the_layout() -> None:
    source = (
        "async def get(api: AsyncNonAssociationsApi) -> AsyncIterator[int]:\n"
        "    async with lock:\n"
        "        await async_sleep(1)\n"
        "    async for item in api.items():\n"
        "        yield await item.aclose()\n"
        '__all__ = ["AsyncNonAssociationsApi"]\n'
        '"""async prose is left alone"""\n'
    )
    assert unasync.unasync(source) == (
        "def get(api: NonAssociationsApi) -> Iterator[int]:\n"
        "    with lock:\n"
        "        sleep(1)\n"
        "    for item in api.items():\n"
        "        yield item.close()\n"
        '__all__ = ["NonAssociationsApi"]\n'
        '"""async prose is left alone"""\n'
    )


def test_a_hand_edit_of_a_twin_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "hmpps_non_associations_api"
    shutil.copytree(unasync.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(unasync, "PACKAGE", package)
    assert unasync.main(["--check"]) == 0
    edited = package / "_call" / "_sync_send.py"
    edited.write_text(edited.read_text("utf-8") + "# edited by hand\n", "utf-8")
    assert unasync.main(["--check"]) == 1
    assert "_sync_send.py in _call/ is stale" in capsys.readouterr().out
    (package / "_call" / "_sync_orphan.py").write_text("", "utf-8")
    assert unasync.main(["--check"]) == 1
    assert "_sync_orphan.py in _call/ has no _async_ source beside it" in capsys.readouterr().out


def test_the_twins_prose_speaks_of_threads() -> None:
    """Docstrings and comments are rewritten too: a twin names the thread clients, says
    where it was written from, and never that it writes itself."""
    import io
    import tokenize

    for path, text in unasync.twins().items():
        prose = [
            token.string
            for token in tokenize.generate_tokens(io.StringIO(text).readline)
            if token.type == tokenize.COMMENT
            or (token.type == tokenize.STRING and token.string.startswith('"""'))
        ]
        words = " ".join(prose)
        assert "AsyncNonAssociationsApi" not in words and "AsyncHmppsAuthClient" not in words
        assert "coroutine" not in words and "aclose" not in words, path.name
        assert "writes the thread twin" not in words, path.name
        source = path.name.replace("_sync_", "_async_", 1)
        assert f"Written by scripts/unasync.py from `{source}`" in words, path.name
