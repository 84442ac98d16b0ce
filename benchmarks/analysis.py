"""What a run's figures say: medians and spreads, the targets of issue 21, the evidence
rule, and the History table. No I/O and nothing timed here, so tests can check it
(tests/project/test_benchmark_analysis.py).

A figure is named by (side, variant, workload): side "python", "node" or "baseline".
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Key = tuple[str, str, str]

MAX_LOAD = 1.0
"""The 1-minute load average at the start above which a run is no evidence."""
MAX_SPREAD = 0.30
"""The largest (max - min) / median over the rounds a target's figure may have."""
MAX_OTHER_CPU = 0.15
"""The CPU other processes may use during the run, on average, in cores."""
MIN_ROUNDS = 7
MIN_SECONDS = 0.5
"""Each round's timing window, at least."""
MIN_WARMUP_SECONDS = 2.0
MIN_WARMUP_REQUESTS = 1000
"""The warm-up of every measurement before timing starts, at least."""

MET = "met"
NOT_MET = "not met"
NOT_EVIDENCE = "not evidence"
NOT_MEASURED = "not measured"

_ROUNDING = 1e-12


@dataclass(frozen=True)
class Figure:
    """One measurement over the rounds: the median, the lowest and highest, and the
    spread, (highest - lowest) / median."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, values: Sequence[float]) -> Figure:
        if not values:
            raise ValueError("a figure needs at least one value")
        return cls(tuple(values))

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    @property
    def spread(self) -> float:
        return (self.high - self.low) / self.median if self.median else 0.0


@dataclass(frozen=True)
class Target:
    """One target: `measured` over `against` (medians of the same run) compared with
    `threshold`; `at_most` for times (lower is better), otherwise at least (rates).
    `profiles`: the loops (benchmarks/py_client.py PROFILED) whose profiles the report
    shows when the ratio misses."""

    name: str
    measured: Key | str  # a figure, or a memory key ("walk_peak")
    against: Key | str
    threshold: float
    at_most: bool
    profiles: tuple[str, ...] = ()

    @property
    def timed(self) -> bool:
        return isinstance(self.measured, tuple)

    @property
    def depends_on(self) -> tuple[Key, ...]:
        keys = (self.measured, self.against)
        return tuple(key for key in keys if isinstance(key, tuple))

    def within(self, found: float) -> bool:
        """Whether a ratio meets the threshold, which counts as met; a ratio that differs
        from it only by floating-point rounding (a relative 1e-12) is equal to it."""
        if self.at_most:
            return found <= self.threshold * (1 + _ROUNDING)
        return found >= self.threshold * (1 - _ROUNDING)

    @property
    def condition(self) -> str:
        return f"{'<=' if self.at_most else '>='} {self.threshold:.2f}x"


TARGETS = (
    Target(
        "sync get one, shared instance: time vs the Node client's",
        ("python", "shared", "get_one"),
        ("node", "shared", "get_one"),
        1.0,
        at_most=True,
        profiles=("sync_get_one",),
    ),
    Target(
        "sync get one, shared instance: time vs its floor (http.client + compiled reader)",
        ("python", "shared", "get_one"),
        ("python", "floor", "get_one"),
        1.15,
        at_most=True,
        profiles=("sync_get_one", "floor_get_one"),
    ),
    Target(
        "async get one, 50 in flight: requests/s vs the Node client's",
        ("python", "async", "get_one"),
        ("node", "async", "get_one"),
        1.0,
        at_most=False,
        profiles=("async_get_one",),
    ),
    Target(
        "async get one, 50 in flight: requests/s vs its floor (aiohttp + compiled reader)",
        ("python", "async", "get_one"),
        ("python", "floor_async", "get_one"),
        0.85,
        at_most=False,
        profiles=("async_get_one", "floor_async_get_one"),
    ),
    Target(
        "prisoner list of 200, sync: time vs the Node client's",
        ("python", "shared", "prisoner_list"),
        ("node", "shared", "prisoner_list"),
        0.8,
        at_most=True,
        profiles=("sync_prisoner_list",),
    ),
    Target(
        # 0.8x Node's time is 1.25x its requests/s
        "prisoner list of 200, async at 50 in flight: requests/s vs the Node client's",
        ("python", "async", "prisoner_list"),
        ("node", "async", "prisoner_list"),
        1.25,
        at_most=False,
        profiles=("async_prisoner_list",),
    ),
    Target(
        "2,000-record walk, sync: time vs the Node client's",
        ("python", "shared", "walk"),
        ("node", "shared", "walk"),
        0.8,
        at_most=True,
    ),
    Target(
        "2,000-record walk, async at 50 in flight: walks/s vs the Node client's",
        ("python", "async", "walk"),
        ("node", "async", "walk"),
        1.25,
        at_most=False,
    ),
    Target(
        "a new instance per call vs a shared one (sync get one, time)",
        ("python", "new", "get_one"),
        ("python", "shared", "get_one"),
        1.15,
        at_most=True,
        profiles=("new_get_one", "sync_get_one"),
    ),
    Target(
        "2,000-record walk: peak memory vs one page",
        "walk_peak",
        "one_page_peak",
        1.5,
        at_most=True,
    ),
)


@dataclass(frozen=True)
class Outcome:
    """A target as this run found it: the ratio (None when a figure is missing), whether
    the ratio is within the threshold, and the status the report gives."""

    target: Target
    ratio: float | None
    within: bool | None
    status: str


@dataclass(frozen=True)
class Conditions:
    """How the run was taken, for the evidence rule."""

    load_at_start: float
    rounds: int
    seconds: float
    warmup_seconds: float
    warmup_requests: int
    other_cpu: float | None = None  # cores other processes used during the run, if known


@dataclass(frozen=True)
class Verdict:
    outcomes: tuple[Outcome, ...]
    reasons: tuple[str, ...] = field(default=())

    @property
    def evidence(self) -> bool:
        return not self.reasons

    @property
    def met(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == MET)


def figures_of(results: Mapping[Key, Sequence[float]]) -> dict[Key, Figure]:
    return {key: Figure.of(values) for key, values in results.items() if values}


def ratio(figures: Mapping[Key, Figure], measured: Key, against: Key) -> float | None:
    """The ratio of two medians, None when either figure is missing."""
    if measured not in figures or against not in figures:
        return None
    bottom = figures[against].median
    return figures[measured].median / bottom if bottom else None


def describe(key: Key) -> str:
    side, variant, workload = key
    return f"{side} {variant} {workload}"


def weak_evidence(
    figures: Mapping[Key, Figure], conditions: Conditions, targets: Sequence[Target] = TARGETS
) -> list[str]:
    """Why the run is no evidence for any target: empty when it is."""
    reasons = []
    if conditions.load_at_start > MAX_LOAD:
        reasons.append(
            f"the 1-minute load average was {conditions.load_at_start:.2f} at the start "
            f"(above {MAX_LOAD:.1f}): something else was running"
        )
    if conditions.other_cpu is not None and conditions.other_cpu > MAX_OTHER_CPU:
        reasons.append(
            f"other processes used {conditions.other_cpu:.0%} of a core on average during "
            f"the run (above {MAX_OTHER_CPU:.0%}): something else was running"
        )
    if conditions.rounds < MIN_ROUNDS:
        reasons.append(f"{conditions.rounds} round(s), fewer than {MIN_ROUNDS}")
    if conditions.seconds < MIN_SECONDS:
        reasons.append(f"{conditions.seconds:g} s timed per round, under {MIN_SECONDS:g} s")
    if (
        conditions.warmup_seconds < MIN_WARMUP_SECONDS
        or conditions.warmup_requests < MIN_WARMUP_REQUESTS
    ):
        reasons.append(
            f"a warm-up of {conditions.warmup_seconds:g} s and {conditions.warmup_requests:,}"
            f" requests, under {MIN_WARMUP_SECONDS:g} s and {MIN_WARMUP_REQUESTS:,}"
        )
    seen: set[Key] = set()
    for target in targets:
        for key in target.depends_on:
            if key in seen or key not in figures:
                continue
            seen.add(key)
            spread = figures[key].spread
            if spread > MAX_SPREAD:
                reasons.append(
                    f"{describe(key)} spread by {spread:.0%} over the rounds "
                    f"(above {MAX_SPREAD:.0%})"
                )
    return reasons


def verdict(
    figures: Mapping[Key, Figure],
    memory: Mapping[str, float],
    conditions: Conditions,
    targets: Sequence[Target] = TARGETS,
) -> Verdict:
    """Each target's ratio and status. On weak evidence no target is "met", whatever its
    ratio: each is "not evidence", and the reasons say why."""
    reasons = weak_evidence(figures, conditions, targets)
    outcomes = []
    for target in targets:
        if target.timed:
            assert isinstance(target.measured, tuple) and isinstance(target.against, tuple)
            found = ratio(figures, target.measured, target.against)
        else:
            assert isinstance(target.measured, str) and isinstance(target.against, str)
            top, bottom = memory.get(target.measured), memory.get(target.against)
            found = top / bottom if top is not None and bottom else None
        if found is None:
            outcomes.append(Outcome(target, None, None, NOT_MEASURED))
            continue
        within = target.within(found)
        # on weak evidence no target is met (nor called not met)
        status = NOT_EVIDENCE if reasons else (MET if within else NOT_MET)
        outcomes.append(Outcome(target, found, within, status))
    return Verdict(tuple(outcomes), tuple(reasons))


# --- History --------------------------------------------------------------------------------

HISTORY_COLUMNS = (
    "date",
    "change",
    "evidence",
    "load at start",
    "sync get one µs: Py / Node / floor",
    "async get one req/s: Py / Node / floor",
    "list of 200 µs: Py / Node",
    "async list req/s: Py / Node",
    "new vs shared",
    "walk peak vs page",
    "targets met",
    "vs baseline (sync get one)",
)
HISTORY_HEADER = "| " + " | ".join(HISTORY_COLUMNS) + " |"
HISTORY_RULE = "|" + "---|" * len(HISTORY_COLUMNS)

EARLIER_HEADING = "### Earlier method (cold Node)"
EARLIER_HEADER = (
    "| date | change | get one µs, Py / Node (shared) | get one µs, Py / Node "
    "(new per call) | async get one req/s, Py / Node | list of 200 µs, Py / Node "
    "| parse vs json.loads | walk peak vs page | targets met | load average |"
)
EARLIER_RULE = "|---|---|---|---|---|---|---|---|---|---|"


@dataclass(frozen=True)
class History:
    """The History rows of a report: this method's, and the earlier (cold Node) ones."""

    rows: tuple[str, ...] = ()
    earlier: tuple[str, ...] = ()


def read_history(text: str) -> History:
    """The History rows of a page written by this generator or the one before it. Each
    table's rows are told apart by its header: one with an "evidence" column is this
    method's; any other is the earlier method's."""
    _, found, section = text.partition("\n## History\n")
    if not found:
        return History()
    rows: list[str] = []
    earlier: list[str] = []
    current: list[str] | None = None
    for line in section.splitlines():
        if line.startswith("## "):
            break  # a section after History
        if not line.startswith("|"):
            continue
        if line.startswith("| date |"):
            current = rows if "| evidence |" in line else earlier
        elif line.startswith("|---") or current is None:
            continue
        else:
            current.append(line)
    return History(tuple(rows), tuple(earlier))


def history_section(history: History, new_row: str | None) -> list[str]:
    """The History section's lines: this method's table with `new_row` added, then the
    earlier method's rows, kept as they were."""
    rows = [*history.rows, *([new_row] if new_row else [])]
    lines = [
        "## History",
        "",
        "One row per run (kept across runs; figures are medians of the rounds). Evidence",
        'says whether the run could mark targets "met" (see Method).',
        "",
        HISTORY_HEADER,
        HISTORY_RULE,
        *rows,
        "",
    ]
    if history.earlier:
        lines += [
            EARLIER_HEADING,
            "",
            "Runs before issue 21: each Node variant in a fresh process, warmed for 0.2 s",
            "and timed for 0.6 s (V8 still optimising), no floors, no evidence rule; some",
            "taken on a loaded machine (see the load average). Not comparable with the rows",
            "above.",
            "",
            EARLIER_HEADER,
            EARLIER_RULE,
            *history.earlier,
            "",
        ]
    return lines
