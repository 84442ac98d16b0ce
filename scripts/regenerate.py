"""Regenerate the low-level client, pull the live API document, and check for drift.

    python scripts/regenerate.py                   regenerate generated/ from openapi.json
    python scripts/regenerate.py --pull [--url U]  fetch, keep the raw copy in upstream/,
                                                   normalise, write openapi.json, regenerate
    python scripts/regenerate.py --check [--url [U]] [--json]
                                                   exit 0 when nothing drifted, 1 when
                                                   something did, 2 when U cannot be read

--url with no value uses $HMPPS_NON_ASSOCIATIONS_API_SPEC_URL or the dev environment.
--url also accepts a local file path.

--check --json prints an object: `changes` (a list of {change, where, breaking,
detail}), `impact` (breaking, compatible, prose or none), `bump` (major, minor,
patch or null), `version` (pyproject.toml's) and `next_version`. When the live
document's surface matches openapi.json, its prose is compared with the upstream
copy's: reworded prose is drift too, with a patch bump (docs/maintaining.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import drift
import normalise
import release
import reply_decoders
import request_dicts

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.json"
# The last document pulled, exactly as served: the tests read it instead of the live API.
UPSTREAM = ROOT / "upstream" / "api-docs.json"
PACKAGE = "hmpps_non_associations_api_client"
GENERATED = ROOT / "generated" / PACKAGE
# The package carries a copy: the client reads its request rules from it, and the fake API
# serves it at /v3/api-docs.
PACKAGED_SPEC = ROOT / "facade" / "hmpps_non_associations_api" / "openapi.json"
GENERATOR_CONFIG = Path(__file__).resolve().parent / "generator-config.yaml"
# Our versions of the generator's templates; the others are its defaults.
CUSTOM_TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_URL = "https://non-associations-api-dev.hmpps.service.justice.gov.uk/v3/api-docs"
URL_VARIABLE = "HMPPS_NON_ASSOCIATIONS_API_SPEC_URL"
IGNORED = {"__pycache__", ".mypy_cache", ".ruff_cache"}


class FetchError(Exception):
    """The live document could not be read."""


def fetch(source: str) -> normalise.Doc:
    """Read an OpenAPI document from a URL or a local path."""
    return parse(read(source), source)


def read(source: str) -> bytes:
    """The bytes of a document at a URL or a local path."""
    if "://" not in source or source.startswith("file://"):
        path = Path(source.removeprefix("file://"))
        try:
            return path.read_bytes()
        except OSError as error:
            raise FetchError(f"cannot read {path}: {error.strerror or error}") from error
    import httpx

    try:
        response = httpx.get(source, timeout=30.0, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPStatusError as error:
        raise FetchError(f"{source} answered HTTP {error.response.status_code}") from error
    except httpx.HTTPError as error:
        raise FetchError(f"cannot reach {source}: {error!r}") from error
    return response.content


def parse(raw: bytes, source: str) -> normalise.Doc:
    """An OpenAPI document from raw bytes; FetchError when it is not one."""
    try:
        doc = json.loads(raw)
    except ValueError as error:  # not JSON, or not UTF-8
        raise FetchError(f"{source} did not return JSON: {error}") from error
    if not isinstance(doc, dict) or "openapi" not in doc or "paths" not in doc:
        raise FetchError(f"{source} did not return an OpenAPI document")
    return doc


def generator_input(spec_text: str) -> str:
    """The document as the generator sees it. openapi-python-client 0.29 makes datetime
    fields only of `format: date-time`; the API's local date-times (`local-date-time`,
    see normalise.local_date_times) are to be datetimes too. The models write them back
    with isoformat(), which gives no offset for the naive values the API sends."""
    doc = json.loads(spec_text)
    for _, schema in normalise.all_schemas(doc):
        if schema.get("format") == normalise.LOCAL_DATE_TIME["format"]:
            schema["format"] = "date-time"
    return json.dumps(doc, indent=2)


def generate(spec_text: str, destination: Path) -> None:
    """Run the pinned generator on spec_text into destination; any warning fails."""
    with tempfile.TemporaryDirectory() as work:
        spec_path = Path(work) / "openapi.json"
        spec_path.write_text(generator_input(spec_text), encoding="utf-8")
        output = Path(work) / PACKAGE
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        }
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "openapi_python_client",
                "generate",
                "--path",
                str(spec_path),
                "--config",
                str(GENERATOR_CONFIG),
                "--custom-template-path",
                str(CUSTOM_TEMPLATES),
                "--meta",
                "none",
                "--output-path",
                str(output),
                "--fail-on-warning",
            ],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or "warning" in result.stdout.lower():
            raise SystemExit(f"generation failed:\n{result.stdout}{result.stderr}")
        document = json.loads(spec_text)
        typed_dicts = output / request_dicts.MODULE
        typed_dicts.write_text(request_dicts.render(document), encoding="utf-8")
        readers = output / reply_decoders.MODULE
        readers.write_text(reply_decoders.render(document), encoding="utf-8")
        for written in (typed_dicts, readers):
            for command in (["check", "--fix-only", "--select", "I"], ["format"]):
                subprocess.run(
                    [sys.executable, "-m", "ruff", *command, "--isolated", "--quiet", str(written)],
                    check=True,
                )
        if destination.exists():
            shutil.rmtree(destination)
        shutil.copytree(output, destination, ignore=shutil.ignore_patterns(*IGNORED))


def _files(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and not IGNORED & set(path.relative_to(root).parts)
    }


def tree_differences(expected: Path, actual: Path) -> list[str]:
    """Relative paths whose bytes differ between two trees (missing counts), caches aside."""
    want, have = _files(expected), _files(actual)
    return sorted(name for name in want.keys() | have.keys() if want.get(name) != have.get(name))


def check_generated(spec_text: str) -> list[drift.Change]:
    """Changes needed to make generated/ what spec_text generates."""
    with tempfile.TemporaryDirectory() as work:
        fresh = Path(work) / PACKAGE
        generate(spec_text, fresh)
        return [
            {
                "change": "generated file differs",
                "where": f"generated/{PACKAGE}/{name}",
                "breaking": False,
                "detail": "run `make regenerate`; never edit generated/ by hand",
            }
            for name in tree_differences(fresh, GENERATED)
        ]


def check_copy(spec_text: str) -> list[drift.Change]:
    """The package's copy of openapi.json must be the same document."""
    if PACKAGED_SPEC.is_file() and PACKAGED_SPEC.read_text(encoding="utf-8") == spec_text:
        return []
    where = PACKAGED_SPEC.relative_to(ROOT).as_posix()
    detail = "run `make regenerate`"
    return [{"change": "copy differs", "where": where, "breaking": False, "detail": detail}]


def check_normalised(spec_text: str) -> list[drift.Change]:
    """openapi.json must be a fixed point of the normalisation."""
    if normalise.dumps(normalise.normalise(json.loads(spec_text))) == spec_text:
        return []
    return [
        {
            "change": "openapi.json not normalised",
            "where": "openapi.json",
            "breaking": False,
            "detail": "it was edited by hand; run `make regenerate` after fixing the rules",
        }
    ]


def check_live(spec_text: str, live: normalise.Doc) -> list[drift.Change]:
    """The live document's surface against openapi.json; when that agrees, its prose
    against the upstream copy's (prose never reaches openapi.json, but a maintainer
    should read it: upstream often words a change of behaviour there first)."""
    changes = drift.compare(json.loads(spec_text), normalise.normalise(live))
    if changes or not UPSTREAM.is_file():
        return changes
    return drift.prose_changes(parse(UPSTREAM.read_bytes(), str(UPSTREAM)), live)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--pull", action="store_true", help="fetch and normalise the live document first"
    )
    mode.add_argument("--check", action="store_true", help="report drift instead of writing")
    default_url = os.environ.get(URL_VARIABLE) or DEFAULT_URL
    parser.add_argument(
        "--url", nargs="?", const=default_url, help="live document URL or file path"
    )
    parser.add_argument("--json", action="store_true", help="print the --check report as JSON")
    args = parser.parse_args(argv)

    if args.pull:
        source = args.url or default_url
        try:
            raw = read(source)
            live = parse(raw, source)
        except FetchError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        # Kept before normalising, so a document the rules choke on is there to look at.
        UPSTREAM.parent.mkdir(exist_ok=True)
        UPSTREAM.write_bytes(raw)
        print(f"wrote {UPSTREAM.relative_to(ROOT)}")
        SPEC.write_text(normalise.dumps(normalise.normalise(live)), encoding="utf-8")
        print(f"wrote {SPEC.relative_to(ROOT)}")

    spec_text = SPEC.read_text(encoding="utf-8")
    if not args.check:
        generate(spec_text, GENERATED)
        PACKAGED_SPEC.write_text(spec_text, encoding="utf-8")
        print(f"regenerated generated/{PACKAGE} and the package's copy of openapi.json")
        return 0

    changes = check_normalised(spec_text) + check_generated(spec_text) + check_copy(spec_text)
    if args.url:
        try:
            live = fetch(args.url)
        except FetchError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        changes += check_live(spec_text, live)
    summary = drift.summarise(changes, release.project_version(ROOT))
    print(json.dumps(summary, indent=2) if args.json else drift.report(summary))
    return 1 if changes else 0


if __name__ == "__main__":
    sys.exit(main())
