"""The project's own words for openapi.json: summaries, descriptions and examples.

Upstream prose is discarded during normalisation and replaced with what is here,
so the published document reads in one voice and pulling the live document never
imports text the project did not write. Anything the live document adds that is
not listed here arrives without prose; the drift report flags it, and a line here
gives it words.
"""

INFO = {
    "title": "Non-Associations API",
    "description": (
        "Records which prisoners must be kept apart, why, and how strictly "
        "(cell, landing or wing). Date-times are Europe/London local times without an "
        "offset; the service sends fractional seconds whenever they are not zero and "
        "accepts times with or without them. Normalised by this project's "
        "scripts/regenerate.py from the document the live service publishes."
    ),
}

SERVER_DESCRIPTION = "The host that served this document"

TAGS = {
    "Non-Associations": "Read and manage non-associations between prisoners",
    "Legacy non-associations-details": (
        "A single non-association shaped like the old NOMIS / Prison API record; "
        "for synchronisation jobs only"
    ),
    "Subject Access Request": "Data held about a person, for subject access requests",
}

# operationId -> (summary, description)
OPERATIONS = {
    "constants": (
        "Code lists",
        "Every role, reason and restriction type code with its display text.",
    ),
    "getPrisonerNonAssociations": (
        "Non-associations of one prisoner",
        "The prisoner's details and their non-associations, each seen from their side, "
        "with the other prisoner's details. Needs the READ_NON_ASSOCIATIONS role.",
    ),
    "getNonAssociations": (
        "Page through all non-associations",
        "Every non-association, filtered by open or closed state, a page at a time. "
        "Needs the READ_NON_ASSOCIATIONS role.",
    ),
    "getNonAssociation": (
        "One non-association",
        "A non-association found by its ID. Needs the READ_NON_ASSOCIATIONS role.",
    ),
    "getNonAssociationsBetweenPrisoners": (
        "Non-associations among a group of prisoners",
        "Non-associations where both prisoners are in the given list of at least two "
        "distinct prisoner numbers. Needs the READ_NON_ASSOCIATIONS role.",
    ),
    "getNonAssociationsInvolvingPrisoners": (
        "Non-associations touching any of a group of prisoners",
        "Non-associations where at least one prisoner is in the given list. "
        "Needs the READ_NON_ASSOCIATIONS role.",
    ),
    "createNonAssociation": (
        "Record a new non-association",
        "Fails with error code 101 when an open one already links the two prisoners, "
        "and 103 when either prisoner has no booking. Needs the WRITE_NON_ASSOCIATIONS "
        "role, the write scope and a username in the token.",
    ),
    "patchNonAssociation": (
        "Change a non-association",
        "Only the fields sent are changed. Needs the WRITE_NON_ASSOCIATIONS role, the "
        "write scope and a username in the token.",
    ),
    "closeNonAssociation": (
        "Close a non-association",
        "Marks it no longer in force; error code 100 if it is closed already. Needs the "
        "WRITE_NON_ASSOCIATIONS role, the write scope and, unless closedBy is sent, a "
        "username in the token.",
    ),
    "reopenNonAssociation": (
        "Reopen a closed non-association",
        "Puts a closed non-association back in force; error code 104 if it is open "
        "already. Needs the REOPEN_NON_ASSOCIATIONS role, the write scope and, unless "
        "reopenedBy is sent, a username in the token.",
    ),
    "deleteNonAssociation": (
        "Delete a non-association",
        "Removes it for good; only for records made in error, otherwise close it. "
        "Needs the DELETE_NON_ASSOCIATIONS role and the write scope.",
    ),
    "getLegacyById": (
        "One non-association in the old NOMIS format",
        "For synchronisation with NOMIS only; new code should read the prisoner list. "
        "Needs the NON_ASSOCIATIONS_SYNC role.",
    ),
    "getSarContentByReference": (
        "Subject access request content",
        "Non-associations concerning one person, optionally within dates. Replies 204 "
        "when there is nothing and 209 when the identifier is not one this service "
        "knows. Needs the SAR_DATA_ACCESS role.",
    ),
}

# (operationId, parameter name) -> description
PARAMETERS = {
    ("getPrisonerNonAssociations", "prisonerNumber"): "The prisoner whose list is wanted",
    ("getPrisonerNonAssociations", "includeOpen"): "Return non-associations in force",
    ("getPrisonerNonAssociations", "includeClosed"): "Return closed non-associations",
    ("getPrisonerNonAssociations", "includeOtherPrisons"): (
        "Also return non-associations with prisoners held in other prisons"
    ),
    ("getPrisonerNonAssociations", "sortBy"): "Field to order the list by",
    ("getPrisonerNonAssociations", "sortDirection"): (
        "Order direction; when absent the server picks one suited to sortBy"
    ),
    ("getNonAssociations", "includeOpen"): "Return non-associations in force",
    ("getNonAssociations", "includeClosed"): "Return closed non-associations",
    ("getNonAssociations", "page"): (
        "Page number, counting from 0; the server reads a negative one as 0"
    ),
    ("getNonAssociations", "size"): (
        "Page size, from 1 to 200; the server quietly uses 20 for one below 1 but refuses "
        "one over 200"
    ),
    ("getNonAssociations", "sort"): (
        "Ordering, repeatable: one or more NonAssociationSortProperty names separated by "
        "commas, optionally followed by ,ASC or ,DESC in any case (ascending when absent). "
        "Any other name makes the server fail with a 500"
    ),
    ("getNonAssociationsBetweenPrisoners", "includeOpen"): "Return non-associations in force",
    ("getNonAssociationsBetweenPrisoners", "includeClosed"): "Return closed non-associations",
    ("getNonAssociationsBetweenPrisoners", "prisonId"): (
        "Only non-associations where both prisoners are in this prison"
    ),
    ("getNonAssociationsInvolvingPrisoners", "includeOpen"): "Return non-associations in force",
    ("getNonAssociationsInvolvingPrisoners", "includeClosed"): "Return closed non-associations",
    # The service filters on both prisoners here, as it does for between.
    ("getNonAssociationsInvolvingPrisoners", "prisonId"): (
        "Only non-associations where both prisoners are in this prison"
    ),
    ("getNonAssociation", "id"): "Non-association ID",
    ("patchNonAssociation", "id"): "Non-association ID",
    ("closeNonAssociation", "id"): "Non-association ID",
    ("reopenNonAssociation", "id"): "Non-association ID",
    ("deleteNonAssociation", "id"): "Non-association ID",
    ("getLegacyById", "id"): "Non-association ID",
    ("getSarContentByReference", "prn"): "Prison reference number (NOMIS prisoner number)",
    ("getSarContentByReference", "crn"): "Case reference number (nDelius)",
    ("getSarContentByReference", "fromDate"): "Earliest date of interest",
    ("getSarContentByReference", "toDate"): "Latest date of interest",
}

# operationId -> description of the request body
REQUEST_BODIES = {
    "getNonAssociationsBetweenPrisoners": "At least two different prisoner numbers",
    "getNonAssociationsInvolvingPrisoners": "At least one prisoner number, without repeats",
    "createNonAssociation": "The new non-association",
    "patchNonAssociation": "The fields to change",
    "closeNonAssociation": "Why, when and by whom it is closed",
    "reopenNonAssociation": "Why, when and by whom it is reopened",
    "deleteNonAssociation": "Why it is deleted and who asked",
}

# HTTP status -> response description (the same for every operation)
RESPONSES = {
    "200": "Success",
    "201": "Created",
    "204": "Success, with no content",
    "209": (
        "The identifier is not one this service knows: an ErrorResponse when prisoner search "
        "does not know the prisoner number, or another prisoner in its records; no body when "
        "only a case reference was given"
    ),
    "400": "The request was not valid",
    "401": "No usable token: no body, only a WWW-Authenticate challenge",
    "403": "The token lacks a role the operation needs",
    "404": "No such non-association",
    "409": "The change conflicts with the non-association's current state",
    "415": "The request body is not JSON",
    "429": "Too many requests",
    "500": "The server failed",
}

# A write that looks for a username in the token has two kinds of 401.
_USERNAME_401 = (
    "No usable token (no body, only a WWW-Authenticate challenge), or no username in the "
    "token where the write needs one (an ErrorResponse with error code 401)"
)

# (operationId, HTTP status) -> response description, where it differs from RESPONSES
OPERATION_RESPONSES = {
    (operation_id, "401"): _USERNAME_401
    for operation_id in (
        "createNonAssociation",
        "patchNonAssociation",
        "closeNonAssociation",
        "reopenNonAssociation",
    )
}

# Response header name -> description
HEADERS = {
    "WWW-Authenticate": "The bearer token challenge; sent with the 401 that has no body",
}

# Shared enumerations: component name -> description
ENUMS = {
    "Role": "A prisoner's part in a non-association",
    "Reason": "Why the prisoners must be kept apart",
    "RestrictionType": "How far apart the prisoners must be kept",
    "LegacyReasonCode": "Reason codes of the old NOMIS record",
    "LegacyTypeCode": "Restriction codes of the old NOMIS record",
    "SortBy": "Fields a prisoner's list can be ordered by",
    "SortDirection": "Ascending or descending order",
    "NonAssociationSortProperty": "Properties the page of all non-associations can be sorted by",
}

# Schema name -> (description, {property: description})
SCHEMAS = {
    "ErrorResponse": (
        "The body of a failure; the 401 for a missing or unusable token has none",
        {
            "status": "HTTP status code, repeated",
            "userMessage": "What went wrong, for people",
            "developerMessage": "What went wrong, for developers",
            "errorCode": "The API's own code for the failure (100-104, 401, 404); null if none",
            "moreInfo": "Anything else the server wants to add; null when there is nothing",
        },
    ),
    "Constant": (
        "A code and its display text",
        {"code": "The code sent over the wire", "description": "Text to show people"},
    ),
    "NonAssociation": (
        "A record that two prisoners must be kept apart",
        {
            "id": "Non-association ID",
            "firstPrisonerNumber": "Prisoner number of the first prisoner",
            "firstPrisonerRole": "The first prisoner's role",
            "firstPrisonerRoleDescription": "Display text of the first prisoner's role",
            "secondPrisonerNumber": "Prisoner number of the second prisoner",
            "secondPrisonerRole": "The second prisoner's role",
            "secondPrisonerRoleDescription": "Display text of the second prisoner's role",
            "reason": "Why they must be kept apart",
            "reasonDescription": "Display text of the reason",
            "restrictionType": "How far apart they must be kept",
            "restrictionTypeDescription": "Display text of the restriction type",
            "comment": "Free-text account of the situation",
            "whenCreated": "Creation time, Europe/London local time",
            "whenUpdated": "Time of the last change, Europe/London local time",
            "updatedBy": "Username of whoever changed it last",
            "isClosed": "True once closed",
            "isOpen": "True while in force; always the opposite of isClosed",
            "closedBy": "Username of whoever closed it; null while open",
            "closedReason": "Why it was closed; null while open",
            "closedAt": "When it was closed, Europe/London local time; null while open",
        },
    ),
    "PrisonerNonAssociations": (
        "One prisoner and their non-associations",
        {
            "prisonerNumber": "The prisoner's number",
            "firstName": "The prisoner's first name",
            "lastName": "The prisoner's last name",
            "prisonId": (
                "ID of the prisoner's prison: OUT once released, TRN while in transfer; "
                "null when the prisoner has no booking"
            ),
            "prisonName": (
                "Name of that prison, or a note of the release or transfer; null when the "
                "prisoner has no booking"
            ),
            "cellLocation": (
                "The prisoner's cell; null when released, in transfer or without a booking"
            ),
            "openCount": "How many open non-associations match the prison filter",
            "closedCount": "How many closed non-associations match the prison filter",
            "nonAssociations": "The non-associations, seen from this prisoner's side",
        },
    ),
    "PrisonerNonAssociation": (
        "A non-association seen from one prisoner's side",
        {
            "id": "Non-association ID",
            "role": "This prisoner's role",
            "roleDescription": "Display text of this prisoner's role",
            "reason": "Why they must be kept apart",
            "reasonDescription": "Display text of the reason",
            "restrictionType": "How far apart they must be kept",
            "restrictionTypeDescription": "Display text of the restriction type",
            "comment": "Free-text account of the situation",
            "authorisedBy": "Who authorised it",
            "whenCreated": "Creation time, Europe/London local time",
            "whenUpdated": "Time of the last change, Europe/London local time",
            "updatedBy": "Username of whoever changed it last",
            "isClosed": "True once closed",
            "isOpen": "True while in force; always the opposite of isClosed",
            "closedBy": "Username of whoever closed it; null while open",
            "closedReason": "Why it was closed; null while open",
            "closedAt": "When it was closed, Europe/London local time; null while open",
            "otherPrisonerDetails": "The prisoner on the other side",
        },
    ),
    "OtherPrisonerDetails": (
        "The prisoner on the other side of a non-association",
        {
            "prisonerNumber": "Their prisoner number",
            "role": "Their role",
            "roleDescription": "Display text of their role",
            "firstName": "Their first name",
            "lastName": "Their last name",
            "prisonId": (
                "ID of their prison: OUT once released, TRN while in transfer; null when "
                "they have no booking"
            ),
            "prisonName": (
                "Name of that prison, or a note of the release or transfer; null when they "
                "have no booking"
            ),
            "cellLocation": "Their cell; null when released, in transfer or without a booking",
        },
    ),
    "CreateNonAssociationRequest": (
        "What is needed to record a non-association",
        {
            "firstPrisonerNumber": "Prisoner number of the first prisoner",
            "firstPrisonerRole": "The first prisoner's role",
            "secondPrisonerNumber": "Prisoner number of the second prisoner",
            "secondPrisonerRole": "The second prisoner's role",
            "reason": "Why they must be kept apart",
            "restrictionType": "How far apart they must be kept",
            "comment": "Free-text account of the situation; must not be blank",
        },
    ),
    "PatchNonAssociationRequest": (
        "Fields of a non-association to change; absent ones stay as they are",
        {
            "firstPrisonerRole": "The first prisoner's new role",
            "secondPrisonerRole": "The second prisoner's new role",
            "reason": "The new reason",
            "restrictionType": "The new restriction type",
            "comment": "The new comment; must not be blank",
        },
    ),
    "CloseNonAssociationRequest": (
        "Closing a non-association",
        {
            "closedReason": "Why it no longer applies; must not be blank",
            "closedAt": "When it stopped applying; the server uses the current time if absent",
            "closedBy": "Username of the staff member closing it; the token's user if absent",
        },
    ),
    "ReopenNonAssociationRequest": (
        "Reopening a closed non-association",
        {
            "reopenReason": "Why it applies again; must not be blank",
            "reopenedAt": "When it applies again from; the server uses the current time if absent",
            "reopenedBy": "Username of the staff member reopening it; the token's user if absent",
        },
    ),
    "DeleteNonAssociationRequest": (
        "Deleting a non-association made in error",
        {
            "deletionReason": "Why it is deleted; must not be blank",
            "staffUserNameRequestingDeletion": "Username of the staff member who asked",
        },
    ),
    "PageNonAssociation": (
        "One page of non-associations",
        {
            "content": "The non-associations on this page",
            "totalElements": "How many match in all",
            "totalPages": "How many pages there are",
            "number": "This page's number, from 0",
            "size": "The page size asked for",
            "numberOfElements": "How many are on this page",
            "first": "True on the first page",
            "last": "True on the last page",
            "empty": "True when this page has none",
            "sort": "The ordering applied",
            "pageable": "The page request as the server understood it",
        },
    ),
    "PageableObject": (
        "A page request as the server understood it",
        {
            "offset": "Index of the page's first element",
            "sort": "The ordering applied",
            "pageSize": "The page size",
            "pageNumber": "The page number, from 0",
            "paged": "True when paging applies",
            "unpaged": "True when paging does not apply",
        },
    ),
    "SortObject": (
        "Whether an ordering applies",
        {
            "empty": "True when no ordering was asked for",
            "sorted": "True when ordered",
            "unsorted": "True when not ordered",
        },
    ),
    "LegacyNonAssociation": (
        "A non-association in the old NOMIS / Prison API shape",
        {
            "id": "Non-association ID",
            "offenderNo": "Prisoner number of the first prisoner",
            "reasonCode": "The first prisoner's NOMIS reason code",
            "reasonDescription": "Display text of that reason code",
            "typeCode": "NOMIS restriction code",
            "typeDescription": "Display text of the restriction code",
            "effectiveDate": "When it took effect, Europe/London local time",
            "expiryDate": "When it stopped applying, Europe/London local time; null while open",
            "authorisedBy": "Who authorised it, free text; may be null",
            "comments": "Free-text account of the situation",
            "offenderNonAssociation": "The prisoner on the other side",
        },
    ),
    "LegacyNonAssociationOtherPrisonerDetails": (
        "The prisoner on the other side, in the old NOMIS shape",
        {
            "offenderNo": "Their prisoner number",
            "reasonCode": "Their NOMIS reason code",
            "reasonDescription": "Display text of that reason code",
        },
    ),
    "HmppsSubjectAccessRequestContent": (
        "What the service holds about a person",
        {
            "content": "The records, in the service's own layout",
            "attachments": "Files that go with the records; absent or null when there are none",
        },
    ),
    "Attachment": (
        "A file that goes with subject access request content",
        {
            "attachmentNumber": "The number the content uses to refer to this file",
            "name": "What the file is, as the report shows it",
            "contentType": "The file's media type",
            "url": "Where to download the file",
            "filesize": "The file's size in bytes",
            "filename": "The file's name",
            "headers": "Extra headers to send when downloading the file",
        },
    ),
    "AttachmentHeader": (
        "One HTTP header to send when downloading an attachment",
        {"name": "The header's name", "value": "The header's value"},
    ),
}

# (schema, property) -> example value, written for this project. Response times show the
# fractional seconds the service sends; request times may have them or not.
EXAMPLES = {
    ("ErrorResponse", "status"): 404,
    ("ErrorResponse", "userMessage"): "Non-association 7 was not found",
    ("ErrorResponse", "developerMessage"): "Non-association 7 was not found",
    ("ErrorResponse", "errorCode"): 404,
    ("NonAssociation", "id"): 7,
    ("NonAssociation", "firstPrisonerNumber"): "G4821KT",
    ("NonAssociation", "firstPrisonerRole"): "PERPETRATOR",
    ("NonAssociation", "firstPrisonerRoleDescription"): "Perpetrator",
    ("NonAssociation", "secondPrisonerNumber"): "H1093PL",
    ("NonAssociation", "secondPrisonerRole"): "VICTIM",
    ("NonAssociation", "secondPrisonerRoleDescription"): "Victim",
    ("NonAssociation", "reason"): "THREAT",
    ("NonAssociation", "reasonDescription"): "Threat",
    ("NonAssociation", "restrictionType"): "LANDING",
    ("NonAssociation", "restrictionTypeDescription"): "Cell and landing",
    ("NonAssociation", "comment"): "Threats made in the exercise yard",
    ("NonAssociation", "whenCreated"): "2024-02-12T09:15:04.318562",
    ("NonAssociation", "whenUpdated"): "2024-02-12T09:15:04.318562",
    ("NonAssociation", "updatedBy"): "KWALSH_GEN",
    ("NonAssociation", "isClosed"): False,
    ("NonAssociation", "isOpen"): True,
    ("NonAssociation", "closedBy"): None,
    ("NonAssociation", "closedReason"): None,
    ("NonAssociation", "closedAt"): None,
    ("PrisonerNonAssociations", "prisonerNumber"): "G4821KT",
    ("PrisonerNonAssociations", "firstName"): "Morgan",
    ("PrisonerNonAssociations", "lastName"): "Teale",
    ("PrisonerNonAssociations", "prisonId"): "LEI",
    ("PrisonerNonAssociations", "prisonName"): "Leeds (HMP)",
    ("PrisonerNonAssociations", "cellLocation"): "2-3-014",
    ("PrisonerNonAssociations", "openCount"): 1,
    ("PrisonerNonAssociations", "closedCount"): 0,
    ("PrisonerNonAssociation", "id"): 7,
    ("PrisonerNonAssociation", "role"): "PERPETRATOR",
    ("PrisonerNonAssociation", "roleDescription"): "Perpetrator",
    ("PrisonerNonAssociation", "reason"): "THREAT",
    ("PrisonerNonAssociation", "reasonDescription"): "Threat",
    ("PrisonerNonAssociation", "restrictionType"): "LANDING",
    ("PrisonerNonAssociation", "restrictionTypeDescription"): "Cell and landing",
    ("PrisonerNonAssociation", "comment"): "Threats made in the exercise yard",
    ("PrisonerNonAssociation", "authorisedBy"): "KWALSH_GEN",
    ("PrisonerNonAssociation", "whenCreated"): "2024-02-12T09:15:04.318562",
    ("PrisonerNonAssociation", "whenUpdated"): "2024-02-12T09:15:04.318562",
    ("PrisonerNonAssociation", "updatedBy"): "KWALSH_GEN",
    ("PrisonerNonAssociation", "isClosed"): False,
    ("PrisonerNonAssociation", "isOpen"): True,
    ("PrisonerNonAssociation", "closedBy"): None,
    ("PrisonerNonAssociation", "closedReason"): None,
    ("PrisonerNonAssociation", "closedAt"): None,
    ("OtherPrisonerDetails", "prisonerNumber"): "H1093PL",
    ("OtherPrisonerDetails", "role"): "VICTIM",
    ("OtherPrisonerDetails", "roleDescription"): "Victim",
    ("OtherPrisonerDetails", "firstName"): "Rhys",
    ("OtherPrisonerDetails", "lastName"): "Okafor",
    ("OtherPrisonerDetails", "prisonId"): "LEI",
    ("OtherPrisonerDetails", "prisonName"): "Leeds (HMP)",
    ("OtherPrisonerDetails", "cellLocation"): "2-1-003",
    ("CreateNonAssociationRequest", "firstPrisonerNumber"): "G4821KT",
    ("CreateNonAssociationRequest", "firstPrisonerRole"): "PERPETRATOR",
    ("CreateNonAssociationRequest", "secondPrisonerNumber"): "H1093PL",
    ("CreateNonAssociationRequest", "secondPrisonerRole"): "VICTIM",
    ("CreateNonAssociationRequest", "reason"): "THREAT",
    ("CreateNonAssociationRequest", "restrictionType"): "LANDING",
    ("CreateNonAssociationRequest", "comment"): "Threats made in the exercise yard",
    ("PatchNonAssociationRequest", "restrictionType"): "WING",
    ("PatchNonAssociationRequest", "comment"): "Threats repeated on the wing",
    ("CloseNonAssociationRequest", "closedReason"): "Both now on separate sites",
    ("CloseNonAssociationRequest", "closedAt"): "2024-05-01T14:00:00",
    ("CloseNonAssociationRequest", "closedBy"): "KWALSH_GEN",
    ("ReopenNonAssociationRequest", "reopenReason"): "Back on the same site",
    ("ReopenNonAssociationRequest", "reopenedAt"): "2024-06-03T10:00:00",
    ("ReopenNonAssociationRequest", "reopenedBy"): "KWALSH_GEN",
    ("DeleteNonAssociationRequest", "deletionReason"): "Entered against the wrong prisoner",
    ("DeleteNonAssociationRequest", "staffUserNameRequestingDeletion"): "KWALSH_GEN",
    ("LegacyNonAssociation", "id"): 7,
    ("LegacyNonAssociation", "offenderNo"): "G4821KT",
    ("LegacyNonAssociation", "reasonCode"): "PER",
    ("LegacyNonAssociation", "reasonDescription"): "Perpetrator",
    ("LegacyNonAssociation", "typeCode"): "LAND",
    ("LegacyNonAssociation", "typeDescription"): "Do Not Locate on Same Landing",
    ("LegacyNonAssociation", "effectiveDate"): "2024-02-12T09:15:04.318562",
    ("LegacyNonAssociation", "expiryDate"): None,
    ("LegacyNonAssociation", "authorisedBy"): "KWALSH_GEN",
    ("LegacyNonAssociation", "comments"): "Threats made in the exercise yard",
    ("LegacyNonAssociationOtherPrisonerDetails", "offenderNo"): "H1093PL",
    ("LegacyNonAssociationOtherPrisonerDetails", "reasonCode"): "VIC",
    ("LegacyNonAssociationOtherPrisonerDetails", "reasonDescription"): "Victim",
}
