"""Retries, deadline, errors, logging, plugins and tokens, over real loopback sockets."""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    ClientError,
    ErrorCode,
    ErrorResponse,
    NonAssociationsApi,
    Plugin,
    RequestEvent,
    ResponseEvent,
    SanitisedError,
    ServerError,
    Timeout,
    TransportError,
    is_error_response,
)

from tests.clients.either import call, failure
from tests.clients.faults import NON_ASSOCIATION, FaultServer, Reply

TOKEN = "eyJhbGciOiJub25lIn0.c2VjcmV0LXRva2VuLXBheWxvYWQ.sig"
CLOSE = {"closedReason": "Moved on"}
CREATE = {
    key: NON_ASSOCIATION[key]
    for key in (
        "firstPrisonerNumber",
        "firstPrisonerRole",
        "secondPrisonerNumber",
        "secondPrisonerRole",
        "reason",
        "restrictionType",
        "comment",
    )
}
DELETE = {"deletionReason": "r", "staffUserNameRequestingDeletion": "U"}
FAST = Timeout(response=2.0, deadline=5.0)

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


def make(kind: str, url: str, token: Any = TOKEN, **kwargs: Any) -> Any:
    config = kwargs.pop("config", None) or ApiConfig(url, timeout=FAST)
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(token, config, **kwargs)


# --- retries ------------------------------------------------------------------------


async def test_get_retries_503_then_succeeds(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(503, body={"oops": 1}), Reply()]
    api = make(kind, fault_server.url)
    result = await call(api, "get_non_association", 42)
    assert result.id == 42
    assert [s.method for s in fault_server.seen] == ["GET", "GET"]


async def test_three_503s_fail_with_503(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(503, body=None)]
    error = await failure(make(kind, fault_server.url), "get_non_association", 42)
    assert isinstance(error, ServerError)
    assert error.status == 503 and error.message == "Service Unavailable"
    assert len(fault_server.seen) == 3


@pytest.mark.parametrize(
    ("method", "args"),
    [
        ("create_non_association", (CREATE,)),
        ("update_non_association", (42, {"comment": "c"})),
        ("close_non_association", (42, CLOSE)),
        ("reopen_non_association", (42, {"reopenReason": "again"})),
        (
            "delete_non_association",
            (42, {"deletionReason": "r", "staffUserNameRequestingDeletion": "U"}),
        ),
    ],
)
@pytest.mark.parametrize("fault", ["503", "reset"])
async def test_writes_never_retry(
    kind: str, fault_server: FaultServer, method: str, args: tuple[Any, ...], fault: str
) -> None:
    fault_server.script = [Reply(503, body=None) if fault == "503" else Reply(reset=True)]
    error = await failure(make(kind, fault_server.url), method, *args)
    assert error.status == (503 if fault == "503" else None)
    assert len(fault_server.seen) == 1


SEARCHES = [
    ("list_non_associations_between", (["A1234BC", "D5678EF"],), list),
    ("list_non_associations_involving", (["A1234BC"],), list),
    ("non_associations_with", ("A1234BC", ["D5678EF"]), dict),
    ("non_associations_by_prisoner", (["A1234BC"],), dict),
]


@pytest.mark.parametrize(("method", "args", "shape"), SEARCHES)
@pytest.mark.parametrize(
    "fault",
    [Reply(502, body=None), Reply(503, body=None), Reply(reset=True), Reply(drop=True)],
    ids=["502", "503", "reset", "drop"],
)
async def test_searches_are_tried_again_as_reads(
    kind: str,
    fault_server: FaultServer,
    method: str,
    args: tuple[Any, ...],
    shape: type,
    fault: Reply,
) -> None:
    fault_server.script = [fault, Reply(body=[NON_ASSOCIATION])]
    result = await call(make(kind, fault_server.url), method, *args)
    assert [s.method for s in fault_server.seen] == ["POST", "POST"]
    if shape is list:
        assert [item.id for item in result] == [42]
    else:
        assert all(isinstance(items, list) for items in result.values())


@pytest.mark.parametrize(("method", "args", "shape"), SEARCHES)
async def test_searches_give_up_after_the_policys_tries(
    kind: str, fault_server: FaultServer, method: str, args: tuple[Any, ...], shape: type
) -> None:
    fault_server.script = [Reply(503, body=None)]
    error = await failure(make(kind, fault_server.url), method, *args)
    assert error.status == 503 and len(fault_server.seen) == 3


async def test_connection_drop_is_retried(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(drop=True), Reply()]
    result = await call(make(kind, fault_server.url), "get_non_association", 42)
    assert result.id == 42
    assert len(fault_server.seen) == 2


async def test_connection_refused_gives_transport_error(kind: str, closed_port: int) -> None:
    error = await failure(make(kind, f"http://127.0.0.1:{closed_port}"), "get_non_association", 1)
    assert isinstance(error, TransportError)
    assert error.status is None and "Connect" in error.message
    assert error.__cause__ is None and error.__context__ is None


async def test_retry_after_is_honoured(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(429, body=None, headers={"Retry-After": "1"}), Reply()]
    started = time.monotonic()
    await call(make(kind, fault_server.url), "get_non_association", 42)
    assert time.monotonic() - started >= 1.0
    assert len(fault_server.seen) == 2


async def test_retry_after_past_the_deadline_fails_at_once(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(503, body=None, headers={"Retry-After": "60"})]
    started = time.monotonic()
    error = await failure(make(kind, fault_server.url), "get_non_association", 42)
    assert error.status == 503
    assert time.monotonic() - started < 2
    assert len(fault_server.seen) == 1


async def test_retries_are_logged_at_info(
    kind: str, fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    fault_server.script = [Reply(502, body=None), Reply()]
    with caplog.at_level(logging.INFO, logger="hmpps_non_associations_api"):
        await call(make(kind, fault_server.url), "get_non_association", 42)
    messages = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert (logging.INFO, "Non-associations API GET /non-associations/42") in messages
    assert any(lvl == logging.INFO and "retrying" in msg and "502" in msg for lvl, msg in messages)


async def test_each_try_is_logged_at_debug(
    kind: str, fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    fault_server.script = [Reply(503, body=None), Reply()]
    with caplog.at_level(logging.DEBUG, logger="hmpps_non_associations_api"):
        await call(make(kind, fault_server.url), "get_non_association", 42)
    tries = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(tries) == 2
    assert "try 1: 503" in tries[0] and "try 2: 200" in tries[1]


# --- deadline -----------------------------------------------------------------------


async def test_trickling_server_cannot_hold_a_call_past_its_deadline(
    kind: str, fault_server: FaultServer
) -> None:
    big = {**NON_ASSOCIATION, "comment": "x" * 400}
    fault_server.script = [Reply(body=big, trickle=0.05)]
    config = ApiConfig(fault_server.url, timeout=Timeout(response=1.0, deadline=1.5))
    started = time.monotonic()
    error = await failure(make(kind, fault_server.url, config=config), "get_non_association", 42)
    elapsed = time.monotonic() - started
    assert isinstance(error, TransportError)
    assert "Deadline" in error.message
    assert 1.4 <= elapsed < 2.0


async def test_silent_server_times_out_then_deadline(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(delay=5)]
    config = ApiConfig(fault_server.url, timeout=Timeout(response=0.3, deadline=0.8))
    started = time.monotonic()
    error = await failure(make(kind, fault_server.url, config=config), "get_non_association", 42)
    assert error.status is None
    assert time.monotonic() - started < 1.2
    assert 2 <= len(fault_server.seen) <= 3


# --- errors -------------------------------------------------------------------------


async def test_error_response_is_parsed(kind: str, fault_server: FaultServer) -> None:
    body = {
        "status": 409,
        "userMessage": "Already closed",
        "developerMessage": "d",
        "errorCode": 100,
    }
    fault_server.script = [Reply(409, body=body, headers={"X-Trace": "abc"})]
    error = await failure(make(kind, fault_server.url), "close_non_association", 42, CLOSE)
    assert isinstance(error, ClientError)
    assert error.status == 409 and error.message == "Conflict"
    assert isinstance(error.data, ErrorResponse) and is_error_response(error.data)
    assert error.error_code is ErrorCode.NON_ASSOCIATION_ALREADY_CLOSED
    assert error.headers["x-trace"] == "abc"
    assert '"errorCode": 100' in error.text
    assert "Already closed" in str(error)


async def test_error_response_with_null_code_and_more_info(
    kind: str, fault_server: FaultServer
) -> None:
    """The service writes errorCode and moreInfo as null when they have no value."""
    body = {
        "status": 400,
        "userMessage": "Validation failure: includeOpen and includeClosed both false",
        "developerMessage": "includeOpen and includeClosed both false",
        "errorCode": None,
        "moreInfo": None,
    }
    fault_server.script = [Reply(400, body=body)]
    error = await failure(make(kind, fault_server.url), "get_non_association", 42)
    assert isinstance(error, ClientError) and error.status == 400
    assert isinstance(error.data, ErrorResponse)
    assert (error.data.error_code, error.data.more_info) == (None, None)
    assert error.error_code is None
    assert error.outcome == (
        "400 Bad Request - Validation failure: includeOpen and includeClosed both false"
    )
    assert str(error) == f"GET /non-associations/{{id}} to {fault_server.url}: {error.outcome}"


async def test_security_layer_401_has_no_body(kind: str, fault_server: FaultServer) -> None:
    challenge = 'Bearer error="invalid_token", error_description="Jwt expired"'
    fault_server.script = [Reply(401, body=None, headers={"WWW-Authenticate": challenge})]
    error = await failure(make(kind, fault_server.url), "close_non_association", 42, CLOSE)
    assert isinstance(error, ClientError) and error.status == 401
    assert (error.data, error.error_code, error.text) == (None, None, "")
    assert error.headers["www-authenticate"] == challenge
    assert len(fault_server.seen) == 1


async def test_write_without_a_username_is_a_401_with_error_code_401(
    kind: str, fault_server: FaultServer
) -> None:
    body = {
        "status": 401,
        "userMessage": "User in context missing: There is no user in context for this request",
        "developerMessage": "There is no user in context for this request",
        "errorCode": 401,
        "moreInfo": None,
    }
    fault_server.script = [Reply(401, body=body)]
    error = await failure(make(kind, fault_server.url), "close_non_association", 42, CLOSE)
    assert isinstance(error, ClientError) and error.status == 401
    assert error.error_code is ErrorCode.USER_IN_CONTEXT_MISSING


@pytest.mark.parametrize(
    "reply",
    [
        Reply(209, body=None),
        Reply(
            209,
            body={
                "status": 209,
                "userMessage": "Subject Identifier is not recognised by this service",
                "developerMessage": "Subject Identifier is not recognised by this service",
                "errorCode": None,
                "moreInfo": None,
            },
        ),
    ],
    ids=["empty", "error response"],
)
async def test_subject_not_recognised_is_none(
    kind: str, fault_server: FaultServer, reply: Reply
) -> None:
    fault_server.script = [reply]
    assert await call(make(kind, fault_server.url), "subject_access_request", prn="A1234BC") is None
    assert len(fault_server.seen) == 1


async def test_non_json_error_body(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(400, body=b"<html>bad gateway</html>")]
    error = await failure(make(kind, fault_server.url), "get_non_association", 42)
    assert error.status == 400 and error.data is None and error.error_code is None
    assert error.text == "<html>bad gateway</html>"


async def test_unreadable_success_body_is_a_transport_error(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(200, body={"id": 42})]
    error = await failure(make(kind, fault_server.url), "get_non_association", 42)
    assert isinstance(error, TransportError)
    assert error.status is None and "Unreadable response" in error.message
    assert error.text == '{"id": 42}'


# --- secrets ------------------------------------------------------------------------


async def test_token_never_in_logs_or_errors(
    kind: str, fault_server: FaultServer, closed_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"status": 404, "userMessage": "Gone", "developerMessage": "d", "errorCode": 404}
    fault_server.script = [Reply(503, body=None), Reply(404, body=body), Reply(200, {"id": 1})]
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG):
        for url in (fault_server.url, fault_server.url, f"http://127.0.0.1:{closed_port}"):
            api = make(kind, url)
            texts += [str(api), repr(api)]
            for method, args in (
                ("get_non_association", (1,)),
                ("close_non_association", (1, CLOSE)),
            ):
                try:
                    await call(api, method, *args)
                except SanitisedError as error:
                    texts += [str(error), repr(error), error.text, repr(error.headers)]
                    texts += traceback.format_exception(error)
                    texts += [repr(vars(error))]
    texts += [record.getMessage() for record in caplog.records]
    texts += [repr(record.args) for record in caplog.records]
    assert len(caplog.records) >= 6
    joined = "\n".join(texts)
    assert TOKEN not in joined
    assert "c2VjcmV0LXRva2VuLXBheWxvYWQ" not in joined
    assert "Bearer" not in joined


# --- plugins, tokens, loggers --------------------------------------------------------


class Recorder(Plugin):
    def __init__(self) -> None:
        self.events: list[RequestEvent | ResponseEvent] = []

    def on_request(self, event: RequestEvent) -> None:
        self.events.append(event)

    def on_response(self, event: ResponseEvent) -> None:
        self.events.append(event)


async def test_plugins_see_every_request(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(503, body=None), Reply()]
    recorder = Recorder()
    api = make(kind, fault_server.url, plugins=[recorder])
    await call(api, "get_non_association", 42)
    kinds = [type(e).__name__ for e in recorder.events]
    assert kinds == ["RequestEvent", "ResponseEvent", "RequestEvent", "ResponseEvent"]
    last = recorder.events[-1]
    assert isinstance(last, ResponseEvent)
    assert (last.method, last.path, last.url_template) == (
        "GET",
        "/non-associations/42",
        "/non-associations/{id}",
    )
    assert last.status == 200 and last.attempt == 2 and last.elapsed >= 0


async def test_a_failing_plugin_does_not_break_the_call(
    kind: str, fault_server: FaultServer
) -> None:
    class Broken(Plugin):
        def on_request(self, event: RequestEvent) -> None:
            raise RuntimeError("plugin bug")

    assert (
        await call(make(kind, fault_server.url, plugins=[Broken()]), "get_non_association", 42)
    ).id == 42


async def test_token_provider_is_asked_every_request(kind: str, fault_server: FaultServer) -> None:
    tokens = iter(["first-token", "second-token"])
    api = make(kind, fault_server.url, token=lambda: next(tokens))
    await call(api, "get_non_association", 42)
    await call(api, "get_non_association", 42)
    auth = [s.headers["authorization"] for s in fault_server.seen]
    assert auth == ["Bearer first-token", "Bearer second-token"]


async def test_duck_typed_logger(kind: str, fault_server: FaultServer) -> None:
    class ConsoleLike:
        def __init__(self) -> None:
            self.lines: list[tuple[str, str]] = []

        def info(self, message: str) -> None:
            self.lines.append(("info", message))

        def warn(self, message: str) -> None:
            self.lines.append(("warn", message))

        def error(self, message: str) -> None:
            self.lines.append(("error", message))

    logger = ConsoleLike()
    fault_server.script = [Reply(404, body=None)]
    await failure(make(kind, fault_server.url, logger=logger), "get_non_association", 42)
    assert logger.lines[0] == ("info", "Non-associations API GET /non-associations/42")
    assert logger.lines[-1][0] == "error" and "404 Not Found" in logger.lines[-1][1]


async def test_instances_share_keep_alive_connections(kind: str, fault_server: FaultServer) -> None:
    config = ApiConfig(fault_server.url, timeout=FAST)
    if kind == "sync":
        for _ in range(3):
            with NonAssociationsApi(TOKEN, config) as api:
                api.get_non_association(42)
    else:
        for _ in range(3):
            async with AsyncNonAssociationsApi(TOKEN, config) as api:
                await api.get_non_association(42)
    assert len({s.client_port for s in fault_server.seen}) == 1


async def test_slow_token_provider_counts_against_the_deadline(
    kind: str, fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    def slow_token() -> str:
        time.sleep(0.4)
        return TOKEN

    config = ApiConfig(fault_server.url, timeout=Timeout(response=0.3, deadline=0.3))
    with caplog.at_level(logging.ERROR, logger="hmpps_non_associations_api"):
        error = await failure(make(kind, fault_server.url, slow_token, config=config), "constants")
    assert isinstance(error, TransportError) and "Deadline" in error.message
    assert fault_server.seen == []
    assert any("Deadline" in r.getMessage() for r in caplog.records)


async def test_requests_say_which_client_sent_them(kind: str, fault_server: FaultServer) -> None:
    await call(make(kind, fault_server.url), "get_non_association", 42)
    agent = fault_server.seen[0].headers["user-agent"]
    assert agent.startswith("hmpps-non-associations-api-python/0.")
