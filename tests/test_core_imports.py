"""The core must be usable without the UI: importing any module of it never loads Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import ctxtui

UI = ("ctxtui.app", "ctxtui.screens", "ctxtui.widgets")
RUNS_ON_IMPORT = ("ctxtui.__main__",)  # would start the command


def core_modules() -> list[str]:
    """Every module of the package except the UI's, found by walking it (not a fixed list)."""
    names = [
        info.name
        for info in pkgutil.walk_packages(ctxtui.__path__, prefix="ctxtui.")
        if not info.name.startswith(UI) and info.name not in RUNS_ON_IMPORT
    ]
    return ["ctxtui", *sorted(names)]


def test_the_walk_finds_the_whole_core():
    found = set(core_modules())
    for name in (
        "ctxtui.guard.privacy",
        "ctxtui.meeting.meeting",
        "ctxtui.meeting.autosave",
        "ctxtui.core.catalogue",
        "ctxtui.resources",
        "ctxtui.export.docx",
        "ctxtui.meeting.editing",
        "ctxtui.storage.files",
    ):
        assert name in found
    assert not any(name.startswith(UI) for name in found)


def test_core_modules_do_not_import_textual():
    code = (
        "import sys\n"
        f"for name in {core_modules()!r}: __import__(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
