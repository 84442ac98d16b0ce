"""What the two clients share: each method's call described as data (`CallSpec`: an
operation from the table, its checked arguments, how its result is shaped), the call
made from it, the reply read back, per-client options, and the escape hatch for paths
the generated client does not know yet.

`AsyncNonAssociationsApi` (`_async_client.py`) and its generated twin
`NonAssociationsApi` (`_sync_client.py`) only send and wait.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, NamedTuple, Self, TypeVar

import attrs
import msgspec
from hmpps_non_associations_api_client.models import (
    CloseNonAssociationRequest,
    Constant,
    ConstantsResponse200,
    CreateNonAssociationRequest,
    DeleteNonAssociationRequest,
    ErrorResponse,
    HmppsSubjectAccessRequestContent,
    LegacyNonAssociation,
    NonAssociation,
    PageNonAssociation,
    PatchNonAssociationRequest,
    PrisonerNonAssociations,
    ReopenNonAssociationRequest,
    SortBy,
    SortDirection,
)
from hmpps_non_associations_api_client.request_dicts import (
    CloseNonAssociationRequestDict,
    CreateNonAssociationRequestDict,
    DeleteNonAssociationRequestDict,
    PatchNonAssociationRequestDict,
    ReopenNonAssociationRequestDict,
)
from hmpps_non_associations_api_client.types import UNSET, Unset

from .._call import _telemetry
from .._call._channel import Channel
from .._call._logs import Log
from .._call._observers import API_NAME
from .._call._plugins import Plugin
from .._call._rules import Call
from .._call._tokens import AsyncTokenSource, checked
from .._errors._exceptions import JsonValue, UnreadableResponseError
from .._settings._config import ApiConfig, RetryPolicy, Timeout
from .._settings._headers import Headers
from .._spec import _validation as check
from .._transport._destination import Destination
from .._transport._wire import UnreadableBody, WireReply, WireRequest
from . import _operations as ops
from . import _paths as paths
from ._answers import ByPrisoner, group_by_location, involving_each, with_prisoner
from ._operations import Operation
from ._raw import RawResponse
from ._results import ClosedNonAssociation, OpenNonAssociation

__all__ = [
    "ApiBase",
    "CallSpec",
    "CloseRequest",
    "CreateRequest",
    "DeleteRequest",
    "PatchRequest",
    "ReopenRequest",
    "Sort",
    "handed_over",
]

T = TypeVar("T")

# A request is the generated model or a dict in the API's JSON shape, typed so that a
# type checker refuses a misspelt key or a wrong type in a literal dict. (Any mapping is
# checked the same way at run time.)
CloseRequest = CloseNonAssociationRequest | CloseNonAssociationRequestDict
CreateRequest = CreateNonAssociationRequest | CreateNonAssociationRequestDict
DeleteRequest = DeleteNonAssociationRequest | DeleteNonAssociationRequestDict
PatchRequest = PatchNonAssociationRequest | PatchNonAssociationRequestDict
ReopenRequest = ReopenNonAssociationRequest | ReopenNonAssociationRequestDict
Sort = str | Sequence[str]


class CallSpec(NamedTuple, Generic[T]):
    """One call as data: the operation, its checked arguments (the generated module's
    `request_kwargs` arguments, or for an operation without one, the request as httpx
    keyword arguments) and, as `T`, what the client method gives back: the parsed
    reply, put in shape by `shape` when the method gives something else. (A named
    tuple: one is made for every call.)"""

    operation: Operation
    kwargs: Mapping[str, Any]
    shape: Callable[[Any], T] | None = None


@attrs.frozen
class CallOptions:
    """What each call of a client runs under: the timeouts, the retry policy and the
    headers sent with every request (the User-Agent composed)."""

    timeout: Timeout
    retry: RetryPolicy
    headers: Headers
    sent: dict[str, str] = attrs.field(eq=False, repr=False)

    @classmethod
    def of(cls, timeout: Timeout, retry: RetryPolicy, headers: Headers) -> CallOptions:
        return cls(timeout, retry, headers, headers.sent())


def handed_over(items: list[NonAssociation]) -> Iterator[NonAssociation]:
    """Each item in order, forgotten as it is handed over, so a walk through every page
    holds no more than one page at a time."""
    items.reverse()
    while items:
        yield items.pop()


def _unset_if_none(value: Any) -> Any:
    """None means "not given": the generated operations want UNSET for that."""
    return UNSET if value is None else value


# The two searches, with the operation ID their request checks are read under.
_BETWEEN = (ops.GROUP_BETWEEN, "getNonAssociationsBetweenPrisoners")
_INVOLVING = (ops.GROUP_INVOLVING, "getNonAssociationsInvolvingPrisoners")


def _search(
    numbers: list[str], include_open: bool, include_closed: bool, prison_id: str | None
) -> dict[str, Any]:
    """A between or involving search's arguments, the numbers and flags checked already."""
    return {
        "body": numbers,
        "include_open": include_open,
        "include_closed": include_closed,
        "prison_id": _unset_if_none(check.optional_text("prison_id", prison_id)),
    }


# Where a walk through every page reads them: for a page that does not advance the walk.
_WALK = ("iter_non_associations", "GET", "/non-associations", "/non-associations")


class ApiBase:
    """Argument checks, calls as data, reply parsing and options, for both clients."""

    _raw_replies = False
    """Set on the copy `with_raw_response` uses: calls give a RawResponse."""

    group_by_location = staticmethod(group_by_location)
    """A prisoner's listing by where the other prisoners are (also a function of the
    package: it needs no client)."""

    _channel: Channel[Any]

    def __init__(
        self,
        system_token: AsyncTokenSource,
        config: ApiConfig,
        logger: object | None,
        plugins: Iterable[Plugin],
        transport_for: Callable[[Destination], Any],
    ) -> None:
        """`transport_for` gives the transport for the configuration's destination: the
        client's kind (asyncio or threads) and what the application passed decide."""
        if isinstance(system_token, str) and not system_token:
            raise ValueError("system_token is empty")
        if isinstance(system_token, str):
            checked(system_token)
        elif not callable(system_token):
            raise TypeError("system_token must be a token string or a callable returning one")
        if not isinstance(config, ApiConfig):
            raise TypeError("config must be an ApiConfig")
        self.config = config
        destination = Destination.of(
            config.url, config.limits, config.proxy, config.trust_env, config.verify, config.cert
        )
        transport = transport_for(destination)
        self._channel = Channel(destination, transport, system_token, Log(logger), plugins)
        self._options = CallOptions.of(config.timeout, config.retry, config.headers)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self.config.url!r})"

    def with_options(
        self,
        *,
        timeout: Timeout | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A client like this one with these settings changed: `timeout` and `retry`
        replace this client's, `headers` are added to its own (replacing any of the same
        name). Cheap: it shares this client's connections, token source, logger and
        plugins, so it needs no closing of its own."""
        if timeout is not None and not isinstance(timeout, Timeout):
            raise TypeError("timeout must be a Timeout, e.g. Timeout(response=5, deadline=15)")
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise TypeError("retry must be a RetryPolicy, e.g. RetryPolicy(attempts=1)")
        options = self._options
        added = Headers(headers, "with_options(headers=...)") if headers else Headers()
        changed = copy.copy(self)
        changed._options = CallOptions.of(
            timeout or options.timeout, retry or options.retry, options.headers.merged(added)
        )
        return changed

    def _raw_copy(self) -> Self:
        """This client, giving each call's RawResponse (for `with_raw_response`)."""
        raw = copy.copy(self)
        raw._raw_replies = True
        return raw

    # --- calls as data ----------------------------------------------------------------

    @staticmethod
    def _constants() -> CallSpec[dict[str, list[Constant]]]:
        return CallSpec(ops.CONSTANTS, {}, _constant_lists)

    @staticmethod
    def _list(
        prisoner_number: str,
        include_open: bool,
        include_closed: bool,
        include_other_prisons: bool,
        sort_by: SortBy | str,
        sort_direction: SortDirection | str,
    ) -> CallSpec[PrisonerNonAssociations]:
        check.check_include(include_open, include_closed)
        kwargs = {
            "prisoner_number": check.prisoner_number(prisoner_number),
            "include_open": include_open,
            "include_closed": include_closed,
            "include_other_prisons": check.flag("include_other_prisons", include_other_prisons),
            "sort_by": check.enum_member(SortBy, sort_by, "sort_by"),
            "sort_direction": check.enum_member(SortDirection, sort_direction, "sort_direction"),
        }
        return CallSpec(ops.LIST, kwargs)

    @staticmethod
    def _group(
        between: bool,
        prisoner_numbers: Iterable[str],
        include_open: bool,
        include_closed: bool,
        prison_id: str | None,
    ) -> CallSpec[list[NonAssociation]]:
        check.check_include(include_open, include_closed)
        operation, operation_id = _BETWEEN if between else _INVOLVING
        numbers = check.prisoner_numbers(operation_id, prisoner_numbers)
        return CallSpec(operation, _search(numbers, include_open, include_closed, prison_id))

    @staticmethod
    def _with(
        prisoner_number: str,
        candidates: Iterable[str],
        include_closed: bool,
        prison_id: str | None,
    ) -> CallSpec[ByPrisoner[NonAssociation]]:
        """One `between` call for the prisoner and the candidates, each candidate's pairs
        with the prisoner picked out."""
        prisoner = check.prisoner_number(prisoner_number)
        wanted = check.candidates(prisoner, candidates)
        closed = check.flag("include_closed", include_closed)
        kwargs = _search([prisoner, *wanted], True, closed, prison_id)
        return CallSpec(ops.GROUP_BETWEEN, kwargs, with_prisoner(prisoner, wanted))

    @staticmethod
    def _by_prisoner(
        prisoner_numbers: Iterable[str], include_closed: bool, prison_id: str | None
    ) -> CallSpec[ByPrisoner[NonAssociation]]:
        """One `involving` call, its non-associations filed under each prisoner."""
        numbers = check.prisoner_numbers(_INVOLVING[1], prisoner_numbers)
        closed = check.flag("include_closed", include_closed)
        kwargs = _search(numbers, True, closed, prison_id)
        return CallSpec(ops.GROUP_INVOLVING, kwargs, involving_each(numbers))

    @staticmethod
    def _page(
        include_open: bool,
        include_closed: bool,
        page: int | None,
        size: int | None,
        sort: Sort | None,
        operation: Operation = ops.PAGE,
    ) -> CallSpec[PageNonAssociation]:
        """One page; `operation` is `ops.WALK` for the pages of `iter_non_associations`,
        so a failure names the walk."""
        check.check_include(include_open, include_closed)
        kwargs = {
            "include_open": include_open,
            "include_closed": include_closed,
            "page": _unset_if_none(check.page_number(page)),
            "size": _unset_if_none(check.page_size(size)),
            "sort": _unset_if_none(check.sort_params(sort)),
        }
        return CallSpec(operation, kwargs)

    def _page_step(
        self, page: PageNonAssociation, requested: int
    ) -> tuple[list[NonAssociation], int | None]:
        """The items of the page just fetched and the number of the next one (None at the
        end); an UnreadableResponseError when more pages are promised but this one is not
        the page asked for (the walk would not advance). The paging fields' types were
        checked as the page was read."""
        content = [] if isinstance(page.content, Unset) else page.content
        number, total, last = page.number, page.total_pages, page.last
        following = requested + 1
        if last is True or not content or (isinstance(total, int) and following >= total):
            return content, None
        if not isinstance(number, Unset) and number != requested:
            raise self._unreadable(*_WALK, f"asked for page {requested}, got page {number}")
        return content, following

    @staticmethod
    def _get(id: int) -> CallSpec[NonAssociation]:
        return CallSpec(ops.GET, {"id": check.non_association_id(id)})

    @staticmethod
    def _create(request: CreateRequest) -> CallSpec[NonAssociation]:
        body = check.two_prisoners(check.request_model(CreateNonAssociationRequest, request))
        return CallSpec(ops.CREATE, {"body": body})

    @staticmethod
    def _update(id: int, request: PatchRequest) -> CallSpec[NonAssociation]:
        kwargs = {
            "id": check.non_association_id(id),
            "body": check.request_model(PatchNonAssociationRequest, request),
        }
        return CallSpec(ops.UPDATE, kwargs)

    @staticmethod
    def _close(id: int, request: CloseRequest) -> CallSpec[ClosedNonAssociation]:
        body = check.request_model(CloseNonAssociationRequest, request)
        kwargs = {"id": check.non_association_id(id), "body": check.in_london(body, "closed_at")}
        return CallSpec(ops.CLOSE, kwargs)

    @staticmethod
    def _reopen(id: int, request: ReopenRequest) -> CallSpec[OpenNonAssociation]:
        body = check.request_model(ReopenNonAssociationRequest, request)
        kwargs = {"id": check.non_association_id(id), "body": check.in_london(body, "reopened_at")}
        return CallSpec(ops.REOPEN, kwargs)

    @staticmethod
    def _delete(id: int, request: DeleteRequest) -> CallSpec[None]:
        kwargs = {
            "id": check.non_association_id(id),
            "body": check.request_model(DeleteNonAssociationRequest, request),
        }
        return CallSpec(ops.DELETE, kwargs, _nothing)

    @staticmethod
    def _legacy(id: int) -> CallSpec[LegacyNonAssociation]:
        return CallSpec(ops.LEGACY, {"id": check.non_association_id(id)})

    @staticmethod
    def _sar(
        prn: str | None,
        crn: str | None,
        from_date: datetime.date | None,
        to_date: datetime.date | None,
    ) -> CallSpec[HmppsSubjectAccessRequestContent | None]:
        prn, crn = check.optional_str("prn", prn), check.optional_str("crn", crn)
        check.check_subject(prn, crn)
        if prn is not None:
            prn = prn.upper()  # stored in upper case, compared as sent
        kwargs = {
            "prn": _unset_if_none(prn),
            "crn": _unset_if_none(crn),
            "from_date": _unset_if_none(check.optional_date("from_date", from_date)),
            "to_date": _unset_if_none(check.optional_date("to_date", to_date)),
        }
        return CallSpec(ops.SUBJECT_ACCESS, kwargs)

    @staticmethod
    def _ping() -> CallSpec[str]:
        return CallSpec(ops.PING, {"method": "get", "url": ops.PING.template}, _health_status)

    @staticmethod
    def _any(
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        json: JsonValue,
        path_params: Mapping[str, str | int] | None,
        idempotent: bool | None,
    ) -> CallSpec[JsonValue]:
        """A call to a path the generated client does not know (yet)."""
        verb = paths.method(method)
        if idempotent is not None and not isinstance(idempotent, bool):
            raise TypeError("idempotent must be True, False or None (a GET only)")
        template = paths.relative(path)
        url = paths.filled(template, path_params)
        if params is not None and not isinstance(params, Mapping):
            raise TypeError("params must be a mapping of query parameters")
        kwargs: dict[str, Any] = {"method": verb.lower(), "url": url}
        if params:
            kwargs["params"] = dict(params)
        if json is not None:
            kwargs["json"] = json
        read = verb == "GET" if idempotent is None else idempotent
        return CallSpec(Operation("request", verb, template, None, read=read), kwargs)

    # --- a call's request, and its reply ------------------------------------------------

    def _prepare(self, spec: CallSpec[Any]) -> Call:
        """The call for a spec: its request built (the token comes with each try), the
        options and observers it runs under."""
        operation = spec.operation
        endpoint = operation.endpoint
        kwargs = spec.kwargs if endpoint is None else endpoint.request_kwargs(**spec.kwargs)
        channel, options = self._channel, self._options
        origin = channel.destination.origin
        request = WireRequest.from_kwargs(kwargs, origin.base_path, options.sent)
        observers = channel.observers
        telemetry = _telemetry.start(
            origin, request, operation.template, operation.name, self.config.trace_full_url
        )
        if telemetry is not None:
            observers = (*observers, telemetry)
        return Call(
            request,
            operation.name,
            operation.template,
            origin,
            options.timeout,
            options.retry,
            observers,
            read=operation.read,
            authorised=operation is not ops.PING,
            renewable=channel.renewable,
        )

    def _result(self, spec: CallSpec[T], call: Call, reply: WireReply) -> T:
        """What the method gives: the parsed reply, or on the `with_raw_response` copy
        the RawResponse (typed for the caller by `_raw_responses`)."""
        if self._raw_replies:
            problem = reply.unreadable
            if problem is not None:
                operation = spec.operation
                raise self._unreadable(
                    operation.name, operation.method, operation.template, call.path, problem
                )
            raw: Any = RawResponse(
                reply, call.attempt, call.elapsed(), lambda: self._parse(spec, reply, call.path)
            )
            return raw  # type: ignore[no-any-return]
        return self._parse(spec, reply, call.path)

    def _parse(self, spec: CallSpec[T], reply: WireReply, path: str) -> T:
        """The result for a 2xx reply (None for a documented one with no result); an
        unreadable or ill-shaped body is an UnreadableResponseError."""
        operation = spec.operation
        try:
            parsed = self._parsed(operation, reply, path)
            result: T = parsed if spec.shape is None else spec.shape(parsed)
        except _NoResult:
            nothing: Any = None  # T includes None for the operations with no_result
            return nothing  # type: ignore[no-any-return]
        except UnreadableBody as exc:
            problem = str(exc)
        except msgspec.DecodeError as exc:  # a ValidationError too: the field and what it held
            problem = str(exc)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            problem = f"{type(exc).__name__}: {str(exc)[:200]}"
        else:
            return result
        raise self._unreadable(
            operation.name, operation.method, operation.template, path, problem, reply
        )

    def _parsed(self, operation: Operation, reply: WireReply, path: str) -> Any:
        """The reply read: its JSON success reply by the compiled reader (every field's
        type checked), any other documented status by the generated module, and a path
        the generated client does not know as decoded JSON."""
        reader = operation.reader
        if reader is not None and reply.status_code == reader[0]:
            return reader[1](reply.content, lambda fields: self._drifted(operation, path, fields))
        endpoint = operation.endpoint
        if endpoint is None:
            return reply.json() if reply.content else None
        parsed = endpoint.parse_response(reply)
        no_result = parsed is None or isinstance(parsed, ErrorResponse)
        if no_result and reply.status_code in operation.no_result:
            raise _NoResult
        if no_result:
            raise ValueError("no body of the documented type")
        return parsed

    def _drifted(self, operation: Operation, path: str, fields: list[str]) -> None:
        """Warns that a reply held null in fields the document says always hold a value,
        which were read as None: the service has changed ahead of this client."""
        self._channel.log.warning(
            f"{API_NAME} {operation.method} {path}: null read as None in {', '.join(fields)},"
            " which the API's document says always hold a value: the service has changed,"
            " so update hmpps-non-associations-api"
        )

    def _unreadable(
        self,
        operation: str,
        method: str,
        template: str,
        path: str,
        problem: str,
        reply: WireReply | None = None,
    ) -> UnreadableResponseError:
        """The error for a 2xx reply the client cannot use, logged like any failure."""
        error = UnreadableResponseError(
            f"Unreadable response ({problem})",
            text=reply.text if reply is not None else "",
            headers=reply.headers if reply is not None else None,
        ).located(operation, method, template, self._channel.destination.origin.url)
        self._channel.log.error(f"{API_NAME} {method} {path} failed: {error.outcome}")
        return error


class _NoResult(Exception):
    """A documented reply that carries no result (a 204, the subject access 209)."""


def _constant_lists(parsed: ConstantsResponse200) -> dict[str, list[Constant]]:
    return {key: list(value) for key, value in parsed.additional_properties.items()}


def _nothing(parsed: object) -> None:
    """What a delete gives."""


def _health_status(parsed: object) -> str:
    """The status a health check reports ("UP")."""
    status = parsed.get("status") if isinstance(parsed, dict) else None
    if not isinstance(status, str):
        raise ValueError("no status")
    return status
