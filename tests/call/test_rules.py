"""The rules of one call (`_call/_rules.py`), driven directly: no sockets, no event loop,
a clock of the test's own. What is tried again and after how long, `Retry-After`, the
renewed token, the deadline's accounting, what is never tried again, and what the
observers are told. The loopback suites (tests/reliability) show the same rules end to
end; these show each rule alone, in milliseconds."""

from __future__ import annotations

import email.utils
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiTimeoutError,
    ErrorCode,
    RedirectRefusedError,
    RetryPolicy,
    ServerError,
    Timeout,
    TransportError,
    UnauthorisedError,
)
from hmpps_non_associations_api._call import _rules
from hmpps_non_associations_api._call._hints import TOKEN_TOO_LATE
from hmpps_non_associations_api._call._observers import Observer
from hmpps_non_associations_api._call._rules import Call, Retry
from hmpps_non_associations_api._transport import _interface
from hmpps_non_associations_api._transport._wire import Origin, SendError, WireReply, WireRequest


class Clock:
    """time.monotonic and time.time for the rules, moved only by the test."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return 1_700_000_000.0 + self.now


class Told(Observer):
    """What an observer is told, in order."""

    def __init__(self) -> None:
        self.points: list[tuple[Any, ...]] = []

    def request(self, call: Any) -> None:
        self.points.append(("request", call.attempt))

    def reply(self, call: Any, status: int | None, failure: Any, elapsed: float) -> None:
        self.points.append(("reply", status, failure.kind if failure else None))

    def retry(self, call: Any, status: int | None, error_type: str, delay: float) -> None:
        self.points.append(("retry", status, error_type))

    def finish(self, call: Any, status: int | None, error: Any, error_type: str | None) -> None:
        self.points.append(("finish", status, type(error).__name__ if error else None))


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(_rules, "time", clock)
    monkeypatch.setattr(_interface, "time", clock)
    return clock


NO_JITTER = RetryPolicy(backoff=0.5, max_backoff=0.5)
USUAL = Timeout(response=5, deadline=30)


def call(
    method: str = "GET",
    *,
    read: bool = True,
    renewable: bool = False,
    retry: RetryPolicy = NO_JITTER,
    timeout: Timeout = USUAL,
    observers: tuple[Observer, ...] = (),
) -> Call:
    request = WireRequest(method, "/non-associations/42", "/non-associations/42", {}, None)
    return Call(
        request,
        "get_non_association",
        "/non-associations/{id}",
        Origin.of("https://api.test"),
        timeout,
        retry,
        observers,
        read=read,
        renewable=renewable,
    )


def reply(status: int, body: bytes = b"{}", **headers: str) -> WireReply:
    return WireReply(status, "Reason", list(headers.items()), body)


def failed(kind: str) -> SendError:
    return SendError(kind, f"{kind} (the library's words)", "SomeError")


# --- what is tried again ------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_a_read_is_tried_again_after_a_status_the_policy_names(clock: Clock, status: int) -> None:
    one = call()
    one.start_try("token")
    outcome = one.after_reply(reply(status))
    assert isinstance(outcome, Retry) and not outcome.renew_token
    assert 0 <= outcome.delay <= 0.5


@pytest.mark.parametrize("status", [400, 403, 404, 409, 501])
def test_another_status_ends_the_call_with_its_error(clock: Clock, status: int) -> None:
    one = call()
    one.start_try("token")
    outcome = one.after_reply(reply(status))
    assert not isinstance(outcome, Retry) and getattr(outcome, "status", None) == status


def test_a_write_is_never_tried_again(clock: Clock) -> None:
    for outcome in (reply(503), failed(SendError.LOST)):
        one = call("PUT", read=False)
        one.start_try("token")
        ended = (
            one.after_reply(outcome)
            if isinstance(outcome, WireReply)
            else one.after_failure(outcome)
        )
        assert not isinstance(ended, Retry)


def test_a_search_sent_as_post_is_tried_again_as_a_read(clock: Clock) -> None:
    one = call("POST", read=True)
    one.start_try("token")
    assert isinstance(one.after_reply(reply(502)), Retry)


def test_tries_stop_at_the_policys_attempts(clock: Clock) -> None:
    one = call(retry=RetryPolicy(attempts=3, backoff=0))
    outcomes = []
    for _ in range(3):
        one.start_try("token")
        outcomes.append(one.after_reply(reply(503)))
    assert [isinstance(outcome, Retry) for outcome in outcomes] == [True, True, False]
    assert isinstance(outcomes[-1], ServerError) and one.attempt == 3


@pytest.mark.parametrize(
    "kind",
    [
        SendError.REFUSED,
        SendError.LOOKUP_FAILED,
        SendError.TIMEOUT,
        SendError.LOST,
        SendError.GARBLED,
        SendError.PROXY_UNREACHABLE,
        SendError.OTHER,
    ],
)
def test_a_failure_another_try_may_cure_is_tried_again(clock: Clock, kind: str) -> None:
    one = call()
    one.start_try("token")
    assert isinstance(one.after_failure(failed(kind)), Retry)


@pytest.mark.parametrize(
    "kind",
    [SendError.HOST_NOT_FOUND, SendError.CERTIFICATE, SendError.PROXY, SendError.UNUSABLE],
)
def test_a_failure_no_try_can_cure_ends_the_call(clock: Clock, kind: str) -> None:
    one = call()
    one.start_try("token")
    outcome = one.after_failure(failed(kind))
    assert type(outcome) is TransportError and one.attempt == 1


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_refused_never_followed(clock: Clock, status: int) -> None:
    one = call()
    one.start_try("token")
    outcome = one.after_reply(reply(status, Location="https://elsewhere.test/"))
    assert isinstance(outcome, RedirectRefusedError) and outcome.status == status
    assert outcome.headers["location"] == "https://elsewhere.test/"


# --- Retry-After ----------------------------------------------------------------------------


def test_retry_after_in_seconds_is_the_wait(clock: Clock) -> None:
    one = call()
    one.start_try("token")
    outcome = one.after_reply(reply(429, **{"Retry-After": "7"}))
    assert isinstance(outcome, Retry) and outcome.delay == 7.0


def test_retry_after_as_a_date_is_the_time_until_it(clock: Clock) -> None:
    one = call()
    one.start_try("token")
    when = email.utils.formatdate(clock.time() + 12, usegmt=True)
    outcome = one.after_reply(reply(503, **{"Retry-After": when}))
    assert isinstance(outcome, Retry) and 11 <= outcome.delay <= 12


def test_retry_after_is_read_only_for_429_and_503(clock: Clock) -> None:
    one = call()
    one.start_try("token")
    outcome = one.after_reply(reply(500, **{"Retry-After": "20"}))
    assert isinstance(outcome, Retry) and outcome.delay <= 0.5


def test_a_wait_past_the_deadline_ends_the_call_instead(clock: Clock) -> None:
    one = call(timeout=Timeout(response=5, deadline=10))
    one.start_try("token")
    outcome = one.after_reply(reply(503, **{"Retry-After": "60"}))
    assert isinstance(outcome, ServerError) and outcome.status == 503


# --- the renewed token ----------------------------------------------------------------------


def test_a_refused_token_from_a_provider_is_renewed_once(clock: Clock) -> None:
    one = call("PATCH", read=False, renewable=True)
    one.start_try("token")
    first = one.after_reply(reply(401))
    assert first == Retry(0.0, renew_token=True)  # writes too: a 401 means nothing was done
    one.start_try("renewed")
    second = one.after_reply(reply(401))
    assert isinstance(second, UnauthorisedError)


def test_a_fixed_token_is_not_renewed(clock: Clock) -> None:
    one = call(renewable=False)
    one.start_try("token")
    assert isinstance(one.after_reply(reply(401)), UnauthorisedError)


def test_a_write_without_a_user_is_not_renewed(clock: Clock) -> None:
    body = b'{"status":401,"errorCode":401,"userMessage":"m","developerMessage":"d"}'
    one = call("POST", read=False, renewable=True)
    one.start_try("token")
    outcome = one.after_reply(reply(401, body))
    assert isinstance(outcome, UnauthorisedError)
    assert outcome.error_code is ErrorCode.USER_IN_CONTEXT_MISSING


# --- the deadline ---------------------------------------------------------------------------


def test_a_timeout_at_the_deadline_is_the_deadline(clock: Clock) -> None:
    one = call(timeout=Timeout(response=5, deadline=10))
    one.start_try("token")
    clock.now += 10
    outcome = one.after_failure(failed(SendError.TIMEOUT))
    assert isinstance(outcome, ApiTimeoutError) and outcome.message == "Deadline of 10s exceeded"


def test_a_timeout_before_the_deadline_is_a_wait_that_ran_out(clock: Clock) -> None:
    one = call(timeout=Timeout(response=5, deadline=30), retry=RetryPolicy(attempts=1))
    one.start_try("token")
    clock.now += 5
    outcome = one.after_failure(failed(SendError.TIMEOUT))
    assert isinstance(outcome, ApiTimeoutError) and outcome.message.startswith("no reply in time")
    assert outcome.hint is not None and "response timeout (5s)" in outcome.hint


def test_a_token_that_came_after_the_deadline_is_too_late(clock: Clock) -> None:
    one = call(timeout=Timeout(response=5, deadline=10))
    clock.now += 11
    with pytest.raises(ApiTimeoutError) as raised:
        one.start_try("token")
    assert raised.value.hint == TOKEN_TOO_LATE and one.attempt == 0


def test_the_bounds_are_the_timeout_from_when_the_call_began(clock: Clock) -> None:
    one = call(timeout=Timeout(response=5, deadline=30))
    assert (one.bounds.wait, one.bounds.deadline, one.bounds.seconds) == (5, clock.now + 30, 30)
    clock.now += 29
    assert one.bounds.next_wait() == 1
    clock.now += 1
    with pytest.raises(TimeoutError):
        one.bounds.next_wait()


# --- what the observers are told ------------------------------------------------------------


def test_observers_see_each_try_the_retry_and_the_end(clock: Clock) -> None:
    told = Told()
    one = call(observers=(told,))
    one.start_try("token")
    one.after_reply(reply(503))
    one.start_try("token")
    one.after_failure(failed(SendError.CERTIFICATE))
    assert told.points == [
        ("request", 1),
        ("reply", 503, None),
        ("retry", 503, "503"),
        ("request", 2),
        ("reply", None, SendError.CERTIFICATE),
        ("finish", None, "TransportError"),
    ]
    assert one.finished and one.request.headers["Authorization"] == "Bearer token"
