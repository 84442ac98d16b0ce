from ..types import OpenStrEnum


class NonAssociationSortProperty(OpenStrEnum):
    AUTHORISED_BY = "authorisedBy"
    CLOSED_AT = "closedAt"
    CLOSED_BY = "closedBy"
    CLOSED_REASON = "closedReason"
    COMMENT = "comment"
    FIRST_PRISONER_NUMBER = "firstPrisonerNumber"
    FIRST_PRISONER_ROLE = "firstPrisonerRole"
    ID = "id"
    IS_CLOSED = "isClosed"
    REASON = "reason"
    RESTRICTION_TYPE = "restrictionType"
    SECOND_PRISONER_NUMBER = "secondPrisonerNumber"
    SECOND_PRISONER_ROLE = "secondPrisonerRole"
    UPDATED_BY = "updatedBy"
    WHEN_CREATED = "whenCreated"
    WHEN_UPDATED = "whenUpdated"

    def __str__(self) -> str:
        return str(self.value)
