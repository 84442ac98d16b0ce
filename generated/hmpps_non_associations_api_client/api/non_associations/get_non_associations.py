from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast

from ... import errors
from ...types import UNSET, Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.error_response import ErrorResponse
from ...models.non_association_sort_property import NonAssociationSortProperty
from ...models.page_non_association import PageNonAssociation
from ...types import Unset

METHOD = "GET"
PATH = "/non-associations"


def request_kwargs(
    *,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: list[NonAssociationSortProperty | str] | Unset = UNSET,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""

    params: dict[str, Any] = {}

    params["includeOpen"] = include_open

    params["includeClosed"] = include_closed

    params["page"] = page

    params["size"] = size

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item: str
            if isinstance(sort_item_data, NonAssociationSortProperty):
                sort_item = sort_item_data.value
            else:
                sort_item = sort_item_data
            json_sort.append(sort_item)

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/non-associations",
        "params": params,
    }

    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> Any | ErrorResponse | PageNonAssociation | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = PageNonAssociation.from_dict(response.json())

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
) -> Any | ErrorResponse | PageNonAssociation | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | PageNonAssociation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: list[NonAssociationSortProperty | str] | Unset = UNSET,
) -> Response[Any | ErrorResponse | PageNonAssociation]:
    """Page through all non-associations

     Every non-association, filtered by open or closed state, a page at a time. Needs the
    READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (list[NonAssociationSortProperty | str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PageNonAssociation]
    """

    kwargs = request_kwargs(
        include_open=include_open,
        include_closed=include_closed,
        page=page,
        size=size,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: list[NonAssociationSortProperty | str] | Unset = UNSET,
) -> Any | ErrorResponse | PageNonAssociation | None:
    """Page through all non-associations

     Every non-association, filtered by open or closed state, a page at a time. Needs the
    READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (list[NonAssociationSortProperty | str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PageNonAssociation
    """

    return sync_detailed(
        client=client,
        include_open=include_open,
        include_closed=include_closed,
        page=page,
        size=size,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: list[NonAssociationSortProperty | str] | Unset = UNSET,
) -> Response[Any | ErrorResponse | PageNonAssociation]:
    """Page through all non-associations

     Every non-association, filtered by open or closed state, a page at a time. Needs the
    READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (list[NonAssociationSortProperty | str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | PageNonAssociation]
    """

    kwargs = request_kwargs(
        include_open=include_open,
        include_closed=include_closed,
        page=page,
        size=size,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    page: int | Unset = 0,
    size: int | Unset = 20,
    sort: list[NonAssociationSortProperty | str] | Unset = UNSET,
) -> Any | ErrorResponse | PageNonAssociation | None:
    """Page through all non-associations

     Every non-association, filtered by open or closed state, a page at a time. Needs the
    READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        page (int | Unset):  Default: 0.
        size (int | Unset):  Default: 20.
        sort (list[NonAssociationSortProperty | str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | PageNonAssociation
    """

    return (
        await asyncio_detailed(
            client=client,
            include_open=include_open,
            include_closed=include_closed,
            page=page,
            size=size,
            sort=sort,
        )
    ).parsed
