"""Times one Python variant over every workload; run.py starts one process per variant.

    python -m benchmarks.py_client VARIANT SETTINGS_JSON

Prints {workload: {"value": ..., "calls": ...}} as JSON: seconds per call for the sync
variants and the parse timings, requests per second for the async ones. Each workload
is checked once (right record count), warmed up, then timed for a fixed duration. The
calls go through the facade's public API only, so the suite measures whatever the facade
is; the parse timing also takes the client's reply type, for the decoder replies use.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import json
import logging
import pstats
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    NonAssociationsApi,
    PrisonerNonAssociations,
)
from hmpps_non_associations_api._wire import WireReply

from benchmarks import bodies

TOKEN = "bench-system-token"
IN_FLIGHT = 50
FLAGS = {"includeOpen": "true", "includeClosed": "false"}
LIST_PARAMS = {
    **FLAGS,
    "includeOtherPrisons": "false",
    "sortBy": "WHEN_CREATED",
    "sortDirection": "DESC",
}

# The client logs each request at info; the application here logs warnings and up, as the
# Node side's logger discards everything: neither pays for writing log lines.
LOGGER = logging.getLogger("benchmark")
LOGGER.setLevel(logging.WARNING)


def expect(got: int, wanted: int, what: str) -> None:
    if got != wanted:
        raise RuntimeError(f"{what}: got {got} records, expected {wanted}")


def timed(call: Callable[[], int], wanted: int, settings: dict[str, Any]) -> dict[str, float]:
    """Seconds per call after a warm-up, over a fixed duration."""
    expect(call(), wanted, "first call")
    warm_until = time.perf_counter() + settings["warmup"]
    while time.perf_counter() < warm_until:
        call()
    calls = 0
    started = time.perf_counter()
    stop_at = started + settings["duration"]
    while True:
        call()
        calls += 1
        now = time.perf_counter()
        if now >= stop_at:
            break
    return {"value": (now - started) / calls, "calls": calls}


async def in_flight(
    call: Callable[[], Awaitable[int]], wanted: int, settings: dict[str, Any]
) -> dict[str, float]:
    """Requests per second with IN_FLIGHT calls outstanding at all times."""
    expect(await call(), wanted, "first call")
    calls = 0

    async def worker(stop_at: float) -> None:
        nonlocal calls
        while time.perf_counter() < stop_at:
            await call()
            calls += 1

    warm_until = time.perf_counter() + settings["warmup"]
    await asyncio.gather(*(worker(warm_until) for _ in range(IN_FLIGHT)))
    calls = 0
    started = time.perf_counter()
    await asyncio.gather(*(worker(started + settings["duration"]) for _ in range(IN_FLIGHT)))
    return {"value": calls / (time.perf_counter() - started), "calls": calls}


def _walk(api: NonAssociationsApi) -> int:
    return sum(1 for _ in api.iter_non_associations(size=bodies.PAGE_SIZE))


def facade_workloads(make: Callable[[], NonAssociationsApi], per_call: bool) -> dict[str, Any]:
    """The workloads through the sync facade: one instance shared, or one per call."""
    shared = make()

    def use(action: Callable[[NonAssociationsApi], int]) -> Callable[[], int]:
        if not per_call:
            return lambda: action(shared)

        def fresh() -> int:
            with make() as api:
                return action(api)

        return fresh

    return {
        "get_one": (
            use(lambda api: api.get_non_association(bodies.NON_ASSOCIATION_ID).id),
            bodies.NON_ASSOCIATION_ID,
        ),
        "prisoner_list": (
            use(
                lambda api: len(api.list_non_associations(bodies.PRISONER_NUMBER).non_associations)
            ),
            bodies.LIST_SIZE,
        ),
        "between": (use(lambda api: len(api.list_non_associations_between(bodies.BETWEEN))), 1),
        "page": (
            use(lambda api: len(api.paged_non_associations(page=0, size=bodies.PAGE_SIZE).content)),
            bodies.PAGE_SIZE,
        ),
        "walk": (use(_walk), bodies.WALK_RECORDS),
    }


def raw_workloads(client: httpx.Client) -> dict[str, Any]:
    """The same requests with a plain httpx.Client and json.loads: the floor for httpx."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    page_params = {**FLAGS, "size": str(bodies.PAGE_SIZE)}

    def get(path: str, params: dict[str, str] | None = None) -> Any:
        response = client.get(path, params=params, headers=headers)
        response.raise_for_status()
        return json.loads(response.content)

    def between() -> int:
        response = client.post(
            "/non-associations/between", params=FLAGS, json=list(bodies.BETWEEN), headers=headers
        )
        response.raise_for_status()
        return len(json.loads(response.content))

    def walk() -> int:
        count, number = 0, 0
        while True:
            page = get("/non-associations", {**page_params, "page": str(number)})
            count += len(page["content"])
            if page["last"] or number + 1 >= page["totalPages"]:
                return count
            number += 1

    prisoner_path = f"/prisoner/{bodies.PRISONER_NUMBER}/non-associations"
    return {
        "get_one": (
            lambda: get(f"/non-associations/{bodies.NON_ASSOCIATION_ID}")["id"],
            bodies.NON_ASSOCIATION_ID,
        ),
        "prisoner_list": (
            lambda: len(get(prisoner_path, LIST_PARAMS)["nonAssociations"]),
            bodies.LIST_SIZE,
        ),
        "between": (between, 1),
        "page": (
            lambda: len(get("/non-associations", {**page_params, "page": "0"})["content"]),
            bodies.PAGE_SIZE,
        ),
        "walk": (walk, bodies.WALK_RECORDS),
    }


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
    configured, and the SDK on. Ten turns, the order rotating each turn, so drift in
    machine load falls on all three. Then the same three for the telemetry hooks alone
    (what the retry layer calls for a one-try call, no I/O), which a busy machine's noise
    does not drown."""
    from hmpps_non_associations_api import _telemetry
    from hmpps_non_associations_api._wire import Origin, WireRequest

    modes = {
        "absent": None,
        "api_only": _telemetry.Instruments.using(),
        "sdk": _telemetry.Instruments.using(*otel_sdk()),
    }
    api = NonAssociationsApi(TOKEN, ApiConfig(settings["url"]), LOGGER)
    origin = Origin.of(settings["url"])
    path = f"/non-associations/{bodies.NON_ASSOCIATION_ID}"

    def get_one() -> int:
        return api.get_non_association(bodies.NON_ASSOCIATION_ID).id

    def hooks() -> int:
        request = WireRequest("GET", path, path, {}, None)
        telemetry = _telemetry.start(
            origin, request, "/non-associations/{id}", "get_non_association", False
        )
        if telemetry is not None:
            telemetry.try_started(request.headers, 1)
            telemetry.try_ended()
            telemetry.finished(200, None)
        return bodies.NON_ASSOCIATION_ID

    results: dict[str, Any] = {}
    for workload, action in (("get_one", get_one), ("hooks", hooks)):
        spent = dict.fromkeys(modes, 0.0)
        calls = dict.fromkeys(modes, 0)
        names = list(modes)
        for turn in range(11):  # the first turn warms up and is not counted
            for mode in names[turn % 3 :] + names[: turn % 3]:
                _telemetry.INSTRUMENTS = modes[mode]
                expect(action(), bodies.NON_ASSOCIATION_ID, mode)
                window = settings["warmup"] if turn == 0 else settings["duration"]
                started = time.perf_counter()
                stop_at = started + window / 3
                count = 0
                while True:
                    action()
                    count += 1
                    now = time.perf_counter()
                    if now >= stop_at:
                        break
                if turn:
                    spent[mode] += now - started
                    calls[mode] += count
        for mode in modes:
            results[f"{workload}_{mode}"] = {
                "value": spent[mode] / calls[mode],
                "calls": calls[mode],
            }
    return results


def run_sync(variant: str, settings: dict[str, Any]) -> dict[str, Any]:
    config = ApiConfig(settings["url"])
    if variant == "raw":
        client = httpx.Client(base_url=settings["url"])
        workloads = raw_workloads(client)

        def construct_httpx() -> int:
            httpx.Client().close()
            return 1

        workloads["construct"] = (construct_httpx, 1)
    else:
        per_call = variant == "new"
        workloads = facade_workloads(
            lambda: NonAssociationsApi(TOKEN, config, LOGGER), per_call=per_call
        )
        if per_call:

            def construct() -> int:
                NonAssociationsApi(TOKEN, config, LOGGER).close()
                return 1

            workloads["construct"] = (construct, 1)
    return {name: timed(call, wanted, settings) for name, (call, wanted) in workloads.items()}


async def run_async(variant: str, settings: dict[str, Any]) -> dict[str, Any]:
    if variant == "raw_async":
        headers = {"Authorization": f"Bearer {TOKEN}"}
        client = httpx.AsyncClient(base_url=settings["url"])

        async def get(path: str, params: dict[str, str] | None = None) -> Any:
            response = await client.get(path, params=params, headers=headers)
            response.raise_for_status()
            return json.loads(response.content)

        async def get_one() -> int:
            return int((await get(f"/non-associations/{bodies.NON_ASSOCIATION_ID}"))["id"])

        async def prisoner_list() -> int:
            path = f"/prisoner/{bodies.PRISONER_NUMBER}/non-associations"
            return len((await get(path, LIST_PARAMS))["nonAssociations"])

    else:
        api = AsyncNonAssociationsApi(TOKEN, ApiConfig(settings["url"]), LOGGER)

        async def get_one() -> int:
            return (await api.get_non_association(bodies.NON_ASSOCIATION_ID)).id

        async def prisoner_list() -> int:
            found = await api.list_non_associations(bodies.PRISONER_NUMBER)
            return len(found.non_associations)

    return {
        "get_one": await in_flight(get_one, bodies.NON_ASSOCIATION_ID, settings),
        "prisoner_list": await in_flight(prisoner_list, bodies.LIST_SIZE, settings),
    }


def run_parse(settings: dict[str, Any]) -> dict[str, Any]:
    """Parsing the recorded 200-item prisoner list: json.loads alone (the yardstick); the
    client's parse, bytes to models with the decoder its replies use; from_dict alone on a
    body decoded beforehand; and from_dict over json.loads, as the client parsed before it
    decoded with orjson."""
    body = Path(settings["prisonerListFile"]).read_bytes()
    # The client's reply type, for its decoder: benchmarks belong to the project.
    reply = WireReply(200, "OK", {"content-type": "application/json"}, body)

    def loads() -> int:
        return len(json.loads(body)["nonAssociations"])

    def client_parse() -> int:
        return len(PrisonerNonAssociations.from_dict(reply.json()).non_associations)

    def stdlib_parse() -> int:
        return len(PrisonerNonAssociations.from_dict(json.loads(body)).non_associations)

    return {
        "json_loads": timed(loads, bodies.LIST_SIZE, settings),
        "client_parse": timed(client_parse, bodies.LIST_SIZE, settings),
        "from_dict": timed_from_dict(body, settings),
        "stdlib_parse": timed(stdlib_parse, bodies.LIST_SIZE, settings),
    }


def timed_from_dict(body: bytes, settings: dict[str, Any]) -> dict[str, float]:
    """Seconds per `from_dict` of a freshly decoded body, the decoding left out of the
    time, after a warm-up, over a fixed duration of from_dict time."""

    def once() -> float:
        decoded = json.loads(body)
        started = time.perf_counter()
        parsed = PrisonerNonAssociations.from_dict(decoded)
        spent = time.perf_counter() - started
        expect(len(parsed.non_associations), bodies.LIST_SIZE, "from_dict")
        return spent

    spent = 0.0
    while spent < settings["warmup"]:
        spent += once()
    spent, calls = 0.0, 0
    while spent < settings["duration"]:
        spent += once()
        calls += 1
    return {"value": spent / calls, "calls": calls}


def _traced_peak(action: Callable[[], object]) -> int:
    """Peak bytes traced while `action` runs, above what was allocated before it."""
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    action()
    return tracemalloc.get_traced_memory()[1] - before


def run_memory(settings: dict[str, Any]) -> dict[str, Any]:
    """tracemalloc peaks: fetching and parsing one 200-item page, then the 2,000-record walk
    (each record looked at and dropped, as a streaming consumer would); the same with raw
    httpx and json.loads for comparison."""
    api = NonAssociationsApi(TOKEN, ApiConfig(settings["url"]), LOGGER)
    raw = raw_workloads(httpx.Client(base_url=settings["url"]))
    # imports, pools and connections are made before tracing starts
    expect(_walk(api), bodies.WALK_RECORDS, "walk")
    expect(raw["walk"][0](), bodies.WALK_RECORDS, "raw walk")
    tracemalloc.start()
    try:
        return {
            "one_page_peak": _traced_peak(
                lambda: api.paged_non_associations(page=0, size=bodies.PAGE_SIZE)
            ),
            "walk_peak": _traced_peak(lambda: _walk(api)),
            "raw_one_page_peak": _traced_peak(raw["page"][0]),
            "raw_walk_peak": _traced_peak(raw["walk"][0]),
        }
    finally:
        tracemalloc.stop()


def _write_profile(profiler: cProfile.Profile, target: Path, title: str) -> str:
    profiler.dump_stats(f"{target}.prof")
    with open(f"{target}.txt", "w", encoding="utf-8") as text:
        text.write(f"{title}\n")
        stats = pstats.Stats(profiler, stream=text).strip_dirs()
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(30)
    return f"{target}.prof"


def run_profile(settings: dict[str, Any]) -> dict[str, Any]:
    """cProfile of the sync get-one loop and of the async loop at IN_FLIGHT in flight."""
    out = Path(settings["profile_dir"])
    out.mkdir(parents=True, exist_ok=True)
    config = ApiConfig(settings["url"])
    calls = settings["profile_calls"]

    api = NonAssociationsApi(TOKEN, config, LOGGER)
    for _ in range(200):
        api.get_non_association(bodies.NON_ASSOCIATION_ID)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        api.get_non_association(bodies.NON_ASSOCIATION_ID)
    profiler.disable()
    sync_file = _write_profile(
        profiler, out / "profile-sync-get-one", f"{calls} sync get_non_association calls"
    )

    async def async_loop() -> cProfile.Profile:
        async_api = AsyncNonAssociationsApi(TOKEN, config, LOGGER)

        async def worker(count: int) -> None:
            for _ in range(count):
                await async_api.get_non_association(bodies.NON_ASSOCIATION_ID)

        await asyncio.gather(*(worker(4) for _ in range(IN_FLIGHT)))
        profiler = cProfile.Profile()
        profiler.enable()
        await asyncio.gather(*(worker(calls // IN_FLIGHT) for _ in range(IN_FLIGHT)))
        profiler.disable()
        return profiler

    async_file = _write_profile(
        asyncio.run(async_loop()),
        out / "profile-async-get-one",
        f"{calls} async get_non_association calls, {IN_FLIGHT} in flight",
    )
    return {"sync": sync_file, "async": async_file}


def main() -> None:
    variant, settings = sys.argv[1], json.loads(sys.argv[2])
    if variant in ("raw", "shared", "new"):
        result = run_sync(variant, settings)
    elif variant == "otel":
        result = run_otel(settings)
    elif variant in ("raw_async", "async"):
        result = asyncio.run(run_async(variant, settings))
    elif variant == "parse":
        result = run_parse(settings)
    elif variant == "memory":
        result = run_memory(settings)
    elif variant == "profile":
        result = run_profile(settings)
    else:
        raise SystemExit(f"unknown variant {variant!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
