"""Every reply of the fake, checked against the project's openapi.json with openapi-core
and read by the generated parser of its operation.

OpenAPI 3 cannot say that a response body is optional, so the document marks the
responses that sometimes come without one `x-content-optional` (the 401 of a write
that needs a username, the subject access 209). An empty reply is checked against the
document with those responses' content left out: its status and headers are still
validated, and an empty reply to any other response still fails as missing data.

Where the document does not describe a reply the real API gives, the case is listed
in KNOWN_GAPS with the reason; each must still fail validation exactly as listed (no
stale entries).
"""

from __future__ import annotations

import copy
import importlib
import json
import pkgutil
import re
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import normalise
import pytest
from hmpps_non_associations_api.testing import FakeTransport
from hmpps_non_associations_api_client import api
from hmpps_non_associations_api_client.models import ErrorResponse
from openapi_core import Config, OpenAPI
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.response.exceptions import MissingData

from tests.fakes.fake_api_cases import CASES, Case

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi.json"

KNOWN_GAPS: dict[str, type[Exception]] = {
    # undocumented paths and methods
    "unknown path": PathNotFound,
    "delete verb": OperationNotFound,
    "put constants": OperationNotFound,
}

# The generated operation modules, by name (the operationId in snake case).
OPERATION_MODULES: dict[str, ModuleType] = {
    info.name.rsplit(".", 1)[1]: importlib.import_module(info.name)
    for info in pkgutil.walk_packages(api.__path__, f"{api.__name__}.")
    if not info.ispkg
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


def _openapi(spec: dict[str, Any]) -> OpenAPI:
    return OpenAPI.from_dict(
        spec, config=Config(extra_format_validators={"local-date-time": _local_date_time})
    )


def _without_optional_content(spec: dict[str, Any]) -> dict[str, Any]:
    """The document as it reads for an empty reply: marked responses have no content."""
    bodiless = copy.deepcopy(spec)
    for _, _, op in normalise.operations(bodiless):
        for response in op["responses"].values():
            if response.get(normalise.OPTIONAL_CONTENT):
                del response["content"]
    return bodiless


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _operation(spec: dict[str, Any], request: httpx.Request) -> dict[str, Any]:
    """The documented operation a request reaches; literal path segments win over
    templated ones, as in the server's routing."""
    path = request.url.path
    candidates = sorted(spec["paths"].items(), key=lambda item: item[0].count("{"))
    for template, item in candidates:
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path) and request.method.lower() in item:
            operation: dict[str, Any] = item[request.method.lower()]
            return operation
    raise LookupError(f"{request.method} {path} is not documented")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def openapi(spec: dict[str, Any]) -> OpenAPI:
    return _openapi(spec)


@pytest.fixture(scope="module")
def bodiless_openapi(spec: dict[str, Any]) -> OpenAPI:
    return _openapi(_without_optional_content(spec))


@pytest.fixture(scope="module")
def replies() -> dict[str, tuple[httpx.Request, httpx.Response]]:
    """Each case's request and the reply of a freshly seeded fake."""
    answered = {}
    for case in CASES:
        request = case.request("http://fake.test")
        with httpx.Client(transport=FakeTransport()) as client:
            answered[case.name] = (request, client.send(request))
    return answered


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
def test_reply_matches_document(
    case: Case,
    openapi: OpenAPI,
    bodiless_openapi: OpenAPI,
    replies: dict[str, tuple[httpx.Request, httpx.Response]],
) -> None:
    request, response = replies[case.name]
    gap = KNOWN_GAPS.get(case.name)
    if gap is not None:
        with pytest.raises(gap):
            _validate(openapi, request, response)
        return
    _validate(openapi if response.content else bodiless_openapi, request, response)


@pytest.mark.parametrize(
    "case", [case for case in CASES if case.name not in KNOWN_GAPS], ids=lambda case: case.name
)
def test_generated_parser_reads_reply(
    case: Case, spec: dict[str, Any], replies: dict[str, tuple[httpx.Request, httpx.Response]]
) -> None:
    request, response = replies[case.name]
    module = OPERATION_MODULES[_snake(_operation(spec, request)["operationId"])]
    parsed = module.parse_response(response, raise_on_unexpected_status=True)

    if not response.content:
        assert parsed is None
    elif response.status_code >= 400 or response.status_code == 209:
        body = response.json()
        assert isinstance(parsed, ErrorResponse)
        assert (parsed.status, parsed.error_code, parsed.more_info) == (
            body["status"],
            body["errorCode"],
            body["moreInfo"],
        )
    else:
        assert parsed is not None and not isinstance(parsed, ErrorResponse)


def test_empty_reply_to_a_response_with_content_is_missing_data(
    openapi: OpenAPI,
    bodiless_openapi: OpenAPI,
    replies: dict[str, tuple[httpx.Request, httpx.Response]],
) -> None:
    """The bodiless reading still needs a body where the document does not mark it optional."""
    request, response = replies["get"]
    emptied = httpx.Response(
        response.status_code, headers={"Content-Type": "application/json"}, request=request
    )
    for document in (openapi, bodiless_openapi):
        with pytest.raises(MissingData):
            _validate(document, request, emptied)


def test_known_gaps_name_real_cases() -> None:
    assert set(KNOWN_GAPS) <= {case.name for case in CASES}


def test_cases_meet_both_shapes_of_each_optional_body(
    spec: dict[str, Any], replies: dict[str, tuple[httpx.Request, httpx.Response]]
) -> None:
    """Every response marked optional is seen both empty and with a body, so both readings
    are exercised above."""
    marked = {
        (op["operationId"], status)
        for _, _, op in normalise.operations(spec)
        for status, response in op["responses"].items()
        if response.get(normalise.OPTIONAL_CONTENT)
    }
    seen: dict[tuple[str, str], set[bool]] = {key: set() for key in marked}
    for name, (request, response) in replies.items():
        if name in KNOWN_GAPS:
            continue
        key = (_operation(spec, request)["operationId"], str(response.status_code))
        if key in seen:
            seen[key].add(bool(response.content))
    assert marked and seen == {key: {False, True} for key in marked}


def test_replies_carry_null_error_fields(
    replies: dict[str, tuple[httpx.Request, httpx.Response]],
) -> None:
    """The service writes errorCode and moreInfo as null when unset; the checks above
    validate and parse such bodies."""
    bodies = [
        response.json()
        for response in (reply for _, reply in replies.values())
        if response.status_code >= 400 and response.content
    ]
    assert any(body["errorCode"] is None for body in bodies)
    assert any(body["moreInfo"] is None for body in bodies)


def test_date_time_check_is_not_lax() -> None:
    assert _local_date_time("2023-07-21T08:14:21")
    assert _local_date_time("2023-07-21T08:14:21.120000")
    assert _local_date_time("2023-07-21T08:14:21.12")
    assert not _local_date_time("2023-07-21")
    assert not _local_date_time("yesterday")
    assert not _local_date_time("2023-07-21T25:00:00")
    assert not _local_date_time("2023-07-21T08:14:21+01:00")


def test_the_fake_asks_for_the_roles_and_scopes_the_document_declares() -> None:
    """Each operation's `x-roles` and `x-scopes` (which the client's 403 messages name)
    are what the fake checks: any one of the roles (the fake also takes the service's
    second subject access role), and the write scope for writes."""
    from hmpps_non_associations_api.testing import _api_handler

    checked = {
        ("/" + "/".join(route.pattern), method.lower()): operation
        for route in _api_handler._ROUTES
        if not route.public
        for method, operation in route.operations.items()
    }
    declared = {
        (path, method): op
        for path, item in json.loads(SPEC_PATH.read_text(encoding="utf-8"))["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict)
    }
    assert checked.keys() == declared.keys()
    for where, op in declared.items():
        fake = checked[where]
        assert set(op["x-roles"]) <= set(fake.roles), where
        assert (not op["x-roles"]) == (not fake.roles), where
        assert ("write" in op["x-scopes"]) == fake.writes, where
