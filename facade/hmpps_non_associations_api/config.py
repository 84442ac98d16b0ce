"""Where the API is and how long to wait for it: the DPS-standard API config."""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

import attrs

__all__ = ["ApiConfig", "Timeout"]

ENV_PREFIX = "HMPPS_NON_ASSOCIATIONS_API_"


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not value > 0:
        raise ValueError(f"{attribute.name} must be positive, not {value!r}")


@attrs.frozen
class Timeout:
    """Seconds to wait: `response` for each reply from the server (connect, each
    read), `deadline` for the whole call including retries."""

    response: float = attrs.field(default=10.0, validator=_positive)
    deadline: float = attrs.field(default=30.0, validator=_positive)


def _strip_slash(url: str) -> str:
    return str(url).rstrip("/")


def _url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"url must be an http(s) URL with a host, not {value!r}")


@attrs.frozen
class ApiConfig:
    """The API's base URL, timeouts and connection-pool settings.

    Clients with equal pool settings share one pool of keep-alive connections.
    """

    url: str = attrs.field(validator=_url, converter=_strip_slash)
    timeout: Timeout = attrs.field(factory=Timeout)
    max_connections: int = 100
    max_keepalive_connections: int = 20
    keepalive_expiry: float = 30.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiConfig:
        """Read HMPPS_NON_ASSOCIATIONS_API_URL and, optionally, the _TIMEOUT_RESPONSE and
        _TIMEOUT_DEADLINE variables (milliseconds, as in DPS applications)."""
        env = os.environ if environ is None else environ
        url = env.get(f"{ENV_PREFIX}URL")
        if not url:
            raise ValueError(f"{ENV_PREFIX}URL is not set")
        defaults = Timeout()
        return cls(
            url=url,
            timeout=Timeout(
                response=_seconds(env, "TIMEOUT_RESPONSE", defaults.response),
                deadline=_seconds(env, "TIMEOUT_DEADLINE", defaults.deadline),
            ),
        )


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(f"{ENV_PREFIX}{name}")
    if raw is None or raw == "":
        return default
    try:
        return int(raw) / 1000
    except ValueError:
        raise ValueError(f"{ENV_PREFIX}{name} must be milliseconds, not {raw!r}") from None
