"""An embedded fake of the HMPPS Non-associations API, for tests.

Use it in process through `FakeTransport` (sync and async httpx clients), or
over loopback HTTP through `FakeApiServer`; both serve the same
`FakeNonAssociationsApi` state. `mint_token` makes the bearer tokens it
accepts. With pytest, the fixtures in `pytest_plugin` are loaded automatically.
"""

from .records import RELEASED_PRISON_ID, TRANSFER_PRISON_ID, NonAssociationRecord, Prisoner
from .server import FakeApiServer
from .store import FakeNonAssociationsApi
from .tokens import (
    ALL_ROLES,
    DELETE_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    SAR_DATA_ACCESS,
    WRITE_NON_ASSOCIATIONS,
    mint_token,
)
from .transport import FakeTransport

__all__ = [
    "ALL_ROLES",
    "DELETE_NON_ASSOCIATIONS",
    "NON_ASSOCIATIONS_SYNC",
    "READ_NON_ASSOCIATIONS",
    "RELEASED_PRISON_ID",
    "REOPEN_NON_ASSOCIATIONS",
    "SAR_DATA_ACCESS",
    "TRANSFER_PRISON_ID",
    "WRITE_NON_ASSOCIATIONS",
    "FakeApiServer",
    "FakeNonAssociationsApi",
    "FakeTransport",
    "NonAssociationRecord",
    "Prisoner",
    "mint_token",
]
