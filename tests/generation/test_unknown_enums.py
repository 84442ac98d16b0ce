"""Enum values the client does not know yet: responses stay readable, requests refuse them.

Every enum-typed field of every response body is found from openapi.json, so a field
or enum added later is covered without touching this file.
"""

from __future__ import annotations

import copy
import http.server
import importlib
import json
import pickle
import pkgutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx
import pytest
from hmpps_non_associations_api import (
    ApiConfig,
    AsyncNonAssociationsApi,
    CreateNonAssociationRequest,
    NonAssociationsApi,
    PatchNonAssociationRequest,
    Reason,
    Role,
)
from hmpps_non_associations_api_client import api as generated_api
from hmpps_non_associations_api_client import models
from hmpps_non_associations_api_client.types import OpenStrEnum
from openapi_python_client.strings import PythonIdentifier, snake_case

from tests.generation.schema_samples import SCHEMAS, SPEC, EnumField, Path, sample
from tests.payloads import OPEN_NON_ASSOCIATION

ENUMS = sorted(
    (
        cls
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, OpenStrEnum)
    ),
    key=lambda cls: cls.__name__,
)


# ---------------------------------------------------------------------------------------
# Sample responses with an enum value in each place one can be.


@dataclass(frozen=True)
class ResponseCase:
    operation: str
    status: str
    module: ModuleType
    body: Any
    field: EnumField

    @property
    def id(self) -> str:
        return f"{self.operation}-{self.status}-{self.field}"


def operation_modules() -> dict[str, ModuleType]:
    """The generated module of each operation, by operationId's snake_case name."""
    found = {}
    for info in pkgutil.walk_packages(generated_api.__path__, generated_api.__name__ + "."):
        if not info.ispkg:
            found[info.name.rsplit(".", 1)[-1]] = importlib.import_module(info.name)
    return found


def response_cases() -> Iterator[ResponseCase]:
    modules = operation_modules()
    for item in SPEC["paths"].values():
        for operation in item.values():
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if not status.startswith("2") or schema is None:
                    continue
                body, fields = sample(schema, (), operation["operationId"])
                module = modules[snake_case(operation["operationId"])]
                for field in fields:
                    yield ResponseCase(operation["operationId"], status, module, body, field)


RESPONSE_CASES = list(response_cases())


def with_value(body: Any, path: Path, value: str) -> Any:
    changed = copy.deepcopy(body)
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


def follow(parsed: Any, path: Path) -> Any:
    """The parsed value at a JSON path: keys become attribute names, or additional keys."""
    node = parsed
    for step in path:
        extra = getattr(node, "additional_properties", {})
        if isinstance(step, int) or step in extra:
            node = node[step]
        else:
            node = getattr(node, PythonIdentifier(step, prefix="field_"))
    return node


def to_json(parsed: Any) -> Any:
    if isinstance(parsed, list):
        return [to_json(item) for item in parsed]
    return parsed.to_dict()


def parse(case: ResponseCase, body: Any) -> Any:
    response = httpx.Response(int(case.status), json=body)
    return case.module.parse_response(response)


# ---------------------------------------------------------------------------------------
# Every enum field of every response.


def test_the_document_gives_enum_fields_to_check() -> None:
    """Guards the enumeration itself: the models the API is known to send enums in."""
    owners = {case.field.owner for case in RESPONSE_CASES}
    assert owners >= {
        "NonAssociation",
        "PrisonerNonAssociation",
        "OtherPrisonerDetails",
        "LegacyNonAssociation",
        "LegacyNonAssociationOtherPrisonerDetails",
    }
    operations = {case.operation for case in RESPONSE_CASES}
    assert operations >= {"getNonAssociation", "getPrisonerNonAssociations", "getNonAssociations"}
    assert {case.field.enum for case in RESPONSE_CASES} >= {
        "Role",
        "Reason",
        "RestrictionType",
        "LegacyReasonCode",
        "LegacyTypeCode",
    }


@pytest.mark.parametrize("case", RESPONSE_CASES, ids=lambda case: case.id)
def test_unknown_value_in_a_response_is_read(case: ResponseCase) -> None:
    enum = getattr(models, case.field.enum)
    raw = f"NEW_{case.field.enum.upper()}_VALUE"
    body = with_value(case.body, case.field.path, raw)

    parsed = parse(case, body)

    value = follow(parsed, case.field.path)
    assert type(value) is enum
    assert value.value == raw and str(value) == raw and value == raw
    assert value is enum(raw)
    assert not value.is_known
    assert value not in list(enum) and value not in enum
    assert to_json(parsed) == body

    known = follow(parse(case, case.body), case.field.path)
    assert known is enum(SCHEMAS[case.field.enum]["enum"][0])
    assert known.is_known and known in enum and known in list(enum)


# ---------------------------------------------------------------------------------------
# The pseudo-members themselves, for every generated enum.


@pytest.mark.parametrize("enum", ENUMS, ids=lambda enum: enum.__name__)
def test_pseudo_members_stay_out_of_the_class(enum: type[OpenStrEnum]) -> None:
    members = list(enum)
    names = dict(enum.__members__)
    raw = f"UNHEARD_OF_{enum.__name__.upper()}"

    pseudo = enum(raw)

    assert isinstance(pseudo, enum) and not pseudo.is_known
    assert pseudo.value == pseudo.name == str(pseudo) == f"{pseudo}" == raw
    assert list(enum) == members and dict(enum.__members__) == names
    assert len(enum) == len(members) and pseudo not in enum
    assert all(member.is_known and enum(member.value) is member for member in members)
    assert pickle.loads(pickle.dumps(pseudo)) is pseudo
    assert copy.deepcopy(pseudo) is pseudo
    assert json.dumps(pseudo) == json.dumps(raw)


def test_only_strings_make_pseudo_members() -> None:
    for value in (None, 3, 1.5, ["THREAT"], {"THREAT": 1}):
        with pytest.raises(ValueError, match="is not a valid Reason"):
            Reason(value)


def test_a_pseudo_members_value_is_a_plain_string() -> None:
    """A str subclass (here another enum's member) gives a value that is exactly str."""
    pseudo = Reason(Role.VICTIM)

    assert type(pseudo.value) is str and pseudo.value == "VICTIM"
    assert pseudo is Reason("VICTIM") and not pseudo.is_known


def test_pseudo_members_belong_to_their_own_class() -> None:
    assert Reason("SHARED_CODE") is not Role("SHARED_CODE")
    assert type(Role("SHARED_CODE")) is Role


def test_threads_racing_for_a_new_value_get_one_member() -> None:
    threads, barrier = 16, threading.Barrier(16)
    seen: list[Reason] = []
    lock = threading.Lock()

    def look_up() -> None:
        barrier.wait()
        for index in range(200):
            member = Reason(f"RACE_{index}")
            with lock:
                seen.append(member)

    workers = [threading.Thread(target=look_up) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)

    assert len(seen) == threads * 200
    assert len({id(member) for member in seen}) == 200
    assert all(member is Reason(member.value) for member in seen)


# ---------------------------------------------------------------------------------------
# End to end: the clients over a real loopback HTTP server.

UNKNOWN_NON_ASSOCIATION = {
    **OPEN_NON_ASSOCIATION,
    "firstPrisonerRole": "BYSTANDER",
    "reason": "NEW_REASON",
    "restrictionType": "SITE",
}
UNKNOWN_PRISONER_LIST = {
    "prisonerNumber": "A1234BC",
    "firstName": "James",
    "lastName": "Hall",
    "prisonId": "MDI",
    "prisonName": "Moorland (HMP & YOI)",
    "cellLocation": "2-1-005",
    "openCount": 1,
    "closedCount": 0,
    "nonAssociations": [
        {
            "id": 42,
            "role": "BYSTANDER",
            "roleDescription": "Bystander",
            "reason": "NEW_REASON",
            "reasonDescription": "New reason",
            "restrictionType": "SITE",
            "restrictionTypeDescription": "Separate sites",
            "comment": "Kept apart",
            "authorisedBy": "OFF3_GEN",
            "whenCreated": "2023-07-21T08:14:21",
            "whenUpdated": "2023-07-21T08:14:21.123456",
            "updatedBy": "OFF3_GEN",
            "isClosed": False,
            "isOpen": True,
            "closedBy": None,
            "closedReason": None,
            "closedAt": None,
            "otherPrisonerDetails": {
                "prisonerNumber": "D5678EF",
                "role": "WITNESS",
                "roleDescription": "Witness",
                "firstName": "Joe",
                "lastName": "Bloggs",
                "prisonId": None,
                "prisonName": None,
                "cellLocation": None,
            },
        }
    ],
}
RECORDED = {
    "/non-associations/42": UNKNOWN_NON_ASSOCIATION,
    "/prisoner/A1234BC/non-associations": UNKNOWN_PRISONER_LIST,
}


class Recorded:
    """Serves the recorded bodies on 127.0.0.1 and keeps the paths asked for."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        recorded = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                recorded.paths.append(path)
                body = json.dumps(RECORDED.get(path, {})).encode()
                self.send_response(200 if path in RECORDED else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_PATCH = do_PUT = do_GET

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recorded() -> Iterator[Recorded]:
    server = Recorded()
    yield server
    server.close()


def assert_unknown(value: OpenStrEnum, kind: type[OpenStrEnum], raw: str) -> None:
    assert type(value) is kind and value.value == raw and not value.is_known


async def test_clients_read_unknown_values(recorded: Recorded) -> None:
    config = ApiConfig(recorded.url)
    with NonAssociationsApi("token", config) as api:
        single = api.get_non_association(42)
        listed = api.list_non_associations("A1234BC")
    async with AsyncNonAssociationsApi("token", config) as async_api:
        async_single = await async_api.get_non_association(42)
        async_listed = await async_api.list_non_associations("A1234BC")

    for na in (single, async_single):
        assert_unknown(na.reason, Reason, "NEW_REASON")
        assert_unknown(na.first_prisoner_role, Role, "BYSTANDER")
        assert na.second_prisoner_role is Role.PERPETRATOR
        assert na.to_dict() == UNKNOWN_NON_ASSOCIATION
    for prisoner in (listed, async_listed):
        item = prisoner.non_associations[0]
        assert_unknown(item.reason, Reason, "NEW_REASON")
        assert_unknown(item.other_prisoner_details.role, Role, "WITNESS")
        assert prisoner.to_dict() == UNKNOWN_PRISONER_LIST
    assert single.reason is listed.non_associations[0].reason
    assert (
        recorded.paths
        == [
            "/non-associations/42",
            "/prisoner/A1234BC/non-associations",
        ]
        * 2
    )


CREATE = {
    "firstPrisonerNumber": "A1234BC",
    "firstPrisonerRole": "VICTIM",
    "secondPrisonerNumber": "D5678EF",
    "secondPrisonerRole": "PERPETRATOR",
    "reason": "BULLYING",
    "restrictionType": "CELL",
    "comment": "Kept apart",
}
UNKNOWN_IN_REQUESTS: list[tuple[str, Callable[[], tuple[Any, ...]], dict[str, Any], str]] = [
    ("list_non_associations", lambda: ("A1234BC",), {"sort_by": "NEW_SORT"}, "SortBy"),
    ("list_non_associations", lambda: ("A1234BC",), {"sort_direction": "UP"}, "SortDirection"),
    ("create_non_association", lambda: ({**CREATE, "reason": "NEW_REASON"},), {}, "Reason"),
    ("create_non_association", lambda: ({**CREATE, "secondPrisonerRole": "WITNESS"},), {}, "Role"),
    (
        "create_non_association",
        lambda: (CreateNonAssociationRequest.from_dict({**CREATE, "restrictionType": "SITE"}),),
        {},
        "RestrictionType",
    ),
    ("update_non_association", lambda: (42, {"reason": "NEW_REASON"}), {}, "Reason"),
    (
        "update_non_association",
        lambda: (42, PatchNonAssociationRequest(first_prisoner_role=Role("BYSTANDER"))),
        {},
        "Role",
    ),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "kind"),
    UNKNOWN_IN_REQUESTS,
    ids=[f"{case[0]}-{case[3]}" for case in UNKNOWN_IN_REQUESTS],
)
async def test_requests_refuse_unknown_values_before_sending(
    recorded: Recorded,
    method: str,
    args: Callable[[], tuple[Any, ...]],
    kwargs: dict[str, Any],
    kind: str,
) -> None:
    known = ", ".join(str(member.value) for member in getattr(models, kind))
    config = ApiConfig(recorded.url)
    refused = pytest.raises(ValueError, match=f"is not a {kind}; use one of {known}$")
    with NonAssociationsApi("token", config) as api, refused:
        getattr(api, method)(*args(), **kwargs)
    refused = pytest.raises(ValueError, match=f"is not a {kind}; use one of {known}$")
    async with AsyncNonAssociationsApi("token", config) as async_api:
        with refused:
            await getattr(async_api, method)(*args(), **kwargs)
    assert recorded.paths == []
