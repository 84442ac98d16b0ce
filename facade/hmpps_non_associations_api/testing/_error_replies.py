"""Failures the fake reports, worded and shaped as the service reports them.

Most become an ErrorResponse body. The service writes every field of it, so
`errorCode` and `moreInfo` are sent as null when they have no value. A
missing or unusable token is answered by the security layer instead: a 401
with no body and a `WWW-Authenticate` challenge.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._errors._exceptions import ErrorCode

__all__ = [
    "ApiError",
    "MissingPrisoners",
    "access_denied",
    "already_closed",
    "already_open",
    "bean_validation",
    "enum_mismatch",
    "missing_prisoners",
    "no_resource",
    "not_found",
    "null_locations",
    "open_already_exists",
    "type_mismatch",
    "unauthorised",
    "unexpected",
    "unreadable",
    "unsupported_media_type",
    "user_missing",
    "validation_exception",
]


class ApiError(Exception):
    """An HTTP failure: status, the ErrorResponse's messages and code, extra headers.

    `has_body` is False for the security layer's bare 401s.
    """

    def __init__(
        self,
        status: int,
        user_message: str,
        developer_message: str | None = None,
        *,
        error_code: ErrorCode | None = None,
        headers: tuple[tuple[str, str], ...] = (),
        has_body: bool = True,
    ) -> None:
        super().__init__(user_message)
        self.status = status
        self.user_message = user_message
        self.developer_message = developer_message or user_message
        self.error_code = error_code
        self.headers = headers
        self.has_body = has_body

    def body(self) -> dict[str, object]:
        """The ErrorResponse JSON object."""
        return {
            "status": self.status,
            "userMessage": self.user_message,
            "developerMessage": self.developer_message,
            "errorCode": None if self.error_code is None else self.error_code.value,
            "moreInfo": None,
        }


def _bracketed_list(values: Iterable[str]) -> str:
    """A collection as the service's messages print one: `[A1234BC, B2345CD]`."""
    return "[" + ", ".join(values) + "]"


def _service_error(
    status: int, heading: str, detail: str, error_code: ErrorCode | None = None
) -> ApiError:
    """A failure as the service's exception handlers word it: the user message is a
    heading and the detail, the developer message the detail alone."""
    return ApiError(status, f"{heading}: {detail}", detail, error_code=error_code)


def unauthorised(problem: str | None = None) -> ApiError:
    """No token (`problem` None) or one that cannot be used: an empty 401."""
    challenge = "Bearer"
    if problem is not None:
        challenge = (
            f'Bearer error="invalid_token", error_description="{problem}", '
            'error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"'
        )
    return ApiError(401, "Unauthorized", headers=(("WWW-Authenticate", challenge),), has_body=False)


def access_denied() -> ApiError:
    """The token lacks the role or scope the operation needs."""
    return _service_error(403, "Forbidden", "Access Denied")


def validation_exception(message: str) -> ApiError:
    """A rule checked by the operation itself or by method validation: 400, no code."""
    return _service_error(400, "Validation failure", message)


def unreadable(detail: str) -> ApiError:
    """A body that cannot be read into the request type: 400, no code."""
    return _service_error(400, "Validation failure: Couldn't read request body", detail)


def type_mismatch(name: str, type_name: str) -> ApiError:
    """A path or query parameter that does not convert to its type: 400, no code."""
    return _service_error(
        400, "Validation failure", f"Parameter {name} must be of type {type_name}"
    )


def enum_mismatch(name: str, values: Iterable[str]) -> ApiError:
    """A query parameter that is not one of its enum's values: 400, no code."""
    detail = f"Parameter {name} must be one of the following {', '.join(values)}"
    return _service_error(400, "Validation failure", detail)


def unsupported_media_type(content_type: str) -> ApiError:
    """A body in a content type other than JSON: 415."""
    detail = f"Content-Type '{content_type}' is not supported"
    return _service_error(415, "Validation failure: Request format not supported", detail)


def bean_validation(request_type: str, problems: Iterable[tuple[str, object, str]]) -> ApiError:
    """Field rules of a request body broken: 400 with error code 102.

    `problems` are (field, rejected value, message) triples.
    """
    details = "; ".join(
        f"[Field error in object '{request_type}' on field '{field}': rejected value "
        f"[{value}]; default message [{message}]]"
        for field, value, message in problems
    )
    detail = f"Validation failed for argument [0]: {details}"
    return _service_error(400, "Validation Failure", detail, ErrorCode.VALIDATION_FAILURE)


def user_missing() -> ApiError:
    """A write that needs a username, with none in the token: 401 with error code 401."""
    detail = "There is no user in context for this request"
    return _service_error(401, "User in context missing", detail, ErrorCode.USER_IN_CONTEXT_MISSING)


def not_found(non_association_id: int) -> ApiError:
    """No non-association with this ID: 404 with error code 404."""
    detail = f"There is no non-association found for ID = {non_association_id}"
    return _service_error(
        404, "Non-association not found", detail, ErrorCode.NON_ASSOCIATION_NOT_FOUND
    )


class MissingPrisoners(ApiError):
    """Prisoner search does not know some prisoners (a 404, or a 209 for subject access)."""


def missing_prisoners(prisoner_numbers: Iterable[str]) -> MissingPrisoners:
    """Prisoners that prisoner search does not know: 404, no code."""
    detail = f"Could not find the following prisoners: {_bracketed_list(prisoner_numbers)}"
    return MissingPrisoners(404, f"Missing prisoners: {detail}", detail)


def open_already_exists(prisoner_numbers: Iterable[str]) -> ApiError:
    """Creating a second open non-association for a pair: 409 with error code 101."""
    return _service_error(
        409,
        "Non-association already exists for these prisoners that is open",
        f"Prisoners {_bracketed_list(prisoner_numbers)} already have open non-associations",
        ErrorCode.OPEN_NON_ASSOCIATION_ALREADY_EXISTS,
    )


def null_locations(prisoner_numbers: Iterable[str]) -> ApiError:
    """Prisoners without a booking cannot be non-associated: 409 with error code 103."""
    return _service_error(
        409,
        "Non-association cannot be created when prisoner locations are null",
        f"Prisoners {_bracketed_list(prisoner_numbers)} have null locations",
        ErrorCode.NULL_PRISONER_LOCATION,
    )


def already_closed(non_association_id: int) -> ApiError:
    """Closing a closed non-association: 409 with error code 100."""
    detail = f"Non-association [ID={non_association_id}] already closed"
    return _service_error(
        409, "Already Closed Non-Association", detail, ErrorCode.NON_ASSOCIATION_ALREADY_CLOSED
    )


def already_open(non_association_id: int) -> ApiError:
    """Reopening while the pair has an open non-association: 409 with error code 104."""
    detail = f"Non-association [ID={non_association_id}] already open"
    return _service_error(
        409, "Already Open Non-Association", detail, ErrorCode.NON_ASSOCIATION_ALREADY_OPEN
    )


def no_resource(path: str) -> ApiError:
    """A path no operation serves: 404, no code."""
    return _service_error(404, "No resource found", f"No static resource {path.lstrip('/')}.")


def unexpected(detail: str) -> ApiError:
    """What the service's catch-all turns into a 500."""
    return _service_error(500, "Unexpected error", detail)
