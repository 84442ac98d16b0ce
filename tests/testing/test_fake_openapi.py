"""Every reply of the fake, checked against the project's openapi.json with openapi-core.

Where the document does not describe a reply the real API gives, the case is
listed in KNOWN_GAPS with the reason, or the kind of reply in DOCUMENT_GAPS
with what the document has yet to say. Each must still fail validation
exactly as listed (no stale entries), and its body must still be a valid
ErrorResponse, as the service writes one.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api.testing import FakeTransport
from openapi_core import Config, OpenAPI
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.response.exceptions import InvalidData, MissingData
from openapi_schema_validator import OAS31Validator

from tests.testing.fake_api_cases import CASES, Case

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.json"

KNOWN_GAPS: dict[str, type[Exception]] = {
    # undocumented paths and methods
    "unknown path": PathNotFound,
    "delete verb": OperationNotFound,
    "put constants": OperationNotFound,
}


def _empty_401(response: httpx.Response) -> bool:
    return response.status_code == 401 and not response.content


def _null_error_fields(response: httpx.Response) -> bool:
    if response.status_code < 400 or not response.content:
        return False
    body = response.json()
    return body.get("errorCode", 0) is None or body.get("moreInfo", "") is None


DOCUMENT_GAPS: tuple[tuple[str, Callable[[httpx.Response], bool], type[Exception]], ...] = (
    (
        "the security layer's 401 has no body; the document gives every 401 an ErrorResponse",
        _empty_401,
        MissingData,
    ),
    (
        "the service writes errorCode and moreInfo as null when they have no value; the "
        "document's ErrorResponse has them as a plain integer and string",
        _null_error_fields,
        InvalidData,
    ),
)
"""Replies the service gives that the document does not yet describe, with the
validation failure each causes until it does."""


def _error_response_schema(spec: dict[str, Any]) -> dict[str, Any]:
    """ErrorResponse as the service writes it: errorCode and moreInfo may be null."""
    schema = copy.deepcopy(spec["components"]["schemas"]["ErrorResponse"])
    schema["properties"]["errorCode"]["type"] = ["integer", "null"]
    schema["properties"]["moreInfo"]["type"] = ["string", "null"]
    return schema


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
        spec, config=Config(extra_format_validators={"date-time": _local_date_time})
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
        gap = next((error for _, applies, error in DOCUMENT_GAPS if applies(response)), None)
    if gap is None:
        _validate(openapi, request, response)
        return
    with pytest.raises(gap):
        _validate(openapi, request, response)
    if response.content:
        OAS31Validator(_error_response_schema(spec)).validate(response.json())


def test_known_gaps_name_real_cases() -> None:
    assert set(KNOWN_GAPS) <= {case.name for case in CASES}


@pytest.mark.parametrize(("gap", "applies", "error"), DOCUMENT_GAPS, ids=lambda x: "")
def test_document_gaps_are_met_by_some_case(
    gap: str, applies: Callable[[httpx.Response], bool], error: type[Exception]
) -> None:
    with httpx.Client(transport=FakeTransport()) as client:
        assert any(applies(client.send(case.request("http://fake.test"))) for case in CASES), gap


def test_date_time_check_is_not_lax() -> None:
    assert _local_date_time("2023-07-21T08:14:21")
    assert _local_date_time("2023-07-21T08:14:21.120000")
    assert _local_date_time("2023-07-21T08:14:21.12")
    assert not _local_date_time("2023-07-21")
    assert not _local_date_time("yesterday")
    assert not _local_date_time("2023-07-21T25:00:00")
    assert not _local_date_time("2023-07-21T08:14:21+01:00")
