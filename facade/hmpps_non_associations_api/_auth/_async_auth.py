"""`AsyncHmppsAuthClient`: system tokens from HMPPS Auth, for asyncio code.
scripts/unasync.py writes the thread twin, `_sync_auth.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._call._tokens import CALL_BOUNDS
from .._errors._exceptions import TransportError
from .._settings._config import AuthConfig
from .._transport._async_owned import AsyncOwnsTransport
from .._transport._twins import AsyncLock, async_loop_guard
from .._transport._wire import SendError, WireReply
from ._cache import AuthBase, RefreshTicket, TokenCache, transport_failure

if TYPE_CHECKING:
    import httpx

__all__ = ["AsyncHmppsAuthClient", "AsyncUserTokenProvider"]


class AsyncHmppsAuthClient(AuthBase, AsyncOwnsTransport):
    """Fetches and caches HMPPS Auth system tokens, for asyncio code: one per event
    loop. (`HmppsAuthClient`, for threads, is safe to share between them.)

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
        self._choose(transport, self._destination)
        self._cache: TokenCache[AsyncLock] = TokenCache(config.expiry_margin, AsyncLock)

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

    def token_provider(self, username: str | None = None) -> AsyncUserTokenProvider:
        """A zero-argument callable giving the current token for `username`: pass it to
        the API client so every request gets a fresh token (and a token the API refuses
        is fetched anew, once)."""
        return AsyncUserTokenProvider(self, username)

    async def _fetch(self, ticket: RefreshTicket[AsyncLock]) -> str:
        sent_at = self._cache.clock()
        request = self._token_request(ticket.key)
        answer: WireReply | TransportError
        outer = CALL_BOUNDS.get()  # the API call's, when its token provider asks
        bounds = self._bounds(outer)
        try:
            answer = await self._transport.send(request, bounds)
        except SendError as failure:
            answer = transport_failure(failure, self.config, bounds, outer)
        return self._settle(ticket, sent_at, answer)


class AsyncUserTokenProvider:
    """What `token_provider(username)` gives: called, the current token for the user
    (from the cache while fresh); told a token was refused (`renew`), it forgets it,
    so the next call fetches a new one."""

    __slots__ = ("_client", "username")

    def __init__(self, client: AsyncHmppsAuthClient, username: str | None) -> None:
        self._client = client
        self.username = username

    async def __call__(self) -> str:
        return await self._client.get_system_client_token(self.username)

    def renew(self, refused: str) -> None:
        """Forget `refused`, if it is still the user's cached token."""
        self._client._cache.forget(self.username or None, refused)

    def __repr__(self) -> str:
        return f"{type(self._client).__name__}.token_provider({self.username!r})"
