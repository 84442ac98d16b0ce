"""Text the client did not write (the API's `userMessage`, a reason phrase, a library's
words quoting what a server sent) made safe for a log line or an exception's message.

A CR or LF in it would forge a second log line, an escape sequence would reach a
terminal, and a megabyte of it would make a megabyte log line (CWE-117). Wherever such
text enters a message it is passed through `quoted`; the exception keeps it whole on
its attributes (`text`, `data`).
"""

from __future__ import annotations

__all__ = ["LIMIT", "quoted"]

LIMIT = 300
"""Characters of server text kept in a message or log line."""


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    """A character as Python writes it in a string literal: `\\n`, `\\x1b`, `\\u2028`."""
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def quoted(text: str, limit: int = LIMIT) -> str:
    """`text` with every character that is not printable (control characters, line and
    paragraph separators, direction overrides) written as an escape like `\\x1b`, cut
    after `limit` characters with a note of how many more there were."""
    cut = text[:limit]
    if not cut.isprintable():
        cut = "".join(char if char.isprintable() else _escaped(char) for char in cut)
    if len(text) > limit:
        cut += f"... ({len(text) - limit} more characters)"
    return cut
