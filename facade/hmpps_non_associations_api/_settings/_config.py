"""Where the services are and how long to wait for them: the DPS-standard API config
for the Non-associations API, and HMPPS Auth's for system tokens."""

from __future__ import annotations

import math
import os
import random
import re
import ssl
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs

from ._headers import Headers

__all__ = ["ApiConfig", "AuthConfig", "Limits", "RetryPolicy", "Timeout", "without_credentials"]

API_PREFIX = "HMPPS_NON_ASSOCIATIONS_API_"
AUTH_PREFIX = "HMPPS_AUTH_"


# --- checks shared by the configurations ---------------------------------------------
# attrs.validators do the checking; `_named` makes each message name the field as
# `Class.field`, so a mistake is found where the config is made, not on the first call.
# Three checks are our own, each because attrs' answer is wrong here (see beside them).

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _named(*validators: _Validator, hint: str = "") -> _Validator:
    """`validators` in turn, an error naming the field as `Class.field` (attrs names it
    alone), a wrong type said as "a Timeout, not int", and `hint` added: how to make one."""
    combined = validators[0] if len(validators) == 1 else attrs.validators.and_(*validators)
    suffix = f" ({hint})" if hint else ""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            combined(instance, attribute, value)
        except TypeError as exc:
            wanted = exc.args[2] if len(exc.args) == 4 else None  # instance_of's arguments
            if not isinstance(wanted, type):
                raise
            raise TypeError(
                f"{_where(instance, attribute)} must be a {wanted.__name__},"
                f" not {_kind(value)}{suffix}"
            ) from None
        except ValueError as exc:
            message = str(exc).replace(f"'{attribute.name}'", _where(instance, attribute), 1)
            raise ValueError(message + suffix) from None

    return check


def _seconds(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    """A finite number of seconds. Our own: `instance_of((int, float))` takes True (one
    second) and NaN or infinity, which would never time out."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"{_where(instance, attribute)} must be a number of seconds, not {_kind(value)}"
        )
    if not math.isfinite(value):
        raise ValueError(f"{_where(instance, attribute)} must be finite, not {value!r}")


def _count(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """A whole number. Our own: `instance_of(int)` takes True and False."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{_where(instance, attribute)} must be an int, not {_kind(value)}")


def _text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A non-empty string. Our own: attrs quotes the value in its message, and this one
    may be a secret."""
    if not isinstance(value, str):
        raise TypeError(f"{_where(instance, attribute)} must be a str, not {_kind(value)}")
    if not value:
        raise ValueError(f"{_where(instance, attribute)} must not be empty")


_POSITIVE = _named(_seconds, attrs.validators.gt(0))
_NOT_NEGATIVE = _named(_seconds, attrs.validators.ge(0))
_FLAG = _named(attrs.validators.instance_of(bool))


def _at_least(low: int) -> _Validator:
    return _named(_count, attrs.validators.ge(low))


def _of_type(kind: type, hint: str) -> _Validator:
    """The value is a `kind`; the message says how to make one."""
    return _named(attrs.validators.instance_of(kind), hint=hint)


_NOT_IN_URLS = re.compile(r"[\x00-\x20\x7f]")  # spaces and control characters


def _http_url(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An http(s) base URL: a host, perhaps a port and a path; nothing else."""
    where = _where(instance, attribute)
    if not isinstance(value, str):
        raise TypeError(f"{where} must be a str, not {_kind(value)}")
    if _NOT_IN_URLS.search(value):
        shown = without_credentials(value)
        raise ValueError(f"{where} must not hold spaces or control characters: {shown!r}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        shown = without_credentials(value)
        raise ValueError(f"{where} must be an http(s) URL with a host, not {shown!r}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{where} must not carry credentials")
    if "?" in value or "#" in value:
        raise ValueError(
            f"{where} must be a base URL without a query or fragment, such as"
            f" {re.split('[?#]', value)[0]!r}"
        )
    try:
        parts.port  # noqa: B018  # urlsplit checks the port only when asked
    except ValueError:
        raise ValueError(f"{where} has a port that is not a number from 0 to 65535") from None


def _strip_slash(url: object) -> object:
    return url.rstrip("/") if isinstance(url, str) else url


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


def _deadline_after_wait(
    instance: Timeout, attribute: attrs.Attribute[float], value: float
) -> None:
    _POSITIVE(instance, attribute, value)
    if value < instance.response:
        raise ValueError(
            f"Timeout.deadline ({value:g}s) is shorter than Timeout.response"
            f" ({instance.response:g}s), so a single wait could never run its course:"
            " raise the deadline or lower response"
        )


@attrs.frozen
class Timeout:
    """Seconds to wait: `response` for each reply from the server (connect, each
    read), `deadline` for the whole call including retries; the deadline is at least
    one wait."""

    response: float = attrs.field(default=10.0, validator=_POSITIVE)
    deadline: float = attrs.field(default=30.0, validator=_deadline_after_wait)


def _retryable_statuses(value: Iterable[int]) -> frozenset[int]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(f"RetryPolicy.retry_statuses must be a set of statuses, not {_kind(value)}")
    statuses = frozenset(value)
    for status in statuses:
        if isinstance(status, bool) or not isinstance(status, int):
            raise TypeError(f"RetryPolicy.retry_statuses must hold ints, not {_kind(status)}")
    if not all(400 <= status <= 599 for status in statuses):
        raise ValueError(
            f"RetryPolicy.retry_statuses must be 4xx or 5xx statuses, not {sorted(statuses)}"
        )
    return statuses


_RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@attrs.frozen
class RetryPolicy:
    """When a read is tried again, and how long to wait first.

    Reads (every GET, and the searches `between` and `involving`, sent as POST but
    changing nothing) are tried `attempts` times in all after a connection failure, a
    timeout or one of `retry_statuses` (the Node client's, and 408); writes are tried
    once, whatever the policy. Between tries the client waits a random time up to
    `backoff * 2**(try - 1)` seconds, at most `max_backoff`, or as long as a
    `Retry-After` header asks; never past the call's deadline.
    """

    attempts: int = attrs.field(default=3, validator=_at_least(1))
    retry_statuses: frozenset[int] = attrs.field(
        default=_RETRY_STATUSES, converter=_retryable_statuses
    )
    backoff: float = attrs.field(default=0.1, validator=_NOT_NEGATIVE)
    max_backoff: float = attrs.field(default=2.0, validator=_NOT_NEGATIVE)

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait after try number `attempt`."""
        if retry_after is not None:
            return retry_after
        return random.uniform(0, min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))


MAX_RESPONSE_SIZE = 32 * 1024 * 1024
"""The default of `Limits.max_response_size`: 200 times the largest real reply (a page of
200 non-associations, about 160 KB), small enough that a reply cannot exhaust memory."""


@attrs.frozen(cache_hash=True)  # a key of the shared connections, hashed each request
class Limits:
    """The shared keep-alive connections to one service: how many may be open at once,
    how many idle ones are kept for reuse, and for how many seconds; and the largest
    reply body read, in bytes after decompression (32 MiB by default, 200 times the
    largest real reply). A larger body ends the call with an `UnreadableResponseError`
    (or the status's own error, without its body), and its connection is closed."""

    max_connections: int = attrs.field(default=100, validator=_at_least(1))
    max_keepalive_connections: int = attrs.field(default=20, validator=_at_least(0))
    keepalive_expiry: float = attrs.field(default=30.0, validator=_NOT_NEGATIVE)
    max_response_size: int = attrs.field(default=MAX_RESPONSE_SIZE, validator=_at_least(1))


def _headers(value: Mapping[str, str] | Headers) -> Headers:
    return value if isinstance(value, Headers) else Headers(value, "headers")


def _verify(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """True (the system's trust), False (no verification, said out loud), a CA bundle
    file or directory, or an ssl.SSLContext."""
    where = _where(instance, attribute)
    if value is False:
        _warn_unverified(where)
    if isinstance(value, bool | ssl.SSLContext):
        return
    if not isinstance(value, str | os.PathLike):
        raise TypeError(
            f"{where} must be True, False, a CA bundle path or an ssl.SSLContext,"
            f" not {_kind(value)}"
        )
    if not os.path.exists(value):
        raise ValueError(f"{where}: no CA bundle at {os.fspath(value)!r}")


_warned_unverified = False


def _warn_unverified(where: str) -> None:
    """Once per process: verification off is a choice worth seeing."""
    global _warned_unverified
    if not _warned_unverified:
        _warned_unverified = True
        warnings.warn(
            f"{where}=False: TLS certificates are not checked, so anyone on the network"
            " path could pose as the service and read the token; use it only against a"
            " test server",
            RuntimeWarning,
            stacklevel=4,
        )


def _no_cert_with_a_context(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _cert(instance, attribute, value)
    if value is not None and isinstance(instance.verify, ssl.SSLContext):
        raise ValueError(
            f"{_where(instance, attribute)}: with an ssl.SSLContext as verify, load the client"
            " certificate into that context (load_cert_chain) instead"
        )


def _cert(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A client certificate: a file holding the certificate and its key, or a pair of
    files (certificate, key)."""
    where = _where(instance, attribute)
    if value is None:
        return
    files = value if isinstance(value, tuple) else (value,)
    if not 1 <= len(files) <= 2 or not all(isinstance(f, str | os.PathLike) for f in files):
        raise TypeError(f"{where} must be a certificate file or a (certificate, key) pair")
    for file in files:
        if not os.path.isfile(file):
            raise ValueError(f"{where}: no file at {os.fspath(file)!r}")


def _proxy_url(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    where = _where(instance, attribute)
    if not isinstance(value, str):
        raise TypeError(f"{where} must be a proxy URL or None, not {_kind(value)}")
    if _NOT_IN_URLS.search(value):
        raise ValueError(f"{where} must not hold spaces or control characters")
    parts = urlsplit(value)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(
            f"{where} must be an http:// URL with a host, like http://proxy:3128: the client"
            " speaks plain HTTP to the proxy (HTTPS requests stay encrypted, in a CONNECT"
            " tunnel through it)"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"{where} must be the proxy's address only, without a path")
    try:
        parts.port  # noqa: B018  # urlsplit checks the port only when asked
    except ValueError:
        raise ValueError(f"{where} has a port that is not a number from 0 to 65535") from None


def _hidden_credentials(value: str | None) -> str:
    """A proxy URL for repr(): any credentials in it replaced."""
    return repr(value if value is None else without_credentials(value))


def without_credentials(url: str) -> str:
    """The URL with its user information, if any, replaced by `***`: the user part as
    well as the password, as a proxy's API key is often given as the user
    (`http://KEY@proxy:3128`)."""
    authority, at, _ = urlsplit(url).netloc.rpartition("@")
    if not at:
        return url
    return url.replace(f"{authority}@", "***@", 1)


@attrs.frozen
class ApiConfig:
    """The API's base URL and how calls to it are made: timeouts, retries, the shared
    connections' limits, headers sent on every call, the proxy and TLS.

    Clients with equal connection settings (`limits`, `proxy`, `trust_env`, `verify`,
    `cert`) share one pool of keep-alive connections. `headers` go on every call (a
    `User-Agent` is appended to the client's own). `proxy` is an http(s) proxy URL; by
    default (`trust_env=True`) `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` choose it,
    and `SSL_CERT_FILE` or `SSL_CERT_DIR` the certificates to trust. `verify` is True
    (the system's certificates), a CA bundle path or an `ssl.SSLContext`; False turns
    verification off, with a warning. `cert` is a client certificate (a file, or a
    (certificate, key) pair). `trace_full_url=True` puts each request's full URL
    (`url.full`) on its OpenTelemetry span; it is off because paths and queries carry
    prisoner numbers.
    """

    url: str = attrs.field(validator=_http_url, converter=_strip_slash)
    timeout: Timeout = attrs.field(
        factory=Timeout, validator=_of_type(Timeout, "e.g. Timeout(response=5, deadline=15)")
    )
    retry: RetryPolicy = attrs.field(
        factory=RetryPolicy, validator=_of_type(RetryPolicy, "e.g. RetryPolicy(attempts=3)")
    )
    limits: Limits = attrs.field(
        factory=Limits, validator=_of_type(Limits, "e.g. Limits(max_connections=20)")
    )
    headers: Headers = attrs.field(factory=Headers, converter=_headers)
    proxy: str | None = attrs.field(default=None, validator=_proxy_url, repr=_hidden_credentials)
    trust_env: bool = attrs.field(default=True, validator=_FLAG)
    verify: bool | str | os.PathLike[str] | ssl.SSLContext = attrs.field(
        default=True, validator=_verify
    )
    cert: str | os.PathLike[str] | tuple[str, str] | None = attrs.field(
        default=None, validator=_no_cert_with_a_context
    )
    trace_full_url: bool = attrs.field(default=False, validator=_FLAG)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ApiConfig:
        """Read HMPPS_NON_ASSOCIATIONS_API_URL and, optionally, the _TIMEOUT_RESPONSE and
        _TIMEOUT_DEADLINE variables (milliseconds)."""
        env = _environ(environ)
        return cls(url=_required(env, f"{API_PREFIX}URL"), timeout=_timeout(env, API_PREFIX))


def _timeout(env: Mapping[str, str], prefix: str) -> Timeout:
    """Timeout from PREFIX_TIMEOUT_RESPONSE and PREFIX_TIMEOUT_DEADLINE (milliseconds)."""
    defaults = Timeout() if prefix == API_PREFIX else _AUTH_TIMEOUT
    response = _milliseconds(env, f"{prefix}TIMEOUT_RESPONSE", defaults.response)
    deadline = _milliseconds(env, f"{prefix}TIMEOUT_DEADLINE", defaults.deadline)
    if deadline < response:
        raise ValueError(
            f"{prefix}TIMEOUT_DEADLINE ({deadline * 1000:.0f} ms) is shorter than"
            f" {prefix}TIMEOUT_RESPONSE ({response * 1000:.0f} ms): set both"
        )
    return Timeout(response=response, deadline=deadline)


_AUTH_TIMEOUT = Timeout(response=10.0, deadline=20.0)
_AUTH_LIMITS = Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=30.0)


@attrs.frozen
class AuthConfig:
    """Where HMPPS Auth is, the system client's credentials, and how token requests are
    made.

    `url` is the Auth base URL ending in `/auth`. `timeout` bounds each wait for Auth's
    reply (`response`) and a whole token fetch (`deadline`; an API call's deadline, when
    the fetch happens inside one, bounds it too); `expiry_margin` is how many seconds
    early a token is renewed. `limits`, `headers` (only a `User-Agent` to append makes
    sense here), `proxy`, `trust_env`, `verify` and `cert` are as for `ApiConfig`. The
    secret is left out of `repr()`.
    """

    url: str = attrs.field(validator=_http_url, converter=_strip_slash)
    client_id: str = attrs.field(validator=_text)
    client_secret: str = attrs.field(repr=False, validator=_text)
    timeout: Timeout = attrs.field(
        default=_AUTH_TIMEOUT,
        validator=_of_type(Timeout, "e.g. Timeout(response=10, deadline=20)"),
    )
    expiry_margin: float = attrs.field(default=60.0, validator=_NOT_NEGATIVE)
    limits: Limits = attrs.field(
        default=_AUTH_LIMITS, validator=_of_type(Limits, "e.g. Limits(max_connections=10)")
    )
    headers: Headers = attrs.field(factory=Headers, converter=_headers)
    proxy: str | None = attrs.field(default=None, validator=_proxy_url, repr=_hidden_credentials)
    trust_env: bool = attrs.field(default=True, validator=_FLAG)
    verify: bool | str | os.PathLike[str] | ssl.SSLContext = attrs.field(
        default=True, validator=_verify
    )
    cert: str | os.PathLike[str] | tuple[str, str] | None = attrs.field(
        default=None, validator=_no_cert_with_a_context
    )

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
            timeout=_timeout(env, AUTH_PREFIX),
        )
