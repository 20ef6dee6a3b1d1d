"""Keeping conferences on disk: one file per conference, safely shared.

Owns atomic writes and file modes (``files``), locks (``locks``), a log's lines read in bounded
chunks (``log_lines``), stored text made safe to print (``terminal_text``), the conference files
and the store (``conffile``, ``store``), the home screen's index (``listing``), rescue copies
(``rescue``), the audit log (``audit``, ``system_log``), the service's words (``words``) and
``config.toml`` (``config``). May import ``ctxtui.core`` only; ``files``, ``locks``,
``log_lines`` and ``terminal_text`` know no record at all.
"""
