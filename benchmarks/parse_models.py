"""What turning a response body into generated models costs, next to decoding the JSON.

    .venv/bin/python benchmarks/parse_models.py [--profile]

Builds a realistic body of the prisoner list (GET /prisoner/{prisonerNumber}/
non-associations) with 200 non-associations, open and closed, with and without
microseconds and prison locations, then times `json.loads(body)` alone and
`PrisonerNonAssociations.from_dict(json.loads(body))`, and prints the ratio of
the median ratio over many paired runs. Times are this thread's CPU time, so other
work on a busy machine counts as little as it can. --profile prints a cProfile of the parsing.
Results: RESULTS.md.
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

ITEMS = 200
ROLES = ["VICTIM", "PERPETRATOR", "NOT_RELEVANT", "UNKNOWN"]
REASONS = ["BULLYING", "GANG_RELATED", "ORGANISED_CRIME", "LEGAL_REQUEST", "THREAT", "VIOLENCE"]
RESTRICTIONS = ["CELL", "LANDING", "WING"]


def item(index: int) -> dict[str, object]:
    """One non-association of the list, as the API sends it."""
    closed = index % 4 == 0
    in_prison = index % 5 != 0
    fraction = f".{index * 1371 % 1000000:06d}" if index % 2 else ""
    return {
        "id": 1000 + index,
        "role": ROLES[index % 4],
        "roleDescription": "Victim",
        "reason": REASONS[index % 6],
        "reasonDescription": "Threat",
        "restrictionType": RESTRICTIONS[index % 3],
        "restrictionTypeDescription": "Cell, landing and wing",
        "comment": f"Threats made in the exercise yard, case {index}",
        "authorisedBy": "OFF3_GEN",
        "whenCreated": f"2023-07-{1 + index % 28:02d}T08:14:21{fraction}",
        "whenUpdated": f"2024-02-{1 + index % 28:02d}T09:15:00{fraction}",
        "updatedBy": "OFF3_GEN",
        "isClosed": closed,
        "isOpen": not closed,
        "closedBy": "ASMITH" if closed else None,
        "closedReason": "Moved to separate sites" if closed else None,
        "closedAt": f"2024-03-01T10:00:00{fraction}" if closed else None,
        "otherPrisonerDetails": {
            "prisonerNumber": f"D{index:04d}EF",
            "role": ROLES[(index + 1) % 4],
            "roleDescription": "Perpetrator",
            "firstName": "Joe",
            "lastName": f"Bloggs{index}",
            "prisonId": "MDI" if in_prison else None,
            "prisonName": "Moorland (HMP & YOI)" if in_prison else None,
            "cellLocation": f"1-{index % 30}-0{index % 9}" if in_prison else None,
        },
    }


def body() -> bytes:
    """The whole prisoner list response body, 200 items."""
    return json.dumps(
        {
            "prisonerNumber": "A1234BC",
            "firstName": "James",
            "lastName": "Hall",
            "prisonId": "MDI",
            "prisonName": "Moorland (HMP & YOI)",
            "cellLocation": "2-1-005",
            "openCount": sum(1 for i in range(ITEMS) if i % 4),
            "closedCount": sum(1 for i in range(ITEMS) if not i % 4),
            "nonAssociations": [item(index) for index in range(ITEMS)],
        }
    ).encode()


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
    raw = body()

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
    print(f"body: {len(raw)} bytes, {ITEMS} non-associations; medians of {len(pairs)} runs")
    print(f"json.loads(body):                                    {loads * 1e6:6.0f} µs CPU")
    print(f"PrisonerNonAssociations.from_dict(json.loads(body)): {models * 1e6:6.0f} µs CPU")
    print(f"ratio: {ratio:.2f}x json.loads (median of the paired ratios)")


if __name__ == "__main__":
    main()
