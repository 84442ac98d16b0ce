"""The reliability suite's token scan finds what it must (else its passes mean nothing)."""

from __future__ import annotations

import logging

import pytest
from hmpps_non_associations_api import TransportError

from tests.leaks import Scan
from tests.reliability.conftest import SCANNED, TOKEN


def test_the_scan_finds_the_token_in_logs_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    probe = Scan(*SCANNED)
    logging.getLogger("anything").debug("headers %s", {"Authorization": f"Bearer {TOKEN}"})
    assert any(TOKEN in text for text in probe.searched(caplog.get_records("call")))
    caplog.clear()

    probe = Scan(*SCANNED)
    try:
        try:
            raise RuntimeError(f"sent {TOKEN.split('.')[1]}")
        except RuntimeError:
            raise TransportError("sanitised") from None
    except TransportError as error:
        probe.exc(error)
    texts = probe.searched([])
    assert any(TOKEN.split(".")[1] in text for text in texts)  # the hidden __context__
    assert any(text.startswith("Traceback") for text in texts)
    assert "Bearer " in probe.forbidden() and TOKEN in probe.forbidden()
