"""Unsigned HMPPS-style JWTs for tests, and the decoder the fake API uses.

Tokens carry the claims HMPPS Auth puts in its access tokens (`authorities`,
`user_name`, `scope`, `client_id`, `exp`, `iat`, `jti`) but are not signed:
the fake trusts whatever a well-formed, unexpired token says.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "ALL_ROLES",
    "DELETE_NON_ASSOCIATIONS",
    "NON_ASSOCIATIONS_SYNC",
    "READ_NON_ASSOCIATIONS",
    "REOPEN_NON_ASSOCIATIONS",
    "SAR_DATA_ACCESS",
    "WRITE_NON_ASSOCIATIONS",
    "TokenClaims",
    "decode_token",
    "mint_token",
]

READ_NON_ASSOCIATIONS = "ROLE_READ_NON_ASSOCIATIONS"
"""Read any non-association."""
WRITE_NON_ASSOCIATIONS = "ROLE_WRITE_NON_ASSOCIATIONS"
"""Create, update and close non-associations (with the `write` scope)."""
DELETE_NON_ASSOCIATIONS = "ROLE_DELETE_NON_ASSOCIATIONS"
"""Delete non-associations made in error (with the `write` scope)."""
REOPEN_NON_ASSOCIATIONS = "ROLE_REOPEN_NON_ASSOCIATIONS"
"""Reopen closed non-associations (with the `write` scope)."""
NON_ASSOCIATIONS_SYNC = "ROLE_NON_ASSOCIATIONS_SYNC"
"""Read the legacy NOMIS-shaped record."""
SAR_DATA_ACCESS = "ROLE_SAR_DATA_ACCESS"
"""Fetch subject access request content."""

ALL_ROLES = (
    READ_NON_ASSOCIATIONS,
    WRITE_NON_ASSOCIATIONS,
    DELETE_NON_ASSOCIATIONS,
    REOPEN_NON_ASSOCIATIONS,
    NON_ASSOCIATIONS_SYNC,
    SAR_DATA_ACCESS,
)
"""Every role the API checks: a token with all of them may call any operation."""

_ROLE_PREFIX = "ROLE_"


def _with_role_prefix(role: str) -> str:
    return role if role.startswith(_ROLE_PREFIX) else _ROLE_PREFIX + role


def _encode_base64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mint_token(
    *,
    roles: Iterable[str] = (),
    username: str | None = None,
    scopes: Iterable[str] = ("read", "write"),
    client_id: str = "test-client",
    expires_in: int = 3600,
) -> str:
    """Build an unsigned JWT; roles may be given with or without the `ROLE_` prefix, and the
    token carries them with it, as HMPPS Auth's tokens do.

    A negative `expires_in` gives a token that has already expired.
    """
    now = int(time.time())
    claims: dict[str, object] = {
        "authorities": [_with_role_prefix(role) for role in roles],
        "scope": list(scopes),
        "client_id": client_id,
        "iat": now,
        "exp": now + expires_in,
        "jti": str(uuid.uuid4()),
    }
    if username is not None:
        claims["user_name"] = username
    header = {"alg": "none", "typ": "JWT"}
    encoded = (_encode_base64url(json.dumps(part).encode()) for part in (header, claims))
    return ".".join((*encoded, ""))  # header, claims and an empty signature


@dataclass(frozen=True)
class TokenClaims:
    """What the fake reads from a bearer token."""

    roles: frozenset[str]
    """Authorities exactly as the token gives them: the service adds no `ROLE_` prefix, so
    an authority without one matches no role."""
    scopes: frozenset[str]
    username: str | None
    """The `user_name` claim; None only when the token has none (an empty one counts)."""
    client_id: str | None


def _decode_base64url(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _string_list(value: object) -> list[str] | None:
    """A claim's strings, given as a JSON list or one space-separated string; else None."""
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def decode_token(token: str, *, now: float | None = None) -> TokenClaims | None:
    """Read a JWT's claims without checking its signature; None if malformed or expired."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        claims = json.loads(_decode_base64url(parts[1]))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(claims, dict):
        return None
    expiry = claims.get("exp")
    if expiry is not None:
        if not isinstance(expiry, int | float) or isinstance(expiry, bool):
            return None
        if expiry <= (time.time() if now is None else now):
            return None
    authorities = _string_list(claims.get("authorities", []))
    scopes = _string_list(claims.get("scope", []))
    username = claims.get("user_name")
    client_id = claims.get("client_id")
    if authorities is None or scopes is None:
        return None
    if not isinstance(username, str | None) or not isinstance(client_id, str | None):
        return None
    return TokenClaims(
        roles=frozenset(authorities),
        scopes=frozenset(scopes),
        username=username,
        client_id=client_id,
    )
