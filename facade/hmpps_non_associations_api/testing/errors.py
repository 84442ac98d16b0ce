"""Failures the fake reports, each becoming an ErrorResponse body."""

from __future__ import annotations

__all__ = [
    "ALREADY_CLOSED",
    "ALREADY_OPEN",
    "NOT_FOUND",
    "NO_LOCATION",
    "OPEN_ALREADY_EXISTS",
    "USER_MISSING",
    "VALIDATION_FAILURE",
    "ApiError",
    "bad_request",
    "validation_failure",
]

ALREADY_CLOSED = 100
OPEN_ALREADY_EXISTS = 101
VALIDATION_FAILURE = 102
NO_LOCATION = 103
ALREADY_OPEN = 104
USER_MISSING = 401
NOT_FOUND = 404


class ApiError(Exception):
    """An HTTP failure with the API's error code, if it has one."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        error_code: int | None = None,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_code = error_code
        self.headers = headers

    def body(self) -> dict[str, object]:
        """The ErrorResponse JSON object."""
        body: dict[str, object] = {
            "status": self.status,
            "userMessage": self.message,
            "developerMessage": self.message,
        }
        if self.error_code is not None:
            body["errorCode"] = self.error_code
        return body


def validation_failure(message: str) -> ApiError:
    """A request body that breaks a field rule (error code 102)."""
    return ApiError(400, f"Validation failure: {message}", error_code=VALIDATION_FAILURE)


def bad_request(message: str) -> ApiError:
    """A malformed request without an error code of its own."""
    return ApiError(400, f"Validation failure: {message}")
