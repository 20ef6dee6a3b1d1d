"""Where the data lives and which UK nation's bank holidays count."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from ctxtui.core import dates
from ctxtui.core.record import CONTEXT_TYPES
from ctxtui.storage.files import describe, read_plain

if TYPE_CHECKING:
    from ctxtui.core.retention import Retention

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


def _config() -> dict[str, object]:
    """The config file's settings ({} when there is no file)."""
    path = config_path()
    try:
        text = read_plain(path).decode("utf-8")
        import tomllib  # loaded only when there is a file to read, not at every start

        return tomllib.loads(text)
    except FileNotFoundError:
        return {}
    except OSError as error:  # unreadable, a link, not a plain file
        raise ConfigError(f"cannot read {path}: {describe(error)}") from None
    except ValueError as error:
        raise ConfigError(f"cannot read {path}: {error}") from None


def smtp_table() -> dict[str, object] | None:
    """The ``[smtp]`` table: how the minutes are mailed (see ``circulate.smtp_settings``)."""
    table = _config().get("smtp")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{config_path()}: smtp must be a table ([smtp])")
    return table


def _setting(name: str) -> str | None:
    """A text setting at the top of the config file, or None when it is not there."""
    path = config_path()
    value = _config().get(name)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{path}: {name} must be text in quotes")
    return value


def keymap() -> dict[str, str]:
    """``[keymap]`` in the config file: binding id -> keys ("capture.next_target" = "ctrl+n")."""
    table = _config().get("keymap", {})
    if not isinstance(table, dict) or not all(isinstance(keys, str) for keys in table.values()):
        raise ConfigError(
            f"{config_path()}: [keymap] must map binding ids to keys in quotes, e.g. "
            '"capture.next_target" = "ctrl+n"'
        )
    return {str(ident): keys for ident, keys in table.items()}


def _sharing_table() -> dict[str, object]:
    """``[sharing]``: who counts as a statutory partner, and the agreement's usual reference."""
    table = _config().get("sharing", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{config_path()}: sharing must be a table ([sharing])")
    unknown = sorted(set(table) - {"statutory_partners", "agreement_reference"})
    if unknown:
        raise ConfigError(
            f"{config_path()}: [sharing] has settings ctxtui does not know: {unknown[0]}"
        )
    return table


def statutory_partners() -> tuple[str, ...] | None:
    """``statutory_partners = ["Children's Social Care", "Police", …]`` in ``[sharing]``: the
    agencies the service counts as statutory partners, in place of the catalogue's list
    (``core/catalogue.py``); None when not set."""
    value = _sharing_table().get("statutory_partners")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise ConfigError(
            f"{config_path()}: [sharing] statutory_partners must be a list of agencies in quotes, "
            'e.g. ["Police", "Housing"]'
        )
    return tuple(name.strip() for name in value if name.strip())


def agreement_reference() -> str:
    """``agreement_reference = "…"`` in ``[sharing]``: the version or reference of the
    service's information-sharing agreement, offered when one signed is recorded."""
    value = _sharing_table().get("agreement_reference", "")
    if not isinstance(value, str):
        raise ConfigError(f"{config_path()}: [sharing] agreement_reference must be text in quotes")
    return value.strip()


def exports_dir() -> Path:
    """Where the app writes exported minutes, summaries and reports: ``CTXTUI_EXPORTS_DIR``,
    else ``exports_dir = "…"`` in the config file, else a ``ctxtui-exports`` folder in your
    documents folder (or your home folder where there is none). Never the folder the app was
    started from."""
    setting = os.environ.get("CTXTUI_EXPORTS_DIR") or _setting("exports_dir")
    if setting:
        return Path(setting).expanduser()
    documents = Path(platformdirs.user_documents_dir())
    return (documents if documents.is_dir() else Path.home()) / "ctxtui-exports"


def nation() -> str:
    """``CTXTUI_NATION``, else ``nation = "…"`` in the config file, else England and Wales."""
    configured = _setting("nation")
    try:
        return dates.nation_from_env(configured)
    except ValueError as error:
        raise ConfigError(str(error)) from None


def local_words() -> frozenset[str]:
    """``local_words = "…"`` in the config file: a file of the service's own place and
    organisation names, one a line (``#`` starts a comment), that the names check never asks
    about. Read as lower case; empty when not set."""
    setting = _setting("local_words")
    if not setting:
        return frozenset()
    path = Path(setting).expanduser()
    try:
        text = read_plain(path).decode("utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read the local words file {path}: {describe(error)}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"the local words file {path} is not UTF-8 text") from None
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(word.lower() for word in line.split())
    return frozenset(words)


def retention() -> Retention:
    """``retention_years = 7``, or per context type: ``retention_years = { default = 7,
    school = 10 }``. Not set: nothing is ever past retention."""
    from ctxtui.core.retention import Retention

    value = _config().get("retention_years")
    where = f"{config_path()}: retention_years"
    if value is None:
        return Retention(None, {})
    if isinstance(value, dict):
        table = dict(value)
        default = table.pop("default", None)
    else:
        table, default = {}, value
    for name, years in [("default", default), *table.items()]:
        if years is not None and (type(years) is not int or not 1 <= years <= 100):
            raise ConfigError(f"{where}: {name} must be a whole number of years from 1 to 100")
    unknown = sorted(set(table) - set(CONTEXT_TYPES))
    if unknown:
        raise ConfigError(f"{where}: {unknown[0]!r} is not a context type")
    return Retention(default, table)
