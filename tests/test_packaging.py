"""The wheel carries everything the app reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

SLOW = True  # builds and installs the wheel: not in make test-quick

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_styles_data_the_reference_document_and_the_fonts(tmp_path):
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
    assert {"ctxtui/export/reference.docx", "ctxtui/guard/data/forenames.txt"} <= names
    # the PDF's fonts, their licences and record, the filters and the Typst child
    fonts = ROOT / "ctxtui" / "export" / "fonts"
    shipped = {f"ctxtui/export/fonts/{p.name}" for p in fonts.iterdir()}
    assert len(shipped) > 30 and shipped <= names
    filters = {"ctxtui/export/pieces.lua", "ctxtui/export/marks.lua"}
    assert {*filters, "ctxtui/export/typst_child.py"} <= names
    assert not [n for n in names if n.startswith("tests/") or n.startswith("bench/")]


def test_the_quick_tests_are_the_unit_tests():
    """``make test-quick``: no app, terminal, subprocess or server among them."""
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "quick", "--collect-only", "-q"]
        + ["-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout.splitlines()
    tests = [line for line in listed if "::" in line]
    assert len(tests) >= 200
    slow = ("snapshots", "keys_differential", "keys_in_bursts", "crashes", "ssh", "export_app")
    assert not [t for t in tests if t.startswith(tuple(f"tests/test_{m}.py" for m in slow))]
    assert "tests/test_model.py::test_any_valid_record_survives_the_round_trip" not in tests
