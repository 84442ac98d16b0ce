"""Ports of the service's resource tests for close, reopen and delete."""

from __future__ import annotations

import httpx

from tests.fidelity.stage import (
    NOW_TEXT,
    STAFF_USERNAME,
    WRITER,
    Store,
    assert_body_refused,
    assert_error,
    assert_unauthorised,
    bearer,
    local_time,
)

WRITE_ONLY = bearer(roles=["ROLE_WRITE_NON_ASSOCIATIONS"], scopes=["write"])
REOPENER = bearer(
    user=STAFF_USERNAME, roles=["ROLE_REOPEN_NON_ASSOCIATIONS"], scopes=["write", "read"]
)
REOPEN_ONLY = bearer(roles=["ROLE_REOPEN_NON_ASSOCIATIONS"], scopes=["write"])
DELETE_ONLY = bearer(roles=["ROLE_DELETE_NON_ASSOCIATIONS"], scopes=["write"])

# Close


def test_close__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Close / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.put(f"/non-associations/{store().id}/close"))


def test_close__without_the_correct_role_and_scope_responds_403_forbidden(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Close / `without the correct role and scope responds 403 Forbidden`."""
    url = f"/non-associations/{store().id}/close"
    for token in (
        bearer(roles=["ROLE_NON_ASSOCIATIONS"]),
        bearer(roles=["ROLE_NON_ASSOCIATIONS"], scopes=["read"]),
    ):
        assert_error(http.put(url, json={"closedReason": "Settled"}, headers=token), 403)


def test_close__without_a_valid_request_body_responds_400_bad_request_or_415_unsupported_media_type(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Close / `without a valid request body responds 400 Bad Request or 415
    Unsupported Media Type`."""
    url = f"/non-associations/{store().id}/close"
    assert_body_refused(http, "PUT", url, WRITE_ONLY, {"closedBy": "SOMEONE"})


def test_close__for_a_valid_request_closes_the_non_association(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Close / `for a valid request closes the non-association`."""
    record = store()
    response = http.put(
        f"/non-associations/{record.id}/close",
        json={"closedReason": "Both agreed to mediation"},
        headers=WRITER,
    )
    assert response.status_code == 200, response.text
    closed = response.json()
    assert (closed["comment"], closed["reason"]) == (record.comment, "BULLYING")
    assert closed["updatedBy"] == STAFF_USERNAME
    assert (closed["isClosed"], closed["closedReason"], closed["closedBy"]) == (
        True,
        "Both agreed to mediation",
        STAFF_USERNAME,
    )
    assert closed["closedAt"] == NOW_TEXT
    assert local_time(closed["whenUpdated"]) >= local_time(closed["whenCreated"])


def test_close__already_closed_non_association_cannot_be_re_closed(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Close / `already closed non-association cannot be re-closed`."""
    store()
    already = store(closed=True)
    response = http.put(
        f"/non-associations/{already.id}/close",
        json={"closedReason": "Close it again", "closedBy": "OTHER_LEAD", "closedAt": NOW_TEXT},
        headers=bearer(
            user="OTHER_LEAD", roles=["ROLE_WRITE_NON_ASSOCIATIONS"], scopes=["write", "read"]
        ),
    )
    assert_error(response, 409, 100)


# Reopen


def reopen_setup(store: Store) -> tuple[int, int]:
    """A closed one to reopen, and a closed one whose pair has another, open one."""
    to_reopen = store(closed=True)
    store("A1111GH", "A1111GK")
    blocked = store("A1111GH", "A1111GK", closed=True)
    return to_reopen.id, blocked.id


def test_reopen__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Reopen / `without a valid token responds 401 Unauthorized`."""
    to_reopen, _ = reopen_setup(store)
    assert_unauthorised(http.put(f"/non-associations/{to_reopen}/reopen"))


def test_reopen__without_the_correct_role_and_scope_responds_403_forbidden(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Reopen / `without the correct role and scope responds 403 Forbidden`."""
    to_reopen, _ = reopen_setup(store)
    for token in (
        bearer(roles=["ROLE_NON_ASSOCIATIONS"]),
        bearer(roles=["ROLE_REOPEN_NON_ASSOCIATIONS"], scopes=["read"]),
    ):
        response = http.put(
            f"/non-associations/{to_reopen}/reopen",
            json={"reopenReason": "Trouble again"},
            headers=token,
        )
        assert_error(response, 403)


def test_reopen__without_a_valid_request_body_responds_400_bad_request_or_415_unsupported_media_type(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Reopen / `without a valid request body responds 400 Bad Request or 415
    Unsupported Media Type`."""
    to_reopen, _ = reopen_setup(store)
    url = f"/non-associations/{to_reopen}/reopen"
    assert_body_refused(http, "PUT", url, REOPEN_ONLY, {"unrelated": "field"})


def test_reopen__for_a_valid_request_closes_the_non_association(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Reopen / `for a valid request closes the non-association` (it reopens it)."""
    to_reopen, _ = reopen_setup(store)
    response = http.put(
        f"/non-associations/{to_reopen}/reopen",
        json={"reopenReason": "Threats resumed"},
        headers=REOPENER,
    )
    assert response.status_code == 200, response.text
    reopened = response.json()
    assert (reopened["firstPrisonerRole"], reopened["reason"]) == ("VICTIM", "BULLYING")
    assert reopened["comment"] == "Threats resumed"
    assert reopened["updatedBy"] == STAFF_USERNAME
    assert (reopened["isClosed"], reopened["isOpen"]) == (False, True)
    assert reopened["closedReason"] is reopened["closedBy"] is reopened["closedAt"] is None
    assert local_time(reopened["whenUpdated"]) >= local_time(reopened["whenCreated"])


def test_reopen__closed_non_association_with_existing_open_non_association_cannot_be_re_opened(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Reopen / `closed non-association with existing open non-association cannot
    be re-opened`."""
    _, blocked = reopen_setup(store)
    response = http.put(
        f"/non-associations/{blocked}/reopen",
        json={"reopenReason": "Open again", "reopenedBy": "OTHER_LEAD", "reopenedAt": NOW_TEXT},
        headers=bearer(roles=["ROLE_REOPEN_NON_ASSOCIATIONS"], scopes=["write", "read"]),
    )
    assert_error(response, 409, 104)


# Delete


def test_delete__without_a_valid_token_responds_401_unauthorized(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Delete / `without a valid token responds 401 Unauthorized`."""
    assert_unauthorised(http.post(f"/non-associations/{store().id}/delete"))


def test_delete__without_the_correct_role_and_scope_responds_403_forbidden(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Delete / `without the correct role and scope responds 403 Forbidden`."""
    url = f"/non-associations/{store().id}/delete"
    body = {"deletionReason": "Entered in error", "staffUserNameRequestingDeletion": "JSMITH"}
    for token in (
        bearer(roles=["ROLE_DELETE_NON_ASSOCIATIONS"]),
        bearer(roles=["ROLE_DELETE_NON_ASSOCIATIONS"], scopes=["read"]),
    ):
        assert_error(http.post(url, json=body, headers=token), 403)


def test_delete__without_a_valid_request_body_responds_400_bad_request_or_415_unsupported_media_type(  # noqa: E501
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Delete / `without a valid request body responds 400 Bad Request or 415
    Unsupported Media Type`."""
    url = f"/non-associations/{store().id}/delete"
    only_requester = {"staffUserNameRequestingDeletion": "JSMITH"}
    assert_body_refused(http, "POST", url, DELETE_ONLY, only_requester)


def test_delete__for_a_valid_request_deletes_the_non_association(
    http: httpx.Client, store: Store
) -> None:
    """Kotlin: Delete / `for a valid request deletes the non-association`."""
    record = store()
    response = http.post(
        f"/non-associations/{record.id}/delete",
        json={"deletionReason": "Entered in error", "staffUserNameRequestingDeletion": "JSMITH"},
        headers=bearer(
            user=STAFF_USERNAME, roles=["ROLE_DELETE_NON_ASSOCIATIONS"], scopes=["write", "read"]
        ),
    )
    assert (response.status_code, response.content) == (204, b"")
    gone = http.get(
        f"/non-associations/{record.id}", headers=bearer(roles=["ROLE_READ_NON_ASSOCIATIONS"])
    )
    assert_error(gone, 404, 404)
