"""Fixtures for the reliability suite: loopback fault servers, clients whose every try is
counted, and a scan of every log record and exception for the token and secrets."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    NonAssociationsApi,
    Plugin,
    RequestEvent,
    ResponseEvent,
    SanitisedError,
    Timeout,
)

from tests.auth.test_hmpps_auth import BASIC, SECRET
from tests.clients.faults import FaultServer, closed_port, fault_server
from tests.leaks import Scan

__all__ = ["closed_port", "fault_server", "other_server", "probe", "secrets_scanned"]

TOKEN = "eyJhbGciOiJub25lIn0.cmVsaWFiaWxpdHktcGF5bG9hZA.c2lnbmF0dXJl"
"""A JWT-shaped token: it, its payload segment and any Bearer header must never show."""

FAST = Timeout(response=2.0, deadline=5.0)


SCANNED = {TOKEN, TOKEN.split(".")[1], "Bearer ", SECRET, BASIC}
"""The token (JWT-shaped: it, its payload segment and any Bearer header must never
show) and HMPPS Auth's secret and credentials."""


@pytest.fixture(autouse=True)
def secrets_scanned(scan: Scan) -> Scan:
    """Every test: none of them in a log record, exception, repr or traceback."""
    scan.secrets |= SCANNED
    return scan


@pytest.fixture
def other_server() -> Iterator[FaultServer]:
    """A second loopback server, for redirects that must never reach it."""
    server = FaultServer()
    yield server
    server.close()


class Recorder(Plugin):
    """Every try the client makes, as its plugins see them (safe across threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: list[RequestEvent] = []
        self.responses: list[ResponseEvent] = []

    def on_request(self, event: RequestEvent) -> None:
        with self._lock:
            self.requests.append(event)

    def on_response(self, event: ResponseEvent) -> None:
        with self._lock:
            self.responses.append(event)

    @property
    def tries(self) -> int:
        """How many tries were made; each must have both of its events."""
        assert len(self.requests) == len(self.responses)
        assert [e.attempt for e in self.requests] == [e.attempt for e in self.responses]
        return len(self.requests)

    @property
    def outcomes(self) -> list[int | str | None]:
        """Each try's status, or its error."""
        return [e.status if e.status is not None else e.error for e in self.responses]


class Probe:
    """A client (sync or async) bound to one URL, with a recorder and the scan."""

    def __init__(self, kind: str, url: str, scan: Scan, **options: Any) -> None:
        token = options.pop("token", TOKEN)
        timeout = options.pop("timeout", FAST)
        self.kind = kind
        self.recorder = Recorder()
        cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
        config = ApiConfig(url, timeout=timeout, **options)
        self.api: Any = cls(token, config, plugins=[self.recorder])
        self._scan = scan
        scan.texts += [repr(self.api), str(self.api)]

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.api, method)(*args, **kwargs)
        if method == "iter_non_associations":
            if self.kind == "sync":
                return list(result)
            return [item async for item in result]
        return await result if inspect.isawaitable(result) else result

    async def fail(self, method: str, *args: Any, **kwargs: Any) -> SanitisedError:
        """The SanitisedError the call raises (kept for the scan)."""
        with pytest.raises(SanitisedError) as caught:
            await self.call(method, *args, **kwargs)
        return self._scan.exc(caught.value)

    @property
    def tries(self) -> int:
        return self.recorder.tries


@pytest.fixture
def probe(scan: Scan) -> Callable[..., Probe]:
    """`probe(kind, url, timeout=..., token=..., **ApiConfig options)`."""

    def make(kind: str, url: str, **options: Any) -> Probe:
        return Probe(kind, url, scan, **options)

    return make
