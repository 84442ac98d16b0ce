"""The side-by-side suite: the Python client against the Node client and against its own
connection layer (the floors), both sides warm in long-lived processes, over loopback nginx.

    python -m benchmarks.run [--rounds 9] [--seconds 0.5] [--warmup 3] [--baseline REV]
                             [--note TEXT] [--change TEXT] [--output FILE]
    python -m benchmarks.run --profile     # cProfile of the get-one loops, into .benchmarks/

`make bench` runs it (BENCH_ARGS passes options). A run that is evidence (see
benchmarks/analysis.py: the load at the start, the rounds' spread, enough rounds and
warm-up) rewrites docs/benchmarks.md, keeping its History and adding one row; any other
run writes its figures to .benchmarks/benchmarks-unverified.md instead (or to --output,
when that names another file) and marks no target met.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import io
import json
import os
import platform
import pstats
import re
import resource
import select
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from benchmarks import analysis, bodies, server
from benchmarks.analysis import Figure, Key, Verdict

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "benchmarks" / "node"
NODE_CLIENT = "@ministryofjustice/hmpps-non-associations-api"
DOC = ROOT / "docs" / "benchmarks.md"
UNVERIFIED = ROOT / ".benchmarks" / "benchmarks-unverified.md"
PROFILE_DIR = ROOT / ".benchmarks"
KNOWN = ROOT / "benchmarks" / "known.md"

IN_FLIGHT = 50
DASH = "\N{EN DASH}"

SYNC_WORKLOADS = {
    "get_one": "get one (GET /non-associations/{id})",
    "prisoner_list": "prisoner list of 200 (GET /prisoner/{n}/non-associations)",
    "between": "between two prisoners (POST /non-associations/between)",
    "page": "one 200-item page (GET /non-associations?size=200)",
    "walk": "2,000-record walk (10 pages of 200)",
}
ASYNC_WORKLOADS = {
    "get_one": "get one",
    "prisoner_list": "prisoner list of 200",
    "walk": "2,000-record walk (10 pages of 200), walks/s",
}
WRK_ROUTE = {
    "get_one": "get one",
    "prisoner_list": "prisoner list of 200",
    "between": "between (POST)",
    "page": "one 200-item page",
}

# Within a round: each workload's variants side by side, Python and Node alternating, so
# the figures compared with each other are timed close together. Odd rounds run the
# whole list in reverse. Measurements a worker does not offer are left out.
_SYNC_ORDER = [
    ("python", "shared"),
    ("node", "shared"),
    ("python", "floor"),
    ("baseline", "shared"),
    ("python", "floor_urllib3"),
    ("python", "new"),
    ("node", "new"),
    ("baseline", "new"),
]
_ASYNC_ORDER = [
    ("python", "async"),
    ("node", "async"),
    ("python", "floor_async"),
    ("baseline", "async"),
]
ORDER: list[Key] = [
    *((side, variant, workload) for workload in SYNC_WORKLOADS for side, variant in _SYNC_ORDER),
    *((side, variant, workload) for workload in ASYNC_WORKLOADS for side, variant in _ASYNC_ORDER),
    ("python", "new", "construct"),
    ("node", "new", "construct"),
    ("baseline", "new", "construct"),
    ("python", "parse", "json_loads"),
    ("node", "parse", "json_parse"),
    ("python", "parse", "client_parse"),
    ("node", "parse", "parse_dates"),
    ("python", "parse", "from_dict"),
    ("python", "parse", "stdlib_parse"),
]

PROFILE_LOOPS = ("sync_get_one", "floor_get_one", "async_get_one", "floor_async_get_one")
"""What `--profile` (make bench-profile) profiles unless --profile-loops says otherwise."""


# --- the workers --------------------------------------------------------------------------


class Worker:
    """One long-lived worker process (benchmarks/worker.py or benchmarks/node/worker.mjs),
    asked one JSON command at a time."""

    def __init__(self, side: str, command: list[str], env: dict[str, str] | None = None) -> None:
        self.side = side
        # the worker's stderr, kept for the message when it fails; closed in close()
        self.errors: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            bufsize=1,
        )
        try:
            self.hello = self._receive(300)
        except BaseException:
            self.process.kill()
            self.process.wait()
            self.errors.close()
            raise
        self.offers = {
            (side, variant, workload) for variant, workload, _ in self.hello["measurements"]
        }

    def _failed(self, what: str) -> RuntimeError:
        self.errors.seek(0)
        return RuntimeError(f"the {self.side} worker {what}:\n{self.errors.read()[-4000:]}")

    def _receive(self, timeout: float) -> dict[str, Any]:
        stdout = self.process.stdout
        assert stdout is not None
        ready, _, _ = select.select([stdout], [], [], timeout)
        if not ready:
            raise self._failed(f"gave no answer within {timeout:.0f} s")
        line = stdout.readline()
        if not line:
            self.process.wait(10)
            raise self._failed(f"exited with status {self.process.returncode}")
        message: dict[str, Any] = json.loads(line)
        if "error" in message:
            raise self._failed(f"failed: {message['error']}")
        return message

    def ask(self, command: dict[str, Any], timeout: float = 900) -> dict[str, Any]:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(json.dumps(command) + "\n")
        stdin.flush()
        return self._receive(timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.write('{"op": "quit"}\n')
                self.process.stdin.close()
                self.process.wait(30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self.errors.close()


@contextmanager
def workers(settings: dict[str, Any], baseline: Path | None) -> Iterator[dict[str, Worker]]:
    """The Python and Node workers (and the baseline's, with older client code first on
    its PYTHONPATH), each started once and kept for the whole run."""
    started: dict[str, Worker] = {}
    try:
        started["python"] = Worker(
            "python", [sys.executable, "-m", "benchmarks.worker", json.dumps(settings)]
        )
        started["node"] = Worker(
            "node", ["node", str(NODE_DIR / "worker.mjs"), json.dumps(settings)]
        )
        if baseline is not None:
            old = {**settings, "variants": ["shared", "new", "async"]}
            command = [sys.executable, "-m", "benchmarks.worker", json.dumps(old)]
            worker = Worker("baseline", command, baseline_env(baseline))
            started["baseline"] = worker
            if not Path(worker.hello["module"]).resolve().is_relative_to(baseline.resolve()):
                raise RuntimeError(f"the baseline worker imported {worker.hello['module']}")
        yield started
    finally:
        for worker in started.values():
            worker.close()


def order_for(offered: set[Key]) -> list[Key]:
    return [key for key in ORDER if key in offered]


def warm_up(running: dict[str, Worker], order: list[Key], args: argparse.Namespace) -> None:
    """Every measurement run untimed for --warmup seconds and --warmup-requests requests
    (its first call checked), one worker at a time, before any timing."""
    started = time.monotonic()
    for side, variant, workload in order:
        running[side].ask(
            {
                "op": "warm",
                "variant": variant,
                "workload": workload,
                "seconds": args.warmup,
                "requests": args.warmup_requests,
            }
        )
    print(f"warm-up: {len(order)} measurements, {time.monotonic() - started:.0f} s", flush=True)


def run_rounds(
    running: dict[str, Worker], order: list[Key], args: argparse.Namespace
) -> dict[Key, list[float]]:
    results: dict[Key, list[float]] = defaultdict(list)
    for number in range(args.rounds):
        started = time.monotonic()
        for side, variant, workload in order if number % 2 == 0 else reversed(order):
            timed = running[side].ask(
                {
                    "op": "time",
                    "variant": variant,
                    "workload": workload,
                    "seconds": args.seconds,
                    "lead_in": args.lead_in,
                }
            )
            results[(side, variant, workload)].append(timed["value"])
        print(f"round {number + 1}/{args.rounds}: {time.monotonic() - started:.0f} s", flush=True)
    return dict(results)


STARTUP_RUNS = 15


def run_job(job: str, settings: dict[str, Any]) -> dict[str, Any]:
    """A one-off Python job in a process of its own (benchmarks/py_client.py)."""
    command = [sys.executable, "-m", "benchmarks.py_client", job, json.dumps(settings)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"python {job} failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


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


# --- the baseline ---------------------------------------------------------------------------


def baseline_env(tree: Path) -> dict[str, str]:
    """The environment of a worker that imports the client from `tree` (its facade and
    generated code first on PYTHONPATH) with this venv's packages."""
    paths = [str(tree / "facade"), str(tree / "generated")]
    if os.environ.get("PYTHONPATH"):
        paths.append(os.environ["PYTHONPATH"])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


@contextmanager
def baseline_tree(revision: str | None, directory: Path) -> Iterator[Path | None]:
    """A temporary git worktree of `revision`, checked to be what the baseline worker
    imports; removed afterwards."""
    if revision is None:
        yield None
        return
    tree = directory / "baseline"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--quiet", str(tree), revision],
        cwd=ROOT,
        check=True,
    )
    try:
        probe = (
            "import hmpps_non_associations_api as a, hmpps_non_associations_api_client as g; "
            "print(a.__file__); print(g.__file__)"
        )
        found = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=ROOT,
            env=baseline_env(tree),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for path in found:
            if not Path(path).resolve().is_relative_to(tree.resolve()):
                raise SystemExit(f"--baseline {revision}: the worker would import {path}")
        print(f"baseline {revision}: imports {found[0]}", flush=True)
        yield tree
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)


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
        "hmpps-non-associations-api (Python)": _package_version("hmpps-non-associations-api"),
        "aiohttp": _package_version("aiohttp"),
        "yarl": _package_version("yarl"),
        "msgspec": _package_version("msgspec"),
        "attrs": _package_version("attrs"),
        "httpx": _package_version("httpx"),
        "urllib3 (the urllib3 floor only)": _package_version("urllib3"),
        "Node.js": _output(["node", "--version"]),
        f"{NODE_CLIENT} (Node)": _node_package_version(NODE_CLIENT),
        "@ministryofjustice/hmpps-rest-client (Node)": _node_package_version(
            "@ministryofjustice/hmpps-rest-client"
        ),
        "agentkeepalive (Node)": _node_package_version("agentkeepalive"),
        "nginx": nginx,
        "wrk": " ".join(wrk.split()[:2]),
    }


def default_change() -> str:
    """The commit measured, and whether the client's code had uncommitted changes."""
    head = _output(["git", "log", "-1", "--format=%h %s"])
    dirty = _output(["git", "status", "--porcelain", "--", "facade", "generated"])
    return head + (" + uncommitted changes" if dirty not in ("", "?") else "")


@dataclass
class CpuClock:
    """CPU time the whole machine spent (user, nice, system: /proc/stat), against what
    this process and its finished children spent: what anything else used while the
    suite ran. Interrupt and softirq time (loopback networking) is left out of both; the
    time the hypervisor stole is kept apart."""

    wall: float = field(default_factory=time.monotonic)
    busy: float | None = None
    steal: float = 0.0
    own: float = 0.0

    def __post_init__(self) -> None:
        self.busy, self.steal = self._machine()
        self.own = self._own()

    @staticmethod
    def _machine() -> tuple[float | None, float]:
        try:
            fields = Path("/proc/stat").read_text(encoding="utf-8").splitlines()[0].split()
        except OSError:
            return None, 0.0
        tick = os.sysconf("SC_CLK_TCK")
        user, nice, system = (int(value) for value in fields[1:4])
        steal = int(fields[8]) if len(fields) > 8 else 0
        return (user + nice + system) / tick, steal / tick

    @staticmethod
    def _own() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    def since(self) -> tuple[float | None, float]:
        """Since this clock was made: the cores other processes used on average (None
        where /proc/stat cannot be read), and the share of one core stolen. Call it
        once every child process has been waited for."""
        later = CpuClock()
        wall = later.wall - self.wall
        stolen = (later.steal - self.steal) / wall
        if self.busy is None or later.busy is None:
            return None, stolen
        other = max(0.0, (later.busy - self.busy) - (later.own - self.own))
        return other / wall, stolen


# --- the report ---------------------------------------------------------------------------


def _ratio(value: float | None, places: int = 2) -> str:
    return "-" if value is None else f"{value:.{places}f}x"


def _micros(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f}"


def _micros_1(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f}"


def _millis(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f}"


def _rate(per_second: float) -> str:
    return f"{per_second:,.0f}"


def _cell(figure: Figure, show: Callable[[float], str]) -> str:
    return f"{show(figure.median)} ({show(figure.low)}{DASH}{show(figure.high)})"


def _spread(figure: Figure) -> str:
    wide = figure.spread > analysis.MAX_SPREAD
    return f"**{figure.spread:.0%}**" if wide else f"{figure.spread:.0%}"


@dataclass
class Report:
    """Everything measured in one run, and the page written from it."""

    started: datetime.datetime
    args: argparse.Namespace
    figures: dict[Key, Figure]
    memory: dict[str, int]
    otel: dict[str, Figure]
    capacity: dict[int, dict[str, float]]
    facts: dict[str, dict[str, str]]
    sizes: dict[str, int]
    load_start: float
    load: str
    change: str
    verdict: Verdict
    request: dict[str, Any] | None
    skipped: dict[str, str]
    profiles: dict[str, str]
    known: str
    baseline: str | None = None
    otel_api: bool = False
    startup: list[str] = field(default_factory=list)

    def fig(self, key: Key) -> Figure | None:
        return self.figures.get(key)

    def ratio(self, measured: Key, against: Key) -> float | None:
        return analysis.ratio(self.figures, measured, against)

    # -- tables --

    def _rows(
        self, keys: list[tuple[str, Key, Key, Key, Key]], show: Callable[[float], str]
    ) -> list[str]:
        lines = []
        for name, here, node, floor, before in keys:
            figure = self.fig(here)
            if figure is None:
                continue
            lines.append(
                f"| {name} | {_cell(figure, show)} | {_spread(figure)} "
                f"| {_ratio(self.ratio(here, node))} | {_ratio(self.ratio(here, floor))} "
                f"| {_ratio(self.ratio(here, before))} |"
            )
        return lines

    def sync_tables(self) -> list[str]:
        base = f"baseline {self.args.baseline}"
        lines = []
        for workload, title in SYNC_WORKLOADS.items():
            walk = workload == "walk"

            def k(side: str, variant: str, workload: str = workload) -> Key:
                return (side, variant, workload)

            floor = k("python", "floor")
            rows = [
                ("client, one shared instance", k("python", "shared"), k("node", "shared"),
                 floor, k("baseline", "shared")),
                ("client, new instance per call", k("python", "new"), k("node", "new"),
                 floor, k("baseline", "new")),
                ("floor: http.client + compiled reader", floor, k("node", "shared"),
                 floor, k("baseline", "shared")),
                ("floor: urllib3 pool + compiled reader", k("python", "floor_urllib3"),
                 k("node", "shared"), floor, k("baseline", "shared")),
                ("Node client, one shared instance", k("node", "shared"), k("node", "shared"),
                 floor, k("baseline", "shared")),
                ("Node client, new instance per call", k("node", "new"), k("node", "new"),
                 floor, k("baseline", "new")),
                (f"{base}, one shared instance", k("baseline", "shared"), k("node", "shared"),
                 floor, k("baseline", "shared")),
                (f"{base}, new instance per call", k("baseline", "new"), k("node", "new"),
                 floor, k("baseline", "new")),
            ]  # fmt: skip
            unit = "ms per walk" if walk else "µs per call"
            lines += [
                f"**{title}**",
                "",
                f"| variant | {unit}, median (min{DASH}max) | spread | vs Node (same kind) "
                "| vs floor | vs baseline |",
                "|---|---|---|---|---|---|",
                *self._rows(rows, _millis if walk else _micros),
                "",
            ]
        return [*lines, *self.layers()]

    def layers(self) -> list[str]:
        """The sync connection layers side by side: is http.client the limit?"""
        found = [
            (title, self.ratio(("python", "floor_urllib3", w), ("python", "floor", w)))
            for w, title in (("get_one", "get one"), ("prisoner_list", "the list of 200"))
        ]
        if any(value is None for _, value in found):
            return []
        shown = " and ".join(f"{_ratio(value)} on {title}" for title, value in found)
        return [
            "**The sync connection layers side by side.** The same requests, decoder and",
            f"models over urllib3's pool took {shown} the time they took over",
            "a bare `http.client` connection (below 1x: urllib3 is the faster layer).",
            "",
        ]

    def async_tables(self) -> list[str]:
        lines = []
        for workload, title in ASYNC_WORKLOADS.items():

            def k(side: str, variant: str, workload: str = workload) -> Key:
                return (side, variant, workload)

            node, floor, before = (
                k("node", "async"),
                k("python", "floor_async"),
                k("baseline", "async"),
            )
            rows = [
                ("client (AsyncNonAssociationsApi, one instance)", k("python", "async"), node,
                 floor, before),
                ("floor: aiohttp session + compiled reader", floor, node, floor, before),
                ("Node client, one shared instance", node, node, floor, before),
                (f"baseline {self.args.baseline}, one instance", before, node, floor, before),
            ]  # fmt: skip
            lines += [
                f"**{title}, {IN_FLIGHT} in flight**",
                "",
                f"| variant | requests/s, median (min{DASH}max) | spread | vs Node | vs floor "
                "| vs baseline |",
                "|---|---|---|---|---|---|",
                *self._rows(rows, _rate),
                "",
            ]
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
        absent = self.otel["get_one_absent"].median
        for name, mode in rows:
            here = self.otel[f"get_one_{mode}"]
            hooks = self.otel.get(f"hooks_{mode}")
            lines.append(
                f"| {name} | {_cell(here, _micros)} | {_ratio(here.median / absent)} "
                f"| {'not timed' if hooks is None else _cell(hooks, _micros_1)} |"
            )
        return lines

    def construction_table(self) -> list[str]:
        rows = [
            ("NonAssociationsApi(token, config, logger) made and closed", "python"),
            ("Node: new NonAssociationsApi(token, config, logger)", "node"),
            (f"baseline {self.args.baseline}: NonAssociationsApi made and closed", "baseline"),
        ]
        lines = [f"| what | µs, median (min{DASH}max) | vs Node |", "|---|---|---|"]
        node = ("node", "new", "construct")
        for name, side in rows:
            here = (side, "new", "construct")
            figure = self.fig(here)
            if figure is not None:
                lines.append(
                    f"| {name} | {_cell(figure, _micros_1)} | {_ratio(self.ratio(here, node))} |"
                )
        return lines

    def parse_table(self) -> list[str]:
        rows = [
            ("json.loads(body)", "python", "json_loads"),
            (
                "the client's parse: the compiled reader (msgspec), bytes to checked models",
                "python",
                "client_parse",
            ),
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
        dates = ("node", "parse", "parse_dates")
        lines = [
            f"| what | µs, median (min{DASH}max) | vs json.loads "
            "| vs Node JSON.parse + parseDates |",
            "|---|---|---|---|",
        ]
        for name, side, workload in rows:
            here = (side, "parse", workload)
            figure = self.fig(here)
            if figure is not None:
                lines.append(
                    f"| {name} | {_cell(figure, _micros)} | {_ratio(self.ratio(here, loads))} "
                    f"| {_ratio(self.ratio(here, dates))} |"
                )
        return lines

    def memory_rows(self) -> list[str]:
        def kib(key: str) -> str:
            return f"{self.memory[key] / 1024:,.0f} KiB"

        walk = self.memory["walk_peak"] / self.memory["one_page_peak"]
        floor_walk = self.memory["floor_walk_peak"] / self.memory["floor_one_page_peak"]
        return [
            f"| client: one 200-item page fetched and parsed | {kib('one_page_peak')} |",
            f"| client: 2,000-record walk, `iter_non_associations(size=200)` "
            f"| {kib('walk_peak')} ({walk:.2f}x one page) |",
            f"| floor (http.client + compiled reader): one page | {kib('floor_one_page_peak')} |",
            f"| floor: the same walk, page by page "
            f"| {kib('floor_walk_peak')} ({floor_walk:.2f}x one page) |",
        ]

    def capacity_table(self) -> list[str]:
        if not self.capacity:
            return ["Not measured in this run (`--wrk-seconds 0`)."]
        lines = [
            "| route | wrk, 1 connection (req/s) | wrk, 50 connections (req/s) "
            "| fastest client here (req/s) | headroom |",
            "|---|---|---|---|---|",
        ]
        for workload, route in WRK_ROUTE.items():
            rates = [
                1 / figure.median if variant != "async" and variant != "floor_async"
                else figure.median
                for (side, variant, load), figure in self.figures.items()
                if load == workload and variant not in ("parse",)
            ]  # fmt: skip
            if not rates:
                continue
            fastest = max(rates)
            one, fifty = self.capacity[1][route], self.capacity[50][route]
            lines.append(
                f"| {route} | {_rate(one)} | {_rate(fifty)} | {_rate(fastest)} "
                f"| {_ratio(max(one, fifty) / fastest)} |"
            )
        return lines

    # -- targets --

    def targets_table(self) -> list[str]:
        lines = ["| target | measured | threshold | status |", "|---|---|---|---|"]
        for outcome in self.verdict.outcomes:
            status = outcome.status
            shown = (
                f"**{status}**" if status in (analysis.NOT_MET, analysis.NOT_EVIDENCE) else status
            )
            if status == analysis.NOT_EVIDENCE and outcome.within is False:
                shown += " (and outside the threshold)"
            lines.append(
                f"| {outcome.target.name} | {_ratio(outcome.ratio, 3)} "
                f"| {outcome.target.condition} | {shown} |"
            )
        return lines

    def evidence_lines(self) -> list[str]:
        if self.verdict.evidence:
            return [
                "**Evidence.** The run meets the evidence rule (Method): each target is",
                "marked met or not met by its ratio.",
            ]
        return [
            "**Not evidence.** The figures below are written, but no target is marked met,",
            "because:",
            "",
            *(f"- {reason}" for reason in self.verdict.reasons),
        ]

    def profile_section(self) -> list[str]:
        if not self.profiles:
            return []
        lines = [
            "## Profiles behind the targets not met",
            "",
            "cProfile of the Python side of each target whose ratio missed its threshold in",
            f"this run: {self.args.profile_calls:,} calls after a warm-up, the functions that",
            "took the most time of their own. cProfile slows small functions more than",
            "large ones: read the ranking, not the times.",
            "",
        ]
        for name, text in self.profiles.items():
            lines += [f"**{name}**", "", "```text", *text.rstrip().splitlines(), "```", ""]
        return lines

    def history_row(self) -> str:
        def median(key: Key, show: Callable[[float], str]) -> str:
            figure = self.fig(key)
            return "-" if figure is None else show(figure.median)

        def joined(keys: list[Key], show: Callable[[float], str]) -> str:
            return " / ".join(median(key, show) for key in keys)

        walk = self.memory["walk_peak"] / self.memory["one_page_peak"]
        if self.verdict.evidence:
            evidence, met = "yes", f"{self.verdict.met}/{len(self.verdict.outcomes)}"
        else:
            evidence, met = f"no ({len(self.verdict.reasons)} reasons)", "none (not evidence)"
        before = self.ratio(("python", "shared", "get_one"), ("baseline", "shared", "get_one"))
        cells = [
            self.started.strftime("%Y-%m-%d %H:%M"),
            self.change.replace("|", "/"),
            evidence,
            f"{self.load_start:.2f}",
            joined(
                [("python", "shared", "get_one"), ("node", "shared", "get_one"),
                 ("python", "floor", "get_one")],
                _micros,
            ),
            joined(
                [("python", "async", "get_one"), ("node", "async", "get_one"),
                 ("python", "floor_async", "get_one")],
                _rate,
            ),
            joined([("python", "shared", "prisoner_list"), ("node", "shared", "prisoner_list")],
                   _micros),
            joined([("python", "async", "prisoner_list"), ("node", "async", "prisoner_list")],
                   _rate),
            _ratio(self.ratio(("python", "new", "get_one"), ("python", "shared", "get_one"))),
            f"{walk:.2f}x",
            met,
            "-" if before is None else f"{before:.2f}x vs {self.args.baseline}",
        ]  # fmt: skip
        return "| " + " | ".join(cells) + " |"

    # -- the page --

    def method(self) -> list[str]:
        a = self.args
        request = self.request or {"line": "?", "headers": []}
        skipped = self.skipped.get("floor_urllib3")
        floor_note = f" Left out of this run: {skipped}." if skipped else ""
        return [
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
            "- **Both sides warm, in long-lived processes.** One Python worker",
            "  (`python -m benchmarks.worker`) and one Node worker",
            "  (`node benchmarks/node/worker.mjs`) are started once and kept for the whole",
            "  run, as applications are long-lived; the run drives them with one JSON command",
            "  a line. Before any timing, every measurement is run untimed for"
            f" {a.warmup:g} s and at",
            f"  least {a.warmup_requests:,} requests (its first call checked for the right",
            "  record or count), so V8 has optimised the Node client's code and both sides'",
            "  pools are full. The Python worker keeps one event loop for the whole run.",
            "- **Clients.** The Python client is timed through its public API only",
            "  (`NonAssociationsApi`, `AsyncNonAssociationsApi`, `ApiConfig(url)` with default",
            "  pool settings), so the suite measures whatever the facade is. The Node client is",
            f"  `{NODE_CLIENT}` from `benchmarks/node/package-lock.json`, built as its README",
            "  shows: a system token, the DPS API config (`url`, `timeout` 10 s / 30 s,",
            "  `agent`) and a logger. Both log nothing (the Python logger is at WARNING, the",
            "  Node logger discards), so neither pays for log output. `shared` uses one client",
            "  instance for every call; `new` makes one per call, as DPS applications make one",
            "  per user request (the Node client then opens a new connection each time, its",
            "  agent being per instance). Async runs 50 calls in flight on one instance",
            "  (Python: asyncio, 50 tasks; Node: 50 promise chains) and counts requests/s.",
            "- **OpenTelemetry in the main figures.** "
            + (
                "The OpenTelemetry API is installed in this environment (the test dependency "
                "group installs it) with no SDK configured, so the client's figures include its "
                "check for a configured SDK on each call: the second row of the "
                "OpenTelemetry table, not the first."
                if self.otel_api
                else "The OpenTelemetry API is not installed in this environment: the "
                "client's figures are the first row of the OpenTelemetry table."
            ),
            "- **Floors: the client's work without the client.** When the Python worker",
            "  starts it points the sync client at a loopback recorder and captures the",
            "  requests it makes for each workload; the floors send exactly those (for get",
            f"  one: `{request['line']}` with {', '.join(request['headers'])}). `floor`: one",
            "  `http.client.HTTPConnection` kept alive, `response.read()`, the generated",
            "  compiled reader the client uses (`reply_decoders.READERS`: bytes to checked",
            "  models in one msgspec pass). `floor_urllib3`: the same over a",
            "  `urllib3.HTTPConnectionPool` (one connection, `preload_content=True`, no",
            "  retries), for get one and the list: the sync connection layers side by side."
            f"{floor_note}",
            "  `floor_async`: one `aiohttp.ClientSession` with the client's session settings",
            "  (100 connections, 30 s keep-alive, no cookie jar, `auto_decompress=False`, no",
            "  headers of aiohttp's own) without its middleware, default timeouts, the URL",
            "  made once; 50 in flight, `read()`, the same reader. The floors read",
            "  no response headers and do not check the content encoding (nginx sends none).",
            "  The httpx variants of earlier runs (`raw`) are dropped: the client no longer",
            "  sends through httpx unless given `transport=`.",
            "- **Rounds.** "
            f"{a.rounds} rounds; each times every measurement once for {a.seconds:g} s, after",
            f"  an untimed lead-in of {a.lead_in:g} s (so a window does not start with",
            "  reconnecting what the keep-alive timers closed while the other worker ran).",
            "  Within a round each workload's variants run side by side, Python and Node",
            "  alternating; odd rounds run in reverse order, so drift in machine speed falls",
            "  on both sides. Figures are medians over the rounds, with the lowest and",
            "  highest in brackets; spread is (highest - lowest) / median. Ratios are of",
            "  medians of this run. Lower is better for times, higher for requests/s.",
            "- **Evidence rule.** A run is evidence only when the 1-minute load average at",
            f"  the start is at most {analysis.MAX_LOAD:.1f}, other processes used at most"
            f" {analysis.MAX_OTHER_CPU:.0%} of a",
            "  core on average while it ran (the machine's CPU time from `/proc/stat` less the",
            "  suite's own processes'), every figure a target depends on spreads by at most",
            f"  {analysis.MAX_SPREAD:.0%}, and it has at least {analysis.MIN_ROUNDS} rounds of"
            f" at least {analysis.MIN_SECONDS:g} s after a",
            f"  warm-up of at least {analysis.MIN_WARMUP_SECONDS:g} s and"
            f" {analysis.MIN_WARMUP_REQUESTS:,} requests. Otherwise the figures",
            '  are written but every target is "not evidence", never "met", and the page goes',
            "  to `.benchmarks/benchmarks-unverified.md` (or `--output`), never to",
            "  `docs/benchmarks.md`.",
            "- **Baseline** (`--baseline REV`). A third worker imports the client from a",
            "  temporary `git worktree` of REV (its `facade` and `generated` first on",
            "  PYTHONPATH, this venv's packages) and runs `shared`, `new` and `async` in the",
            "  same rounds: the vs baseline column is this revision over it."
            + (f" This run: {self.baseline}." if self.baseline else " Not used in this run."),
            "- **Memory.** In a process of its own: `tracemalloc` peak, above what was",
            "  allocated before, while fetching and parsing one 200-item page, and while",
            "  walking all 2,000 records with `iter_non_associations(size=200)`, each record",
            "  dropped once looked at (a streaming consumer); the same through the sync floor.",
            "  Both after one untraced walk, so imports and pools are not counted.",
            "- **OpenTelemetry.** In a process of its own, sync get one on a shared instance",
            f"  in three modes, {a.otel_turns} turns after a warm-up turn, the order rotating",
            "  each turn, so machine drift falls on all three: the client's path without",
            "  OpenTelemetry (as without the `otel` extra), the API installed with no SDK",
            "  configured, and the SDK's tracer and meter providers on (a batch span",
            "  processor whose exporter drops every span, a metric reader nobody reads). The",
            "  same three for the telemetry hooks alone, the calls the retry layer makes for a",
            "  one-try call without any I/O, which a busy machine's noise does not drown.",
            "- **Parse.** The 200-item prisoner list body (the recorded file), no I/O:",
            "  `json.loads` alone is the yardstick; the client's parse, bytes to checked",
            "  models by the compiled reader its replies use; the generated package's own",
            "  way, `PrisonerNonAssociations.from_dict` alone on a body decoded beforehand",
            "  (only `from_dict` timed) and `from_dict(json.loads(body))`, which check no",
            "  types. Node's `JSON.parse` and the client's own",
            "  `parseDates` per item for comparison.",
        ]

    def page(self, history: analysis.History) -> str:
        a = self.args
        when = self.started.strftime("%Y-%m-%d %H:%M %Z").strip()
        facts = []
        for title, table in self.facts.items():
            facts += [f"**{title}**", "", "| | |", "|---|---|"]
            facts += [f"| {key} | {value} |" for key, value in table.items()]
            facts.append("")
        lines = [
            "# Benchmarks: the Python client against the Node client",
            "",
            "Written by `make bench` (`benchmarks/run.py`) from one run; do not edit by hand",
            "except the History table, which each run keeps and adds a row to. The section on",
            "the targets not met comes from `benchmarks/known.md`.",
            "",
            f"Measured {when}: {a.rounds} round(s) of {a.seconds:g} s per measurement after a",
            f"warm-up of {a.warmup:g} s each, both sides warm; load average {self.load}."
            + (f" {a.note}" if a.note else ""),
            "",
            f"Commit measured: {self.change}"
            + (f"; baseline: {self.baseline}" if self.baseline else ""),
            "",
            *self.evidence_lines(),
            "",
            "## Targets",
            "",
            "Ratios of medians in this run (issue 21). Times: the client's over the other's,",
            "lower is better; requests/s: the client's over the other's, higher is better.",
            "",
            *self.targets_table(),
            "",
            "## What is known about the targets not met",
            "",
            *self.known.strip().splitlines(),
            "",
            *self.profile_section(),
            "## Method",
            "",
            *self.method(),
            "",
            "## Results",
            "",
            "Spread in bold: above the evidence rule's"
            f" {analysis.MAX_SPREAD:.0%}. vs floor: over the http.client floor",
            "(sync) or the aiohttp floor (async) of the same workload.",
            "",
            "### Sync calls, one at a time",
            "",
            *self.sync_tables(),
            "### Async: 50 calls in flight",
            "",
            *self.async_tables(),
            "### OpenTelemetry overhead (sync get one, one shared instance)",
            "",
            *self.otel_table(),
            "",
            "### Making a client",
            "",
            *self.construction_table(),
            "",
            "### Starting up",
            "",
            "Whole fresh processes (`benchmarks/startup.py`), median wall time of"
            f" {STARTUP_RUNS} runs after one,",
            "and the time `python -X importtime` counts for the package and what it loaded",
            "(on import, and later when a name is first used).",
            "",
            *self.startup,
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
            f"`wrk -t1`, {a.wrk_seconds} s per route, against the same nginx after the rounds.",
            "The fastest client is the best median rate any variant reached on that route;",
            "headroom is nginx's best rate over it (above 1x: the server was not the limit).",
            "",
            *self.capacity_table(),
            "",
            "## Machine and versions",
            "",
            *facts,
            *analysis.history_section(history, self.history_row()),
        ]
        return "\n".join(lines)


def profile_summary(path: str, rows: int = 14) -> str:
    """The functions that took the most time of their own, from a .prof file."""
    text = io.StringIO()
    stats = pstats.Stats(path, stream=text).strip_dirs().sort_stats("tottime")
    stats.print_stats(rows)
    body = text.getvalue()
    start = body.find("   ncalls")
    head = next((line.strip() for line in body.splitlines() if "function calls" in line), "")
    table = body[start:] if start >= 0 else body
    return f"{head}\n{table}".strip()


# --- entry point --------------------------------------------------------------------------


def serve_settings(url: str, root: Path) -> dict[str, Any]:
    return {
        "url": url,
        "id": bodies.NON_ASSOCIATION_ID,
        "prisoner": bodies.PRISONER_NUMBER,
        "between": list(bodies.BETWEEN),
        "listSize": bodies.LIST_SIZE,
        "pageSize": bodies.PAGE_SIZE,
        "walkRecords": bodies.WALK_RECORDS,
        "bodiesDir": str(root / "bodies"),
    }


@dataclass
class Measured:
    """What one run measured, before it is judged."""

    figures: dict[Key, Figure]
    memory: dict[str, int]
    otel: dict[str, Figure]
    capacity: dict[int, dict[str, float]]
    sizes: dict[str, int]
    hello: dict[str, Any]
    profiles: dict[str, str] = field(default_factory=dict)
    startup: list[str] = field(default_factory=list)


def measure(args: argparse.Namespace, verdict_of: Callable[[Measured], Verdict]) -> Measured:
    """The rounds with the warm workers, then memory and OpenTelemetry in processes of
    their own, the profiles of the targets missed, and wrk: all against one nginx."""
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as directory,
        tempfile.TemporaryDirectory(prefix="bench-baseline-") as elsewhere,
    ):
        root = Path(directory)
        with baseline_tree(args.baseline, Path(elsewhere)) as tree, server.nginx(root) as url:
            settings = serve_settings(url, root)
            with workers(settings, tree) as running:
                offered = set().union(*(worker.offers for worker in running.values()))
                order = order_for(offered)
                print(f"nginx at {url}; {len(order)} measurements; warming up ...", flush=True)
                warm_up(running, order, args)
                results = run_rounds(running, order, args)
                hello = running["python"].hello
            print("memory, OpenTelemetry ...", flush=True)
            memory = run_job("memory", settings)
            otel = run_job(
                "otel",
                {**settings, "turns": args.otel_turns, "warmup": args.warmup,
                 "seconds": args.seconds},
            )  # fmt: skip
            from benchmarks import startup

            print("start-up ...", flush=True)
            started_up = startup.table(
                startup.measure(dict(os.environ), STARTUP_RUNS),
                startup.measure(baseline_env(tree), STARTUP_RUNS) if tree is not None else None,
            )
            served = root / "bodies"
            measured = Measured(
                figures=analysis.figures_of(results),
                memory=memory,
                otel={name: Figure.of(values) for name, values in otel.items()},
                capacity={},
                sizes={
                    "one": (served / bodies.GET_ONE).stat().st_size,
                    "list": (served / bodies.PRISONER_LIST).stat().st_size,
                    "page": (served / bodies.page_file(0)).stat().st_size,
                },
                hello=hello,
                startup=started_up,
            )
            if not args.no_profiles:
                measured.profiles = missed_profiles(verdict_of(measured), settings, args)
            if args.wrk_seconds > 0:
                print("wrk capacity ...", flush=True)
                measured.capacity = {
                    connections: server.wrk_capacity(url, root, connections, args.wrk_seconds)
                    for connections in (1, 50)
                }
    return measured


def missed_profiles(
    verdict: Verdict, settings: dict[str, Any], args: argparse.Namespace
) -> dict[str, str]:
    """Profiles of the Python side of each target whose ratio missed its threshold
    (whether or not the run is evidence), by title."""
    missed = [o for o in verdict.outcomes if o.within is False and o.target.profiles]
    loops = sorted({loop for outcome in missed for loop in outcome.target.profiles})
    if not loops:
        return {}
    print(f"profiles of {', '.join(loops)} ...", flush=True)
    written = run_job(
        "profile",
        {**settings, "profile_dir": str(PROFILE_DIR), "profile_calls": args.profile_calls,
         "loops": loops},
    )  # fmt: skip
    return {
        f"{outcome.target.name}: `{loop}`": profile_summary(written[loop])
        for outcome in missed
        for loop in outcome.target.profiles
    }


def benchmark(args: argparse.Namespace) -> None:
    check_node()
    load_before = os.getloadavg()
    cpu = CpuClock()
    started = datetime.datetime.now().astimezone()
    print(f"load average at the start: {load_before[0]:.2f}", flush=True)

    def conditions(other_cpu: float | None = None) -> analysis.Conditions:
        return analysis.Conditions(
            load_at_start=load_before[0],
            rounds=args.rounds,
            seconds=args.seconds,
            warmup_seconds=args.warmup,
            warmup_requests=args.warmup_requests,
            other_cpu=other_cpu,
        )

    measured = measure(args, lambda m: analysis.verdict(m.figures, m.memory, conditions()))
    load_after = os.getloadavg()
    other_cpu, stolen = cpu.since()
    verdict = analysis.verdict(measured.figures, measured.memory, conditions(other_cpu))
    load = (
        f"{load_before[0]:.2f}, {load_before[1]:.2f}, {load_before[2]:.2f} at the start; "
        f"{load_after[0]:.2f}, {load_after[1]:.2f}, {load_after[2]:.2f} at the end "
        "(the suite's own load)"
    )
    other = "not known (no /proc/stat)" if other_cpu is None else f"{other_cpu:.0%} of a core"
    facts = {
        "Machine": {
            **machine(),
            "load average (1, 5, 15 min)": load,
            "CPU used by other processes during the run, on average": other,
            "CPU stolen by the hypervisor during the run": f"{stolen:.0%} of a core",
            "wall time of the run": f"{time.monotonic() - args.clock:.0f} s",
        },
        "Versions": versions(),
    }
    baseline = None
    if args.baseline:
        baseline = _output(["git", "log", "-1", "--format=%h %s", args.baseline])
    report = Report(
        started=started,
        args=args,
        figures=measured.figures,
        memory=measured.memory,
        otel=measured.otel,
        capacity=measured.capacity,
        facts=facts,
        sizes=measured.sizes,
        load_start=load_before[0],
        load=f"{load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end",
        change=args.change or default_change(),
        verdict=verdict,
        request=measured.hello.get("request"),
        skipped=measured.hello.get("skipped", {}),
        profiles=measured.profiles,
        known=KNOWN.read_text(encoding="utf-8") if KNOWN.is_file() else "(no benchmarks/known.md)",
        baseline=baseline,
        otel_api=bool(measured.hello.get("opentelemetry_api")),
        startup=measured.startup,
    )
    write(report, Path(args.output))


def write(report: Report, output: Path) -> None:
    """The page, where it may go: a run that is no evidence never writes the docs' page.
    History comes from the docs' page whichever file is written."""
    verdict = report.verdict
    if not verdict.evidence and output.resolve() == DOC.resolve():
        output = UNVERIFIED
    text = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.page(analysis.read_history(text)), encoding="utf-8")
    for outcome in verdict.outcomes:
        shown = outcome.status.upper() if outcome.status != analysis.MET else outcome.status
        print(f"  {shown:<13} {outcome.target.name}: {_ratio(outcome.ratio, 3)} "
              f"({outcome.target.condition})")  # fmt: skip
    if verdict.evidence:
        print(f"evidence: yes; wrote {output}")
        return
    print("NOT EVIDENCE: no target is marked met, because:")
    for reason in verdict.reasons:
        print(f"  - {reason}")
    print(f"wrote {output}" + (" (not docs/benchmarks.md)" if output == UNVERIFIED else ""))


def profile(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as directory:
        root = Path(directory)
        with server.nginx(root) as url:
            settings = {
                **serve_settings(url, root),
                "profile_dir": str(PROFILE_DIR),
                "profile_calls": args.profile_calls,
                "loops": args.profile_loops,
            }
            written = run_job("profile", settings)
    for name, path in written.items():
        print(f"{name}: {path} (and {Path(path).with_suffix('.txt')}, the top functions)")
    print(f"read with: {sys.executable} -m pstats FILE, or snakeviz FILE")


def main() -> None:
    from benchmarks.py_client import PROFILED

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--seconds", type=float, default=0.5, help="seconds timed per round")
    parser.add_argument(
        "--warmup", type=float, default=3.0, help="seconds of warm-up per measurement"
    )
    parser.add_argument(
        "--warmup-requests", type=int, default=2000, help="requests of warm-up, at least"
    )
    parser.add_argument(
        "--lead-in", type=float, default=0.1, help="untimed seconds before each timed window"
    )
    parser.add_argument("--baseline", metavar="REV", help="also time the client at REV")
    parser.add_argument(
        "--output",
        default=str(DOC),
        help="where the page goes (a run that is no evidence never writes docs/benchmarks.md)",
    )
    parser.add_argument("--change", help="what changed since the last run (History)")
    parser.add_argument(
        "--note",
        default="",
        help="a sentence on the conditions (a quiet or busy machine), for the report's header",
    )
    parser.add_argument("--otel-turns", type=int, default=10)
    parser.add_argument("--wrk-seconds", type=int, default=2, help="0 leaves wrk out")
    parser.add_argument(
        "--no-profiles", action="store_true", help="no profiles of the targets missed"
    )
    parser.add_argument("--profile", action="store_true", help="profile instead of timing")
    parser.add_argument("--profile-calls", type=int, default=2000)
    parser.add_argument(
        "--profile-loops",
        nargs="+",
        choices=sorted(PROFILED),
        default=list(PROFILE_LOOPS),
        help="what --profile profiles",
    )
    args = parser.parse_args()
    args.clock = time.monotonic()
    if args.profile:
        profile(args)
    else:
        benchmark(args)


if __name__ == "__main__":
    main()
