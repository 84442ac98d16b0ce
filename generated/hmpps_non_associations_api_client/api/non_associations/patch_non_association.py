from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ... import errors
from ...types import Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.error_response import ErrorResponse
from ...models.non_association import NonAssociation
from ...models.patch_non_association_request import PatchNonAssociationRequest

METHOD = "PATCH"
PATH = "/non-associations/{id}"


def request_kwargs(
    id: int,
    *,
    body: PatchNonAssociationRequest,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/non-associations/{id}".format(
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
    body: PatchNonAssociationRequest,
) -> Response[ErrorResponse | NonAssociation]:
    """Change a non-association

     Only the fields sent are changed. Needs the WRITE_NON_ASSOCIATIONS role, the write scope and a
    username in the token.

    Args:
        id (int):
        body (PatchNonAssociationRequest): Fields of a non-association to change; absent ones stay
            as they are

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
    body: PatchNonAssociationRequest,
) -> ErrorResponse | NonAssociation | None:
    """Change a non-association

     Only the fields sent are changed. Needs the WRITE_NON_ASSOCIATIONS role, the write scope and a
    username in the token.

    Args:
        id (int):
        body (PatchNonAssociationRequest): Fields of a non-association to change; absent ones stay
            as they are

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
    body: PatchNonAssociationRequest,
) -> Response[ErrorResponse | NonAssociation]:
    """Change a non-association

     Only the fields sent are changed. Needs the WRITE_NON_ASSOCIATIONS role, the write scope and a
    username in the token.

    Args:
        id (int):
        body (PatchNonAssociationRequest): Fields of a non-association to change; absent ones stay
            as they are

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
    body: PatchNonAssociationRequest,
) -> ErrorResponse | NonAssociation | None:
    """Change a non-association

     Only the fields sent are changed. Needs the WRITE_NON_ASSOCIATIONS role, the write scope and a
    username in the token.

    Args:
        id (int):
        body (PatchNonAssociationRequest): Fields of a non-association to change; absent ones stay
            as they are

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
