"""Install each built file into a fresh virtual environment and use it there.

    python scripts/smoke_dist.py dist/*.whl dist/*.tar.gz

For each wheel or sdist: a new virtual environment (without pip of its own: this
Python's pip installs into it) gets the file, with its dependencies from the package
index, and the pytest the test group pins; then tests/project/wheel_smoke.py runs with it from
outside the checkout. CI's wheel job and the release workflow run this on the files they
build, so what is published is what was tried. Exit 1 when any file fails.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMOKE = ROOT / "tests" / "project" / "wheel_smoke.py"


def pytest_requirement(root: Path = ROOT) -> str:
    """`pytest==X` as the test dependency group pins it."""
    groups = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "dependency-groups"
    ]
    for entry in groups["test"]:
        if isinstance(entry, str) and re.fullmatch(r"pytest==[\w.]+", entry):
            return entry
    raise SystemExit("pyproject.toml's test group pins no pytest==X")


def smoke(file: Path, requirement: str) -> bool:
    print(f"== {file.name}", flush=True)
    with tempfile.TemporaryDirectory(prefix="smoke-") as temp:
        venv = Path(temp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        python = venv / "bin" / "python"
        pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
        install = subprocess.run([*pip, "install", "--quiet", str(file), requirement], check=False)
        if install.returncode != 0:
            print(f"{file.name}: could not be installed", flush=True)
            return False
        run = subprocess.run([str(python), str(SMOKE)], cwd=temp, timeout=300, check=False)
        return run.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="wheels and sdists")
    args = parser.parse_args(argv)
    requirement = pytest_requirement()
    failed = [file.name for file in args.files if not smoke(file, requirement)]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"{len(args.files)} file(s) install and work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
