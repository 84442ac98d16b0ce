"""`AsyncNonAssociationsApi`: the Non-associations API client for asyncio code.
scripts/unasync.py writes the thread twin, `_sync_client.py`."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, overload

from hmpps_non_associations_api_client.models import (
    Constant,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    NonAssociation,
    PageNonAssociation,
    PrisonerNonAssociations,
    SortBy,
    SortDirection,
)

from .._call._async_send import async_send
from .._call._plugins import Plugin
from .._call._tokens import AsyncTokenSource
from .._errors._exceptions import JsonValue
from .._settings._config import ApiConfig
from .._transport._async_owned import AsyncOwnsTransport
from .._transport._destination import Destination
from .._transport._interface import AsyncTransport
from . import _operations as ops
from ._answers import ByPrisoner
from ._base import (
    ApiBase,
    CallSpec,
    CloseRequest,
    CreateRequest,
    DeleteRequest,
    PatchRequest,
    ReopenRequest,
    Sort,
    handed_over,
)
from ._raw import async_raw
from ._results import (
    ClosedNonAssociation,
    ClosedNonAssociationsPage,
    ClosedPrisonerNonAssociations,
    OpenNonAssociation,
    OpenNonAssociationsPage,
    OpenPrisonerNonAssociations,
)

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncNonAssociationsApi", "AsyncRawResponses"]

T = TypeVar("T")


class AsyncNonAssociationsApi(ApiBase, AsyncOwnsTransport):
    """The Non-associations API.

    Create one per user request, as DPS applications do: instances are cheap and
    share keep-alive connections. `system_token` is a token or a callable returning
    one, asked on every request (for `AsyncNonAssociationsApi` the callable may be a
    coroutine function).
    Subclass to fix the config and logger.
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
        def transport_for(destination: Destination) -> AsyncTransport:
            return self._choose(transport, destination)

        super().__init__(system_token, config, logger, plugins, transport_for)

    async def _call(self, spec: CallSpec[T]) -> T:
        call = self._prepare(spec)
        reply = await async_send(self._channel, call)
        return self._result(spec, call, reply)

    @property
    def with_raw_response(self) -> AsyncRawResponses:
        """The same methods (`iter_non_associations` aside), each giving a `RawResponse`:
        the reply's status and headers, the tries and time the call took, and `parse()`
        for the usual result."""
        return AsyncRawResponses(self._raw_copy())

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: JsonValue = None,
        path_params: Mapping[str, str | int] | None = None,
        idempotent: bool | None = None,
    ) -> JsonValue:
        """A call to a path the generated client does not know yet, with the token,
        retries (reads only), the deadline, logging and telemetry; the reply's JSON
        (None for an empty body). `path` is under the API's URL (`/new-endpoint`); put
        IDs and prisoner numbers in `path_params` for its `{placeholders}`, so errors,
        logs and telemetry show the template, not the values. A GET is tried again
        after a failure the retry policy covers; `idempotent=True` marks any other
        call as safe to repeat (a search sent as POST), `False` a GET as not. What is
        sent is what is given: prisoner numbers are not upper-cased here."""
        spec = self._any(method, path, params, json, path_params, idempotent)
        return await self._call(spec)

    async def ping(self) -> str:
        """The service's health check (`/health/ping`, sent without a token), for the
        application's own `/health`: "UP" when the service answers; otherwise raises
        as any call does."""
        return await self._call(self._ping())

    async def constants(self) -> dict[str, list[Constant]]:
        """Role, reason and restriction type codes with their display text."""
        return await self._call(self._constants())

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
        """A prisoner's non-associations, each seen from their side (the number is
        upper-cased before sending). `group_by_location` sorts a listing made with
        `include_other_prisons=True` into same prison, other prisons and outside."""
        op = self._list(
            prisoner_number,
            include_open,
            include_closed,
            include_other_prisons,
            sort_by,
            sort_direction,
        )
        return await self._call(op)

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
        """Non-associations where both prisoners are among two or more given ones
        (numbers upper-cased before sending). A search: tried again after a failure, as
        a GET is.

        An empty list is only as good as the numbers: the service never checks that
        the prisoners given exist, so a mistyped or unknown number matches nothing
        rather than being an error. `prison_id` keeps the pairs with both prisoners in
        that prison (looked up in prisoner search; one it does not know is a
        `NotFoundError`); it does not check the numbers given either."""
        op = self._group(True, prisoner_numbers, include_open, include_closed, prison_id)
        return await self._call(op)

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
        """Non-associations where either prisoner is among one or more given ones
        (numbers upper-cased before sending). A search: tried again after a failure, as
        a GET is. As for `list_non_associations_between`, a mistyped or unknown number
        matches nothing rather than being an error, with or without `prison_id` (which
        keeps the pairs with both prisoners in that prison)."""
        op = self._group(False, prisoner_numbers, include_open, include_closed, prison_id)
        return await self._call(op)

    @overload
    async def non_associations_with(
        self,
        prisoner_number: str,
        candidates: Iterable[str],
        *,
        include_closed: Literal[False] = ...,
        prison_id: str | None = ...,
    ) -> ByPrisoner[OpenNonAssociation]: ...
    @overload
    async def non_associations_with(
        self,
        prisoner_number: str,
        candidates: Iterable[str],
        *,
        include_closed: bool = ...,
        prison_id: str | None = ...,
    ) -> ByPrisoner[NonAssociation]: ...
    async def non_associations_with(
        self,
        prisoner_number: str,
        candidates: Iterable[str],
        *,
        include_closed: bool = False,
        prison_id: str | None = None,
    ) -> ByPrisoner[Any]:
        """Which candidates have a non-association with this prisoner: every candidate
        as a key (upper-case; looked up in any case), each holding its open
        non-associations with the prisoner (closed ones too with `include_closed`), an
        empty list for none. One `between` call; tried again after a failure, as a GET
        is. The prisoner among the candidates, a candidate given twice or none at all is
        a ValueError before sending.

        An empty list is only as good as the numbers: the service never checks that
        the prisoners given exist, so a mistyped or unknown number has no
        non-associations rather than being an error. Check numbers typed by a person
        (prisoner search) before acting on "none". `prison_id` keeps the pairs with both
        prisoners in that prison; it does not check the numbers given either."""
        op = self._with(prisoner_number, candidates, include_closed, prison_id)
        return await self._call(op)

    @overload
    async def non_associations_by_prisoner(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_closed: Literal[False] = ...,
        prison_id: str | None = ...,
    ) -> ByPrisoner[OpenNonAssociation]: ...
    @overload
    async def non_associations_by_prisoner(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_closed: bool = ...,
        prison_id: str | None = ...,
    ) -> ByPrisoner[NonAssociation]: ...
    async def non_associations_by_prisoner(
        self,
        prisoner_numbers: Iterable[str],
        *,
        include_closed: bool = False,
        prison_id: str | None = None,
    ) -> ByPrisoner[Any]:
        """Which of these prisoners is in any non-association: every prisoner given as a
        key (upper-case; looked up in any case), each holding the open non-associations
        that involve them (closed ones too with `include_closed`), an empty list for
        none; `.found()` lists those with any. One `involving` call, tried again after a
        failure as a GET is. The limits of an empty list are those of
        `non_associations_with`: an unknown number is not an error, only an empty list."""
        op = self._by_prisoner(prisoner_numbers, include_closed, prison_id)
        return await self._call(op)

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
        return await self._call(op)

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
        """Every non-association, fetching page after page as the iteration goes."""
        self._page(include_open, include_closed, 0, size, sort)  # fail fast, before iterating
        return self._iter_pages(include_open, include_closed, size, sort)

    async def _iter_pages(
        self, include_open: bool, include_closed: bool, size: int | None, sort: Sort | None
    ) -> AsyncIterator[NonAssociation]:
        number: int | None = 0
        while number is not None:
            spec = self._page(include_open, include_closed, number, size, sort, ops.WALK)
            page = await self._call(spec)
            items, number = self._page_step(page, number)
            del page
            for item in handed_over(items):
                yield item

    async def get_non_association(self, id: int) -> NonAssociation:
        """One non-association by ID."""
        return await self._call(self._get(id))

    async def create_non_association(self, request: CreateRequest) -> NonAssociation:
        """Record a new non-association between two prisoners."""
        return await self._call(self._create(request))

    async def update_non_association(self, id: int, request: PatchRequest) -> NonAssociation:
        """Change the fields given, leaving the rest."""
        return await self._call(self._update(id, request))

    async def close_non_association(self, id: int, request: CloseRequest) -> ClosedNonAssociation:
        """Close a non-association that no longer applies."""
        return await self._call(self._close(id, request))

    async def reopen_non_association(self, id: int, request: ReopenRequest) -> OpenNonAssociation:
        """Put a closed non-association back in force."""
        return await self._call(self._reopen(id, request))

    async def delete_non_association(self, id: int, request: DeleteRequest) -> None:
        """Delete a non-association made in error; prefer closing it."""
        return await self._call(self._delete(id, request))

    async def get_legacy_non_association(self, id: int) -> LegacyNonAssociation:
        """One non-association in the old NOMIS / Prison API shape (sync jobs only)."""
        return await self._call(self._legacy(id))

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
        return await self._call(self._sar(prn, crn, from_date, to_date))


class AsyncRawResponses:
    """Each method of a client (a walk through every page aside), giving the reply as it
    came: `RawResponse` with `status_code`, `headers`, `tries`, `elapsed` and `parse()`."""

    def __init__(self, client: AsyncNonAssociationsApi) -> None:
        self.request = async_raw(client.request)
        self.ping = async_raw(client.ping)
        self.constants = async_raw(client.constants)
        self.list_non_associations = async_raw(client.list_non_associations)
        self.list_non_associations_between = async_raw(client.list_non_associations_between)
        self.list_non_associations_involving = async_raw(client.list_non_associations_involving)
        self.non_associations_with = async_raw(client.non_associations_with)
        self.non_associations_by_prisoner = async_raw(client.non_associations_by_prisoner)
        self.paged_non_associations = async_raw(client.paged_non_associations)
        self.get_non_association = async_raw(client.get_non_association)
        self.create_non_association = async_raw(client.create_non_association)
        self.update_non_association = async_raw(client.update_non_association)
        self.close_non_association = async_raw(client.close_non_association)
        self.reopen_non_association = async_raw(client.reopen_non_association)
        self.delete_non_association = async_raw(client.delete_non_association)
        self.get_legacy_non_association = async_raw(client.get_legacy_non_association)
        self.subject_access_request = async_raw(client.subject_access_request)
