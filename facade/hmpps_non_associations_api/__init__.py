"""Python client for the HMPPS Non-associations API."""
