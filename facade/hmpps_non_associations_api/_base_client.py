"""What the two clients share: argument checks, request building, reply parsing and
paging, for `AsyncNonAssociationsApi` (`_async/_client.py`) and its generated twin
`NonAssociationsApi` (`_sync/_client.py`).

Both are thin: they check arguments, build each request with the generated
operation's `_get_kwargs`, send it under the retry rules and read the reply with the
generated parser; the twins only send and wait.
"""

from __future__ import annotations

import datetime
import importlib.metadata
from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType
from typing import Any, Generic, TypeVar

import attrs
import httpx
from hmpps_non_associations_api_client import Client as GeneratedClient
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
from hmpps_non_associations_api_client.models import (
    CloseNonAssociationRequest,
    Constant,
    ConstantsResponse200,
    CreateNonAssociationRequest,
    DeleteNonAssociationRequest,
    ErrorResponse,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    NonAssociation,
    PageNonAssociation,
    PatchNonAssociationRequest,
    PrisonerNonAssociations,
    ReopenNonAssociationRequest,
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
from hmpps_non_associations_api_client.types import UNSET, Unset

from . import _validation as check
from ._config import ApiConfig
from ._errors import TransportError
from ._logs import Log
from ._results import (
    ClosedNonAssociation,
    OpenNonAssociation,
)
from ._tokens import AsyncTokenSource, checked
from ._transport import API_NAME, ApiTransport, Plugin
from ._wire import WireReply, WireRequest

__all__ = [
    "CloseRequest",
    "CreateRequest",
    "DeleteRequest",
    "PatchRequest",
    "ReopenRequest",
    "Sort",
]

T = TypeVar("T")

USER_AGENT = (
    f"hmpps-non-associations-api-python/{importlib.metadata.version('hmpps-non-associations-api')}"
)

# A request is the generated model or a dict in the API's JSON shape, typed so that a
# type checker refuses a misspelt key or a wrong type in a literal dict. (Any mapping is
# checked the same way at run time.)
CloseRequest = CloseNonAssociationRequest | CloseNonAssociationRequestDict
CreateRequest = CreateNonAssociationRequest | CreateNonAssociationRequestDict
DeleteRequest = DeleteNonAssociationRequest | DeleteNonAssociationRequestDict
PatchRequest = PatchNonAssociationRequest | PatchNonAssociationRequestDict
ReopenRequest = ReopenNonAssociationRequest | ReopenNonAssociationRequestDict
Sort = str | Sequence[str]


@attrs.frozen
class Operation(Generic[T]):
    """One call of a generated operation: which, with what, and (as `T`) what its
    documented success gives. `name` is the client method's, for telemetry."""

    name: str
    module: ModuleType
    template: str
    kwargs: dict[str, Any]
    # Documented answers with no result: no body, or (the 209) an ErrorResponse explaining.
    no_result_statuses: frozenset[int] = frozenset()


def handed_over(items: list[NonAssociation]) -> Iterator[NonAssociation]:
    """Each item in order, forgotten as it is handed over, so a walk through every page
    holds no more than one page at a time."""
    items.reverse()
    while items:
        yield items.pop()


_HEADERS = {"User-Agent": USER_AGENT}
HEALTH_PING = "/health/ping"
"""The health check DPS applications call on each API they depend on."""
# What the generated parsers are handed as their client: they read only its
# raise_on_unexpected_status (off), so every client instance shares this one.
_PARSER = GeneratedClient(base_url="http://localhost")


# Where a walk through every page reads them: for an error in the paging fields.
_WALK = ("iter_non_associations", "GET", "/non-associations", "/non-associations")


def _unset_if_none(value: Any) -> Any:
    """None means "not given": the generated operations want UNSET for that."""
    return UNSET if value is None else value


class ApiBase:
    """Argument checks, request building and response parsing shared by both clients."""

    def __init__(
        self,
        system_token: AsyncTokenSource,
        config: ApiConfig,
        logger: object | None,
        plugins: Iterable[Plugin],
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
    ) -> None:
        if isinstance(system_token, str) and not system_token:
            raise ValueError("system_token is empty")
        if isinstance(system_token, str):
            checked(system_token)
        elif not callable(system_token):
            raise TypeError("system_token must be a token string or a callable returning one")
        if not isinstance(config, ApiConfig):
            raise TypeError("config must be an ApiConfig")
        self.config = config
        self._log = Log(logger)
        self._transport = ApiTransport(
            config, system_token, self._log, tuple(plugins), inner=transport
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self.config.url!r})"

    # --- requests ---------------------------------------------------------------------

    @staticmethod
    def _constants() -> Operation[ConstantsResponse200]:
        return Operation("constants", constants, "/constants", {})

    @staticmethod
    def _list(
        prisoner_number: str,
        include_open: bool,
        include_closed: bool,
        include_other_prisons: bool,
        sort_by: SortBy | str,
        sort_direction: SortDirection | str,
    ) -> Operation[PrisonerNonAssociations]:
        check.check_include(include_open, include_closed)
        kwargs = {
            "prisoner_number": check.prisoner_number(prisoner_number),
            "include_open": include_open,
            "include_closed": include_closed,
            "include_other_prisons": check.flag("include_other_prisons", include_other_prisons),
            "sort_by": check.enum_member(SortBy, sort_by, "sort_by"),
            "sort_direction": check.enum_member(SortDirection, sort_direction, "sort_direction"),
        }
        template = "/prisoner/{prisonerNumber}/non-associations"
        return Operation("list_non_associations", get_prisoner_non_associations, template, kwargs)

    @staticmethod
    def _group(
        between: bool,
        prisoner_numbers: Iterable[str],
        include_open: bool,
        include_closed: bool,
        prison_id: str | None,
    ) -> Operation[list[NonAssociation]]:
        check.check_include(include_open, include_closed)
        module: ModuleType
        if between:
            module, template = get_non_associations_between_prisoners, "/non-associations/between"
            operation_id = "getNonAssociationsBetweenPrisoners"
        else:
            module = get_non_associations_involving_prisoners
            template = "/non-associations/involving"
            operation_id = "getNonAssociationsInvolvingPrisoners"
        kwargs = {
            "body": check.prisoner_numbers(operation_id, prisoner_numbers),
            "include_open": include_open,
            "include_closed": include_closed,
            "prison_id": _unset_if_none(check.optional_text("prison_id", prison_id)),
        }
        name = "list_non_associations_between" if between else "list_non_associations_involving"
        return Operation(name, module, template, kwargs)

    @staticmethod
    def _page(
        include_open: bool,
        include_closed: bool,
        page: int | None,
        size: int | None,
        sort: Sort | None,
    ) -> Operation[PageNonAssociation]:
        check.check_include(include_open, include_closed)
        kwargs = {
            "include_open": include_open,
            "include_closed": include_closed,
            "page": _unset_if_none(check.page_number(page)),
            "size": _unset_if_none(check.page_size(size)),
            "sort": _unset_if_none(check.sort_params(sort)),
        }
        return Operation(
            "paged_non_associations", get_non_associations, "/non-associations", kwargs
        )

    def _page_step(
        self, page: PageNonAssociation, requested: int
    ) -> tuple[list[NonAssociation], int | None]:
        """The items of the page just fetched and the number of the next one (None at the
        end); a TransportError when the paging fields are ill-typed, or when more pages
        are promised but this one is not the page asked for (the walk would not advance)."""
        content = [] if isinstance(page.content, Unset) else page.content
        number, total, last = page.number, page.total_pages, page.last
        if (
            not isinstance(content, list)
            or not isinstance(number, Unset | int)
            or not isinstance(total, Unset | int)
            or not isinstance(last, Unset | bool)
            or isinstance(number, bool)
            or isinstance(total, bool)
        ):
            fields = f"number={number!r}, totalPages={total!r}, last={last!r}"
            raise self._unreadable(*_WALK, f"paging fields {fields}")
        following = requested + 1
        if last is True or not content or (isinstance(total, int) and following >= total):
            return content, None
        if not isinstance(number, Unset) and number != requested:
            raise self._unreadable(*_WALK, f"asked for page {requested}, got page {number}")
        return content, following

    @staticmethod
    def _get(id: int) -> Operation[NonAssociation]:
        kwargs = {"id": check.non_association_id(id)}
        return Operation(
            "get_non_association", get_non_association, "/non-associations/{id}", kwargs
        )

    @staticmethod
    def _create(request: CreateRequest) -> Operation[NonAssociation]:
        body = check.request_model(CreateNonAssociationRequest, request)
        check.two_prisoners(body)
        return Operation(
            "create_non_association", create_non_association, "/non-associations", {"body": body}
        )

    @staticmethod
    def _update(id: int, request: PatchRequest) -> Operation[NonAssociation]:
        kwargs = {
            "id": check.non_association_id(id),
            "body": check.request_model(PatchNonAssociationRequest, request),
        }
        return Operation(
            "update_non_association", patch_non_association, "/non-associations/{id}", kwargs
        )

    @staticmethod
    def _close(id: int, request: CloseRequest) -> Operation[ClosedNonAssociation]:
        body = check.request_model(CloseNonAssociationRequest, request)
        kwargs = {"id": check.non_association_id(id), "body": check.in_london(body, "closed_at")}
        return Operation(
            "close_non_association", close_non_association, "/non-associations/{id}/close", kwargs
        )

    @staticmethod
    def _reopen(id: int, request: ReopenRequest) -> Operation[OpenNonAssociation]:
        body = check.request_model(ReopenNonAssociationRequest, request)
        kwargs = {"id": check.non_association_id(id), "body": check.in_london(body, "reopened_at")}
        return Operation(
            "reopen_non_association",
            reopen_non_association,
            "/non-associations/{id}/reopen",
            kwargs,
        )

    @staticmethod
    def _delete(id: int, request: DeleteRequest) -> Operation[None]:
        kwargs = {
            "id": check.non_association_id(id),
            "body": check.request_model(DeleteNonAssociationRequest, request),
        }
        template = "/non-associations/{id}/delete"
        return Operation(
            "delete_non_association", delete_non_association, template, kwargs, frozenset({204})
        )

    @staticmethod
    def _legacy(id: int) -> Operation[LegacyNonAssociation]:
        kwargs = {"id": check.non_association_id(id)}
        template = "/legacy/api/non-associations/{id}"
        return Operation("get_legacy_non_association", get_legacy_by_id, template, kwargs)

    @staticmethod
    def _sar(
        prn: str | None,
        crn: str | None,
        from_date: datetime.date | None,
        to_date: datetime.date | None,
    ) -> Operation[HmppsSubjectAccessRequestContent | None]:
        prn, crn = check.optional_str("prn", prn), check.optional_str("crn", crn)
        check.check_subject(prn, crn)
        kwargs = {
            "prn": _unset_if_none(prn),
            "crn": _unset_if_none(crn),
            "from_date": _unset_if_none(check.optional_date("from_date", from_date)),
            "to_date": _unset_if_none(check.optional_date("to_date", to_date)),
        }
        module = get_sar_content_by_reference
        return Operation(
            "subject_access_request",
            module,
            "/subject-access-request",
            kwargs,
            frozenset({204, 209}),
        )

    def _ping_request(self) -> WireRequest:
        """The service's own health check, which needs no token."""
        ping = {"method": "get", "url": HEALTH_PING}
        return WireRequest.from_kwargs(ping, self._transport.origin.base_path, _HEADERS)

    def _ping_status(self, request: WireRequest, reply: WireReply) -> str:
        """The status the health check reports ("UP")."""
        try:
            status = reply.json().get("status")
        except (ValueError, AttributeError) as exc:
            problem = f"{type(exc).__name__}: {str(exc)[:200]}"
        else:
            if isinstance(status, str):
                return status
            problem = "no status"
        raise self._unreadable("ping", "GET", HEALTH_PING, request.path, problem, reply)

    # --- responses --------------------------------------------------------------------

    def _request(self, op: Operation[Any]) -> WireRequest:
        return WireRequest.from_kwargs(
            op.module._get_kwargs(**op.kwargs), self._transport.origin.base_path, _HEADERS
        )

    def _parse(self, request: WireRequest, op: Operation[T], reply: WireReply) -> T:
        """The generated model for a 2xx reply (None for a documented one with no result);
        an unreadable or ill-shaped body is a TransportError."""
        try:
            parsed = op.module._parse_response(client=_PARSER, response=reply)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            problem = f"{type(exc).__name__}: {str(exc)[:200]}"
        else:
            no_result = parsed is None or isinstance(parsed, ErrorResponse)
            if no_result and reply.status_code in op.no_result_statuses:
                nothing: T = None  # type: ignore[assignment]  # T includes None for these
                return nothing
            if parsed is not None and not isinstance(parsed, ErrorResponse):
                result: T = parsed  # what the operation documents for its success
                return result
            problem = "no body of the documented type"
        raise self._unreadable(op.name, request.method, op.template, request.path, problem, reply)

    def _unreadable(
        self,
        operation: str,
        method: str,
        template: str,
        path: str,
        problem: str,
        reply: WireReply | None = None,
    ) -> TransportError:
        """The error for a 2xx reply the client cannot use, logged like any failure."""
        error = TransportError(
            f"Unreadable response ({problem})",
            text=reply.text if reply is not None else "",
            headers=reply.headers if reply is not None else None,
        ).located(operation, method, template, self._transport.origin.url)
        self._log.error(f"{API_NAME} {method} {path} failed: {error.outcome}")
        return error

    @staticmethod
    def _constant_lists(parsed: ConstantsResponse200) -> dict[str, list[Constant]]:
        return {key: list(value) for key, value in parsed.additional_properties.items()}
