"""What a failure usually means and what to do about it, in words for error messages.

A try that brought no reply is described plainly ("connection refused") before the
library's own words; a status an application can act on (401, 403, a proxy's 407, and
the Auth mistakes that look like them) gets a hint naming the setting or role involved.
"""

from __future__ import annotations

from .._errors._exceptions import ErrorCode, SanitisedError
from .._spec._document import authorisation
from .._transport._wire import SendError

__all__ = ["auth_hint", "failure_words", "reply_hint", "transport_hint"]

TOKEN_REFUSED = (
    "the API refused the token: it may have expired, have been issued by another HMPPS"
    " Auth than the one the API trusts, or be a fixed token kept too long; give the client"
    " a token provider (HmppsAuthClient.token_provider(username)) so each call sends a"
    " current token"
)
NO_USER_IN_TOKEN = (
    "this change needs a token issued for a user: fetch it with the signed-in user's"
    " username (HmppsAuthClient.get_system_client_token(username))"
)
AUTH_CREDENTIALS_REFUSED = (
    "HMPPS Auth refused the system client's credentials: check AuthConfig.client_id and"
    " client_secret (HMPPS_AUTH_CLIENT_ID, HMPPS_AUTH_CLIENT_SECRET) and that"
    " AuthConfig.url is the Auth they belong to"
)
TOKEN_TOO_LATE = (
    "the call's deadline (Timeout.deadline) ran out while its token was being fetched:"
    " allow the call more time, or fetch a token before a short call"
)
AUTH_NOT_FOUND = (
    "there is no token endpoint at that URL: AuthConfig.url (HMPPS_AUTH_URL) is HMPPS"
    " Auth's base URL, ending in /auth"
)


def failure_words(failure: SendError) -> str:
    """A failed try in plain words, with the library's own in brackets:
    `connection refused (ConnectionRefusedError: [Errno 111] Connection refused)`. A body
    that could not be decoded says so itself."""
    if failure.kind == SendError.UNUSABLE:
        return failure.message
    return f"{failure.kind} ({failure.message})"


_TO_CHECK = {
    SendError.REFUSED: "check that the service runs at that address ({config}.url)",
    SendError.HOST_NOT_FOUND: "check the host name in {config}.url",
    SendError.CERTIFICATE: (
        "the certificate is not signed by an authority this client trusts ({config}.verify;"
        " SSL_CERT_FILE names the certificates to trust)"
    ),
    SendError.PROXY: "check the proxy ({config}.proxy, or HTTPS_PROXY and NO_PROXY)",
    SendError.PROXY_UNREACHABLE: (
        "check that the proxy runs at that address ({config}.proxy, or HTTPS_PROXY and HTTP_PROXY)"
    ),
}

PROXY_CREDENTIALS_REFUSED = (
    "a proxy between this client and the service wants credentials it was not given, or"
    " refused those it was: check the user and password in {config}.proxy (or"
    " HTTP_PROXY)"
)


def transport_hint(failure: SendError, config_name: str, response: float) -> str | None:
    """What to check after a try that brought no reply; `config_name` is the
    configuration holding the URL (`ApiConfig` or `AuthConfig`)."""
    if failure.timed_out:
        return f"the service did not answer within the response timeout ({response:g}s)"
    check = _TO_CHECK.get(failure.kind)
    return None if check is None else check.format(config=config_name)


def reply_hint(error: SanitisedError, method: str, template: str, operation: str) -> str | None:
    """What to do about a refusal from the API: for a 401 why the token was refused,
    for a 403 the role the operation needs (from openapi.json)."""
    if error.status == 407:
        return PROXY_CREDENTIALS_REFUSED.format(config="ApiConfig")
    if error.status == 401:
        if error.error_code is ErrorCode.USER_IN_CONTEXT_MISSING:
            return NO_USER_IN_TOKEN
        return TOKEN_REFUSED
    if error.status == 403:
        needed = authorisation(method, template)
        if not needed.roles:
            return None
        roles = " or ".join(needed.roles)
        scopes = "".join(f" and the {scope} scope" for scope in needed.scopes)
        return (
            f"{operation} needs the {roles} role{scopes}, which the token lacks; roles"
            " are granted to the system client (or the user) in HMPPS Auth"
        )
    return None


def auth_hint(status: int) -> str | None:
    """What to do about a refusal from HMPPS Auth's token endpoint."""
    if status == 401:
        return AUTH_CREDENTIALS_REFUSED
    if status in (404, 405):
        return AUTH_NOT_FOUND
    if status == 407:
        return PROXY_CREDENTIALS_REFUSED.format(config="AuthConfig")
    return None
