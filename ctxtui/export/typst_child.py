"""Compile one Typst document to PDF in a process of its own, so the caller can bound its time
(a timeout) and its memory (a limit on its data, set here before Typst loads).

Run as a script, never imported into the app: ``python -P typst_child.py ROOT FONTS BYTES
[archive]`` compiles ROOT/minutes.typ into ROOT/minutes.pdf (PDF/UA-1; with ``archive``,
PDF/A-2b too) with only the fonts in FONTS and Typst's own, with at most BYTES of data (heap).
On failure it prints one line and exits 2; out of memory, 3.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    root, fonts, limit, *archive = argv
    memory = int(limit)
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    try:
        import typst

        standards: list[typst.PDFStandard] = ["ua-1", "a-2b"] if archive else ["ua-1"]
        pdf = typst.compile(
            str(Path(root) / "minutes.typ"),
            root=root,
            font_paths=[fonts],
            ignore_system_fonts=True,
            pdf_standards=standards,
            package_path=str(Path(root) / "packages"),
            package_cache_path=str(Path(root) / "packages"),
            pdf_tags=True,
        )
    except MemoryError:
        return 3
    except ImportError as error:  # the compiler itself could not be mapped into memory
        if "failed to map" in str(error):
            return 3
        print(error, file=sys.stderr)
        return 2
    except RuntimeError as error:
        said = str(error).strip()
        print(said.splitlines()[0] if said else type(error).__name__, file=sys.stderr)
        return 2
    (Path(root) / "minutes.pdf").write_bytes(bytes(pdf))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
