from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast

from ... import errors
from ...types import Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

from ...models.constants_response_200 import ConstantsResponse200
from ...models.error_response import ErrorResponse

METHOD = "GET"
PATH = "/constants"


def request_kwargs() -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/constants",
    }

    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> Any | ConstantsResponse200 | ErrorResponse | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = ConstantsResponse200.from_dict(response.json())

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
) -> Any | ConstantsResponse200 | ErrorResponse | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ConstantsResponse200 | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ConstantsResponse200 | ErrorResponse]:
    """Code lists

     Every role, reason and restriction type code with its display text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConstantsResponse200 | ErrorResponse]
    """

    kwargs = request_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | ConstantsResponse200 | ErrorResponse | None:
    """Code lists

     Every role, reason and restriction type code with its display text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConstantsResponse200 | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ConstantsResponse200 | ErrorResponse]:
    """Code lists

     Every role, reason and restriction type code with its display text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ConstantsResponse200 | ErrorResponse]
    """

    kwargs = request_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | ConstantsResponse200 | ErrorResponse | None:
    """Code lists

     Every role, reason and restriction type code with its display text.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ConstantsResponse200 | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
