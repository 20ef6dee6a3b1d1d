"""The TinyDB storage of one conference file. Loaded at the first save: opening a conference
reads the file directly (conffile.py), and TinyDB's import was 1% of the first frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from ctxtui.storage.conffile import encode, read_json_file
from ctxtui.storage.files import atomic_write, fits


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads utf-8 JSON, writes through :func:`atomic_write` with a backup."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        return read_json_file(self.path)

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, fits(encode(data)), keep_backup=True)
