"""A FastAPI application that calls the Non-associations API for its signed-in users.

    HMPPS_NON_ASSOCIATIONS_API_URL=... HMPPS_AUTH_URL=... HMPPS_AUTH_CLIENT_ID=... \
    HMPPS_AUTH_CLIENT_SECRET=... uvicorn --app-dir examples fastapi_app:app

The asyncio counterpart of flask_app.py: the configuration and the HMPPS Auth client
made in the lifespan, a client for each request with a system token for the
signed-in user (a dependency), the client's errors turned into HTTP answers, and the
event loop's shared connections closed at shutdown. The user comes from the `X-User`
header here; a real application takes it from its session.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, cast

from fastapi import Body, Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from hmpps_non_associations_api import (
    ApiConfig,
    ApiTimeoutError,
    AsyncHmppsAuthClient,
    AsyncNonAssociationsApi,
    AuthConfig,
    BadRequestError,
    ConflictError,
    CreateNonAssociationRequestDict,
    ErrorResponse,
    ForbiddenError,
    NotFoundError,
    SanitisedError,
    aclose_pools,
)

logger = logging.getLogger("fastapi_app")


def http_status(error: SanitisedError) -> int:
    """The status this application answers with when a call to the API failed."""
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, ConflictError):
        return 409
    if isinstance(error, ForbiddenError):
        return 403
    if isinstance(error, BadRequestError):
        return 400
    if isinstance(error, ApiTimeoutError):
        return 504
    # Credentials refused (401), rate limited (429), server errors, no usable response:
    # nothing the user can put right.
    return 502


def error_body(error: SanitisedError) -> dict[str, Any]:
    """What the user is told: the API's own message when it sent one."""
    message = error.data.user_message if isinstance(error.data, ErrorResponse) else error.message
    code = error.error_code.value if error.error_code is not None else None
    return {"message": message, "errorCode": code}


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Read the configuration at start-up; close the loop's connections at shutdown."""
    app.state.api_config = ApiConfig.from_env()
    async with AsyncHmppsAuthClient(AuthConfig.from_env(), logger=logger) as hmpps_auth:
        app.state.hmpps_auth = hmpps_auth
        yield
    await aclose_pools()


app = FastAPI(lifespan=lifespan)


async def api(
    request: Request, x_user: Annotated[str | None, Header()] = None
) -> AsyncIterator[AsyncNonAssociationsApi]:
    """A client for this request, with a system token for the signed-in user."""
    if not x_user:
        raise HTTPException(status_code=401)
    system_token = await request.app.state.hmpps_auth.get_system_client_token(x_user)
    async with AsyncNonAssociationsApi(
        system_token, request.app.state.api_config, logger
    ) as client:
        yield client


Api = Annotated[AsyncNonAssociationsApi, Depends(api)]


@app.get("/health")
async def health(request: Request) -> JSONResponse:
    """The application's health, with the Non-associations API as one component
    (`ping()` sends no token: the provider is never asked)."""
    state = request.app.state
    async with AsyncNonAssociationsApi(
        state.hmpps_auth.token_provider(), state.api_config, logger
    ) as client:
        try:
            component = {"status": await client.ping()}
        except SanitisedError as error:
            component = {"status": "DOWN", "error": str(error)}
    up = component["status"] == "UP"
    body = {"status": "UP" if up else "DOWN", "components": {"nonAssociationsApi": component}}
    return JSONResponse(body, status_code=200 if up else 503)


@app.exception_handler(SanitisedError)
async def api_failed(request: Request, error: SanitisedError) -> JSONResponse:
    return JSONResponse(error_body(error), status_code=http_status(error))


@app.get("/prisoner/{prisoner_number}/non-associations")
async def prisoner_non_associations(prisoner_number: str, client: Api) -> dict[str, Any]:
    try:
        listing = await client.list_non_associations(prisoner_number)
    except ValueError as invalid:  # checked before sending: not a prisoner number
        raise HTTPException(status_code=400, detail=str(invalid)) from None
    return listing.to_dict()


@app.get("/non-associations/{non_association_id}")
async def non_association(non_association_id: int, client: Api) -> dict[str, Any]:
    return (await client.get_non_association(non_association_id)).to_dict()


@app.post("/non-associations", status_code=201)
async def create(body: Annotated[dict[str, Any], Body()], client: Api) -> dict[str, Any]:
    try:  # the body as posted: the client checks every field before sending
        created = await client.create_non_association(cast(CreateNonAssociationRequestDict, body))
    except (TypeError, ValueError) as invalid:  # a field missing, unknown or wrong
        raise HTTPException(status_code=400, detail=str(invalid)) from None
    return created.to_dict()


@app.put("/non-associations/{non_association_id}/close")
async def close(
    non_association_id: int, reason: Annotated[str, Body(embed=True)], client: Api
) -> dict[str, Any]:
    if not reason.strip():
        raise HTTPException(status_code=400, detail="give a reason")
    closed = await client.close_non_association(non_association_id, {"closedReason": reason})
    return closed.to_dict()
