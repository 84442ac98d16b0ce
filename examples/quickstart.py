"""A tour of the client, as an application would use it.

    python examples/quickstart.py --url http://127.0.0.1:8080

Run it against the embedded fake (`make demo` starts one). The fake accepts the
unsigned tokens minted below; against a real environment, get a system token
from HMPPS Auth with `HmppsAuthClient` instead.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from hmpps_non_associations_api import (
    ApiConfig,
    ConflictError,
    ErrorCode,
    NonAssociationsApi,
    NotFoundError,
    Reason,
    RestrictionType,
    Role,
    SortBy,
    role_options,
)
from hmpps_non_associations_api.testing import (
    DELETE_NON_ASSOCIATIONS,
    READ_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    WRITE_NON_ASSOCIATIONS,
    mint_token,
)

ROLES = [
    READ_NON_ASSOCIATIONS,
    WRITE_NON_ASSOCIATIONS,
    DELETE_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
]


class Client(NonAssociationsApi):
    """What an application writes once: its config and logger baked in."""

    def __init__(self, system_token: str, url: str) -> None:
        super().__init__(system_token, ApiConfig(url), logging.getLogger("quickstart"))


def tour(url: str) -> None:
    api = Client(mint_token(roles=ROLES, username="DEMO_USER"), url)
    say = print

    codes = api.constants()
    say(f"Code lists: {', '.join(f'{k} ({len(v)})' for k, v in codes.items())}")

    created = api.create_non_association(
        {
            "firstPrisonerNumber": "B2345CD",
            "firstPrisonerRole": Role.VICTIM,
            "secondPrisonerNumber": "C3456DE",
            "secondPrisonerRole": Role.PERPETRATOR,
            "reason": Reason.VIOLENCE,
            "restrictionType": RestrictionType.LANDING,
            "comment": "Fight in the servery",
        }
    )
    say(
        f"Created #{created.id}: {created.first_prisoner_number} and "
        f"{created.second_prisoner_number}, {created.restriction_type_description.lower()}"
    )

    fetched = api.get_non_association(created.id)
    say(f"Fetched #{fetched.id}, created {fetched.when_created:%d %B %Y at %H:%M}")

    listing = api.list_non_associations("B2345CD", sort_by=SortBy.LAST_NAME)
    say(f"{listing.first_name} {listing.last_name} ({listing.prisoner_number}) is kept apart from:")
    for item in listing.non_associations:
        other = item.other_prisoner_details
        role = role_options[item.role].lower()
        say(
            f"  - {other.first_name} {other.last_name} ({other.prisoner_number}): "
            f"{item.reason_description.lower()}, {listing.first_name} is {role}"
        )

    between = api.list_non_associations_between(["B2345CD", "C3456DE", "A1234BC"])
    say(f"Between three prisoners: {len(between)} open non-association(s)")
    involving = api.list_non_associations_involving(["C3456DE"])
    say(f"Involving C3456DE: {len(involving)}")

    try:
        api.create_non_association(
            {
                "firstPrisonerNumber": "C3456DE",
                "firstPrisonerRole": "UNKNOWN",
                "secondPrisonerNumber": "B2345CD",
                "secondPrisonerRole": "UNKNOWN",
                "reason": "OTHER",
                "restrictionType": "CELL",
                "comment": "Entered twice by mistake",
            }
        )
    except ConflictError as error:
        if error.error_code is not ErrorCode.OPEN_NON_ASSOCIATION_ALREADY_EXISTS:
            raise
        say(f"A second one is refused: {error.status}, error code {error.error_code.value}")

    updated = api.update_non_association(created.id, {"restrictionType": "WING"})
    say(f"Updated #{updated.id}: now {updated.restriction_type_description.lower()}")

    closed = api.close_non_association(created.id, {"closedReason": "Moved to other sites"})
    say(f"Closed #{closed.id} by {closed.closed_by}: {closed.closed_reason}")

    reopened = api.reopen_non_association(created.id, {"reopenReason": "Back on one site"})
    say(f"Reopened #{reopened.id}: open again is {reopened.is_open}")

    everything = list(api.iter_non_associations(include_closed=True, size=2))
    say(f"Paged through all: {len(everything)} non-associations, 2 a page")

    api.delete_non_association(
        created.id,
        {"deletionReason": "Demo over", "staffUserNameRequestingDeletion": "DEMO_USER"},
    )
    try:
        api.get_non_association(created.id)
    except NotFoundError as error:
        say(f"Deleted #{created.id}; reading it now gives {error.status}")
    api.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", default=os.environ.get("HMPPS_NON_ASSOCIATIONS_API_URL"))
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url or set HMPPS_NON_ASSOCIATIONS_API_URL")
    logging.basicConfig(level=logging.ERROR, format="    (logged: %(message)s)", stream=sys.stdout)
    tour(args.url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
