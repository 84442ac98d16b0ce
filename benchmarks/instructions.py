"""Instructions per request, counted by callgrind: what a noisy machine cannot move.

    python -m benchmarks.instructions                      the client and its floors
    python -m benchmarks.instructions --baseline REV       and the client at REV
    python -m benchmarks.instructions --loops sync_get_one async_get_one

Each loop runs twice under `valgrind --tool=callgrind` against the suite's nginx, once
with `--short` requests and once with `--long`; start-up, imports and warm-up are the
same in both, so the difference over the extra requests is what one request costs. The
loops are the warm suite's own (`benchmarks/py_client.py`): the client through its
public API, and its floors (`http.client` or an aiohttp session, the compiled reader).
Every child has the same hash seed; counts then repeat to within a few hundred
instructions for the same code and inputs, so a change of a percent shows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from benchmarks import server
from benchmarks.run import baseline_env, baseline_tree, serve_settings

ROOT = Path(__file__).resolve().parent.parent

LOOPS = {
    "sync_get_one": ("shared", "get_one"),
    "sync_prisoner_list": ("shared", "prisoner_list"),
    "sync_between": ("shared", "between"),
    "async_get_one": ("async", "get_one"),
    "async_prisoner_list": ("async", "prisoner_list"),
}
"""Each loop of the client: its variant and workload in py_client's terms."""

FLOORS = {"shared": "floor", "async": "floor_async"}
WARM_UP = 200


def _sync_call(settings: dict[str, Any], variant: str, workload: str) -> Callable[[], int]:
    from benchmarks import py_client

    if variant == "floor":
        found = py_client.floor_sync(settings, py_client.capture(settings))
    else:
        found = py_client.facade_sync(settings, variant)
    return next(m.call for m in found if m.workload == workload)


async def _async_call(
    settings: dict[str, Any], variant: str, workload: str
) -> Callable[[], Awaitable[int]]:
    from benchmarks import py_client

    if variant == "floor_async":
        found = await py_client.floor_async(settings, py_client.capture(settings))
    else:
        found = await py_client.facade_async(settings)
    return next(m.call for m in found if m.workload == workload)


async def _in_flight(call: Callable[[], Awaitable[int]], count: int) -> None:
    """`count` calls, IN_FLIGHT at a time, as the warm suite keeps them."""
    from benchmarks.py_client import IN_FLIGHT

    remaining = count

    async def lane() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    await asyncio.gather(*(lane() for _ in range(IN_FLIGHT)))


def loop(settings: dict[str, Any], variant: str, workload: str, count: int) -> None:
    """The child: warm up, then `count` requests (run under callgrind by the parent)."""
    if variant in ("shared", "new", "floor"):
        call = _sync_call(settings, variant, workload)
        for _ in range(WARM_UP + count):
            call()
        return

    async def main() -> None:
        from benchmarks.py_client import close_floor_sessions

        call = await _async_call(settings, variant, workload)
        await _in_flight(call, WARM_UP)
        await _in_flight(call, count)
        await close_floor_sessions()

    asyncio.run(main())


def _counted(
    settings: dict[str, Any], variant: str, workload: str, count: int, env: dict[str, str]
) -> int:
    """Instructions the whole child process took for `count` requests."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit(
            "benchmarks.instructions needs valgrind (Debian: apt-get install valgrind)"
        )
    with tempfile.TemporaryDirectory(prefix="callgrind-") as directory:
        out = Path(directory) / "callgrind.out"
        command = [
            valgrind,
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-m",
            "benchmarks.instructions",
            "--child",
            json.dumps({"settings": settings, "variant": variant, "workload": workload}),
            "--count",
            str(count),
        ]
        # One hash seed for every child: string hashes decide dict probing, and a seed
        # of its own per process would add jitter that no loop length cancels.
        fixed = {**env, "PYTHONHASHSEED": "0"}
        subprocess.run(command, cwd=ROOT, env=fixed, check=True, capture_output=True)
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError("callgrind wrote no totals")


def per_request(
    settings: dict[str, Any],
    variant: str,
    workload: str,
    short: int,
    long: int,
    env: dict[str, str],
) -> float:
    first = _counted(settings, variant, workload, short, env)
    second = _counted(settings, variant, workload, long, env)
    return (second - first) / (long - short)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loops", nargs="+", choices=sorted(LOOPS), default=list(LOOPS))
    parser.add_argument("--baseline", metavar="REV", help="also count the client at REV")
    parser.add_argument("--short", type=int, default=300, help="requests in the short run")
    parser.add_argument("--long", type=int, default=1500, help="requests in the long run")
    parser.add_argument("--no-floors", action="store_true", help="leave the floors out")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        job = json.loads(args.child)
        loop(job["settings"], job["variant"], job["workload"], args.count)
        return
    here = dict(os.environ)
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as directory,
        tempfile.TemporaryDirectory(prefix="bench-baseline-") as elsewhere,
        baseline_tree(args.baseline, Path(elsewhere)) as tree,
        server.nginx(Path(directory)) as url,
    ):
        settings = serve_settings(url, Path(directory))
        print(
            "| loop | client | floor | client / floor |"
            + (" baseline | client / baseline |" if tree else "")
        )
        print("|---|---|---|---|" + ("---|---|" if tree else ""))
        for name in args.loops:
            variant, workload = LOOPS[name]
            client = per_request(settings, variant, workload, args.short, args.long, here)
            cells = [f"{client / 1000:,.0f}k"]
            if args.no_floors:
                cells += ["", ""]
            else:
                floor = per_request(
                    settings, FLOORS[variant], workload, args.short, args.long, here
                )
                cells += [f"{floor / 1000:,.0f}k", f"{client / floor:.2f}x"]
            if tree is not None:
                base = per_request(
                    settings, variant, workload, args.short, args.long, baseline_env(tree)
                )
                cells += [f"{base / 1000:,.0f}k", f"{client / base:.3f}x"]
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
