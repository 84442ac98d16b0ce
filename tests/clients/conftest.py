"""Fixtures for the facade tests."""

from tests.clients.either import api, router
from tests.clients.faults import closed_port, fault_server

__all__ = ["api", "closed_port", "fault_server", "router"]
