"""Python client for the HMPPS Non-associations API.

    from hmpps_non_associations_api import ApiConfig, NonAssociationsApi

    api = NonAssociationsApi(system_token, ApiConfig.from_env())
    non_association = api.get_non_association(42)
"""

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

from .client import AsyncNonAssociationsApi, NonAssociationsApi
from .config import ApiConfig, Timeout
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
from .pools import close_pools
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
from .transport import Plugin, RequestEvent, ResponseEvent, RetryPolicy

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "ApiConfig",
    "AsyncNonAssociationsApi",
    "AsyncTokenSource",
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
    "HmppsSubjectAccessRequestContent",
    "LegacyNonAssociation",
    "LegacyNonAssociationOtherPrisonerDetails",
    "LegacyReasonCode",
    "LegacyTypeCode",
    "NonAssociation",
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
    "RetryPolicy",
    "Role",
    "SanitisedError",
    "ServerError",
    "SortBy",
    "SortDirection",
    "Timeout",
    "TokenSource",
    "TransportError",
    "close_pools",
    "is_error_response",
    "reason_options",
    "restriction_type_options",
    "role_options",
    "sort_by_options",
    "sort_direction_options",
    "system_users",
]
