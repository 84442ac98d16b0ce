"""The one scan for leaked secrets: every log record (DEBUG and up), every exception a
test collects (with its whole chain and traceback) and every text it adds is searched
for each secret. Suites that handle secrets add theirs to the `scan` fixture
(tests/conftest.py) from an autouse fixture of their own."""

from __future__ import annotations

import logging
import traceback
from typing import TypeVar

from hmpps_non_associations_api import SanitisedError
from hmpps_non_associations_api.testing import FakeHmppsAuth

__all__ = ["Scan"]

E = TypeVar("E", bound=BaseException)


class Scan:
    """Collects what must be searched, and what must not be found in it: `secrets`, and
    every token the watched fake HMPPS Auths issued."""

    def __init__(self, *secrets: str) -> None:
        self.secrets = set(secrets)
        self.fakes: list[FakeHmppsAuth] = []
        self.texts: list[str] = []
        self.exceptions: list[BaseException] = []

    def watch(self, fake: FakeHmppsAuth) -> FakeHmppsAuth:
        self.fakes.append(fake)
        return fake

    def exc(self, error: E) -> E:
        self.exceptions.append(error)
        return error

    def forbidden(self) -> set[str]:
        return self.secrets | {token for fake in self.fakes for token in fake.issued_tokens}

    def searched(self, records: list[logging.LogRecord]) -> list[str]:
        """Every text to search: the collected ones, the records', and each exception's
        (message, repr, arguments, a SanitisedError's body and headers, its traceback),
        down its causes and contexts (`from None` hides a context, it does not drop it)."""
        texts = list(self.texts)
        for record in records:
            texts += [record.getMessage(), repr(record.args), str(record.msg)]
            if record.exc_info and record.exc_info[1] is not None:
                self.exceptions.append(record.exc_info[1])
            if record.exc_text:
                texts.append(record.exc_text)
        seen: set[int] = set()
        pending = list(self.exceptions)
        while pending:
            error = pending.pop()
            if id(error) in seen:
                continue
            seen.add(id(error))
            texts += [str(error), repr(error), repr(error.args), *map(str, error.args)]
            texts += traceback.format_exception(error)
            if isinstance(error, SanitisedError):
                texts += [error.message, error.text, repr(dict(error.headers))]
            pending += [e for e in (error.__cause__, error.__context__) if e is not None]
        return texts

    def leaks(self, records: list[logging.LogRecord]) -> list[str]:
        """The texts holding a secret (none, when all is well)."""
        texts = self.searched(records)
        return [text for secret in self.forbidden() for text in texts if secret in text]
