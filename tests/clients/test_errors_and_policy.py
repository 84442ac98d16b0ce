"""The error classes applications branch on, and the retry policy they can set."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    ApiTimeoutError,
    AsyncNonAssociationsApi,
    BadRequestError,
    ClientError,
    ConflictError,
    ForbiddenError,
    NonAssociationsApi,
    NotFoundError,
    RateLimitedError,
    RetryPolicy,
    SanitisedError,
    ServerError,
    Timeout,
    TransportError,
    UnauthorisedError,
)

from tests.clients.faults import FaultServer, Reply

BY_STATUS = {
    400: BadRequestError,
    401: UnauthorisedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
    418: ClientError,
    500: ServerError,
    503: ServerError,
}


@pytest.mark.parametrize(("status", "kind"), BY_STATUS.items())
def test_each_status_has_its_class_under_the_node_style_base(
    status: int, kind: type[SanitisedError]
) -> None:
    error = SanitisedError.for_status(status, "reason", "", {})
    assert type(error) is kind
    assert isinstance(error, SanitisedError)
    assert isinstance(error, ServerError if status >= 500 else ClientError)


def test_a_timeout_is_a_transport_error() -> None:
    assert issubclass(ApiTimeoutError, TransportError)


async def _call(kind: str, config: ApiConfig, method: str, *args: Any) -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    result = getattr(cls("token", config), method)(*args)
    return await result if inspect.isawaitable(result) else result


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_404_raises_not_found(kind: str, fault_server: FaultServer) -> None:
    body = {"status": 404, "userMessage": "Gone", "developerMessage": "d", "errorCode": 404}
    fault_server.script = [Reply(404, body=body)]
    with pytest.raises(NotFoundError) as raised:
        await _call(kind, ApiConfig(fault_server.url), "get_non_association", 42)
    assert raised.value.status == 404 and len(fault_server.seen) == 1


FAST = Timeout(response=2, deadline=5)


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(
    ("policy", "replies", "tries", "outcome"),
    [
        (RetryPolicy(attempts=1), [503], 1, ServerError),
        (RetryPolicy(attempts=5, backoff=0), [503, 503, 503, 503, 200], 5, None),
        (RetryPolicy(attempts=5, backoff=0), [503], 5, ServerError),
        (RetryPolicy(retry_statuses={503}, backoff=0), [502], 1, ServerError),
        (RetryPolicy(retry_statuses={503}, backoff=0), [503, 200], 2, None),
    ],
)
async def test_the_policy_decides_the_tries(
    kind: str,
    fault_server: FaultServer,
    policy: RetryPolicy,
    replies: list[int],
    tries: int,
    outcome: type[SanitisedError] | None,
) -> None:
    fault_server.script = [
        Reply(status) if status == 200 else Reply(status, None) for status in replies
    ]
    config = ApiConfig(fault_server.url, timeout=FAST, retry=policy)
    if outcome is None:
        assert (await _call(kind, config, "get_non_association", 42)).id == 42
    else:
        with pytest.raises(outcome):
            await _call(kind, config, "get_non_association", 42)
    assert len(fault_server.seen) == tries


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_writes_are_tried_once_whatever_the_policy(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(503, None)]
    config = ApiConfig(fault_server.url, timeout=FAST, retry=RetryPolicy(attempts=5))
    with pytest.raises(ServerError):
        await _call(kind, config, "close_non_association", 42, {"closedReason": "Moved on"})
    assert len(fault_server.seen) == 1


@pytest.mark.parametrize(
    "arguments",
    [{"attempts": 0}, {"backoff": -1}, {"retry_statuses": {200}}],
)
def test_a_nonsense_policy_is_refused(arguments: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**arguments)


def test_the_default_policy_is_the_node_clients_and_408() -> None:
    """The Node client's statuses, and 408, which openai-python, azure-core and the Node
    rest client all retry too."""
    policy = ApiConfig("http://api.test").retry
    assert policy == RetryPolicy()
    assert (policy.attempts, policy.retry_statuses) == (3, {408, 429, 500, 502, 503, 504})
