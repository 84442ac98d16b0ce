"""Python client for the HMPPS Non-associations API.

`NonAssociationsApi(system_token, ApiConfig.from_env())` gives the synchronous client,
`AsyncNonAssociationsApi` the asyncio one; `HmppsAuthClient` supplies system tokens.
"""

import importlib.metadata

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

from ._aio import aclose_pools
from ._pool import close_pools
from .auth import AsyncHmppsAuthClient, HmppsAuthClient
from .client import AsyncNonAssociationsApi, NonAssociationsApi
from .config import ApiConfig, AuthConfig, Timeout
from .constants import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    reason_options,
    restriction_type_options,
    role_options,
    sort_by_options,
    sort_direction_options,
    system_users,
)
from .errors import (
    ClientError,
    ErrorCode,
    SanitisedError,
    ServerError,
    TransportError,
    is_error_response,
)
from .results import (
    ClosedNonAssociation,
    ClosedNonAssociationsPage,
    ClosedPrisonerNonAssociation,
    ClosedPrisonerNonAssociations,
    OpenNonAssociation,
    OpenNonAssociationsPage,
    OpenPrisonerNonAssociation,
    OpenPrisonerNonAssociations,
)
from .tokens import AsyncTokenSource, TokenSource
from .transport import Plugin, RequestEvent, ResponseEvent

# The installed distribution's version: pyproject.toml is the one place it is written.
__version__ = importlib.metadata.version("hmpps-non-associations-api")

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "ApiConfig",
    "AsyncHmppsAuthClient",
    "AsyncNonAssociationsApi",
    "AsyncTokenSource",
    "AuthConfig",
    "ClientError",
    "CloseNonAssociationRequest",
    "ClosedNonAssociation",
    "ClosedNonAssociationsPage",
    "ClosedPrisonerNonAssociation",
    "ClosedPrisonerNonAssociations",
    "Constant",
    "CreateNonAssociationRequest",
    "DeleteNonAssociationRequest",
    "ErrorCode",
    "ErrorResponse",
    "HmppsAuthClient",
    "HmppsSubjectAccessRequestContent",
    "LegacyNonAssociation",
    "LegacyNonAssociationOtherPrisonerDetails",
    "LegacyReasonCode",
    "LegacyTypeCode",
    "NonAssociation",
    "NonAssociationSortProperty",
    "NonAssociationsApi",
    "OpenNonAssociation",
    "OpenNonAssociationsPage",
    "OpenPrisonerNonAssociation",
    "OpenPrisonerNonAssociations",
    "OtherPrisonerDetails",
    "PageNonAssociation",
    "PatchNonAssociationRequest",
    "Plugin",
    "PrisonerNonAssociation",
    "PrisonerNonAssociations",
    "Reason",
    "ReopenNonAssociationRequest",
    "RequestEvent",
    "ResponseEvent",
    "RestrictionType",
    "Role",
    "SanitisedError",
    "ServerError",
    "SortBy",
    "SortDirection",
    "Timeout",
    "TokenSource",
    "TransportError",
    "aclose_pools",
    "close_pools",
    "is_error_response",
    "reason_options",
    "restriction_type_options",
    "role_options",
    "sort_by_options",
    "sort_direction_options",
    "system_users",
]
