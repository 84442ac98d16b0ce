"""Embedded fakes of the HMPPS Non-associations API and of HMPPS Auth, for tests.

`FakeNonAssociationsApi` holds the fake API's state; serve it in process through
`FakeTransport` (sync and async httpx clients) or over loopback HTTP through
`FakeApiServer`. `FakeHmppsAuth` answers the client-credentials grant, through
`FakeAuthTransport` or `FakeAuthServer`. `mint_token` makes the bearer tokens the
fake API accepts. With pytest, the fixtures in `pytest_plugin` load automatically.

This module is the subpackage's whole public surface: the modules whose names
start with an underscore are its implementation.
"""

from ._fake_api import FakeNonAssociationsApi
from ._fake_auth import FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeHmppsAuth, FakeTokenRequest
from ._in_process_transport import FakeAuthTransport, FakeTransport
from ._loopback import FakeApiServer, FakeAuthServer
from ._stored_records import (
    RELEASED_PRISON_ID,
    TRANSFER_PRISON_ID,
    NonAssociationRecord,
    Prisoner,
)
from ._token_claims import (
    ALL_ROLES,
    DELETE_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    SAR_DATA_ACCESS,
    WRITE_NON_ASSOCIATIONS,
    TokenClaims,
    decode_token,
    mint_token,
)

__all__ = [
    "ALL_ROLES",
    "DELETE_NON_ASSOCIATIONS",
    "FAKE_CLIENT_ID",
    "FAKE_CLIENT_SECRET",
    "NON_ASSOCIATIONS_SYNC",
    "READ_NON_ASSOCIATIONS",
    "RELEASED_PRISON_ID",
    "REOPEN_NON_ASSOCIATIONS",
    "SAR_DATA_ACCESS",
    "TRANSFER_PRISON_ID",
    "WRITE_NON_ASSOCIATIONS",
    "FakeApiServer",
    "FakeAuthServer",
    "FakeAuthTransport",
    "FakeHmppsAuth",
    "FakeNonAssociationsApi",
    "FakeTokenRequest",
    "FakeTransport",
    "NonAssociationRecord",
    "Prisoner",
    "TokenClaims",
    "decode_token",
    "mint_token",
]

# As in the package itself: public names report this module, not the private ones.
for _name in __all__:
    _public = globals()[_name]
    if getattr(_public, "__module__", "").startswith(f"{__name__}._"):
        _public.__module__ = __name__
del _name, _public
