"""Contains all the data models used in inputs/outputs, each loaded when first asked for"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .attachment import Attachment
    from .attachment_header import AttachmentHeader
    from .close_non_association_request import CloseNonAssociationRequest
    from .constant import Constant
    from .constants_response_200 import ConstantsResponse200
    from .create_non_association_request import CreateNonAssociationRequest
    from .delete_non_association_request import DeleteNonAssociationRequest
    from .error_response import ErrorResponse
    from .hmpps_subject_access_request_content import HmppsSubjectAccessRequestContent
    from .hmpps_subject_access_request_content_content import (
        HmppsSubjectAccessRequestContentContent,
    )
    from .legacy_non_association import LegacyNonAssociation
    from .legacy_non_association_other_prisoner_details import (
        LegacyNonAssociationOtherPrisonerDetails,
    )
    from .legacy_reason_code import LegacyReasonCode
    from .legacy_type_code import LegacyTypeCode
    from .non_association import NonAssociation
    from .non_association_sort_property import NonAssociationSortProperty
    from .other_prisoner_details import OtherPrisonerDetails
    from .page_non_association import PageNonAssociation
    from .pageable_object import PageableObject
    from .patch_non_association_request import PatchNonAssociationRequest
    from .prisoner_non_association import PrisonerNonAssociation
    from .prisoner_non_associations import PrisonerNonAssociations
    from .reason import Reason
    from .reopen_non_association_request import ReopenNonAssociationRequest
    from .restriction_type import RestrictionType
    from .role import Role
    from .sort_by import SortBy
    from .sort_direction import SortDirection
    from .sort_object import SortObject

_MODULES = {
    "Attachment": ".attachment",
    "AttachmentHeader": ".attachment_header",
    "CloseNonAssociationRequest": ".close_non_association_request",
    "Constant": ".constant",
    "ConstantsResponse200": ".constants_response_200",
    "CreateNonAssociationRequest": ".create_non_association_request",
    "DeleteNonAssociationRequest": ".delete_non_association_request",
    "ErrorResponse": ".error_response",
    "HmppsSubjectAccessRequestContent": ".hmpps_subject_access_request_content",
    "HmppsSubjectAccessRequestContentContent": ".hmpps_subject_access_request_content_content",
    "LegacyNonAssociation": ".legacy_non_association",
    "LegacyNonAssociationOtherPrisonerDetails": ".legacy_non_association_other_prisoner_details",
    "LegacyReasonCode": ".legacy_reason_code",
    "LegacyTypeCode": ".legacy_type_code",
    "NonAssociation": ".non_association",
    "NonAssociationSortProperty": ".non_association_sort_property",
    "OtherPrisonerDetails": ".other_prisoner_details",
    "PageNonAssociation": ".page_non_association",
    "PageableObject": ".pageable_object",
    "PatchNonAssociationRequest": ".patch_non_association_request",
    "PrisonerNonAssociation": ".prisoner_non_association",
    "PrisonerNonAssociations": ".prisoner_non_associations",
    "Reason": ".reason",
    "ReopenNonAssociationRequest": ".reopen_non_association_request",
    "RestrictionType": ".restriction_type",
    "Role": ".role",
    "SortBy": ".sort_by",
    "SortDirection": ".sort_direction",
    "SortObject": ".sort_object",
}

__all__ = (
    "Attachment",
    "AttachmentHeader",
    "CloseNonAssociationRequest",
    "Constant",
    "ConstantsResponse200",
    "CreateNonAssociationRequest",
    "DeleteNonAssociationRequest",
    "ErrorResponse",
    "HmppsSubjectAccessRequestContent",
    "HmppsSubjectAccessRequestContentContent",
    "LegacyNonAssociation",
    "LegacyNonAssociationOtherPrisonerDetails",
    "LegacyReasonCode",
    "LegacyTypeCode",
    "NonAssociation",
    "NonAssociationSortProperty",
    "OtherPrisonerDetails",
    "PageNonAssociation",
    "PageableObject",
    "PatchNonAssociationRequest",
    "PrisonerNonAssociation",
    "PrisonerNonAssociations",
    "Reason",
    "ReopenNonAssociationRequest",
    "RestrictionType",
    "Role",
    "SortBy",
    "SortDirection",
    "SortObject",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODULES)
