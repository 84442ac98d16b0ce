"""The long-lived Python worker: started once per run, kept for the whole run.

    python -m benchmarks.worker SETTINGS_JSON

Reads one JSON command a line on stdin and answers each with one JSON line on stdout:

    {"op": "warm", "variant": "shared", "workload": "get_one", "seconds": 3, "requests": 2000}
        -> {"calls": ..., "elapsed": ...}       first call checked, then run untimed
    {"op": "time", "variant": "shared", "workload": "get_one", "seconds": 0.5, "lead_in": 0.1}
        -> {"value": ..., "calls": ..., "elapsed": ...}
    {"op": "quit"}

`value` is seconds per call, or requests per second for the async variants. The first
line it writes, before any command, lists its measurements and what it imported:
{"ready": true, "measurements": [[variant, workload, unit], ...], "module": ...}. An
error is answered as {"error": "..."} and ends the worker.

SETTINGS_JSON holds the URL, the record numbers the workloads expect (benchmarks/bodies.py),
`bodiesDir` (the served bodies) and `variants`: which to build. A baseline worker
(`run.py --baseline REV`) runs with older client code first on PYTHONPATH and is asked
for the client's variants only (`shared`, `new`, `async`), which use nothing the older
code lacks. The async variants run on one event loop, kept for the whole run.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import sys
import traceback
from typing import Any, TextIO

import hmpps_non_associations_api

from benchmarks import py_client
from benchmarks.py_client import Measurement

CLIENT = ("shared", "new", "async")
FLOORS = ("floor", "floor_urllib3", "floor_async")
EVERY = (*CLIENT, *FLOORS, "parse")


class Worker:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.measurements: dict[tuple[str, str], Measurement] = {}
        self.request: dict[str, Any] | None = None
        self.skipped: dict[str, str] = {}
        self.build(settings.get("variants") or EVERY)

    def build(self, variants: list[str] | tuple[str, ...]) -> None:
        settings = self.settings
        captured = None
        if any(variant in FLOORS for variant in variants):
            captured = py_client.capture(settings)
            self.request = captured["get_one"][0].summary()
        for variant in variants:
            if variant in ("shared", "new"):
                found = py_client.facade_sync(settings, variant)
            elif variant == "async":
                found = self.loop.run_until_complete(py_client.facade_async(settings))
            elif variant == "floor":
                found = py_client.floor_sync(settings, captured or {})
            elif variant == "floor_urllib3":
                if py_client.urllib3_version() is None:
                    self.skipped[variant] = "urllib3 is not installed in this environment"
                    continue
                found = py_client.floor_sync(settings, captured or {}, "floor_urllib3")
                found = [m for m in found if m.workload in ("get_one", "prisoner_list")]
            elif variant == "floor_async":
                found = self.loop.run_until_complete(
                    py_client.floor_async(settings, captured or {})
                )
            elif variant == "parse":
                found = py_client.parse(settings)
            else:
                raise ValueError(f"unknown variant {variant!r}")
            self.measurements.update({(m.variant, m.workload): m for m in found})

    def ready(self) -> dict[str, Any]:
        return {
            "ready": True,
            "measurements": [[m.variant, m.workload, m.unit] for m in self.measurements.values()],
            "module": hmpps_non_associations_api.__file__,
            "pid": os.getpid(),
            "request": self.request,
            "skipped": self.skipped,
            "urllib3": py_client.urllib3_version(),
            "opentelemetry_api": importlib.util.find_spec("opentelemetry") is not None,
        }

    def run(self, measurement: Measurement, seconds: float, min_requests: int) -> dict[str, Any]:
        if measurement.kind == "async":
            return self.loop.run_until_complete(
                py_client.run_in_flight(measurement, seconds, min_requests)
            )
        return py_client.run_for(measurement, seconds, min_requests)

    def first_call(self, measurement: Measurement) -> None:
        """The first call returns what it should (the right record, or count)."""
        if measurement.kind == "inner":
            measurement.call()
            return
        if measurement.kind == "async":
            got = self.loop.run_until_complete(measurement.call())
        else:
            got = measurement.call()
        py_client.expect(got, measurement.wanted, f"{measurement.variant} {measurement.workload}")

    def handle(self, command: dict[str, Any]) -> dict[str, Any]:
        op = command["op"]
        measurement = self.measurements[(command["variant"], command["workload"])]
        if op == "warm":
            self.first_call(measurement)
            warmed = self.run(measurement, command["seconds"], command.get("requests", 0))
            return {"calls": warmed["calls"], "elapsed": warmed["elapsed"]}
        if op == "time":
            if command.get("lead_in"):
                self.run(measurement, command["lead_in"], 0)
            return self.run(measurement, command["seconds"], 0)
        raise ValueError(f"unknown op {op!r}")

    def close(self) -> None:
        self.loop.run_until_complete(py_client.close_floor_sessions())
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.close()


def answer(out: TextIO, message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def main() -> None:
    # The protocol has stdout to itself: anything else printed goes to stderr.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr
    try:
        worker = Worker(json.loads(sys.argv[1]))
    except Exception:
        answer(out, {"error": traceback.format_exc()})
        raise SystemExit(1) from None
    answer(out, worker.ready())
    try:
        for line in sys.stdin:
            command = json.loads(line)
            if command["op"] == "quit":
                break
            try:
                result = worker.handle(command)
            except Exception:
                answer(out, {"error": traceback.format_exc()})
                raise SystemExit(1) from None
            answer(out, result)
    finally:
        worker.close()


if __name__ == "__main__":
    main()
