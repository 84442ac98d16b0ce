from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from ... import errors
from ...types import UNSET, Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.error_response import ErrorResponse
from ...models.prisoner_non_associations import PrisonerNonAssociations
from ...models.sort_by import SortBy
from ...models.sort_direction import SortDirection
from ...types import Unset

METHOD = "GET"
PATH = "/prisoner/{prisonerNumber}/non-associations"


def request_kwargs(
    prisoner_number: str,
    *,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    include_other_prisons: bool | Unset = False,
    sort_by: SortBy | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""

    params: dict[str, Any] = {}

    params["includeOpen"] = include_open

    params["includeClosed"] = include_closed

    params["includeOtherPrisons"] = include_other_prisons

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sortBy"] = json_sort_by

    json_sort_direction: str | Unset = UNSET
    if not isinstance(sort_direction, Unset):
        json_sort_direction = sort_direction.value

    params["sortDirection"] = json_sort_direction

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/prisoner/{prisoner_number}/non-associations".format(
            prisoner_number=quote(str(prisoner_number), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> Any | ErrorResponse | PrisonerNonAssociations | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = PrisonerNonAssociations.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | PrisonerNonAssociations | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | PrisonerNonAssociations]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    prisoner_number: str,
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    include_other_prisons: bool | Unset = False,
    sort_by: SortBy | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> Response[Any | ErrorResponse | PrisonerNonAssociations]:
    """Non-associations of one prisoner

     The prisoner's details and their non-associations, each seen from their side, with the other
    prisoner's details. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        prisoner_number (str):
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        include_other_prisons (bool | Unset):  Default: False.
        sort_by (SortBy | Unset): Fields a prisoner's list can be ordered by
        sort_direction (SortDirection | Unset): Ascending or descending order

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PrisonerNonAssociations]
    """

    kwargs = request_kwargs(
        prisoner_number=prisoner_number,
        include_open=include_open,
        include_closed=include_closed,
        include_other_prisons=include_other_prisons,
        sort_by=sort_by,
        sort_direction=sort_direction,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    prisoner_number: str,
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    include_other_prisons: bool | Unset = False,
    sort_by: SortBy | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> Any | ErrorResponse | PrisonerNonAssociations | None:
    """Non-associations of one prisoner

     The prisoner's details and their non-associations, each seen from their side, with the other
    prisoner's details. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        prisoner_number (str):
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        include_other_prisons (bool | Unset):  Default: False.
        sort_by (SortBy | Unset): Fields a prisoner's list can be ordered by
        sort_direction (SortDirection | Unset): Ascending or descending order

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PrisonerNonAssociations
    """

    return sync_detailed(
        prisoner_number=prisoner_number,
        client=client,
        include_open=include_open,
        include_closed=include_closed,
        include_other_prisons=include_other_prisons,
        sort_by=sort_by,
        sort_direction=sort_direction,
    ).parsed


async def asyncio_detailed(
    prisoner_number: str,
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    include_other_prisons: bool | Unset = False,
    sort_by: SortBy | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> Response[Any | ErrorResponse | PrisonerNonAssociations]:
    """Non-associations of one prisoner

     The prisoner's details and their non-associations, each seen from their side, with the other
    prisoner's details. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        prisoner_number (str):
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        include_other_prisons (bool | Unset):  Default: False.
        sort_by (SortBy | Unset): Fields a prisoner's list can be ordered by
        sort_direction (SortDirection | Unset): Ascending or descending order

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PrisonerNonAssociations]
    """

    kwargs = request_kwargs(
        prisoner_number=prisoner_number,
        include_open=include_open,
        include_closed=include_closed,
        include_other_prisons=include_other_prisons,
        sort_by=sort_by,
        sort_direction=sort_direction,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    prisoner_number: str,
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    include_other_prisons: bool | Unset = False,
    sort_by: SortBy | Unset = UNSET,
    sort_direction: SortDirection | Unset = UNSET,
) -> Any | ErrorResponse | PrisonerNonAssociations | None:
    """Non-associations of one prisoner

     The prisoner's details and their non-associations, each seen from their side, with the other
    prisoner's details. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        prisoner_number (str):
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        include_other_prisons (bool | Unset):  Default: False.
        sort_by (SortBy | Unset): Fields a prisoner's list can be ordered by
        sort_direction (SortDirection | Unset): Ascending or descending order

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PrisonerNonAssociations
    """

    return (
        await asyncio_detailed(
            prisoner_number=prisoner_number,
            client=client,
            include_open=include_open,
            include_closed=include_closed,
            include_other_prisons=include_other_prisons,
            sort_by=sort_by,
            sort_direction=sort_direction,
        )
    ).parsed
