"""The regeneration script: reproducible output, normalisation, and the drift check."""

from __future__ import annotations

import copy
import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import drift
import normalise
import pytest
import release

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "regenerate.py"
PACKAGE = "hmpps_non_associations_api_client"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(cwd / "scripts" / "regenerate.py"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_generation_is_byte_identical_to_committed(tmp_path: Path) -> None:
    import regenerate

    fresh = tmp_path / PACKAGE
    regenerate.generate((ROOT / "openapi.json").read_text(encoding="utf-8"), fresh)
    assert regenerate.tree_differences(fresh, ROOT / "generated" / PACKAGE) == []
    assert (fresh / "models" / "non_association.py").is_file()


def test_openapi_json_is_a_fixed_point_of_normalisation() -> None:
    text = (ROOT / "openapi.json").read_text(encoding="utf-8")
    assert normalise.dumps(normalise.normalise(json.loads(text))) == text


def test_offline_check_passes() -> None:
    result = run("--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No drift." in result.stdout


def test_upstream_copy_normalises_to_our_surface(
    reference_doc: dict[str, Any], project_spec: dict[str, Any]
) -> None:
    """The last pulled document (upstream/api-docs.json) has not drifted from openapi.json."""
    assert drift.surface(normalise.normalise(reference_doc)) == drift.surface(project_spec)
    assert drift.compare(project_spec, normalise.normalise(reference_doc)) == []
    text = (ROOT / "openapi.json").read_text(encoding="utf-8")
    assert normalise.dumps(normalise.normalise(reference_doc)) == text


def test_check_against_served_reference_document_exits_0(
    reference_doc: dict[str, Any], serve_json: Any
) -> None:
    result = run("--check", "--url", serve_json(reference_doc))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No drift." in result.stdout


def drifted(spec: dict[str, Any]) -> dict[str, Any]:
    """A live document with one change of each kind the issue names."""
    live = copy.deepcopy(spec)
    schemas = live["components"]["schemas"]
    del schemas["NonAssociation"]["properties"]["comment"]
    schemas["Reason"]["enum"].append("CONTRABAND")
    for param in live["paths"]["/non-associations/{id}"]["get"]["parameters"]:
        if param["name"] == "id":
            param["schema"] = {"type": "string"}
    live["paths"]["/non-associations/{id}/history"] = {
        "get": {
            "operationId": "getNonAssociationHistory",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "format": "int64"},
                }
            ],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "array",
                                "items": {"$ref": "#/components/schemas/NonAssociation"},
                            }
                        }
                    },
                }
            },
        }
    }
    return live


EXPECTED_DRIFT = [
    ("property removed", "NonAssociation.comment", True),
    ("enum value added", "Reason CONTRABAND", False),
    ("parameter retyped", "GET /non-associations/{id} (getNonAssociation) id", True),
    ("operation added", "GET /non-associations/{id}/history (getNonAssociationHistory)", False),
]


def test_drift_is_reported_and_marked(project_spec: dict[str, Any], serve_json: Any) -> None:
    url = serve_json(drifted(project_spec))
    result = run("--check", "--url", url, "--json")
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout)
    report = summary["changes"]
    found = {(c["change"], c["where"], c["breaking"]) for c in report}
    for expected in EXPECTED_DRIFT:
        assert expected in found, (expected, report)
    assert len(report) == len(EXPECTED_DRIFT), report
    # Breaking while below 1.0: a minor bump (docs/maintaining.md, "Version bumps").
    version = release.project_version()
    assert {k: v for k, v in summary.items() if k != "changes"} == {
        "impact": "breaking",
        "bump": "minor" if version.startswith("0.") else "major",
        "version": version,
        "next_version": drift.bumped(version, summary["bump"]),
    }

    text = run("--check", "--url", url)
    assert text.returncode == 1
    assert "[BREAKING] property removed: NonAssociation.comment" in text.stdout
    assert "[non-breaking] operation added: GET /non-associations/{id}/history" in text.stdout
    assert "4 change(s), 2 breaking." in text.stdout
    assert f"Impact: breaking; proposed bump: {summary['bump']} ({version} -> " in text.stdout


def test_drift_in_the_raw_reference_document_is_caught(
    reference_doc: dict[str, Any], project_spec: dict[str, Any], serve_json: Any
) -> None:
    live = copy.deepcopy(reference_doc)
    live["components"]["schemas"]["NonAssociation"]["properties"]["restrictionType"]["enum"].append(
        "SITE"
    )
    del live["components"]["schemas"]["OtherPrisonerDetails"]["properties"]["cellLocation"]
    result = run("--check", "--url", serve_json(live), "--json")
    assert result.returncode == 1
    found = {(c["change"], c["where"], c["breaking"]) for c in json.loads(result.stdout)["changes"]}
    assert found == {
        ("enum value added", "RestrictionType SITE", False),
        ("property removed", "OtherPrisonerDetails.cellLocation", False),
    }


def test_prose_changes_are_drift_with_a_patch_bump(
    reference_doc: dict[str, Any], serve_json: Any
) -> None:
    """Upstream rewording never reaches openapi.json, but is reported for a person to read."""
    live = copy.deepcopy(reference_doc)
    live["paths"]["/constants"]["get"]["summary"] = "Something else entirely"
    live["components"]["schemas"]["NonAssociation"]["properties"]["id"]["example"] = 99
    live["components"]["schemas"]["NonAssociation"]["description"] = "Reworded\n  here"
    result = run("--check", "--url", serve_json(live), "--json")
    assert result.returncode == 1, result.stdout + result.stderr
    summary = json.loads(result.stdout)
    assert summary["changes"] == [
        {
            "change": "prose changed",
            "where": "GET /constants summary",
            "breaking": False,
            "detail": "now: Something else entirely",
        },
        {
            "change": "prose changed",
            "where": "NonAssociation description",
            "breaking": False,
            "detail": "now: Reworded here",
        },
        {
            "change": "prose changed",
            "where": "NonAssociation.id example",
            "breaking": False,
            "detail": "now: 99",
        },
    ]
    assert (summary["impact"], summary["bump"]) == ("prose", "patch")
    assert summary["next_version"] == drift.bumped(summary["version"], "patch")


def test_what_normalisation_drops_is_not_drift(
    reference_doc: dict[str, Any], serve_json: Any
) -> None:
    """A new build version, or prose on endpoints the client leaves out, changes nothing."""
    live = copy.deepcopy(reference_doc)
    live["info"]["version"] = "2099-01-01.1.abcdef0"
    live["paths"]["/queue-admin/retry-all-dlqs"]["put"]["summary"] = "Reworded"
    result = run("--check", "--url", serve_json(live))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No drift." in result.stdout


def test_prose_is_compared_only_when_the_surface_agrees(
    reference_doc: dict[str, Any], project_spec: dict[str, Any]
) -> None:
    live = copy.deepcopy(reference_doc)
    live["paths"]["/constants"]["get"]["summary"] = "Reworded"
    import regenerate

    spec_text = (ROOT / "openapi.json").read_text(encoding="utf-8")
    assert [c["change"] for c in regenerate.check_live(spec_text, live)] == ["prose changed"]
    del live["components"]["schemas"]["NonAssociation"]["properties"]["comment"]
    assert [c["change"] for c in regenerate.check_live(spec_text, live)] == ["property removed"]


@pytest.mark.parametrize(
    ("changes", "version", "expected"),
    [
        ([], "0.1.0", ("none", None, None)),
        ([("generated file differs", False)], "1.2.3", ("none", None, None)),
        ([("prose changed", False)], "1.2.3", ("prose", "patch", "1.2.4")),
        (
            [("operation added", False), ("prose changed", False)],
            "1.2.3",
            ("compatible", "minor", "1.3.0"),
        ),
        ([("operation added", False)], "0.4.2", ("compatible", "minor", "0.5.0")),
        (
            [("property removed", True), ("operation added", False)],
            "1.2.3",
            ("breaking", "major", "2.0.0"),
        ),
        ([("property removed", True)], "0.4.2", ("breaking", "minor", "0.5.0")),
    ],
)
def test_the_bump_follows_the_worst_change(
    changes: list[tuple[str, bool]], version: str, expected: tuple[Any, ...]
) -> None:
    items: list[drift.Change] = [
        {"change": c, "where": "x", "breaking": b, "detail": ""} for c, b in changes
    ]
    summary = drift.summarise(items, version)
    assert (summary["impact"], summary["bump"], summary["next_version"]) == expected


def test_unreachable_url_is_exit_2() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("--check", "--url", f"http://127.0.0.1:{port}/v3/api-docs")
    assert result.returncode == 2
    assert "cannot reach" in result.stderr
    assert "Traceback" not in result.stderr
    assert "No drift" not in result.stdout


def test_not_a_document_is_exit_2(serve_json: Any, tmp_path: Path) -> None:
    result = run("--check", "--url", serve_json({"hello": "world"}))
    assert result.returncode == 2
    assert "not return an OpenAPI document" in result.stderr
    missing = run("--check", "--url", str(tmp_path / "absent.json"))
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr


def test_check_accepts_a_local_file(project_spec: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "live.json"
    path.write_text(json.dumps(drifted(project_spec)))
    result = run("--check", "--url", str(path), "--json")
    assert result.returncode == 1
    assert len(json.loads(result.stdout)["changes"]) == len(EXPECTED_DRIFT)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the parts of the project the script touches."""
    for name in ("scripts", "generated", "facade", "upstream"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("openapi.json", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_hand_edit_in_generated_is_caught(project_copy: Path) -> None:
    target = project_copy / "generated" / PACKAGE / "models" / "role.py"
    target.write_text(target.read_text() + "\n# tweaked\n")
    result = run("--check", "--json", cwd=project_copy)
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert [c["where"] for c in summary["changes"]] == [f"generated/{PACKAGE}/models/role.py"]
    # A finding about the repository, not the API: no release is called for.
    assert (summary["impact"], summary["bump"]) == ("none", None)

    extra = project_copy / "generated" / PACKAGE / "extra.py"
    extra.write_text("x = 1\n")
    result = run("--check", "--json", cwd=project_copy)
    changes = json.loads(result.stdout)["changes"]
    assert f"generated/{PACKAGE}/extra.py" in {c["where"] for c in changes}


def test_hand_edit_in_openapi_json_is_caught(project_copy: Path) -> None:
    spec = json.loads((project_copy / "openapi.json").read_text())
    spec["paths"]["/constants"]["get"]["summary"] = "hand written"
    (project_copy / "openapi.json").write_text(json.dumps(spec, indent=2) + "\n")
    result = run("--check", "--json", cwd=project_copy)
    assert result.returncode == 1
    changes = json.loads(result.stdout)["changes"]
    assert "openapi.json not normalised" in {c["change"] for c in changes}


def test_stale_packaged_copy_is_caught(project_copy: Path) -> None:
    """The client reads its request rules from the package's copy: it must be the same."""
    copy = project_copy / "facade" / "hmpps_non_associations_api" / "openapi.json"
    copy.write_text(copy.read_text().replace('"maximum": 200', '"maximum": 2000'))
    result = run("--check", "--json", cwd=project_copy)
    assert result.returncode == 1
    summary = json.loads(result.stdout)
    assert [(c["change"], c["where"]) for c in summary["changes"]] == [
        ("copy differs", "facade/hmpps_non_associations_api/openapi.json")
    ]
    assert (summary["impact"], summary["bump"]) == ("none", None)


def test_pull_writes_normalised_spec_and_regenerates(
    project_copy: Path, reference_doc: dict[str, Any], serve_json: Any
) -> None:
    (project_copy / "openapi.json").write_text("{}\n")
    (project_copy / "upstream" / "api-docs.json").unlink()
    shutil.rmtree(project_copy / "generated" / PACKAGE / "models")
    result = run("--pull", "--url", serve_json(reference_doc), cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project_copy / "openapi.json").read_bytes() == (ROOT / "openapi.json").read_bytes()
    # The raw copy is what was served, byte for byte (serve_json sends json.dumps).
    served = json.dumps(reference_doc).encode()
    assert (project_copy / "upstream" / "api-docs.json").read_bytes() == served
    assert run("--check", cwd=project_copy).returncode == 0


def test_pull_keeps_the_raw_document_byte_for_byte(project_copy: Path, tmp_path: Path) -> None:
    upstream = project_copy / "upstream" / "api-docs.json"
    raw = upstream.read_bytes()
    pulled = tmp_path / "served.json"
    pulled.write_bytes(raw.replace(b'"openapi" : "3.1.0"', b'"openapi":   "3.1.0"'))
    upstream.write_text("stale\n")
    result = run("--pull", "--url", str(pulled), cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert upstream.read_bytes() == pulled.read_bytes() != raw
    assert "wrote upstream/api-docs.json" in result.stdout


def test_pull_keeps_the_raw_document_even_when_normalising_fails(
    project_copy: Path, serve_json: Any
) -> None:
    broken = {"openapi": "3.1.0", "paths": {"/constants": 5}}
    result = run("--pull", "--url", serve_json(broken), cwd=project_copy)
    assert result.returncode != 0
    assert (project_copy / "upstream" / "api-docs.json").read_bytes() == json.dumps(broken).encode()
    assert (project_copy / "openapi.json").read_bytes() == (ROOT / "openapi.json").read_bytes()


def test_pull_of_an_unreachable_document_writes_nothing(project_copy: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("--pull", "--url", f"http://127.0.0.1:{port}/v3/api-docs", cwd=project_copy)
    assert result.returncode == 2
    assert "cannot reach" in result.stderr
    upstream = (project_copy / "upstream" / "api-docs.json").read_bytes()
    assert upstream == (ROOT / "upstream" / "api-docs.json").read_bytes()


def test_url_defaults_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    import regenerate

    seen: list[str] = []

    def fake_fetch(source: str) -> dict[str, Any]:
        seen.append(source)
        raise regenerate.FetchError("stop here")

    monkeypatch.setattr(regenerate, "fetch", fake_fetch)
    monkeypatch.setenv("HMPPS_NON_ASSOCIATIONS_API_SPEC_URL", "http://127.0.0.1:9/spec")
    monkeypatch.setattr(regenerate, "check_generated", lambda text: [])
    assert regenerate.main(["--check", "--url"]) == 2
    monkeypatch.delenv("HMPPS_NON_ASSOCIATIONS_API_SPEC_URL")
    assert regenerate.main(["--check", "--url"]) == 2
    assert seen == ["http://127.0.0.1:9/spec", regenerate.DEFAULT_URL]


def test_a_retagged_operation_is_breaking(project_spec: dict[str, Any]) -> None:
    live = copy.deepcopy(project_spec)
    live["paths"]["/constants"]["get"]["tags"] = ["Reference data"]
    changes = drift.compare(project_spec, normalise.normalise(live))
    assert [(c["change"], c["where"], c["breaking"]) for c in changes] == [
        ("operation retagged", "GET /constants (constants)", True)
    ]
