"""A Flask application that calls the Non-associations API for its signed-in users.

    HMPPS_NON_ASSOCIATIONS_API_URL=... HMPPS_AUTH_URL=... HMPPS_AUTH_CLIENT_ID=... \
    HMPPS_AUTH_CLIENT_SECRET=... flask --app examples/flask_app.py run

What it shows: the configuration read from the environment once, when the
application is made; a system token from HMPPS Auth for the signed-in user and a
client built for each request; the client's errors turned into HTTP answers; a
`/health` that reports the API's; the shared connections closed when the process
exits. A real application takes the user from its session
(hmpps-auth sign-in); this one reads the `X-User` header so that it can be tried
with curl and tested without a sign-in flow.
"""

from __future__ import annotations

import atexit
import logging
from typing import Any

from flask import Flask, Response, abort, jsonify, request
from hmpps_non_associations_api import (
    ApiConfig,
    ApiTimeoutError,
    AuthConfig,
    BadRequestError,
    ConflictError,
    ErrorResponse,
    ForbiddenError,
    HmppsAuthClient,
    NonAssociationsApi,
    NotFoundError,
    SanitisedError,
    close_pools,
)

logger = logging.getLogger("flask_app")

# Every client in the process shares one pool of keep-alive connections: close it once,
# when the process exits, not after each request.
atexit.register(close_pools)


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


def create_app() -> Flask:
    """The application; its configuration comes from the environment."""
    app = Flask(__name__)
    api_config = ApiConfig.from_env()
    hmpps_auth = HmppsAuthClient(AuthConfig.from_env(), logger=logger)

    def api() -> NonAssociationsApi:
        """A client for this request, with a system token for the signed-in user."""
        username = request.headers.get("X-User")
        if not username:
            abort(401)
        system_token = hmpps_auth.get_system_client_token(username)
        return NonAssociationsApi(system_token, api_config, logger)

    @app.get("/health")
    def health() -> Any:
        """The application's health, with the Non-associations API as one component
        (`ping()` sends no token: the provider is never asked)."""
        with NonAssociationsApi(hmpps_auth.token_provider(), api_config, logger) as client:
            try:
                component = {"status": client.ping()}
            except SanitisedError as error:
                component = {"status": "DOWN", "error": str(error)}
        up = component["status"] == "UP"
        body = {"status": "UP" if up else "DOWN", "components": {"nonAssociationsApi": component}}
        return body, 200 if up else 503

    @app.errorhandler(SanitisedError)
    def api_failed(error: SanitisedError) -> tuple[Response, int]:
        return jsonify(error_body(error)), http_status(error)

    @app.get("/prisoner/<prisoner_number>/non-associations")
    def prisoner_non_associations(prisoner_number: str) -> Any:
        with api() as client:
            try:
                listing = client.list_non_associations(prisoner_number)
            except ValueError as invalid:  # checked before sending: not a prisoner number
                return jsonify({"message": str(invalid)}), 400
        return listing.to_dict()

    @app.get("/non-associations/<int:non_association_id>")
    def non_association(non_association_id: int) -> Any:
        with api() as client:
            return client.get_non_association(non_association_id).to_dict()

    @app.post("/non-associations")
    def create() -> Any:
        with api() as client:
            try:  # the body as posted: the client checks every field before sending
                created = client.create_non_association(request.get_json())
            except (TypeError, ValueError) as invalid:  # a field missing, unknown or wrong
                return jsonify({"message": str(invalid)}), 400
        return created.to_dict(), 201

    @app.put("/non-associations/<int:non_association_id>/close")
    def close(non_association_id: int) -> Any:
        reason = (request.get_json(silent=True) or {}).get("reason")
        if not isinstance(reason, str) or not reason.strip():
            return jsonify({"message": "give a reason"}), 400
        with api() as client:
            closed = client.close_non_association(non_association_id, {"closedReason": reason})
        return closed.to_dict()

    return app
