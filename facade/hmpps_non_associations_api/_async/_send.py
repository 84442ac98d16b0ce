"""The send loop: one request, tried under the rules of `Call` until it has an outcome.

scripts/unasync.py writes its thread twin, `_sync/_send.py`.
"""

from __future__ import annotations

import httpx

from .. import _connections
from .._sockets import LIMITS
from .._tokens import async_token
from .._transport import ApiTransport, Call
from .._twins import async_loop_guard, async_sleep
from .._wire import SendError, WireReply, WireRequest

__all__ = ["async_send"]


async def async_send(
    transport: ApiTransport,
    request: WireRequest,
    template: str,
    operation: str,
    *,
    authorised: bool = True,
) -> WireReply:
    """The final reply to `request`, or the SanitisedError that ends it. `template` is
    the operation's path template (plugins, telemetry), `operation` the client method's
    name (telemetry, errors); `authorised=False` sends no token (the health check)."""
    async_loop_guard()
    inner = transport.inner
    if inner is not None and not isinstance(inner, httpx.AsyncBaseTransport):
        raise TypeError(f"transport= is of the other kind of client: {type(inner).__name__}")
    call = Call(transport, request, template, operation)
    reset = LIMITS.set(call.limits)
    try:
        while True:
            call.begin(await async_token(transport.token, call) if authorised else None)
            try:
                reply = await _connections.async_send_once(
                    transport.origin, transport.settings, request, inner
                )
            except SendError as failure:
                outcome = call.failed(failure)
            else:
                outcome = call.responded(reply)
            if not isinstance(outcome, float):
                return call.finish(outcome)
            await async_sleep(outcome)
    except BaseException as exc:
        call.interrupted(exc)
        raise
    finally:
        LIMITS.reset(reset)
