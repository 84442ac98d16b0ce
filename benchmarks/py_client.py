"""The Python side of the suite: every variant's workloads, and the one-off jobs.

The long-lived worker (`benchmarks/worker.py`) builds its measurements from here; the
jobs that need a process of their own run as

    python -m benchmarks.py_client memory|otel|profile SETTINGS_JSON

and print their result as one line of JSON.

Variants:

- `shared`, `new`, `async`: the client through its public API only (`NonAssociationsApi`,
  `AsyncNonAssociationsApi`, `ApiConfig(url)`), so the suite measures whatever the facade
  is. Only what revision 4a512bd also had is used, so a baseline worker can run them on
  older code (`--baseline`).
- `floor`: a bare `http.client.HTTPConnection` kept alive, sending the request line and
  headers the client sends (captured from the client itself when the worker starts),
  `read()`, the generated compiled reader (`reply_decoders.READERS`: bytes to checked
  models, as the client reads them): the client's work without the client.
  `floor_urllib3`: the same over a `urllib3.HTTPConnectionPool`.
  `floor_async`: one `aiohttp.ClientSession` with the session settings the client uses,
  50 in flight, `read()`, the same compiled reader.
- `parse`: the 200-item list body decoded and parsed, without I/O.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import http.client
import http.server
import json
import logging
import pstats
import sys
import threading
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from hmpps_non_associations_api import ApiConfig, AsyncNonAssociationsApi, NonAssociationsApi

TOKEN = "bench-system-token"
IN_FLIGHT = 50

# The client's default pool (ApiConfig.limits): the async floor's connector matches it.
POOL_LIMIT = 100
KEEPALIVE_SECONDS = 30.0

# The client logs each request at info; the application here logs warnings and up, as the
# Node side's logger discards everything: neither pays for writing log lines.
LOGGER = logging.getLogger("benchmark")
LOGGER.setLevel(logging.WARNING)

SYNC_WORKLOADS = ("get_one", "prisoner_list", "between", "page", "walk")
ASYNC_WORKLOADS = ("get_one", "prisoner_list", "walk")


def expect(got: int, wanted: int, what: str) -> None:
    if got != wanted:
        raise RuntimeError(f"{what}: got {got} records, expected {wanted}")


@dataclass
class Measurement:
    """One thing the worker times.

    `kind` says how: "sync" calls `call()` one after another (seconds per call), "async"
    keeps IN_FLIGHT calls of the coroutine function `call` outstanding (requests per
    second), "inner" calls `call()`, which returns the seconds it timed itself (seconds
    per call). `wanted` is what the first call must return (a record count or id);
    `requests` how many HTTP requests one call makes (the walk: one a page; a call without
    I/O counts as one), for the warm-up's minimum."""

    variant: str
    workload: str
    kind: str
    call: Callable[[], Any]
    wanted: int
    requests: int = 1

    @property
    def unit(self) -> str:
        return "requests/s" if self.kind == "async" else "s/call"


# --- what the client sends, captured ------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    """One request as the client put it on the wire: method, target (path and query),
    headers in the order sent (Host and Content-Length left out: every HTTP library
    writes those itself) and body."""

    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None

    @property
    def header_dict(self) -> dict[str, str]:
        return dict(self.headers)

    def summary(self) -> dict[str, Any]:
        return {
            "line": f"{self.method} {self.target}",
            "headers": [name for name, _ in self.headers],
        }


_NOT_SENT_BY_HAND = frozenset({"host", "content-length"})


def _served_file(method: str, target: str) -> str | None:
    """Which recorded body answers a request (the routes nginx has, server.py)."""
    parts = urlsplit(target)
    path = parts.path
    if method == "POST" and path == "/non-associations/between":
        return "between.json"
    if method != "GET":
        return None
    if path == "/non-associations":
        page = parse_qs(parts.query).get("page", ["0"])[0]
        return f"pages/{int(page)}.json"
    if path.startswith("/prisoner/") and path.endswith("/non-associations"):
        return "prisoner.json"
    if path.startswith("/non-associations/"):
        return "non-association.json"
    return None


def capture(settings: dict[str, Any]) -> dict[str, list[Sent]]:
    """The requests the sync client makes for each workload, as sent: it is pointed at a
    loopback server that records each request and answers with the recorded body, so the
    floors send exactly what the client does (whatever that is at this revision)."""
    served = Path(settings["bodiesDir"])
    seen: list[Sent] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = tuple(
                (name, value)
                for name, value in self.headers.items()
                if name.lower() not in _NOT_SENT_BY_HAND
            )
            seen.append(Sent(self.command, self.path, headers, body))
            name = _served_file(self.command, self.path)
            reply = (served / name).read_bytes() if name else b"{}"
            self.send_response(200 if name else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    recorder = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    recorder.daemon_threads = True
    thread = threading.Thread(target=recorder.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{recorder.server_address[1]}"
        api = NonAssociationsApi(TOKEN, ApiConfig(url), LOGGER)
        captured: dict[str, list[Sent]] = {}
        for workload, action in facade_actions(settings).items():
            del seen[:]
            expect(action(api), workload_wanted(settings, workload), f"capture {workload}")
            captured[workload] = list(seen)
        return captured
    finally:
        recorder.shutdown()
        recorder.server_close()


def workload_wanted(settings: dict[str, Any], workload: str) -> int:
    """What one call of a workload returns when it worked."""
    return {
        "get_one": settings["id"],
        "prisoner_list": settings["listSize"],
        "between": 1,
        "page": settings["pageSize"],
        "walk": settings["walkRecords"],
    }[workload]


# --- the client ---------------------------------------------------------------------------


def facade_actions(settings: dict[str, Any]) -> dict[str, Callable[[NonAssociationsApi], int]]:
    """Each sync workload as a call on a client."""
    record, prisoner, size = settings["id"], settings["prisoner"], settings["pageSize"]
    between = tuple(settings["between"])

    def walk(api: NonAssociationsApi) -> int:
        return sum(1 for _ in api.iter_non_associations(size=size))

    return {
        "get_one": lambda api: api.get_non_association(record).id,
        "prisoner_list": lambda api: len(api.list_non_associations(prisoner).non_associations),
        "between": lambda api: len(api.list_non_associations_between(between)),
        "page": lambda api: len(api.paged_non_associations(page=0, size=size).content),
        "walk": walk,
    }


def facade_sync(settings: dict[str, Any], variant: str) -> list[Measurement]:
    """`shared`: one client for every call; `new`: a client per call, closed after, as
    DPS applications make one per user request (and the time to make one, `construct`)."""
    config = ApiConfig(settings["url"])

    def make() -> NonAssociationsApi:
        return NonAssociationsApi(TOKEN, config, LOGGER)

    def bind(action: Callable[[NonAssociationsApi], int]) -> Callable[[], int]:
        if variant == "shared":
            return lambda: action(shared)

        def fresh() -> int:
            with make() as api:
                return action(api)

        return fresh

    shared = make()
    found = []
    for workload, action in facade_actions(settings).items():
        call = bind(action)
        requests = settings["walkRecords"] // settings["pageSize"] if workload == "walk" else 1
        wanted = workload_wanted(settings, workload)
        found.append(Measurement(variant, workload, "sync", call, wanted, requests))
    if variant == "new":

        def construct() -> int:
            make().close()
            return 1

        found.append(Measurement(variant, "construct", "sync", construct, 1))
    return found


async def facade_async(settings: dict[str, Any]) -> list[Measurement]:
    """One AsyncNonAssociationsApi on the worker's loop, IN_FLIGHT calls outstanding."""
    api = AsyncNonAssociationsApi(TOKEN, ApiConfig(settings["url"]), LOGGER)
    record, prisoner = settings["id"], settings["prisoner"]

    async def get_one() -> int:
        return (await api.get_non_association(record)).id

    async def prisoner_list() -> int:
        return len((await api.list_non_associations(prisoner)).non_associations)

    async def walk() -> int:
        return sum([1 async for _ in api.iter_non_associations(size=settings["pageSize"])])

    pages = settings["walkRecords"] // settings["pageSize"]
    return [
        Measurement("async", "get_one", "async", get_one, settings["id"]),
        Measurement("async", "prisoner_list", "async", prisoner_list, settings["listSize"]),
        Measurement("async", "walk", "async", walk, settings["walkRecords"], pages),
    ]


# --- the floors ---------------------------------------------------------------------------

_SESSIONS: list[Any] = []
"""The async floor's aiohttp sessions, closed by `close_floor_sessions`."""


async def close_floor_sessions() -> None:
    while _SESSIONS:
        await _SESSIONS.pop().close()


def _drifted(fields: list[str]) -> None:
    raise RuntimeError(f"the recorded bodies hold nulls the document does not allow: {fields}")


def _models() -> dict[str, Callable[[bytes], int]]:
    """Each workload's body read into the generated models by the compiled reader the
    client uses, and what to count in the result."""
    from hmpps_non_associations_api_client.reply_decoders import READERS

    one = READERS["get_non_association"][1]
    listing = READERS["get_prisoner_non_associations"][1]
    between = READERS["get_non_associations_between_prisoners"][1]
    page = READERS["get_non_associations"][1]
    return {
        "get_one": lambda body: one(body, _drifted).id,
        "prisoner_list": lambda body: len(listing(body, _drifted).non_associations),
        "between": lambda body: len(between(body, _drifted)),
        "page": lambda body: len(page(body, _drifted).content),
    }


def _floor_walk(fetch: Callable[[Sent], bytes], pages: list[Sent]) -> Callable[[], int]:
    """The walk as the client makes it: the same page requests, in turn, each page's
    records looked at and dropped."""
    from hmpps_non_associations_api_client.reply_decoders import READERS

    read = READERS["get_non_associations"][1]

    def walk() -> int:
        count = 0
        for sent in pages:
            page = read(fetch(sent), _drifted)
            count += sum(1 for _ in page.content)
            if page.last:
                break
        return count

    return walk


class HttpClientFloor:
    """One http.client connection kept alive: the sync floor."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname or "", parts.port)

    def fetch(self, sent: Sent) -> bytes:
        connection = self.connection
        try:
            connection.request(sent.method, sent.target, sent.body, sent.header_dict)
            response = connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # nginx closed the connection while it sat idle between rounds (its keep-alive
            # timeout), as any kept-alive client meets: connect again, once.
            connection.close()
            connection.request(sent.method, sent.target, sent.body, sent.header_dict)
            response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{sent.method} {sent.target}: {response.status}")
        if response.will_close:
            connection.close()
        return body


class Urllib3Floor:
    """One urllib3 HTTPConnectionPool (one connection, kept alive), bodies preloaded."""

    def __init__(self, url: str) -> None:
        import urllib3

        parts = urlsplit(url)
        self.pool = urllib3.HTTPConnectionPool(
            parts.hostname or "", parts.port, maxsize=1, retries=False
        )

    def fetch(self, sent: Sent) -> bytes:
        response = self.pool.urlopen(
            sent.method,
            sent.target,
            body=sent.body,
            headers=sent.header_dict,
            retries=False,
            redirect=False,
            preload_content=True,
        )
        if response.status != 200:
            raise RuntimeError(f"{sent.method} {sent.target}: {response.status}")
        body: bytes = response.data
        return body


def urllib3_version() -> str | None:
    """urllib3's version, or None where it is not installed (the variant is left out)."""
    try:
        import urllib3
    except ImportError:
        return None
    return str(urllib3.__version__)


def floor_sync(
    settings: dict[str, Any], captured: dict[str, list[Sent]], variant: str = "floor"
) -> list[Measurement]:
    """The sync floor (http.client, or urllib3 for `floor_urllib3`), every workload."""
    fetch = (HttpClientFloor if variant == "floor" else Urllib3Floor)(settings["url"]).fetch
    models = _models()
    found = []
    for workload in SYNC_WORKLOADS:
        sent = captured[workload]
        if workload == "walk":
            call = _floor_walk(fetch, sent)
        else:
            (one,) = sent
            model = models[workload]

            def call(one: Sent = one, model: Callable[[bytes], int] = model) -> int:
                return model(fetch(one))

        wanted = workload_wanted(settings, workload)
        found.append(Measurement(variant, workload, "sync", call, wanted, len(sent)))
    return found


async def floor_async(
    settings: dict[str, Any], captured: dict[str, list[Sent]]
) -> list[Measurement]:
    """The async floor: one aiohttp session, the client's session settings (its pool size
    and keep-alive, no cookie jar, no decompression, no headers of aiohttp's own) without
    its middleware, default timeouts; the URL made once."""
    import aiohttp
    from yarl import URL

    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(
            limit=POOL_LIMIT, limit_per_host=0, keepalive_timeout=KEEPALIVE_SECONDS
        ),
        cookie_jar=aiohttp.DummyCookieJar(),
        auto_decompress=False,
        skip_auto_headers=("User-Agent", "Accept-Encoding"),
    )
    _SESSIONS.append(session)
    base = settings["url"]

    async def fetch(sent: Sent, url: URL, headers: dict[str, str]) -> bytes:
        async with session.request(
            sent.method, url, data=sent.body, headers=headers, allow_redirects=False
        ) as response:
            body = await response.read()
            if response.status != 200:
                raise RuntimeError(f"{sent.method} {sent.target}: {response.status}")
        return body

    def prepared(sent: Sent) -> tuple[Sent, URL, dict[str, str]]:
        return sent, URL(base + sent.target, encoded=True), sent.header_dict

    models = _models()
    found = []
    for workload in ASYNC_WORKLOADS:
        if workload == "walk":
            call = _floor_async_walk(fetch, [prepared(sent) for sent in captured[workload]])
        else:
            (one,) = captured[workload]
            request, model = prepared(one), models[workload]

            async def call(
                request: tuple[Sent, URL, dict[str, str]] = request,
                model: Callable[[bytes], int] = model,
            ) -> int:
                return model(await fetch(*request))

        wanted = workload_wanted(settings, workload)
        requests = len(captured[workload])
        found.append(Measurement("floor_async", workload, "async", call, wanted, requests))
    return found


def _floor_async_walk(
    fetch: Callable[..., Awaitable[bytes]], pages: list[tuple[Any, ...]]
) -> Callable[[], Awaitable[int]]:
    """The async walk as the client makes it: the same page requests, in turn, each
    page's records looked at and dropped."""
    from hmpps_non_associations_api_client.reply_decoders import READERS

    read = READERS["get_non_associations"][1]

    async def walk() -> int:
        count = 0
        for request in pages:
            page = read(await fetch(*request), _drifted)
            count += sum(1 for _ in page.content)
            if page.last:
                break
        return count

    return walk


# --- parsing, without I/O -------------------------------------------------------------------


def parse(settings: dict[str, Any]) -> list[Measurement]:
    """The recorded 200-item prisoner list: json.loads alone (the yardstick); the client's
    parse, bytes to checked models by the compiled reader its replies use; from_dict
    alone on a body decoded beforehand (only from_dict timed); from_dict over
    json.loads, the generated package's own way."""
    from hmpps_non_associations_api import PrisonerNonAssociations
    from hmpps_non_associations_api_client.reply_decoders import READERS

    body = (Path(settings["bodiesDir"]) / "prisoner.json").read_bytes()
    read = READERS["get_prisoner_non_associations"][1]
    size = settings["listSize"]

    def loads() -> int:
        return len(json.loads(body)["nonAssociations"])

    def client_parse() -> int:
        return len(read(body, _drifted).non_associations)

    def stdlib_parse() -> int:
        return len(PrisonerNonAssociations.from_dict(json.loads(body)).non_associations)

    def from_dict_alone() -> float:
        decoded = json.loads(body)
        started = time.perf_counter()
        parsed = PrisonerNonAssociations.from_dict(decoded)
        spent = time.perf_counter() - started
        expect(len(parsed.non_associations), size, "from_dict")
        return spent

    return [
        Measurement("parse", "json_loads", "sync", loads, size),
        Measurement("parse", "client_parse", "sync", client_parse, size),
        Measurement("parse", "from_dict", "inner", from_dict_alone, 0),
        Measurement("parse", "stdlib_parse", "sync", stdlib_parse, size),
    ]


# --- timing ---------------------------------------------------------------------------------


def run_for(measurement: Measurement, seconds: float, min_requests: int = 0) -> dict[str, float]:
    """Run a sync or inner measurement for `seconds` and at least `min_requests` requests
    (the warm-up's minimum; never past ten times `seconds` plus a minute). Returns its value
    (seconds per call), the calls made and the time taken."""
    call, per_call = measurement.call, measurement.requests
    inner = measurement.kind == "inner"
    calls, spent = 0, 0.0
    started = time.perf_counter()
    stop_at = started + seconds
    give_up = started + seconds * 10 + 60
    while True:
        result = call()
        if inner:
            spent += result
        calls += 1
        now = time.perf_counter()
        if now >= stop_at and (calls * per_call >= min_requests or now >= give_up):
            break
    elapsed = now - started
    return {"value": (spent if inner else elapsed) / calls, "calls": calls, "elapsed": elapsed}


async def run_in_flight(
    measurement: Measurement, seconds: float, min_requests: int = 0
) -> dict[str, float]:
    """IN_FLIGHT chains of calls for `seconds` (and at least `min_requests` requests);
    calls per second (a walk's call makes one request a page)."""
    call: Callable[[], Awaitable[int]] = measurement.call
    per_call, calls = measurement.requests, 0
    started = time.perf_counter()
    stop_at = started + seconds
    give_up = started + seconds * 10 + 60

    async def chain() -> None:
        nonlocal calls
        while True:
            now = time.perf_counter()
            if now >= stop_at and (calls * per_call >= min_requests or now >= give_up):
                return
            await call()
            calls += 1

    await asyncio.gather(*(chain() for _ in range(IN_FLIGHT)))
    elapsed = time.perf_counter() - started
    return {"value": calls / elapsed, "calls": calls, "elapsed": elapsed}


# --- one-off jobs: memory, OpenTelemetry, profiles -----------------------------------------


def _traced_peak(action: Callable[[], object]) -> int:
    """Peak bytes traced while `action` runs, above what was allocated before it."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    action()
    return tracemalloc.get_traced_memory()[1] - before


def run_memory(settings: dict[str, Any]) -> dict[str, Any]:
    """tracemalloc peaks: fetching and parsing one 200-item page, then the 2,000-record walk
    (each record looked at and dropped, as a streaming consumer would); the same through
    the sync floor (http.client, orjson, from_dict) for comparison."""
    api = NonAssociationsApi(TOKEN, ApiConfig(settings["url"]), LOGGER)
    actions = facade_actions(settings)
    floor = {m.workload: m.call for m in floor_sync(settings, capture(settings))}
    # imports, pools and connections are made before tracing starts
    expect(actions["walk"](api), settings["walkRecords"], "walk")
    expect(floor["walk"](), settings["walkRecords"], "floor walk")
    tracemalloc.start()
    try:
        return {
            "one_page_peak": _traced_peak(lambda: actions["page"](api)),
            "walk_peak": _traced_peak(lambda: actions["walk"](api)),
            "floor_one_page_peak": _traced_peak(floor["page"]),
            "floor_walk_peak": _traced_peak(floor["walk"]),
        }
    finally:
        tracemalloc.stop()


def otel_sdk() -> tuple[Any, Any]:
    """OpenTelemetry's SDK as an application sets it up, tracing and metrics on, with a
    span exporter that drops everything and a metric reader nobody reads: what remains is
    the cost of being traced. Returns the tracer and meter providers."""
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class Dropped(SpanExporter):
        def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(BatchSpanProcessor(Dropped()))
    return tracer_provider, MeterProvider(metric_readers=[InMemoryMetricReader()])


def run_otel(settings: dict[str, Any]) -> dict[str, Any]:
    """Sync get one on one shared instance, in one process, alternating between: no
    OpenTelemetry (the client's path without the `otel` extra), the API with no SDK
    configured, and the SDK on. A warm-up turn, then `turns` turns, the order rotating
    each turn, so drift in machine load falls on all three. Then the same three for the
    telemetry hooks alone (what the call's observer points call for a one-try call, no
    I/O), which a busy machine's noise does not drown. Each mode's figure per turn."""
    from hmpps_non_associations_api._call import _telemetry
    from hmpps_non_associations_api._transport._wire import Origin, WireRequest

    modes = {
        "absent": None,
        "api_only": _telemetry.Instruments.using(),
        "sdk": _telemetry.Instruments.using(*otel_sdk()),
    }
    api = NonAssociationsApi(TOKEN, ApiConfig(settings["url"]), LOGGER)
    origin = Origin.of(settings["url"])
    path = f"/non-associations/{settings['id']}"

    def get_one() -> int:
        return api.get_non_association(settings["id"]).id

    class OneTry:
        """What the observers see of a one-try call (`_observers.CallView`)."""

        attempt = 1
        method = "GET"
        template = "/non-associations/{id}"
        last_failure = ""

        def __init__(self) -> None:
            self.path = path
            self.request = WireRequest("GET", path, path, {}, None)

    def hooks() -> int:
        call = OneTry()
        telemetry = _telemetry.start(
            origin, call.request, call.template, "get_non_association", False
        )
        if telemetry is not None:
            telemetry.request(call)
            telemetry.reply(call, 200, None, 0.0)
            telemetry.finish(call, 200, None, None)
        return settings["id"]

    results: dict[str, list[float]] = {}
    names = list(modes)
    timed_actions = [("get_one", get_one)]
    try:  # the hooks are private and may have moved since this was written
        for mode in modes.values():
            _telemetry.INSTRUMENTS = mode
            hooks()
        timed_actions.append(("hooks", hooks))
    except (AttributeError, TypeError) as exc:
        print(f"telemetry hooks not timed: {exc!r}", file=sys.stderr)
    for workload, action in timed_actions:
        measurement = Measurement("otel", workload, "sync", action, settings["id"])
        for turn in range(settings["turns"] + 1):  # the first turn warms up
            for mode in names[turn % 3 :] + names[: turn % 3]:
                _telemetry.INSTRUMENTS = modes[mode]
                expect(action(), settings["id"], mode)
                window = settings["warmup"] if turn == 0 else settings["seconds"]
                timed = run_for(measurement, window)
                if turn:
                    results.setdefault(f"{workload}_{mode}", []).append(timed["value"])
    return results


def _write_profile(profiler: cProfile.Profile, target: Path, title: str) -> str:
    profiler.dump_stats(f"{target}.prof")
    with open(f"{target}.txt", "w", encoding="utf-8") as text:
        text.write(f"{title}\n")
        stats = pstats.Stats(profiler, stream=text).strip_dirs()
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(30)
    return f"{target}.prof"


PROFILED = {
    "sync_get_one": ("shared", "get_one"),
    "new_get_one": ("new", "get_one"),
    "sync_prisoner_list": ("shared", "prisoner_list"),
    "floor_get_one": ("floor", "get_one"),
    "floor_prisoner_list": ("floor", "prisoner_list"),
    "async_get_one": ("async", "get_one"),
    "async_prisoner_list": ("async", "prisoner_list"),
    "floor_async_get_one": ("floor_async", "get_one"),
    "floor_async_prisoner_list": ("floor_async", "prisoner_list"),
}
"""The loops `profile` can profile: name -> (variant, workload)."""


def run_profile(settings: dict[str, Any]) -> dict[str, Any]:
    """cProfile of each loop named in settings["loops"] (PROFILED): `profile_calls` calls
    after a warm-up of a few hundred, written as .prof and .txt under `profile_dir`."""
    out = Path(settings["profile_dir"])
    out.mkdir(parents=True, exist_ok=True)
    calls = settings["profile_calls"]
    captured = capture(settings)
    loop = asyncio.new_event_loop()
    built: dict[tuple[str, str], Measurement] = {}
    wanted = {PROFILED[name][0] for name in settings["loops"]}
    for variant in wanted:
        if variant in ("shared", "new"):
            measurements = facade_sync(settings, variant)
        elif variant == "floor":
            measurements = floor_sync(settings, captured)
        elif variant == "async":
            measurements = loop.run_until_complete(facade_async(settings))
        else:
            measurements = loop.run_until_complete(floor_async(settings, captured))
        built.update({(m.variant, m.workload): m for m in measurements})

    async def in_flight(call: Callable[[], Awaitable[int]], count: int) -> None:
        async def chain() -> None:
            for _ in range(count):
                await call()

        await asyncio.gather(*(chain() for _ in range(IN_FLIGHT)))

    written = {}
    for name in settings["loops"]:
        measurement = built[PROFILED[name]]
        profiler = cProfile.Profile()
        if measurement.kind == "async":
            loop.run_until_complete(in_flight(measurement.call, 8))
            profiler.enable()
            loop.run_until_complete(in_flight(measurement.call, max(1, calls // IN_FLIGHT)))
            profiler.disable()
            title = f"{calls} calls, {IN_FLIGHT} in flight: {measurement.variant} {name}"
        else:
            for _ in range(200):
                measurement.call()
            profiler.enable()
            for _ in range(calls):
                measurement.call()
            profiler.disable()
            title = f"{calls} calls one after another: {measurement.variant} {name}"
        written[name] = _write_profile(profiler, out / f"profile-{name.replace('_', '-')}", title)
    loop.run_until_complete(close_floor_sessions())
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    return written


def main() -> None:
    job, settings = sys.argv[1], json.loads(sys.argv[2])
    if job == "memory":
        result = run_memory(settings)
    elif job == "otel":
        result = run_otel(settings)
    elif job == "profile":
        result = run_profile(settings)
    else:
        raise SystemExit(f"unknown job {job!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
