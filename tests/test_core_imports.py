"""The core must be usable without the UI: importing it never loads Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "ctxtui.model",
    "ctxtui.store",
    "ctxtui.dates",
    "ctxtui.config",
    "ctxtui.demo",
    "ctxtui.export",
    "ctxtui.cli",
]


def test_core_modules_do_not_import_textual():
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
