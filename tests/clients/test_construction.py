"""Construction: cheap, validated, sharing one pool per configuration."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import httpx
import pytest
import respx
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncHmppsAuthClient,
    AsyncNonAssociationsApi,
    AuthConfig,
    HmppsAuthClient,
    Limits,
    NonAssociationsApi,
    Timeout,
    aclose_pools,
    close_pools,
)
from hmpps_non_associations_api._transport import _aiohttp as _aio
from hmpps_non_associations_api._transport import _pool
from hmpps_non_associations_api._transport._destination import Destination


def destination(config: ApiConfig) -> Destination:
    return Destination.of(
        config.url, config.limits, config.proxy, config.trust_env, config.verify, config.cert
    )


def sync_pool(config: ApiConfig) -> object:
    return _pool.pool(destination(config))


async def async_session(config: ApiConfig) -> object:
    found = destination(config)
    return (await _aio.loop_sessions()).session(found.limits, found.tls)


async def test_instances_do_not_build_pools_or_ssl_contexts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = ApiConfig("https://api.test")
    sync_pool(config)
    await async_session(config)
    pools, sessions = dict(_pool._pools), dict(_aio._sessions)
    built: list[Any] = []
    monkeypatch.setattr(httpx, "create_ssl_context", lambda *a, **k: built.append(a))
    for _ in range(50):
        NonAssociationsApi("token", config).close()
        await AsyncNonAssociationsApi("token", config).aclose()
    assert built == []
    assert _pool._pools == pools
    assert _aio._sessions == sessions


def test_same_origin_and_settings_share_one_pool() -> None:
    a = ApiConfig("https://one.test")
    b = ApiConfig("https://one.test/", timeout=Timeout(response=1, deadline=2))
    c = ApiConfig("https://one.test", limits=Limits(max_connections=7))
    d = ApiConfig("https://two.test")
    assert sync_pool(a) is sync_pool(b)
    assert sync_pool(a) is not sync_pool(c)
    assert sync_pool(a) is not sync_pool(d)


def test_bad_arguments_fail_at_construction() -> None:
    config = ApiConfig("https://api.test")
    with pytest.raises(ValueError, match="empty"):
        NonAssociationsApi("", config)
    with pytest.raises(TypeError):
        NonAssociationsApi(42, config)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        NonAssociationsApi("token", {"url": "https://api.test"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="http"):
        ApiConfig("api.test")
    with pytest.raises(ValueError, match=r"Timeout.response must be > 0: 0"):
        Timeout(response=0)


def test_a_transport_of_the_other_kind_is_refused_at_construction() -> None:
    config, auth = (
        ApiConfig("http://127.0.0.1:9"),
        AuthConfig("http://127.0.0.1:9/auth", "client", "secret"),
    )
    sync_transport, async_transport = httpx.HTTPTransport(), httpx.AsyncHTTPTransport()
    with pytest.raises(TypeError, match=r"httpx\.BaseTransport, not AsyncHTTPTransport"):
        NonAssociationsApi("token", config, transport=async_transport)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"httpx\.AsyncBaseTransport, not HTTPTransport"):
        AsyncNonAssociationsApi("token", config, transport=sync_transport)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"httpx\.BaseTransport, not AsyncHTTPTransport"):
        HmppsAuthClient(auth, transport=async_transport)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"httpx\.AsyncBaseTransport, not HTTPTransport"):
        AsyncHmppsAuthClient(auth, transport=sync_transport)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not MockRouter"):
        NonAssociationsApi("token", config, transport=respx.mock)  # type: ignore[arg-type]
    NonAssociationsApi("token", config, transport=sync_transport).close()


def test_async_provider_is_refused_by_the_sync_client() -> None:
    async def provider() -> str:
        return "token"

    api = NonAssociationsApi(provider, ApiConfig("http://127.0.0.1:9"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="AsyncNonAssociationsApi"):
        api.constants()


async def test_async_client_awaits_async_provider() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json={"roles": [], "reasons": [], "restrictionTypes": []})

    async def provider() -> str:
        await asyncio.sleep(0)
        return "async-token"

    api = AsyncNonAssociationsApi(
        provider, ApiConfig("http://api.test"), transport=httpx.MockTransport(handler)
    )
    assert await api.constants() == {"roles": [], "reasons": [], "restrictionTypes": []}
    assert seen == ["Bearer async-token"]


def test_from_env() -> None:
    env = {
        "HMPPS_NON_ASSOCIATIONS_API_URL": "https://api.test/",
        "HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE": "5000",
        "HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_DEADLINE": "12000",
    }
    config = ApiConfig.from_env(env)
    assert config == ApiConfig("https://api.test", timeout=Timeout(response=5, deadline=12))
    assert ApiConfig.from_env({"HMPPS_NON_ASSOCIATIONS_API_URL": "http://x"}).timeout == Timeout()
    with pytest.raises(ValueError, match="HMPPS_NON_ASSOCIATIONS_API_URL"):
        ApiConfig.from_env({})
    with pytest.raises(ValueError, match="milliseconds"):
        ApiConfig.from_env({**env, "HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_DEADLINE": "soon"})


def test_subclassing_as_applications_do() -> None:
    class Client(NonAssociationsApi):
        def __init__(self, system_token: str) -> None:
            super().__init__(system_token, ApiConfig("https://api.test"))

    with Client("token") as api:
        assert repr(api) == "Client(url='https://api.test')"


def test_close_pools_starts_afresh() -> None:
    config = ApiConfig("https://pools.test", limits=Limits(max_connections=3))
    first = sync_pool(config)
    close_pools()
    assert sync_pool(config) is not first


async def test_aclose_pools_closes_the_loops_pools() -> None:
    config = ApiConfig("https://pools.test", limits=Limits(max_connections=4))
    first = await async_session(config)
    assert await async_session(config) is first
    await aclose_pools()
    assert first.closed  # type: ignore[attr-defined]
    assert await async_session(config) is not first


def test_a_loop_closes_its_sessions_when_it_shuts_down() -> None:
    config = ApiConfig("https://pools.test", limits=Limits(max_connections=4))
    sessions: list[Any] = []

    async def use() -> None:
        sessions.append(await async_session(config))

    asyncio.run(use())
    assert sessions[0].closed
    assert all(loop.is_closed() is False for loop in _aio._sessions)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_worker_gets_its_own_pool() -> None:
    config = ApiConfig("https://fork.test", limits=Limits(max_connections=5))
    parent_pool = sync_pool(config)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the worker: report whether it sees the parent's pool
        os.close(read)
        os.write(write, b"shared" if sync_pool(config) is parent_pool else b"own")
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        assert answer.read() == b"own"
    os.waitpid(child, 0)
