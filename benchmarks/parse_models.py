"""What turning a response body into generated models costs, next to decoding the JSON.

    .venv/bin/python -m benchmarks.parse_models [--profile]

Takes the recorded prisoner list that `make bench` serves (benchmarks/bodies.py: 200
non-associations, compact JSON as the API writes it), times `json.loads(body)` alone
and `PrisonerNonAssociations.from_dict(json.loads(body))`, and prints the median ratio
over many paired runs. Times are this thread's CPU time, so other work on a busy
machine counts as little as it can. --profile prints a cProfile of the parsing.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable

from hmpps_non_associations_api_client.models import PrisonerNonAssociations

from benchmarks import bodies


def cpu_seconds(action: Callable[[], object]) -> float:
    """This thread's CPU time for one call."""
    started = time.thread_time()
    action()
    return time.thread_time() - started


def paired_timings(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> list[tuple[float, float]]:
    """Timings of the two actions, one after the other, `runs` times, after a warm-up; taken
    in pairs so that a busy spell on the machine slows both alike."""
    for _ in range(20):
        first()
        second()
    return [(cpu_seconds(first), cpu_seconds(second)) for _ in range(runs)]


def main() -> None:
    raw = bodies.encode(bodies.documents()[bodies.PRISONER_LIST])

    def decode() -> object:
        return json.loads(raw)

    def parse() -> object:
        return PrisonerNonAssociations.from_dict(json.loads(raw))

    if "--profile" in sys.argv:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [parse() for _ in range(200)])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    pairs = paired_timings(decode, parse, 2000)
    loads = statistics.median(first for first, _ in pairs)
    models = statistics.median(second for _, second in pairs)
    ratio = statistics.median(second / first for first, second in pairs)
    items = bodies.LIST_SIZE
    print(f"body: {len(raw)} bytes, {items} non-associations; medians of {len(pairs)} runs")
    print(f"json.loads(body):                                    {loads * 1e6:6.0f} µs CPU")
    print(f"PrisonerNonAssociations.from_dict(json.loads(body)): {models * 1e6:6.0f} µs CPU")
    print(f"ratio: {ratio:.2f}x json.loads (median of the paired ratios)")


if __name__ == "__main__":
    main()
