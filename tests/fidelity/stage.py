"""The stage every fidelity test plays on: the fake served over real HTTP on 127.0.0.1.

The service's own resource tests freeze its clock, stub prisoner search with a
handful of prisoners and write non-associations straight into the database.
Here the clock is frozen the same way (at a moment of our own choosing), the
fake's prisoner search holds a comparable cast, and `store` writes records as
the repository would. Requests are raw httpx calls with hand-built bearer
tokens, so what is tested is the wire, not the facade client.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterable
from datetime import datetime

import httpx
from hmpps_non_associations_api.testing import (
    FakeNonAssociationsApi,
    NonAssociationRecord,
    Prisoner,
)

NOW = datetime(2024, 2, 29, 10, 20, 30, 654321)
"""The fake's frozen clock, a Europe/London local time (GMT on that day)."""

NOW_TEXT = "2024-02-29T10:20:30.654321"
SERVICE_USERNAME = "NON_ASSOCIATIONS_API"
"""Who the service's test tokens name when a test does not choose a user."""
STAFF_USERNAME = "SHIFT_LEAD_7"
"""The member of staff most tests act as."""

MOORLAND = {"prison_id": "MDI", "prison_name": "Moorland (HMP & YOI)"}

# Three prisoners in Moorland, one in Leeds.
ADA = Prisoner.in_prison("A1234BC", "Ada", "Lovell", cell_location="MDI-1-1-001", **MOORLAND)
BRAM = Prisoner.in_prison("D5678EF", "Bram", "Stoke", cell_location="MDI-1-1-002", **MOORLAND)
CORA = Prisoner.in_prison("G9012HI", "Cora", "Ashdown", cell_location="MDI-1-2-003", **MOORLAND)
ELI = Prisoner.in_prison(
    "L3456MN",
    "Eli",
    "Mortimer",
    prison_id="LEI",
    prison_name="Leeds (HMP)",
    cell_location="LEI-2-1-004",
)
# How prisoner search reports someone moving between prisons, someone released,
# and someone with no booking at all.
FERN = Prisoner("C1234CC", "Fern", "Quill", "TRN", "Transfer", None)
GUS = Prisoner("B1234BB", "Gus", "Harrow", "OUT", "Outside - released from Moorland", None)
HAL = Prisoner("D1234DD", "Hal", "Nobody", None, None, None)

CAST = (ADA, BRAM, CORA, ELI, FERN, GUS, HAL)


def _segment(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()


def bearer(
    *,
    user: str | None = SERVICE_USERNAME,
    roles: Iterable[str] = (),
    scopes: Iterable[str] = (),
) -> dict[str, str]:
    """An Authorization header whose token says exactly what is given: authorities are
    not prefixed, and a test that names no scope gets none, as in the service's tests."""
    claims: dict[str, object] = {
        "authorities": list(roles),
        "scope": list(scopes),
        "client_id": "hmpps-non-associations-api",
        "exp": int(time.time()) + 3600,
    }
    if user is not None:
        claims["user_name"] = user
    token = ".".join((_segment({"alg": "none", "typ": "JWT"}), _segment(claims), ""))
    return {"Authorization": f"Bearer {token}"}


READER = bearer(roles=["ROLE_READ_NON_ASSOCIATIONS"])
WRITER = bearer(
    user=STAFF_USERNAME, roles=["ROLE_WRITE_NON_ASSOCIATIONS"], scopes=["write", "read"]
)


def local_time(text: str) -> datetime:
    """A date-time from a response: a local time, no offset."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is None, text
    return value


def assert_unauthorised(response: httpx.Response) -> None:
    """A 401 from the security layer: no body, a Bearer challenge."""
    assert response.status_code == 401, response.text
    assert response.content == b""
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


JSON = {"Content-Type": "application/json"}
TEXT = {"Content-Type": "text/plain"}


def assert_body_refused(
    http: httpx.Client, method: str, url: str, headers: dict[str, str], unusable: object
) -> None:
    """The refusals the service's `without a valid request body` tests check: no body
    (400), a text body (415), and a JSON body it cannot take (400, no error code)."""
    assert_error(http.request(method, url, headers={**headers, **JSON}), 400)
    assert_error(http.request(method, url, content=b"{}", headers={**headers, **TEXT}), 415)
    assert_error(http.request(method, url, json=unusable, headers=headers), 400)


def assert_error(response: httpx.Response, status: int, error_code: int | None = None) -> None:
    """An ErrorResponse with this status and error code (None: no code)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status
    assert body.get("errorCode") == error_code
    assert body["userMessage"] and body["developerMessage"]


class Store:
    """Writes non-associations the way the service's tests save them to the repository."""

    def __init__(self, fake: FakeNonAssociationsApi) -> None:
        self.fake = fake

    def __call__(
        self,
        first: str = ADA.prisoner_number,
        second: str = BRAM.prisoner_number,
        *,
        closed: bool = False,
        restriction_type: str = "CELL",
        first_role: str = "VICTIM",
        second_role: str = "PERPETRATOR",
    ) -> NonAssociationRecord:
        return self.fake.add_non_association(
            first,
            second,
            first_prisoner_role=first_role,
            second_prisoner_role=second_role,
            reason="BULLYING",
            restriction_type=restriction_type,
            comment="Repeated intimidation on the wing",
            authorised_by="Duty Governor",
            updated_by="CLOSING_OFFICER" if closed else "WING_OFFICER",
            when_created=NOW,
            closed_by="CLOSING_OFFICER" if closed else None,
            closed_reason="Reconciled after mediation" if closed else None,
            closed_at=NOW if closed else None,
        )
