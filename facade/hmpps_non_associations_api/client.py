"""The two clients applications use: `NonAssociationsApi` and `AsyncNonAssociationsApi`.

Both are thin: they check arguments, build each request with the generated
operation's `_get_kwargs`, send it through `ApiTransport` (retries, deadline,
logging, plugins) and read the reply with the generated parser. `_ApiBase` holds
everything the twins share; the twins only send and wait. They do repeat their
signatures and overloads: typing cannot share an overload between a method and its
coroutine twin.
"""

from __future__ import annotations

import datetime
import importlib.metadata
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from types import ModuleType, TracebackType
from typing import Any, Literal, NoReturn, Self, overload

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
from hmpps_non_associations_api_client.types import UNSET, Unset

from . import validation as check
from ._wire import WireReply, WireRequest
from .config import ApiConfig
from .errors import TransportError
from .logs import Log
from .results import (
    ClosedNonAssociation,
    ClosedNonAssociationsPage,
    ClosedPrisonerNonAssociations,
    OpenNonAssociation,
    OpenNonAssociationsPage,
    OpenPrisonerNonAssociations,
)
from .tokens import AsyncTokenSource, TokenSource, checked
from .transport import API_NAME, ApiTransport, Plugin

__all__ = ["AsyncNonAssociationsApi", "NonAssociationsApi"]

USER_AGENT = (
    f"hmpps-non-associations-api-python/{importlib.metadata.version('hmpps-non-associations-api')}"
)

CloseRequest = CloseNonAssociationRequest | Mapping[str, Any]
CreateRequest = CreateNonAssociationRequest | Mapping[str, Any]
DeleteRequest = DeleteNonAssociationRequest | Mapping[str, Any]
PatchRequest = PatchNonAssociationRequest | Mapping[str, Any]
ReopenRequest = ReopenNonAssociationRequest | Mapping[str, Any]
Sort = str | Sequence[str]


@attrs.frozen
class _Operation:
    """One call of a generated operation: which, with what, and what comes back."""

    module: ModuleType
    template: str
    kwargs: dict[str, Any]
    # Documented answers with no result: no body, or (the 209) an ErrorResponse explaining.
    no_result_statuses: frozenset[int] = frozenset()


def _handed_over(items: list[NonAssociation]) -> Iterator[NonAssociation]:
    """Each item in order, forgotten as it is handed over, so a walk through every page
    holds no more than one page at a time."""
    items.reverse()
    while items:
        yield items.pop()


_HEADERS = {"User-Agent": USER_AGENT}


def _given(value: Any) -> Any:
    """None means "not given": the generated operations want UNSET for that."""
    return UNSET if value is None else value


class _ApiBase:
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
        self._parser = GeneratedClient(base_url=config.url)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self.config.url!r})"

    # --- requests ---------------------------------------------------------------------

    @staticmethod
    def _constants() -> _Operation:
        return _Operation(constants, "/constants", {})

    @staticmethod
    def _list(
        prisoner_number: str,
        include_open: bool,
        include_closed: bool,
        include_other_prisons: bool,
        sort_by: SortBy | str,
        sort_direction: SortDirection | str,
    ) -> _Operation:
        check.check_include(include_open, include_closed)
        kwargs = {
            "prisoner_number": check.prisoner_number(prisoner_number),
            "include_open": bool(include_open),
            "include_closed": bool(include_closed),
            "include_other_prisons": bool(include_other_prisons),
            "sort_by": check.enum_member(SortBy, sort_by),
            "sort_direction": check.enum_member(SortDirection, sort_direction),
        }
        template = "/prisoner/{prisonerNumber}/non-associations"
        return _Operation(get_prisoner_non_associations, template, kwargs)

    @staticmethod
    def _group(
        between: bool,
        prisoner_numbers: Iterable[str],
        include_open: bool,
        include_closed: bool,
        prison_id: str | None,
    ) -> _Operation:
        check.check_include(include_open, include_closed)
        if prison_id is not None and (not isinstance(prison_id, str) or not prison_id.strip()):
            raise ValueError(f"prison_id must be a prison code such as MDI, not {prison_id!r}")
        kwargs = {
            "body": check.prisoner_numbers(prisoner_numbers, minimum=2 if between else 1),
            "include_open": bool(include_open),
            "include_closed": bool(include_closed),
            "prison_id": _given(prison_id),
        }
        if between:
            return _Operation(
                get_non_associations_between_prisoners, "/non-associations/between", kwargs
            )
        return _Operation(
            get_non_associations_involving_prisoners, "/non-associations/involving", kwargs
        )

    @staticmethod
    def _page(
        include_open: bool,
        include_closed: bool,
        page: int | None,
        size: int | None,
        sort: Sort | None,
    ) -> _Operation:
        check.check_include(include_open, include_closed)
        kwargs = {
            "include_open": bool(include_open),
            "include_closed": bool(include_closed),
            "page": _given(check.page_number(page)),
            "size": _given(check.page_size(size)),
            "sort": _given(check.sort_params(sort)),
        }
        return _Operation(get_non_associations, "/non-associations", kwargs)

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
            raise self._unreadable("GET", "/non-associations", f"paging fields {fields}")
        following = requested + 1
        if last is True or not content or (isinstance(total, int) and following >= total):
            return content, None
        if not isinstance(number, Unset) and number != requested:
            raise self._unreadable(
                "GET", "/non-associations", f"asked for page {requested}, got page {number}"
            )
        return content, following

    @staticmethod
    def _get(id: int) -> _Operation:
        kwargs = {"id": check.non_association_id(id)}
        return _Operation(get_non_association, "/non-associations/{id}", kwargs)

    @staticmethod
    def _create(request: CreateRequest) -> _Operation:
        body = check.request_model(CreateNonAssociationRequest, request)
        check.prisoner_number(body.first_prisoner_number)
        check.prisoner_number(body.second_prisoner_number)
        return _Operation(create_non_association, "/non-associations", {"body": body})

    @staticmethod
    def _update(id: int, request: PatchRequest) -> _Operation:
        kwargs = {
            "id": check.non_association_id(id),
            "body": check.request_model(PatchNonAssociationRequest, request),
        }
        return _Operation(patch_non_association, "/non-associations/{id}", kwargs)

    @staticmethod
    def _close(id: int, request: CloseRequest) -> _Operation:
        body = check.request_model(CloseNonAssociationRequest, request)
        kwargs = {"id": check.non_association_id(id), "body": check.in_london(body, "closed_at")}
        return _Operation(close_non_association, "/non-associations/{id}/close", kwargs)

    @staticmethod
    def _reopen(id: int, request: ReopenRequest) -> _Operation:
        body = check.request_model(ReopenNonAssociationRequest, request)
        kwargs = {"id": check.non_association_id(id), "body": check.in_london(body, "reopened_at")}
        return _Operation(reopen_non_association, "/non-associations/{id}/reopen", kwargs)

    @staticmethod
    def _delete(id: int, request: DeleteRequest) -> _Operation:
        kwargs = {
            "id": check.non_association_id(id),
            "body": check.request_model(DeleteNonAssociationRequest, request),
        }
        template = "/non-associations/{id}/delete"
        return _Operation(delete_non_association, template, kwargs, frozenset({204}))

    @staticmethod
    def _legacy(id: int) -> _Operation:
        kwargs = {"id": check.non_association_id(id)}
        template = "/legacy/api/non-associations/{id}"
        return _Operation(get_legacy_by_id, template, kwargs)

    @staticmethod
    def _sar(
        prn: str | None,
        crn: str | None,
        from_date: datetime.date | None,
        to_date: datetime.date | None,
    ) -> _Operation:
        if prn is None and crn is None:
            raise ValueError("give a prn (prisoner number) or a crn (case reference number)")
        kwargs = {
            "prn": _given(prn),
            "crn": _given(crn),
            "from_date": _given(from_date),
            "to_date": _given(to_date),
        }
        module = get_sar_content_by_reference
        return _Operation(module, "/subject-access-request", kwargs, frozenset({204, 209}))

    # --- responses --------------------------------------------------------------------

    def _request(self, op: _Operation) -> WireRequest:
        return WireRequest.from_kwargs(
            op.module._get_kwargs(**op.kwargs), self._transport.origin.base_path, _HEADERS
        )

    def _parse(self, request: WireRequest, op: _Operation, reply: WireReply) -> Any:
        """The generated model for a 2xx reply (None for a documented one with no result);
        an unreadable or ill-shaped body is a TransportError."""
        try:
            parsed = op.module._parse_response(client=self._parser, response=reply)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            problem = f"{type(exc).__name__}: {str(exc)[:200]}"
        else:
            no_result = parsed is None or isinstance(parsed, ErrorResponse)
            if no_result and reply.status_code in op.no_result_statuses:
                return None
            if parsed is not None and not isinstance(parsed, ErrorResponse):
                return parsed
            problem = "no body of the documented type"
        raise self._unreadable(request.method, request.path, problem, reply)

    def _unreadable(
        self, method: str, path: str, problem: str, reply: WireReply | None = None
    ) -> TransportError:
        """The error for a 2xx reply the client cannot use, logged like any failure."""
        error = TransportError(
            f"Unreadable response ({problem})",
            text=reply.text if reply is not None else "",
            headers=reply.headers if reply is not None else None,
        )
        self._log.error(f"{API_NAME} {method} {path} failed: {error}")
        return error

    @staticmethod
    def _constant_lists(parsed: Any) -> dict[str, list[Constant]]:
        return {key: list(value) for key, value in parsed.additional_properties.items()}


class NonAssociationsApi(_ApiBase):
    """The Non-associations API, for synchronous code.

    Create one per user request, as DPS applications do: instances are cheap and
    share keep-alive connections. `system_token` is a token or a callable returning
    one, asked on every request. Subclass to fix the config and logger.
    """

    def __init__(
        self,
        system_token: TokenSource,
        config: ApiConfig,
        logger: object | None = None,
        plugins: Iterable[Plugin] = (),
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__(system_token, config, logger, plugins, transport)

    def _call(self, op: _Operation) -> Any:
        request = self._request(op)
        return self._parse(request, op, self._transport.send(request, op.template))

    def close(self) -> None:
        """Release what this instance owns (not the shared connection pool)."""
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def constants(self) -> dict[str, list[Constant]]:
        """Role, reason and restriction type codes with their display text."""
        return self._constant_lists(self._call(self._constants()))

    @overload
    def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> OpenPrisonerNonAssociations: ...
    @overload
    def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> ClosedPrisonerNonAssociations: ...
    @overload
    def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> NoReturn: ...
    @overload
    def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> PrisonerNonAssociations: ...
    def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: bool = True,
        include_closed: bool = False,
        include_other_prisons: bool = False,
        sort_by: SortBy | str = SortBy.WHEN_CREATED,
        sort_direction: SortDirection | str = SortDirection.DESC,
    ) -> PrisonerNonAssociations:
        """A prisoner's non-associations, each seen from their side."""
        op = self._list(
            prisoner_number,
            include_open,
            include_closed,
            include_other_prisons,
            sort_by,
            sort_direction,
        )
        result: PrisonerNonAssociations = self._call(op)
        return result

    @overload
    def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        prison_id: str | None = ...,
    ) -> list[OpenNonAssociation]: ...
    @overload
    def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        prison_id: str | None = ...,
    ) -> list[ClosedNonAssociation]: ...
    @overload
    def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        prison_id: str | None = ...,
    ) -> NoReturn: ...
    @overload
    def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        prison_id: str | None = ...,
    ) -> list[NonAssociation]: ...
    def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = True,
        include_closed: bool = False,
        prison_id: str | None = None,
    ) -> list[Any]:
        """Non-associations where both prisoners are among two or more given ones."""
        op = self._group(True, prisoner_numbers, include_open, include_closed, prison_id)
        result: list[NonAssociation] = self._call(op)
        return result

    @overload
    def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        prison_id: str | None = ...,
    ) -> list[OpenNonAssociation]: ...
    @overload
    def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        prison_id: str | None = ...,
    ) -> list[ClosedNonAssociation]: ...
    @overload
    def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        prison_id: str | None = ...,
    ) -> NoReturn: ...
    @overload
    def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        prison_id: str | None = ...,
    ) -> list[NonAssociation]: ...
    def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = True,
        include_closed: bool = False,
        prison_id: str | None = None,
    ) -> list[Any]:
        """Non-associations where either prisoner is among one or more given ones."""
        op = self._group(False, prisoner_numbers, include_open, include_closed, prison_id)
        result: list[NonAssociation] = self._call(op)
        return result

    @overload
    def paged_non_associations(
        self,
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> OpenNonAssociationsPage: ...
    @overload
    def paged_non_associations(
        self,
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> ClosedNonAssociationsPage: ...
    @overload
    def paged_non_associations(
        self,
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> NoReturn: ...
    @overload
    def paged_non_associations(
        self,
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> PageNonAssociation: ...
    def paged_non_associations(
        self,
        *,
        include_open: bool = True,
        include_closed: bool = False,
        page: int | None = None,
        size: int | None = None,
        sort: Sort | None = None,
    ) -> PageNonAssociation:
        """One page of all non-associations; page, size and sort are sent only if given."""
        op = self._page(include_open, include_closed, page, size, sort)
        result: PageNonAssociation = self._call(op)
        return result

    @overload
    def iter_non_associations(
        self,
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> Iterator[OpenNonAssociation]: ...
    @overload
    def iter_non_associations(
        self,
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> Iterator[ClosedNonAssociation]: ...
    @overload
    def iter_non_associations(
        self,
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> Iterator[NonAssociation]: ...
    def iter_non_associations(
        self,
        *,
        include_open: bool = True,
        include_closed: bool = False,
        size: int | None = None,
        sort: Sort | None = None,
    ) -> Iterator[NonAssociation]:
        """Every non-association, fetching page after page as the iteration goes."""
        self._page(include_open, include_closed, 0, size, sort)  # fail fast, before iterating
        return self._iter_pages(include_open, include_closed, size, sort)

    def _iter_pages(
        self, include_open: bool, include_closed: bool, size: int | None, sort: Sort | None
    ) -> Iterator[NonAssociation]:
        number: int | None = 0
        while number is not None:
            page = self.paged_non_associations(
                include_open=include_open,
                include_closed=include_closed,
                page=number,
                size=size,
                sort=sort,
            )
            items, number = self._page_step(page, number)
            del page
            yield from _handed_over(items)

    def get_non_association(self, id: int) -> NonAssociation:
        """One non-association by ID."""
        result: NonAssociation = self._call(self._get(id))
        return result

    def create_non_association(self, request: CreateRequest) -> NonAssociation:
        """Record a new non-association between two prisoners."""
        result: NonAssociation = self._call(self._create(request))
        return result

    def update_non_association(self, id: int, request: PatchRequest) -> NonAssociation:
        """Change the fields given, leaving the rest."""
        result: NonAssociation = self._call(self._update(id, request))
        return result

    def close_non_association(self, id: int, request: CloseRequest) -> ClosedNonAssociation:
        """Close a non-association that no longer applies."""
        result: ClosedNonAssociation = self._call(self._close(id, request))
        return result

    def reopen_non_association(self, id: int, request: ReopenRequest) -> OpenNonAssociation:
        """Put a closed non-association back in force."""
        result: OpenNonAssociation = self._call(self._reopen(id, request))
        return result

    def delete_non_association(self, id: int, request: DeleteRequest) -> None:
        """Delete a non-association made in error; prefer closing it."""
        self._call(self._delete(id, request))

    def get_legacy_non_association(self, id: int) -> LegacyNonAssociation:
        """One non-association in the old NOMIS / Prison API shape (sync jobs only)."""
        result: LegacyNonAssociation = self._call(self._legacy(id))
        return result

    def subject_access_request(
        self,
        *,
        prn: str | None = None,
        crn: str | None = None,
        from_date: datetime.date | None = None,
        to_date: datetime.date | None = None,
    ) -> HmppsSubjectAccessRequestContent | None:
        """What the service holds about a person; None when it holds nothing or does not
        know the identifier (the API's 204 and 209)."""
        result: HmppsSubjectAccessRequestContent | None = self._call(
            self._sar(prn, crn, from_date, to_date)
        )
        return result


class AsyncNonAssociationsApi(_ApiBase):
    """The Non-associations API, for asyncio code: the same methods, awaited.

    `system_token` may also be an async callable.
    """

    def __init__(
        self,
        system_token: AsyncTokenSource,
        config: ApiConfig,
        logger: object | None = None,
        plugins: Iterable[Plugin] = (),
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(system_token, config, logger, plugins, transport)

    async def _call(self, op: _Operation) -> Any:
        request = self._request(op)
        return self._parse(request, op, await self._transport.send_async(request, op.template))

    async def aclose(self) -> None:
        """Release what this instance owns (not the shared connection pool)."""
        await self._transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def constants(self) -> dict[str, list[Constant]]:
        """Role, reason and restriction type codes with their display text."""
        return self._constant_lists(await self._call(self._constants()))

    @overload
    async def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> OpenPrisonerNonAssociations: ...
    @overload
    async def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> ClosedPrisonerNonAssociations: ...
    @overload
    async def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> NoReturn: ...
    @overload
    async def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        include_other_prisons: bool = ...,
        sort_by: SortBy | str = ...,
        sort_direction: SortDirection | str = ...,
    ) -> PrisonerNonAssociations: ...
    async def list_non_associations(
        self,
        prisoner_number: str,
        *,
        include_open: bool = True,
        include_closed: bool = False,
        include_other_prisons: bool = False,
        sort_by: SortBy | str = SortBy.WHEN_CREATED,
        sort_direction: SortDirection | str = SortDirection.DESC,
    ) -> PrisonerNonAssociations:
        """A prisoner's non-associations, each seen from their side."""
        op = self._list(
            prisoner_number,
            include_open,
            include_closed,
            include_other_prisons,
            sort_by,
            sort_direction,
        )
        result: PrisonerNonAssociations = await self._call(op)
        return result

    @overload
    async def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        prison_id: str | None = ...,
    ) -> list[OpenNonAssociation]: ...
    @overload
    async def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        prison_id: str | None = ...,
    ) -> list[ClosedNonAssociation]: ...
    @overload
    async def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        prison_id: str | None = ...,
    ) -> NoReturn: ...
    @overload
    async def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        prison_id: str | None = ...,
    ) -> list[NonAssociation]: ...
    async def list_non_associations_between(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = True,
        include_closed: bool = False,
        prison_id: str | None = None,
    ) -> list[Any]:
        """Non-associations where both prisoners are among two or more given ones."""
        op = self._group(True, prisoner_numbers, include_open, include_closed, prison_id)
        result: list[NonAssociation] = await self._call(op)
        return result

    @overload
    async def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        prison_id: str | None = ...,
    ) -> list[OpenNonAssociation]: ...
    @overload
    async def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        prison_id: str | None = ...,
    ) -> list[ClosedNonAssociation]: ...
    @overload
    async def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        prison_id: str | None = ...,
    ) -> NoReturn: ...
    @overload
    async def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        prison_id: str | None = ...,
    ) -> list[NonAssociation]: ...
    async def list_non_associations_involving(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_open: bool = True,
        include_closed: bool = False,
        prison_id: str | None = None,
    ) -> list[Any]:
        """Non-associations where either prisoner is among one or more given ones."""
        op = self._group(False, prisoner_numbers, include_open, include_closed, prison_id)
        result: list[NonAssociation] = await self._call(op)
        return result

    @overload
    async def paged_non_associations(
        self,
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> OpenNonAssociationsPage: ...
    @overload
    async def paged_non_associations(
        self,
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> ClosedNonAssociationsPage: ...
    @overload
    async def paged_non_associations(
        self,
        *,
        include_open: Literal[False],
        include_closed: Literal[False],
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> NoReturn: ...
    @overload
    async def paged_non_associations(
        self,
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        page: int | None = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> PageNonAssociation: ...
    async def paged_non_associations(
        self,
        *,
        include_open: bool = True,
        include_closed: bool = False,
        page: int | None = None,
        size: int | None = None,
        sort: Sort | None = None,
    ) -> PageNonAssociation:
        """One page of all non-associations; page, size and sort are sent only if given."""
        op = self._page(include_open, include_closed, page, size, sort)
        result: PageNonAssociation = await self._call(op)
        return result

    @overload
    def iter_non_associations(
        self,
        *,
        include_open: Literal[True] = ...,
        include_closed: Literal[False] = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> AsyncIterator[OpenNonAssociation]: ...
    @overload
    def iter_non_associations(
        self,
        *,
        include_open: Literal[False],
        include_closed: Literal[True],
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> AsyncIterator[ClosedNonAssociation]: ...
    @overload
    def iter_non_associations(
        self,
        *,
        include_open: bool = ...,
        include_closed: bool = ...,
        size: int | None = ...,
        sort: Sort | None = ...,
    ) -> AsyncIterator[NonAssociation]: ...
    def iter_non_associations(
        self,
        *,
        include_open: bool = True,
        include_closed: bool = False,
        size: int | None = None,
        sort: Sort | None = None,
    ) -> AsyncIterator[NonAssociation]:
        """Every non-association, fetching page after page as the iteration goes
        (`async for`)."""
        self._page(include_open, include_closed, 0, size, sort)  # fail fast, before iterating
        return self._iter_pages(include_open, include_closed, size, sort)

    async def _iter_pages(
        self, include_open: bool, include_closed: bool, size: int | None, sort: Sort | None
    ) -> AsyncIterator[NonAssociation]:
        number: int | None = 0
        while number is not None:
            page = await self.paged_non_associations(
                include_open=include_open,
                include_closed=include_closed,
                page=number,
                size=size,
                sort=sort,
            )
            items, number = self._page_step(page, number)
            del page
            for item in _handed_over(items):
                yield item

    async def get_non_association(self, id: int) -> NonAssociation:
        """One non-association by ID."""
        result: NonAssociation = await self._call(self._get(id))
        return result

    async def create_non_association(self, request: CreateRequest) -> NonAssociation:
        """Record a new non-association between two prisoners."""
        result: NonAssociation = await self._call(self._create(request))
        return result

    async def update_non_association(self, id: int, request: PatchRequest) -> NonAssociation:
        """Change the fields given, leaving the rest."""
        result: NonAssociation = await self._call(self._update(id, request))
        return result

    async def close_non_association(self, id: int, request: CloseRequest) -> ClosedNonAssociation:
        """Close a non-association that no longer applies."""
        result: ClosedNonAssociation = await self._call(self._close(id, request))
        return result

    async def reopen_non_association(self, id: int, request: ReopenRequest) -> OpenNonAssociation:
        """Put a closed non-association back in force."""
        result: OpenNonAssociation = await self._call(self._reopen(id, request))
        return result

    async def delete_non_association(self, id: int, request: DeleteRequest) -> None:
        """Delete a non-association made in error; prefer closing it."""
        await self._call(self._delete(id, request))

    async def get_legacy_non_association(self, id: int) -> LegacyNonAssociation:
        """One non-association in the old NOMIS / Prison API shape (sync jobs only)."""
        result: LegacyNonAssociation = await self._call(self._legacy(id))
        return result

    async def subject_access_request(
        self,
        *,
        prn: str | None = None,
        crn: str | None = None,
        from_date: datetime.date | None = None,
        to_date: datetime.date | None = None,
    ) -> HmppsSubjectAccessRequestContent | None:
        """What the service holds about a person; None when it holds nothing or does not
        know the identifier (the API's 204 and 209)."""
        result: HmppsSubjectAccessRequestContent | None = await self._call(
            self._sar(prn, crn, from_date, to_date)
        )
        return result
