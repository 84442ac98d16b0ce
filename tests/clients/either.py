"""Either client behind one callable, so one test body covers the sync and the async
client; and respx routes for what they send."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    NonAssociationsApi,
    SanitisedError,
)

__all__ = ["BASE_URL", "TOKEN", "Runner", "api", "call", "failure", "router"]

BASE_URL = "http://api.test"
TOKEN = "test-token"


class Runner:
    """Calls a method on the sync or the async client and returns its result."""

    def __init__(self, client: NonAssociationsApi | AsyncNonAssociationsApi) -> None:
        self.client = client

    async def __call__(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("iter_"):
            return await self.collect(name, *args, **kwargs)
        result = getattr(self.client, name)(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def collect(self, name: str, *args: Any, **kwargs: Any) -> list[Any]:
        """Every item of an iterating method (`for` or `async for`)."""
        items = getattr(self.client, name)(*args, **kwargs)
        if isinstance(items, AsyncIterator):
            return [item async for item in items]
        assert isinstance(items, Iterator)
        return list(items)


async def call(client: Any, method: str, *args: Any, **kwargs: Any) -> Any:
    """A method of either client, its result awaited when it is a coroutine's."""
    result = getattr(client, method)(*args, **kwargs)
    return await result if inspect.isawaitable(result) else result


async def failure(client: Any, method: str, *args: Any, **kwargs: Any) -> SanitisedError:
    """The SanitisedError a method of either client raises."""
    with pytest.raises(SanitisedError) as caught:
        await call(client, method, *args, **kwargs)
    return caught.value


@pytest.fixture(params=["sync", "async"])
async def api(request: pytest.FixtureRequest) -> AsyncIterator[Runner]:
    """Each client in turn, its requests going to respx routes (an httpx transport)."""
    if request.param == "sync":
        sync_client = NonAssociationsApi(
            TOKEN, ApiConfig(BASE_URL), transport=httpx.HTTPTransport()
        )
        yield Runner(sync_client)
        sync_client.close()
    else:
        async_client = AsyncNonAssociationsApi(
            TOKEN, ApiConfig(BASE_URL), transport=httpx.AsyncHTTPTransport()
        )
        yield Runner(async_client)
        await async_client.aclose()


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=True) as mock:
        yield mock
