"""Accept any logger: a `logging.Logger`, or anything with info/warn(ing)/error."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

__all__ = ["DEFAULT_LOGGER_NAME", "Log"]

DEFAULT_LOGGER_NAME = "hmpps_non_associations_api"

_Method = Callable[..., Any]

# A library leaves output to the application: silent unless it configures logging.
logging.getLogger(DEFAULT_LOGGER_NAME).addHandler(logging.NullHandler())


def _quiet(*args: Any, **kwargs: Any) -> None:
    """Stands in for a level the given logger does not have."""


class Log:
    """The four levels the client logs at, bound to whatever logger was given."""

    __slots__ = ("_target", "debug", "error", "info", "warning")
    info: _Method
    error: _Method
    warning: _Method
    debug: _Method

    def __init__(self, logger: object | None = None) -> None:
        target = logging.getLogger(DEFAULT_LOGGER_NAME) if logger is None else logger
        self._target = target
        if isinstance(target, logging.Logger):  # the usual case, and a client per request
            self.info, self.error = target.info, target.error
            self.warning, self.debug = target.warning, target.debug
            return

        def level(*names: str) -> _Method | None:
            for name in names:
                method: _Method | None = getattr(target, name, None)
                if callable(method):
                    return method
            return None

        info, error = level("info"), level("error")
        if info is None or error is None:
            raise TypeError("logger needs at least info and error methods")
        self.info = info
        self.error = error
        self.warning = level("warning", "warn") or info
        self.debug = level("debug") or _quiet

    def enabled(self, level: int) -> bool:
        """Whether a line at `level` (logging.DEBUG or logging.INFO) would go anywhere,
        so a line nobody reads is never formatted (always, for loggers that cannot say,
        but a debug level they lack)."""
        if isinstance(self._target, logging.Logger):
            return self._target.isEnabledFor(level)
        return level != logging.DEBUG or self.debug is not _quiet
