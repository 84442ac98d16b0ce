"""The wheel ships both packages, their typing markers, the fake's document and the
pytest plugin, and asks for nothing beyond its declared runtime dependencies."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("hmpps_non_associations_api-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode()
        points = archive.read(info.replace("METADATA", "entry_points.txt")).decode()
    for expected in (
        "hmpps_non_associations_api/py.typed",
        "hmpps_non_associations_api/client.py",
        "hmpps_non_associations_api/testing/openapi.json",
        "hmpps_non_associations_api_client/py.typed",
        "hmpps_non_associations_api_client/models/non_association.py",
    ):
        assert expected in names
    assert not any(name.startswith(("tests/", "scripts/", "generated/")) for name in names)
    required = sorted(
        line.split(":", 1)[1].split(">")[0].split("<")[0].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    )
    assert required == ["aiohttp", "attrs", "httpx", "python-dateutil", "tzdata", "yarl"]
    # OpenTelemetry only through the `otel` extra (README: Observability)
    assert "Requires-Dist: opentelemetry-api>=1.27; extra == 'otel'" in metadata.splitlines()
    assert "hmpps_non_associations_api.testing.pytest_plugin" in points
