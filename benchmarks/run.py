"""The side-by-side suite: the Python client against the Node client, over loopback nginx.

    python -m benchmarks.run [--rounds 5] [--duration 0.8] [--note TEXT] [--change TEXT]
    python -m benchmarks.run --profile     # cProfile of the get-one loops, into .benchmarks/

`make bench` runs it and rewrites docs/benchmarks.md, keeping its History table and
adding one row. See docs/benchmarks.md for the method.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import bodies, server

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "benchmarks" / "node"
NODE_CLIENT = "@ministryofjustice/hmpps-non-associations-api"
DOC = ROOT / "docs" / "benchmarks.md"
PROFILE_DIR = ROOT / ".benchmarks"

# One round: Python and Node processes alternate; odd rounds run in reverse order.
ORDER = [
    ("python", "raw"),
    ("node", "shared"),
    ("python", "shared"),
    ("node", "new"),
    ("python", "new"),
    ("node", "async"),
    ("python", "async"),
    ("node", "parse"),
    ("python", "raw_async"),
    ("python", "parse"),
    ("python", "otel"),
]

SYNC_WORKLOADS = {
    "get_one": "get one (GET /non-associations/{id})",
    "prisoner_list": "prisoner list of 200 (GET /prisoner/{n}/non-associations)",
    "between": "between two prisoners (POST /non-associations/between)",
    "page": "one 200-item page (GET /non-associations?size=200)",
    "walk": "2,000-record walk (10 pages of 200)",
}
ASYNC_WORKLOADS = {"get_one": "get one", "prisoner_list": "prisoner list of 200"}
WRK_ROUTE = {
    "get_one": "get one",
    "prisoner_list": "prisoner list of 200",
    "between": "between (POST)",
    "page": "one 200-item page",
}

KNOWN_GAPS = [
    "## What is known about the hardest targets",
    "",
    "Findings behind the parse, list and walk figures (2026-11-25), kept by hand:",
    "",
    "- **Prisoner list of 200, end to end: at parity, not reliably under.** Three runs",
    "  of the suite after the changes below gave 1.09x (5 rounds, before the cheaper",
    "  client per request), 1.17x and 1.00x (9 rounds each) the Node client's time: the",
    "  same work within this machine's noise. The connection layer is faster than Node's",
    "  (get one about 0.7x) and orjson decodes the body faster than V8's `JSON.parse`",
    "  (about 450 against 580 µs), but the client then builds 400 typed attrs objects",
    "  (each list item and its other prisoner, with enum members and date-times), about",
    "  590 µs, where the Node client converts two dates on each plain object (about",
    "  120 µs). Profile: `from_dict` of one item takes about 2.0 µs warm, 1.1 µs of it",
    "  just making the two objects and setting their 26 attributes (a bare version with",
    "  no enums, dates or checks); the enum lookups, date-times and unknown-key checks",
    "  are the rest, perhaps 100 µs a list still to gain in the templates. A clear",
    "  margin needs the models built in C: the generated models compiled with mypyc",
    "  (platform wheels for every release), or msgspec Structs decoded straight from",
    "  the bytes (applications would receive those instead of attrs classes). A decision",
    "  for the team. With a client made per request on both sides, as DPS applications",
    "  make them, the list took 0.82x, 1.04x and 0.82x the Node client's time.",
    "- **Decoding.** Reply bodies are decoded with orjson, a new runtime dependency. On",
    "  the 200-item list (CPU time, decode only): `json.loads` 791 µs, `orjson.loads`",
    "  386 µs, msgspec's untyped decode 427 µs. orjson gives the same dicts and lists the",
    "  generated models read and ships wheels for CPython 3.11 to 3.13 on Linux, macOS and",
    "  Windows; msgspec is fastest when it decodes into its own Struct types, which would",
    "  replace the generated models. orjson is stricter (UTF-8 only, no NaN, nesting to",
    "  1,024), each refusal the same `TransportError` as any unreadable body.",
    "- **Parsing into models** (target 1.5x `json.loads`). `from_dict` no longer calls",
    "  the attrs constructor of the generated class: it makes the object and sets each",
    "  attribute as it reads it (a subclass is still built through its own `__init__`),",
    "  and reads `datetime.fromisoformat` once per module: about 15% less time a record.",
    "  The client's parse (orjson, then `from_dict`) measured 1.43x, 1.15x and 1.49x in",
    "  the three runs; timed in pairs on CPU time (`benchmarks/parse_models.py`), which",
    "  this machine's drift disturbs less, it is about 1.2x. `from_dict` alone on a",
    "  decoded body, the issue's own definition, is about 0.6x. With the standard",
    "  library's `json` the whole parse would be about 1.6x to 1.9x (see Parse, below).",
    "- **Walk memory.** A 20-field attrs constructor called with positional arguments left",
    "  memory the interpreter kept (about 190 bytes a record, freed by `gc.collect()`, no",
    "  garbage): the walk peaked at 1.68x one page. Without that call it peaks at about",
    "  one page.",
    "",
]
"""What was found about the hardest targets; kept by hand as the findings change."""


DASH = "\N{EN DASH}"

Results = dict[tuple[str, str], dict[str, list[float]]]


@dataclass(frozen=True)
class Figure:
    """The median and range of one measurement over the rounds."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> Figure:
        return cls(statistics.median(values), min(values), max(values))


# --- running the processes ----------------------------------------------------------------


def run_job(language: str, variant: str, settings: dict[str, Any]) -> dict[str, Any]:
    if language == "python":
        command = [sys.executable, "-m", "benchmarks.py_client", variant, json.dumps(settings)]
    else:
        command = ["node", str(NODE_DIR / "bench.mjs"), variant, json.dumps(settings)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{language} {variant} failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_rounds(settings: dict[str, Any], rounds: int) -> Results:
    results: Results = defaultdict(lambda: defaultdict(list))
    for number in range(rounds):
        order = ORDER if number % 2 == 0 else list(reversed(ORDER))
        started = time.monotonic()
        for language, variant in order:
            for workload, measured in run_job(language, variant, settings).items():
                results[(language, variant)][workload].append(measured["value"])
        print(f"round {number + 1}/{rounds}: {time.monotonic() - started:.0f} s", flush=True)
    return results


def check_node() -> None:
    try:
        version = subprocess.run(
            ["node", "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(f"Node.js 20 or later is needed: {error}") from error
    if int(version.lstrip("v").split(".")[0]) < 20:
        raise SystemExit(f"Node.js 20 or later is needed, found {version}")
    if not (NODE_DIR / "node_modules" / NODE_CLIENT).is_dir():
        raise SystemExit("the Node client is not installed: npm ci --prefix benchmarks/node")


# --- facts about the run ------------------------------------------------------------------


def _output(command: list[str], any_status: bool = False) -> str:
    """The first line a command prints (wrk --version exits with 1, hence any_status)."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    except OSError:
        return "not found"
    if done.returncode != 0 and not any_status:
        return "?"
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[0] if lines else ""


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _node_package_version(name: str) -> str:
    manifest = NODE_DIR / "node_modules" / name / "package.json"
    version: str = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return version


def machine() -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
    total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    return {
        "nproc": str(os.cpu_count()),
        "CPU": model.group(1) if model else platform.processor() or "?",
        "memory": f"{int(total.group(1)) / 1024 / 1024:.1f} GiB" if total else "?",
        "OS": platform.platform(),
    }


def versions() -> dict[str, str]:
    nginx = _output([server.find_tool("nginx"), "-v"]).replace("nginx version: ", "")
    wrk = _output([server.find_tool("wrk"), "--version"], any_status=True)
    return {
        "Python": platform.python_version(),
        "httpx": _package_version("httpx"),
        "httpcore": _package_version("httpcore"),
        "anyio": _package_version("anyio"),
        "sniffio": _package_version("sniffio"),
        "hmpps-non-associations-api (Python)": _package_version("hmpps-non-associations-api"),
        "Node.js": _output(["node", "--version"]),
        f"{NODE_CLIENT} (Node)": _node_package_version(NODE_CLIENT),
        "@ministryofjustice/hmpps-rest-client (Node)": _node_package_version(
            "@ministryofjustice/hmpps-rest-client"
        ),
        "nginx": nginx,
        "wrk": " ".join(wrk.split()[:2]),
    }


def default_change() -> str:
    """The commit measured, and whether the client's code had uncommitted changes."""
    head = _output(["git", "log", "-1", "--format=%h %s"])
    dirty = _output(["git", "status", "--porcelain", "--", "facade", "generated"])
    return head + (" + uncommitted changes" if dirty not in ("", "?") else "")


# --- the report ---------------------------------------------------------------------------


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _micros(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f}"


def _millis(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f}"


def _rate(per_second: float) -> str:
    return f"{per_second:,.0f}"


def _cell(figure: Figure, show: Callable[[float], str]) -> str:
    return f"{show(figure.median)} ({show(figure.low)}{DASH}{show(figure.high)})"


@dataclass
class Report:
    """Everything measured in one run, and the page written from it."""

    started: datetime.datetime
    settings: dict[str, Any]
    rounds: int
    results: Results
    memory: dict[str, int]
    capacity: dict[int, dict[str, float]]
    facts: dict[str, dict[str, str]]
    sizes: dict[str, int]
    load: str
    note: str
    change: str

    def fig(self, language: str, variant: str, workload: str) -> Figure:
        return Figure.of(self.results[(language, variant)][workload])

    def ratio(self, a: tuple[str, str, str], b: tuple[str, str, str]) -> float:
        return self.fig(*a).median / self.fig(*b).median

    def sync_table(self) -> list[str]:
        rows = [
            ("raw httpx.Client + json.loads", "python", "raw", ("node", "shared")),
            ("facade, one shared instance", "python", "shared", ("node", "shared")),
            ("facade, new instance per call", "python", "new", ("node", "new")),
            ("Node client, one shared instance", "node", "shared", ("node", "shared")),
            ("Node client, new instance per call", "node", "new", ("node", "new")),
        ]
        lines = []
        for workload, title in SYNC_WORKLOADS.items():
            walk = workload == "walk"
            unit = "ms per walk" if walk else "µs per call"
            lines += [
                f"**{title}**",
                "",
                f"| variant | {unit}, median (min{DASH}max) | vs Node (same kind) | vs raw httpx |",
                "|---|---|---|---|",
            ]
            for name, language, variant, node in rows:
                here = (language, variant, workload)
                lines.append(
                    f"| {name} | {_cell(self.fig(*here), _millis if walk else _micros)} "
                    f"| {_ratio(self.ratio(here, (*node, workload)))} "
                    f"| {_ratio(self.ratio(here, ('python', 'raw', workload)))} |"
                )
            lines.append("")
        return lines

    def async_table(self) -> list[str]:
        rows = [
            ("raw httpx.AsyncClient + json.loads", "python", "raw_async"),
            ("facade async (AsyncNonAssociationsApi)", "python", "async"),
            ("Node client, one shared instance", "node", "async"),
        ]
        lines = []
        for workload, title in ASYNC_WORKLOADS.items():
            lines += [
                f"**{title}, {50} in flight**",
                "",
                f"| variant | requests/s, median (min{DASH}max) | vs Node | vs raw httpx |",
                "|---|---|---|---|",
            ]
            for name, language, variant in rows:
                here = (language, variant, workload)
                lines.append(
                    f"| {name} | {_cell(self.fig(*here), _rate)} "
                    f"| {_ratio(self.ratio(here, ('node', 'async', workload)))} "
                    f"| {_ratio(self.ratio(here, ('python', 'raw_async', workload)))} |"
                )
            lines.append("")
        return lines

    def otel_table(self) -> list[str]:
        rows = [
            ("OpenTelemetry not installed (no `otel` extra)", "absent"),
            ("OpenTelemetry API installed, no SDK configured", "api_only"),
            ("SDK tracing and metrics on, exporters dropping everything", "sdk"),
        ]
        lines = [
            f"| OpenTelemetry | get one: µs per call, median (min{DASH}max) "
            f"| vs not installed | telemetry hooks alone: µs per call |",
            "|---|---|---|---|",
        ]
        for name, mode in rows:
            here = ("python", "otel", f"get_one_{mode}")
            hooks = self.fig("python", "otel", f"hooks_{mode}")
            lines.append(
                f"| {name} | {_cell(self.fig(*here), _micros)} "
                f"| {_ratio(self.ratio(here, ('python', 'otel', 'get_one_absent')))} "
                f"| {_cell(hooks, lambda seconds: f'{seconds * 1e6:,.1f}')} |"
            )
        return lines

    def construction_table(self) -> list[str]:
        rows = [
            ("httpx.Client() created and closed", "python", "raw"),
            ("NonAssociationsApi(token, config, logger) created and closed", "python", "new"),
            ("Node: new NonAssociationsApi(token, config, logger)", "node", "new"),
        ]
        lines = [f"| what | µs, median (min{DASH}max) | vs Node |", "|---|---|---|"]
        for name, language, variant in rows:
            here = (language, variant, "construct")
            ratio = self.ratio(here, ("node", "new", "construct"))
            lines.append(f"| {name} | {_cell(self.fig(*here), _micros)} | {_ratio(ratio)} |")
        return lines

    def parse_table(self) -> list[str]:
        rows = [
            ("json.loads(body)", "python", "json_loads"),
            ("the client's parse: its decoder (orjson), then from_dict", "python", "client_parse"),
            ("from_dict alone, on a body decoded beforehand", "python", "from_dict"),
            ("PrisonerNonAssociations.from_dict(json.loads(body))", "python", "stdlib_parse"),
            ("Node: JSON.parse(body)", "node", "json_parse"),
            (
                "Node: JSON.parse(body) + the client's parseDates on each item",
                "node",
                "parse_dates",
            ),
        ]
        loads = ("python", "parse", "json_loads")
        lines = [
            f"| what | µs, median (min{DASH}max) | vs json.loads "
            "| vs Node JSON.parse + parseDates |",
            "|---|---|---|---|",
        ]
        for name, language, workload in rows:
            here = (language, "parse", workload)
            lines.append(
                f"| {name} | {_cell(self.fig(*here), _micros)} "
                f"| {_ratio(self.ratio(here, loads))} "
                f"| {_ratio(self.ratio(here, ('node', 'parse', 'parse_dates')))} |"
            )
        return lines

    def memory_rows(self) -> list[str]:
        def kib(key: str) -> str:
            return f"{self.memory[key] / 1024:,.0f} KiB"

        walk = self.memory["walk_peak"] / self.memory["one_page_peak"]
        raw_walk = self.memory["raw_walk_peak"] / self.memory["raw_one_page_peak"]
        return [
            f"| facade: one 200-item page fetched and parsed | {kib('one_page_peak')} |",
            f"| facade: 2,000-record walk, `iter_non_associations(size=200)` "
            f"| {kib('walk_peak')} ({walk:.2f}x one page) |",
            f"| raw httpx + json.loads: one page | {kib('raw_one_page_peak')} |",
            f"| raw httpx + json.loads: the same walk, page by page "
            f"| {kib('raw_walk_peak')} ({raw_walk:.2f}x one page) |",
        ]

    def capacity_table(self) -> list[str]:
        lines = [
            "| route | wrk, 1 connection (req/s) | wrk, 50 connections (req/s) "
            "| fastest client here (req/s) | headroom |",
            "|---|---|---|---|---|",
        ]
        for workload, route in WRK_ROUTE.items():
            fastest = max(
                1 / self.fig(language, variant, workload).median
                for language, variant in ORDER
                if variant in ("raw", "shared", "new")
            )
            if workload in ASYNC_WORKLOADS:
                fastest = max(
                    fastest,
                    *(
                        self.fig(language, variant, workload).median
                        for language, variant in ORDER
                        if variant in ("async", "raw_async")
                    ),
                )
            one, fifty = self.capacity[1][route], self.capacity[50][route]
            lines.append(
                f"| {route} | {_rate(one)} | {_rate(fifty)} | {_rate(fastest)} "
                f"| {_ratio(max(one, fifty) / fastest)} |"
            )
        return lines

    def targets(self) -> list[tuple[str, str, bool]]:
        get_one_sync = self.ratio(("python", "shared", "get_one"), ("node", "shared", "get_one"))
        get_one_async = self.ratio(("python", "async", "get_one"), ("node", "async", "get_one"))
        per_call = self.ratio(("python", "new", "get_one"), ("python", "shared", "get_one"))
        listing = self.ratio(
            ("python", "shared", "prisoner_list"), ("node", "shared", "prisoner_list")
        )
        parse = self.ratio(("python", "parse", "client_parse"), ("python", "parse", "json_loads"))
        walk = self.memory["walk_peak"] / self.memory["one_page_peak"]
        return [
            ("sync get one, shared instance: time vs Node", f"{get_one_sync:.2f}x <= 1.0x",
             get_one_sync <= 1.0),
            ("async get one, 50 in flight: requests/s vs Node", f"{get_one_async:.2f}x >= 1.0x",
             get_one_async >= 1.0),
            ("new instance per call vs shared (get one)", f"{per_call:.2f}x <= 1.15x",
             per_call <= 1.15),
            ("prisoner list of 200, shared instance: time vs Node", f"{listing:.2f}x <= 1.0x",
             listing <= 1.0),
            ("parse the 200-item list into models (bytes to models) vs json.loads",
             f"{parse:.2f}x <= 1.5x",
             parse <= 1.5),
            ("2,000-record walk: peak memory vs one page", f"{walk:.2f}x <= 1.5x", walk <= 1.5),
        ]  # fmt: skip

    def history_row(self) -> str:
        def pair(workload: str, variant: str, node: str, show: Callable[[float], str]) -> str:
            python = self.fig("python", variant, workload).median
            return f"{show(python)} / {show(self.fig('node', node, workload).median)}"

        met = sum(1 for _, _, ok in self.targets() if ok)
        walk = self.memory["walk_peak"] / self.memory["one_page_peak"]
        parse = self.ratio(("python", "parse", "client_parse"), ("python", "parse", "json_loads"))
        cells = [
            self.started.strftime("%Y-%m-%d %H:%M"),
            self.change.replace("|", "/"),
            pair("get_one", "shared", "shared", _micros),
            pair("get_one", "new", "new", _micros),
            pair("get_one", "async", "async", _rate),
            pair("prisoner_list", "shared", "shared", _micros),
            f"{parse:.1f}x",
            f"{walk:.2f}x",
            f"{met}/6",
            self.load,
        ]
        return "| " + " | ".join(cells) + " |"

    def page(self, history: list[str]) -> str:
        s = self.settings
        when = self.started.strftime("%Y-%m-%d %H:%M %Z").strip()
        facts = []
        for title, table in self.facts.items():
            facts += [f"**{title}**", "", "| | |", "|---|---|"]
            facts += [f"| {key} | {value} |" for key, value in table.items()]
            facts.append("")
        targets = ["| target | measured | met |", "|---|---|---|"]
        targets += [
            f"| {name} | {measured} | {'met' if ok else '**not met**'} |"
            for name, measured, ok in self.targets()
        ]
        history_header = [
            "| date | change | get one µs, Py / Node (shared) | get one µs, Py / Node "
            "(new per call) | async get one req/s, Py / Node | list of 200 µs, Py / Node "
            "| parse vs json.loads | walk peak vs page | targets met | load average |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        lines = [
            "# Benchmarks: the Python client against the Node client",
            "",
            "Written by `make bench` (`benchmarks/run.py`); do not edit by hand except the",
            "History table, which each run keeps and adds a row to.",
            "",
            f"Measured {when}, {self.rounds} round(s), load average {self.load}. {self.note}",
            "",
            f"Commit measured: {self.change}",
            "",
            "## Targets",
            "",
            *targets,
            "",
            *KNOWN_GAPS,
            "## Method",
            "",
            "- **Server.** nginx from the distribution's packages, one worker process, on",
            "  127.0.0.1 with keep-alive on and access logging off, serves recorded bodies",
            "  (`benchmarks/bodies.py`, checked against `openapi.json` and the generated models",
            "  by `tests/project/test_benchmark_bodies.py`): one non-association"
            f" ({self.sizes['one']:,}",
            f"  bytes), a prisoner's list of 200 ({self.sizes['list']:,} bytes), `between`",
            f"  answering one record to a POST, and {bodies.PAGES} pages of 200 from",
            f"  `GET /non-associations` ({self.sizes['page']:,} bytes the first) with",
            "  `totalPages`, `number` and `last` set as Spring sends them. wrk, below, shows",
            "  what nginx serves on each route, well above what any client takes from it.",
            "- **Clients.** The Python client is timed through its public API only",
            "  (`NonAssociationsApi`, `AsyncNonAssociationsApi`, `ApiConfig` with default pool",
            "  settings), so the suite measures whatever the facade is. The Node client is",
            f"  `{NODE_CLIENT}` from `benchmarks/node/package-lock.json`, built as its README",
            "  shows: a system token, the DPS API config (`url`, `timeout` 10 s / 30 s,",
            "  `agent`) and a logger. Both log nothing (the Python logger is at WARNING, the",
            "  Node logger discards), so neither pays for log output.",
            "- **Variants.** `raw` is a shared `httpx.Client` (or `httpx.AsyncClient`) with",
            "  `json.loads`, the floor for anything built on httpx. `shared` uses one client",
            "  instance for every call; `new` makes one per call, as DPS applications make one",
            "  per user request (the Node client then opens a new connection each time, its",
            "  agent being per instance). Async runs 50 calls in flight on one instance",
            "  (Python: asyncio, 50 tasks; Node: 50 promise chains) and counts requests/s.",
            "- **Isolation.** Each variant runs in a process of its own (`python -m",
            "  benchmarks.py_client VARIANT`, `node benchmarks/node/bench.mjs VARIANT`), so no",
            "  variant inherits another's warm pool, caches or JIT. Within a process each",
            f"  workload is checked once (record count), warmed up for {s['warmup']} s, then",
            f"  timed for {s['duration']} s: seconds per call is elapsed time over calls.",
            "- **Rounds.** A round runs every process once, Python and Node alternating; odd",
            "  rounds run in reverse order, so drift in machine load falls on both sides.",
            "  Figures are the median over rounds, with the lowest and highest in brackets.",
            "  Ratios are of medians. Lower is better for times, higher for requests/s.",
            "- **Memory.** In one more process: `tracemalloc` peak, above what was allocated",
            "  before, while fetching and parsing one 200-item page, and while walking all",
            "  2,000 records with `iter_non_associations(size=200)`, each record dropped once",
            "  looked at (a streaming consumer). Both after one untraced walk, so imports and",
            "  pools are not counted.",
            "- **OpenTelemetry.** One more process times sync get one on a shared instance in",
            "  three modes, alternating ten times with the order rotating, so machine drift",
            "  falls on all three: the client's path without OpenTelemetry (as without the",
            "  `otel` extra), the API installed with no SDK configured, and the SDK's tracer",
            "  and meter providers on (a batch span processor whose exporter drops every",
            "  span, a metric reader nobody reads). The same three are timed for the",
            "  telemetry hooks alone, the calls the retry layer makes for a one-try call",
            "  without any I/O, which the noise of a busy machine does not drown.",
            "- **Parse.** The 200-item prisoner list body (the recorded file): `json.loads`",
            "  alone is the yardstick. The target is the client's whole parse, bytes to models:",
            "  the decoder its replies use (orjson), then `PrisonerNonAssociations.from_dict`.",
            "  Also shown: `from_dict` alone on a body decoded beforehand (only `from_dict`",
            "  timed, the issue's own definition, `from_dict` of the decoded body), and",
            "  `from_dict(json.loads(body))`, the client's parse before orjson (the measure of",
            "  earlier History rows). Node's `JSON.parse` and the client's own `parseDates` per",
            "  item for comparison.",
            "",
            "## Results",
            "",
            "### Sync calls, one at a time",
            "",
            *self.sync_table(),
            "### Async: 50 calls in flight",
            "",
            *self.async_table(),
            "### OpenTelemetry overhead (sync get one, one shared instance)",
            "",
            *self.otel_table(),
            "",
            "### Making a client",
            "",
            *self.construction_table(),
            "",
            "### Parsing the 200-item prisoner list",
            "",
            *self.parse_table(),
            "",
            "### Memory of the 2,000-record walk",
            "",
            "| what | tracemalloc peak |",
            "|---|---|",
            *self.memory_rows(),
            "",
            "### Server capacity (wrk)",
            "",
            "`wrk -t1`, 2 s per route, against the same nginx during the same run. The",
            "fastest client is the best median rate any variant reached on that route;",
            "headroom is nginx's best rate over it (above 1x: the server was not the limit).",
            "",
            *self.capacity_table(),
            "",
            "## Machine and versions",
            "",
            *facts,
            "## History",
            "",
            "One row per run of the suite (kept across runs; times are medians).",
            "",
            *history_header,
            *history,
            self.history_row(),
            "",
        ]
        return "\n".join(lines)


def previous_history(path: Path) -> list[str]:
    """The History rows of an earlier report, oldest first."""
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    _, found, section = text.partition("\n## History\n")
    if not found:
        return []
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [row for row in rows if not row.startswith("| date |")]


# --- entry point --------------------------------------------------------------------------


def benchmark(args: argparse.Namespace) -> None:
    check_node()
    started = datetime.datetime.now().astimezone()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-") as directory:
        root = Path(directory)
        with server.nginx(root) as url:
            settings = {
                "url": url,
                "warmup": args.warmup,
                "duration": args.duration,
                "id": bodies.NON_ASSOCIATION_ID,
                "prisoner": bodies.PRISONER_NUMBER,
                "between": list(bodies.BETWEEN),
                "listSize": bodies.LIST_SIZE,
                "pageSize": bodies.PAGE_SIZE,
                "walkRecords": bodies.WALK_RECORDS,
                "prisonerListFile": str(root / "bodies" / bodies.PRISONER_LIST),
            }
            print(f"nginx at {url}; wrk capacity ...", flush=True)
            capacity = {
                connections: server.wrk_capacity(url, root, connections, 2)
                for connections in (1, 50)
            }
            results = run_rounds(settings, args.rounds)
            memory = run_job("python", "memory", settings)
            served = root / "bodies"
            sizes = {
                "one": (served / bodies.GET_ONE).stat().st_size,
                "list": (served / bodies.PRISONER_LIST).stat().st_size,
                "page": (served / bodies.page_file(0)).stat().st_size,
            }
    load_after = os.getloadavg()
    load = (
        f"{load_before[0]:.2f}, {load_before[1]:.2f}, {load_before[2]:.2f} before; "
        f"{load_after[0]:.2f}, {load_after[1]:.2f}, {load_after[2]:.2f} after"
    )
    facts = {
        "Machine": {
            **machine(),
            "load average (1, 5, 15 min)": load,
            "wall time of the run": f"{time.monotonic() - args.clock:.0f} s",
        },
        "Versions": versions(),
    }
    report = Report(
        started=started,
        settings=settings,
        rounds=args.rounds,
        results=results,
        memory=memory,
        capacity=capacity,
        facts=facts,
        sizes=sizes,
        load=f"{load_before[0]:.1f} before, {load_after[0]:.1f} after",
        note=args.note,
        change=args.change or default_change(),
    )
    output = Path(args.output)
    page = report.page(previous_history(output))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    print(f"wrote {output}")
    for name, measured, ok in report.targets():
        print(f"  {'met    ' if ok else 'NOT MET'}  {name}: {measured}")


def profile(args: argparse.Namespace) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as directory,
        server.nginx(Path(directory)) as url,
    ):
        settings = {
            "url": url,
            "profile_dir": str(PROFILE_DIR),
            "profile_calls": args.profile_calls,
        }
        written = run_job("python", "profile", settings)
    for name, path in written.items():
        print(f"{name}: {path} (and {Path(path).with_suffix('.txt')}, the top functions)")
    print(f"read with: {sys.executable} -m pstats FILE, or snakeviz FILE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=float, default=0.6, help="seconds timed per workload")
    parser.add_argument("--warmup", type=float, default=0.2, help="seconds of warm-up before")
    parser.add_argument("--output", default=str(DOC))
    parser.add_argument("--change", help="what changed since the last run (History)")
    parser.add_argument(
        "--note",
        default="",
        help="a sentence on the conditions (a quiet or busy machine), for the report's header",
    )
    parser.add_argument("--profile", action="store_true", help="profile instead of timing")
    parser.add_argument("--profile-calls", type=int, default=2000)
    args = parser.parse_args()
    args.clock = time.monotonic()
    if args.profile:
        profile(args)
    else:
        benchmark(args)


if __name__ == "__main__":
    main()
