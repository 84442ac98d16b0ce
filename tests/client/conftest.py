"""Fixtures for the facade tests."""

from tests.client.faults import closed_port, fault_server

__all__ = ["closed_port", "fault_server"]
