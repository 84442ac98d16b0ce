"""Requests and replies as they cross the wire, independent of the library sending them.

The generated operations describe a request as httpx keyword arguments; `WireRequest`
turns those into bytes once, and every connection layer (the shared pools, aiohttp, an
injected httpx transport) sends exactly those bytes. `WireReply` is what came back,
shaped enough like an httpx response for the generated parsers to read.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

import attrs
import orjson

__all__ = ["Origin", "SendError", "WireReply", "WireRequest", "decode_body"]

# Sent with every request: the API answers JSON, and may compress it.
_ACCEPT = {"Accept": "application/json", "Accept-Encoding": "gzip, deflate"}


@attrs.frozen(cache_hash=True)
class Origin:
    """Where requests go: scheme, host and port, and the base path before each operation's.

    `authority` and `url` are worked out once, as every request reads them."""

    scheme: str
    host: str
    port: int
    base_path: str
    authority: str = attrs.field(init=False, eq=False, repr=False)
    """Host and port as a URL or `Host` header names them: IPv6 in brackets, the scheme's
    own port left out."""
    url: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        authority = host if self.port == default else f"{host}:{self.port}"
        object.__setattr__(self, "authority", authority)
        object.__setattr__(self, "url", f"{self.scheme}://{authority}")

    @staticmethod
    @functools.lru_cache(maxsize=64)  # a client made per request reads the same URL
    def of(url: str) -> Origin:
        parts = urlsplit(url)
        tls = parts.scheme == "https"
        port = parts.port or (443 if tls else 80)
        return Origin(parts.scheme, parts.hostname or "", port, parts.path.rstrip("/"))


def _text(value: object) -> str:
    """A query value as the API reads it (booleans lower-case, as JSON writes them)."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


@attrs.define(slots=True)
class WireRequest:
    """One request: method, path with query, headers and body, ready to send."""

    method: str
    target: str  # the path and query string, percent-encoded
    path: str  # the path alone, for logs and plugins
    headers: dict[str, str]
    body: bytes | None

    @classmethod
    def from_kwargs(
        cls, kwargs: Mapping[str, Any], base_path: str, headers: Mapping[str, str]
    ) -> WireRequest:
        """Encode a generated operation's `_get_kwargs()` result."""
        path = base_path + kwargs["url"]
        target = path
        params = kwargs.get("params")
        if params:
            # None means "not given", as for the methods' own arguments: it is left out,
            # never sent as the text "None".
            pairs = [
                (name, _text(item))
                for name, value in params.items()
                for item in (value if isinstance(value, list | tuple) else (value,))
                if item is not None
            ]
            if pairs:
                target = f"{path}?{urlencode(pairs)}"
        all_headers = {**_ACCEPT, **headers, **kwargs.get("headers", {})}
        body = None
        if "json" in kwargs:
            body = json.dumps(
                kwargs["json"], ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        elif "data" in kwargs:
            body = urlencode(kwargs["data"]).encode("ascii")
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        return cls(kwargs["method"].upper(), target, path, all_headers, body)


class WireReply:
    """A complete reply: status, reason, headers (names lower-case) and the decoded body.

    `status_code`, `content` and `json()` are what the generated parsers read. The
    headers come as the connection layer read them, names in any case, and `headers`
    is made from them when first read: a reply used for its body alone never needs it.
    """

    __slots__ = ("_headers", "_received", "content", "reason", "status_code")

    def __init__(
        self,
        status_code: int,
        reason: str,
        headers: Mapping[str, str] | Iterable[tuple[str, str]],
        content: bytes,
    ) -> None:
        self.status_code = status_code
        self.reason = reason
        self.content = content
        self._received = headers
        self._headers: dict[str, str] | None = None

    @property
    def headers(self) -> dict[str, str]:
        if self._headers is None:
            received = self._received
            pairs = received.items() if isinstance(received, Mapping) else received
            self._headers = {name.lower(): value for name, value in pairs}
        return self._headers

    def json(self) -> Any:
        """The body as JSON, which RFC 8259 says is UTF-8. orjson, not the standard
        library: it reads a 200-item list in half the time (docs/benchmarks.md), and it
        refuses what is not JSON (NaN, lone surrogates, nesting past 1,024) with a
        ValueError, as the standard library does for malformed text."""
        return orjson.loads(self.content)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class SendError(Exception):
    """A try that brought no usable reply.

    `kind` says what happened, in the terms the retry rules and the messages use (one of
    the constants below); `message` is the library's own words (`ConnectionRefusedError:
    [Errno 111] Connection refused`) and `cause` the library exception's class name.
    """

    REFUSED = "connection refused"
    HOST_NOT_FOUND = "host name not found"
    LOOKUP_FAILED = "host name lookup failed"
    CERTIFICATE = "the server's TLS certificate did not verify"
    TIMEOUT = "no reply in time"
    LOST = "connection lost"
    GARBLED = "a reply that is not HTTP"
    PROXY = "the proxy refused the connection"
    PROXY_UNREACHABLE = "the proxy could not be reached"
    UNUSABLE = "an unusable reply"
    OTHER = "the request failed"

    RETRYABLE = frozenset(
        {REFUSED, LOOKUP_FAILED, TIMEOUT, LOST, GARBLED, PROXY_UNREACHABLE, OTHER}
    )
    """What another try may cure (a proxy that is down may be back, as a server may).
    Never: an unknown host, an untrusted certificate, a proxy's refusal, or a body that
    cannot be decoded."""

    def __init__(self, kind: str, message: str, cause: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.cause = cause

    @property
    def retryable(self) -> bool:
        return self.kind in self.RETRYABLE

    @property
    def timed_out(self) -> bool:
        return self.kind == self.TIMEOUT


def decode_body(body: bytes, encoding: str | None) -> bytes:
    """The body without its content encoding (gzip or deflate)."""
    if not encoding or encoding == "identity":
        return body
    try:
        if encoding == "gzip":
            return zlib.decompress(body, zlib.MAX_WBITS | 16)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
    except zlib.error as exc:
        raise SendError(SendError.UNUSABLE, f"Unreadable {encoding} body ({exc})") from None
    raise SendError(SendError.UNUSABLE, f"Unsupported content encoding {encoding!r}")
