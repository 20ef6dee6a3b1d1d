"""Where the data lives and which UK nation's bank holidays count."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import platformdirs

from . import dates

APP_NAME = "ctxtui"


def data_dir(explicit: str | None = None) -> Path:
    """``--data-dir``, else ``CTXTUI_DATA_DIR``, else the platform's user data folder."""
    chosen = explicit or os.environ.get("CTXTUI_DATA_DIR")
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME))


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


class ConfigError(Exception):
    """The config file or a setting cannot be used; the message says which and why."""


def nation() -> str:
    """``CTXTUI_NATION``, else ``nation = "…"`` in the config file, else England and Wales."""
    configured = None
    path = config_path()
    if path.exists():
        try:
            configured = tomllib.loads(path.read_text(encoding="utf-8")).get("nation")
        except (OSError, ValueError) as error:
            raise ConfigError(f"cannot read {path}: {error}") from None
    try:
        return dates.nation_from_env(configured if isinstance(configured, str) else None)
    except ValueError as error:
        raise ConfigError(str(error)) from None
