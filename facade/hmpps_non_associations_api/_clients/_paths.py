"""The paths `request()` may send to: under the API's URL and nowhere else, so the
token never leaves the API, with `{placeholders}` filled from `path_params`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote, unquote

__all__ = ["filled", "method", "relative"]

_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
_PATH = re.compile(r"/?[A-Za-z0-9\-._~!$&'()*+,;=:@%/{}]*")
"""What `request()` takes as a path: the characters of a URL path (percent-encoded as
need be), and `{placeholders}` for `path_params`."""
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def method(value: object) -> str:
    """The HTTP method, upper-case; one the API's operations use."""
    if not isinstance(value, str) or value.upper() not in _METHODS:
        raise ValueError(f"method must be one of {', '.join(sorted(_METHODS))}")
    return value.upper()


def relative(path: object) -> str:
    """A path under the API's URL; anything that could reach another origin (a scheme,
    `//host`, a backslash) is refused, so the token never leaves the API."""
    if not isinstance(path, str):
        raise TypeError(f"path must be a str, not {type(path).__name__}")
    if (
        path.startswith(("//", "\\"))
        or "\\" in path
        or re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", path)
    ):
        raise ValueError("path must be a path under the API's URL, not another origin")
    if not _PATH.fullmatch(path):
        raise ValueError(
            "path must hold only the characters of a URL path (no spaces, query or"
            " fragment: give query parameters as params)"
        )
    _refuse_dot_segments(path, "path")
    return path if path.startswith("/") else f"/{path}"


def _refuse_dot_segments(path: str, where: str) -> None:
    """ValueError for a `.` or `..` segment, in any spelling a server, proxy or gateway
    may decode before it resolves the path (`%2e%2e`, `..%2f`, `%252e`, a backslash):
    each would take the request, and its token, out of the API's base path."""
    for segment in path.split("/"):
        decoded = segment
        for _ in range(3):  # a gateway may decode twice; past that, nothing resolves it
            decoded = unquote(decoded)
        if any(part in (".", "..") for part in re.split(r"[/\\]", decoded)):
            raise ValueError(
                f"{where} must not hold '.' or '..' segments (in any encoding): they would"
                " climb out of the API's URL"
            )


def filled(template: str, path_params: Mapping[str, str | int] | None) -> str:
    """The template with each `{name}` replaced by its value, percent-encoded."""
    names = _PLACEHOLDER.findall(template)
    given = dict(path_params or {})
    if set(names) != set(given):
        raise ValueError(
            f"path_params must give exactly the path's placeholders ({', '.join(names) or 'none'})"
        )
    for name, value in given.items():
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise TypeError(f"path_params[{name!r}] must be a str or an int")
        if value == "":
            raise ValueError(f"path_params[{name!r}] is empty, which would name another path")
    filled = _PLACEHOLDER.sub(lambda found: quote(str(given[found[1]]), safe=""), template)
    _refuse_dot_segments(filled, "path_params")
    return filled
