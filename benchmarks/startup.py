"""What starting up costs: whole fresh processes importing the package, making a client,
and running the command line's --help and --version, timed from outside, with the
package's own share from `python -X importtime`.

    python -m benchmarks.startup                   this checkout
    python -m benchmarks.startup --baseline REV    and the package at REV beside it

`make bench` runs it too and writes its table into docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.run import baseline_env, baseline_tree

ROOT = Path(__file__).resolve().parent.parent

COMMANDS: dict[str, list[str]] = {
    "Python alone": ["-c", "pass"],
    "import hmpps_non_associations_api": ["-c", "import hmpps_non_associations_api"],
    "import, make a thread client": [
        "-c",
        "import hmpps_non_associations_api as a\n"
        "a.NonAssociationsApi('t', a.ApiConfig('https://api.test')).close()",
    ],
    "import, make an asyncio client": [
        "-c",
        "import hmpps_non_associations_api as a\n"
        "a.AsyncNonAssociationsApi('t', a.ApiConfig('https://api.test'))",
    ],
    "hmpps-non-associations --help": ["-m", "hmpps_non_associations_api", "--help"],
    "hmpps-non-associations --version": ["-m", "hmpps_non_associations_api", "--version"],
}
"""What is started, by what the table calls it: each as its own `python` process."""


def _run(arguments: list[str], env: dict[str, str], extra: list[str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, *(extra or []), *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stderr


def wall_seconds(arguments: list[str], env: dict[str, str], runs: int) -> list[float]:
    """Each run's whole-process wall time, after one run not counted."""
    _run(arguments, env)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        _run(arguments, env)
        times.append(time.perf_counter() - started)
    return times


def package_import_us(arguments: list[str], env: dict[str, str]) -> int:
    """Microseconds `-X importtime` counts for importing the package and what it loaded,
    on import and later, when first used (0 when the command never imports it)."""
    total = 0
    for line in _run(arguments, env, ["-X", "importtime"]).splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3:
            continue
        name = parts[2].rstrip()[1:]  # after the one space following "|"
        if name.startswith("hmpps_non_associations_api"):  # at the top level: no indent
            total += int(parts[1])
    return total


def measure(env: dict[str, str], runs: int) -> dict[str, tuple[float, int]]:
    """Per command: the median wall seconds and the package's import microseconds."""
    return {
        name: (
            statistics.median(wall_seconds(arguments, env, runs)),
            package_import_us(arguments, env),
        )
        for name, arguments in COMMANDS.items()
    }


def table(
    here: dict[str, tuple[float, int]], there: dict[str, tuple[float, int]] | None
) -> list[str]:
    """The markdown table: this checkout, and the baseline beside it when there is one."""
    heading = "| process | wall, median | the package's imports |"
    rule = "|---|---|---|"
    if there is not None:
        heading += " baseline wall | baseline imports | wall / baseline |"
        rule += "---|---|---|"
    lines = [heading, rule]
    for name, (wall, imports) in here.items():
        row = f"| {name} | {wall * 1000:.0f} ms | {imports / 1000:.0f} ms |"
        if there is not None:
            base_wall, base_imports = there[name]
            ratio = wall / base_wall
            row += f" {base_wall * 1000:.0f} ms | {base_imports / 1000:.0f} ms | {ratio:.2f}x |"
        lines.append(row)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REV", help="also time the package at REV")
    parser.add_argument("--runs", type=int, default=15, help="counted runs of each process")
    args = parser.parse_args()
    here = dict(os.environ)
    with (
        tempfile.TemporaryDirectory(prefix="bench-baseline-") as elsewhere,
        baseline_tree(args.baseline, Path(elsewhere)) as tree,
    ):
        there = measure(baseline_env(tree), args.runs) if tree is not None else None
        print("\n".join(table(measure(here, args.runs), there)))


if __name__ == "__main__":
    main()
