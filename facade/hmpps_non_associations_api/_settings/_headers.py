"""Headers: those an application adds to its calls (`ApiConfig.headers`,
`with_options`, plugins), checked when given, so a bad one fails where it is set, not on
the wire; and a reply's (`ReplyHeaders`), read alike whichever library received them.

The client owns the headers that carry the token, describe the body it builds or
reads, or belong to the connection rather than the request (RFC 9110 §7.6.1): they
cannot be set this way. A `Transfer-Encoding` beside the client's `Content-Length` is
the shape request smuggling uses (RFC 9112 §6.1). A `User-Agent` given is appended to
the client's own, so the API's logs show both
(`hmpps-non-associations-api-python/1.2.0 my-app/3.4`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping

__all__ = ["OWNED", "Headers", "ReplyHeaders", "check_header", "user_agent"]


@functools.cache
def user_agent() -> str:
    """The client's own User-Agent, with the installed version: read when a client first
    sends, as finding the distribution's metadata costs more than the rest of an import."""
    import importlib.metadata

    version = importlib.metadata.version("hmpps-non-associations-api")
    return f"hmpps-non-associations-api-python/{version}"


OWNED = frozenset(
    {
        # the token and where it goes
        "authorization",
        "host",
        # the body the client writes, and the encodings it can read back (it decodes,
        # within Limits.max_response_size)
        "content-length",
        "content-type",
        "content-encoding",
        "transfer-encoding",
        "accept-encoding",
        "expect",
        # the connection's, not the request's
        "connection",
        "keep-alive",
        "te",
        "trailer",
        "upgrade",
    }
)
"""Headers only the client sets (lower-case); besides these, every `Proxy-*` header."""

_AGENT = "user-agent"
_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # an HTTP token
_VALUE = re.compile(r"[\t\x20-\x7e]*")  # visible ASCII, spaces and tabs: no line breaks


def check_header(name: object, value: object, where: str) -> tuple[str, str]:
    """The header, if it is one an application may set; TypeError or ValueError naming
    `where` otherwise. The value is not quoted (it may be a credential)."""
    if not isinstance(name, str) or not isinstance(value, str):
        raise TypeError(f"{where}: header names and values must be str")
    if not _NAME.fullmatch(name):
        raise ValueError(f"{where}: {name!r} is not a header name")
    lower = name.lower()
    if lower in OWNED or lower.startswith("proxy-"):
        raise ValueError(f"{where}: {name} is set by the client and cannot be given")
    if not _VALUE.fullmatch(value):
        raise ValueError(f"{where}: the value of {name} holds a line break or non-ASCII text")
    return name, value.strip()


class Headers(Mapping[str, str]):
    """Checked, immutable and hashable headers; names compare without case, and a later
    value for a name replaces an earlier one."""

    __slots__ = ("_items", "_sent")

    def __init__(self, given: Mapping[str, str] | None = None, where: str = "headers") -> None:
        if given is not None and not isinstance(given, Mapping):
            raise TypeError(f"{where} must be a mapping of header names to values")
        items: dict[str, tuple[str, str]] = {}
        for name, value in (given or {}).items():
            name, value = check_header(name, value, where)
            items[name.lower()] = (name, value)
        self._items = items
        self._sent: dict[str, str] | None = None

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Headers) and self._items == other._items

    def __repr__(self) -> str:
        """The names only: a value may be an API key or a tenant's secret."""
        return f"Headers({[name for name, _ in self._items.values()]!r})"

    def merged(self, later: Headers) -> Headers:
        """These headers with `later`'s added, replacing any of the same name."""
        merged = Headers()
        merged._items = {**self._items, **later._items}
        return merged

    def sent(self) -> dict[str, str]:
        """What goes on every request: these headers and the User-Agent, the client's own
        with the application's appended. Worked out once; callers copy it."""
        if self._sent is None:
            application = self._items.get(_AGENT)
            agent = f"{user_agent()} {application[1]}" if application else user_agent()
            sent = {name: value for key, (name, value) in self._items.items() if key != _AGENT}
            sent["User-Agent"] = agent
            self._sent = sent
        return self._sent


_CONTROL_RUN = re.compile(r" *[\x00-\x1f\x7f][\x00-\x20\x7f]*")
"""A run of whitespace holding a control character: obsolete line folding (CR LF then
spaces or tabs, RFC 9112 §5.2), a tab, or a character RFC 9110 §5.5 forbids."""


def _field_value(value: str) -> str:
    """A received value as RFC 9110 §5.5 and RFC 9112 §5.2 let a recipient read it:
    folded lines joined, and each run of whitespace holding a tab or another control
    character made one space; then trimmed. The libraries differ here (http.client hands
    values over raw, aiohttp unfolds but keeps the tab), so this decides for all."""
    if not value.isprintable():
        value = _CONTROL_RUN.sub(" ", value)
    return value.strip()


class ReplyHeaders(Mapping[str, str]):
    """A reply's headers. Names compare without case (and are listed lower-case);
    every value of a repeated header is kept: `get_list(name)` gives them one by one,
    `headers[name]` joined with `, ` as RFC 9110 §5.3 combines them. Values are
    trimmed, unfolded and free of control characters, whichever client read them."""

    __slots__ = ("_values",)

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        values: dict[str, list[str]] = {}
        for name, value in pairs:
            values.setdefault(name.lower(), []).append(_field_value(value))
        self._values = values

    def __getitem__(self, name: str) -> str:
        return ", ".join(self._values[name.lower()])

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def get_list(self, name: str) -> list[str]:
        """Every value the header was sent with, in order (none: an empty list)."""
        return list(self._values.get(name.lower(), ()))

    def multi_items(self) -> list[tuple[str, str]]:
        """Every (name, value) pair, repeated headers once per value."""
        return [(name, value) for name, values in self._values.items() for value in values]

    def __repr__(self) -> str:
        return f"ReplyHeaders({self.multi_items()!r})"
