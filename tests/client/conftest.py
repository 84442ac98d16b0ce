"""Fixtures for the facade tests."""

from tests.client.either import api, router
from tests.client.faults import closed_port, fault_server

__all__ = ["api", "closed_port", "fault_server", "router"]
