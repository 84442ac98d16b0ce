"""What turning a response body into generated models costs, next to decoding the JSON.

    .venv/bin/python -m benchmarks.parse_models [--profile]

Takes the recorded prisoner list that `make bench` serves (benchmarks/bodies.py: 200
non-associations, compact JSON as the API writes it) and, run after run, times
`json.loads(body)` (the yardstick), `PrisonerNonAssociations.from_dict` alone on what
that decoded (the generated package's own way, which checks no types), and the client's
parse: the compiled reader its replies use, bytes to checked models in one msgspec pass.
Prints each median and the median of the per-run ratios to json.loads.
Times are this thread's CPU time, so other work on a busy machine counts as little as it
can. --profile prints a cProfile of the client's parse.
"""

from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import sys
import time

from hmpps_non_associations_api_client.models import PrisonerNonAssociations
from hmpps_non_associations_api_client.reply_decoders import READERS, Reader

from benchmarks import bodies


def _drifted(fields: list[str]) -> None:
    raise RuntimeError(f"the recorded body holds nulls the document does not allow: {fields}")


def one_run(raw: bytes, read: Reader) -> tuple[float, float, float]:
    """CPU seconds of json.loads, of from_dict on its result, and of the client's parse."""
    clock = time.thread_time
    started = clock()
    decoded = json.loads(raw)
    decoded_at = clock()
    PrisonerNonAssociations.from_dict(decoded)
    built_at = clock()
    read(raw, _drifted)
    return decoded_at - started, built_at - decoded_at, clock() - built_at


def main() -> None:
    raw = bodies.encode(bodies.documents()[bodies.PRISONER_LIST])
    read = READERS["get_prisoner_non_associations"][1]
    if "--profile" in sys.argv:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [read(raw, _drifted) for _ in range(200)])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    for _ in range(20):
        one_run(raw, read)
    runs = [one_run(raw, read) for _ in range(2000)]
    loads, alone, client = (statistics.median(column) for column in zip(*runs, strict=True))
    print(f"body: {len(raw)} bytes, {bodies.LIST_SIZE} non-associations; medians of {len(runs)}")
    print(f"json.loads(body):                       {loads * 1e6:6.0f} µs CPU")
    print(f"from_dict alone, on what that decoded:  {alone * 1e6:6.0f} µs CPU")
    print(f"the client's parse (compiled reader):   {client * 1e6:6.0f} µs CPU")
    for name, index in (("from_dict alone", 1), ("the client's parse", 2)):
        ratio = statistics.median(run[index] / run[0] for run in runs)
        print(f"{name}: {ratio:.2f}x json.loads (median of the per-run ratios)")


if __name__ == "__main__":
    main()
