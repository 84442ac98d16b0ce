"""Headers an application adds to its calls (`ApiConfig.headers`, `with_options`,
plugins): checked when given, so a bad one fails where it is set, not on the wire.

The client owns the headers that carry the token or describe the body it builds
(`Authorization`, `Proxy-Authorization`, `Host`, `Content-Length`, `Content-Type`):
they cannot be set this way. A `User-Agent` given is appended to the client's own, so
the API's logs show both (`hmpps-non-associations-api-python/1.2.0 my-app/3.4`).
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Iterator, Mapping

__all__ = ["OWNED", "USER_AGENT", "Headers", "check_header"]

USER_AGENT = (
    f"hmpps-non-associations-api-python/{importlib.metadata.version('hmpps-non-associations-api')}"
)

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
            agent = f"{USER_AGENT} {application[1]}" if application else USER_AGENT
            sent = {name: value for key, (name, value) in self._items.items() if key != _AGENT}
            sent["User-Agent"] = agent
            self._sent = sent
        return self._sent
