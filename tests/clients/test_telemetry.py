"""OpenTelemetry: one CLIENT span and one duration measurement per call, trace context in
every try's headers, no personal data, no second span from HTTP instrumentation.

Spans and metrics go to the SDK's in-memory exporter and reader, through providers that
replace the client's instruments for one test (the global providers stay unset, so other
tests are not traced). Every test talks over loopback sockets to the fault server, by the
default connections and by an injected httpx transport, sync and async.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import attrs
import httpx
import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    ClientError,
    NonAssociationsApi,
    ServerError,
    Timeout,
    TransportError,
)
from hmpps_non_associations_api._call import _telemetry
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.context import _SUPPRESS_HTTP_INSTRUMENTATION_KEY
from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import HistogramDataPoint, InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from tests.clients.either import call, failure
from tests.clients.faults import FaultServer, Reply
from tests.conftest import ROOT

TOKEN = "eyJhbGciOiJub25lIn0.c2VjcmV0LXRva2VuLXBheWxvYWQ.sig"
PRISONER = "A1234BC"
FAST = Timeout(response=2.0, deadline=5.0)
PATHS = ["sync", "async", "sync-httpx", "async-httpx"]
DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]


@attrs.define
class Telemetry:
    spans: InMemorySpanExporter
    reader: InMemoryMetricReader
    tracer_provider: TracerProvider
    meter_provider: MeterProvider

    def finished(self) -> list[ReadableSpan]:
        return list(self.spans.get_finished_spans())

    def span(self) -> ReadableSpan:
        (span,) = self.finished()
        return span

    def durations(self) -> list[HistogramDataPoint]:
        data = self.reader.get_metrics_data()
        if data is None:
            return []
        points: list[HistogramDataPoint] = []
        for resource in data.resource_metrics:
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == "http.client.request.duration":
                        assert metric.unit == "s"
                        points += metric.data.data_points  # type: ignore[arg-type]
        return points


@pytest.fixture
def otel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Telemetry]:
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    meter_provider = MeterProvider(metric_readers=[reader])
    instruments = _telemetry.Instruments.using(tracer_provider, meter_provider)
    monkeypatch.setattr(_telemetry, "INSTRUMENTS", instruments)
    yield Telemetry(spans, reader, tracer_provider, meter_provider)
    meter_provider.shutdown()
    tracer_provider.shutdown()


def make(path: str, url: str, token: Any = TOKEN, **kwargs: Any) -> Any:
    config = kwargs.pop("config", None) or ApiConfig(url, timeout=FAST)
    if path.endswith("httpx"):
        kwargs["transport"] = (
            httpx.HTTPTransport() if path.startswith("sync") else httpx.AsyncHTTPTransport()
        )
    cls = NonAssociationsApi if path.startswith("sync") else AsyncNonAssociationsApi
    return cls(token, config, **kwargs)


def traceparent(span: ReadableSpan) -> str:
    context = span.get_span_context()
    assert context is not None
    assert context.trace_flags.sampled
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{context.trace_flags:02x}"


def base_attributes(
    server: FaultServer, template: str, operation: str, method: str = "GET"
) -> dict[str, Any]:
    return {
        "http.request.method": method,
        "url.template": template,
        "server.address": "127.0.0.1",
        "server.port": int(server.url.rsplit(":", 1)[1]),
        "hmpps.non_associations.operation": operation,
    }


def everything_recorded(telemetry: Telemetry) -> str:
    """Every span name, attribute, event and status, and every metric point, as text."""
    parts = []
    for span in telemetry.finished():
        parts.append(span.name)
        parts.append(json.dumps(dict(span.attributes or {}), default=str))
        parts.append(str(span.status.description))
        for event in span.events:
            parts.append(event.name + json.dumps(dict(event.attributes or {}), default=str))
    for point in telemetry.durations():
        parts.append(json.dumps(dict(point.attributes or {}), default=str))
    return "\n".join(parts)


# --- spans --------------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
async def test_a_call_is_one_client_span_following_the_conventions(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    result = await call(make(path, fault_server.url), "get_non_association", 42)
    assert result.id == 42
    span = otel.span()
    assert span.name == "GET /non-associations/{id}"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    assert dict(span.attributes or {}) == {
        **base_attributes(fault_server, "/non-associations/{id}", "get_non_association"),
        "http.response.status_code": 200,
    }
    assert span.events == ()
    assert span.instrumentation_scope is not None
    assert span.instrumentation_scope.name == "hmpps_non_associations_api"


@pytest.mark.parametrize("path", PATHS)
async def test_trace_context_reaches_the_server_in_every_try(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(503, body=None), Reply(502, body=None), Reply()]
    await call(make(path, fault_server.url), "get_non_association", 42)
    span = otel.span()
    sent = [seen.headers.get("traceparent") for seen in fault_server.seen]
    assert sent == [traceparent(span)] * 3
    assert all("authorization" in seen.headers for seen in fault_server.seen)


@pytest.mark.parametrize("path", PATHS)
async def test_the_span_is_a_child_of_the_applications_span(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    tracer = otel.tracer_provider.get_tracer("application")
    with tracer.start_as_current_span("GET /prisoner/view") as parent:
        await call(make(path, fault_server.url), "get_non_association", 42)
    client, application = otel.finished()
    assert application.name == "GET /prisoner/view"
    assert client.parent is not None
    assert client.parent.span_id == parent.get_span_context().span_id
    assert client.context is not None
    assert client.context.trace_id == parent.get_span_context().trace_id


@pytest.mark.parametrize("path", PATHS)
async def test_retries_are_events_and_resend_count_on_the_span(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(503, body=None), Reply()]
    await call(make(path, fault_server.url), "get_non_association", 42)
    span = otel.span()
    assert span.status.status_code is StatusCode.UNSET
    attributes = dict(span.attributes or {})
    assert attributes["http.request.resend_count"] == 1
    assert attributes["http.response.status_code"] == 200
    assert "error.type" not in attributes
    (event,) = span.events
    assert event.name == "hmpps.non_associations.retry"
    retry = dict(event.attributes or {})
    delay = retry.pop("hmpps.non_associations.retry.delay")
    assert isinstance(delay, float) and 0 <= delay <= 0.1
    assert retry == {
        "http.request.resend_count": 1,
        "http.response.status_code": 503,
        "error.type": "503",
    }


@pytest.mark.parametrize("path", PATHS)
async def test_5xx_after_every_retry_is_an_error_span(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(503, body=None)]
    error = await failure(make(path, fault_server.url), "get_non_association", 42)
    assert isinstance(error, ServerError)
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    assert span.status.description is None
    attributes = dict(span.attributes or {})
    assert attributes["http.response.status_code"] == 503
    assert attributes["error.type"] == "503"
    assert attributes["http.request.resend_count"] == 2
    assert [dict(e.attributes or {})["http.request.resend_count"] for e in span.events] == [1, 2]
    assert len(fault_server.seen) == 3


@pytest.mark.parametrize("path", PATHS)
async def test_4xx_is_an_error_on_a_client_span(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    body = {"status": 404, "userMessage": "Not found", "developerMessage": "Not found"}
    fault_server.script = [Reply(404, body=body)]
    error = await failure(make(path, fault_server.url), "get_non_association", 42)
    assert isinstance(error, ClientError)
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    assert dict(span.attributes or {}) == {
        **base_attributes(fault_server, "/non-associations/{id}", "get_non_association"),
        "http.response.status_code": 404,
        "error.type": "404",
    }
    assert span.events == ()


@pytest.mark.parametrize("path", PATHS)
async def test_writes_name_their_method_and_operation(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(500, body=None)]
    request = {"closedReason": "Moved on"}
    await failure(make(path, fault_server.url), "close_non_association", 42, request)
    span = otel.span()
    assert span.name == "PUT /non-associations/{id}/close"
    assert dict(span.attributes or {}) == {
        **base_attributes(
            fault_server, "/non-associations/{id}/close", "close_non_association", "PUT"
        ),
        "http.response.status_code": 500,
        "error.type": "500",
    }
    assert len(fault_server.seen) == 1


@pytest.mark.parametrize("path", PATHS)
async def test_a_redirect_is_an_error_named_by_its_status(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(302, body=None, headers={"Location": "http://elsewhere/"})]
    await failure(make(path, fault_server.url), "get_non_association", 42)
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    attributes = dict(span.attributes or {})
    assert (attributes["http.response.status_code"], attributes["error.type"]) == (302, "302")


REFUSED = {
    "sync": "ConnectionRefusedError",
    "async": "ClientConnectorError",
    "sync-httpx": "ConnectError",
    "async-httpx": "ConnectError",
}


@pytest.mark.parametrize("path", PATHS)
async def test_connection_refused_is_named_by_the_library_exception(
    path: str, closed_port: int, otel: Telemetry
) -> None:
    api = make(path, f"http://127.0.0.1:{closed_port}")
    error = await failure(api, "get_non_association", 42)
    assert isinstance(error, TransportError)
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == REFUSED[path]
    assert "http.response.status_code" not in attributes
    assert attributes["http.request.resend_count"] == 2
    assert {dict(e.attributes or {})["error.type"] for e in span.events} == {REFUSED[path]}


# Not the default async path: on this branch aiohttp still resends a GET on a dropped
# connection by itself, so the retry layer never sees the drop (the faults branch turns
# that off; this path can join the list once it is merged).
@pytest.mark.parametrize("path", ["sync", "sync-httpx", "async-httpx"])
async def test_a_dropped_connection_then_success(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(drop=True), Reply()]
    await call(make(path, fault_server.url), "get_non_association", 42)
    span = otel.span()
    assert span.status.status_code is StatusCode.UNSET
    (event,) = span.events
    retry = dict(event.attributes or {})
    assert "http.response.status_code" not in retry
    kind = retry["error.type"]
    assert isinstance(kind, str) and kind.isidentifier() and kind != "_OTHER"


@pytest.mark.parametrize("path", PATHS)
async def test_timeouts_then_the_deadline(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(delay=5)]
    config = ApiConfig(fault_server.url, timeout=Timeout(response=0.3, deadline=0.8))
    error = await failure(make(path, fault_server.url, config=config), "get_non_association", 42)
    assert isinstance(error, TransportError)
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    attributes = dict(span.attributes or {})
    # the deadline itself, or the last try's timeout when no backoff fitted before it
    kind = str(attributes["error.type"])
    assert kind == "deadline_exceeded" or "Timeout" in kind
    assert (kind == "deadline_exceeded") == error.message.startswith("Deadline")
    assert "http.response.status_code" not in attributes
    assert span.events, "at least one try timed out and was retried"
    for event in span.events:
        assert "Timeout" in str(dict(event.attributes or {})["error.type"])
    assert span.end_time is not None and span.start_time is not None
    elapsed = (span.end_time - span.start_time) / 1e9
    assert 0.29 * len(span.events) <= elapsed < 1.5  # each retried try waited 0.3 s
    assert elapsed >= 0.79 or kind != "deadline_exceeded"


@pytest.mark.parametrize("path", ["sync", "async"])
async def test_a_failing_token_provider_ends_the_span_with_its_error(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    def broken() -> str:
        raise RuntimeError("no token today")

    with pytest.raises(RuntimeError):
        await call(make(path, fault_server.url, token=broken), "get_non_association", 42)
    span = otel.span()
    assert span.status.status_code is StatusCode.ERROR
    assert dict(span.attributes or {})["error.type"] == "RuntimeError"
    assert fault_server.seen == []
    (point,) = otel.durations()
    assert dict(point.attributes or {})["error.type"] == "RuntimeError"


# --- personal data and secrets --------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
async def test_no_prisoner_number_or_token_recorded_by_default(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(503, body=None), Reply(body={"a": 1})]
    await failure(make(path, fault_server.url), "list_non_associations", PRISONER)
    recorded = everything_recorded(otel)
    span = otel.span()
    assert span.name == "GET /prisoner/{prisonerNumber}/non-associations"
    assert "url.full" not in (span.attributes or {})
    assert fault_server.seen[0].path.startswith(f"/prisoner/{PRISONER}/")  # it was sent
    for secret in (PRISONER, TOKEN, "Bearer", "/prisoner/A"):
        assert secret not in recorded


@pytest.mark.parametrize("path", ["sync", "async"])
async def test_subject_access_identifiers_stay_out_of_the_span(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(204, body=None)]
    await call(make(path, fault_server.url), "subject_access_request", prn=PRISONER)
    assert f"prn={PRISONER}" in fault_server.seen[0].path
    assert PRISONER not in everything_recorded(otel)


@pytest.mark.parametrize("path", PATHS)
async def test_full_url_only_when_the_application_opts_in(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    config = ApiConfig(fault_server.url, timeout=FAST, trace_full_url=True)
    fault_server.script = [Reply(body={"a": 1})]
    await failure(make(path, fault_server.url, config=config), "list_non_associations", PRISONER)
    full = dict(otel.span().attributes or {})["url.full"]
    assert full == fault_server.url + fault_server.seen[0].path
    assert isinstance(full, str) and f"/prisoner/{PRISONER}/non-associations?" in full
    (point,) = otel.durations()
    assert "url.full" not in (point.attributes or {})


# --- metrics ------------------------------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
async def test_one_duration_measurement_per_call(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    fault_server.script = [Reply(503, body=None), Reply(), Reply(), Reply(404, body=None)]
    api = make(path, fault_server.url)
    await call(api, "get_non_association", 42)  # two tries, one call
    await call(api, "get_non_association", 42)
    await failure(api, "get_non_association", 42)
    assert len(fault_server.seen) == 4
    points = {tuple(sorted((point.attributes or {}).items())): point for point in otel.durations()}
    base = base_attributes(fault_server, "/non-associations/{id}", "get_non_association")
    ok = tuple(sorted({**base, "http.response.status_code": 200}.items()))
    not_found = tuple(
        sorted({**base, "http.response.status_code": 404, "error.type": "404"}.items())
    )
    assert set(points) == {ok, not_found}
    assert points[ok].count == 2
    assert points[not_found].count == 1
    assert list(points[ok].explicit_bounds) == DURATION_BUCKETS
    spans = otel.finished()
    assert len(spans) == 3
    seconds = [(s.end_time or 0) / 1e9 - (s.start_time or 0) / 1e9 for s in spans[:2]]
    assert points[ok].sum == pytest.approx(sum(seconds), abs=0.02)


def test_histogram_without_bucket_advice_on_older_apis() -> None:
    made: list[dict[str, Any]] = []

    class OldMeter:
        """create_histogram as opentelemetry-api before 1.30 has it."""

        def create_histogram(self, name: str, unit: str = "", description: str = "") -> Any:
            made.append({"name": name, "unit": unit})
            return object()

    _telemetry.duration_histogram(OldMeter())  # type: ignore[arg-type]
    assert made == [{"name": "http.client.request.duration", "unit": "s"}]


# --- other instrumentation ---------------------------------------------------------------


async def test_other_http_instrumentation_is_suppressed_during_each_try(
    fault_server: FaultServer, otel: Telemetry
) -> None:
    seen: list[tuple[object, trace.Span]] = []

    class Watching(httpx.BaseTransport):
        def __init__(self) -> None:
            self.inner = httpx.HTTPTransport()

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(
                (
                    otel_context.get_value(_SUPPRESS_HTTP_INSTRUMENTATION_KEY),
                    trace.get_current_span(),
                )
            )
            return self.inner.handle_request(request)

    fault_server.script = [Reply(503, body=None), Reply()]
    api = NonAssociationsApi(TOKEN, ApiConfig(fault_server.url, timeout=FAST), transport=Watching())
    api.get_non_association(42)
    span = otel.span()
    assert [(flag, current.get_span_context()) for flag, current in seen] == [
        (True, span.get_span_context())
    ] * 2
    assert otel_context.get_value(_SUPPRESS_HTTP_INSTRUMENTATION_KEY) is None
    assert trace.get_current_span() is trace.INVALID_SPAN


@pytest.mark.parametrize("path", ["sync-httpx", "async-httpx"])
async def test_no_second_span_from_httpx_instrumentation(
    path: str, fault_server: FaultServer, otel: Telemetry
) -> None:
    instrumentor = HTTPXClientInstrumentor()
    instrumentor.instrument(tracer_provider=otel.tracer_provider)
    try:
        # the instrumentation is live: a plain httpx request through a transport gets a span
        with httpx.Client(transport=httpx.HTTPTransport()) as plain:
            plain.get(fault_server.url + "/non-associations/42")
        (httpx_span,) = otel.finished()
        assert httpx_span.instrumentation_scope is not None
        assert "httpx" in httpx_span.instrumentation_scope.name
        otel.spans.clear()
        fault_server.seen.clear()

        await call(make(path, fault_server.url), "get_non_association", 42)
    finally:
        instrumentor.uninstrument()
    span = otel.span()
    assert span.name == "GET /non-associations/{id}"
    assert fault_server.seen[0].headers["traceparent"] == traceparent(span)


async def test_no_second_span_from_aiohttp_instrumentation(
    fault_server: FaultServer, otel: Telemetry
) -> None:
    import aiohttp

    instrumentor = AioHttpClientInstrumentor()
    instrumentor.instrument(tracer_provider=otel.tracer_provider)
    try:
        async with aiohttp.ClientSession() as plain, plain.get(fault_server.url) as response:
            await response.read()
        (aiohttp_span,) = otel.finished()
        assert aiohttp_span.instrumentation_scope is not None
        assert "aiohttp" in aiohttp_span.instrumentation_scope.name
        otel.spans.clear()
        fault_server.seen.clear()

        await call(make("async", fault_server.url), "get_non_association", 42)
    finally:
        instrumentor.uninstrument()
    span = otel.span()
    assert span.name == "GET /non-associations/{id}"
    assert fault_server.seen[0].headers["traceparent"] == traceparent(span)


# --- without an SDK, without the package ------------------------------------------------


@pytest.mark.parametrize("path", PATHS)
async def test_nothing_sent_or_recorded_while_no_sdk_is_configured(
    path: str, fault_server: FaultServer
) -> None:
    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)
    instruments = _telemetry.INSTRUMENTS
    assert instruments is not None and not instruments.live()
    await call(make(path, fault_server.url), "get_non_association", 42)
    assert "traceparent" not in fault_server.seen[0].headers


CONFIGURED_LATER = """
import json

from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from hmpps_non_associations_api import ApiConfig, NonAssociationsApi
from tests.clients.faults import FaultServer

server = FaultServer()
api = NonAssociationsApi("token", ApiConfig(server.url))


def points(reader):
    data = reader.get_metrics_data()
    if data is None:
        return 0
    return sum(
        point.count
        for resource in data.resource_metrics
        for scope in resource.scope_metrics
        for metric in scope.metrics
        for point in metric.data.data_points
        if metric.name == "http.client.request.duration"
    )


api.get_non_association(42)
reader = InMemoryMetricReader()
metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))
api.get_non_association(42)
measured_before_tracing = points(reader)
spans = InMemorySpanExporter()
provider = TracerProvider()
provider.add_span_processor(SimpleSpanProcessor(spans))
trace.set_tracer_provider(provider)
api.get_non_association(42)
server.close()
print(json.dumps({
    "traceparents": ["traceparent" in seen.headers for seen in server.seen],
    "measured_before_tracing": measured_before_tracing,
    "measured": points(reader),
    "spans": [span.name for span in spans.get_finished_spans()],
}))
"""


def _report_of(script: str, **environment: str) -> Any:
    """What a script run in a fresh interpreter printed last, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), **environment},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_providers_configured_after_import_are_used_from_then_on() -> None:
    report = _report_of(CONFIGURED_LATER)
    assert report["traceparents"] == [False, False, True]
    assert report["measured_before_tracing"] == 1
    assert report["measured"] == 2
    assert report["spans"] == ["GET /non-associations/{id}"]


NAMED_IN_THE_ENVIRONMENT = """
import json

from hmpps_non_associations_api import ApiConfig, NonAssociationsApi
from tests.clients.faults import FaultServer

server = FaultServer()
NonAssociationsApi("token", ApiConfig(server.url)).get_non_association(42)
server.close()
print(json.dumps({"traceparents": ["traceparent" in seen.headers for seen in server.seen]}))
"""


def test_a_tracer_provider_named_in_the_environment_is_loaded_and_used() -> None:
    # Nothing configures tracing in code: OpenTelemetry loads the SDK's provider by the
    # entry point OTEL_PYTHON_TRACER_PROVIDER names, the first time one is asked for.
    report = _report_of(NAMED_IN_THE_ENVIRONMENT, OTEL_PYTHON_TRACER_PROVIDER="sdk_tracer_provider")
    assert report["traceparents"] == [True]


def test_without_the_global_it_reads_an_api_version_asks_for_the_provider(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    instruments = _telemetry.Instruments.using()
    assert not instruments.live()
    monkeypatch.delattr(trace, "_TRACER_PROVIDER")
    monkeypatch.setattr(trace, "get_tracer_provider", TracerProvider)
    assert instruments.live()


WITHOUT_OPENTELEMETRY = """
import sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name == "opentelemetry" or name.startswith("opentelemetry."):
            raise ImportError(f"{name} is blocked for this test")
        return None

sys.meta_path.insert(0, Refuse())
for name in [n for n in sys.modules if n.split(".")[0] == "opentelemetry"]:
    del sys.modules[name]

import asyncio
import json

from hmpps_non_associations_api import ApiConfig, AsyncNonAssociationsApi, NonAssociationsApi
from hmpps_non_associations_api._call import _telemetry
from tests.clients.faults import FaultServer, Reply

server = FaultServer()
server.script = [Reply(503, body=None), Reply(), Reply(), Reply(404, body=None)]
config = ApiConfig(server.url)
NonAssociationsApi("token", config).get_non_association(42)
asyncio.run(AsyncNonAssociationsApi("token", config).get_non_association(42))
try:
    NonAssociationsApi("token", config).get_non_association(42)
except Exception as error:
    outcome = type(error).__name__
server.close()
print(json.dumps({
    "installed": _telemetry.INSTALLED,
    "instruments": _telemetry.INSTRUMENTS is not None,
    "modules": sorted(n for n in sys.modules if n.split(".")[0] == "opentelemetry"),
    "headers": sorted({h for seen in server.seen for h in seen.headers}),
    "tries": len(server.seen),
    "last": outcome,
}))
"""


def test_without_opentelemetry_nothing_is_imported_and_calls_work() -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(WITHOUT_OPENTELEMETRY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["installed"] is False
    assert report["instruments"] is False
    assert report["modules"] == []
    assert report["tries"] == 4
    assert report["last"] == "NotFoundError"
    assert "traceparent" not in report["headers"]
    assert "authorization" in report["headers"]
