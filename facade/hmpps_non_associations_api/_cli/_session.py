"""The clients a command uses, configured as applications are: the environment's
variables (`ApiConfig.from_env`, `AuthConfig.from_env`), with `--api-url` and
`--auth-url` over them, and system tokens from HMPPS Auth for `--username`."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Self

import hmpps_non_associations_api as package
from hmpps_non_associations_api import ApiConfig, AuthConfig

if TYPE_CHECKING:
    from hmpps_non_associations_api import NonAssociationsApi, Plugin, TokenSource

from ._exits import UsageError

__all__ = ["API_URL", "AUTH_URL", "Session"]

API_URL = "HMPPS_NON_ASSOCIATIONS_API_URL"
AUTH_URL = "HMPPS_AUTH_URL"
_SETTINGS = (
    f"{API_URL} (or --api-url), {AUTH_URL} (or --auth-url), HMPPS_AUTH_CLIENT_ID and"
    " HMPPS_AUTH_CLIENT_SECRET, as for applications"
)


def _no_token() -> str:
    """The token source of `ping`, which the client sends without a token: never asked."""
    raise RuntimeError("ping is sent without a token")


class Session:
    """Reads the configuration on entering (missing or bad settings are `UsageError`),
    hands out clients, and closes them and the HMPPS Auth client on leaving. Without
    `needs_token` (`ping`) HMPPS Auth is neither configured nor asked."""

    def __init__(
        self,
        environ: Mapping[str, str],
        *,
        api_url: str | None,
        auth_url: str | None,
        username: str | None,
        needs_token: bool,
    ) -> None:
        self._environ = {**environ}
        if api_url is not None:
            self._environ[API_URL] = api_url
        if auth_url is not None:
            self._environ[AUTH_URL] = auth_url
        self._username = username
        self._needs_token = needs_token
        self._closing = contextlib.ExitStack()
        self._token: TokenSource = _no_token

    def __enter__(self) -> Self:
        try:
            self._api_config = ApiConfig.from_env(self._environ)
            auth_config = AuthConfig.from_env(self._environ) if self._needs_token else None
        except (TypeError, ValueError) as error:
            raise UsageError(f"{error}; the command reads {_SETTINGS}") from None
        if auth_config is not None:
            auth = self._closing.enter_context(package.HmppsAuthClient(auth_config))
            self._token = auth.token_provider(self._username)
        return self

    def client(self, plugins: Sequence[Plugin] = ()) -> NonAssociationsApi:
        """A client for the configured API, with the user's system tokens."""
        return self._closing.enter_context(
            package.NonAssociationsApi(self._token, self._api_config, plugins=plugins)
        )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._closing.close()
