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
import msgspec

from .._errors._untrusted import quoted
from .._settings._config import MAX_RESPONSE_SIZE
from .._settings._headers import ReplyHeaders

__all__ = [
    "Origin",
    "SendError",
    "UnreadableBody",
    "WireReply",
    "WireRequest",
]

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
            # The standard library's: it refuses NaN, which msgspec would write as null.
            body = json.dumps(
                kwargs["json"], ensure_ascii=False, separators=(",", ":"), allow_nan=False
            ).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json")
        elif "data" in kwargs:
            body = urlencode(kwargs["data"]).encode("ascii")
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        return cls(kwargs["method"].upper(), target, path, all_headers, body)


class UnreadableBody(Exception):
    """A reply's body the client cannot read: larger than the limit, or in an encoding
    it cannot undo. The message says which, and names the setting for a size."""


class WireReply:
    """A complete reply: status, reason, headers and body.

    `status_code`, `content` and `json()` are what the generated parsers read. The body
    comes as it crossed the wire. An encoded one (gzip, deflate) is decoded when
    `content` is first read, stopping at `limit` bytes, here and nowhere else, so every
    connection layer reads a reply alike and the layer that knows the status decides
    what an unreadable body means. A connection layer that stopped reading at `limit`
    says so with `too_large`. The headers come as the layer read them and are made into
    `ReplyHeaders` when first read: a reply used for its body alone never needs them.
    """

    __slots__ = ("_encoded", "_headers", "_received", "content", "reason", "status_code")

    content: bytes
    """The body without its content encoding. Set at once for a plain body (most
    replies), so reading it costs an attribute lookup; for an encoded or cut-off one it
    is left unset, and `__getattr__` decodes it on first reading, or raises
    `UnreadableBody` when it is larger than the limit or cannot be decoded."""

    def __init__(
        self,
        status_code: int,
        reason: str,
        headers: Mapping[str, str] | Iterable[tuple[str, str]],
        body: bytes,
        encoding: str | None = None,
        limit: int = MAX_RESPONSE_SIZE,
        *,
        too_large: bool = False,
    ) -> None:
        self.status_code = status_code
        self.reason = reason
        self._received = headers
        self._headers: ReplyHeaders | None = None
        if too_large or (encoding and encoding != "identity"):
            self._encoded = (body, encoding or "", limit, too_large)
        else:
            self.content = body

    def __getattr__(self, name: str) -> bytes:
        """Called only for a slot left unset: `content` of an encoded or cut-off body."""
        if name != "content":
            raise AttributeError(name)
        body, encoding, limit, too_large = self._encoded
        if too_large or len(body) > limit:
            raise UnreadableBody(_too_large(limit))
        content = self.content = _decoded(body, encoding, limit)
        return content

    @property
    def headers(self) -> ReplyHeaders:
        if self._headers is None:
            received = self._received
            self._headers = ReplyHeaders(
                received.items() if isinstance(received, Mapping) else received
            )
        return self._headers

    @property
    def unreadable(self) -> str | None:
        """Why the body cannot be read, or None when it can."""
        try:
            self.content  # noqa: B018  # reading it is the check
        except UnreadableBody as problem:
            return str(problem)
        return None

    def json(self) -> Any:
        """The body as JSON, which RFC 8259 says is UTF-8, for a path the generated
        client does not know (`request()`): msgspec, the decoder of every other reply,
        which refuses what is not JSON (NaN, invalid UTF-8 or a lone surrogate, nesting
        too deep) with a `msgspec.DecodeError`."""
        return msgspec.json.decode(self.content)

    @property
    def text(self) -> str:
        """The body as text, for an error's `text`: empty when it cannot be read."""
        try:
            content = self.content
        except UnreadableBody:
            return ""
        return content.decode("utf-8", errors="replace")


def _too_large(limit: int) -> str:
    return (
        f"the body is larger than Limits.max_response_size ({limit:,} bytes); raise it"
        " if the API's replies have grown"
    )


def _decoded(body: bytes, encoding: str, limit: int) -> bytes:
    """The body without its content encoding, at most `limit` bytes of it."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return body
    if name in ("gzip", "x-gzip"):
        content, complete = _inflated(body, zlib.MAX_WBITS | 16, limit, name)
    elif name == "deflate":
        # RFC 9110's deflate is zlib-wrapped; some servers send it raw.
        try:
            content, complete = _inflated(body, zlib.MAX_WBITS, limit, name)
        except UnreadableBody:
            content, complete = _inflated(body, -zlib.MAX_WBITS, limit, name)
    else:
        raise UnreadableBody(
            f"the body is in content encoding {quoted(encoding, 40)!r}, which the client"
            " did not ask for and cannot read"
        )
    if len(content) > limit:
        raise UnreadableBody(_too_large(limit))
    if not complete:
        raise UnreadableBody(f"the {name} body is cut short")
    return content


def _inflated(body: bytes, wbits: int, limit: int, name: str) -> tuple[bytes, bool]:
    """Up to `limit + 1` bytes inflated from `body`, and whether its stream ended:
    decompression stops there, so a small body that inflates to gigabytes never does."""
    inflater = zlib.decompressobj(wbits)
    try:
        return inflater.decompress(body, limit + 1), inflater.eof
    except zlib.error as exc:
        raise UnreadableBody(f"the {name} body is corrupt ({exc})") from None


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
    Never: an unknown host, an untrusted certificate, a proxy's refusal, or a request
    the connection layer cannot send at all (`UNUSABLE`)."""

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
