"""What it costs an application to make one client per user request, as DPS apps do.

    .venv/bin/python benchmarks/per_request_cost.py

Compares creating our client with creating a fresh `httpx.Client` (what a
client that owns its pool would do), and one GET through each over loopback
against the embedded fake, so connection reuse shows. Results: RESULTS.md.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import httpx
from hmpps_non_associations_api import ApiConfig, NonAssociationsApi
from hmpps_non_associations_api.testing import READ_NON_ASSOCIATIONS, FakeApiServer, mint_token


def per_call(action: Callable[[], object], repeat: int) -> float:
    """Median seconds per call over `repeat` calls, in five batches."""
    batches = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(repeat):
            action()
        batches.append((time.perf_counter() - started) / repeat)
    return statistics.median(batches)


def main() -> None:
    token = mint_token(roles=[READ_NON_ASSOCIATIONS])
    https = ApiConfig("https://non-associations-api.example")
    NonAssociationsApi(token, https).close()  # the shared pool is built once, here

    rows = [
        (
            "new httpx.Client() (own pool, SSL context)",
            per_call(lambda: httpx.Client().close(), 40),
        ),
        (
            "NonAssociationsApi(token, config)",
            per_call(lambda: NonAssociationsApi(token, https), 2000),
        ),
    ]
    with FakeApiServer() as server:
        config = ApiConfig(server.url)

        def ours() -> None:
            with NonAssociationsApi(token, config) as api:
                api.get_non_association(1)

        def fresh_httpx() -> None:
            with httpx.Client(base_url=server.url) as client:
                client.get("/non-associations/1", headers={"Authorization": f"Bearer {token}"})

        ours()
        rows.append(("new client per request + GET (ours, shared pool)", per_call(ours, 200)))
        rows.append(("new httpx.Client per request + GET", per_call(fresh_httpx, 40)))

    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1e6:10.1f} µs")


if __name__ == "__main__":
    main()
