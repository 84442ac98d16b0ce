"""The sync twins in _sync/ are exactly what scripts/unasync.py writes from _async/."""

from __future__ import annotations

import subprocess
import sys

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


def test_a_hand_edit_of_a_twin_is_caught() -> None:
    twin = ROOT / "facade" / "hmpps_non_associations_api" / "_sync" / "_send.py"
    original = twin.read_text("utf-8")
    try:
        twin.write_text(original + "# edited by hand\n", "utf-8")
        done = subprocess.run(
            [sys.executable, "scripts/unasync.py", "--check"], cwd=ROOT, capture_output=True
        )
        assert done.returncode == 1
    finally:
        twin.write_text(original, "utf-8")
