"""OpenTelemetry for each API call, when `opentelemetry-api` is importable (the `otel`
extra): one CLIENT span and one `http.client.request.duration` measurement per call, and
the trace context in the headers of each try.

Without the package nothing is imported and `start` returns None, so the call path pays
one `is None` test per hook. With it, the API's global providers are used; until the
application configures a tracer or meter provider (an SDK) `start` also returns None,
after checking that at the cost of a few attribute reads.

Choices, documented in docs/observability.md:

- One span per call, not per try: the span covers every try and the waits between them
  and ends with the final outcome, so a tracing backend shows one dependency per call.
  Each retry is an event on it, and `http.request.resend_count` says how many tries were
  resent. The server's spans for every try are children of this one span.
- One duration measurement per call, for the same reason, with the span's attributes
  but `url.full` and the resend count; plugins (`ResponseEvent`) see each try for
  whoever needs per-try figures.
- No URL, path, query or exception text on the span unless the application opts in with
  `ApiConfig(trace_full_url=True)`: paths and queries carry prisoner numbers, and library
  exception messages can quote the URL.
- During each try the span is the current one and the standard "suppress HTTP
  instrumentation" context key is set, so httpx, aiohttp, requests or urllib3
  instrumentation does not add a second span for the same request.
"""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Mapping, Sequence
from contextvars import Token
from typing import TYPE_CHECKING, Protocol

from .._errors._exceptions import SanitisedError
from .._transport._wire import Origin, SendError, WireRequest
from ._observers import CallView, Observer

# _SUPPRESS_HTTP_INSTRUMENTATION_KEY: the API offers no public helper for it;
# opentelemetry-instrumentation's suppress_http_instrumentation() sets this same key, and
# the HTTP instrumentations read it.
try:
    from opentelemetry import context as otel_context
    from opentelemetry import metrics, propagate, trace
    from opentelemetry.context import _SUPPRESS_HTTP_INSTRUMENTATION_KEY
except ImportError:  # the `otel` extra is not installed: no telemetry, no cost
    INSTALLED = False
else:
    INSTALLED = True

if TYPE_CHECKING:
    from opentelemetry.context import Context
    from opentelemetry.util.types import AttributeValue


__all__ = [
    "DEADLINE_EXCEEDED",
    "DURATION_BUCKETS",
    "INSTRUMENTS",
    "OPERATION",
    "RETRY_DELAY",
    "RETRY_EVENT",
    "CallTelemetry",
    "Instruments",
    "duration_histogram",
    "start",
]

OPERATION = "hmpps.non_associations.operation"
"""Span and metric attribute: the client method called, e.g. `get_non_association`."""

RETRY_EVENT = "hmpps.non_associations.retry"
"""Span event: a try failed and the call will try again."""

RETRY_DELAY = "hmpps.non_associations.retry.delay"
"""Retry event attribute: seconds the client waits before the next try."""

DEADLINE_EXCEEDED = "deadline_exceeded"
"""`error.type` when the call's own deadline (`Timeout.deadline`) ran out."""

OTHER = "_OTHER"
"""`error.type` for a failure with no exception class to name (the conventions' fallback)."""

DURATION = "http.client.request.duration"
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10)
"""The bucket boundaries the HTTP semantic conventions recommend for this histogram."""

_SCOPE = "hmpps_non_associations_api"


class _Histogram(Protocol):
    def record(
        self, amount: float, attributes: Mapping[str, AttributeValue] | None = None
    ) -> None: ...


class _Meter(Protocol):
    def create_histogram(
        self,
        name: str,
        unit: str = "",
        description: str = "",
        *,
        explicit_bucket_boundaries_advisory: Sequence[float] | None = None,
    ) -> _Histogram: ...


def duration_histogram(meter: _Meter) -> _Histogram:
    """The call duration histogram, with the recommended buckets where the installed API
    takes bucket advice (opentelemetry-api 1.30 and later)."""
    unit, description = "s", "Duration of calls to the Non-associations API, retries included."
    try:
        return meter.create_histogram(
            DURATION, unit, description, explicit_bucket_boundaries_advisory=DURATION_BUCKETS
        )
    except TypeError:
        return meter.create_histogram(DURATION, unit, description)


class Instruments:
    """The tracer and histogram calls report to."""

    __slots__ = ("_live", "duration", "tracer")

    def __init__(self, tracer: trace.Tracer, duration: _Histogram) -> None:
        self.tracer = tracer
        self.duration = duration
        self._live = False

    def live(self) -> bool:
        """Whether anything would be recorded: a real tracer or meter provider is behind
        the instruments, not the API's placeholders. OpenTelemetry sets each global
        provider once and for good, so a yes is kept; until then each call asks again,
        for a fraction of a microsecond."""
        if not self._live:
            self._live = self._measuring() or self._tracing()
        return self._live

    def _tracing(self) -> bool:
        if not isinstance(self.tracer, trace.ProxyTracer):
            return True
        # The global provider, read as `get_tracer_provider()` reads it, without its look
        # in the environment for OTEL_PYTHON_TRACER_PROVIDER (a microsecond a call while
        # nothing is set): `get_tracer` asked for the provider when the instruments were
        # made, which loaded any the environment names, and the tracer is then no proxy.
        provider = getattr(trace, "_TRACER_PROVIDER", _UNREADABLE)
        if provider is _UNREADABLE:
            provider = trace.get_tracer_provider()
        return provider is not None and not isinstance(provider, trace.ProxyTracerProvider)

    def _measuring(self) -> bool:
        # The API's placeholder histogram is given its real instrument when a meter
        # provider is set; any other histogram is a real one.
        return getattr(self.duration, "_real_instrument", True) is not None

    @classmethod
    def using(
        cls,
        tracer_provider: trace.TracerProvider | None = None,
        meter_provider: metrics.MeterProvider | None = None,
    ) -> Instruments:
        """From the given providers; by default the global ones, which the application
        may set up after this module was imported."""
        version = importlib.metadata.version("hmpps-non-associations-api")
        meter = metrics.get_meter(_SCOPE, version, meter_provider)
        return cls(trace.get_tracer(_SCOPE, version, tracer_provider), duration_histogram(meter))


_UNREADABLE = object()
"""A version of the API without the module global `_tracing` reads: ask it instead."""

INSTRUMENTS: Instruments | None = Instruments.using() if INSTALLED else None
"""What every call reports to; None without OpenTelemetry."""


def start(
    origin: Origin, request: WireRequest, template: str, operation: str, full_url: bool
) -> CallTelemetry | None:
    """The telemetry of a call about to start; None without OpenTelemetry, or while the
    application has configured neither tracing nor metrics."""
    instruments = INSTRUMENTS
    if instruments is None or not instruments.live():
        return None
    return CallTelemetry(instruments, origin, request, template, operation, full_url)


class CallTelemetry(Observer):
    """One call's span and duration measurement: an observer of that call alone."""

    __slots__ = ("_attributes", "_duration", "_ended", "_span", "_started", "_token")

    def __init__(
        self,
        instruments: Instruments,
        origin: Origin,
        request: WireRequest,
        template: str,
        operation: str,
        full_url: bool,
    ) -> None:
        url_template = origin.base_path + template
        attributes: dict[str, AttributeValue] = {
            "http.request.method": request.method,
            "url.template": url_template,
            "server.address": origin.host,
            "server.port": origin.port,
            OPERATION: operation,
        }
        on_span = dict(attributes)
        if full_url:
            on_span["url.full"] = origin.url + request.target
        self._attributes = attributes
        self._duration = instruments.duration
        self._span = instruments.tracer.start_span(
            f"{request.method} {url_template}", kind=trace.SpanKind.CLIENT, attributes=on_span
        )
        self._started = time.perf_counter()
        self._token: Token[Context] | None = None
        self._ended = False

    def request(self, call: CallView) -> None:
        """Before each try: the trace context into its headers, the span made current and
        other HTTP instrumentation suppressed until the try's reply."""
        if call.attempt > 1:
            self._span.set_attribute("http.request.resend_count", call.attempt - 1)
        within = trace.set_span_in_context(self._span)
        propagate.inject(call.request.headers, context=within)
        suppressed = otel_context.set_value(_SUPPRESS_HTTP_INSTRUMENTATION_KEY, True, within)
        self._token = otel_context.attach(suppressed)

    def reply(
        self, call: CallView, status: int | None, failure: SendError | None, elapsed: float
    ) -> None:
        """After each try, whatever came of it: the context as it was before the try."""
        self._detach()

    def retry(self, call: CallView, status: int | None, error_type: str, delay: float) -> None:
        """A try failed and another follows after `delay` seconds."""
        event: dict[str, AttributeValue] = {
            "http.request.resend_count": call.attempt,
            "error.type": error_type,
            RETRY_DELAY: delay,
        }
        if status is not None:
            event["http.response.status_code"] = status
        self._span.add_event(RETRY_EVENT, event)

    def finish(
        self,
        call: CallView,
        status: int | None,
        error: SanitisedError | None,
        error_type: str | None,
    ) -> None:
        """The call's outcome: the span ended and the duration recorded (once)."""
        if self._ended:
            return
        self._ended = True
        self._detach()
        outcome: dict[str, AttributeValue] = {}
        if status is not None:
            outcome["http.response.status_code"] = status
        if error_type is not None:
            outcome["error.type"] = error_type
            self._span.set_status(trace.StatusCode.ERROR)
        self._span.set_attributes(outcome)
        self._span.end()
        attributes = {**self._attributes, **outcome}
        self._duration.record(time.perf_counter() - self._started, attributes)

    def _detach(self) -> None:
        token, self._token = self._token, None
        if token is not None:
            otel_context.detach(token)
