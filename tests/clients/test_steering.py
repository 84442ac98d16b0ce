"""Steering one call: per-client options (`with_options`), headers from the config, the
options and plugins, raw replies (`with_raw_response`), and the escape hatch for paths
the generated client does not know (`request`). Sync and async, over loopback sockets."""

from __future__ import annotations

import inspect
import logging
import time
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    AuthConfig,
    HmppsAuthClient,
    NonAssociationsApi,
    NotFoundError,
    Plugin,
    RawResponse,
    RequestEvent,
    RetryPolicy,
    ServerError,
    Timeout,
    UnreadableResponseError,
)
from hmpps_non_associations_api.testing import (
    ALL_ROLES,
    FAKE_CLIENT_ID,
    FAKE_CLIENT_SECRET,
    FakeApiServer,
    FakeAuthServer,
    mint_token,
)

from tests.clients.faults import FaultServer, Reply

TOKEN = "eyJhbGciOiJub25lIn0.c2VjcmV0LXRva2VuLXBheWxvYWQ.sig"
FAST = Timeout(response=2.0, deadline=5.0)
AGENT = "hmpps-non-associations-api-python/"

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


def make(kind: str, url: str, token: Any = TOKEN, **kwargs: Any) -> Any:
    config = kwargs.pop("config", None) or ApiConfig(url, timeout=FAST)
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(token, config, **kwargs)


async def call(method: Any, *args: Any, **kwargs: Any) -> Any:
    result = method(*args, **kwargs)
    return await result if inspect.isawaitable(result) else result


# --- with_options ---------------------------------------------------------------------


async def test_with_options_changes_the_timeout_for_its_calls_only(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(delay=0.6)]
    api = make(kind, fault_server.url)
    impatient = api.with_options(
        timeout=Timeout(response=0.2, deadline=0.2), retry=RetryPolicy(attempts=1)
    )
    started = time.monotonic()
    with pytest.raises(Exception) as raised:
        await call(impatient.get_non_association, 42)
    assert type(raised.value).__name__ == "ApiTimeoutError"
    assert time.monotonic() - started < 0.5
    assert (await call(api.get_non_association, 42)).id == 42  # the original waits
    assert type(impatient) is type(api)


async def test_with_options_changes_the_retry_policy(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(503, body={"x": 1})]
    api = make(kind, fault_server.url).with_options(retry=RetryPolicy(attempts=2, backoff=0))
    with pytest.raises(ServerError):
        await call(api.get_non_association, 42)
    assert len(fault_server.seen) == 2


async def test_with_options_shares_what_the_client_has(
    kind: str, fault_server: FaultServer
) -> None:
    class Counting(Plugin):
        def __init__(self) -> None:
            self.tries = 0

        def on_request(self, event: RequestEvent) -> None:
            self.tries += 1

    counting = Counting()
    asked: list[str] = []

    def provider() -> str:
        asked.append("token")
        return TOKEN

    api = make(kind, fault_server.url, provider, plugins=[counting])
    changed = api.with_options(headers={"X-Tenant": "MDI"})
    await call(changed.get_non_association, 42)
    assert counting.tries == 1 and asked == ["token"]
    assert changed._channel is api._channel  # the same connections, token source, plugins
    assert fault_server.connections == 1
    await call(api.get_non_association, 42)
    assert fault_server.connections == 1  # the one pooled connection served both


async def test_with_options_refuses_what_is_not_an_option(kind: str) -> None:
    api = make(kind, "http://api.test")
    with pytest.raises(TypeError, match="Timeout"):
        api.with_options(timeout=5)
    with pytest.raises(TypeError, match="RetryPolicy"):
        api.with_options(retry=3)
    with pytest.raises(ValueError, match="Authorization is set by the client"):
        api.with_options(headers={"Authorization": "Bearer other"})


# --- headers --------------------------------------------------------------------------


async def test_headers_from_the_config_the_options_and_a_plugin_go_out(
    kind: str, fault_server: FaultServer
) -> None:
    class Correlation(Plugin):
        def on_request(self, event: RequestEvent) -> None:
            assert "Authorization" not in event.headers  # plugins do not see the token
            event.set_header("X-Correlation-Id", f"corr-{event.attempt}")

    fault_server.script = [Reply(503, body={"x": 1}), Reply()]
    config = ApiConfig(
        fault_server.url,
        timeout=FAST,
        retry=RetryPolicy(backoff=0),
        headers={"X-Tenant": "MDI", "User-Agent": "my-app/1.4"},
    )
    api = make(kind, fault_server.url, config=config, plugins=[Correlation()])
    await call(
        api.with_options(headers={"X-Tenant": "LEI", "X-Extra": "1"}).get_non_association, 42
    )
    first, second = fault_server.seen
    for seen, attempt in ((first, 1), (second, 2)):
        assert seen.headers["x-tenant"] == "LEI"  # the options' value wins
        assert seen.headers["x-extra"] == "1"
        assert seen.headers["x-correlation-id"] == f"corr-{attempt}"
        assert seen.headers["authorization"] == f"Bearer {TOKEN}"
        agent = seen.headers["user-agent"]
        assert agent.startswith(AGENT) and agent.endswith(" my-app/1.4")
    await call(api.get_non_association, 42)
    assert fault_server.seen[-1].headers["x-tenant"] == "MDI"  # the client is unchanged


async def test_a_plugin_cannot_set_a_header_the_client_owns(
    kind: str, fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    class Meddling(Plugin):
        def on_request(self, event: RequestEvent) -> None:
            event.set_header("Authorization", "Bearer stolen")

    api = make(kind, fault_server.url, plugins=[Meddling()])
    with caplog.at_level(logging.WARNING, logger="hmpps_non_associations_api"):
        await call(api.get_non_association, 42)
    assert fault_server.seen[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert any("plugin Meddling failed" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    "headers",
    [
        {"Host": "elsewhere"},
        {"content-length": "1"},
        {"Content-Type": "text/plain"},
        {"Proxy-Authorization": "Basic x"},
        {"X-Bad": "line\r\nInjected: 1"},
        {"Bad Name": "x"},
    ],
)
def test_bad_or_owned_headers_are_refused_in_the_config(kind: str, headers: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="headers"):
        ApiConfig("http://api.test", headers=headers)


async def test_auth_requests_send_the_user_agent(kind: str) -> None:
    with FakeAuthServer() as server:
        seen: list[dict[str, str]] = []
        original = server.fake.respond

        def recording(request: Any) -> Any:
            seen.append(dict(request.headers))
            return original(request)

        server.fake.respond = recording  # type: ignore[method-assign]
        config = AuthConfig(
            server.url, FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, headers={"User-Agent": "my-app/2"}
        )
        if kind == "sync":
            HmppsAuthClient(config).get_system_client_token("U")
        else:
            from hmpps_non_associations_api import AsyncHmppsAuthClient

            await AsyncHmppsAuthClient(config).get_system_client_token("U")
    agent = seen[0]["user-agent"]
    assert agent.startswith(AGENT) and agent.endswith(" my-app/2")


# --- raw replies ----------------------------------------------------------------------


async def test_a_raw_reply_has_status_headers_tries_and_the_usual_result(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [
        Reply(503, body={"x": 1}),
        Reply(headers={"X-Request-Id": "r-1"}),
    ]
    config = ApiConfig(fault_server.url, timeout=FAST, retry=RetryPolicy(backoff=0))
    api = make(kind, fault_server.url, config=config)
    raw = await call(api.with_raw_response.get_non_association, 42)
    assert isinstance(raw, RawResponse)
    assert (raw.status_code, raw.tries, raw.headers["x-request-id"]) == (200, 2, "r-1")
    assert 0 < raw.elapsed < 5
    assert raw.parse().id == 42
    assert raw.parse() is raw.parse()  # read once
    assert (await call(api.get_non_association, 42)).id == 42  # the client gives models still


async def test_every_method_has_its_raw_form(kind: str) -> None:
    with FakeApiServer() as server:
        api = make(kind, server.url, mint_token(roles=ALL_ROLES, username="U"))
        raw = api.with_raw_response
        constants = await call(raw.constants)
        assert constants.status_code == 200 and "reasons" in constants.parse()
        deleted = await call(
            raw.delete_non_association,
            4,
            {"deletionReason": "r", "staffUserNameRequestingDeletion": "S"},
        )
        assert deleted.status_code == 204 and deleted.parse() is None
        assert (await call(raw.ping)).parse() == "UP"
        listing = await call(raw.list_non_associations, "A1234BC")
        assert listing.parse().prisoner_number == "A1234BC"
        names = {name for name in vars(raw) if not name.startswith("_")}
        public = {
            name
            for name in dir(type(api))
            if not name.startswith("_") and callable(getattr(api, name))
        }
        # every calling method but the walk through every page, the client's own plumbing
        # and group_by_location, which makes no call
        assert names == public - {
            "iter_non_associations",
            "group_by_location",
            "with_options",
            "close",
            "aclose",
        }


async def test_a_failed_call_raises_and_an_unreadable_body_raises_at_parse(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [
        Reply(404, body={"status": 404, "userMessage": "u", "developerMessage": "d"})
    ]
    api = make(kind, fault_server.url)
    with pytest.raises(NotFoundError):
        await call(api.with_raw_response.get_non_association, 42)
    fault_server.script = [Reply(body={"not": "a record"})]
    raw = await call(api.with_raw_response.get_non_association, 42)
    assert raw.status_code == 200 and raw.content == b'{"not": "a record"}'
    with pytest.raises(UnreadableResponseError):
        raw.parse()


# --- request() ------------------------------------------------------------------------


async def test_request_reaches_a_path_with_the_token_and_gives_its_json(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(body={"answer": [1, 2]})]
    api = make(kind, f"{fault_server.url}/base")
    result = await call(
        api.request,
        "POST",
        "/future/{prisonerNumber}/search",
        params={"includeClosed": True, "term": ["a b", "c"]},
        json={"q": "x"},
        path_params={"prisonerNumber": "A1234BC"},
    )
    assert result == {"answer": [1, 2]}
    [seen] = fault_server.seen
    assert seen.method == "POST"
    assert seen.path == "/base/future/A1234BC/search?includeClosed=true&term=a+b&term=c"
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"
    assert seen.headers["content-type"] == "application/json"


async def test_request_retries_reads_only_and_names_the_template_in_errors(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(503, body={"x": 1})]
    config = ApiConfig(fault_server.url, timeout=FAST, retry=RetryPolicy(backoff=0))
    api = make(kind, fault_server.url, config=config)
    with pytest.raises(ServerError) as raised:
        await call(api.request, "GET", "/things/{id}", path_params={"id": 987654})
    assert len(fault_server.seen) == 3
    error = raised.value
    assert (error.operation, error.method, error.path_template) == (
        "request",
        "GET",
        "/things/{id}",
    )
    assert "987654" not in str(error)
    fault_server.seen.clear()
    with pytest.raises(ServerError):
        await call(api.request, "PUT", "/things/1", json={})
    assert len(fault_server.seen) == 1


async def test_request_gives_none_for_an_empty_body(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(204, body=None)]
    api = make(kind, fault_server.url)
    assert await call(api.request, "DELETE", "/things/1") is None


@pytest.mark.parametrize(
    "path",
    [
        "https://evil.example/steal",
        "//evil.example/steal",
        "\\\\evil.example\\steal",
        "http:evil",
        "/things/../../admin",
        "/things?x=1",
        "/things#top",
        "/with space",
    ],
)
async def test_request_never_leaves_the_apis_origin(
    kind: str, path: str, fault_server: FaultServer
) -> None:
    api = make(kind, fault_server.url)
    with pytest.raises(ValueError):
        await call(api.request, "GET", path)
    assert fault_server.seen == []


async def test_request_checks_its_arguments(kind: str, fault_server: FaultServer) -> None:
    api = make(kind, fault_server.url)
    with pytest.raises(ValueError, match="method"):
        await call(api.request, "TRACE", "/x")
    with pytest.raises(ValueError, match="placeholders"):
        await call(api.request, "GET", "/x/{id}")
    with pytest.raises(ValueError, match="placeholders"):
        await call(api.request, "GET", "/x", path_params={"id": 1})
    with pytest.raises(TypeError):
        await call(api.request, "POST", "/x", json={"when": object()})
    assert fault_server.seen == []


async def test_request_reads_an_unreadable_body_as_such(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(body=b"<html>not json</html>")]
    api = make(kind, fault_server.url)
    with pytest.raises(UnreadableResponseError):
        await call(api.request, "GET", "/x")


@pytest.mark.parametrize(
    "value",
    [
        "..",
        ".",
        "%2e%2e",
        ".%2e",
        "%2E.",
        "..%2f",
        "..%5c",
        "%252e%252e",
        "a/../..",
        "..\\..",
    ],
)
async def test_request_refuses_a_dot_segment_in_a_path_parameter(
    kind: str, value: str, fault_server: FaultServer
) -> None:
    api = make(kind, f"{fault_server.url}/base")
    with pytest.raises(ValueError, match="'\\.' or '\\.\\.' segments"):
        await call(api.request, "GET", "/things/{id}", path_params={"id": value})
    assert fault_server.seen == []


@pytest.mark.parametrize(
    "path", ["/things/%2e%2e/admin", "/things/.%2E/admin", "/things/..%2Fadmin", "/./things"]
)
async def test_request_refuses_a_dot_segment_in_the_path_in_any_spelling(
    kind: str, path: str, fault_server: FaultServer
) -> None:
    api = make(kind, fault_server.url)
    with pytest.raises(ValueError, match="segments"):
        await call(api.request, "GET", path)
    assert fault_server.seen == []


async def test_request_sends_dots_that_are_not_a_segment_of_their_own(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(body={})]
    api = make(kind, fault_server.url)
    for value in ("a.b", "...", "..a"):
        await call(api.request, "GET", "/things/{id}", path_params={"id": value})
    assert [seen.path for seen in fault_server.seen] == [
        "/things/a.b",
        "/things/...",
        "/things/..a",
    ]


async def test_request_refuses_an_empty_path_parameter(
    kind: str, fault_server: FaultServer
) -> None:
    api = make(kind, fault_server.url)
    with pytest.raises(ValueError, match="empty"):
        await call(api.request, "GET", "/things/{id}/notes", path_params={"id": ""})
    assert fault_server.seen == []


async def test_request_leaves_out_a_query_parameter_given_as_none(
    kind: str, fault_server: FaultServer
) -> None:
    fault_server.script = [Reply(body={})]
    api = make(kind, fault_server.url)
    await call(api.request, "GET", "/things", params={"prisonId": None, "a": 1, "b": [1, None, 2]})
    await call(api.request, "GET", "/things", params={"prisonId": None})
    assert [seen.path for seen in fault_server.seen] == ["/things?a=1&b=1&b=2", "/things"]


CONNECTION_HEADERS = [
    "Transfer-Encoding",
    "transfer-encoding",
    "Content-Encoding",
    "Accept-Encoding",
    "Connection",
    "Keep-Alive",
    "Upgrade",
    "TE",
    "Trailer",
    "Expect",
    "Proxy-Connection",
    "Proxy-Authenticate",
    "Proxy-Anything",
]


@pytest.mark.parametrize("name", CONNECTION_HEADERS)
async def test_headers_that_belong_to_the_connection_are_refused_everywhere(
    kind: str, name: str, fault_server: FaultServer
) -> None:
    refusals: list[str] = []

    class Setting(Plugin):
        def on_request(self, event: RequestEvent) -> None:
            try:
                event.set_header(name, "chunked")
            except ValueError as refused:
                refusals.append(str(refused))

    api = make(kind, fault_server.url)
    with pytest.raises(ValueError, match=f"{name} is set by the client"):
        api.with_options(headers={name: "chunked"})
    with pytest.raises(ValueError, match=f"{name} is set by the client"):
        ApiConfig(fault_server.url, headers={name: "chunked"})
    assert fault_server.seen == []
    await call(make(kind, fault_server.url, plugins=[Setting()]).get_non_association, 42)
    assert refusals == [f"RequestEvent.set_header: {name} is set by the client and cannot be given"]
    [seen] = fault_server.seen
    own = "gzip, deflate" if name.lower() == "accept-encoding" else None
    assert seen.headers.get(name.lower()) == own  # the client's own, or none


async def test_a_request_carries_one_framing_header(kind: str, fault_server: FaultServer) -> None:
    fault_server.script = [Reply(body=[])]
    api = make(kind, fault_server.url).with_options(headers={"X-Tenant": "MDI"})
    await call(api.list_non_associations_between, ["A1234BC", "B2345CD"])
    [seen] = fault_server.seen
    assert "content-length" in seen.headers and "transfer-encoding" not in seen.headers
    assert seen.headers["x-tenant"] == "MDI"


# --- what a repr shows -----------------------------------------------------------------


async def test_reprs_show_no_header_value_and_no_proxy_credentials(kind: str) -> None:
    secret = "s3cret-tenant-key"
    api_config = ApiConfig(
        "http://api.test",
        headers={"X-Api-Key": secret, "User-Agent": "my-app/1.0"},
        proxy="http://KEY-ONLY-123@proxy.test:3128",
    )
    auth_config = AuthConfig(
        "http://auth.test/auth",
        "client",
        "client-secret",
        headers={"X-Api-Key": secret},
        proxy="http://user:PASSWORD-456@proxy.test:3128",
    )
    api = make(kind, "http://api.test", config=api_config)
    shown = [
        repr(api_config),
        str(api_config),
        repr(auth_config),
        repr(api),
        repr(api_config.headers),
    ]
    for text in shown:
        for hidden in (secret, "KEY-ONLY-123", "PASSWORD-456", "client-secret", "user:"):
            assert hidden not in text, text
    assert "headers=Headers(['X-Api-Key', 'User-Agent'])" in repr(api_config)
    assert "proxy='http://***@proxy.test:3128'" in repr(api_config)
    with pytest.raises(ValueError) as raised:
        ApiConfig("ftp://user:PASSWORD-456@host")
    assert "PASSWORD-456" not in str(raised.value) and "***@host" in str(raised.value)
    with pytest.raises(ValueError) as raised:
        ApiConfig("http://user:PASSWORD-456@host/with space")
    assert "PASSWORD-456" not in str(raised.value)


async def test_a_failure_through_a_keyed_proxy_does_not_show_the_key(
    kind: str, closed_port: int
) -> None:
    config = ApiConfig(
        "http://api.test",
        proxy=f"http://KEY-ONLY-123@127.0.0.1:{closed_port}",
        timeout=FAST,
        retry=RetryPolicy(attempts=1),
    )
    with pytest.raises(Exception) as raised:
        await call(make(kind, "http://api.test", config=config).get_non_association, 42)
    error = raised.value
    assert "proxy could not be reached" in str(error)
    assert all("KEY-ONLY-123" not in text for text in (str(error), repr(error)))


async def test_request_repeats_a_call_marked_idempotent(
    kind: str, fault_server: FaultServer
) -> None:
    config = ApiConfig(fault_server.url, timeout=FAST, retry=RetryPolicy(backoff=0))
    api = make(kind, fault_server.url, config=config)
    fault_server.script = [Reply(503, body={"x": 1}), Reply(body=[])]
    assert await call(api.request, "POST", "/future/search", json=["A"], idempotent=True) == []
    assert [seen.method for seen in fault_server.seen] == ["POST", "POST"]
    for method, idempotent in (("POST", None), ("GET", False), ("PUT", None)):
        fault_server.seen.clear()
        fault_server.script = [Reply(503, body={"x": 1})]
        with pytest.raises(ServerError):
            await call(api.request, method, "/future/search", idempotent=idempotent)
        assert len(fault_server.seen) == 1, (method, idempotent)
    with pytest.raises(TypeError, match="idempotent"):
        await call(api.request, "POST", "/x", idempotent="yes")
