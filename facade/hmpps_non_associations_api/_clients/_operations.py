"""Every operation the clients call, as data: the client method, the HTTP method and path
template, the generated module that builds its request and reads its reply, the
statuses that mean "no result", whether it only reads (and may be tried again), and
(from openapi.json) the roles it needs.

Both clients build their calls from this table; the error hints, the telemetry and the
coverage check (`scripts/facade_coverage.py`) read it too. The method and template come
from the generated module, so they are written nowhere by hand.
"""

from __future__ import annotations

from types import ModuleType

import attrs
from hmpps_non_associations_api_client.api.legacy_non_associations_details import (
    get_legacy_by_id,
)
from hmpps_non_associations_api_client.api.non_associations import (
    close_non_association,
    constants,
    create_non_association,
    delete_non_association,
    get_non_association,
    get_non_associations,
    get_non_associations_between_prisoners,
    get_non_associations_involving_prisoners,
    get_prisoner_non_associations,
    patch_non_association,
    reopen_non_association,
)
from hmpps_non_associations_api_client.api.subject_access_request import (
    get_sar_content_by_reference,
)
from hmpps_non_associations_api_client.reply_decoders import READERS, Reader

from .._spec._document import Authorisation, authorisation

__all__ = [
    "CLOSE",
    "CONSTANTS",
    "CREATE",
    "DELETE",
    "GET",
    "GROUP_BETWEEN",
    "GROUP_INVOLVING",
    "LEGACY",
    "LIST",
    "OPERATIONS",
    "PAGE",
    "PING",
    "REOPEN",
    "SUBJECT_ACCESS",
    "UPDATE",
    "WALK",
    "Operation",
]


@attrs.frozen
class Operation:
    """One operation of the API, as a client method calls it."""

    name: str
    """The client method, e.g. `get_non_association` (errors and telemetry name it)."""
    method: str
    template: str
    """The path template, e.g. `/non-associations/{id}`."""
    endpoint: ModuleType | None
    """The generated module with `request_kwargs` and `parse_response`; None for the
    operations openapi.json leaves out (the health check)."""
    no_result: frozenset[int] = frozenset()
    """Documented statuses that carry no result: no body, or (the 209) an explanation."""
    read: bool = False
    """It changes nothing, so a failed try may be repeated, whatever its HTTP method:
    every GET, and the searches sent as POST (between, involving)."""
    reader: tuple[int, Reader] | None = None
    """The status of its JSON success reply, and the compiled reader that turns that
    reply's bytes into the generated models, checking every field's type."""

    @classmethod
    def generated(
        cls,
        name: str,
        endpoint: ModuleType,
        no_result: frozenset[int] = frozenset(),
        *,
        search: bool = False,
    ) -> Operation:
        """An operation of the generated package; `search` marks a POST that only reads."""
        read = search or endpoint.METHOD == "GET"
        reader = READERS.get(endpoint.__name__.rpartition(".")[2])
        return cls(name, endpoint.METHOD, endpoint.PATH, endpoint, no_result, read, reader)

    @property
    def authorisation(self) -> Authorisation:
        """The roles and scopes the token needs, as openapi.json declares them."""
        return authorisation(self.method, self.template)


CONSTANTS = Operation.generated("constants", constants)
LIST = Operation.generated("list_non_associations", get_prisoner_non_associations)
GROUP_BETWEEN = Operation.generated(
    "list_non_associations_between", get_non_associations_between_prisoners, search=True
)
GROUP_INVOLVING = Operation.generated(
    "list_non_associations_involving", get_non_associations_involving_prisoners, search=True
)
PAGE = Operation.generated("paged_non_associations", get_non_associations)
WALK = attrs.evolve(PAGE, name="iter_non_associations")
"""The pages of a walk through every one (`iter_non_associations`): errors name the walk.
(Not in OPERATIONS: it is the page's operation under the walk's name.)"""
GET = Operation.generated("get_non_association", get_non_association)
CREATE = Operation.generated("create_non_association", create_non_association)
UPDATE = Operation.generated("update_non_association", patch_non_association)
CLOSE = Operation.generated("close_non_association", close_non_association)
REOPEN = Operation.generated("reopen_non_association", reopen_non_association)
DELETE = Operation.generated("delete_non_association", delete_non_association, frozenset({204}))
LEGACY = Operation.generated("get_legacy_non_association", get_legacy_by_id)
SUBJECT_ACCESS = Operation.generated(
    "subject_access_request", get_sar_content_by_reference, frozenset({204, 209})
)
PING = Operation("ping", "GET", "/health/ping", None, read=True)
"""The service's health check: not in openapi.json (the normalisation leaves out the
service's infrastructure), needs no token."""

OPERATIONS: tuple[Operation, ...] = (
    CONSTANTS,
    LIST,
    GROUP_BETWEEN,
    GROUP_INVOLVING,
    PAGE,
    GET,
    CREATE,
    UPDATE,
    CLOSE,
    REOPEN,
    DELETE,
    LEGACY,
    SUBJECT_ACCESS,
    PING,
)
"""The table: every operation of both clients."""
