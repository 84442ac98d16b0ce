"""Configuration is checked when it is made: a wrong type is a TypeError, a bad or
inconsistent value a ValueError, each naming the field, so a mistake surfaces at
start-up instead of as an AttributeError on the first call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hmpps_non_associations_api import ApiConfig, AuthConfig, Limits, RetryPolicy, Timeout

URL = "https://api.test"
AUTH = "https://auth.test/auth"

CASES = [
    pytest.param(
        lambda: ApiConfig(URL, 5),
        TypeError,
        "ApiConfig.timeout must be a Timeout, not int",
        id="timeout as a number",
    ),
    pytest.param(
        lambda: ApiConfig(URL, retry=3),
        TypeError,
        "ApiConfig.retry must be a RetryPolicy",
        id="retry as a number",
    ),
    pytest.param(
        lambda: ApiConfig(8080),
        TypeError,
        "ApiConfig.url must be a str, not int",
        id="url not a str",
    ),
    pytest.param(
        lambda: ApiConfig(" " + URL),
        ValueError,
        "ApiConfig.url must not hold spaces",
        id="url with a leading space",
    ),
    pytest.param(
        lambda: ApiConfig("https://api.test/a b"),
        ValueError,
        "spaces",
        id="url with a space inside",
    ),
    pytest.param(
        lambda: ApiConfig(URL + "\n"), ValueError, "control characters", id="url with a newline"
    ),
    pytest.param(
        lambda: ApiConfig(URL + "/?x=1"),
        ValueError,
        "without a query or fragment",
        id="url with a query",
    ),
    pytest.param(
        lambda: ApiConfig(URL + "#top"),
        ValueError,
        "without a query or fragment",
        id="url with a fragment",
    ),
    pytest.param(
        lambda: ApiConfig("api.test"),
        ValueError,
        "http(s) URL with a host",
        id="url without a scheme",
    ),
    pytest.param(
        lambda: ApiConfig("ftp://api.test"), ValueError, "http(s) URL", id="url of another scheme"
    ),
    pytest.param(
        lambda: ApiConfig("https://u:p@api.test"),
        ValueError,
        "credentials",
        id="url with credentials",
    ),
    pytest.param(
        lambda: ApiConfig("https://api.test:99999"), ValueError, "port", id="url with a bad port"
    ),
    pytest.param(
        lambda: Limits(max_connections="10"),
        TypeError,
        "Limits.max_connections must be an int",
        id="max_connections as a str",
    ),
    pytest.param(
        lambda: Limits(max_connections=0),
        ValueError,
        "Limits.max_connections must be >= 1: 0",
        id="max_connections of 0",
    ),
    pytest.param(
        lambda: Limits(max_keepalive_connections=True),
        TypeError,
        "max_keepalive_connections",
        id="max_keepalive as a bool",
    ),
    pytest.param(
        lambda: Limits(keepalive_expiry=-1),
        ValueError,
        "Limits.keepalive_expiry must be >= 0: -1",
        id="keepalive_expiry negative",
    ),
    pytest.param(
        lambda: ApiConfig(URL, trace_full_url="yes"),
        TypeError,
        "ApiConfig.trace_full_url must be a bool, not str",
        id="trace_full_url as a str",
    ),
    pytest.param(
        lambda: Timeout(response=0),
        ValueError,
        "Timeout.response must be > 0: 0",
        id="response of 0",
    ),
    pytest.param(
        lambda: Timeout(response="10"),
        TypeError,
        "Timeout.response must be a number of seconds",
        id="response as a str",
    ),
    pytest.param(
        lambda: Timeout(response=float("nan")),
        ValueError,
        "Timeout.response must be finite",
        id="response of NaN",
    ),
    pytest.param(
        lambda: Timeout(deadline=float("inf")),
        ValueError,
        "Timeout.deadline must be finite",
        id="deadline of infinity",
    ),
    pytest.param(
        lambda: Timeout(response=20, deadline=5),
        ValueError,
        "Timeout.deadline (5s) is shorter than Timeout.response (20s)",
        id="deadline below one wait",
    ),
    pytest.param(
        lambda: RetryPolicy(attempts=0),
        ValueError,
        "RetryPolicy.attempts must be >= 1: 0",
        id="attempts of 0",
    ),
    pytest.param(
        lambda: RetryPolicy(attempts=2.0),
        TypeError,
        "RetryPolicy.attempts must be an int",
        id="attempts as a float",
    ),
    pytest.param(
        lambda: RetryPolicy(retry_statuses=503),
        TypeError,
        "RetryPolicy.retry_statuses must be a set",
        id="statuses as one int",
    ),
    pytest.param(
        lambda: RetryPolicy(retry_statuses="503"),
        TypeError,
        "RetryPolicy.retry_statuses must be a set",
        id="statuses as a str",
    ),
    pytest.param(
        lambda: RetryPolicy(retry_statuses=["503"]),
        TypeError,
        "must hold ints, not str",
        id="statuses of str",
    ),
    pytest.param(
        lambda: RetryPolicy(retry_statuses={200}), ValueError, "4xx or 5xx", id="a 2xx status"
    ),
    pytest.param(
        lambda: RetryPolicy(backoff=-0.1),
        ValueError,
        "RetryPolicy.backoff must be >= 0: -0.1",
        id="backoff negative",
    ),
    pytest.param(
        lambda: RetryPolicy(max_backoff=None),
        TypeError,
        "RetryPolicy.max_backoff",
        id="max_backoff as None",
    ),
    pytest.param(
        lambda: AuthConfig(AUTH + "?x", "id", "secret"),
        ValueError,
        "AuthConfig.url",
        id="auth url with a query",
    ),
    pytest.param(
        lambda: AuthConfig(AUTH, None, "secret"),
        TypeError,
        "AuthConfig.client_id must be a str",
        id="client_id as None",
    ),
    pytest.param(
        lambda: AuthConfig(AUTH, "id", ""),
        ValueError,
        "AuthConfig.client_secret must not be empty",
        id="client_secret empty",
    ),
    pytest.param(
        lambda: AuthConfig(AUTH, "id", "s", timeout=5),
        TypeError,
        "AuthConfig.timeout",
        id="auth timeout as a number",
    ),
    pytest.param(
        lambda: AuthConfig(AUTH, "id", "s", limits=5),
        TypeError,
        "AuthConfig.limits must be a Limits",
        id="auth deadline below its timeout",
    ),
    pytest.param(
        lambda: AuthConfig(AUTH, "id", "s", expiry_margin=-1),
        ValueError,
        "AuthConfig.expiry_margin",
        id="expiry_margin negative",
    ),
]


@pytest.mark.parametrize(("make", "kind", "message"), CASES)
def test_a_bad_configuration_is_refused_when_made(
    make: Callable[[], object], kind: type[Exception], message: str
) -> None:
    with pytest.raises(kind) as raised:
        make()
    assert type(raised.value) is kind
    assert message in str(raised.value)


def test_a_secret_is_never_quoted_in_a_refusal() -> None:
    with pytest.raises(TypeError) as raised:
        AuthConfig(AUTH, "id", b"s3cret-bytes")  # type: ignore[arg-type]
    assert "s3cret" not in str(raised.value)


GOOD: list[Callable[[], object]] = [
    lambda: ApiConfig(URL + "/", Timeout(response=5, deadline=5)),
    lambda: ApiConfig("http://127.0.0.1:8080/base", limits=Limits(max_keepalive_connections=0)),
    lambda: ApiConfig("http://[::1]:8080"),
    lambda: Timeout(response=1, deadline=1),
    lambda: RetryPolicy(attempts=1, retry_statuses=(), backoff=0, max_backoff=0),
    lambda: AuthConfig(AUTH, "id", "secret", timeout=Timeout(5, 5), expiry_margin=0),
]


@pytest.mark.parametrize("make", GOOD)
def test_the_checks_let_sound_configurations_through(make: Callable[[], Any]) -> None:
    make()


def test_the_environment_gives_timeouts_that_agree() -> None:
    env = {
        "HMPPS_NON_ASSOCIATIONS_API_URL": URL,
        "HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_RESPONSE": "40000",
    }
    with pytest.raises(ValueError, match=r"TIMEOUT_DEADLINE \(30000 ms\) is shorter than"):
        ApiConfig.from_env(env)
    env["HMPPS_NON_ASSOCIATIONS_API_TIMEOUT_DEADLINE"] = "60000"
    assert ApiConfig.from_env(env).timeout == Timeout(response=40, deadline=60)
    auth = {
        "HMPPS_AUTH_URL": AUTH,
        "HMPPS_AUTH_CLIENT_ID": "id",
        "HMPPS_AUTH_CLIENT_SECRET": "secret",
        "HMPPS_AUTH_TIMEOUT_DEADLINE": "1000",
    }
    with pytest.raises(ValueError, match=r"HMPPS_AUTH_TIMEOUT_DEADLINE \(1000 ms\) is shorter"):
        AuthConfig.from_env(auth)
