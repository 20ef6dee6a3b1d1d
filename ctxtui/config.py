"""Where the data lives and which UK nation's bank holidays count."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import platformdirs

from . import dates

APP_NAME = "ctxtui"


def data_dir(explicit: str | None = None) -> Path:
    """``--data-dir``, else ``CTXTUI_DATA_DIR``, else ``data_dir = "…"`` in the config file (a
    team folder, say), else the platform's user data folder."""
    chosen = explicit or os.environ.get("CTXTUI_DATA_DIR") or _setting("data_dir")
    return Path(chosen).expanduser() if chosen else Path(platformdirs.user_data_dir(APP_NAME))


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


class ConfigError(Exception):
    """The config file or a setting cannot be used; the message says which and why."""


def _setting(name: str) -> str | None:
    """A text setting at the top of the config file, or None when it is not there."""
    path = config_path()
    if not path.exists():
        return None
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get(name)
    except (OSError, ValueError) as error:
        raise ConfigError(f"cannot read {path}: {error}") from None
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{path}: {name} must be text in quotes")
    return value


def nation() -> str:
    """``CTXTUI_NATION``, else ``nation = "…"`` in the config file, else England and Wales."""
    configured = _setting("nation")
    try:
        return dates.nation_from_env(configured)
    except ValueError as error:
        raise ConfigError(str(error)) from None
