"""Performance suite: the Python client against the Node client, over loopback nginx.

Run from the repository root with `make bench` (or `python -m benchmarks.run`).
"""
