"""The sync clients on an event loop's thread: each call would block every task on the
loop, so the first such call in the process warns, naming the asyncio clients."""

from __future__ import annotations

import asyncio
import threading
import warnings

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    AuthConfig,
    HmppsAuthClient,
    NonAssociationsApi,
)
from hmpps_non_associations_api._transport import _twins
from hmpps_non_associations_api.testing import FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeAuthServer

from tests.clients.faults import FaultServer


@pytest.fixture(autouse=True)
def not_yet_warned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_twins, "_warned", False)


async def test_the_first_blocking_call_on_a_loop_warns_once(fault_server: FaultServer) -> None:
    api = NonAssociationsApi("token", ApiConfig(fault_server.url))
    with pytest.warns(RuntimeWarning, match="use AsyncNonAssociationsApi") as caught:
        api.get_non_association(42)
        api.get_non_association(42)
    assert len(caught) == 1
    assert caught[0].filename == __file__  # it points at the application's own line
    assert len(fault_server.seen) == 2  # a warning, not a refusal


async def test_a_token_fetch_on_a_loop_warns_too() -> None:
    with FakeAuthServer() as server:
        auth = HmppsAuthClient(AuthConfig(server.url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET))
        with pytest.warns(RuntimeWarning, match="AsyncHmppsAuthClient"):
            auth.get_system_client_token("SOME_USER")


def test_no_warning_off_the_loop(fault_server: FaultServer) -> None:
    api = NonAssociationsApi("token", ApiConfig(fault_server.url))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        api.get_non_association(42)

        async def main() -> None:  # a loop on another thread is no business of this one
            await asyncio.sleep(0)

        worker = threading.Thread(target=asyncio.run, args=(main(),))
        worker.start()
        worker.join()
        api.get_non_association(42)


async def test_the_async_client_never_warns(fault_server: FaultServer) -> None:
    api = AsyncNonAssociationsApi("token", ApiConfig(fault_server.url))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        await api.get_non_association(42)
