"""A CycloneDX SBOM of what installing the wheel brings: the package and its runtime
dependencies, at the versions a fresh install resolves.

    python scripts/sbom.py dist/hmpps_non_associations_api-X.Y.Z-py3-none-any.whl OUT.json

The wheel goes into a new virtual environment of its own (no pip, no tools: this
Python's pip installs into it), and cyclonedx-py (the release group's cyclonedx-bom)
describes that environment, with pyproject.toml's metadata for the package itself. The
document is validated against the CycloneDX 1.6 schema as it is written, and is
reproducible (no timestamp or random serial number). The release workflow attaches it
to the GitHub release.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC_VERSION = "1.6"


def build(wheel: Path, output: Path, pyproject: Path = ROOT / "pyproject.toml") -> dict[str, Any]:
    """Write the SBOM for `wheel` to `output` and return it."""
    name, version = wheel.name.split("-")[:2]
    with tempfile.TemporaryDirectory(prefix="sbom-") as temp:
        venv = Path(temp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        python = venv / "bin" / "python"
        pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
        subprocess.run([*pip, "install", "--quiet", str(wheel)], check=True)
        cyclonedx = [sys.executable, "-m", "cyclonedx_py", "environment", str(python)]
        options = ["--pyproject", str(pyproject), "--mc-type", "library"]
        options += ["--spec-version", SPEC_VERSION, "--output-format", "JSON"]
        options += ["--output-reproducible", "--validate", "--output-file", str(output)]
        subprocess.run([*cyclonedx, *options], check=True)
    document: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    root = document["metadata"]["component"]
    if (root["name"].replace("-", "_"), root["version"]) != (name, version):
        raise SystemExit(f"the SBOM describes {root['name']} {root['version']}, not {wheel.name}")
    return document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    document = build(args.wheel, args.output)
    count = len(document["components"])
    print(f"{args.output}: CycloneDX {SPEC_VERSION}, {count} runtime components")
    return 0


if __name__ == "__main__":
    sys.exit(main())
