"""Compiled readers of the API's replies: bytes to checked models in one pass.

Written by scripts/reply_decoders.py from openapi.json: never edit by hand.
"""

import datetime
from collections.abc import Callable
from typing import Annotated, Any

import msgspec

from .models.attachment import Attachment
from .models.attachment_header import AttachmentHeader
from .models.constant import Constant
from .models.constants_response_200 import ConstantsResponse200
from .models.hmpps_subject_access_request_content import (
    HmppsSubjectAccessRequestContent,
)
from .models.hmpps_subject_access_request_content_content import (
    HmppsSubjectAccessRequestContentContent,
)
from .models.legacy_non_association import LegacyNonAssociation
from .models.legacy_non_association_other_prisoner_details import (
    LegacyNonAssociationOtherPrisonerDetails,
)
from .models.legacy_reason_code import LegacyReasonCode
from .models.legacy_type_code import LegacyTypeCode
from .models.non_association import NonAssociation
from .models.other_prisoner_details import OtherPrisonerDetails
from .models.page_non_association import PageNonAssociation
from .models.pageable_object import PageableObject
from .models.prisoner_non_association import PrisonerNonAssociation
from .models.prisoner_non_associations import PrisonerNonAssociations
from .models.reason import Reason
from .models.restriction_type import RestrictionType
from .models.role import Role
from .models.sort_object import SortObject
from .types import UNSET

__all__ = ["READERS", "Reader"]


Reader = Callable[[bytes, Callable[[list[str]], None]], Any]
"""Bytes to models; the second argument is told the fields read as None where the
document promises a value (see _reader)."""
_Tolerate = Callable[[Any, Any, set[str]], None]

_U = msgspec.UNSET
_new = object.__new__  # the models' attributes are set here, as from_dict sets them


def _list_of(build: Callable[[Any], Any]) -> Callable[[list[Any]], list[Any]]:
    def built(read: list[Any]) -> list[Any]:
        return [build(item) for item in read]

    return built


def _named_lists(model: Any, build: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def built(read: dict[str, list[Any]]) -> Any:
        made = model()
        made.additional_properties = {
            name: [build(item) for item in items] for name, items in read.items()
        }
        return made

    return built


def _each(tolerate: _Tolerate) -> _Tolerate:
    def tolerated(made: list[Any], raw: list[Any], nulls: set[str]) -> None:
        for each, each_raw in zip(made, raw):
            tolerate(each, each_raw, nulls)

    return tolerated


def _each_named(tolerate: _Tolerate) -> _Tolerate:
    def tolerated(made: Any, raw: dict[str, list[Any]], nulls: set[str]) -> None:
        for name, items in raw.items():
            for each, each_raw in zip(made.additional_properties[name], items):
                tolerate(each, each_raw, nulls)

    return tolerated


_Int32 = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]
_Int64 = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]
# the API's Europe/London wall-clock times carry no offset
_LocalDateTime = Annotated[datetime.datetime, msgspec.Meta(tz=False)]

_LEGACYREASONCODE_BY_VALUE = {member.value: member for member in LegacyReasonCode}

_LEGACYTYPECODE_BY_VALUE = {member.value: member for member in LegacyTypeCode}

_REASON_BY_VALUE = {member.value: member for member in Reason}

_RESTRICTIONTYPE_BY_VALUE = {member.value: member for member in RestrictionType}

_ROLE_BY_VALUE = {member.value: member for member in Role}


class _NonAssociation(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    id: _Int64
    first_prisoner_number: str = msgspec.field(name="firstPrisonerNumber")
    first_prisoner_role: str = msgspec.field(name="firstPrisonerRole")
    first_prisoner_role_description: str = msgspec.field(
        name="firstPrisonerRoleDescription"
    )
    second_prisoner_number: str = msgspec.field(name="secondPrisonerNumber")
    second_prisoner_role: str = msgspec.field(name="secondPrisonerRole")
    second_prisoner_role_description: str = msgspec.field(
        name="secondPrisonerRoleDescription"
    )
    reason: str
    reason_description: str = msgspec.field(name="reasonDescription")
    restriction_type: str = msgspec.field(name="restrictionType")
    restriction_type_description: str = msgspec.field(name="restrictionTypeDescription")
    comment: str
    when_created: _LocalDateTime = msgspec.field(name="whenCreated")
    when_updated: _LocalDateTime = msgspec.field(name="whenUpdated")
    updated_by: str = msgspec.field(name="updatedBy")
    is_closed: bool = msgspec.field(name="isClosed")
    closed_by: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedBy"
    )
    closed_reason: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedReason"
    )
    closed_at: _LocalDateTime | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedAt"
    )
    is_open: bool = msgspec.field(name="isOpen")


class _Constant(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    code: str
    description: str


class _LegacyNonAssociationOtherPrisonerDetails(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    offender_no: str = msgspec.field(name="offenderNo")
    reason_code: str = msgspec.field(name="reasonCode")
    reason_description: str = msgspec.field(name="reasonDescription")


class _LegacyNonAssociation(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    id: _Int64
    offender_no: str = msgspec.field(name="offenderNo")
    reason_code: str = msgspec.field(name="reasonCode")
    reason_description: str = msgspec.field(name="reasonDescription")
    type_code: str = msgspec.field(name="typeCode")
    type_description: str = msgspec.field(name="typeDescription")
    effective_date: _LocalDateTime = msgspec.field(name="effectiveDate")
    expiry_date: _LocalDateTime | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="expiryDate"
    )
    authorised_by: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="authorisedBy"
    )
    comments: str
    offender_non_association: _LegacyNonAssociationOtherPrisonerDetails = msgspec.field(
        name="offenderNonAssociation"
    )


class _SortObject(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    empty: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    sorted_: bool | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="sorted"
    )
    unsorted: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)


class _PageableObject(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    offset: _Int64 | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    sort: _SortObject | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    page_size: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="pageSize"
    )
    paged: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    page_number: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="pageNumber"
    )
    unpaged: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)


class _PageNonAssociation(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    total_elements: _Int64 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="totalElements"
    )
    total_pages: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="totalPages"
    )
    first: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    last: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    size: _Int32 | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    content: list[_NonAssociation] | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )
    number: _Int32 | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    sort: _SortObject | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    number_of_elements: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="numberOfElements"
    )
    pageable: _PageableObject | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    empty: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)


class _OtherPrisonerDetails(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    prisoner_number: str = msgspec.field(name="prisonerNumber")
    role: str
    role_description: str = msgspec.field(name="roleDescription")
    first_name: str = msgspec.field(name="firstName")
    last_name: str = msgspec.field(name="lastName")
    prison_id: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonId"
    )
    prison_name: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonName"
    )
    cell_location: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="cellLocation"
    )


class _PrisonerNonAssociation(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    id: _Int64
    role: str
    role_description: str = msgspec.field(name="roleDescription")
    reason: str
    reason_description: str = msgspec.field(name="reasonDescription")
    restriction_type: str = msgspec.field(name="restrictionType")
    restriction_type_description: str = msgspec.field(name="restrictionTypeDescription")
    comment: str
    authorised_by: str = msgspec.field(name="authorisedBy")
    when_created: _LocalDateTime = msgspec.field(name="whenCreated")
    when_updated: _LocalDateTime = msgspec.field(name="whenUpdated")
    updated_by: str = msgspec.field(name="updatedBy")
    is_closed: bool = msgspec.field(name="isClosed")
    closed_by: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedBy"
    )
    closed_reason: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedReason"
    )
    closed_at: _LocalDateTime | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedAt"
    )
    other_prisoner_details: _OtherPrisonerDetails = msgspec.field(
        name="otherPrisonerDetails"
    )
    is_open: bool = msgspec.field(name="isOpen")


class _PrisonerNonAssociations(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    prisoner_number: str = msgspec.field(name="prisonerNumber")
    first_name: str = msgspec.field(name="firstName")
    last_name: str = msgspec.field(name="lastName")
    prison_id: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonId"
    )
    prison_name: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonName"
    )
    cell_location: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="cellLocation"
    )
    open_count: Annotated[int, msgspec.Meta(ge=0, le=2147483647)] = msgspec.field(
        name="openCount"
    )
    closed_count: Annotated[int, msgspec.Meta(ge=0, le=2147483647)] = msgspec.field(
        name="closedCount"
    )
    non_associations: list[_PrisonerNonAssociation] = msgspec.field(
        name="nonAssociations"
    )


class _AttachmentHeader(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    name: str
    value: str


class _Attachment(msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False):
    attachment_number: _Int32 = msgspec.field(name="attachmentNumber")
    name: str
    content_type: str = msgspec.field(name="contentType")
    url: str
    filesize: _Int32
    filename: str
    headers: list[_AttachmentHeader] | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )


class _HmppsSubjectAccessRequestContent(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=True, gc=False
):
    content: dict[str, Any]
    attachments: list[_Attachment] | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )


class _NonAssociationTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    id: _Int64
    first_prisoner_number: str = msgspec.field(name="firstPrisonerNumber")
    first_prisoner_role: str = msgspec.field(name="firstPrisonerRole")
    first_prisoner_role_description: str | None = msgspec.field(
        name="firstPrisonerRoleDescription"
    )
    second_prisoner_number: str = msgspec.field(name="secondPrisonerNumber")
    second_prisoner_role: str = msgspec.field(name="secondPrisonerRole")
    second_prisoner_role_description: str | None = msgspec.field(
        name="secondPrisonerRoleDescription"
    )
    reason: str
    reason_description: str | None = msgspec.field(name="reasonDescription")
    restriction_type: str = msgspec.field(name="restrictionType")
    restriction_type_description: str | None = msgspec.field(
        name="restrictionTypeDescription"
    )
    comment: str | None
    when_created: _LocalDateTime = msgspec.field(name="whenCreated")
    when_updated: _LocalDateTime = msgspec.field(name="whenUpdated")
    updated_by: str | None = msgspec.field(name="updatedBy")
    is_closed: bool = msgspec.field(name="isClosed")
    closed_by: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedBy"
    )
    closed_reason: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedReason"
    )
    closed_at: _LocalDateTime | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedAt"
    )
    is_open: bool = msgspec.field(name="isOpen")


class _ConstantTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    code: str
    description: str | None


class _LegacyNonAssociationOtherPrisonerDetailsTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    offender_no: str = msgspec.field(name="offenderNo")
    reason_code: str = msgspec.field(name="reasonCode")
    reason_description: str | None = msgspec.field(name="reasonDescription")


class _LegacyNonAssociationTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    id: _Int64
    offender_no: str = msgspec.field(name="offenderNo")
    reason_code: str = msgspec.field(name="reasonCode")
    reason_description: str | None = msgspec.field(name="reasonDescription")
    type_code: str = msgspec.field(name="typeCode")
    type_description: str | None = msgspec.field(name="typeDescription")
    effective_date: _LocalDateTime = msgspec.field(name="effectiveDate")
    expiry_date: _LocalDateTime | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="expiryDate"
    )
    authorised_by: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="authorisedBy"
    )
    comments: str | None
    offender_non_association: _LegacyNonAssociationOtherPrisonerDetailsTolerant = (
        msgspec.field(name="offenderNonAssociation")
    )


class _SortObjectTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    empty: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    sorted_: bool | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="sorted"
    )
    unsorted: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)


class _PageableObjectTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    offset: _Int64 | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    sort: _SortObjectTolerant | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    page_size: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="pageSize"
    )
    paged: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    page_number: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="pageNumber"
    )
    unpaged: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)


class _PageNonAssociationTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    total_elements: _Int64 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="totalElements"
    )
    total_pages: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="totalPages"
    )
    first: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    last: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    size: _Int32 | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    content: list[_NonAssociationTolerant] | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )
    number: _Int32 | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    sort: _SortObjectTolerant | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)
    number_of_elements: _Int32 | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="numberOfElements"
    )
    pageable: _PageableObjectTolerant | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )
    empty: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET)


class _OtherPrisonerDetailsTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    prisoner_number: str = msgspec.field(name="prisonerNumber")
    role: str
    role_description: str | None = msgspec.field(name="roleDescription")
    first_name: str | None = msgspec.field(name="firstName")
    last_name: str | None = msgspec.field(name="lastName")
    prison_id: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonId"
    )
    prison_name: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonName"
    )
    cell_location: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="cellLocation"
    )


class _PrisonerNonAssociationTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    id: _Int64
    role: str
    role_description: str | None = msgspec.field(name="roleDescription")
    reason: str
    reason_description: str | None = msgspec.field(name="reasonDescription")
    restriction_type: str = msgspec.field(name="restrictionType")
    restriction_type_description: str | None = msgspec.field(
        name="restrictionTypeDescription"
    )
    comment: str | None
    authorised_by: str | None = msgspec.field(name="authorisedBy")
    when_created: _LocalDateTime = msgspec.field(name="whenCreated")
    when_updated: _LocalDateTime = msgspec.field(name="whenUpdated")
    updated_by: str | None = msgspec.field(name="updatedBy")
    is_closed: bool = msgspec.field(name="isClosed")
    closed_by: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedBy"
    )
    closed_reason: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedReason"
    )
    closed_at: _LocalDateTime | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="closedAt"
    )
    other_prisoner_details: _OtherPrisonerDetailsTolerant = msgspec.field(
        name="otherPrisonerDetails"
    )
    is_open: bool = msgspec.field(name="isOpen")


class _PrisonerNonAssociationsTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    prisoner_number: str = msgspec.field(name="prisonerNumber")
    first_name: str | None = msgspec.field(name="firstName")
    last_name: str | None = msgspec.field(name="lastName")
    prison_id: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonId"
    )
    prison_name: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="prisonName"
    )
    cell_location: str | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET, name="cellLocation"
    )
    open_count: Annotated[int, msgspec.Meta(ge=0, le=2147483647)] = msgspec.field(
        name="openCount"
    )
    closed_count: Annotated[int, msgspec.Meta(ge=0, le=2147483647)] = msgspec.field(
        name="closedCount"
    )
    non_associations: list[_PrisonerNonAssociationTolerant] = msgspec.field(
        name="nonAssociations"
    )


class _AttachmentHeaderTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    name: str
    value: str


class _AttachmentTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    attachment_number: _Int32 = msgspec.field(name="attachmentNumber")
    name: str
    content_type: str = msgspec.field(name="contentType")
    url: str
    filesize: _Int32
    filename: str
    headers: list[_AttachmentHeaderTolerant] | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )


class _HmppsSubjectAccessRequestContentTolerant(
    msgspec.Struct, kw_only=True, forbid_unknown_fields=False, gc=False
):
    content: dict[str, Any]
    attachments: list[_AttachmentTolerant] | None | msgspec.UnsetType = msgspec.field(
        default=msgspec.UNSET
    )


def _build_non_association(
    read: _NonAssociation | _NonAssociationTolerant,
) -> NonAssociation:
    made = _new(NonAssociation)
    made.id = read.id
    made.first_prisoner_number = read.first_prisoner_number
    made.first_prisoner_role = _ROLE_BY_VALUE.get(read.first_prisoner_role) or Role(
        read.first_prisoner_role
    )
    made.first_prisoner_role_description = read.first_prisoner_role_description
    made.second_prisoner_number = read.second_prisoner_number
    made.second_prisoner_role = _ROLE_BY_VALUE.get(read.second_prisoner_role) or Role(
        read.second_prisoner_role
    )
    made.second_prisoner_role_description = read.second_prisoner_role_description
    made.reason = _REASON_BY_VALUE.get(read.reason) or Reason(read.reason)
    made.reason_description = read.reason_description
    made.restriction_type = _RESTRICTIONTYPE_BY_VALUE.get(
        read.restriction_type
    ) or RestrictionType(read.restriction_type)
    made.restriction_type_description = read.restriction_type_description
    made.comment = read.comment
    made.when_created = read.when_created
    made.when_updated = read.when_updated
    made.updated_by = read.updated_by
    made.is_closed = read.is_closed
    made.closed_by = UNSET if read.closed_by is _U else read.closed_by
    made.closed_reason = UNSET if read.closed_reason is _U else read.closed_reason
    made.closed_at = UNSET if read.closed_at is _U else read.closed_at
    made.is_open = read.is_open
    made.additional_properties = {}
    return made


def _build_constant(read: _Constant | _ConstantTolerant) -> Constant:
    made = _new(Constant)
    made.code = read.code
    made.description = read.description
    made.additional_properties = {}
    return made


def _build_legacy_non_association_other_prisoner_details(
    read: _LegacyNonAssociationOtherPrisonerDetails
    | _LegacyNonAssociationOtherPrisonerDetailsTolerant,
) -> LegacyNonAssociationOtherPrisonerDetails:
    made = _new(LegacyNonAssociationOtherPrisonerDetails)
    made.offender_no = read.offender_no
    made.reason_code = _LEGACYREASONCODE_BY_VALUE.get(
        read.reason_code
    ) or LegacyReasonCode(read.reason_code)
    made.reason_description = read.reason_description
    made.additional_properties = {}
    return made


def _build_legacy_non_association(
    read: _LegacyNonAssociation | _LegacyNonAssociationTolerant,
) -> LegacyNonAssociation:
    made = _new(LegacyNonAssociation)
    made.id = read.id
    made.offender_no = read.offender_no
    made.reason_code = _LEGACYREASONCODE_BY_VALUE.get(
        read.reason_code
    ) or LegacyReasonCode(read.reason_code)
    made.reason_description = read.reason_description
    made.type_code = _LEGACYTYPECODE_BY_VALUE.get(read.type_code) or LegacyTypeCode(
        read.type_code
    )
    made.type_description = read.type_description
    made.effective_date = read.effective_date
    made.expiry_date = UNSET if read.expiry_date is _U else read.expiry_date
    made.authorised_by = UNSET if read.authorised_by is _U else read.authorised_by
    made.comments = read.comments
    made.offender_non_association = (
        _build_legacy_non_association_other_prisoner_details(
            read.offender_non_association
        )
    )
    made.additional_properties = {}
    return made


def _build_sort_object(read: _SortObject | _SortObjectTolerant) -> SortObject:
    made = _new(SortObject)
    made.empty = UNSET if read.empty is _U else read.empty
    made.sorted_ = UNSET if read.sorted_ is _U else read.sorted_
    made.unsorted = UNSET if read.unsorted is _U else read.unsorted
    made.additional_properties = {}
    return made


def _build_pageable_object(
    read: _PageableObject | _PageableObjectTolerant,
) -> PageableObject:
    made = _new(PageableObject)
    made.offset = UNSET if read.offset is _U else read.offset
    made.sort = UNSET if read.sort is _U else _build_sort_object(read.sort)
    made.page_size = UNSET if read.page_size is _U else read.page_size
    made.paged = UNSET if read.paged is _U else read.paged
    made.page_number = UNSET if read.page_number is _U else read.page_number
    made.unpaged = UNSET if read.unpaged is _U else read.unpaged
    made.additional_properties = {}
    return made


def _build_page_non_association(
    read: _PageNonAssociation | _PageNonAssociationTolerant,
) -> PageNonAssociation:
    made = _new(PageNonAssociation)
    made.total_elements = UNSET if read.total_elements is _U else read.total_elements
    made.total_pages = UNSET if read.total_pages is _U else read.total_pages
    made.first = UNSET if read.first is _U else read.first
    made.last = UNSET if read.last is _U else read.last
    made.size = UNSET if read.size is _U else read.size
    made.content = (
        UNSET
        if read.content is _U
        else [_build_non_association(item) for item in read.content]
    )
    made.number = UNSET if read.number is _U else read.number
    made.sort = UNSET if read.sort is _U else _build_sort_object(read.sort)
    made.number_of_elements = (
        UNSET if read.number_of_elements is _U else read.number_of_elements
    )
    made.pageable = (
        UNSET if read.pageable is _U else _build_pageable_object(read.pageable)
    )
    made.empty = UNSET if read.empty is _U else read.empty
    made.additional_properties = {}
    return made


def _build_other_prisoner_details(
    read: _OtherPrisonerDetails | _OtherPrisonerDetailsTolerant,
) -> OtherPrisonerDetails:
    made = _new(OtherPrisonerDetails)
    made.prisoner_number = read.prisoner_number
    made.role = _ROLE_BY_VALUE.get(read.role) or Role(read.role)
    made.role_description = read.role_description
    made.first_name = read.first_name
    made.last_name = read.last_name
    made.prison_id = UNSET if read.prison_id is _U else read.prison_id
    made.prison_name = UNSET if read.prison_name is _U else read.prison_name
    made.cell_location = UNSET if read.cell_location is _U else read.cell_location
    made.additional_properties = {}
    return made


def _build_prisoner_non_association(
    read: _PrisonerNonAssociation | _PrisonerNonAssociationTolerant,
) -> PrisonerNonAssociation:
    made = _new(PrisonerNonAssociation)
    made.id = read.id
    made.role = _ROLE_BY_VALUE.get(read.role) or Role(read.role)
    made.role_description = read.role_description
    made.reason = _REASON_BY_VALUE.get(read.reason) or Reason(read.reason)
    made.reason_description = read.reason_description
    made.restriction_type = _RESTRICTIONTYPE_BY_VALUE.get(
        read.restriction_type
    ) or RestrictionType(read.restriction_type)
    made.restriction_type_description = read.restriction_type_description
    made.comment = read.comment
    made.authorised_by = read.authorised_by
    made.when_created = read.when_created
    made.when_updated = read.when_updated
    made.updated_by = read.updated_by
    made.is_closed = read.is_closed
    made.closed_by = UNSET if read.closed_by is _U else read.closed_by
    made.closed_reason = UNSET if read.closed_reason is _U else read.closed_reason
    made.closed_at = UNSET if read.closed_at is _U else read.closed_at
    made.other_prisoner_details = _build_other_prisoner_details(
        read.other_prisoner_details
    )
    made.is_open = read.is_open
    made.additional_properties = {}
    return made


def _build_prisoner_non_associations(
    read: _PrisonerNonAssociations | _PrisonerNonAssociationsTolerant,
) -> PrisonerNonAssociations:
    made = _new(PrisonerNonAssociations)
    made.prisoner_number = read.prisoner_number
    made.first_name = read.first_name
    made.last_name = read.last_name
    made.prison_id = UNSET if read.prison_id is _U else read.prison_id
    made.prison_name = UNSET if read.prison_name is _U else read.prison_name
    made.cell_location = UNSET if read.cell_location is _U else read.cell_location
    made.open_count = read.open_count
    made.closed_count = read.closed_count
    made.non_associations = [
        _build_prisoner_non_association(item) for item in read.non_associations
    ]
    made.additional_properties = {}
    return made


def _build_attachment_header(
    read: _AttachmentHeader | _AttachmentHeaderTolerant,
) -> AttachmentHeader:
    made = _new(AttachmentHeader)
    made.name = read.name
    made.value = read.value
    made.additional_properties = {}
    return made


def _build_attachment(read: _Attachment | _AttachmentTolerant) -> Attachment:
    made = _new(Attachment)
    made.attachment_number = read.attachment_number
    made.name = read.name
    made.content_type = read.content_type
    made.url = read.url
    made.filesize = read.filesize
    made.filename = read.filename
    made.headers = (
        UNSET
        if read.headers is _U
        else [_build_attachment_header(item) for item in read.headers]
    )
    made.additional_properties = {}
    return made


def _build_hmpps_subject_access_request_content(
    read: _HmppsSubjectAccessRequestContent | _HmppsSubjectAccessRequestContentTolerant,
) -> HmppsSubjectAccessRequestContent:
    made = _new(HmppsSubjectAccessRequestContent)
    made.content = HmppsSubjectAccessRequestContentContent.from_dict(read.content)
    made.attachments = (
        UNSET
        if read.attachments is _U
        else None
        if read.attachments is None
        else [_build_attachment(item) for item in read.attachments]
    )
    made.additional_properties = {}
    return made


_NON_ASSOCIATION_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_NonAssociation)
)
_CONSTANT_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_Constant)
)
_LEGACY_NON_ASSOCIATION_OTHER_PRISONER_DETAILS_FIELDS = frozenset(
    field.encode_name
    for field in msgspec.structs.fields(_LegacyNonAssociationOtherPrisonerDetails)
)
_LEGACY_NON_ASSOCIATION_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_LegacyNonAssociation)
)
_SORT_OBJECT_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_SortObject)
)
_PAGEABLE_OBJECT_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_PageableObject)
)
_PAGE_NON_ASSOCIATION_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_PageNonAssociation)
)
_OTHER_PRISONER_DETAILS_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_OtherPrisonerDetails)
)
_PRISONER_NON_ASSOCIATION_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_PrisonerNonAssociation)
)
_PRISONER_NON_ASSOCIATIONS_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_PrisonerNonAssociations)
)
_ATTACHMENT_HEADER_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_AttachmentHeader)
)
_ATTACHMENT_FIELDS = frozenset(
    field.encode_name for field in msgspec.structs.fields(_Attachment)
)
_HMPPS_SUBJECT_ACCESS_REQUEST_CONTENT_FIELDS = frozenset(
    field.encode_name
    for field in msgspec.structs.fields(_HmppsSubjectAccessRequestContent)
)
_NON_ASSOCIATION_NULL_READ_AS_NONE = (
    "firstPrisonerRoleDescription",
    "secondPrisonerRoleDescription",
    "reasonDescription",
    "restrictionTypeDescription",
    "comment",
    "updatedBy",
)
_CONSTANT_NULL_READ_AS_NONE = ("description",)
_LEGACY_NON_ASSOCIATION_OTHER_PRISONER_DETAILS_NULL_READ_AS_NONE = (
    "reasonDescription",
)
_LEGACY_NON_ASSOCIATION_NULL_READ_AS_NONE = (
    "reasonDescription",
    "typeDescription",
    "comments",
)
_OTHER_PRISONER_DETAILS_NULL_READ_AS_NONE = ("roleDescription", "firstName", "lastName")
_PRISONER_NON_ASSOCIATION_NULL_READ_AS_NONE = (
    "roleDescription",
    "reasonDescription",
    "restrictionTypeDescription",
    "comment",
    "authorisedBy",
    "updatedBy",
)
_PRISONER_NON_ASSOCIATIONS_NULL_READ_AS_NONE = ("firstName", "lastName")


def _tolerate_non_association(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _NON_ASSOCIATION_FIELDS
    }
    for key in _NON_ASSOCIATION_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"NonAssociation.{key}")


def _tolerate_constant(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _CONSTANT_FIELDS
    }
    for key in _CONSTANT_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"Constant.{key}")


def _tolerate_legacy_non_association_other_prisoner_details(
    made: Any, raw: Any, nulls: set[str]
) -> None:
    made.additional_properties = {
        k: v
        for k, v in raw.items()
        if k not in _LEGACY_NON_ASSOCIATION_OTHER_PRISONER_DETAILS_FIELDS
    }
    for key in _LEGACY_NON_ASSOCIATION_OTHER_PRISONER_DETAILS_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"LegacyNonAssociationOtherPrisonerDetails.{key}")


def _tolerate_legacy_non_association(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _LEGACY_NON_ASSOCIATION_FIELDS
    }
    for key in _LEGACY_NON_ASSOCIATION_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"LegacyNonAssociation.{key}")
    _tolerate_legacy_non_association_other_prisoner_details(
        made.offender_non_association, raw["offenderNonAssociation"], nulls
    )


def _tolerate_sort_object(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _SORT_OBJECT_FIELDS
    }


def _tolerate_pageable_object(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _PAGEABLE_OBJECT_FIELDS
    }
    if raw.get("sort") is not None:
        _tolerate_sort_object(made.sort, raw["sort"], nulls)


def _tolerate_page_non_association(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _PAGE_NON_ASSOCIATION_FIELDS
    }
    if raw.get("content") is not None:
        for each, each_raw in zip(made.content, raw["content"]):
            _tolerate_non_association(each, each_raw, nulls)
    if raw.get("sort") is not None:
        _tolerate_sort_object(made.sort, raw["sort"], nulls)
    if raw.get("pageable") is not None:
        _tolerate_pageable_object(made.pageable, raw["pageable"], nulls)


def _tolerate_other_prisoner_details(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _OTHER_PRISONER_DETAILS_FIELDS
    }
    for key in _OTHER_PRISONER_DETAILS_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"OtherPrisonerDetails.{key}")


def _tolerate_prisoner_non_association(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _PRISONER_NON_ASSOCIATION_FIELDS
    }
    for key in _PRISONER_NON_ASSOCIATION_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"PrisonerNonAssociation.{key}")
    _tolerate_other_prisoner_details(
        made.other_prisoner_details, raw["otherPrisonerDetails"], nulls
    )


def _tolerate_prisoner_non_associations(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _PRISONER_NON_ASSOCIATIONS_FIELDS
    }
    for key in _PRISONER_NON_ASSOCIATIONS_NULL_READ_AS_NONE:
        if raw[key] is None:
            nulls.add(f"PrisonerNonAssociations.{key}")
    for each, each_raw in zip(made.non_associations, raw["nonAssociations"]):
        _tolerate_prisoner_non_association(each, each_raw, nulls)


def _tolerate_attachment_header(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _ATTACHMENT_HEADER_FIELDS
    }


def _tolerate_attachment(made: Any, raw: Any, nulls: set[str]) -> None:
    made.additional_properties = {
        k: v for k, v in raw.items() if k not in _ATTACHMENT_FIELDS
    }
    if raw.get("headers") is not None:
        for each, each_raw in zip(made.headers, raw["headers"]):
            _tolerate_attachment_header(each, each_raw, nulls)


def _tolerate_hmpps_subject_access_request_content(
    made: Any, raw: Any, nulls: set[str]
) -> None:
    made.additional_properties = {
        k: v
        for k, v in raw.items()
        if k not in _HMPPS_SUBJECT_ACCESS_REQUEST_CONTENT_FIELDS
    }
    if raw.get("attachments") is not None:
        for each, each_raw in zip(made.attachments, raw["attachments"]):
            _tolerate_attachment(each, each_raw, nulls)


def _reader(
    strict: msgspec.json.Decoder[Any],
    tolerant: Any,
    build: Callable[[Any], Any],
    tolerate: Callable[[Any, Any, set[str]], None],
) -> Reader:
    """Reads a reply: checked and built in one pass. One the document does not quite
    describe is decoded as plain JSON and checked against the tolerant Structs: keys it
    does not declare are kept in each model's `additional_properties` (as `from_dict`
    keeps them), and the fields that only describe and held a null are read as None and
    named to `drifted`."""

    def read(content: bytes, drifted: Callable[[list[str]], None]) -> Any:
        try:
            return build(strict.decode(content))
        except msgspec.ValidationError as error:
            problem = str(error)
            if not problem.startswith("Object contains unknown field") and (
                "got `null`" not in problem
            ):
                raise
        raw = msgspec.json.decode(content)
        made = build(msgspec.convert(raw, tolerant))
        nulls: set[str] = set()
        tolerate(made, raw, nulls)
        if nulls:
            drifted(sorted(nulls))
        return made

    return read


_READ_0 = _reader(
    msgspec.json.Decoder(_NonAssociation),
    _NonAssociationTolerant,
    _build_non_association,
    _tolerate_non_association,
)
_READ_1 = _reader(
    msgspec.json.Decoder(dict[str, list[_Constant]]),
    dict[str, list[_ConstantTolerant]],
    _named_lists(ConstantsResponse200, _build_constant),
    _each_named(_tolerate_constant),
)
_READ_2 = _reader(
    msgspec.json.Decoder(_LegacyNonAssociation),
    _LegacyNonAssociationTolerant,
    _build_legacy_non_association,
    _tolerate_legacy_non_association,
)
_READ_3 = _reader(
    msgspec.json.Decoder(_PageNonAssociation),
    _PageNonAssociationTolerant,
    _build_page_non_association,
    _tolerate_page_non_association,
)
_READ_4 = _reader(
    msgspec.json.Decoder(list[_NonAssociation]),
    list[_NonAssociationTolerant],
    _list_of(_build_non_association),
    _each(_tolerate_non_association),
)
_READ_5 = _reader(
    msgspec.json.Decoder(_PrisonerNonAssociations),
    _PrisonerNonAssociationsTolerant,
    _build_prisoner_non_associations,
    _tolerate_prisoner_non_associations,
)
_READ_6 = _reader(
    msgspec.json.Decoder(_HmppsSubjectAccessRequestContent),
    _HmppsSubjectAccessRequestContentTolerant,
    _build_hmpps_subject_access_request_content,
    _tolerate_hmpps_subject_access_request_content,
)


READERS: dict[str, tuple[int, Reader]] = {
    "close_non_association": (200, _READ_0),
    "constants": (200, _READ_1),
    "create_non_association": (201, _READ_0),
    "get_legacy_by_id": (200, _READ_2),
    "get_non_association": (200, _READ_0),
    "get_non_associations": (200, _READ_3),
    "get_non_associations_between_prisoners": (200, _READ_4),
    "get_non_associations_involving_prisoners": (200, _READ_4),
    "get_prisoner_non_associations": (200, _READ_5),
    "get_sar_content_by_reference": (200, _READ_6),
    "patch_non_association": (200, _READ_0),
    "reopen_non_association": (200, _READ_0),
}
"""For each generated operation module: the status of its JSON success reply, and
its reader."""
