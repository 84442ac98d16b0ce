"""Python client for the HMPPS Non-associations API.

`NonAssociationsApi(system_token, ApiConfig.from_env())` gives the synchronous client,
`AsyncNonAssociationsApi` the asyncio one; `HmppsAuthClient` supplies system tokens.
"""

# Pay for what you use: the settings and the errors load with the package; every other
# name when it is first asked for (PEP 562), so a thread application never loads aiohttp,
# and the command line's --help no client at all. Type checkers read the imports below:
# those made now, and under TYPE_CHECKING those `_LAZY` makes on first use.

import importlib as _importlib
import sys as _sys
import typing as _typing

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
from ._settings._config import (
    ApiConfig,
    AuthConfig,
    Limits,
    RetryPolicy,
    Timeout,
)
from ._settings._headers import (
    ReplyHeaders,
)

if _typing.TYPE_CHECKING:
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

_LAZY: dict[str, str] = {
    "CloseNonAssociationRequest": "hmpps_non_associations_api_client.models",
    "Constant": "hmpps_non_associations_api_client.models",
    "CreateNonAssociationRequest": "hmpps_non_associations_api_client.models",
    "DeleteNonAssociationRequest": "hmpps_non_associations_api_client.models",
    "ErrorResponse": "hmpps_non_associations_api_client.models",
    "HmppsSubjectAccessRequestContent": "hmpps_non_associations_api_client.models",
    "LegacyNonAssociation": "hmpps_non_associations_api_client.models",
    "LegacyNonAssociationOtherPrisonerDetails": "hmpps_non_associations_api_client.models",
    "LegacyReasonCode": "hmpps_non_associations_api_client.models",
    "LegacyTypeCode": "hmpps_non_associations_api_client.models",
    "NonAssociation": "hmpps_non_associations_api_client.models",
    "NonAssociationSortProperty": "hmpps_non_associations_api_client.models",
    "OtherPrisonerDetails": "hmpps_non_associations_api_client.models",
    "PageNonAssociation": "hmpps_non_associations_api_client.models",
    "PatchNonAssociationRequest": "hmpps_non_associations_api_client.models",
    "PrisonerNonAssociation": "hmpps_non_associations_api_client.models",
    "PrisonerNonAssociations": "hmpps_non_associations_api_client.models",
    "Reason": "hmpps_non_associations_api_client.models",
    "ReopenNonAssociationRequest": "hmpps_non_associations_api_client.models",
    "RestrictionType": "hmpps_non_associations_api_client.models",
    "Role": "hmpps_non_associations_api_client.models",
    "SortBy": "hmpps_non_associations_api_client.models",
    "SortDirection": "hmpps_non_associations_api_client.models",
    "CloseNonAssociationRequestDict": "hmpps_non_associations_api_client.request_dicts",
    "CreateNonAssociationRequestDict": "hmpps_non_associations_api_client.request_dicts",
    "DeleteNonAssociationRequestDict": "hmpps_non_associations_api_client.request_dicts",
    "PatchNonAssociationRequestDict": "hmpps_non_associations_api_client.request_dicts",
    "ReopenNonAssociationRequestDict": "hmpps_non_associations_api_client.request_dicts",
    "AsyncHmppsAuthClient": "._auth._async_auth",
    "HmppsAuthClient": "._auth._sync_auth",
    "Plugin": "._call._plugins",
    "RequestEvent": "._call._plugins",
    "ResponseEvent": "._call._plugins",
    "AsyncTokenSource": "._call._tokens",
    "TokenSource": "._call._tokens",
    "OUTSIDE_PRISON_ID": "._clients._answers",
    "TRANSFER_PRISON_ID": "._clients._answers",
    "ByPrisoner": "._clients._answers",
    "LocationGroups": "._clients._answers",
    "group_by_location": "._clients._answers",
    "prisoner_pair": "._clients._answers",
    "AsyncNonAssociationsApi": "._clients._async_client",
    "RawResponse": "._clients._raw",
    "ClosedNonAssociation": "._clients._results",
    "ClosedNonAssociationsPage": "._clients._results",
    "ClosedPrisonerNonAssociation": "._clients._results",
    "ClosedPrisonerNonAssociations": "._clients._results",
    "OpenNonAssociation": "._clients._results",
    "OpenNonAssociationsPage": "._clients._results",
    "OpenPrisonerNonAssociation": "._clients._results",
    "OpenPrisonerNonAssociations": "._clients._results",
    "NonAssociationsApi": "._clients._sync_client",
    "DEFAULT_PAGE_SIZE": "._spec._constants",
    "MAX_PAGE_SIZE": "._spec._constants",
    "reason_options": "._spec._constants",
    "restriction_type_options": "._spec._constants",
    "role_options": "._spec._constants",
    "sort_by_options": "._spec._constants",
    "sort_direction_options": "._spec._constants",
    "system_users": "._spec._constants",
    "aclose_pools": "._transport._aiohttp",
    "close_pools": "._transport._pool",
}
"""Each name loaded on first use, and the module it comes from."""

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


def __getattr__(name: str) -> _typing.Any:
    if name == "__version__":
        # The installed distribution's: pyproject.toml is the one place it is written.
        from importlib.metadata import version

        value: _typing.Any = version("hmpps-non-associations-api")
    elif name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name], __name__), name)
        _publish()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})


def _publish() -> None:
    """Public names report this module, in tracebacks, reprs and help(), as httpx does for
    its own: the private modules they are defined in may change in any release. Done for
    every public name whose module is loaded, so a class the application never named (a
    RawResponse it was given) reports it too."""
    package = f"{__name__}."
    for module_name in {_LAZY.get(name) for name in __all__}:
        module = _sys.modules.get(f"{__name__}{module_name}") if module_name else None
        if module is None:
            continue
        for name in getattr(module, "__all__", ()):
            public = getattr(module, name)
            if name in __all__ and getattr(public, "__module__", "").startswith(package):
                public.__module__ = __name__


for _name in __all__:
    _public = globals().get(_name)
    if getattr(_public, "__module__", "").startswith(f"{__name__}._"):
        _public.__module__ = __name__
del _name, _public
