"""Python client for the HMPPS Non-associations API.

`NonAssociationsApi(system_token, ApiConfig.from_env())` gives the synchronous client,
`AsyncNonAssociationsApi` the asyncio one; `HmppsAuthClient` supplies system tokens.
"""

from importlib.metadata import version as _version

from hmpps_non_associations_api_client.models import (
    CloseNonAssociationRequest,
    Constant,
    CreateNonAssociationRequest,
    DeleteNonAssociationRequest,
    ErrorResponse,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    LegacyNonAssociationOtherPrisonerDetails,
    LegacyReasonCode,
    LegacyTypeCode,
    NonAssociation,
    NonAssociationSortProperty,
    OtherPrisonerDetails,
    PageNonAssociation,
    PatchNonAssociationRequest,
    PrisonerNonAssociation,
    PrisonerNonAssociations,
    Reason,
    ReopenNonAssociationRequest,
    RestrictionType,
    Role,
    SortBy,
    SortDirection,
)
from hmpps_non_associations_api_client.request_dicts import (
    CloseNonAssociationRequestDict,
    CreateNonAssociationRequestDict,
    DeleteNonAssociationRequestDict,
    PatchNonAssociationRequestDict,
    ReopenNonAssociationRequestDict,
)

from ._auth._async_auth import AsyncHmppsAuthClient
from ._auth._sync_auth import HmppsAuthClient
from ._call._plugins import Plugin, RequestEvent, ResponseEvent
from ._call._tokens import AsyncTokenSource, TokenSource
from ._clients._answers import (
    OUTSIDE_PRISON_ID,
    TRANSFER_PRISON_ID,
    ByPrisoner,
    LocationGroups,
    group_by_location,
    prisoner_pair,
)
from ._clients._async_client import AsyncNonAssociationsApi
from ._clients._raw import RawResponse
from ._clients._results import (
    ClosedNonAssociation,
    ClosedNonAssociationsPage,
    ClosedPrisonerNonAssociation,
    ClosedPrisonerNonAssociations,
    OpenNonAssociation,
    OpenNonAssociationsPage,
    OpenPrisonerNonAssociation,
    OpenPrisonerNonAssociations,
)
from ._clients._sync_client import NonAssociationsApi
from ._errors._exceptions import (
    ApiStatusError,
    ApiTimeoutError,
    BadRequestError,
    ClientError,
    ConflictError,
    ErrorCode,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    RedirectRefusedError,
    SanitisedError,
    ServerError,
    TransportError,
    UnauthorisedError,
    UnreadableResponseError,
    is_error_response,
)
from ._settings._config import ApiConfig, AuthConfig, Limits, RetryPolicy, Timeout
from ._settings._headers import ReplyHeaders
from ._spec._constants import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    reason_options,
    restriction_type_options,
    role_options,
    sort_by_options,
    sort_direction_options,
    system_users,
)
from ._transport._aiohttp import aclose_pools
from ._transport._pool import close_pools

# The installed distribution's version: pyproject.toml is the one place it is written.
__version__ = _version("hmpps-non-associations-api")

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "OUTSIDE_PRISON_ID",
    "TRANSFER_PRISON_ID",
    "ApiConfig",
    "ApiStatusError",
    "ApiTimeoutError",
    "AsyncHmppsAuthClient",
    "AsyncNonAssociationsApi",
    "AsyncTokenSource",
    "AuthConfig",
    "BadRequestError",
    "ByPrisoner",
    "ClientError",
    "CloseNonAssociationRequest",
    "CloseNonAssociationRequestDict",
    "ClosedNonAssociation",
    "ClosedNonAssociationsPage",
    "ClosedPrisonerNonAssociation",
    "ClosedPrisonerNonAssociations",
    "ConflictError",
    "Constant",
    "CreateNonAssociationRequest",
    "CreateNonAssociationRequestDict",
    "DeleteNonAssociationRequest",
    "DeleteNonAssociationRequestDict",
    "ErrorCode",
    "ErrorResponse",
    "ForbiddenError",
    "HmppsAuthClient",
    "HmppsSubjectAccessRequestContent",
    "LegacyNonAssociation",
    "LegacyNonAssociationOtherPrisonerDetails",
    "LegacyReasonCode",
    "LegacyTypeCode",
    "Limits",
    "LocationGroups",
    "NonAssociation",
    "NonAssociationSortProperty",
    "NonAssociationsApi",
    "NotFoundError",
    "OpenNonAssociation",
    "OpenNonAssociationsPage",
    "OpenPrisonerNonAssociation",
    "OpenPrisonerNonAssociations",
    "OtherPrisonerDetails",
    "PageNonAssociation",
    "PatchNonAssociationRequest",
    "PatchNonAssociationRequestDict",
    "Plugin",
    "PrisonerNonAssociation",
    "PrisonerNonAssociations",
    "RateLimitedError",
    "RawResponse",
    "Reason",
    "RedirectRefusedError",
    "ReopenNonAssociationRequest",
    "ReopenNonAssociationRequestDict",
    "ReplyHeaders",
    "RequestEvent",
    "ResponseEvent",
    "RestrictionType",
    "RetryPolicy",
    "Role",
    "SanitisedError",
    "ServerError",
    "SortBy",
    "SortDirection",
    "Timeout",
    "TokenSource",
    "TransportError",
    "UnauthorisedError",
    "UnreadableResponseError",
    "aclose_pools",
    "close_pools",
    "group_by_location",
    "is_error_response",
    "prisoner_pair",
    "reason_options",
    "restriction_type_options",
    "role_options",
    "sort_by_options",
    "sort_direction_options",
    "system_users",
]

# Public names report this module, in tracebacks, reprs and help(), as httpx does for
# its own: the private modules they are defined in may change in any release.
for _name in __all__:
    _public = globals()[_name]
    if getattr(_public, "__module__", "").startswith(f"{__name__}._"):
        _public.__module__ = __name__
del _name, _public
