"""The whole workflow through the fake's real HTTP server, sync and async."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    ClientError,
    ErrorCode,
    NonAssociation,
    NonAssociationsApi,
    SanitisedError,
)
from hmpps_non_associations_api.testing import (
    DELETE_NON_ASSOCIATIONS,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    SAR_DATA_ACCESS,
    WRITE_NON_ASSOCIATIONS,
    FakeApiServer,
    mint_token,
)

ALL = [
    READ_NON_ASSOCIATIONS,
    WRITE_NON_ASSOCIATIONS,
    DELETE_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
]
CREATE = {
    "firstPrisonerNumber": "B2345CD",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "C3456DE",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "VIOLENCE",
    "restrictionType": "LANDING",
    "comment": "Fight in the servery",
}

pytestmark = pytest.mark.parametrize("kind", ["sync", "async"])


def client(kind: str, server: FakeApiServer, token: str) -> Any:
    cls = NonAssociationsApi if kind == "sync" else AsyncNonAssociationsApi
    return cls(token, ApiConfig(server.url))


async def call(api: Any, method: str, *args: Any) -> Any:
    result = getattr(api, method)(*args)
    return await result if inspect.isawaitable(result) else result


async def refused(api: Any, method: str, *args: Any) -> SanitisedError:
    with pytest.raises(SanitisedError) as caught:
        await call(api, method, *args)
    return caught.value


async def test_create_close_reopen_delete(
    kind: str, fake_non_associations_server: FakeApiServer
) -> None:
    api = client(kind, fake_non_associations_server, mint_token(roles=ALL, username="USER1"))

    created = await call(api, "create_non_association", CREATE)
    assert isinstance(created, NonAssociation) and created.is_open
    assert created.closed_at is None and created.updated_by == "USER1"

    duplicate = await refused(api, "create_non_association", CREATE)
    assert (duplicate.status, duplicate.error_code) == (
        409,
        ErrorCode.OPEN_NON_ASSOCIATION_ALREADY_EXISTS,
    )

    closed = await call(api, "close_non_association", created.id, {"closedReason": "Apart now"})
    assert closed.is_closed and closed.closed_by == "USER1" and closed.closed_at is not None

    again = await refused(api, "close_non_association", created.id, {"closedReason": "Again"})
    assert (again.status, again.error_code) == (409, ErrorCode.NON_ASSOCIATION_ALREADY_CLOSED)

    reopened = await call(api, "reopen_non_association", created.id, {"reopenReason": "Back"})
    assert reopened.is_open and reopened.closed_at is None

    again = await refused(api, "reopen_non_association", created.id, {"reopenReason": "Again"})
    assert (again.status, again.error_code) == (409, ErrorCode.NON_ASSOCIATION_ALREADY_OPEN)

    deleted = await call(
        api,
        "delete_non_association",
        created.id,
        {"deletionReason": "Made in error", "staffUserNameRequestingDeletion": "USER1"},
    )
    assert deleted is None

    gone = await refused(api, "get_non_association", created.id)
    assert (gone.status, gone.error_code) == (404, ErrorCode.NON_ASSOCIATION_NOT_FOUND)


async def test_reads_need_the_read_role(
    kind: str, fake_non_associations_server: FakeApiServer
) -> None:
    api = client(kind, fake_non_associations_server, mint_token(roles=[], username="USER1"))
    for method, args in (
        ("get_non_association", (1,)),
        ("list_non_associations", ("A1234BC",)),
        ("list_non_associations_between", (["A1234BC", "B2345CD"],)),
        ("paged_non_associations", ()),
    ):
        error = await refused(api, method, *args)
        assert isinstance(error, ClientError) and error.status == 403, method


async def test_writes_need_a_username(
    kind: str, fake_non_associations_server: FakeApiServer
) -> None:
    api = client(kind, fake_non_associations_server, mint_token(roles=ALL))
    error = await refused(api, "create_non_association", CREATE)
    assert (error.status, error.error_code) == (401, ErrorCode.USER_IN_CONTEXT_MISSING)
    error = await refused(api, "close_non_association", 1, {"closedReason": "r"})
    assert (error.status, error.error_code) == (401, ErrorCode.USER_IN_CONTEXT_MISSING)


async def test_an_expired_token_gets_the_empty_401(
    kind: str, fake_non_associations_server: FakeApiServer
) -> None:
    token = mint_token(roles=ALL, username="USER1", expires_in=-60)
    api = client(kind, fake_non_associations_server, token)
    for method, args in (("get_non_association", (1,)), ("create_non_association", (CREATE,))):
        error = await refused(api, method, *args)
        assert isinstance(error, ClientError), method
        assert (error.status, error.data, error.error_code) == (401, None, None), method
        assert error.headers["www-authenticate"].startswith("Bearer"), method


async def test_subject_not_recognised_is_none(
    kind: str, fake_non_associations_server: FakeApiServer
) -> None:
    api = client(kind, fake_non_associations_server, mint_token(roles=[SAR_DATA_ACCESS]))
    for subject in ({"crn": "X123456"}, {"prn": "Z9999ZZ"}):  # no body; an ErrorResponse
        result = api.subject_access_request(**subject)
        assert (await result if inspect.isawaitable(result) else result) is None, subject


async def test_pages_walk_everything(
    kind: str, fake_non_associations_server: FakeApiServer
) -> None:
    api = client(kind, fake_non_associations_server, mint_token(roles=ALL, username="U"))
    iterator = api.iter_non_associations(include_closed=True, size=1, sort="id,DESC")
    ids = [na.id for na in iterator] if kind == "sync" else [na.id async for na in iterator]
    expected = sorted(
        (r.id for r in fake_non_associations_server.fake.non_associations), reverse=True
    )
    assert ids == expected and len(ids) >= 4
