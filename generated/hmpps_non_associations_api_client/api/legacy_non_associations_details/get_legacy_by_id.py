from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from ... import errors
from ...types import Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.error_response import ErrorResponse
from ...models.legacy_non_association import LegacyNonAssociation

METHOD = "GET"
PATH = "/legacy/api/non-associations/{id}"


def request_kwargs(
    id: int,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/legacy/api/non-associations/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> Any | ErrorResponse | LegacyNonAssociation | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = LegacyNonAssociation.from_dict(response.json())

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
) -> Any | ErrorResponse | LegacyNonAssociation | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | LegacyNonAssociation]:
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
) -> Response[Any | ErrorResponse | LegacyNonAssociation]:
    """One non-association in the old NOMIS format

     For synchronisation with NOMIS only; new code should read the prisoner list. Needs the
    NON_ASSOCIATIONS_SYNC role.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | LegacyNonAssociation]
    """

    kwargs = request_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | LegacyNonAssociation | None:
    """One non-association in the old NOMIS format

     For synchronisation with NOMIS only; new code should read the prisoner list. Needs the
    NON_ASSOCIATIONS_SYNC role.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | LegacyNonAssociation
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorResponse | LegacyNonAssociation]:
    """One non-association in the old NOMIS format

     For synchronisation with NOMIS only; new code should read the prisoner list. Needs the
    NON_ASSOCIATIONS_SYNC role.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | LegacyNonAssociation]
    """

    kwargs = request_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorResponse | LegacyNonAssociation | None:
    """One non-association in the old NOMIS format

     For synchronisation with NOMIS only; new code should read the prisoner list. Needs the
    NON_ASSOCIATIONS_SYNC role.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | LegacyNonAssociation
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
