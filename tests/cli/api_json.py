"""What the fake API itself answers, fetched directly, to hold the command's `json`
output to the API's own shape; and the CSV headings docs/cli.md documents."""

from __future__ import annotations

import datetime
import re
from typing import Any

import httpx
from hmpps_non_associations_api.testing import ALL_ROLES, mint_token

from tests.conftest import ROOT

DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?")


def same_instants(data: Any) -> Any:
    """JSON with its date-times read, so `05.12` and `05.120000` (the API's text and
    Python's `isoformat()` of it) compare equal, and nothing else does."""
    if isinstance(data, dict):
        return {key: same_instants(value) for key, value in data.items()}
    if isinstance(data, list):
        return [same_instants(value) for value in data]
    if isinstance(data, str) and DATE_TIME.fullmatch(data):
        return datetime.datetime.fromisoformat(data)
    return data


def api_json(base_url: str, path: str, **params: Any) -> Any:
    """The JSON the fake API answers to GET `path`, with a token carrying every role,
    its date-times read (`same_instants`)."""
    token = mint_token(roles=ALL_ROLES, username="DIRECT")
    reply = httpx.get(
        f"{base_url}{path}",
        params=params,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    reply.raise_for_status()
    return same_instants(reply.json())


def documented_csv_headings() -> dict[str, list[str]]:
    """The CSV headings docs/cli.md documents (the page that was the README's `Command
    line` section, as lines `kind: heading,heading,...`), by kind: non-association,
    list, legacy, constants."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page.startswith("# Command line\n")
    found = re.findall(r"^([a-z-]+): +(\w[\w.,]+)$", page, flags=re.MULTILINE)
    return {kind: headings.split(",") for kind, headings in found}
