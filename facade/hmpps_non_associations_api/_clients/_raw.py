"""A call's reply as it came, for `with_raw_response`: status, headers, how many tries
it took and how long, and the usual result on demand."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, ParamSpec, TypeVar, cast

from .._settings._headers import ReplyHeaders
from .._transport._wire import WireReply

__all__ = ["RawResponse", "async_raw", "raw"]

T = TypeVar("T")
P = ParamSpec("P")

_UNPARSED = object()


class RawResponse(Generic[T]):
    """The final reply to a call that succeeded (a failed call raises as usual).

    `status_code` and `headers` (names without case, every value of a repeated header
    in `headers.get_list(name)`) are the reply's, `content` its body (decoded from
    gzip), `tries` how many tries the call took (retries and a renewed token included)
    and `elapsed` its seconds in all. `parse()` gives what the method gives without
    `with_raw_response`; a body that is not the documented JSON raises then, as the
    method would have (one that cannot be decoded at all raises at once).
    """

    __slots__ = ("_parse", "_parsed", "content", "elapsed", "headers", "status_code", "tries")

    def __init__(
        self, reply: WireReply, tries: int, elapsed: float, parse: Callable[[], T]
    ) -> None:
        self.status_code: int = reply.status_code
        self.headers: ReplyHeaders = reply.headers
        self.content: bytes = reply.content
        self.tries = tries
        self.elapsed = elapsed
        self._parse = parse
        self._parsed: object = _UNPARSED

    def parse(self) -> T:
        """The usual result, read once."""
        if self._parsed is _UNPARSED:
            self._parsed = self._parse()
        parsed: T = self._parsed  # type: ignore[assignment]
        return parsed

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, tries={self.tries})"


def async_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    """A method of the client copy `with_raw_response` made, typed for what it gives."""
    return cast(Callable[P, Awaitable[RawResponse[T]]], method)


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """The same for the thread client."""
    return cast(Callable[P, RawResponse[T]], method)
