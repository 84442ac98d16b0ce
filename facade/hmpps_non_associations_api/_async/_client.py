"""`AsyncNonAssociationsApi`: the client for asyncio code, and the source from which
scripts/unasync.py writes `NonAssociationsApi` (`_sync/_client.py`)."""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterable
from typing import Any, Literal, NoReturn, TypeVar, overload

import httpx
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

from .._base_client import (
    HEALTH_PING,
    ApiBase,
    CloseRequest,
    CreateRequest,
    DeleteRequest,
    Operation,
    PatchRequest,
    ReopenRequest,
    Sort,
    handed_over,
)
from .._config import ApiConfig
from .._results import (
    ClosedNonAssociation,
    ClosedNonAssociationsPage,
    ClosedPrisonerNonAssociations,
    OpenNonAssociation,
    OpenNonAssociationsPage,
    OpenPrisonerNonAssociations,
)
from .._tokens import AsyncTokenSource
from .._transport import Plugin
from ._closing import AsyncClosing
from ._send import async_send

__all__ = ["AsyncNonAssociationsApi"]

T = TypeVar("T")


class AsyncNonAssociationsApi(ApiBase, AsyncClosing):
    """The Non-associations API.

    Create one per user request, as DPS applications do: instances are cheap and
    share keep-alive connections. `system_token` is a token or a callable returning
    one (for `AsyncNonAssociationsApi` it may be async), asked on every request.
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
        super().__init__(system_token, config, logger, plugins, transport)
        self._given_transport = transport

    async def _call(self, op: Operation[T]) -> T:
        request = self._request(op)
        reply = await async_send(self._transport, request, op.template, op.name)
        return self._parse(request, op, reply)

    async def ping(self) -> str:
        """The service's health check (`/health/ping`, sent without a token), for the
        application's own `/health`: "UP" when the service answers; otherwise raises
        as any call does."""
        request = self._ping_request()
        reply = await async_send(self._transport, request, HEALTH_PING, "ping", authorised=False)
        return self._ping_status(request, reply)

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
        """Non-associations where both prisoners are among two or more given ones."""
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
        """Non-associations where either prisoner is among one or more given ones."""
        op = self._group(False, prisoner_numbers, include_open, include_closed, prison_id)
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
            page = await self.paged_non_associations(
                include_open=include_open,
                include_closed=include_closed,
                page=number,
                size=size,
                sort=sort,
            )
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
        await self._call(self._delete(id, request))

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
