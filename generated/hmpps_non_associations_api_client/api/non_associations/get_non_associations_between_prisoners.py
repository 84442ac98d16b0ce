from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast

from ... import errors
from ...types import UNSET, Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.error_response import ErrorResponse
from ...models.non_association import NonAssociation
from ...types import Unset

METHOD = "POST"
PATH = "/non-associations/between"


def request_kwargs(
    *,
    body: list[str] | Unset = UNSET,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    prison_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["includeOpen"] = include_open

    params["includeClosed"] = include_closed

    params["prisonId"] = prison_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/non-associations/between",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> Any | ErrorResponse | list[NonAssociation] | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = NonAssociation.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

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
) -> Any | ErrorResponse | list[NonAssociation] | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | list[NonAssociation]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[str] | Unset = UNSET,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    prison_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | list[NonAssociation]]:
    """Non-associations among a group of prisoners

     Non-associations where both prisoners are in the given list of at least two distinct prisoner
    numbers. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        prison_id (str | Unset):
        body (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | list[NonAssociation]]
    """

    kwargs = request_kwargs(
        body=body,
        include_open=include_open,
        include_closed=include_closed,
        prison_id=prison_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[str] | Unset = UNSET,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    prison_id: str | Unset = UNSET,
) -> Any | ErrorResponse | list[NonAssociation] | None:
    """Non-associations among a group of prisoners

     Non-associations where both prisoners are in the given list of at least two distinct prisoner
    numbers. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        prison_id (str | Unset):
        body (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | list[NonAssociation]
    """

    return sync_detailed(
        client=client,
        body=body,
        include_open=include_open,
        include_closed=include_closed,
        prison_id=prison_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[str] | Unset = UNSET,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    prison_id: str | Unset = UNSET,
) -> Response[Any | ErrorResponse | list[NonAssociation]]:
    """Non-associations among a group of prisoners

     Non-associations where both prisoners are in the given list of at least two distinct prisoner
    numbers. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        prison_id (str | Unset):
        body (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | list[NonAssociation]]
    """

    kwargs = request_kwargs(
        body=body,
        include_open=include_open,
        include_closed=include_closed,
        prison_id=prison_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[str] | Unset = UNSET,
    include_open: bool | Unset = True,
    include_closed: bool | Unset = False,
    prison_id: str | Unset = UNSET,
) -> Any | ErrorResponse | list[NonAssociation] | None:
    """Non-associations among a group of prisoners

     Non-associations where both prisoners are in the given list of at least two distinct prisoner
    numbers. Needs the READ_NON_ASSOCIATIONS role.

    Args:
        include_open (bool | Unset):  Default: True.
        include_closed (bool | Unset):  Default: False.
        prison_id (str | Unset):
        body (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | list[NonAssociation]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            include_open=include_open,
            include_closed=include_closed,
            prison_id=prison_id,
        )
    ).parsed
