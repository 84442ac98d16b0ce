"""The plain HTTP request and reply both fakes answer, whatever carries them: the
in-process httpx transports and the loopback server build the same `Request` and
send back the same `Reply`."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import NamedTuple

__all__ = ["Reply", "Request", "Responder", "json_reply"]


class Request(NamedTuple):
    """One HTTP request as it arrived."""

    method: str
    target: str
    """The raw (still percent-encoded) path, with the query string if there is one."""
    headers: Mapping[str, str]
    """Header names in lower case."""
    body: bytes


class Reply(NamedTuple):
    """One HTTP response: status, headers and body."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


Responder = Callable[[Request], Reply]
"""What a fake offers its carriers: an answer for every request."""


def json_reply(status: int, document: object, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    """A JSON body with its content type, then any further headers."""
    body = json.dumps(document).encode()
    return Reply(status, (("Content-Type", "application/json"), *headers), body)
