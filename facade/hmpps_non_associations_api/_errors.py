"""The exceptions a failed call raises, and the API's error codes.

Every failure is a `SanitisedError` (the Node client's name), so code written against
it keeps working; subclasses let applications branch on what happened:

    SanitisedError                a redirect refused, or any failure
    ├── ClientError               4xx
    │   ├── BadRequestError       400
    │   ├── UnauthorisedError     401
    │   ├── ForbiddenError        403
    │   ├── NotFoundError         404
    │   ├── ConflictError         409
    │   └── RateLimitedError      429
    ├── ServerError               5xx
    └── TransportError            no usable response
        └── ApiTimeoutError       a wait or the whole call's deadline ran out

An error carries what the response said (status, reason, body, headers) and nothing
of the request, so the Authorization header can never travel with it.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import Any, TypeGuard

from hmpps_non_associations_api_client.models import ErrorResponse

__all__ = [
    "ApiTimeoutError",
    "BadRequestError",
    "ClientError",
    "ConflictError",
    "ErrorCode",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitedError",
    "SanitisedError",
    "ServerError",
    "TransportError",
    "UnauthorisedError",
    "describe",
    "is_error_response",
]


class ErrorCode(enum.IntEnum):
    """The API's own `errorCode` values; fixed by the API forever."""

    NON_ASSOCIATION_ALREADY_CLOSED = 100
    OPEN_NON_ASSOCIATION_ALREADY_EXISTS = 101
    VALIDATION_FAILURE = 102
    NULL_PRISONER_LOCATION = 103
    NON_ASSOCIATION_ALREADY_OPEN = 104
    USER_IN_CONTEXT_MISSING = 401
    NON_ASSOCIATION_NOT_FOUND = 404


_ERROR_RESPONSE_KEYS = {"status", "userMessage", "developerMessage"}


def is_error_response(obj: object) -> TypeGuard[ErrorResponse | Mapping[str, Any]]:
    """True for an `ErrorResponse` or a JSON object shaped like one."""
    if isinstance(obj, ErrorResponse):
        return True
    return isinstance(obj, Mapping) and obj.keys() >= _ERROR_RESPONSE_KEYS


class SanitisedError(Exception):
    """A failed call: a non-2xx response, or no usable response at all.

    `status` is None when nothing usable came back (connection refused, timeout,
    deadline, unreadable body). `data` is an `ErrorResponse` when the body is one,
    otherwise the parsed JSON or None.
    """

    status: int | None
    message: str
    text: str
    headers: Mapping[str, str]
    data: ErrorResponse | Any
    error_code: ErrorCode | None

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        text: str = "",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.text = text
        self.headers = dict(headers or {})
        self.data = _parse_body(text)
        self.error_code = _error_code(self.data)

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.insert(0, str(self.status))
        if isinstance(self.data, ErrorResponse):
            parts.append(f"- {self.data.user_message}")
        if self.error_code is not None:
            parts.append(f"[errorCode {self.error_code.value}]")
        return " ".join(parts)

    def __repr__(self) -> str:
        code = self.error_code.value if self.error_code is not None else None
        return (
            f"{type(self).__name__}(status={self.status!r}, message={self.message!r}, "
            f"error_code={code!r})"
        )

    @staticmethod
    def for_status(
        status: int, message: str, text: str, headers: Mapping[str, str]
    ) -> SanitisedError:
        """The most specific subclass for an HTTP status."""
        kind = _BY_STATUS.get(status)
        if kind is None:
            kind = (
                ServerError if status >= 500 else ClientError if status >= 400 else SanitisedError
            )
        return kind(message, status=status, text=text, headers=headers)


class ClientError(SanitisedError):
    """The API refused the request (4xx)."""


class BadRequestError(ClientError):
    """400: the request broke one of the API's rules (`error_code` 102 for validation)."""


class UnauthorisedError(ClientError):
    """401: no valid token, or a write whose token names no user (`error_code` 401)."""


class ForbiddenError(ClientError):
    """403: the token lacks the role the operation needs."""


class NotFoundError(ClientError):
    """404: no such non-association, or a prisoner unknown to prisoner search."""


class ConflictError(ClientError):
    """409: the change clashes with the record's state (`error_code` 100, 101, 103, 104)."""


class RateLimitedError(ClientError):
    """429: too many requests; reads are retried, honouring `Retry-After`."""


class ServerError(SanitisedError):
    """The API failed (5xx)."""


class TransportError(SanitisedError):
    """No usable response: the connection failed, timed out, or the body was unreadable."""


class ApiTimeoutError(TransportError):
    """A wait for the server (`Timeout.response`) or the whole call (`Timeout.deadline`)
    ran out."""


_BY_STATUS: dict[int, type[SanitisedError]] = {
    400: BadRequestError,
    401: UnauthorisedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
}


def describe(exc: Exception) -> str:
    """A transport failure in words, without the request an httpx exception carries."""
    detail = str(exc)
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _parse_body(text: str) -> ErrorResponse | Any:
    if not text:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict) and data.keys() >= _ERROR_RESPONSE_KEYS:
        try:
            return ErrorResponse.from_dict(data)
        except (KeyError, TypeError, ValueError):
            return data
    return data


def _error_code(data: ErrorResponse | Any) -> ErrorCode | None:
    code = data.error_code if isinstance(data, ErrorResponse) else None
    if isinstance(code, int) and code in ErrorCode._value2member_map_:
        return ErrorCode(code)
    return None
