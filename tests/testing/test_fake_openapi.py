"""Every reply of the fake, checked against the project's openapi.json with openapi-core.

Where the document does not describe a reply the real API gives, the case is
listed in KNOWN_GAPS with the reason; such error bodies must still be valid
ErrorResponse objects, and the list must stay exact (no stale entries).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api.testing import FakeTransport
from openapi_core import Config, OpenAPI
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS31Validator

from tests.testing.fake_api_cases import CASES, Case

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.json"

KNOWN_GAPS: dict[str, type[Exception]] = {
    # undocumented paths and methods
    "unknown path": PathNotFound,
    "delete verb": OperationNotFound,
    "get between": ResponseNotFound,
    "put constants": OperationNotFound,
}


def _local_date_time(value: object) -> bool:
    """The API's date-times are local (no offset), which RFC 3339 `date-time` would refuse.

    Like every format check, it passes values of other types (such as null) to the type checks.
    """
    if not isinstance(value, str):
        return True
    if "T" not in value:
        return False
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return False
    return parsed.tzinfo is None


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def openapi(spec: dict[str, Any]) -> OpenAPI:
    return OpenAPI.from_dict(
        spec, config=Config(extra_format_validators={"local-date-time": _local_date_time})
    )


def _validate(openapi: OpenAPI, request: httpx.Request, response: httpx.Response) -> None:
    openapi.validate_response(
        MockRequest(
            "http://fake.test",
            request.method,
            request.url.raw_path.decode().partition("?")[0],
        ),
        MockResponse(
            response.content,
            status_code=response.status_code,
            headers=dict(response.headers),
            content_type=response.headers.get("Content-Type", ""),
        ),
    )


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_reply_matches_document(case: Case, openapi: OpenAPI, spec: dict[str, Any]) -> None:
    request = case.request("http://fake.test")
    with httpx.Client(transport=FakeTransport()) as client:
        response = client.send(request)
    gap = KNOWN_GAPS.get(case.name)
    if gap is None:
        _validate(openapi, request, response)
        return
    with pytest.raises(gap):
        _validate(openapi, request, response)
    if response.content:
        OAS31Validator(spec["components"]["schemas"]["ErrorResponse"]).validate(response.json())


def test_known_gaps_name_real_cases() -> None:
    assert set(KNOWN_GAPS) <= {case.name for case in CASES}


def test_date_time_check_is_not_lax() -> None:
    assert _local_date_time("2023-07-21T08:14:21")
    assert _local_date_time("2023-07-21T08:14:21.120000")
    assert not _local_date_time("2023-07-21")
    assert not _local_date_time("yesterday")
    assert not _local_date_time("2023-07-21T25:00:00")
    assert not _local_date_time("2023-07-21T08:14:21+01:00")
