"""What every connection library's failures have in common: a library exception in
words, and what an operating-system cause deep in its chain reveals (a certificate that
did not verify, a host name not found, a refused connection). Each transport maps its
own library's exceptions to a `SendError`, with these to help.
"""

from __future__ import annotations

import socket
import ssl

from ._wire import SendError

__all__ = ["describe", "failure", "os_error_kind"]


def describe(exc: BaseException) -> str:
    """A library exception in words: its class and message (never a request it holds)."""
    detail = str(exc)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def failure(kind: str, exc: BaseException) -> SendError:
    """The SendError of `kind` for a library's exception."""
    return SendError(kind, describe(exc), type(exc).__qualname__)


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(found) < 10:
        found.append(seen)
        seen = seen.__cause__ or seen.__context__
    return found


def os_error_kind(exc: BaseException) -> str | None:
    """The kind an OS-level cause reveals, wherever it sits in the chain."""
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLCertVerificationError | ssl.CertificateError):
            return SendError.CERTIFICATE
        if isinstance(cause, socket.gaierror):
            temporary = cause.errno == socket.EAI_AGAIN
            return SendError.LOOKUP_FAILED if temporary else SendError.HOST_NOT_FOUND
        if isinstance(cause, ConnectionRefusedError):
            return SendError.REFUSED
    return None
