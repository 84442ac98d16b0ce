"""The facade keeps up with generated/: what a drift pull request must not merge without.

Each generated operation is wrapped by a method of each client, nothing the facade
wraps has gone from generated/, and each required field of a request body is one
the fake API reads. These fail on a drift branch that brings a new operation, drops
a wrapped one or adds a required request field, until someone adapts the facade
(docs/maintaining.md, "Drift pull requests"). A new enum value needs no code: the
clients read values they do not know as pseudo-members.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import facade_coverage
import httpx
import pytest
from hmpps_non_associations_api.testing import ALL_ROLES, FakeTransport, mint_token

from tests.conftest import ROOT

ACT = "add or change the facade method (docs/maintaining.md, 'Drift pull requests')"


@pytest.fixture(scope="module")
def coverage() -> facade_coverage.Coverage:
    return facade_coverage.scan(ROOT)


def test_every_generated_operation_is_wrapped(coverage: facade_coverage.Coverage) -> None:
    unwrapped = [facade_coverage.operation_module(op) for op in coverage.unwrapped]
    assert unwrapped == [], f"no facade method calls these generated operations: {ACT}"


def test_every_wrapped_operation_is_generated(coverage: facade_coverage.Coverage) -> None:
    missing = {op: sorted(coverage.referenced[op]) for op in coverage.missing}
    assert missing == {}, f"the facade calls operations generated/ no longer has: {ACT}"


def test_each_client_wraps_every_operation(coverage: facade_coverage.Coverage) -> None:
    clients = coverage.clients()
    assert set(clients) == {"NonAssociationsApi", "AsyncNonAssociationsApi"}
    for name, ops in clients.items():
        assert sorted(coverage.generated - ops) == [], f"{name} lacks these: {ACT}"


def test_the_map_names_the_wrapping_methods(coverage: facade_coverage.Coverage) -> None:
    assert coverage.wrapped["non_associations.get_non_association"] == {
        "NonAssociationsApi.get_non_association",
        "AsyncNonAssociationsApi.get_non_association",
    }
    assert coverage.wrapped["subject_access_request.get_sar_content_by_reference"] == {
        "NonAssociationsApi.subject_access_request",
        "AsyncNonAssociationsApi.subject_access_request",
    }


def fake_project(tmp_path: Path, ops: list[str], table: str, methods: list[str]) -> Path:
    """A repository with the given generated operations, a table of operations, and both
    clients with the given methods."""
    for op in ops:
        tag, name = op.split(".")
        module = tmp_path / "generated" / facade_coverage.PACKAGE / "api" / tag / f"{name}.py"
        module.parent.mkdir(parents=True, exist_ok=True)
        module.write_text("")
        (module.parent / "__init__.py").write_text("")
    (tmp_path / facade_coverage.TABLE).parent.mkdir(parents=True)
    (tmp_path / facade_coverage.TABLE).write_text(textwrap.dedent(table))
    for client, path in facade_coverage.CLIENTS.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f"    def {method}(self): ...\n" for method in methods)
        (tmp_path / path).write_text(f"class {client}:\n{body}    def _private(self): ...\n")
    return tmp_path


def test_the_scan_reads_the_table_and_both_clients(tmp_path: Path) -> None:
    root = fake_project(
        tmp_path,
        ["t.one", "t.two", "t.unused"],
        """
        from hmpps_non_associations_api_client.api.t import one, removed
        from hmpps_non_associations_api_client.api.t import two as second_one

        FIRST = Operation.generated("first", one)
        SECOND = Operation.generated("second", second_one, frozenset({204}))
        GONE = Operation.generated("third", removed)
        PING = Operation("ping", "GET", "/health/ping", None)
        """,
        ["first", "third", "ping"],
    )
    coverage = facade_coverage.scan(root)
    both = {"NonAssociationsApi", "AsyncNonAssociationsApi"}
    assert coverage.wrapped == {
        "t.one": {f"{client}.first" for client in both},
        "t.two": set(),  # in the table, but neither client has `second`
        "t.removed": {f"{client}.third" for client in both},
    }
    assert coverage.unwrapped == ["t.two", "t.unused"]
    assert coverage.missing == ["t.removed"]


def test_the_command_line_prints_the_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = fake_project(
        tmp_path,
        ["t.one", "t.two"],
        """
        from hmpps_non_associations_api_client.api.t import gone, one

        FIRST = Operation.generated("first", one)
        GONE = Operation.generated("first", gone)
        """,
        ["first"],
    )
    assert facade_coverage.main([], root) == 1
    assert capsys.readouterr().out.splitlines() == [
        "t.one: AsyncNonAssociationsApi.first, NonAssociationsApi.first",
        "t.two: NOT WRAPPED",
        "t.gone: wrapped by the facade but not generated",
    ]
    assert facade_coverage.main(["--json"], root) == 1
    assert json.loads(capsys.readouterr().out) == {
        "wrapped": {
            "t.one": ["AsyncNonAssociationsApi.first", "NonAssociationsApi.first"],
            "t.two": [],
        },
        "unwrapped": ["t.two"],
        "missing": ["t.gone"],
    }


# A complete body for each operation whose request body has required fields, sent to a
# non-association or prisoners that do not exist: the fake reads the body first (as the
# service does), so a complete body gets a 404 and one lacking a required field a 400.
BODIES: dict[str, dict[str, Any]] = {
    "createNonAssociation": {
        "firstPrisonerNumber": "Z0000ZA",
        "firstPrisonerRole": "VICTIM",
        "secondPrisonerNumber": "Z0000ZB",
        "secondPrisonerRole": "PERPETRATOR",
        "reason": "BULLYING",
        "restrictionType": "CELL",
        "comment": "Kept apart",
    },
    "closeNonAssociation": {"closedReason": "No longer needed"},
    "reopenNonAssociation": {"reopenReason": "Needed again"},
    "deleteNonAssociation": {
        "deletionReason": "Entered in error",
        "staffUserNameRequestingDeletion": "STAFF_1",
    },
}


def request_bodies(spec: dict[str, Any]) -> list[tuple[str, str, str, list[str]]]:
    """(operationId, method, path, required fields) for each body with required fields."""
    schemas = spec["components"]["schemas"]
    found = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            content = op.get("requestBody", {}).get("content", {})
            ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
            required = schemas.get(ref.rsplit("/", 1)[-1], {}).get("required", [])
            if required:
                found.append((op["operationId"], method.upper(), path, sorted(required)))
    return found


def fake_problems(spec: dict[str, Any]) -> list[str]:
    """Required request fields of spec that the fake does not insist on."""
    bodies = request_bodies(spec)
    token = mint_token(roles=ALL_ROLES, username="USER1")
    problems = []
    with httpx.Client(
        transport=FakeTransport(),
        base_url="http://fake.test",
        headers={"Authorization": f"Bearer {token}"},
    ) as client:
        for op, method, path, required in bodies:
            url = re.sub(r"\{[^}]+\}", "999999", path)
            body = BODIES.get(op)
            if body is None:
                problems.append(f"{op}: no sample body here; add one to BODIES")
                continue
            complete = client.request(method, url, json=body)
            if complete.status_code != 404:
                problems.append(f"{op}: a complete body got {complete.status_code}")
            for name in required:
                lacking = {k: v for k, v in body.items() if k != name}
                refused = client.request(method, url, json=lacking).status_code == 400
                if name not in body or not refused:
                    problems.append(f"{op}: the fake takes a body without required {name!r}")
    return problems


def test_the_fake_reads_every_required_request_field(project_spec: dict[str, Any]) -> None:
    assert {op for op, *_ in request_bodies(project_spec)} == set(BODIES)
    problems = fake_problems(project_spec)
    assert problems == [], (
        "teach the fake to read each new required field (testing/_request_bodies.py), then add"
        f" it to BODIES: {json.dumps(problems, indent=2)}"
    )


def test_a_new_required_field_is_caught(project_spec: dict[str, Any]) -> None:
    before = fake_problems(project_spec)
    close = project_spec["components"]["schemas"]["CloseNonAssociationRequest"]
    close["properties"]["checkedBy"] = {"type": "string"}
    close["required"].append("checkedBy")
    assert sorted(fake_problems(project_spec)) == sorted(
        [*before, "closeNonAssociation: the fake takes a body without required 'checkedBy'"]
    )
