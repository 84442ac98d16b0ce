"""Errors say where and what to do: every error raised for a call carries the client
method, the HTTP method, the path template and the API's origin (never the filled-in
path, query or body, which hold prisoner numbers), transport failures say so in plain
words, and 401s and 403s say what usually causes them. Over real loopback sockets."""

from __future__ import annotations

import inspect
import traceback
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncHmppsAuthClient,
    AsyncNonAssociationsApi,
    AuthConfig,
    ForbiddenError,
    HmppsAuthClient,
    NonAssociationsApi,
    NotFoundError,
    RetryPolicy,
    SanitisedError,
    ServerError,
    Timeout,
    TransportError,
    UnauthorisedError,
    UnreadableResponseError,
)
from hmpps_non_associations_api._spec._document import document

from tests.clients.either import failure
from tests.clients.faults import NON_ASSOCIATION, FaultServer, Reply

TOKEN = "eyJhbGciOiJub25lIn0.c2VjcmV0LXRva2VuLXBheWxvYWQ.sig"
PRISONER = "G4321XY"
FAST = Timeout(response=2.0, deadline=5.0)
CREATE = {
    "firstPrisonerNumber": PRISONER,
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "D5678EF",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "BULLYING",
    "restrictionType": "CELL",
    "comment": "Kept apart",
}

# Every method of the client: its arguments, and the request it makes.
DELETE = {"deletionReason": "x", "staffUserNameRequestingDeletion": "U"}
ONE = 987654
CALLS = [
    pytest.param("constants", (), {}, "GET", "/constants", id="constants"),
    pytest.param(
        "list_non_associations",
        (PRISONER,),
        {},
        "GET",
        "/prisoner/{prisonerNumber}/non-associations",
        id="list",
    ),
    pytest.param(
        "list_non_associations_between",
        ([PRISONER, "D5678EF"],),
        {},
        "POST",
        "/non-associations/between",
        id="between",
    ),
    pytest.param(
        "list_non_associations_involving",
        ([PRISONER],),
        {},
        "POST",
        "/non-associations/involving",
        id="involving",
    ),
    pytest.param("paged_non_associations", (), {"page": 2}, "GET", "/non-associations", id="page"),
    pytest.param("get_non_association", (ONE,), {}, "GET", "/non-associations/{id}", id="get"),
    pytest.param("create_non_association", (CREATE,), {}, "POST", "/non-associations", id="create"),
    pytest.param(
        "update_non_association",
        (ONE, {"comment": "x"}),
        {},
        "PATCH",
        "/non-associations/{id}",
        id="update",
    ),
    pytest.param(
        "close_non_association",
        (ONE, {"closedReason": "x"}),
        {},
        "PUT",
        "/non-associations/{id}/close",
        id="close",
    ),
    pytest.param(
        "reopen_non_association",
        (ONE, {"reopenReason": "x"}),
        {},
        "PUT",
        "/non-associations/{id}/reopen",
        id="reopen",
    ),
    pytest.param(
        "delete_non_association",
        (ONE, DELETE),
        {},
        "POST",
        "/non-associations/{id}/delete",
        id="delete",
    ),
    pytest.param(
        "get_legacy_non_association",
        (ONE,),
        {},
        "GET",
        "/legacy/api/non-associations/{id}",
        id="legacy",
    ),
    pytest.param(
        "subject_access_request",
        (),
        {"prn": PRISONER},
        "GET",
        "/subject-access-request",
        id="sar",
    ),
]


def make(kind: str, url: str, **config: Any) -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(TOKEN, ApiConfig(url, timeout=FAST, **config))


def personal(error: SanitisedError) -> list[str]:
    """Where the error shows its request's personal data: prisoner numbers and IDs."""
    shown = [str(error), repr(error), error.operation, error.path_template, error.origin]
    return [text for text in shown if text and (PRISONER in text or str(ONE) in text)]


pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


@pytest.mark.parametrize(("name", "args", "kwargs", "method", "template"), CALLS)
async def test_a_refusal_says_which_operation_and_role(
    kind: str,
    fault_server: FaultServer,
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    template: str,
) -> None:
    body = {
        "status": 403,
        "userMessage": "Forbidden: Access Denied",
        "developerMessage": "Access Denied",
    }
    fault_server.script = [Reply(403, body=body)]
    error = await failure(make(kind, fault_server.url), name, *args, **kwargs)
    assert type(error) is ForbiddenError
    assert (error.operation, error.method, error.path_template) == (name, method, template)
    assert error.origin == fault_server.url
    declared = document()["paths"][template][method.lower()]
    roles = declared["x-roles"]
    where = f"{method} {template} to {fault_server.url}: 403 Forbidden - Forbidden: Access Denied"
    assert str(error).startswith(where)
    if roles:
        assert error.hint is not None
        assert f"{name} needs the {roles[0]} role" in error.hint
        assert ("write scope" in error.hint) == ("write" in declared["x-scopes"])
        assert str(error).endswith(f"; {error.hint}")
    else:
        assert error.hint is None
    assert personal(error) == []


@pytest.mark.parametrize(("name", "args", "kwargs", "method", "template"), CALLS)
async def test_no_connection_says_where_it_was_going(
    kind: str,
    closed_port: int,
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    method: str,
    template: str,
) -> None:
    origin = f"http://127.0.0.1:{closed_port}"
    error = await failure(make(kind, origin), name, *args, **kwargs)
    assert type(error) is TransportError and error.status is None
    assert (error.operation, error.method, error.path_template, error.origin) == (
        name,
        method,
        template,
        origin,
    )
    assert str(error).startswith(f"{method} {template} to {origin}: connection refused (")
    assert error.hint == "check that the service runs at that address (ApiConfig.url)"
    assert personal(error) == []


async def test_a_401_says_why_tokens_are_refused(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(401, body=None, headers={"WWW-Authenticate": "Bearer"})]
    error = await failure(make(kind, fault_server.url), "get_non_association", ONE)
    assert type(error) is UnauthorisedError
    assert error.hint is not None
    for words in ("expired", "another HMPPS Auth", "fixed token", "token_provider"):
        assert words in error.hint
    assert str(error).endswith(error.hint)


async def test_a_write_without_a_user_says_to_name_one(
    kind: str, fault_server: FaultServer
) -> None:
    body = {"status": 401, "errorCode": 401, "userMessage": "No user", "developerMessage": "x"}
    fault_server.script = [Reply(401, body=body)]
    error = await failure(make(kind, fault_server.url), "create_non_association", CREATE)
    assert error.hint is not None and "get_system_client_token(username)" in error.hint


async def test_other_refusals_carry_no_hint(kind: str, fault_server: FaultServer) -> None:
    body = {"status": 404, "errorCode": 404, "userMessage": "Gone", "developerMessage": "x"}
    fault_server.script = [Reply(404, body=body)]
    error = await failure(make(kind, fault_server.url), "get_non_association", ONE)
    assert type(error) is NotFoundError and error.hint is None
    assert str(error) == (
        f"GET /non-associations/{{id}} to {fault_server.url}: 404 Not Found - Gone [errorCode 404]"
    )


async def test_an_html_error_page_has_no_data(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [
        Reply(503, body=b"<html>down</html>", headers={"Content-Type": "text/html"})
    ]
    api = make(kind, fault_server.url, retry=RetryPolicy(attempts=1))
    error = await failure(api, "get_non_association", ONE)
    assert type(error) is ServerError and error.data is None and error.text == "<html>down</html>"
    assert error.operation == "get_non_association"


async def test_an_unreadable_reply_says_where(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(body={"id": "not a record"})]
    error = await failure(make(kind, fault_server.url), "get_non_association", ONE)
    assert type(error) is UnreadableResponseError
    assert error.message.startswith("Unreadable response")
    assert (error.operation, error.path_template) == (
        "get_non_association",
        "/non-associations/{id}",
    )


async def test_a_walk_names_itself_when_paging_goes_wrong(
    kind: str, fault_server: FaultServer
) -> None:
    page = {"content": [NON_ASSOCIATION], "number": 0, "totalPages": "many", "last": False}
    fault_server.script = [Reply(body=page)]
    api = make(kind, fault_server.url)
    with pytest.raises(TransportError) as caught:
        if kind == "sync":
            list(api.iter_non_associations())
        else:
            [item async for item in api.iter_non_associations()]
    error = caught.value
    assert (error.operation, error.method, error.path_template) == (
        "iter_non_associations",
        "GET",
        "/non-associations",
    )


def auth(kind: str, url: str) -> Any:
    config = AuthConfig(url, "client", "not-the-secret", timeout=Timeout(2, 5))
    return HmppsAuthClient(config) if kind == "sync" else AsyncHmppsAuthClient(config)


async def fetch_failure(client: Any) -> SanitisedError:
    with pytest.raises(SanitisedError) as caught:
        token = client.get_system_client_token("SOME_USER")
        if inspect.isawaitable(token):
            await token
    return caught.value


async def test_auth_refusing_the_credentials_says_which_settings(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(401, body={"error": "unauthorized"})]
    error = await fetch_failure(auth(kind, f"{fault_server.url}/auth"))
    assert type(error) is UnauthorisedError
    assert (error.operation, error.method, error.path_template, error.origin) == (
        "get_system_client_token",
        "POST",
        "/auth/oauth/token",
        fault_server.url,
    )
    assert error.hint is not None and "HMPPS_AUTH_CLIENT_SECRET" in error.hint
    assert "not-the-secret" not in str(error) + repr(error)


async def test_an_auth_url_without_its_path_says_so(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(404, body={"error": "Not Found"})]
    error = await fetch_failure(auth(kind, fault_server.url))
    assert type(error) is NotFoundError and error.path_template == "/oauth/token"
    assert error.hint is not None and "ending in /auth" in error.hint


async def test_auth_out_of_reach_says_where(kind: str, closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/auth"
    error = await fetch_failure(auth(kind, url))
    assert type(error) is TransportError
    assert str(error).startswith(
        f"POST /auth/oauth/token to http://127.0.0.1:{closed_port}: HMPPS Auth token request"
        " failed (connection refused ("
    )
    assert error.hint == "check that the service runs at that address (AuthConfig.url)"


async def test_errors_report_the_public_module(kind: str, fault_server: FaultServer) -> None:
    body = {"status": 404, "userMessage": "Gone", "developerMessage": "x"}
    fault_server.script = [Reply(404, body=body)]
    error = await failure(make(kind, fault_server.url), "get_non_association", ONE)
    assert type(error).__module__ == "hmpps_non_associations_api"
    shown = "".join(traceback.format_exception(error))
    assert "hmpps_non_associations_api.NotFoundError: GET /non-associations/{id}" in shown
    assert "hmpps_non_associations_api._errors._exceptions" not in shown
