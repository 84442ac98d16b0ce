"""Minting and reading the fake's unsigned tokens."""

from __future__ import annotations

import base64
import json
import time

import pytest
from hmpps_non_associations_api.testing import READ_NON_ASSOCIATIONS, decode_token, mint_token


def segment(document: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()


def test_minted_claims() -> None:
    token = mint_token(roles=["WRITE_NON_ASSOCIATIONS", READ_NON_ASSOCIATIONS], username="ME")
    header, payload, signature = token.split(".")
    assert signature == ""
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == {"alg": "none", "typ": "JWT"}
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    assert claims["authorities"] == ["ROLE_WRITE_NON_ASSOCIATIONS", "ROLE_READ_NON_ASSOCIATIONS"]
    assert (claims["user_name"], claims["scope"], claims["client_id"]) == (
        "ME",
        ["read", "write"],
        "test-client",
    )
    assert claims["exp"] - claims["iat"] == 3600 and claims["jti"]


def test_no_username_claim_without_a_username() -> None:
    payload = mint_token().split(".")[1]
    assert "user_name" not in json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims = decode_token(mint_token())
    assert claims is not None and claims.username is None


def test_an_empty_username_is_still_a_user() -> None:
    claims = decode_token(f"{segment({})}.{segment({'user_name': ''})}.")
    assert claims is not None and claims.username == ""


def test_decoding_reads_other_issuers_layouts() -> None:
    token = ".".join(
        (
            segment({"alg": "RS256"}),
            segment({"authorities": ["READ_NON_ASSOCIATIONS"], "scope": "read write"}),
            "c2lnbmF0dXJl",
        )
    )
    claims = decode_token(token)
    assert claims is not None
    assert (claims.roles, claims.scopes) == (
        frozenset({"READ_NON_ASSOCIATIONS"}),  # as given: the service adds no prefix
        frozenset({"read", "write"}),
    )


@pytest.mark.parametrize(
    "token",
    [
        "",
        "one.two",
        "a.!!!.c",
        f"{segment({})}.{segment([1, 2])}.",
        f"{segment({})}.{segment({'exp': 'soon'})}.",
        f"{segment({})}.{segment({'authorities': [1]})}.",
        f"{segment({})}.{segment({'user_name': 7})}.",
        mint_token(expires_in=-1),
    ],
)
def test_unusable_tokens(token: str) -> None:
    assert decode_token(token) is None


def test_expiry_is_checked_against_now() -> None:
    token = mint_token(expires_in=60)
    assert decode_token(token, now=time.time() + 30) is not None
    assert decode_token(token, now=time.time() + 90) is None
