"""The wheel carries everything the app reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_styles_data_and_the_reference_document(tmp_path):
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
        timeout=300,
    )
    [wheel] = tmp_path.glob("ctxtui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    styles = {p.name for p in (ROOT / "styles").glob("*.tcss")}
    assert {f"ctxtui/styles/{name}" for name in styles} <= names
    assert {"ctxtui/export/reference.docx", "ctxtui/data/forenames.txt"} <= names
    assert not [n for n in names if n.startswith("tests/") or n.startswith("bench/")]
