"""Many callers at once through one ApiConfig, over the fake API's real HTTP server:
2,000 calls from 32 threads, then from 200 asyncio tasks on one loop, a mix of reads and
writes. Not one try may fail, and the server may never see more client connections than
`max_connections` allows."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    Limits,
    NonAssociationsApi,
    Reason,
    RestrictionType,
    Role,
)
from hmpps_non_associations_api.testing import (
    ALL_ROLES,
    FakeApiServer,
    FakeNonAssociationsApi,
    Prisoner,
    mint_token,
)

from tests.reliability.conftest import Recorder

CALLS = 2_000
THREADS = 32
TASKS = 200
MAX_CONNECTIONS = 8
TOKEN = mint_token(roles=ALL_ROLES, username="LOAD_USER")

# One cycle of ten calls a worker repeats: GETs, POSTs, a PATCH and PUTs.
CYCLE = 10


class Connections:
    """Counts the client connections the fake server accepts: distinct client ports, and
    the most open at one moment."""

    def __init__(self, server: FakeApiServer) -> None:
        self.ports: set[int] = set()
        self.open = 0
        self.peak = 0
        self._lock = threading.Lock()
        inner = server._server
        assert inner is not None
        track = inner.track

        def counting(connection: socket.socket, *, open: bool) -> None:
            with self._lock:
                if open:
                    self.ports.add(connection.getpeername()[1])
                    self.open += 1
                    self.peak = max(self.peak, self.open)
                else:
                    self.open -= 1
            track(connection, open=open)

        inner.track = counting  # type: ignore[method-assign]


def numbers(worker: int) -> tuple[str, str]:
    """The worker's own two prisoners, so no worker's writes collide with another's."""
    return f"L{worker:04d}AA", f"M{worker:04d}BB"


@pytest.fixture
def loaded() -> Iterator[tuple[FakeApiServer, Connections]]:
    fake = FakeNonAssociationsApi()
    for worker in range(max(THREADS, TASKS)):
        for number in numbers(worker):
            fake.add_prisoner(
                Prisoner.in_prison(
                    number,
                    "Load",
                    f"Tester{worker}",
                    prison_id="MDI",
                    prison_name="Moorland (HMP & YOI)",
                    cell_location=f"1-1-{worker:03d}",
                )
            )
    with FakeApiServer(fake) as server:
        yield server, Connections(server)


def script(worker: int, calls: int) -> Generator[tuple[str, tuple[Any, ...]], Any, None]:
    """The calls one worker makes, checking each answer: yields (method, args) and is
    sent the result. Shared by the thread and task drivers."""
    first, second = numbers(worker)
    created: Any = None
    for step in range(calls):
        match step % CYCLE:
            case 0:
                request = {
                    "firstPrisonerNumber": first,
                    "firstPrisonerRole": Role.VICTIM,
                    "secondPrisonerNumber": second,
                    "secondPrisonerRole": Role.PERPETRATOR,
                    "reason": Reason.THREAT,
                    "restrictionType": RestrictionType.CELL,
                    "comment": f"worker {worker}",
                }
                created = yield ("create_non_association", (request,))
                assert created.first_prisoner_number == first and created.is_open
            case 1:
                assert (yield ("get_non_association", (created.id,))).id == created.id
            case 2:
                between = yield ("list_non_associations_between", ([first, second],))
                assert [each.id for each in between] == [created.id]
            case 3:
                assert (yield ("list_non_associations", (first,))).open_count == 1
            case 4:
                change = {"comment": f"step {step}"}
                assert (yield ("update_non_association", (created.id, change))).comment == (
                    f"step {step}"
                )
            case 5 | 9:
                closing = {"closedReason": "Load test"}
                assert (yield ("close_non_association", (created.id, closing))).is_closed
            case 6:
                reopening = {"reopenReason": "Load test"}
                assert (yield ("reopen_non_association", (created.id, reopening))).is_open
            case 7:
                legacy = yield ("get_legacy_non_association", (created.id,))
                assert legacy.id == created.id
            case 8:
                assert (yield ("constants", ())).keys() >= {"reasons", "roles"}


def shares(workers: int) -> list[int]:
    """CALLS split between the workers as evenly as it goes."""
    return [CALLS // workers + (1 if w < CALLS % workers else 0) for w in range(workers)]


def check(recorder: Recorder, fake: FakeNonAssociationsApi, connections: Connections) -> None:
    assert recorder.tries == CALLS
    failed = [e for e in recorder.responses if e.status is None or e.error or e.attempt != 1]
    assert failed == []
    assert all(200 <= e.status < 300 for e in recorder.responses if e.status is not None)
    assert len(fake.requests) == CALLS
    assert 2 <= len(connections.ports) <= MAX_CONNECTIONS
    assert connections.peak <= MAX_CONNECTIONS


def config(url: str) -> ApiConfig:
    return ApiConfig(
        url,
        limits=Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS),
    )


def test_32_threads_share_the_pool(loaded: tuple[FakeApiServer, Connections]) -> None:
    server, connections = loaded
    shared, recorder = config(server.url), Recorder()

    def work(worker: int, calls: int) -> None:
        steps = script(worker, calls)
        result = None
        try:
            while True:
                method, args = steps.send(result)
                with NonAssociationsApi(TOKEN, shared, plugins=[recorder]) as api:
                    result = getattr(api, method)(*args)
        except StopIteration:
            pass

    started = time.monotonic()
    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(work, w, calls) for w, calls in enumerate(shares(THREADS))]
        for future in futures:
            future.result()
    elapsed = time.monotonic() - started
    check(recorder, server.fake, connections)
    print(f"threads: {CALLS / elapsed:.0f} calls/s, {len(connections.ports)} connections")


async def test_200_tasks_share_the_pool(loaded: tuple[FakeApiServer, Connections]) -> None:
    server, connections = loaded
    shared, recorder = config(server.url), Recorder()

    async def work(worker: int, calls: int) -> None:
        steps = script(worker, calls)
        result = None
        try:
            while True:
                method, args = steps.send(result)
                async with AsyncNonAssociationsApi(TOKEN, shared, plugins=[recorder]) as api:
                    result = await getattr(api, method)(*args)
        except StopIteration:
            pass

    started = time.monotonic()
    await asyncio.gather(*(work(w, calls) for w, calls in enumerate(shares(TASKS))))
    elapsed = time.monotonic() - started
    check(recorder, server.fake, connections)
    print(f"tasks: {CALLS / elapsed:.0f} calls/s, {len(connections.ports)} connections")
