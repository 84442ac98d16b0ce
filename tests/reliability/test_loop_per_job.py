"""An asyncio worker that runs its event loop only for each job, as scripts and queue
workers do (`run_until_complete` per job)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    RetryPolicy,
    aclose_pools,
)

from tests.clients.faults import FaultServer, Reply


@pytest.mark.parametrize("method", ["get_non_association", "close_non_association"])
def test_a_loop_run_per_job_finds_a_closed_connection_before_sending(
    method: str, fault_server: FaultServer
) -> None:
    """A worker that runs its event loop only while it makes a call (run_until_complete
    per job): the server closes the idle kept-alive connection while the loop is not
    running, so the loop has not seen it yet when the next call starts. The call still
    goes out, on a fresh connection, at its first try: a write (never retried) too."""
    fault_server.script = [Reply(close_after=True), Reply()]
    api = AsyncNonAssociationsApi(
        "a-token", ApiConfig(fault_server.url, retry=RetryPolicy(attempts=1))
    )
    args: tuple[Any, ...] = (42,) if method.startswith("get") else (42, {"closedReason": "r"})
    loop = asyncio.new_event_loop()
    try:
        assert loop.run_until_complete(getattr(api, method)(*args)).id == 42
        time.sleep(0.3)  # the server closes the idle connection; the loop is not running
        assert loop.run_until_complete(getattr(api, method)(*args)).id == 42
    finally:
        loop.run_until_complete(aclose_pools())
        loop.close()
    assert len(fault_server.seen) == 2 and fault_server.connections == 2
