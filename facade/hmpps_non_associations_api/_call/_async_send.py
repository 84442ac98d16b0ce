"""The send loop: one call, tried under its rules (`Call`) until it has an outcome.

It only does what needs I/O: gets the token for each try, sends the try, waits before
the next; the call decides what comes of each and tells its observers.
scripts/unasync.py writes the thread twin, `_sync_send.py`.
"""

from __future__ import annotations

import httpx

from .._errors._exceptions import SanitisedError
from .._transport._sockets import BOUNDS
from .._transport._twins import async_loop_guard, async_sleep
from .._transport._wire import SendError, WireReply
from ._async_try import async_try_once
from ._channel import Channel
from ._rules import Call, Retry
from ._tokens import async_token, renew

__all__ = ["async_send"]


async def async_send(
    channel: Channel, call: Call, inner: httpx.AsyncBaseTransport | None
) -> WireReply:
    """The final reply to the call's request, or the SanitisedError that ends it: over
    the shared connections, or `inner`, the httpx transport the client was given."""
    async_loop_guard()
    reset = BOUNDS.set(call.bounds)
    try:
        while True:
            token = channel.fixed_token if call.authorised else None
            if call.authorised and token is None:
                try:
                    token = await async_token(channel.token, call.remaining())
                except TimeoutError:
                    raise call.token_too_late() from None
            call.start_try(token)
            try:
                reply = await async_try_once(channel.destination, call.request, inner)
            except SendError as failure:
                outcome = call.after_failure(failure)
            else:
                outcome = call.after_reply(reply)
            if isinstance(outcome, SanitisedError):
                raise outcome
            if not isinstance(outcome, Retry):
                return outcome
            if outcome.renew_token and token is not None:
                renew(channel.token, token)
            await async_sleep(outcome.delay)
    except BaseException as exc:
        call.interrupted(exc)
        raise
    finally:
        BOUNDS.reset(reset)
