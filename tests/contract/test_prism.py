"""Contract tests: every facade method, sync and async, against Stoplight Prism.

Prism serves the project's `openapi.json` and the live API's own document
(upstream/api-docs.json, as last pulled). A request that breaks the document gets a 4xx (or a 500
where the document's error responses are `*/*`, which Prism cannot serialise), so
the facade raises, and Prism logs the violation, which fails the test. (`--errors`
is not used: it would test the documents' examples rather than the facade.)

The API's date-times are Europe/London local times without an offset. openapi.json
declares them so (`format: local-date-time` with a pattern); the live document says
RFC 3339 `date-time`, which needs an offset, so Prism is given it with that one
correction (conftest `Server.served`). Both check the facade's `closedAt` and
`reopenedAt` against the pattern. What else the live document gets wrong is listed
below, precisely, as strict xfails (request side) and as the only response
violations a test tolerates; any other violation Prism logs fails the test.
"""

from __future__ import annotations

import datetime
import http.client
import inspect
import itertools
import json
import re
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, get_args, get_origin

import normalise
import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    CloseNonAssociationRequest,
    Constant,
    CreateNonAssociationRequest,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    NonAssociation,
    NonAssociationsApi,
    PageNonAssociation,
    Plugin,
    PrisonerNonAssociation,
    PrisonerNonAssociations,
    RequestEvent,
    SanitisedError,
    ServerError,
    Timeout,
)

from tests.contract.conftest import SERVERS, Prism, Server, Violation

# Header, payload and signature, base64url: it looks like a JWT; Prism only needs "Bearer".
TOKEN = (
    "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJzdWIiOiJjb250cmFjdC10ZXN0cyIsImF1dGhvcml0aWVzIjpbXX0"
    ".Y29udHJhY3QtdGVzdHMtbm90LWEtcmVhbC1zaWduYXR1cmU"
)
TIMEOUT = Timeout(response=5.0, deadline=10.0)
ITER_LIMIT = 1000  # far more than Prism's single example page holds
KINDS = ["sync", "async"]

CREATE = {
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "B2345CD",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "BULLYING",
    "restrictionType": "CELL",
    "comment": "Threats made in the exercise yard",
}


# ---------------------------------------------------------------------------------------
# What Prism reports that is no fault of the facade.

_NULL_BUT_STRING = re.compile(
    r"response\.body\.(\S+\.)?(closedBy|closedReason|closedAt): Response body property "
    r"(\S+\.)?(closedBy|closedReason|closedAt) must be string"
)
# The live document gives null examples for closed fields it types as plain string.
PROJECT_QUIRKS: tuple[re.Pattern[str], ...] = ()
LIVE_QUIRKS = (_NULL_BUT_STRING,)
REOPENED_BY_REQUIRED = re.compile(
    r"request\.body: Request body must have required property 'reopenedBy'"
)

REOPENED_BY_REASON = "the live document requires reopenedBy; the server does not (README quirk 6)"


def response_quirks(server: Server) -> tuple[re.Pattern[str], ...]:
    """The response violations a test tolerates from this server's document."""
    return LIVE_QUIRKS if server.is_reference else PROJECT_QUIRKS


@dataclass(frozen=True)
class Known:
    """A failure seen and understood: the exception, the only violations allowed, why."""

    error: type[SanitisedError]
    violations: tuple[re.Pattern[str], ...]
    reason: str


# ---------------------------------------------------------------------------------------
# The calls.


@dataclass(frozen=True)
class Case:
    """One facade call and the type its result must have."""

    id: str
    method: str
    returns: Any
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def known_failure(self, server: Server) -> Known | None:
        if server.is_reference and self.id == "reopen_non_association[minimal]":
            return Known(ServerError, (REOPENED_BY_REQUIRED,), REOPENED_BY_REASON)
        return None


CASES = [
    Case("constants", "constants", dict[str, list[Constant]]),
    Case(
        "list_non_associations",
        "list_non_associations",
        PrisonerNonAssociations,
        ("A1234BC",),
        {
            "include_closed": True,
            "include_other_prisons": True,
            "sort_by": "LAST_NAME",
            "sort_direction": "ASC",
        },
    ),
    Case(
        "list_non_associations_between",
        "list_non_associations_between",
        list[NonAssociation],
        (["A1234BC", "B2345CD"],),
        {"prison_id": "MDI"},
    ),
    Case(
        "list_non_associations_involving",
        "list_non_associations_involving",
        list[NonAssociation],
        (["A1234BC"],),
        {"include_closed": True},
    ),
    Case(
        "paged_non_associations",
        "paged_non_associations",
        PageNonAssociation,
        kwargs={"page": 0, "size": 50, "sort": ["whenCreated,DESC", "id"]},
    ),
    Case("iter_non_associations", "iter_non_associations", list[NonAssociation]),
    Case("get_non_association", "get_non_association", NonAssociation, (42,)),
    Case("create_non_association[dict]", "create_non_association", NonAssociation, (CREATE,)),
    Case(
        "create_non_association[model]",
        "create_non_association",
        NonAssociation,
        (CreateNonAssociationRequest.from_dict(CREATE),),
    ),
    Case(
        "update_non_association",
        "update_non_association",
        NonAssociation,
        (42, {"restrictionType": "WING", "comment": "Threats repeated on the wing"}),
    ),
    Case(
        "close_non_association",
        "close_non_association",
        NonAssociation,
        (42, {"closedReason": "Both now on separate sites", "closedBy": "KWALSH_GEN"}),
    ),
    Case(
        "close_non_association[closedAt]",
        "close_non_association",
        NonAssociation,
        (42, {"closedReason": "Both now on separate sites", "closedAt": "2024-05-01T14:00:00"}),
    ),
    Case(
        "close_non_association[closedAt-aware]",
        "close_non_association",
        NonAssociation,
        (
            42,
            CloseNonAssociationRequest(
                closed_reason="Both now on separate sites",
                # sent as London local time, 2024-05-01T14:00:00
                closed_at=datetime.datetime(2024, 5, 1, 13, 0, tzinfo=datetime.UTC),
            ),
        ),
    ),
    Case(
        "reopen_non_association",
        "reopen_non_association",
        NonAssociation,
        (42, {"reopenReason": "Back on the same site", "reopenedBy": "KWALSH_GEN"}),
    ),
    Case(
        "reopen_non_association[minimal]",
        "reopen_non_association",
        NonAssociation,
        (42, {"reopenReason": "Back on the same site"}),
    ),
    Case(
        "reopen_non_association[reopenedAt]",
        "reopen_non_association",
        NonAssociation,
        (
            42,
            {
                "reopenReason": "Back on the same site",
                "reopenedBy": "KWALSH_GEN",
                "reopenedAt": datetime.datetime(2024, 6, 3, 10, 0).isoformat(),
            },
        ),
    ),
    Case(
        "delete_non_association",
        "delete_non_association",
        None,
        (42, {"deletionReason": "Entered in error", "staffUserNameRequestingDeletion": "KW"}),
    ),
    Case("get_legacy_non_association", "get_legacy_non_association", LegacyNonAssociation, (42,)),
    Case(
        "subject_access_request[prn]",
        "subject_access_request",
        HmppsSubjectAccessRequestContent,
        kwargs={
            "prn": "A1234BC",
            "from_date": datetime.date(2024, 1, 1),
            "to_date": datetime.date(2024, 12, 31),
        },
    ),
    Case(
        "subject_access_request[crn]",
        "subject_access_request",
        HmppsSubjectAccessRequestContent,
        kwargs={"crn": "X123456"},
    ),
]


def _params() -> list[Any]:
    params = []
    for server in SERVERS.values():
        for case in CASES:
            known = case.known_failure(server)
            marks = (
                [pytest.mark.xfail(strict=True, raises=known.error, reason=known.reason)]
                if known
                else []
            )
            params.append(
                pytest.param(server.name, case, marks=marks, id=f"{server.name}-{case.id}")
            )
    return params


# ---------------------------------------------------------------------------------------
# Helpers.


class CountRequests(Plugin):
    def __init__(self) -> None:
        self.events: list[RequestEvent] = []

    def on_request(self, event: RequestEvent) -> None:
        self.events.append(event)


def make(kind: str, prism: Prism, plugins: tuple[Plugin, ...] = ()) -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(TOKEN, ApiConfig(prism.url, timeout=TIMEOUT), plugins=plugins)


async def dispose(api: Any) -> None:
    if isinstance(api, AsyncNonAssociationsApi):
        await api.aclose()
    else:
        api.close()


async def collect(items: Iterator[Any] | AsyncIterator[Any], limit: int) -> list[Any]:
    """At most `limit` items, so an iteration that never ends cannot hang the test."""
    if isinstance(items, Iterator):
        return list(itertools.islice(items, limit))
    collected: list[Any] = []
    async for item in items:
        collected.append(item)
        if len(collected) >= limit:
            break
    return collected


async def invoke(api: Any, case: Case) -> Any:
    result = getattr(api, case.method)(*case.args, **case.kwargs)
    if case.method == "iter_non_associations":
        return await collect(result, ITER_LIMIT)
    return await result if inspect.isawaitable(result) else result


def conforms(value: Any, expected: Any) -> bool:
    """isinstance, also for list[X] and dict[str, X]; containers must not be empty."""
    if expected is None:
        return value is None
    origin, args = get_origin(expected), get_args(expected)
    if origin is list:
        return isinstance(value, list) and bool(value) and all(conforms(v, args[0]) for v in value)
    if origin is dict:
        return (
            isinstance(value, dict)
            and bool(value)
            and all(isinstance(k, str) and conforms(v, args[1]) for k, v in value.items())
        )
    return isinstance(value, expected)


def records(value: Any) -> list[NonAssociation | PrisonerNonAssociation]:
    """The non-association records inside a result."""
    if isinstance(value, list):
        return [r for item in value for r in records(item)]
    if isinstance(value, NonAssociation | PrisonerNonAssociation):
        return [value]
    if isinstance(value, PrisonerNonAssociations):
        return list(value.non_associations)
    if isinstance(value, PageNonAssociation):
        return records(value.content if isinstance(value.content, list) else [])
    return []


def reported(error: SanitisedError) -> list[Violation]:
    """The violations Prism put in its `sl-violations` header."""
    header = next((v for k, v in error.headers.items() if k.lower() == "sl-violations"), None)
    if not header:
        return []
    return [
        Violation(".".join(str(part) for part in item["location"]), item["message"])
        for item in json.loads(header.removeprefix("Too many violations! "))
    ]


def tolerated(violation: Violation, server: Server) -> bool:
    return not violation.in_request and any(
        quirk.fullmatch(str(violation)) for quirk in response_quirks(server)
    )


def explain(error: SanitisedError, log: list[str]) -> None:
    error.add_note(f"Prism's body: {error.text}")
    error.add_note("Prism's violations: " + "; ".join(map(str, reported(error))))
    error.add_note("Prism's log for this call:\n" + "\n".join(log))


def check_known(error: SanitisedError, known: Known | None) -> None:
    """An expected failure must be exactly the one understood, not another."""
    if known is None or not isinstance(error, known.error):
        return
    seen = reported(error)
    unexplained = [v for v in seen if not any(p.fullmatch(str(v)) for p in known.violations)]
    if not seen or unexplained:
        raise AssertionError(
            f"{type(error).__name__} as expected, but Prism reported {[str(v) for v in seen]}"
        ) from error


# ---------------------------------------------------------------------------------------
# Tests.


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("prism", "case"), _params(), indirect=["prism"])
async def test_method(kind: str, prism: Prism, case: Case) -> None:
    """The call succeeds, returns the model type, and Prism finds nothing wrong in the request."""
    api = make(kind, prism)
    window = prism.window()
    try:
        result = await invoke(api, case)
    except SanitisedError as error:
        explain(error, window.close())
        check_known(error, case.known_failure(prism.server))
        raise
    finally:
        await dispose(api)
    window.close()

    in_request = [str(v) for v in window.violations if v.in_request]
    assert not in_request, f"Prism found the request invalid: {in_request}\n{window.text()}"
    untolerated = [str(v) for v in window.violations if not tolerated(v, prism.server)]
    assert not untolerated, f"unexpected violations: {untolerated}\n{window.text()}"

    assert conforms(result, case.returns), f"{case.method} gave {result!r}"
    found = records(result)
    if case.returns in (PrisonerNonAssociations, PageNonAssociation):
        assert found, f"no non-associations in {result!r}"
    for record in found:
        assert record.is_open is not record.is_closed
        if record.is_open:  # the documents' examples are open ones, closed fields null
            assert (record.closed_at, record.closed_by, record.closed_reason) == (None, None, None)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("prism", ["project", "raw"], indirect=True)
async def test_iteration_ends_after_prisms_single_page(kind: str, prism: Prism) -> None:
    """Prism's static page says `last: true`: iteration reads that one page and stops."""
    counter = CountRequests()
    api = make(kind, prism, plugins=(counter,))
    try:
        first = await invoke(api, Case("paged", "paged_non_associations", PageNonAssociation))
        assert first.last is True  # what Prism serves: the iteration below relies on it
        counter.events.clear()
        items = await collect(api.iter_non_associations(size=50), ITER_LIMIT)
        assert len(items) < ITER_LIMIT, "the iteration did not end on its own"
        assert [e.path for e in counter.events] == ["/non-associations"]
        assert [i.to_dict() for i in items] == [i.to_dict() for i in first.content]
    finally:
        await dispose(api)


@pytest.mark.parametrize("prism", list(SERVERS), indirect=True)
def test_prism_enforces_bearer_token(prism: Prism) -> None:
    """Without the Authorization header Prism refuses: the facade's token is what passes."""
    window = prism.window()
    status = _raw_request(prism, "GET", "/non-associations/42")
    window.close()
    assert status == 401
    assert [str(v) for v in window.violations] == ["request: Invalid security scheme used"]


@pytest.mark.parametrize("prism", list(SERVERS), indirect=True)
def test_log_shows_request_violations(prism: Prism) -> None:
    """A request missing a required field is refused and logged: the log check can fire."""
    window = prism.window()
    body = {"closedBy": "KWALSH_GEN"}
    status = _raw_request(prism, "PUT", "/non-associations/42/close", body, token=TOKEN)
    window.close()
    assert status >= 400
    assert "request.body: Request body must have required property 'closedReason'" in [
        str(v) for v in window.violations
    ]


@pytest.mark.parametrize("prism", list(SERVERS), indirect=True)
@pytest.mark.parametrize(
    "closed_at", ["2024-05-01T14:00:00+01:00", "2024-05-01T13:00:00Z", "2024-05-01", "soon"]
)
def test_prism_refuses_date_times_that_are_not_local(prism: Prism, closed_at: str) -> None:
    """What lets the facade's local closedAt and reopenedAt through is a real check: an
    offset, a bare date or anything else is refused."""
    window = prism.window()
    body = {"closedReason": "r", "closedAt": closed_at}
    status = _raw_request(prism, "PUT", "/non-associations/42/close", body, token=TOKEN)
    window.close()
    assert status >= 400
    assert [str(v) for v in window.violations if v.in_request] == [
        "request.body.closedAt: Request body property closedAt must match pattern "
        f'"{normalise.LOCAL_DATE_TIME["pattern"]}"'
    ]


def _raw_request(
    prism: Prism, method: str, path: str, body: Any = None, token: str | None = None
) -> int:
    """Send a request past the facade; the status Prism answers."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    payload = json.dumps(body) if body is not None else None
    conn = http.client.HTTPConnection("127.0.0.1", prism.port, timeout=5)
    try:
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()
