"""Where the services are and how long to wait for them: the DPS-standard API config
for the Non-associations API, and HMPPS Auth's for system tokens."""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

import attrs

__all__ = ["ApiConfig", "AuthConfig", "RetryPolicy", "Timeout"]

API_PREFIX = "HMPPS_NON_ASSOCIATIONS_API_"
AUTH_PREFIX = "HMPPS_AUTH_"


# --- checks shared by the configurations ---------------------------------------------


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise ValueError(f"{attribute.name} must be positive, not {value!r}")


def _not_negative(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value >= 0:
        raise ValueError(f"{attribute.name} must not be negative, not {value!r}")


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value:
        raise ValueError(f"{attribute.name} must not be empty")


def _http_url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{attribute.name} must be an http(s) URL with a host, not {value!r}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{attribute.name} must not carry credentials")


def _strip_slash(url: object) -> str:
    return str(url).rstrip("/")


def _environ(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name)
    if not value:
        raise ValueError(f"{name} is not set")
    return value


def _milliseconds(env: Mapping[str, str], name: str, default: float) -> float:
    """Seconds from a variable holding milliseconds, as DPS applications configure them."""
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(f"{name} must be a positive whole number of milliseconds, not {raw!r}")
    return value / 1000


# --- the configurations -------------------------------------------------------------


@attrs.frozen
class Timeout:
    """Seconds to wait: `response` for each reply from the server (connect, each
    read), `deadline` for the whole call including retries."""

    response: float = attrs.field(default=10.0, validator=_positive)
    deadline: float = attrs.field(default=30.0, validator=_positive)


def _retryable_statuses(value: Iterable[int]) -> frozenset[int]:
    statuses = frozenset(value)
    if not all(isinstance(status, int) and 400 <= status <= 599 for status in statuses):
        raise ValueError(f"retry_statuses must be 4xx or 5xx statuses, not {sorted(statuses)}")
    return statuses


def _at_least_one(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a whole number from 1, not {value!r}")


@attrs.frozen
class RetryPolicy:
    """When a read is tried again, and how long to wait first.

    The defaults are the Node client's: reads (GET) are tried `attempts` times in all
    after a connection failure, a timeout or one of `retry_statuses`; writes and the
    POST searches are tried once, whatever the policy. Between tries the client waits
    a random time up to `backoff * 2**(try - 1)` seconds, at most `max_backoff`, or as
    long as a `Retry-After` header asks; never past the call's deadline.
    """

    attempts: int = attrs.field(default=3, validator=_at_least_one)
    retry_statuses: frozenset[int] = attrs.field(
        default=frozenset({429, 500, 502, 503, 504}), converter=_retryable_statuses
    )
    backoff: float = attrs.field(default=0.1, validator=_not_negative)
    max_backoff: float = attrs.field(default=2.0, validator=_not_negative)

    retry_methods = frozenset({"GET"})
    """Only reads are ever tried again: a write may have taken effect."""

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait after try number `attempt`."""
        if retry_after is not None:
            return retry_after
        return random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))


@attrs.frozen
class ApiConfig:
    """The API's base URL, timeouts and connection-pool settings.

    Clients with equal pool settings share one pool of keep-alive connections.
    `trace_full_url=True` puts each request's full URL (`url.full`) on its OpenTelemetry
    span; it is off because paths and queries carry prisoner numbers.
    """

    url: str = attrs.field(validator=_http_url, converter=_strip_slash)
    timeout: Timeout = attrs.field(factory=Timeout)
    retry: RetryPolicy = attrs.field(factory=RetryPolicy)
    max_connections: int = 100
    max_keepalive_connections: int = 20
    keepalive_expiry: float = 30.0
    trace_full_url: bool = False

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiConfig:
        """Read HMPPS_NON_ASSOCIATIONS_API_URL and, optionally, the _TIMEOUT_RESPONSE and
        _TIMEOUT_DEADLINE variables (milliseconds)."""
        env = _environ(environ)
        defaults = Timeout()
        return cls(
            url=_required(env, f"{API_PREFIX}URL"),
            timeout=Timeout(
                response=_milliseconds(env, f"{API_PREFIX}TIMEOUT_RESPONSE", defaults.response),
                deadline=_milliseconds(env, f"{API_PREFIX}TIMEOUT_DEADLINE", defaults.deadline),
            ),
        )


@attrs.frozen
class AuthConfig:
    """Where HMPPS Auth is and the system client's credentials.

    `url` is the Auth base URL ending in `/auth`. In seconds: `timeout` bounds each wait
    for Auth's reply, `deadline` the whole token fetch (and an API call's deadline, when
    the fetch happens inside one, bounds it too), `expiry_margin` how early a token is
    renewed. The secret is left out of `repr()`.
    """

    url: str = attrs.field(validator=_http_url, converter=_strip_slash)
    client_id: str = attrs.field(validator=_non_empty)
    client_secret: str = attrs.field(repr=False, validator=_non_empty)
    timeout: float = attrs.field(default=10.0, validator=_positive)
    deadline: float = attrs.field(default=20.0, validator=_positive)
    expiry_margin: float = attrs.field(default=60.0, validator=_not_negative)

    @property
    def token_url(self) -> str:
        """The token endpoint."""
        return f"{self.url}/oauth/token"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> AuthConfig:
        """Read HMPPS_AUTH_URL, HMPPS_AUTH_CLIENT_ID, HMPPS_AUTH_CLIENT_SECRET and the
        optional HMPPS_AUTH_TIMEOUT_RESPONSE and HMPPS_AUTH_TIMEOUT_DEADLINE
        (milliseconds)."""
        env = _environ(environ)
        return cls(
            url=_required(env, f"{AUTH_PREFIX}URL"),
            client_id=_required(env, f"{AUTH_PREFIX}CLIENT_ID"),
            client_secret=_required(env, f"{AUTH_PREFIX}CLIENT_SECRET"),
            timeout=_milliseconds(env, f"{AUTH_PREFIX}TIMEOUT_RESPONSE", 10.0),
            deadline=_milliseconds(env, f"{AUTH_PREFIX}TIMEOUT_DEADLINE", 20.0),
        )
