from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast

from ... import errors
from ...types import UNSET, Response, ResponseLike

if TYPE_CHECKING:
    import httpx

    from ...client import AuthenticatedClient, Client

import datetime

from ...models.error_response import ErrorResponse
from ...models.hmpps_subject_access_request_content import (
    HmppsSubjectAccessRequestContent,
)
from ...types import Unset

METHOD = "GET"
PATH = "/subject-access-request"


def request_kwargs(
    *,
    prn: str | Unset = UNSET,
    crn: str | Unset = UNSET,
    from_date: datetime.date | Unset = UNSET,
    to_date: datetime.date | Unset = UNSET,
) -> dict[str, Any]:
    """The request as httpx keyword arguments (method, url, params, json, headers)."""

    params: dict[str, Any] = {}

    params["prn"] = prn

    params["crn"] = crn

    json_from_date: str | Unset = UNSET
    if not isinstance(from_date, Unset):
        json_from_date = from_date.isoformat()
    params["fromDate"] = json_from_date

    json_to_date: str | Unset = UNSET
    if not isinstance(to_date, Unset):
        json_to_date = to_date.isoformat()
    params["toDate"] = json_to_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/subject-access-request",
        "params": params,
    }

    return _kwargs


def parse_response(
    response: ResponseLike, *, raise_on_unexpected_status: bool = False
) -> Any | ErrorResponse | HmppsSubjectAccessRequestContent | None:
    """The reply read into the model its status is documented with."""
    if response.status_code == 200:
        response_200 = HmppsSubjectAccessRequestContent.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 209:
        if not response.content:
            return None
        response_209 = ErrorResponse.from_dict(response.json())

        return response_209

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
) -> Any | ErrorResponse | HmppsSubjectAccessRequestContent | None:
    return parse_response(
        response, raise_on_unexpected_status=client.raise_on_unexpected_status
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | HmppsSubjectAccessRequestContent]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    prn: str | Unset = UNSET,
    crn: str | Unset = UNSET,
    from_date: datetime.date | Unset = UNSET,
    to_date: datetime.date | Unset = UNSET,
) -> Response[Any | ErrorResponse | HmppsSubjectAccessRequestContent]:
    """Subject access request content

     Non-associations concerning one person, optionally within dates. Replies 204 when there is nothing
    and 209 when the identifier is not one this service knows. Needs the SAR_DATA_ACCESS role.

    Args:
        prn (str | Unset):
        crn (str | Unset):
        from_date (datetime.date | Unset):
        to_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | HmppsSubjectAccessRequestContent]
    """

    kwargs = request_kwargs(
        prn=prn,
        crn=crn,
        from_date=from_date,
        to_date=to_date,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    prn: str | Unset = UNSET,
    crn: str | Unset = UNSET,
    from_date: datetime.date | Unset = UNSET,
    to_date: datetime.date | Unset = UNSET,
) -> Any | ErrorResponse | HmppsSubjectAccessRequestContent | None:
    """Subject access request content

     Non-associations concerning one person, optionally within dates. Replies 204 when there is nothing
    and 209 when the identifier is not one this service knows. Needs the SAR_DATA_ACCESS role.

    Args:
        prn (str | Unset):
        crn (str | Unset):
        from_date (datetime.date | Unset):
        to_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | HmppsSubjectAccessRequestContent
    """

    return sync_detailed(
        client=client,
        prn=prn,
        crn=crn,
        from_date=from_date,
        to_date=to_date,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    prn: str | Unset = UNSET,
    crn: str | Unset = UNSET,
    from_date: datetime.date | Unset = UNSET,
    to_date: datetime.date | Unset = UNSET,
) -> Response[Any | ErrorResponse | HmppsSubjectAccessRequestContent]:
    """Subject access request content

     Non-associations concerning one person, optionally within dates. Replies 204 when there is nothing
    and 209 when the identifier is not one this service knows. Needs the SAR_DATA_ACCESS role.

    Args:
        prn (str | Unset):
        crn (str | Unset):
        from_date (datetime.date | Unset):
        to_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | HmppsSubjectAccessRequestContent]
    """

    kwargs = request_kwargs(
        prn=prn,
        crn=crn,
        from_date=from_date,
        to_date=to_date,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    prn: str | Unset = UNSET,
    crn: str | Unset = UNSET,
    from_date: datetime.date | Unset = UNSET,
    to_date: datetime.date | Unset = UNSET,
) -> Any | ErrorResponse | HmppsSubjectAccessRequestContent | None:
    """Subject access request content

     Non-associations concerning one person, optionally within dates. Replies 204 when there is nothing
    and 209 when the identifier is not one this service knows. Needs the SAR_DATA_ACCESS role.

    Args:
        prn (str | Unset):
        crn (str | Unset):
        from_date (datetime.date | Unset):
        to_date (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | HmppsSubjectAccessRequestContent
    """

    return (
        await asyncio_detailed(
            client=client,
            prn=prn,
            crn=crn,
            from_date=from_date,
            to_date=to_date,
        )
    ).parsed
