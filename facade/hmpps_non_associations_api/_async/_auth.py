"""`AsyncHmppsAuthClient`, and the source from which scripts/unasync.py writes
`HmppsAuthClient` (`_sync/_auth.py`)."""

from __future__ import annotations

import httpx

from .. import _connections
from .._auth_cache import AUTH_POOL, AuthBase, RefreshTicket, TokenCache, transport_failure
from .._config import AuthConfig
from .._errors import TransportError
from .._sockets import LIMITS
from .._tokens import AsyncTokenProvider
from .._twins import AsyncLock, async_loop_guard
from .._wire import SendError, WireReply
from ._closing import AsyncClosing

__all__ = ["AsyncHmppsAuthClient"]


class AsyncHmppsAuthClient(AuthBase, AsyncClosing):
    """Fetches and caches HMPPS Auth system tokens. `AsyncHmppsAuthClient` serves one
    event loop; its generated twin `HmppsAuthClient` is safe to share between threads.

    `logger` is a `logging.Logger` or anything with info and error methods; `transport`
    replaces the network (tests). Close it, or use it as a context manager.
    """

    def __init__(
        self,
        config: AuthConfig,
        *,
        logger: object | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(config, logger)
        self._cache: TokenCache[AsyncLock] = TokenCache(config.expiry_margin, AsyncLock)
        self._given_transport = transport

    async def get_system_client_token(self, username: str | None = None) -> str:
        """A system token for `username` (an empty one counts as none), from the cache
        while it is fresh.

        Raises a `SanitisedError`: `ClientError`/`ServerError` when Auth refuses,
        `TransportError` when it cannot be reached or answers nonsense.
        """
        async_loop_guard()
        key = username or None
        token = self._cache.cached(key)
        if token is not None:
            return token
        ticket = self._cache.take_ticket(key)
        try:
            async with ticket.lock:
                return self._cache.outcome_since(ticket) or await self._fetch(ticket)
        finally:
            self._cache.return_ticket(ticket)

    def token_provider(self, username: str | None = None) -> AsyncTokenProvider:
        """A zero-argument callable giving the current token for `username`: pass it to
        the API client so every request gets a fresh token."""

        async def provide() -> str:
            return await self.get_system_client_token(username)

        return provide

    async def _fetch(self, ticket: RefreshTicket[AsyncLock]) -> str:
        sent_at = self._cache.clock()
        request = self._token_request(ticket.key)
        answer: WireReply | TransportError
        reset = LIMITS.set(self._limits())
        try:
            answer = await _connections.async_send_once(
                self._origin, AUTH_POOL, request, self._given_transport
            )
        except SendError as failure:
            answer = transport_failure(failure, self.config)
        finally:
            LIMITS.reset(reset)
        return self._settle(ticket, sent_at, answer)
