"""The send loop: one call, tried under its rules (`Call`) until it has an outcome.

It only does what needs I/O: gets the token for each try, sends the try, waits before
the next; the call decides what comes of each and tells its observers.
scripts/unasync.py writes the thread twin, `_sync_send.py`.
"""

from __future__ import annotations

from .._errors._exceptions import SanitisedError
from .._transport._interface import AsyncTransport
from .._transport._twins import async_loop_guard, async_sleep
from .._transport._wire import SendError, WireReply
from ._channel import Channel
from ._rules import Call, Retry
from ._tokens import async_token, renew

__all__ = ["async_send"]


async def async_send(channel: Channel[AsyncTransport], call: Call) -> WireReply:
    """The final reply to the call's request, or the SanitisedError that ends it, sent
    through the channel's transport within the call's bounds."""
    async_loop_guard()
    transport, request, bounds = channel.transport, call.request, call.bounds
    try:
        while True:
            token = channel.fixed_token if call.authorised else None
            if call.authorised and token is None:
                try:
                    token = await async_token(channel.token, bounds)
                except TimeoutError:
                    raise call.token_too_late() from None
            call.start_try(token)
            try:
                reply = await transport.send(request, bounds)
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
