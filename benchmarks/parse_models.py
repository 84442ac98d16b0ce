"""What turning a response body into generated models costs, next to decoding the JSON.

    .venv/bin/python -m benchmarks.parse_models [--profile]

Takes the recorded prisoner list that `make bench` serves (benchmarks/bodies.py: 200
non-associations, compact JSON as the API writes it) and, run after run, times
`json.loads(body)` (the yardstick), `PrisonerNonAssociations.from_dict` alone on what
that decoded, and the client's whole parse: the decoder its replies use (orjson), then
from_dict. Prints each median and the median of the per-run ratios to json.loads.
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

from hmpps_non_associations_api._transport._wire import WireReply
from hmpps_non_associations_api_client.models import PrisonerNonAssociations

from benchmarks import bodies


def one_run(raw: bytes, reply: WireReply) -> tuple[float, float, float]:
    """CPU seconds of json.loads, of from_dict on its result, and of the client's parse."""
    clock = time.thread_time
    started = clock()
    decoded = json.loads(raw)
    decoded_at = clock()
    PrisonerNonAssociations.from_dict(decoded)
    built_at = clock()
    PrisonerNonAssociations.from_dict(reply.json())
    return decoded_at - started, built_at - decoded_at, clock() - built_at


def main() -> None:
    raw = bodies.encode(bodies.documents()[bodies.PRISONER_LIST])
    reply = WireReply(200, "OK", {"content-type": "application/json"}, raw)
    if "--profile" in sys.argv:
        profiler = cProfile.Profile()
        profiler.runcall(
            lambda: [PrisonerNonAssociations.from_dict(reply.json()) for _ in range(200)]
        )
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    for _ in range(20):
        one_run(raw, reply)
    runs = [one_run(raw, reply) for _ in range(2000)]
    loads, alone, client = (statistics.median(column) for column in zip(*runs, strict=True))
    print(f"body: {len(raw)} bytes, {bodies.LIST_SIZE} non-associations; medians of {len(runs)}")
    print(f"json.loads(body):                       {loads * 1e6:6.0f} µs CPU")
    print(f"from_dict alone, on what that decoded:  {alone * 1e6:6.0f} µs CPU")
    print(f"the client's parse (orjson, from_dict): {client * 1e6:6.0f} µs CPU")
    for name, index in (("from_dict alone", 1), ("the client's parse", 2)):
        ratio = statistics.median(run[index] / run[0] for run in runs)
        print(f"{name}: {ratio:.2f}x json.loads (median of the per-run ratios)")


if __name__ == "__main__":
    main()
