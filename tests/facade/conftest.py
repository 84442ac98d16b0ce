"""Fixtures for the facade tests."""

from tests.facade.faults import closed_port, fault_server

__all__ = ["closed_port", "fault_server"]
