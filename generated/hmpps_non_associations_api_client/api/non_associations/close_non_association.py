from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ... import errors
from ...types import Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.close_non_association_request import CloseNonAssociationRequest
from ...models.error_response import ErrorResponse
from ...models.non_association import NonAssociation

METHOD = "PUT"
PATH = "/non-associations/{id}/close"


def request_kwargs(
    id: int,
    *,
    body: CloseNonAssociationRequest,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/non-associations/{id}/close".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> ErrorResponse | NonAssociation | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = NonAssociation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        if not response.content:
            return None
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
) -> ErrorResponse | NonAssociation | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | NonAssociation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CloseNonAssociationRequest,
) -> Response[ErrorResponse | NonAssociation]:
    """Close a non-association

     Marks it no longer in force; error code 100 if it is closed already. Needs the
    WRITE_NON_ASSOCIATIONS role, the write scope and, unless closedBy is sent, a username in the token.

    Args:
        id (int):
        body (CloseNonAssociationRequest): Closing a non-association

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NonAssociation]
    """

    kwargs = request_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CloseNonAssociationRequest,
) -> ErrorResponse | NonAssociation | None:
    """Close a non-association

     Marks it no longer in force; error code 100 if it is closed already. Needs the
    WRITE_NON_ASSOCIATIONS role, the write scope and, unless closedBy is sent, a username in the token.

    Args:
        id (int):
        body (CloseNonAssociationRequest): Closing a non-association

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NonAssociation
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CloseNonAssociationRequest,
) -> Response[ErrorResponse | NonAssociation]:
    """Close a non-association

     Marks it no longer in force; error code 100 if it is closed already. Needs the
    WRITE_NON_ASSOCIATIONS role, the write scope and, unless closedBy is sent, a username in the token.

    Args:
        id (int):
        body (CloseNonAssociationRequest): Closing a non-association

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NonAssociation]
    """

    kwargs = request_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: CloseNonAssociationRequest,
) -> ErrorResponse | NonAssociation | None:
    """Close a non-association

     Marks it no longer in force; error code 100 if it is closed already. Needs the
    WRITE_NON_ASSOCIATIONS role, the write scope and, unless closedBy is sent, a username in the token.

    Args:
        id (int):
        body (CloseNonAssociationRequest): Closing a non-association

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NonAssociation
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
