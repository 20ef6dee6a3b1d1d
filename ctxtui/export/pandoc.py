"""pandoc, bounded: every run gets a time limit and a memory limit, and each limit reached is
one sentence (``PandocUnavailable``), never a traceback or the host's memory.

The one definition of those limits: the exports (DOCX, Typst for the PDF), the reference
document's builder and the reader of written contributions all use it.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

# pandoc is given at most this long and this much memory (its Haskell runtime's own limit,
# ``+RTS -M``): a text made to keep it busy for minutes or to take gigabytes ends in one
# sentence. The big benchmark conference (300 points) takes pandoc about 0.3 s and 60 MB.
PANDOC_SECONDS = 30
PANDOC_MEMORY = "512m"
RTS_LIMITS = ("+RTS", f"-M{PANDOC_MEMORY}", "-RTS")


class PandocUnavailable(RuntimeError):
    """pandoc could not be found, could not run, or went past its time or memory limit."""


def pandoc_path() -> str:
    """The pandoc the exports run: the one ``PYPANDOC_PANDOC`` names (as pypandoc reads it),
    else the one the pypandoc-binary wheel bundles, else one on the PATH. Found without running
    it: pypandoc's own search runs ``pandoc --version`` with no time limit."""
    named = os.environ.get("PYPANDOC_PANDOC")
    if named:
        return named
    wheel = importlib.util.find_spec("pypandoc")
    if wheel is not None and wheel.origin is not None:
        bundled = Path(wheel.origin).parent / "files" / "pandoc"
        if bundled.is_file():
            return str(bundled)
    on_path = shutil.which("pandoc")
    if on_path is None:
        raise PandocUnavailable("pandoc was not found (the pypandoc-binary package bundles it)")
    return on_path


def out_of_memory(stderr: bytes) -> bool:
    """Whether pandoc stopped at its memory limit (what its runtime prints then)."""
    return b"Heap exhausted" in stderr or b"heap overflow" in stderr


def run_pandoc(arguments: Sequence[str], text: str, *, cwd: Path | None = None) -> bytes:
    """pandoc in its sandbox on ``text`` (UTF-8 on its standard input), within the limits;
    its standard output."""
    command = [pandoc_path(), *RTS_LIMITS, "--sandbox", *arguments]
    try:
        result = subprocess.run(
            command,
            input=text.encode("utf-8"),
            capture_output=True,
            timeout=PANDOC_SECONDS,
            cwd=cwd,
        )
    except subprocess.TimeoutExpired:
        raise PandocUnavailable(f"pandoc took longer than {PANDOC_SECONDS} s") from None
    except OSError as error:
        raise PandocUnavailable(f"pandoc could not run ({error.strerror or error})") from None
    if result.returncode != 0:
        if out_of_memory(result.stderr):
            raise PandocUnavailable(f"pandoc needed more than its {PANDOC_MEMORY}B of memory")
        said = result.stderr.decode("utf-8", errors="replace").strip()
        first = said.splitlines()[0].rstrip(":.") if said else f"exit {result.returncode}"
        raise PandocUnavailable(f"pandoc could not run ({first[:200]})")
    return result.stdout
