"""Keeping conferences on disk: one file per conference, safely shared.

Owns atomic writes and file modes (``files``), locks (``locks``), stored text made safe to print
(``terminal_text``), the conference files and the store (``conffile``, ``store``), the home
screen's index (``listing``), rescue copies (``rescue``) and ``config.toml`` (``config``).
May import ``ctxtui.core`` only; ``files``, ``locks`` and ``terminal_text`` know no record at all.
"""
