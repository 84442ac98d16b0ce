"""The exceptions a failed call raises, and the API's error codes.

Every failure is a `SanitisedError` (the Node client's name), so code written against
it keeps working; subclasses let applications branch on what happened:

    SanitisedError                    any failure
    ├── ApiStatusError                a reply that is not 2xx (`status` is set)
    │   ├── RedirectRefusedError      3xx: redirects are never followed
    │   ├── ClientError               4xx
    │   │   ├── BadRequestError       400
    │   │   ├── UnauthorisedError     401
    │   │   ├── ForbiddenError        403
    │   │   ├── NotFoundError         404
    │   │   ├── ConflictError         409
    │   │   └── RateLimitedError      429
    │   └── ServerError               5xx
    └── TransportError                no usable reply (`status` is None)
        ├── ApiTimeoutError           a wait or the whole call's deadline ran out
        └── UnreadableResponseError   a 2xx whose body the client cannot read

An error carries what the response said (status, reason, body, headers), where the
call went (`operation`, `method`, `path_template`, `origin`: never the filled-in path,
query or body, which hold prisoner numbers) and, when there is one, a `hint` at what
usually causes it and what to do. It keeps nothing else of the request, so the
Authorization header can never travel with it.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeAlias, TypeGuard

from .._settings._headers import ReplyHeaders
from ._untrusted import quoted

if TYPE_CHECKING:
    from hmpps_non_associations_api_client.models import ErrorResponse

__all__ = [
    "ApiStatusError",
    "ApiTimeoutError",
    "BadRequestError",
    "ClientError",
    "ConflictError",
    "ErrorCode",
    "ForbiddenError",
    "JsonValue",
    "NotFoundError",
    "RateLimitedError",
    "RedirectRefusedError",
    "SanitisedError",
    "ServerError",
    "TransportError",
    "UnauthorisedError",
    "UnreadableResponseError",
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

JsonValue: TypeAlias = dict[str, Any] | list[Any] | str | int | float | bool | None
"""What a JSON body decodes to."""


def is_error_response(obj: object) -> TypeGuard[ErrorResponse | Mapping[str, Any]]:
    """True for an `ErrorResponse` or a JSON object shaped like one."""
    if isinstance(obj, _error_response()):
        return True
    return isinstance(obj, Mapping) and obj.keys() >= _ERROR_RESPONSE_KEYS


class SanitisedError(Exception):
    """A failed call: a non-2xx response, or no usable response at all.

    `status` is None when nothing usable came back (connection refused, timeout,
    deadline, unreadable body). `data` is an `ErrorResponse` when the body is one,
    otherwise the decoded JSON, or None for a body that is not JSON (an HTML 503).
    `operation` (the client method, e.g. `get_non_association`), `method`,
    `path_template` (e.g. `/non-associations/{id}`) and `origin` (scheme, host and
    port) say where the call went; they are None on an error made outside a call.
    """

    status: int | None
    message: str
    text: str
    headers: ReplyHeaders
    data: ErrorResponse | JsonValue
    error_code: ErrorCode | None
    operation: str | None
    method: str | None
    path_template: str | None
    origin: str | None
    hint: str | None

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
        self.headers = (
            headers if isinstance(headers, ReplyHeaders) else ReplyHeaders((headers or {}).items())
        )
        self.data = _parse_body(text)
        self.error_code = _error_code(self.data)
        self.operation = self.method = self.path_template = self.origin = self.hint = None

    def located(
        self,
        operation: str,
        method: str,
        path_template: str,
        origin: str,
        hint: str | None = None,
    ) -> Self:
        """This error, marked with where its call went and what to do about it."""
        self.operation, self.method, self.path_template = operation, method, path_template
        self.origin, self.hint = origin, hint
        return self

    @property
    def outcome(self) -> str:
        """What happened, without where: `404 Not Found - <the API's message> [errorCode
        404]`, or a transport failure in words, then the hint if there is one. What the
        server wrote (the reason phrase, its message, a library's words quoting it) is
        escaped and cut short here, as this is what logs and `str()` show."""
        parts = [quoted(self.message)]
        if self.status is not None:
            parts.insert(0, str(self.status))
        if isinstance(self.data, _error_response()):
            parts.append(f"- {quoted(str(self.data.user_message))}")
        if self.error_code is not None:
            parts.append(f"[errorCode {self.error_code.value}]")
        text = " ".join(parts)
        return f"{text}; {self.hint}" if self.hint else text

    def __str__(self) -> str:
        if self.method is None:
            return self.outcome
        return f"{self.method} {self.path_template} to {self.origin}: {self.outcome}"

    def __repr__(self) -> str:
        code = self.error_code.value if self.error_code is not None else None
        return (
            f"{type(self).__name__}(status={self.status!r}, message={self.message!r}, "
            f"error_code={code!r}, operation={self.operation!r})"
        )

    @staticmethod
    def for_status(
        status: int, message: str, text: str, headers: Mapping[str, str]
    ) -> ApiStatusError:
        """The most specific class for a reply's status (3xx to 5xx)."""
        kind: type[ApiStatusError] | None = _BY_STATUS.get(status)
        if kind is None:
            kind = (
                ServerError
                if status >= 500
                else ClientError
                if status >= 400
                else RedirectRefusedError
                if status >= 300
                else ApiStatusError
            )
        return kind(message, status=status, text=text, headers=headers)


class ApiStatusError(SanitisedError):
    """A reply that is not 2xx: `status` is always set."""

    status: int


class RedirectRefusedError(ApiStatusError):
    """3xx: the client never follows a redirect, so the token never leaves the API's
    origin."""


class ClientError(ApiStatusError):
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


class ServerError(ApiStatusError):
    """The API failed (5xx)."""


class TransportError(SanitisedError):
    """No usable response: the connection failed, timed out, or the body was unreadable."""


class ApiTimeoutError(TransportError):
    """A wait for the server (`Timeout.response`) or the whole call (`Timeout.deadline`)
    ran out."""


class UnreadableResponseError(TransportError):
    """A 2xx reply whose body the client cannot read: not JSON, not the documented shape,
    or a date-time that is not one. `text` and `headers` are the reply's."""


_BY_STATUS: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: UnauthorisedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
}


def _parse_body(text: str) -> ErrorResponse | JsonValue:
    if not text:
        return None
    try:
        data: JsonValue = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict) and data.keys() >= _ERROR_RESPONSE_KEYS:
        try:
            return _error_response().from_dict(data)
        except (KeyError, TypeError, ValueError):
            return data
    return data


def _error_code(data: ErrorResponse | JsonValue) -> ErrorCode | None:
    code = data.error_code if isinstance(data, _error_response()) else None
    if isinstance(code, int) and code in ErrorCode._value2member_map_:
        return ErrorCode(code)
    return None


def _error_response() -> type[ErrorResponse]:
    """The generated model of the API's error body, loaded when an error first needs it:
    a program that never fails a call (a command line's --help) never loads a model."""
    from hmpps_non_associations_api_client.models.error_response import ErrorResponse

    return ErrorResponse
